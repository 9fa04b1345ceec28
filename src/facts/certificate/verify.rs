//! Checking a signature (on a certificate, CRL, request or OCSP response): RSA, ECDSA and Ed25519
//! with x509-parser (ring), SM2 with SM3 with RustCrypto's `sm2`. An
//! algorithm or key size that cannot be checked here is `Unsupported`, never
//! a failure: a signature certlex cannot check is unknown, not bad. Its
//! reason is worded for people: what certlex cannot check and why, never
//! the name of a library.

use sm2::dsa::signature::Verifier as _;
use x509_parser::asn1_rs::BitString;
use x509_parser::certificate::X509Certificate;
use x509_parser::error::X509Error;
use x509_parser::public_key::PublicKey;
use x509_parser::x509::{AlgorithmIdentifier, SubjectPublicKeyInfo};

/// SM2 with SM3 (GM/T 0006).
pub const SM2_WITH_SM3: &str = "1.2.156.10197.1.501";
/// The SM2 curve; also used by some CAs as the key algorithm OID itself.
pub const SM2_CURVE: &str = "1.2.156.10197.1.301";
/// The default signer ID of GM/T 0009 and GM/T 0015.
pub const SM2_DISTID: &str = "1234567812345678";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Valid,
    Invalid,
    Unsupported(crate::i18n::Text),
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
    // ring accepts RSA moduli of 2048 to 8192 bits (1024 with SHA-1) and
    // reports any other size as a bad signature: say so instead.
    if let Ok(PublicKey::RSA(k)) = key.parsed() {
        let bits = k.key_size();
        let sha1 = matches!(&*alg, "1.2.840.113549.1.1.5" | "1.3.14.3.2.29");
        let least = if sha1 { 1024 } else { 2048 };
        if bits < least || bits > 8192 {
            return Verdict::Unsupported(crate::i18n::Text::both(
                format!("certlex 无法检查 {bits} 位 RSA 密钥所做的签名：它只能验证 {least} 至 8192 位的 RSA 密钥"),
                format!(
                    "certlex cannot check a signature by a {bits}-bit RSA key: it verifies RSA keys of {least} to 8192 bits"
                ),
            ));
        }
    }
    match x509_parser::verify::verify_signature(key, algorithm, signature, signed) {
        Ok(()) => Verdict::Valid,
        Err(X509Error::SignatureVerificationError) => Verdict::Invalid,
        // The parser's own error names no more than that: word it for people.
        Err(_) => Verdict::Unsupported(crate::i18n::Text::both(
            format!("certlex 无法检查以签名算法 `{alg}` 所做的签名"),
            format!("certlex cannot check signatures made with the algorithm `{alg}`"),
        )),
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
        return Verdict::Unsupported(crate::i18n::Text::both(
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
