//! Checking a signature (on a certificate, CRL, request or OCSP response):
//! RSA (PKCS #1 v1.5 and PSS), ECDSA (P-256, P-384, P-521) and Ed25519 with
//! aws-lc-rs, SM2 with SM3 with RustCrypto's `sm2`. An algorithm or key size
//! that cannot be checked here is `Unsupported`, never a failure: a
//! signature certlex cannot check is unknown, not bad. A signature by a key
//! of another type than the algorithm names cannot be valid. Reasons are
//! worded for people, never naming a library.

use aws_lc_rs::signature as lc;
use sm2::dsa::signature::Verifier as _;
use x509_parser::asn1_rs::BitString;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;
use x509_parser::public_key::RSAPublicKey;
use x509_parser::signature_algorithm::RsaSsaPssParams;
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo};

use crate::i18n::Text;

/// SM2 with SM3 (GM/T 0006).
pub const SM2_WITH_SM3: &str = "1.2.156.10197.1.501";
/// The SM2 curve; also used by some CAs as the key algorithm OID itself.
pub const SM2_CURVE: &str = "1.2.156.10197.1.301";
/// The default signer ID of GM/T 0009 and GM/T 0015.
pub const SM2_DISTID: &str = "1234567812345678";

const RSA_KEY: &str = "1.2.840.113549.1.1.1";
const RSA_PSS: &str = "1.2.840.113549.1.1.10";
const EC_KEY: &str = "1.2.840.10045.2.1";
const ED25519: &str = "1.3.101.112";
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";
const P521: &str = "1.3.132.0.35";
const SHA256: &str = "2.16.840.1.101.3.4.2.1";
const SHA384: &str = "2.16.840.1.101.3.4.2.2";
const SHA512: &str = "2.16.840.1.101.3.4.2.3";

/// The signature algorithms certlex verifies whose parameters are NULL or
/// absent: RSA PKCS #1 v1.5 (RFC 4055 5: NULL), ECDSA (RFC 5758 3.2: absent),
/// Ed25519 (RFC 8410 3: absent) and SM2 with SM3 (absent, or NULL as some
/// CAs write it). Not RSASSA-PSS, whose parameters are a SEQUENCE.
pub(crate) fn takes_null_or_nothing(oid: &str) -> bool {
    matches!(
        oid,
        "1.2.840.113549.1.1.5"
            | "1.3.14.3.2.29"
            | "1.2.840.113549.1.1.11"
            | "1.2.840.113549.1.1.12"
            | "1.2.840.113549.1.1.13"
            | "1.2.840.10045.4.3.2"
            | "1.2.840.10045.4.3.3"
            | "1.2.840.10045.4.3.4"
            | ED25519
            | SM2_WITH_SM3
    )
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    Invalid,
    Unsupported(Text),
}

/// Does `cert` carry a valid signature by the key `issuer`?
pub fn verify(cert: &X509Certificate, issuer: &SubjectPublicKeyInfo) -> Verdict {
    verify_signed(
        cert.tbs_certificate.as_ref(),
        &cert.signature_algorithm,
        &cert.signature_value,
        issuer,
    )
}

/// Is `signature` (by `algorithm`) over `signed` valid for the key `key`?
/// Certificates, CRLs, requests and OCSP responses are all signed so.
pub fn verify_signed(
    signed: &[u8],
    algorithm: &AlgorithmIdentifier,
    signature: &BitString,
    key: &SubjectPublicKeyInfo,
) -> Verdict {
    let alg = super::oid_text(&algorithm.algorithm);
    if &*alg == SM2_WITH_SM3 {
        return verify_sm2(signed, signature, key);
    }
    let algorithm = match verification_algorithm(algorithm, &alg, key) {
        Ok(a) => a,
        Err(v) => return v,
    };
    let key = lc::UnparsedPublicKey::new(algorithm, &key.subject_public_key.data);
    match key.verify(signed, &signature.data) {
        Ok(()) => Verdict::Valid,
        Err(_) => Verdict::Invalid,
    }
}

fn unsupported(alg: &str) -> Verdict {
    Verdict::Unsupported(Text::both(
        format!("无法在此检查签名算法 `{alg}` 的签名"),
        format!("signatures with the algorithm `{alg}` cannot be checked here"),
    ))
}

/// The verification algorithm for a signature algorithm and
/// its issuer's key; `Err` with the verdict when there is none.
fn verification_algorithm(
    identifier: &AlgorithmIdentifier,
    alg: &str,
    issuer: &SubjectPublicKeyInfo,
) -> Result<&'static dyn lc::VerificationAlgorithm, Verdict> {
    let key_alg = super::oid_text(&issuer.algorithm.algorithm);
    let rsa_key = matches!(&*key_alg, RSA_KEY | RSA_PSS);
    let rsa = |least: usize, pick: &'static dyn lc::VerificationAlgorithm| {
        if !rsa_key {
            return Err(Verdict::Invalid);
        }
        let Ok((_, key)) = RSAPublicKey::from_der(&issuer.subject_public_key.data) else {
            return Err(Verdict::Invalid);
        };
        let bits = modulus_bits(key.modulus);
        if bits < least || bits > 8192 {
            return Err(Verdict::Unsupported(Text::both(
                format!("无法在此检查 {bits} 位 RSA 密钥的签名（只能检查 {least} 至 8192 位）"),
                format!("RSA signatures by {bits}-bit keys cannot be checked here (only {least} to 8192 bits)"),
            )));
        }
        Ok(pick)
    };
    match alg {
        // sha1WithRSAEncryption, and the old OIW form of it
        "1.2.840.113549.1.1.5" | "1.3.14.3.2.29" => rsa(1024, &lc::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY),
        "1.2.840.113549.1.1.11" => rsa(2048, &lc::RSA_PKCS1_2048_8192_SHA256),
        "1.2.840.113549.1.1.12" => rsa(2048, &lc::RSA_PKCS1_2048_8192_SHA384),
        "1.2.840.113549.1.1.13" => rsa(2048, &lc::RSA_PKCS1_2048_8192_SHA512),
        RSA_PSS => {
            let hash = identifier
                .parameters
                .as_ref()
                .and_then(|p| RsaSsaPssParams::try_from(p).ok())
                .map(|p| p.hash_algorithm_oid().to_id_string());
            match hash.as_deref() {
                Some(SHA256) => rsa(2048, &lc::RSA_PSS_2048_8192_SHA256),
                Some(SHA384) => rsa(2048, &lc::RSA_PSS_2048_8192_SHA384),
                Some(SHA512) => rsa(2048, &lc::RSA_PSS_2048_8192_SHA512),
                _ => Err(unsupported(alg)),
            }
        }
        "1.2.840.10045.4.3.2" | "1.2.840.10045.4.3.3" | "1.2.840.10045.4.3.4" => {
            if &*key_alg != EC_KEY {
                return Err(Verdict::Invalid);
            }
            let curve = issuer
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| super::oid_text(&o));
            let hash = alg.rsplit('.').next().unwrap_or("");
            Ok(match (curve.as_deref(), hash) {
                (Some(P256), "2") => &lc::ECDSA_P256_SHA256_ASN1,
                (Some(P256), "3") => &lc::ECDSA_P256_SHA384_ASN1,
                (Some(P256), "4") => &lc::ECDSA_P256_SHA512_ASN1,
                (Some(P384), "2") => &lc::ECDSA_P384_SHA256_ASN1,
                (Some(P384), "3") => &lc::ECDSA_P384_SHA384_ASN1,
                (Some(P384), "4") => &lc::ECDSA_P384_SHA512_ASN1,
                (Some(P521), "2") => &lc::ECDSA_P521_SHA256_ASN1,
                (Some(P521), "3") => &lc::ECDSA_P521_SHA384_ASN1,
                (Some(P521), "4") => &lc::ECDSA_P521_SHA512_ASN1,
                (curve, _) => {
                    let curve = curve.unwrap_or_default();
                    return Err(Verdict::Unsupported(Text::both(
                        format!("无法在此检查曲线 `{curve}` 上的 ECDSA 签名"),
                        format!("ECDSA signatures on the curve `{curve}` cannot be checked here"),
                    )));
                }
            })
        }
        ED25519 if &*key_alg == ED25519 => Ok(&lc::ED25519),
        ED25519 => Err(Verdict::Invalid),
        _ => Err(unsupported(alg)),
    }
}

/// The size of an RSA modulus in bits (big-endian, leading zeros left out).
fn modulus_bits(modulus: &[u8]) -> usize {
    let start = modulus.iter().position(|b| *b != 0).unwrap_or(modulus.len());
    match modulus.get(start..) {
        Some([first, rest @ ..]) => rest.len() * 8 + (8 - first.leading_zeros() as usize),
        _ => 0,
    }
}

fn verify_sm2(signed: &[u8], signature: &BitString, issuer: &SubjectPublicKeyInfo) -> Verdict {
    let curve = issuer
        .algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.as_oid().ok())
        .map(|o| super::oid_text(&o));
    let key_alg = super::oid_text(&issuer.algorithm.algorithm);
    if curve.as_deref() != Some(SM2_CURVE) && &*key_alg != SM2_CURVE {
        // An SM2 signature by a key that is not an SM2 key cannot be valid.
        return Verdict::Invalid;
    }
    let Ok(key) = sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_DISTID, &issuer.subject_public_key.data) else {
        return Verdict::Unsupported(Text::both(
            "颁发者的 SM2 公钥不是 SM2 曲线上的点",
            "the issuer's SM2 public key is not a point on the SM2 curve",
        ));
    };
    let Ok(sig) = sm2::dsa::Signature::from_der(&signature.data) else {
        return Verdict::Invalid;
    };
    match key.verify(signed, &sig) {
        Ok(()) => Verdict::Valid,
        Err(_) => Verdict::Invalid,
    }
}

/// Is this SPKI a usable SM2 key (a point on the curve)?
pub fn sm2_point_ok(spki: &SubjectPublicKeyInfo) -> bool {
    sm2::PublicKey::from_sec1_bytes(&spki.subject_public_key.data).is_ok()
}

#[cfg(test)]
mod tests;
