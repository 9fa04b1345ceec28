//! `kind` on the fixtures, on certificates built in code for each row of
//! the decision, and on the shared corpus (Mozilla roots, China's national
//! hierarchy, the SM2 signing and encryption pairs, zlint's TLS certificates).

use crate::facts::Value;
use crate::facts::certificate::testcert::{Cert, at, basic_constraints, cn, ext, key, key_usage, oid, seq};
use crate::facts::certificate::{extract, hex};
use crate::facts::context::RunContext;

fn kind_of(der: &[u8]) -> Value {
    at(&extract(der, &RunContext::new()).unwrap(), "kind").clone()
}

fn ders(path: &std::path::Path) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(path).unwrap();
    crate::input::certificate_ders(&bytes, &crate::limits::Limits::default())
}

fn fixture(rel: &str) -> Value {
    let p = crate::repo().join("corpus/certificates").join(rel);
    kind_of(&ders(&p)[0])
}

fn eku(purposes: &[&str]) -> Vec<u8> {
    let oids: Vec<Vec<u8>> = purposes.iter().map(|p| oid(p)).collect();
    ext("2.5.29.37", false, &seq(&oids))
}

fn leaf(extensions: Vec<Vec<u8>>) -> Value {
    let mut c = Cert::new(cn("CA"), cn("Leaf"), key(9));
    c.extensions = extensions;
    kind_of(&c.sign(&key(1)))
}

const DS: &[u8] = &[0x07, 0x80];
const DS_NR: &[u8] = &[0x06, 0xc0];
const ENC: &[u8] = &[0x03, 0x38];
const DS_KE: &[u8] = &[0x05, 0xa0];

#[test]
fn each_row_of_the_decision() {
    let s = Value::str;
    assert_eq!(leaf(vec![basic_constraints(true, None)]), s("ca"));
    assert_eq!(
        leaf(vec![key_usage(DS_NR), eku(&["1.3.6.1.5.5.7.3.8"])]),
        s("timestamping")
    );
    assert_eq!(
        leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.9"])]),
        s("ocsp-signing")
    );
    // nonRepudiation wins over serverAuth and clientAuth: the ambiguous case.
    assert_eq!(
        leaf(vec![key_usage(DS_NR), eku(&["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"])]),
        s("e-signature")
    );
    assert_eq!(
        leaf(vec![key_usage(DS_KE), eku(&["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"])]),
        s("tls-server")
    );
    // An RSA TLS certificate whose key only transports keys is still TLS.
    assert_eq!(
        leaf(vec![key_usage(&[0x05, 0x20]), eku(&["1.3.6.1.5.5.7.3.1"])]),
        s("tls-server")
    );
    assert_eq!(leaf(vec![key_usage(ENC)]), s("encryption"));
    assert_eq!(leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.4"])]), s("e-signature"));
    assert_eq!(
        leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.36"])]),
        s("e-signature")
    );
    assert_eq!(
        leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.4"])]),
        s("e-signature")
    );
    assert_eq!(leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.2"])]), s("tls-client"));
    assert_eq!(
        leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.3"])]),
        s("code-signing")
    );
    assert_eq!(leaf(vec![key_usage(DS), eku(&["1.2.3.4"])]), s("other"));
    // Timestamping with another purpose is not a TSA certificate alone.
    assert_eq!(
        leaf(vec![key_usage(DS), eku(&["1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.2"])]),
        s("tls-client")
    );
    let tls_policy = ext("2.5.29.32", false, &seq(&[seq(&[oid("2.23.140.1.2.1")])]));
    assert_eq!(leaf(vec![key_usage(DS), tls_policy]), s("tls-server"));
    assert_eq!(leaf(vec![key_usage(DS)]), s("e-signature"));
    assert_eq!(leaf(vec![]), s("e-signature"));
    assert_eq!(leaf(vec![eku(&["2.5.29.37.0"])]), s("e-signature"));
    // A key usage that does not decode leaves the kind unknown.
    assert!(matches!(
        leaf(vec![ext("2.5.29.15", true, &[0x04, 0x00])]),
        Value::Unknown(_)
    ));
}

#[test]
fn the_fixtures_have_the_kind_they_were_made_for() {
    let s = Value::str;
    for ca in [
        "ca/rsa-root.pem",
        "ca/ecdsa-root.pem",
        "ca/sm2-root.pem",
        "ca/sm2-sub.pem",
        "ca/rsa-root-pathlen0.pem",
    ] {
        assert_eq!(fixture(ca), s("ca"), "{ca}");
    }
    assert_eq!(fixture("good/sm2-sign.pem"), s("e-signature"));
    assert_eq!(fixture("good/sm2-enc.pem"), s("encryption"));
    assert_eq!(fixture("good/rsa-ee.pem"), s("e-signature"));
    assert_eq!(fixture("bad/gmt0015-signing-and-encryption.pem"), s("e-signature"));
}

fn shared(sub: &str) -> Option<Vec<(String, Vec<u8>)>> {
    let dir = crate::repo().join("../shared/corpus").join(sub);
    if !dir.is_dir() {
        eprintln!("skipped: ../shared/corpus/{sub} is absent");
        return None;
    }
    let mut out = Vec::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        for d in ders(&p) {
            out.push((name.clone(), d));
        }
    }
    Some(out)
}

#[test]
fn mozilla_roots_and_the_national_hierarchy_are_cas() {
    for sub in ["trust-store", "cn-national-root"] {
        let Some(certs) = shared(sub) else { return };
        assert!(certs.len() > 40);
        for (name, d) in certs {
            assert_eq!(kind_of(&d), Value::str("ca"), "{sub}/{name}");
        }
    }
}

#[test]
fn sm2_signing_and_encryption_pairs_are_told_apart() {
    let Some(certs) = shared("sm2") else { return };
    for (name, d) in certs {
        let got = kind_of(&d);
        let want = if name.contains("chain-ca") || name.contains("root") {
            continue;
        } else if name.contains("-enc") {
            "encryption"
        } else {
            "e-signature"
        };
        assert_eq!(got, Value::str(want), "sm2/{name} {}", hex(&d[..4]));
    }
}

#[test]
fn zlint_tls_server_certificates_are_tls_server() {
    let Some(certs) = shared("zlint") else { return };
    let by_name = |n: &str| certs.iter().find(|(f, _)| f == n).map(|(_, d)| kind_of(d)).unwrap();
    for n in [
        "orgValGoodAllFields.pem",
        "facebookOnionV3Address.pem",
        "incorrect_ku_length.pem",
    ] {
        assert_eq!(by_name(n), Value::str("tls-server"), "{n}");
    }
}
