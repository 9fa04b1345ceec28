//! Writes N certificates for benchmarks, deterministically: the same N gives
//! the same files, byte for byte.
//!
//!     cargo run --release --example gen-corpus -- N DIR
//!
//! A third each RSA-2048 (sha256WithRSAEncryption), ECDSA P-256
//! (ecdsa-with-SHA256) and SM2 (SM2-with-SM3), issued by the CAs of
//! `corpus/certificates/ca` with their committed test keys, so
//! `certlex check --issuers corpus/certificates/ca DIR` verifies every
//! signature and chain. Extensions vary the way issued certificates do
//! (signing and encryption key usages, e-mail or DNS names, policies, OCSP),
//! and about one certificate in twenty carries a deliberate defect.
//! Signatures are deterministic (PKCS #1 v1.5, RFC 6979), so are the files.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a bench tool"
)]

use std::path::{Path, PathBuf};
use std::str::FromStr;

use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::der;
use x509_cert::der::asn1::{Ia5String, OctetString};
use x509_cert::der::{Decode, DecodePem, EncodePem};
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CrlDistributionPoints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::{SubjectPublicKeyInfo, SubjectPublicKeyInfoRef};
use x509_cert::time::{Time, Validity};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/certificates");

/// What one certificate looks like, decided from its index alone.
struct Plan {
    index: u64,
    subject: Name,
    issuer: Name,
    issuer_key_id: Vec<u8>,
    encryption: bool,
    defect: Option<Defect>,
}

#[derive(Clone, Copy)]
enum Defect {
    /// No CRL distribution point and no OCSP (ESL-22-REVOCATION-POINTER).
    NoRevocationPointer,
    /// No authority key identifier (RFC5280-AUTHORITY-KEY-ID).
    NoAuthorityKeyId,
    /// Signing and encryption usages together (GMT0015-SIGNING-OR-ENCRYPTION on SM2).
    MixedUsage,
}

impl BuilderProfile for Plan {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let subject = tbs.subject();
        let mut out = Vec::new();
        let mut push = |e: Extension| out.push(e);
        push(
            BasicConstraints {
                ca: false,
                path_len_constraint: None,
            }
            .to_extension(subject, &[])?,
        );
        let usage = match (self.defect, self.encryption) {
            (Some(Defect::MixedUsage), _) => KeyUsages::DigitalSignature | KeyUsages::KeyEncipherment,
            (_, true) => KeyUsages::KeyEncipherment | KeyUsages::DataEncipherment | KeyUsages::KeyAgreement,
            (_, false) => KeyUsages::DigitalSignature | KeyUsages::NonRepudiation,
        };
        push(KeyUsage(usage).to_extension(subject, &[])?);
        let ski = sha1_of(spk.subject_public_key.raw_bytes());
        push(SubjectKeyIdentifier(OctetString::new(ski)?).to_extension(subject, &[])?);
        if !matches!(self.defect, Some(Defect::NoAuthorityKeyId)) {
            let aki = AuthorityKeyIdentifier {
                key_identifier: Some(OctetString::new(self.issuer_key_id.clone())?),
                authority_cert_issuer: None,
                authority_cert_serial_number: None,
            };
            push(aki.to_extension(subject, &[])?);
        }
        if !matches!(self.defect, Some(Defect::NoRevocationPointer)) {
            let uri = Ia5String::new(&format!("http://crl.bench.example.cn/{}.crl", self.index % 16))?;
            let dp = DistributionPoint {
                distribution_point: Some(DistributionPointName::FullName(vec![
                    GeneralName::UniformResourceIdentifier(uri),
                ])),
                reasons: None,
                crl_issuer: None,
            };
            push(CrlDistributionPoints(vec![dp]).to_extension(subject, &[])?);
        }
        if self.index.is_multiple_of(3) {
            let mail = Ia5String::new(&format!("user{}@bench.example.cn", self.index))?;
            push(SubjectAltName(vec![GeneralName::Rfc822Name(mail)]).to_extension(subject, &[])?);
            // clientAuth and emailProtection
            let eku = ExtendedKeyUsage(vec![
                der::oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.2"),
                der::oid::ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.4"),
            ]);
            push(eku.to_extension(subject, &[])?);
        }
        Ok(out)
    }
}

/// The sm2 crate signs into a raw `r || s`; X.509 (GM/T 0015, RFC 5480)
/// carries SM2 signatures DER-encoded, as OpenSSL writes them.
struct Sm2Der(sm2::dsa::SigningKey);

impl signature::Signer<sm2::dsa::DerSignature> for Sm2Der {
    fn try_sign(&self, msg: &[u8]) -> Result<sm2::dsa::DerSignature, signature::Error> {
        let raw: sm2::dsa::Signature = self.0.try_sign(msg)?;
        Ok(raw.to_der())
    }
}

impl signature::Keypair for Sm2Der {
    type VerifyingKey = sm2::dsa::VerifyingKey;
    fn verifying_key(&self) -> Self::VerifyingKey {
        self.0.verifying_key().clone()
    }
}

impl x509_cert::spki::SignatureAlgorithmIdentifier for Sm2Der {
    type Params = der::AnyRef<'static>;
    const SIGNATURE_ALGORITHM_IDENTIFIER: x509_cert::spki::AlgorithmIdentifier<Self::Params> =
        sm2::dsa::SigningKey::SIGNATURE_ALGORITHM_IDENTIFIER;
}

fn sha1_of(bytes: &[u8]) -> Vec<u8> {
    use sha1::Digest;
    sha1::Sha1::digest(bytes).to_vec()
}

fn pem_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(CORPUS).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

struct Issuer {
    name: Name,
    key_id: Vec<u8>,
}

fn issuer(ca: &str) -> Issuer {
    let cert = Certificate::from_pem(
        pem_file(&format!("ca/{ca}.pem"))
            .split("-----BEGIN")
            .last()
            .map(|b| format!("-----BEGIN{b}"))
            .unwrap(),
    )
    .unwrap();
    let tbs = cert.tbs_certificate();
    let key_id = tbs
        .extensions()
        .into_iter()
        .flatten()
        .find(|e| e.extn_id == der::oid::ObjectIdentifier::new_unwrap("2.5.29.14"))
        .map(|e| {
            OctetString::from_der(e.extn_value.as_bytes())
                .unwrap()
                .as_bytes()
                .to_vec()
        })
        .unwrap_or_else(|| sha1_of(tbs.subject_public_key_info().subject_public_key.raw_bytes()));
    Issuer {
        name: tbs.subject().clone(),
        key_id,
    }
}

fn validity() -> Validity {
    let at = |s: &str| Time::UtcTime(der::asn1::UtcTime::from_date_time(der::DateTime::from_str(s).unwrap()).unwrap());
    Validity::new(at("2025-03-01T00:00:00Z"), at("2027-03-01T00:00:00Z"))
}

fn plan(index: u64, family: &str, issuer: &Issuer) -> Plan {
    let defect = match index % 20 {
        7 => Some(Defect::NoRevocationPointer),
        13 => Some(Defect::NoAuthorityKeyId),
        19 if family == "sm2" => Some(Defect::MixedUsage),
        _ => None,
    };
    let subject = Name::from_str(&format!(
        "CN={family} subscriber {index},O=Bench Subscriber {},C=CN",
        index % 97
    ))
    .unwrap();
    Plan {
        index,
        subject,
        issuer: issuer.name.clone(),
        issuer_key_id: issuer.key_id.clone(),
        encryption: family == "sm2" && index % 2 == 1,
        defect,
    }
}

fn serial(index: u64) -> SerialNumber {
    // 16 octets, positive, unique per index.
    let mut bytes = [0u8; 16];
    bytes[0] = 0x21;
    bytes[8..].copy_from_slice(&index.to_be_bytes());
    SerialNumber::new(&bytes).unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(dir)) = (args.next().and_then(|n| n.parse::<u64>().ok()), args.next()) else {
        eprintln!("usage: gen-corpus N DIR");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();

    let rsa_ca = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(
        rsa::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem_file("keys/rsa-root.key")).unwrap(),
    );
    let rsa_ee: rsa::PrivateKey = rsa::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem_file("keys/rsa-ee.key")).unwrap();
    let rsa_spki = SubjectPublicKeyInfo::from_key(&rsa_ee.to_public_key()).unwrap();

    let ec_ca: p256::ecdsa::SigningKey =
        p256::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem_file("keys/ecdsa-root.key")).unwrap();
    let ec_ee: p256::SecretKey = p256::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem_file("keys/ecdsa-ee.key")).unwrap();
    let ec_spki = SubjectPublicKeyInfo::from_key(&ec_ee.public_key()).unwrap();

    let distid = "1234567812345678";
    let sm2_ca_secret: sm2::SecretKey =
        sm2::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem_file("keys/sm2-sub.key")).unwrap();
    let sm2_ca = Sm2Der(sm2::dsa::SigningKey::new(distid, &sm2_ca_secret).unwrap());
    let sm2_ee: sm2::SecretKey = sm2::pkcs8::DecodePrivateKey::from_pkcs8_pem(&pem_file("keys/sm2-sign.key")).unwrap();
    let sm2_spki = SubjectPublicKeyInfo::from_key(&sm2_ee.public_key()).unwrap();

    let (rsa_issuer, ec_issuer, sm2_issuer) = (issuer("rsa-root"), issuer("ecdsa-root"), issuer("sm2-sub"));
    for index in 0..n {
        let pem = match index % 3 {
            0 => {
                let b = CertificateBuilder::new(
                    plan(index, "rsa", &rsa_issuer),
                    serial(index),
                    validity(),
                    rsa_spki.clone(),
                )
                .unwrap();
                b.build::<_, rsa::pkcs1v15::Signature>(&rsa_ca).unwrap()
            }
            1 => {
                let b = CertificateBuilder::new(
                    plan(index, "ecdsa", &ec_issuer),
                    serial(index),
                    validity(),
                    ec_spki.clone(),
                )
                .unwrap();
                b.build::<_, p256::ecdsa::DerSignature>(&ec_ca).unwrap()
            }
            _ => {
                let b = CertificateBuilder::new(
                    plan(index, "sm2", &sm2_issuer),
                    serial(index),
                    validity(),
                    sm2_spki.clone(),
                )
                .unwrap();
                b.build::<_, sm2::dsa::DerSignature>(&sm2_ca).unwrap()
            }
        }
        .to_pem(der::pem::LineEnding::LF)
        .unwrap();
        std::fs::write(dir.join(format!("cert-{index:06}.pem")), pem).unwrap();
    }
    eprintln!("wrote {n} certificates to {}", dir.display());
}
