//! The `certlex` binary end to end: exit codes, formats, messages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::process::{Command, Output};

fn certlex(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_certlex"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const GOOD: &str = "corpus/certificates/real/cfca-ev-root.pem";
const NO_ISSUER_O: &str = "corpus/certificates/real/autoridad-de-certificacion-firmaprofesional-cif-a62634068-2.pem";

#[test]
fn a_conformant_certificate_exits_0() {
    let o = certlex(&["check", GOOD]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("conformant"), "{}", stdout(&o));
}

#[test]
fn a_failing_certificate_exits_1_and_names_the_article() {
    let o = certlex(&["check", NO_ISSUER_O]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("ESL-21-1") && out.contains("ESL 21(1)"), "{out}");
    assert!(
        out.contains("does not name its certification service provider"),
        "{out}"
    );
}

#[test]
fn fail_on_notice_is_stricter_never_looser_for_errors() {
    assert_eq!(
        certlex(&["check", "--fail-on", "notice", NO_ISSUER_O]).status.code(),
        Some(1)
    );
}

#[test]
fn chinese_output_on_request() {
    let o = certlex(&["check", "--lang", "zh", NO_ISSUER_O]);
    assert!(stdout(&o).contains("不通过"), "{}", stdout(&o));
    assert!(stdout(&o).contains("未载明电子认证服务提供者名称"), "{}", stdout(&o));
}

#[test]
fn json_output_is_one_document_with_a_summary() {
    let o = certlex(&["check", "--format", "json", "--at", "2026-01-01", GOOD, NO_ISSUER_O]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["date"], "2026-01-01");
    assert_eq!(v["subjects"].as_array().unwrap().len(), 2);
    assert_eq!(v["summary"]["conformant"], false);
    let f = &v["subjects"][1]["findings"];
    let failed: Vec<_> = f.as_array().unwrap().iter().filter(|x| x["status"] == "fail").collect();
    assert_eq!(failed[0]["rule"], "ESL-21-1");
    assert_eq!(failed[0]["cites"][0], "ESL 21(1)");
    assert!(failed[0]["message"]["zh"].is_string() && failed[0]["message"]["en"].is_string());
}

#[test]
fn a_missing_input_exits_2() {
    let o = certlex(&["check", "no/such/file.pem"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("does not exist"), "{}", stdout(&o));
}

#[test]
fn an_unreadable_input_fails_the_run_but_the_others_are_still_checked() {
    let o = certlex(&["check", "Cargo.toml", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(out.contains("Cargo.toml: not a certificate"), "{out}");
    assert!(out.contains("cfca-ev-root.pem"), "{out}");
}

#[test]
fn a_private_key_is_refused_and_never_printed() {
    let o = certlex(&["check", "corpus/bad/private-key-with-certificate.pem"]);
    assert_eq!(o.status.code(), Some(2));
    let all = stdout(&o) + &stderr(&o);
    assert!(all.contains("contains a private key"), "{all}");
    assert!(all.contains("private-key-with-certificate.pem:2"), "{all}");
    let key = std::fs::read_to_string("corpus/bad/private-key-with-certificate.pem").unwrap();
    let key_line = key.lines().nth(2).unwrap();
    assert!(!all.contains(key_line), "key material was printed");
}

#[test]
fn bad_dates_and_regimes_are_usage_errors() {
    let o = certlex(&["check", "--at", "2024/9/2", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
    let o = certlex(&["check", "--regime", "draft-2042", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean `draft-2024`?"), "{}", stderr(&o));
}

#[test]
fn explain_shows_the_provision_in_both_languages() {
    let o = certlex(&["explain", "ESL-21-1"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("电子认证服务提供者名称"), "{out}");
    assert!(
        out.contains("the name of the electronic certification service provider"),
        "{out}"
    );
    assert!(out.contains("requires:     issuer.organization is present"), "{out}");
    let o = certlex(&["explain", "ESL-21-10"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("did you mean"), "{}", stderr(&o));
}

#[test]
fn rules_check_and_list() {
    let o = certlex(&["rules", "check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = certlex(&["rules", "list"]);
    assert!(stdout(&o).contains("ESL-21-1"));
}

#[test]
fn broken_or_missing_rules_stop_everything_with_exit_2() {
    let o = certlex(&["--rules", "corpus/rules-bad", "check", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing was checked"), "{}", stderr(&o));
    let o = certlex(&["--rules", "no/such/dir", "check", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    let empty = std::env::temp_dir().join("certlex-empty-rules");
    std::fs::create_dir_all(&empty).unwrap();
    let o = certlex(&["--rules", empty.to_str().unwrap(), "check", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("holds no `.rules` files"), "{}", stderr(&o));
}

#[test]
fn fmt_check_passes_on_the_builtin_rules() {
    let o = certlex(&["fmt", "--check", "rules"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn a_wrong_scenario_is_reported_with_rule_expected_and_actual() {
    let o = certlex(&["test", "corpus/features-bad/wrong-expectation.feature"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("rule `ESL-21-1`"), "{out}");
    assert!(out.contains("expected pass, but it is fail"), "{out}");
}

#[test]
fn an_undefined_step_fails_the_run() {
    let o = certlex(&["test", "corpus/features-bad/undefined-step.feature"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

#[test]
fn help_teaches_exit_codes() {
    let o = certlex(&["check", "--help"]);
    let out = stdout(&o);
    assert!(out.contains("Exit codes") && out.contains("--fail-on"), "{out}");
}

#[test]
fn the_examples_in_docs_scenarios_md_run_and_pass() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scenarios.md")).unwrap();
    let dir = std::env::temp_dir().join(format!("certlex-doc-scenarios-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut n = 0;
    for block in doc.split("```gherkin\n").skip(1) {
        let body = block.split("```").next().unwrap();
        let feature = if body.contains("Feature:") || body.contains("功能:") {
            body.to_string()
        } else {
            format!(
                "Feature: an example of docs/scenarios.md\n\n{}",
                body.lines().map(|l| format!("  {l}\n")).collect::<String>()
            )
        };
        n += 1;
        std::fs::write(dir.join(format!("example-{n}.feature")), feature).unwrap();
    }
    assert!(n >= 3, "docs/scenarios.md has gherkin examples");
    let o = certlex(&["test", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}
