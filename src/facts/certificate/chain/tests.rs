//! The chain checks on certificates built in code: each test states the one
//! condition it pins, with the case on either side of it, so a mutant that
//! inverts or drops the condition fails a test.

use crate::facts::certificate::extract;
use crate::facts::certificate::testcert::{
    Attr, Cert, aki, at, basic_constraints, ca_key_usage, cn, key, key_usage, name_der, ski,
};
use crate::facts::context::{FiledChain, Origin, RunContext};
use crate::facts::{Record, Value};
use crate::i18n::Lang;

fn ctx(issuers: &[&[u8]]) -> RunContext {
    let mut c = RunContext::new();
    for d in issuers {
        assert!(c.add_certificate(d, Origin::Issuers), "an issuer was not kept");
    }
    c
}

fn facts(der: &[u8], issuers: &[&[u8]]) -> Record {
    extract(der, &ctx(issuers)).unwrap()
}

/// The English reason of an unknown fact, or a panic if it is known.
fn why(v: &Value) -> String {
    match v {
        Value::Unknown(t) => t.get_or(Lang::En, "").to_string(),
        other => panic!("expected unknown, got {other:?}"),
    }
}

fn root() -> Vec<u8> {
    Cert::root("Root", key(1)).self_sign()
}

fn sub() -> Vec<u8> {
    Cert::sub_ca("Root", &key(1), "Sub", key(2), None).sign(&key(1))
}

fn leaf_of_sub() -> Vec<u8> {
    Cert::leaf("Sub", &key(2), "Leaf").sign(&key(2))
}

fn leaf_of_root() -> Vec<u8> {
    Cert::leaf("Root", &key(1), "Leaf").sign(&key(1))
}

fn sha256(der: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    crate::facts::certificate::hex(&Sha256::digest(der))
}

#[test]
fn an_issuer_without_key_cert_sign_may_not_sign_certificates() {
    let mut no_cert_sign = Cert::root("Root", key(1));
    // keyUsage digitalSignature only.
    no_cert_sign.extensions = vec![basic_constraints(true, None), key_usage(&[0x07, 0x80]), ski(&key(1))];
    let r = facts(&leaf_of_root(), &[&no_cert_sign.self_sign()]);
    assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.issuer_key_cert_sign"), &Value::Bool(false));
    let r = facts(&leaf_of_root(), &[&root()]);
    assert_eq!(at(&r, "chain.issuer_key_cert_sign"), &Value::Bool(true));
}

#[test]
fn an_issuer_without_basic_constraints_is_not_a_ca() {
    let mut no_bc = Cert::root("Root", key(1));
    no_bc.extensions = vec![ca_key_usage(), ski(&key(1))];
    let r = facts(&leaf_of_root(), &[&no_bc.self_sign()]);
    assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(false));
    let mut not_ca = Cert::root("Root", key(1));
    not_ca.extensions = vec![basic_constraints(false, None), ca_key_usage(), ski(&key(1))];
    let r = facts(&leaf_of_root(), &[&not_ca.self_sign()]);
    assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(false));
    let r = facts(&leaf_of_root(), &[&root()]);
    assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(true));
}

#[test]
fn a_v1_issuer_is_a_ca_only_as_a_self_signed_root() {
    // A v1 intermediate cannot say it is a CA: unknown, never true.
    let mut v1 = Cert::new(cn("Root"), cn("V1"), key(3));
    v1.version = 1;
    let v1 = v1.sign(&key(1));
    let leaf = Cert::leaf("V1", &key(3), "Leaf").sign(&key(3));
    let r = facts(&leaf, &[&v1, &root()]);
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(true));
    assert!(why(at(&r, "chain.issuer_is_ca")).contains("v1"));
    // A v1 self-signed root is one (old roots have no extensions).
    let mut v1_root = Cert::new(cn("Root"), cn("Root"), key(1));
    v1_root.version = 1;
    let r = facts(&leaf_of_root(), &[&v1_root.self_sign()]);
    assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(true));
}

#[test]
fn a_path_length_limit_is_enforced_through_an_intermediate() {
    let root_with = |path_len| {
        let mut c = Cert::root("Root", key(1));
        c.extensions = vec![basic_constraints(true, Some(path_len)), ca_key_usage(), ski(&key(1))];
        c.self_sign()
    };
    // EE → Sub → Root (pathLen 0): Sub is a CA below a root that allows none.
    let r = facts(&leaf_of_sub(), &[&sub(), &root_with(0)]);
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(false));
    let r = facts(&leaf_of_sub(), &[&sub(), &root_with(1)]);
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(true));
    // The sub-CA itself is checked too.
    let r = facts(&sub(), &[&root_with(0)]);
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(false));
    // A self-issued intermediate (the root's new key, signed by the old one)
    // does not count against the limit (RFC 5280 6.1.4 (l)).
    let new_key = Cert::sub_ca("Root", &key(1), "Root", key(5), None).sign(&key(1));
    let leaf = Cert::leaf("Root", &key(5), "Leaf").sign(&key(5));
    let r = facts(&leaf, &[&new_key, &root_with(0)]);
    assert_eq!(at(&r, "chain.length"), &Value::Int(3));
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(true));
}

#[test]
fn a_cross_signed_cycle_terminates_and_does_not_pass() {
    let a = Cert::sub_ca("B", &key(11), "A", key(10), None).sign(&key(11));
    let b = Cert::sub_ca("A", &key(10), "B", key(11), None).sign(&key(10));
    let leaf = Cert::leaf("A", &key(10), "Leaf").sign(&key(10));
    let mut c = ctx(&[&a, &b]);
    c.add_filed_chain(FiledChain {
        sha256: "00".repeat(32),
        name: "other".into(),
        ca: "other CA".into(),
        filed: None,
    });
    let r = extract(&leaf, &c).unwrap();
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(false));
    assert_eq!(at(&r, "chain.length"), &Value::Int(3), "each CA counted once");
    assert!(matches!(at(&r, "chain.path_length_ok"), Value::Unknown(_)));
    assert!(matches!(at(&r, "chain_filed"), Value::Unknown(_)));
}

#[test]
fn a_self_signed_certificate_with_a_corrupt_signature_is_not_self_signed() {
    let good = root();
    let r = facts(&good, &[]);
    assert_eq!(at(&r, "self_signed"), &Value::Bool(true));
    assert_eq!(at(&r, "signature.issuer_sha256"), &Value::str(sha256(&good)));
    let mut bad = good.clone();
    *bad.last_mut().unwrap() ^= 0x01;
    let r = facts(&bad, &[]);
    assert_eq!(at(&r, "self_issued"), &Value::Bool(true));
    assert_eq!(at(&r, "self_signed"), &Value::Bool(false));
    // It names no other key, so it claims to be self-signed: a bad signature.
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(false));
    assert_eq!(at(&r, "signature.issuer_sha256"), &Value::Absent);
    assert_ne!(at(&r, "chain.anchored"), &Value::Bool(true));
}

#[test]
fn a_self_issued_certificate_naming_another_key_is_not_claimed_self_signed() {
    // Self-issued with key 7, its AKI names key 1, signed by key 8: it does
    // not claim to be self-signed, and its signer is missing, so unknown.
    let mut c = Cert::new(cn("Root"), cn("Root"), key(7));
    c.extensions = vec![
        basic_constraints(true, None),
        ca_key_usage(),
        ski(&key(7)),
        aki(&key(1)),
    ];
    let r = facts(&c.sign(&key(8)), &[]);
    assert_eq!(at(&r, "self_signed"), &Value::Bool(false));
    assert!(why(at(&r, "signature.verified")).contains("not among the inputs"));
    // Given as an input too, the only certificate named like its issuer is
    // itself: the issuer is still missing, not "named like" it.
    let der = c.sign(&key(8));
    let r = facts(&der, &[&der]);
    assert!(why(at(&r, "signature.verified")).contains("not among the inputs"));
    // Naming its own key, the same certificate claims to be self-signed.
    c.extensions = vec![
        basic_constraints(true, None),
        ca_key_usage(),
        ski(&key(7)),
        aki(&key(7)),
    ];
    let r = facts(&c.sign(&key(8)), &[]);
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(false));
}

#[test]
fn an_incomplete_chain_above_an_intermediate_leaves_chain_filed_unknown() {
    let filed = |fp: String| FiledChain {
        sha256: fp,
        name: "chain".into(),
        ca: "CA".into(),
        filed: None,
    };
    let mut c = ctx(&[&sub()]);
    c.add_filed_chain(filed("00".repeat(32)));
    let r = extract(&leaf_of_sub(), &c).unwrap();
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(false));
    assert_eq!(at(&r, "chain.length"), &Value::Int(2));
    assert!(matches!(at(&r, "chain_filed"), Value::Unknown(_)));
    // The whole chain found, and none of it filed: definitely not filed.
    let mut c = ctx(&[&sub(), &root()]);
    c.add_filed_chain(filed("00".repeat(32)));
    let r = extract(&leaf_of_sub(), &c).unwrap();
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.length"), &Value::Int(3));
    assert_eq!(at(&r, "chain_filed"), &Value::Bool(false));
    // The intermediate filed: filed, even with the root missing.
    let mut c = ctx(&[&sub()]);
    c.add_filed_chain(filed(sha256(&sub()).to_lowercase()));
    let r = extract(&leaf_of_sub(), &c).unwrap();
    assert_eq!(at(&r, "chain_filed"), &Value::Bool(true));
}

#[test]
fn the_issuer_is_found_by_a_name_that_matches_in_another_string_type() {
    let mut root = Cert::root("Root", key(1));
    root.subject = name_der(&[
        &[Attr::utf8("2.5.4.10", "示例 CA")],
        &[Attr::utf8("2.5.4.3", "Example Root")],
    ]);
    root.issuer = root.subject.clone();
    let root = root.self_sign();
    // No AKI: only the name can find the issuer.
    let mut leaf = Cert::new(
        name_der(&[
            &[Attr::bmp("2.5.4.10", "示例  CA")],
            &[Attr::printable("2.5.4.3", "EXAMPLE ROOT")],
        ]),
        cn("Leaf"),
        key(99),
    );
    leaf.extensions = vec![key_usage(&[0x06, 0xc0])];
    let r = facts(&leaf.sign(&key(1)), &[&root]);
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.names_chain"), &Value::Bool(true));
    assert_eq!(at(&r, "signature.issuer_sha256"), &Value::str(sha256(&root)));
}

#[test]
fn an_issuer_found_by_key_id_under_another_name_does_not_chain_names() {
    let leaf = Cert::leaf("Someone Else", &key(1), "Leaf").sign(&key(1));
    let r = facts(&leaf, &[&root()]);
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.names_chain"), &Value::Bool(false));
    let r = facts(&leaf_of_root(), &[&root()]);
    assert_eq!(at(&r, "chain.names_chain"), &Value::Bool(true));
}

#[test]
fn a_key_rollover_is_explained_not_reported_as_a_missing_issuer() {
    // Issued by the root's new key 6; only the old root (key 1) is given.
    let leaf = Cert::leaf("Root", &key(6), "Leaf").sign(&key(6));
    let r = facts(&leaf, &[&root()]);
    assert!(why(at(&r, "signature.verified")).contains(
        "a certificate named like the issuer was given, but its key does not match the authority key identifier"
    ));
    assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(false));
    // Nothing named like it: the issuer is missing.
    let r = facts(&leaf, &[&sub()]);
    assert!(why(at(&r, "signature.verified")).contains("not among the inputs"));
    // Without key identifiers, the old root's key is tried and fails.
    let mut no_aki = Cert::new(cn("Root"), cn("Leaf"), key(99));
    no_aki.extensions = vec![key_usage(&[0x06, 0xc0])];
    let r = facts(&no_aki.sign(&key(6)), &[&root()]);
    assert!(
        why(at(&r, "signature.verified"))
            .contains("a certificate named like the issuer was given, but the signature does not verify with its key")
    );
}

#[test]
fn a_signature_the_identified_key_does_not_verify_is_bad() {
    // The AKI names key 1 (the root's), but key 6 signed.
    let leaf = Cert::leaf("Root", &key(1), "Leaf").sign(&key(6));
    let r = facts(&leaf, &[&root()]);
    assert_eq!(at(&r, "signature.verified"), &Value::Bool(false));
    assert_eq!(at(&r, "signature.issuer_sha256"), &Value::Absent);
}

#[test]
fn the_walk_up_stops_at_a_self_signed_root() {
    let r = facts(&leaf_of_sub(), &[&sub(), &root()]);
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.length"), &Value::Int(3));
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(true));
    // A root that is self-issued but whose signature is corrupt anchors nothing.
    let mut bad_root = root();
    *bad_root.last_mut().unwrap() ^= 0x01;
    let r = facts(&leaf_of_sub(), &[&sub(), &bad_root]);
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(false));
    assert!(matches!(at(&r, "chain.path_length_ok"), Value::Unknown(_)));
}

/// The status of built-in rule `rule` for the certificate `der` with
/// `issuers` in the context, judged on 2026-06-01.
fn status(rule: &str, der: &[u8], issuers: &[&[u8]]) -> crate::engine::Status {
    let rules = crate::load::builtin().unwrap();
    let res = rules
        .law
        .resolve("current", crate::dates::parse_date("2026-06-01").unwrap())
        .unwrap();
    let ev = crate::engine::Evaluator::new(&rules, res);
    let subject = crate::facts::Subject {
        kind: crate::facts::SubjectKind::Certificate,
        name: "test".into(),
        source: None,
        facts: facts(der, issuers),
        attestations: Vec::new(),
    };
    let (i, r) = rules.rule(rule).unwrap();
    ev.check_rule(i, r, &subject).status
}

#[test]
fn esl_22_issuer_is_ca_fails_an_issuer_that_may_not_sign_certificates() {
    use crate::engine::Status;
    let rule = "ESL-22-ISSUER-IS-CA";
    // A sub-CA (a CA certificate, which ESL 22 reaches) under each issuer.
    let sub = sub();
    assert_eq!(status(rule, &sub, &[&root()]), Status::Pass);
    // A CA whose key usage lacks keyCertSign (digitalSignature only).
    let mut no_cert_sign = Cert::root("Root", key(1));
    no_cert_sign.extensions = vec![basic_constraints(true, None), key_usage(&[0x07, 0x80]), ski(&key(1))];
    assert_eq!(status(rule, &sub, &[&no_cert_sign.self_sign()]), Status::Fail);
    // No basic constraints, or cA false: not a CA.
    let mut no_bc = Cert::root("Root", key(1));
    no_bc.extensions = vec![ca_key_usage(), ski(&key(1))];
    assert_eq!(status(rule, &sub, &[&no_bc.self_sign()]), Status::Fail);
    let mut not_ca = Cert::root("Root", key(1));
    not_ca.extensions = vec![basic_constraints(false, None), ca_key_usage(), ski(&key(1))];
    assert_eq!(status(rule, &sub, &[&not_ca.self_sign()]), Status::Fail);
    // A v1 intermediate cannot say: undetermined, never a pass.
    let mut v1 = Cert::new(cn("Root"), cn("V1"), key(3));
    v1.version = 1;
    let under_v1 = Cert::sub_ca("V1", &key(3), "Sub", key(2), None).sign(&key(3));
    assert_eq!(
        status(rule, &under_v1, &[&v1.sign(&key(1)), &root()]),
        Status::Undetermined
    );
    // Without the issuer: undetermined.
    assert_eq!(status(rule, &sub, &[]), Status::Undetermined);
}

#[test]
fn the_path_length_constraint_of_a_certificate_that_is_not_a_ca_is_ignored() {
    // RFC 5280 4.2.1.9: pathLenConstraint means something only with cA set.
    let mut mid = Cert::new(cn("Root"), cn("Mid"), key(2));
    mid.extensions = vec![
        basic_constraints(false, Some(0)),
        ca_key_usage(),
        ski(&key(2)),
        aki(&key(1)),
    ];
    let mid = mid.sign(&key(1));
    let ca = Cert::sub_ca("Mid", &key(2), "Sub2", key(3), None).sign(&key(2));
    let r = facts(&ca, &[&mid, &root()]);
    assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
    assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(false));
    assert_eq!(at(&r, "chain.path_length_ok"), &Value::Bool(true));
}

#[test]
fn an_issuer_without_a_key_id_whose_key_fails_is_a_rollover_not_a_bad_signature() {
    // The root named like the issuer states no key identifier, so the
    // leaf's (naming key 6) cannot rule it out: its key is tried and fails.
    let mut no_ski = Cert::root("Root", key(1));
    no_ski.extensions = vec![basic_constraints(true, None), ca_key_usage()];
    let leaf = Cert::leaf("Root", &key(6), "Leaf").sign(&key(6));
    let r = facts(&leaf, &[&no_ski.self_sign()]);
    assert!(
        why(at(&r, "signature.verified"))
            .contains("a certificate named like the issuer was given, but the signature does not verify with its key")
    );
}

#[test]
fn a_self_signed_certificate_whose_algorithm_cannot_be_checked_is_unknown() {
    use crate::facts::certificate::testcert::{oid, seq, tlv};
    let good = root();
    let r = facts(&good, &[]);
    assert_eq!(at(&r, "signature.algorithms_match"), &Value::Bool(true));
    // The outer algorithm an unknown one: the signature cannot be checked.
    let tbs = Cert::root("Root", key(1)).tbs();
    let der = seq(&[tbs, seq(&[oid("1.2.3.4.5")]), tlv(0x03, &[0, 1, 2, 3])]);
    let r = facts(&der, &[]);
    assert_eq!(at(&r, "signature.algorithms_match"), &Value::Bool(false));
    assert!(why(at(&r, "self_signed")).contains("cannot be checked"));
    assert!(why(at(&r, "signature.verified")).contains("cannot be checked"));
}

#[test]
fn validity_nests_within_the_issuer_s_validity_at_both_ends() {
    use crate::facts::certificate::testcert::utc;
    let with = |not_before: &str, not_after: &str| {
        let mut c = Cert::leaf("Root", &key(1), "Leaf");
        c.not_before = utc(not_before);
        c.not_after = utc(not_after);
        facts(&c.sign(&key(1)), &[&root()])
    };
    // The root is valid from 2025-01-01 to 2030-01-01.
    let r = with("250101000000Z", "300101000000Z");
    assert_eq!(at(&r, "chain.validity_nested"), &Value::Bool(true));
    let r = with("260101000000Z", "290101000000Z");
    assert_eq!(at(&r, "chain.validity_nested"), &Value::Bool(true));
    let r = with("241231000000Z", "290101000000Z");
    assert_eq!(at(&r, "chain.validity_nested"), &Value::Bool(false));
    let r = with("260101000000Z", "300102000000Z");
    assert_eq!(at(&r, "chain.validity_nested"), &Value::Bool(false));
}

mod tbs {
    //! A to-be-signed certificate has no signature to find its issuer by:
    //! the issuer is the one certificate named like it whose key the
    //! authority key identifier names.

    use super::*;
    use crate::facts::certificate::extract_tbs;

    fn tbs_facts(tbs: &[u8], issuers: &[&[u8]]) -> Record {
        extract_tbs(tbs, &ctx(issuers)).unwrap()
    }

    #[test]
    fn a_root_before_signing_will_be_self_signed() {
        let r = tbs_facts(&Cert::root("Root", key(1)).tbs(), &[]);
        assert_eq!(at(&r, "self_signed"), &Value::Bool(true));
        assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
        assert!(why(at(&r, "signature.verified")).contains("to-be-signed"));
        // Its authority key identifier naming its own key.
        let mut own = Cert::root("Root", key(1));
        own.extensions.push(aki(&key(1)));
        let r = tbs_facts(&own.tbs(), &[]);
        assert_eq!(at(&r, "self_signed"), &Value::Bool(true));
        // Naming another key: not self-signed, and that issuer is missing.
        let mut other = Cert::root("Root", key(1));
        other.extensions.push(aki(&key(2)));
        let r = tbs_facts(&other.tbs(), &[]);
        assert_eq!(at(&r, "self_signed"), &Value::Bool(false));
        assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(false));
    }

    #[test]
    fn the_issuer_is_the_certificate_the_key_identifier_names() {
        let leaf = Cert::leaf("Sub", &key(2), "Leaf").tbs();
        let r = tbs_facts(&leaf, &[&sub(), &root()]);
        assert_eq!(at(&r, "self_signed"), &Value::Bool(false));
        assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(true));
        assert_eq!(at(&r, "chain.anchored"), &Value::Bool(true));
        assert_eq!(at(&r, "chain.length"), &Value::Int(3));
        // A certificate named like the issuer without a key identifier is
        // not the one the authority key identifier names.
        let mut no_ski = Cert::root("Sub", key(5));
        no_ski.extensions = vec![basic_constraints(false, None)];
        let r = tbs_facts(&leaf, &[&no_ski.self_sign(), &sub(), &root()]);
        assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(true));
        assert_eq!(at(&r, "chain.issuer_is_ca"), &Value::Bool(true));
        // A certificate with the named key under another name is not it.
        let renamed = Cert::sub_ca("Root", &key(1), "Other", key(2), None).sign(&key(1));
        let r = tbs_facts(&leaf, &[&renamed]);
        assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(false));
        assert!(why(at(&r, "chain.names_chain")).contains("not among the inputs"));
    }

    #[test]
    fn without_a_key_identifier_one_certificate_named_like_the_issuer_is_it() {
        let mut leaf = Cert::new(cn("Root"), cn("Leaf"), key(99));
        leaf.extensions = vec![key_usage(&[0x06, 0xc0])];
        let r = tbs_facts(&leaf.tbs(), &[&root()]);
        assert_eq!(at(&r, "self_signed"), &Value::Bool(false));
        assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(true));
        // Two named like it: which one will sign cannot be told.
        let rekeyed = Cert::root("Root", key(6)).self_sign();
        let r = tbs_facts(&leaf.tbs(), &[&root(), &rekeyed]);
        assert_eq!(at(&r, "chain.issuer_found"), &Value::Bool(false));
        assert!(why(at(&r, "chain.names_chain")).contains("several certificates"));
    }
}
