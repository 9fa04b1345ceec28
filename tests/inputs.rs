//! Reading certificates through `certlex check`: PEM with many blocks and
//! text around them, any line endings, DER, directories, standard input,
//! and a private key, which is an error naming the file and never printed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::io::Write;
use std::path::PathBuf;
#[path = "support/run.rs"]
mod run;

use run::root;
use std::process::Stdio;

use serde_json::Value;

fn certlex(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = run::command()
        .args([
            "check",
            "--format",
            "json",
            "--at",
            "2026-06-01",
            "--issuers",
            "corpus/certificates/ca",
            "--register",
            run::TEST_REGISTER,
            "--findings",
            "all",
        ])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn status_of(report: &Value, subject: usize, rule: &str) -> String {
    report["subjects"][subject]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .map(|f| f["status"].as_str().unwrap().to_string())
        .unwrap()
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("certlex-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(root().join("corpus/certificates").join(rel)).unwrap()
}

#[test]
fn standard_input_is_read_once_and_linked_to_its_issuer() {
    for rel in ["good/rsa-ee.pem", "good/rsa-ee.der"] {
        let (code, out, err) = certlex(&["-"], Some(&fixture(rel)));
        assert_eq!(code, 0, "{rel}: {err}{out}");
        let report: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(report["subjects"][0]["name"], "-");
        assert_eq!(status_of(&report, 0, "ESL-21-6"), "pass", "{rel}");
    }
}

#[test]
fn many_blocks_any_line_endings_and_text_around_them() {
    let pem = String::from_utf8(fixture("good/sm2-chain-crlf.pem")).unwrap();
    let cr_only = pem.replace("\r\n", "\r");
    let p = temp("chain-cr.pem", cr_only.as_bytes());
    let (code, out, err) = certlex(&[p.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let subjects = report["subjects"].as_array().unwrap();
    assert_eq!(subjects.len(), 3);
    assert!(subjects[0]["name"].as_str().unwrap().ends_with("chain-cr.pem#1"));
    // The chain in one file links itself: the signing certificate verifies.
    assert_eq!(status_of(&report, 0, "ESL-21-6"), "pass");
}

#[test]
fn the_blocks_of_a_bundle_are_numbered_from_1_as_they_appear() {
    // A certificate, a public key block (an input error, but a block a
    // person counts), a certificate: the second certificate is `#3`.
    let mut bundle = fixture("good/rsa-ee.pem");
    bundle.extend_from_slice(&std::fs::read(root().join("corpus/bad/pem-public-key.pem")).unwrap());
    bundle.extend_from_slice(&fixture("good/ecdsa-ee.pem"));
    let p = temp("bundle.pem", &bundle);
    let (code, out, err) = certlex(&[p.to_str().unwrap()], None);
    assert_eq!(code, 2, "the public key block is an input error: {err}{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = report["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].ends_with("bundle.pem#1") && names[1].ends_with("bundle.pem#3"),
        "{names:?}"
    );
    assert_eq!(report["subjects"][1]["identity"]["key"], "EC P-256");
}

#[test]
fn a_directory_is_walked() {
    let (code, out, err) = certlex(&["corpus/certificates/good"], None);
    assert_eq!(code, 0, "{err}{out}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["summary"]["subjects"], 10);
}

#[test]
fn a_private_key_is_an_error_naming_the_file_and_never_printed() {
    let key = fixture("keys/rsa-ee.key");
    let key_text = String::from_utf8(key.clone()).unwrap();
    let body: Vec<&str> = key_text.lines().filter(|l| !l.starts_with("-----")).collect();
    let mut whole = fixture("good/rsa-ee.pem");
    whole.extend_from_slice(&key);
    // And a key block cut short, which must not be shown as a snippet either.
    let cut: String = key_text.lines().take(5).collect::<Vec<_>>().join("\n");
    for (name, bytes) in [("with-key.pem", whole), ("cut-key.pem", cut.into_bytes())] {
        let p = temp(name, &bytes);
        let (code, out, err) = certlex(&[p.to_str().unwrap()], None);
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(out.contains("private key") && out.contains(name), "{name}: {out}");
        for line in &body {
            assert!(
                !out.contains(line) && !err.contains(line),
                "{name}: key material was printed"
            );
        }
    }
}

#[test]
fn an_issuers_path_that_does_not_exist_is_an_error() {
    let (code, out, _) = certlex(
        &["--issuers", "no/such/dir", "corpus/certificates/good/rsa-ee.pem"],
        None,
    );
    assert_eq!(code, 2);
    assert!(out.contains("no/such/dir"), "{out}");
}
