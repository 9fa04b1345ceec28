//! Each verification path (RSA, ECDSA P-256 and P-384, SM2 with SM3) on
//! corpus certificates: the issuer's key verifies, a changed signature does
//! not, another key of the same type does not, a key of another type does not.

use x509_parser::prelude::{FromDer, X509Certificate};

use super::{Verdict, verify};
use crate::limits::Limits;

fn der(rel: &str) -> Vec<u8> {
    let path = crate::repo().join("corpus/certificates").join(rel);
    let bytes = std::fs::read(&path).unwrap();
    crate::input::certificate_ders(&bytes, &Limits::default())
        .into_iter()
        .next()
        .unwrap()
}

fn check(cert: &[u8], key_of: &[u8]) -> Verdict {
    let (_, cert) = X509Certificate::from_der(cert).unwrap();
    let (_, issuer) = X509Certificate::from_der(key_of).unwrap();
    verify(&cert, issuer.public_key())
}

/// The certificate with the last byte of its signature changed (the DER
/// ends with the signature, so the structure stays intact).
fn corrupt(der: &[u8]) -> Vec<u8> {
    let mut bad = der.to_vec();
    *bad.last_mut().unwrap() ^= 0x01;
    bad
}

/// Certificate, issuer, and a certificate whose key is of the same type but not the issuer's.
const CASES: &[(&str, &str, &str)] = &[
    ("good/rsa-ee.pem", "ca/rsa-root.pem", "good/rsa-ee.pem"),
    ("good/ecdsa-ee.pem", "ca/ecdsa-root.pem", "good/ecdsa-ee.pem"),
    ("good/sm2-sign.pem", "ca/sm2-sub.pem", "ca/sm2-root.pem"),
    ("ca/sm2-sub.pem", "ca/sm2-root.pem", "ca/sm2-sub.pem"),
    // ecdsa-with-SHA384 on P-384, self-signed
    (
        "real/trustwave-global-ecc-p384.pem",
        "real/trustwave-global-ecc-p384.pem",
        "ca/ecdsa-root.pem",
    ),
];

#[test]
fn each_algorithm_verifies_with_the_issuers_key() {
    for (cert, issuer, _) in CASES {
        assert_eq!(check(&der(cert), &der(issuer)), Verdict::Valid, "{cert}");
    }
}

#[test]
fn a_changed_signature_does_not_verify() {
    for (cert, issuer, _) in CASES {
        assert_eq!(check(&corrupt(&der(cert)), &der(issuer)), Verdict::Invalid, "{cert}");
    }
}

#[test]
fn another_key_of_the_same_type_does_not_verify() {
    for (cert, _, other) in CASES {
        assert_eq!(
            check(&der(cert), &der(other)),
            Verdict::Invalid,
            "{cert} with the key of {other}"
        );
    }
}

#[test]
fn a_key_of_another_type_does_not_verify() {
    for (cert, key) in [
        ("good/rsa-ee.pem", "ca/ecdsa-root.pem"),
        ("good/rsa-ee.pem", "ca/sm2-root.pem"),
        ("good/ecdsa-ee.pem", "ca/rsa-root.pem"),
        ("good/sm2-sign.pem", "ca/rsa-root.pem"),
        ("good/sm2-sign.pem", "ca/ecdsa-root.pem"),
    ] {
        assert_eq!(
            check(&der(cert), &der(key)),
            Verdict::Invalid,
            "{cert} with the key of {key}"
        );
    }
}

#[test]
fn the_size_of_an_rsa_modulus_counts_bits_not_bytes() {
    assert_eq!(super::modulus_bits(&[0x00, 0x80, 0x00]), 16);
    assert_eq!(super::modulus_bits(&[0x00, 0x7f, 0xff]), 15);
    assert_eq!(super::modulus_bits(&[]), 0);
}
