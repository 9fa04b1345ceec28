//! The register of providers end to end: `certlex providers`, `--register
//! FILE` with its errors, and an operating CA of the national hierarchy
//! whose licence the register decides.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use std::path::Path;

use run::certlex;

const NATIONAL: &str = "../shared/corpus/cn-national-root";

#[test]
fn providers_lists_the_register_with_its_sources() {
    let out = certlex(&["providers"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("nrcac-operating-cas"), "{text}");
    assert!(text.contains("licence ECP31010421056"), "{text}");
    assert!(text.contains("licence ECP50010819050"), "{text}");
    let json = certlex(&["providers", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let providers = doc["providers"].as_array().expect("providers");
    let sources = doc["sources"].as_array().expect("sources");
    for p in providers {
        let source = p["source"].as_str().expect("every entry names its source");
        assert!(sources.iter().any(|s| s["id"] == source), "{source}");
    }
}

#[test]
fn an_operating_ca_checked_with_the_national_root_is_licensed_by_the_register() {
    if !Path::new(NATIONAL).exists() {
        eprintln!("skipped: {NATIONAL} is not here");
        return;
    }
    let root = format!("{NATIONAL}/nrcac-rootca.pem");
    // HUAWEI SM2 CA S245, listed by the National Root CA on 2026-02-15.
    let ca = format!("{NATIONAL}/1276c086ae332117da06f727af40c1e0.pem");
    let out = certlex(&["facts", "--issuers", &root, &ca]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let facts = &doc[0]["facts"];
    assert_eq!(facts["subject_provider"]["licensed"], "yes", "{facts:#}");
    assert_eq!(facts["subject_provider"]["established"], "mainland");
    assert!(
        facts["subject_provider"]["entry"]
            .as_str()
            .unwrap_or_default()
            .starts_with("nrcac-operating-cas")
    );
    // Its issuer is the national root itself: not a licensed provider.
    assert!(
        facts["issuer_provider"]["licensed"]["unknown"]["en"]
            .as_str()
            .unwrap_or_default()
            .contains("is a national root")
    );
    // The list names this very certificate, so its fingerprint alone
    // identifies it; its issuer, though, is then not known.
    let alone = certlex(&["facts", &ca]);
    let doc: serde_json::Value = serde_json::from_slice(&alone.stdout).expect("json");
    assert_eq!(doc[0]["facts"]["subject_provider"]["licensed"], "yes");
    assert!(doc[0]["facts"]["issuer_provider"]["licensed"]["unknown"].is_object());
}

#[test]
fn a_users_register_adds_a_provider_and_its_errors_are_located() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("mine.yaml");
    std::fs::write(
        &good,
        "sources:\n  own:\n    what: our licence\n    where: our records\n    date: 2026-01-01\nproviders:\n  - id: test-ca\n    name: {zh: certlex 测试认证有限公司}\n    role: provider\n    established: mainland\n    source: own\n    basis: our own permit\n    licence: {number: ECP31011520210004, from: 2021-09-01, until: 2031-08-31}\n    certificates:\n      - sha256: 9ce2ab90ca3e0ac587aae6822788a9dd9466735f7d54a3e72aec9d8e7239d2a6\n",
    )
    .expect("write");
    let good = good.to_string_lossy().to_string();
    let out = certlex(&["--register", &good, "providers"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("test-ca"));
    let out = certlex(&[
        "--register",
        &good,
        "check",
        "--format",
        "json",
        "--findings",
        "all",
        "--issuers",
        "corpus/certificates/ca/rsa-root.pem",
        "corpus/certificates/good/rsa-ee.pem",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&text).expect("json");
    let findings = doc.to_string();
    assert!(findings.contains("ESL-16-LICENSED-ISSUER"), "{text}");
    let status = find_status(&doc, "ESL-16-LICENSED-ISSUER");
    assert_eq!(status.as_deref(), Some("pass"), "{text}");

    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "providers:\n  - id: x\n    nme: {en: X}\n").expect("write");
    let out = certlex(&["--register", &bad.to_string_lossy(), "providers"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown key `nme`") && err.contains("bad.yaml:3"), "{err}");
    assert!(err.contains("name"), "{err}");
}

/// The status of `rule` among a JSON report's findings, wherever it lists them.
fn find_status(v: &serde_json::Value, rule: &str) -> Option<String> {
    match v {
        serde_json::Value::Object(m) => {
            if m.get("rule").and_then(|r| r.as_str()) == Some(rule)
                && let Some(s) = m.get("status").and_then(|s| s.as_str())
            {
                return Some(s.to_string());
            }
            m.values().find_map(|x| find_status(x, rule))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_status(x, rule)),
        _ => None,
    }
}
