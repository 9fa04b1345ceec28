//! certlex fails closed. Tested elsewhere, not repeated here: a missing or
//! empty rules directory and broken rules stop everything with exit code 2
//! (`cli.rs`: `broken_or_missing_rules_stop_everything_with_exit_2`); an
//! unreadable input fails the run while the others are still checked
//! (`cli.rs`, and every file of `bad_inputs.rs`). Here: a missing fact is
//! undetermined and fails the run; no `--fail-on` lets an error or an
//! undetermined finding through; nothing to check is not conformant; a broken
//! file found in a directory walk fails the run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use run::{all, certlex, root};

use std::path::PathBuf;
use std::process::Output;

use serde_json::Value;

fn temp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("fail-closed")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A certificate whose issuer is not given: its signature cannot be checked.
const NO_ISSUER_GIVEN: &str = "corpus/certificates/good/rsa-ee.pem";
const ITS_ISSUERS: &str = "corpus/certificates/ca";
const GOOD: &str = "corpus/certificates/real/cfca-ev-root.pem";

fn statuses(o: &Output) -> Vec<(String, String)> {
    let report: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|_| panic!("{}", all(o)));
    run::rule_statuses(&report)
}

#[test]
fn a_rule_whose_fact_is_missing_is_undetermined_and_fails_the_run() {
    let at = ["--at", "2026-06-01", "--format", "json"];
    // With its issuer, the certificate conforms; without, its signature is unknown.
    let with = certlex(
        &[
            &["check"][..],
            &at,
            &[
                "--register",
                run::TEST_REGISTER,
                "--issuers",
                ITS_ISSUERS,
                NO_ISSUER_GIVEN,
            ],
        ]
        .concat(),
    );
    assert_eq!(with.status.code(), Some(0), "{}", all(&with));
    let without = certlex(&[&["check"][..], &at, &[NO_ISSUER_GIVEN]].concat());
    let undetermined: Vec<String> = statuses(&without)
        .into_iter()
        .filter(|(_, s)| s == "undetermined")
        .map(|(r, _)| r)
        .collect();
    assert!(undetermined.contains(&"ESL-21-6".to_string()), "{undetermined:?}");
    assert_eq!(
        without.status.code(),
        Some(1),
        "undetermined must fail the run: {}",
        all(&without)
    );

    // A CA profile that states almost nothing: its rules are undetermined, not passed.
    let dir = temp("sparse-profile");
    let profile = dir.join("sparse.yaml");
    std::fs::write(&profile, "kind: ca-profile\nlegal_entity:\n  name: 测试认证中心\n").unwrap();
    let o = certlex(&[&["check"][..], &at, &[profile.to_str().unwrap()]].concat());
    let s = statuses(&o);
    assert!(s.iter().any(|(_, s)| s == "undetermined"), "{s:?}");
    assert!(
        !s.iter().any(|(_, s)| s == "pass") || o.status.code() == Some(1),
        "{s:?}"
    );
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
}

#[test]
fn no_fail_on_setting_lets_errors_or_undetermined_findings_through() {
    for level in ["error", "warning", "notice"] {
        let o = certlex(&["check", "--fail-on", level, "--at", "2026-06-01", NO_ISSUER_GIVEN]);
        assert_eq!(
            o.status.code(),
            Some(1),
            "--fail-on {level}: undetermined passed: {}",
            all(&o)
        );
        let o = certlex(&["check", "--fail-on", level, "corpus/bad/cert-truncated.der", GOOD]);
        assert_eq!(
            o.status.code(),
            Some(2),
            "--fail-on {level}: an unreadable input passed: {}",
            all(&o)
        );
    }
    for lax in ["none", "never", "off", "fatal", ""] {
        let o = certlex(&["check", "--fail-on", lax, GOOD]);
        assert_eq!(o.status.code(), Some(2), "--fail-on {lax:?} was accepted: {}", all(&o));
    }
}

#[test]
fn nothing_to_check_is_not_conformant() {
    let dir = temp("empty-inputs");
    let o = certlex(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    assert!(
        all(&o).contains("no certificate, CA profile or rule statement was found"),
        "{}",
        all(&o)
    );
    // A directory of files that are not inputs is the same: skipped files are not checks.
    std::fs::write(dir.join("notes.log"), "not an input").unwrap();
    let o = certlex(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
}

#[test]
fn a_broken_file_found_in_a_directory_fails_the_run() {
    let dir = temp("walk");
    std::fs::copy(root().join(GOOD), dir.join("a-good.pem")).unwrap();
    std::fs::copy(
        root().join("corpus/bad/pem-truncated-body.pem"),
        dir.join("b-broken.pem"),
    )
    .unwrap();
    std::fs::copy(
        root().join("corpus/bad/statement-invalid-utf8.md"),
        dir.join("c-statement.md"),
    )
    .unwrap();
    let o = certlex(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    let out = all(&o);
    assert!(out.contains("a-good.pem"), "{out}");
    assert!(out.contains("b-broken.pem:1: the block has no END line"), "{out}");
    assert!(
        out.contains("c-statement.md:7: the file has bytes that are not UTF-8 text"),
        "{out}"
    );
}
