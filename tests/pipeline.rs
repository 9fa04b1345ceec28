//! The issuance-pipeline fixtures of `corpus/pipeline/` (to-be-signed
//! certificates, precertificates, PKCS#10 requests, CRLs, OCSP responses;
//! RSA and SM2): each
//! is read (exit 0 or 1, never 2) and gives the status its README's table
//! expects, and no adverse finding the table does not list.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::collections::BTreeMap;

#[path = "support/run.rs"]
mod run;

use run::root;
use serde_json::Value;

const AT: &str = "2026-06-01";
/// The OCSP responses carry the day `make.sh` made them (2026-11-27).
const OCSP_AT: &str = "2026-11-28";

/// The README's rows: file → [(rule or `-`, expected status)].
fn table() -> BTreeMap<String, Vec<(String, String)>> {
    let text = std::fs::read_to_string(root().join("corpus/pipeline/README.md")).unwrap();
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for l in text.lines() {
        let cells: Vec<&str> = l.trim().trim_matches('|').split('|').map(str::trim).collect();
        if cells.len() == 4 && cells[0].contains('/') && !cells[0].contains(' ') {
            out.entry(cells[0].to_string())
                .or_default()
                .push((cells[2].to_string(), cells[3].to_string()));
        }
    }
    out
}

fn check(rel: &str) -> (i32, Value) {
    check_at(rel, if rel.starts_with("ocsp/") { OCSP_AT } else { AT })
}

fn check_at(rel: &str, at: &str) -> (i32, Value) {
    let out = run::command()
        .args([
            "check",
            "--format",
            "json",
            "--findings",
            "all",
            "--lang",
            "en",
            "--at",
            at,
        ])
        .args(["--issuers", "corpus/certificates/ca"])
        .args(["--register", run::TEST_REGISTER])
        .arg(format!("corpus/pipeline/{rel}"))
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    (code, serde_json::from_slice(&out.stdout).unwrap_or(Value::Null))
}

#[test]
fn every_fixture_is_listed_and_gives_what_the_readme_expects() {
    let table = table();
    let base = root().join("corpus/pipeline");
    for dir in ["tbs", "precert", "csr", "crl", "ocsp"] {
        for e in std::fs::read_dir(base.join(dir)).unwrap() {
            let name = format!("{dir}/{}", e.unwrap().file_name().to_string_lossy());
            assert!(table.contains_key(&name), "{name} is not in corpus/pipeline/README.md");
        }
    }
    assert!(table.len() >= 25, "{} fixtures", table.len());
    for (file, rows) in &table {
        let (code, report) = check(file);
        assert!(code == 0 || code == 1, "{file}: exit code {code}: {report:#}");
        let subject = &report["subjects"][0];
        let findings = subject["findings"].as_array().unwrap();
        let status = |rule: &str| {
            findings
                .iter()
                .find(|f| f["rule"] == rule)
                .map(|f| f["status"].as_str().unwrap().to_string())
                .unwrap_or_else(|| panic!("{file}: no finding for {rule}"))
        };
        for (rule, expected) in rows {
            if rule == "-" {
                assert_eq!(expected, "conformant");
                assert_eq!(code, 0, "{file}: {report:#}");
            } else {
                assert_eq!(&status(rule), expected, "{file}: {rule}");
            }
        }
        let listed: Vec<&str> = rows.iter().map(|(r, _)| r.as_str()).collect();
        for f in findings {
            let s = f["status"].as_str().unwrap();
            let rule = f["rule"].as_str().unwrap();
            if matches!(s, "fail" | "undetermined" | "needs-evidence") {
                assert!(listed.contains(&rule), "{file}: unexpected {s} of {rule}: {f:#}");
            }
        }
    }
}

#[test]
fn the_kinds_are_reported_as_what_they_are() {
    for (file, kind, form) in [
        ("tbs/sm2-sign.tbs.der", "certificate", Some("tbs")),
        ("precert/rsa-ee.precert.pem", "certificate", Some("precertificate")),
        ("csr/sm2.csr.pem", "csr", None),
        ("crl/sm2-sub.crl.pem", "crl", None),
        ("ocsp/sm2-good.ocsp.der", "ocsp", None),
    ] {
        let (_, report) = check(file);
        assert_eq!(report["subjects"][0]["kind"], kind, "{file}");
        if let Some(form) = form {
            let out = run::command()
                .args(["facts", &format!("corpus/pipeline/{file}")])
                .output()
                .unwrap();
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains(&format!("\"form\": \"{form}\"")), "{file}: {text}");
        }
    }
}

/// What the responses say, read back as facts: the status of the
/// certificate asked about, who signed, and for whom.
#[test]
fn ocsp_responses_tell_status_and_signer() {
    let facts = |file: &str| {
        let out = run::command()
            .args([
                "facts",
                "--issuers",
                "corpus/certificates/ca",
                &format!("corpus/pipeline/{file}"),
            ])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        v[0]["facts"].clone()
    };
    let good = facts("ocsp/rsa-good.ocsp.der");
    assert_eq!(good["status"], "successful");
    assert_eq!(good["response_type"], "basic");
    assert_eq!(good["responses"][0]["status"], "good");
    assert_eq!(good["responses"][0]["serial"], "1001");
    assert_eq!(good["responses"][0]["hash_algorithm"], "sha1");
    assert_eq!(good["signature"]["responder"], "ca");
    assert_eq!(good["signature"]["verified"], true);
    let revoked = facts("ocsp/rsa-revoked.ocsp.der");
    assert_eq!(revoked["responses"][0]["status"], "revoked");
    assert_eq!(revoked["responses"][0]["reason"], "keyCompromise");
    let sm2 = facts("ocsp/sm2-good.ocsp.der");
    assert_eq!(sm2["signature_algorithm"]["oid"], "1.2.156.10197.1.501");
    assert_eq!(sm2["signature"]["verified"], true);
    let delegated = facts("ocsp/delegated.ocsp.der");
    assert_eq!(delegated["signature"]["responder"], "delegated");
    assert_eq!(delegated["signature"]["ocsp_nocheck"], true);
    let by_key = facts("ocsp/by-key.ocsp.der");
    assert_eq!(by_key["responder_id"]["by"], "key");
    assert_eq!(
        facts("ocsp/not-authorised.ocsp.der")["signature"]["responder"],
        "unauthorised"
    );
    assert_eq!(facts("ocsp/try-later.ocsp.der")["status"], "tryLater");
}

#[test]
fn an_ocsp_response_is_stale_after_its_next_update() {
    let (code, report) = check_at("ocsp/rsa-good.ocsp.der", "2026-12-10");
    assert_eq!(code, 1, "{report:#}");
    let findings = report["subjects"][0]["findings"].as_array().unwrap();
    let current = findings.iter().find(|f| f["rule"] == "OCSP-CURRENT").unwrap();
    assert_eq!(current["status"], "fail", "{current:#}");
}
