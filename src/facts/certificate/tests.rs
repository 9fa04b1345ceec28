use super::*;
use crate::facts::Value;
use crate::facts::certificate::testcert::at;
use crate::facts::context::{Origin, RunContext};

fn der(rel: &str) -> Vec<u8> {
    let bytes = std::fs::read(crate::repo().join("corpus/certificates").join(rel)).unwrap();
    crate::input::certificate_ders(&bytes, &crate::limits::Limits::default())
        .into_iter()
        .next()
        .unwrap()
}

#[test]
fn every_fixture_conforms_to_the_schema() {
    let base = crate::repo().join("corpus/certificates");
    for e in walkdir::WalkDir::new(&base) {
        let p = e.unwrap().into_path();
        if !p.extension().is_some_and(|x| x == "pem" || x == "der") || p.to_string_lossy().contains("/keys/") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        for d in crate::input::certificate_ders(&bytes, &crate::limits::Limits::default()) {
            let r = extract(&d, &RunContext::new()).unwrap();
            r.check(SCHEMA).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
    }
}

#[test]
fn an_sm2_certificate_reads_with_its_chinese_names_and_identity_code() {
    let r = extract(&der("good/sm2-sign.pem"), &RunContext::new()).unwrap();
    assert_eq!(at(&r, "signature_algorithm.oid"), &Value::str("1.2.156.10197.1.501"));
    assert_eq!(at(&r, "signature_algorithm.name"), &Value::str("sm2-with-sm3"));
    assert_eq!(at(&r, "public_key.algorithm"), &Value::str("sm2"));
    assert_eq!(at(&r, "public_key.curve"), &Value::str("1.2.156.10197.1.301"));
    assert_eq!(at(&r, "public_key.bits"), &Value::Int(256));
    assert_eq!(at(&r, "public_key.usable"), &Value::Bool(true));
    assert_eq!(at(&r, "subject.common_name"), &Value::str("王五"));
    assert_eq!(at(&r, "subject.organization"), &Value::str("某某科技有限公司"));
    assert_eq!(at(&r, "issuer.attributes.1.encoding"), &Value::str("UTF8String"));
    assert_eq!(at(&r, "identity_codes.0.kind"), &Value::str("identity_code"));
    assert_eq!(at(&r, "identity_codes.0.value"), &Value::str("00000000000000000X"));
    assert_eq!(at(&r, "serial.decimal"), &Value::str("4099"));
    assert_eq!(at(&r, "validity.not_after_encoding"), &Value::str("UTCTime"));
    assert_eq!(at(&r, "key_usage.non_repudiation"), &Value::Bool(true));
    assert_eq!(at(&r, "key_usage.key_encipherment"), &Value::Bool(false));
    assert!(matches!(at(&r, "signature.verified"), Value::Unknown(_)));
    assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(false));
    assert!(matches!(at(&r, "issuer_recognized"), Value::Unknown(_)));
}

#[test]
fn absent_extensions_are_absent_and_present_ones_are_read() {
    let r = extract(&der("bad/esl-22-no-revocation-pointer.pem"), &RunContext::new()).unwrap();
    assert_eq!(at(&r, "crl_distribution_points"), &Value::Absent);
    assert_eq!(at(&r, "authority_info_access"), &Value::Absent);
    assert_eq!(at(&r, "is_ca"), &Value::Bool(false));
    let r = extract(&der("good/rsa-ee.pem"), &RunContext::new()).unwrap();
    assert_eq!(
        at(&r, "crl_distribution_points.uris.0"),
        &Value::str("http://crl.example.cn/ca.crl")
    );
    assert_eq!(
        at(&r, "authority_info_access.ocsp.0"),
        &Value::str("http://ocsp.example.cn")
    );
    assert_eq!(
        at(&r, "certificate_policies.0.cps.0"),
        &Value::str("http://ca.example.cn/cps")
    );
    assert_eq!(at(&r, "subject_alt_name.email.0"), &Value::str("zhangsan@example.cn"));
}

#[test]
fn a_broken_extension_makes_its_fact_unknown_not_absent() {
    let r = extract(&der("bad/esl-22-extension-does-not-decode.pem"), &RunContext::new()).unwrap();
    assert!(matches!(at(&r, "subject_alt_name"), Value::Unknown(_)));
}

#[test]
fn a_self_signed_sm2_root_verifies_itself_and_anchors_its_chain() {
    let r = extract(&der("ca/sm2-root.pem"), &RunContext::new()).unwrap();
    assert_eq!(at(&r, "self_signed"), &Value::Bool(true));
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
    let mut ctx = RunContext::new();
    ctx.add_certificate(&der("ca/sm2-root.pem"), Origin::Issuers);
    ctx.add_certificate(&der("ca/sm2-sub.pem"), Origin::Issuers);
    let r = extract(&der("good/sm2-enc.pem"), &ctx).unwrap();
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.length"), &Value::Int(3));
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(true));
}

/// Every certificate of the corpus and of the shared corpus (when present).
fn all_corpus_ders() -> Vec<(String, Vec<u8>)> {
    let root = crate::repo();
    let mut out = Vec::new();
    for base in [root.join("corpus/certificates"), root.join("../shared/corpus")] {
        if !base.is_dir() {
            continue;
        }
        for e in walkdir::WalkDir::new(&base).follow_links(true) {
            let p = e.unwrap().into_path();
            if !p
                .extension()
                .is_some_and(|x| x == "pem" || x == "der" || x == "crt" || x == "cer")
            {
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            for d in crate::input::certificate_ders(&bytes, &crate::limits::Limits::default()) {
                out.push((p.display().to_string(), d));
            }
        }
    }
    out
}

#[test]
fn a_glance_at_the_der_finds_every_ca_and_what_the_parser_reads() {
    use x509_parser::extensions::ParsedExtension;
    let all = all_corpus_ders();
    assert!(all.len() > 40, "{} certificates", all.len());
    let mut cas = 0;
    for (path, d) in &all {
        let Ok((_, cert)) = X509Certificate::from_der(d) else {
            continue;
        };
        let Some(g) = glance(d) else { continue };
        let ca = crate::facts::context::may_issue(&cert);
        cas += usize::from(ca);
        // Generous: never misses a certificate that may issue others.
        assert!(g.may_issue || !ca, "{path}: a CA the glance missed");
        // The issuer name as written; x509-parser's raw form leaves out an
        // empty RDN at the end, so the two are compared as names match.
        let (_, glanced) = x509_parser::x509::X509Name::from_der(g.issuer).unwrap();
        assert_eq!(match_key(&glanced), match_key(cert.tbs_certificate.issuer()), "{path}");
        assert_eq!(
            g.signature_algorithm,
            cert.signature_algorithm.algorithm.as_bytes(),
            "{path}"
        );
        let aki = cert.extensions().iter().find_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityKeyIdentifier(a) => a.key_identifier.as_ref().map(|k| k.0),
            _ => None,
        });
        assert_eq!(g.key_id, aki, "{path}");
    }
    assert!(cas > 5, "{cas} CA certificates");
    // An end-entity certificate is not taken for a CA.
    assert!(!glance(&der("good/rsa-ee.pem")).unwrap().may_issue);
    assert!(glance(&der("ca/rsa-root.pem")).unwrap().may_issue);
}
