//! A certificate's identity as a report shows it, read from its facts (no
//! DER is parsed again): names in RFC 4514 form, serial, fingerprint,
//! validity, key, kind and the certificate that verified its signature.

use super::SCHEMA;
use crate::facts::{Record, Value, lookup};

/// Who a certificate is: what a reporter prints to identify it. Get it from
/// a certificate subject's facts with [`identity`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertIdentity {
    /// The subject name in RFC 4514 form, most specific first, UTF-8 kept:
    /// `CN=王五, O=某某科技有限公司, C=CN`.
    pub subject: String,
    /// The issuer name, in the same form.
    pub issuer: String,
    /// The serial number's octets in hexadecimal (upper case).
    pub serial_hex: String,
    /// SHA-256 of the certificate's DER, hexadecimal (upper case).
    pub fingerprint_sha256: String,
    /// Start and end of validity, seconds since 1970-01-01T00:00:00Z.
    pub not_before: i64,
    pub not_after: i64,
    /// The key: `RSA 2048`, `EC P-256`, `SM2`, `Ed25519`, or the algorithm.
    pub key: String,
    /// The certificate's kind (`ca`, `e-signature`, `tls-server`, …: see
    /// `docs/facts/certificate.md`); `None` when it could not be told.
    pub kind: Option<String>,
    /// SHA-256 of the certificate whose key verified the signature (itself
    /// for a self-signed one); `None` when the signature was not verified.
    pub issuer_sha256: Option<String>,
}

/// The value at a path of certificate facts.
fn get<'a>(facts: &'a Record, path: &[&str]) -> &'a Value {
    let mut fields = SCHEMA;
    let mut record = facts;
    let mut value = &Value::Absent;
    for seg in path {
        let Some((i, f)) = lookup(fields, seg) else {
            return &Value::Absent;
        };
        value = record.get(i);
        if let (crate::facts::Ty::Record(sub), Value::Record(inner)) = (&f.ty, value) {
            fields = sub;
            record = inner;
        }
    }
    value
}

fn text(facts: &Record, path: &[&str]) -> Option<String> {
    match get(facts, path) {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

fn instant(facts: &Record, path: &[&str]) -> i64 {
    match get(facts, path) {
        Value::Date(t) => *t,
        _ => 0,
    }
}

/// How a key is named: the algorithm with its size or curve.
fn key(facts: &Record) -> String {
    let algorithm = text(facts, &["public_key", "algorithm"]).unwrap_or_default();
    let bits = match get(facts, &["public_key", "bits"]) {
        Value::Int(n) => Some(*n),
        _ => None,
    };
    let curve = text(facts, &["public_key", "curve_name"]);
    let sized = |name: &str| bits.map_or_else(|| name.to_string(), |b| format!("{name} {b}"));
    match algorithm.as_str() {
        "rsa" => sized("RSA"),
        "dsa" => sized("DSA"),
        "sm2" => "SM2".into(),
        "ed25519" => "Ed25519".into(),
        "ec" => match curve.as_deref() {
            Some("prime256v1") => "EC P-256".into(),
            Some("secp384r1") => "EC P-384".into(),
            Some("secp521r1") => "EC P-521".into(),
            Some(other) => format!("EC {other}"),
            None => sized("EC"),
        },
        other => other.to_string(),
    }
}

/// The identity of a certificate from its facts (a certificate subject's
/// `facts`). Facts a certificate always has are read as they are; a reporter
/// needs nothing else.
pub fn identity(facts: &Record) -> CertIdentity {
    CertIdentity {
        subject: text(facts, &["subject", "text"]).unwrap_or_default(),
        issuer: text(facts, &["issuer", "text"]).unwrap_or_default(),
        serial_hex: text(facts, &["serial", "hex"]).unwrap_or_default(),
        fingerprint_sha256: text(facts, &["fingerprint_sha256"]).unwrap_or_default(),
        not_before: instant(facts, &["validity", "not_before"]),
        not_after: instant(facts, &["validity", "not_after"]),
        key: key(facts),
        kind: text(facts, &["kind"]),
        issuer_sha256: text(facts, &["signature", "issuer_sha256"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::certificate::extract;
    use crate::facts::context::{Origin, RunContext};

    fn der(rel: &str) -> Vec<u8> {
        let bytes = std::fs::read(crate::repo().join(rel)).unwrap();
        crate::input::certificate_ders(&bytes, &crate::limits::Limits::default())
            .into_iter()
            .next()
            .unwrap()
    }

    #[test]
    fn an_sm2_signing_certificate_identifies_itself_in_utf8() {
        let mut ctx = RunContext::new();
        ctx.add_certificate(&der("corpus/certificates/ca/sm2-root.pem"), Origin::Issuers);
        let sub = der("corpus/certificates/ca/sm2-sub.pem");
        ctx.add_certificate(&sub, Origin::Issuers);
        let id = identity(&extract(&der("corpus/certificates/good/sm2-sign.pem"), &ctx).unwrap());
        assert_eq!(id.subject, "CN=王五, O=某某科技有限公司, C=CN");
        assert!(id.issuer.starts_with("CN="), "{}", id.issuer);
        assert_eq!(id.serial_hex, "1003");
        assert_eq!(id.fingerprint_sha256.len(), 64);
        assert!(id.not_before < id.not_after);
        assert_eq!(id.key, "SM2");
        assert_eq!(id.kind.as_deref(), Some("e-signature"));
        use sha2::{Digest, Sha256};
        assert_eq!(
            id.issuer_sha256,
            Some(crate::facts::certificate::hex(&Sha256::digest(&sub)))
        );
    }

    #[test]
    fn keys_are_named_with_their_size_or_curve() {
        let rsa = identity(&extract(&der("corpus/certificates/ca/rsa-root.pem"), &RunContext::new()).unwrap());
        assert_eq!(rsa.key, "RSA 2048");
        assert_eq!(rsa.kind.as_deref(), Some("ca"));
        assert_eq!(rsa.issuer_sha256.as_deref(), Some(rsa.fingerprint_sha256.as_str()));
        let ec = identity(&extract(&der("corpus/certificates/good/ecdsa-ee.pem"), &RunContext::new()).unwrap());
        assert_eq!(ec.key, "EC P-256");
        assert_eq!(ec.issuer_sha256, None, "not verified without its issuer");
    }

    #[test]
    fn names_escape_what_rfc_4514_escapes() {
        use crate::facts::certificate::testcert::{Attr, Cert, cn, key, name_der};
        let subject = name_der(&[
            &[Attr::printable("2.5.4.6", "CN")],
            &[Attr::utf8("2.5.4.10", "A, B + C")],
            &[Attr::utf8("2.5.4.3", " #1"), Attr::utf8("2.5.4.11", "x")],
        ]);
        let mut c = Cert::new(cn("Root"), subject, key(3));
        c.extensions.clear();
        let id = identity(&extract(&c.sign(&key(1)), &RunContext::new()).unwrap());
        assert_eq!(id.subject, "CN=\\ #1+OU=x, O=A\\, B \\+ C, C=CN");
    }
}
