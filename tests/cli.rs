//! The `certlex` binary end to end: exit codes, formats, messages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use run::{certlex, stderr, stdout};

use std::process::{Command, Output};

fn certlex_owned(args: &[String]) -> Output {
    certlex(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

const GOOD: &str = "corpus/certificates/real/cfca-ev-root.pem";
const EMPTY_ISSUER: &str = "corpus/certificates/real/zlint-issuer-field-missing.pem";

#[test]
fn a_conformant_certificate_exits_0() {
    let o = certlex(&["check", GOOD]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("conformant"), "{}", stdout(&o));
}

#[test]
fn a_failing_certificate_exits_1_and_names_the_article() {
    let o = certlex(&["check", EMPTY_ISSUER]);
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
        certlex(&["check", "--fail-on", "notice", EMPTY_ISSUER]).status.code(),
        Some(1)
    );
}

#[test]
fn chinese_output_on_request() {
    let o = certlex(&["check", "--lang", "zh", EMPTY_ISSUER]);
    assert!(stdout(&o).contains("不通过"), "{}", stdout(&o));
    assert!(stdout(&o).contains("未载明电子认证服务提供者名称"), "{}", stdout(&o));
}

#[test]
fn json_output_is_one_document_with_a_summary() {
    let o = certlex(&["check", "--format", "json", "--at", "2026-01-01", GOOD, EMPTY_ISSUER]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], 3);
    assert_eq!(v["date"], "2026-01-01");
    assert_eq!(v["findings"], "attention");
    assert_eq!(v["subjects"].as_array().unwrap().len(), 2);
    assert_eq!(v["summary"]["conformant"], false);
    let f = &v["subjects"][1]["findings"];
    let failed: Vec<_> = f.as_array().unwrap().iter().filter(|x| x["status"] == "fail").collect();
    assert_eq!(failed[0]["rule"], "ESL-21-1");
    assert_eq!(failed[0]["cites"][0], "ESL 21(1)");
    assert_eq!(failed[0]["blocking"], true);
    assert!(failed[0]["message"]["zh"].is_string() && failed[0]["message"]["en"].is_string());
    // What needs attention is listed; passes are counted, not listed; the
    // rule's title is in the catalogue, once.
    assert!(f.as_array().unwrap().iter().all(|x| x["status"] != "pass"), "{f}");
    assert!(v["subjects"][1]["statuses"]["pass"].as_u64().unwrap() > 10);
    assert!(v["catalogue"]["ESL-21-1"]["title"]["en"].is_string());
    assert!(failed[0].get("title").is_none());
    // `--findings all` lists every finding, passes included.
    let o = certlex(&[
        "check",
        "--format",
        "json",
        "--findings",
        "all",
        "--at",
        "2026-01-01",
        GOOD,
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let all = v["subjects"][0]["findings"].as_array().unwrap();
    let counted: u64 = v["subjects"][0]["statuses"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(all.len() as u64, counted);
    assert!(all.iter().any(|x| x["status"] == "pass"));
}

#[test]
fn a_missing_input_exits_2() {
    let o = certlex(&["check", "no/such/file.pem"]);
    assert_eq!(o.status.code(), Some(2));
    // The error on standard error, the report (its summary line) on standard output.
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    assert!(!stdout(&o).contains("does not exist"), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 input error"), "{}", stdout(&o));
    // With --output too: the error on standard error, the report in the file.
    let dir = temp_dir("missing-input");
    let target = dir.join("report.json");
    let o = certlex(&[
        "check",
        "--format",
        "json",
        "--output",
        target.to_str().unwrap(),
        "no/such/file.pem",
        GOOD,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(stderr(&o).contains("does not exist"), "{}", stderr(&o));
    let report = std::fs::read_to_string(&target).unwrap();
    let v: serde_json::Value = serde_json::from_str(&report).unwrap();
    // The JSON report records the error as data for the machine reading it.
    assert_eq!(v["errors"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(v["summary"]["input_errors"], 1);
    assert_eq!(v["subjects"].as_array().unwrap().len(), 1);
}

#[test]
fn an_unreadable_input_fails_the_run_but_the_others_are_still_checked() {
    let o = certlex(&["check", "Cargo.toml", GOOD]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    assert!(stderr(&o).contains("Cargo.toml: not a certificate"), "{}", stderr(&o));
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
fn rules_check_takes_a_file_and_checks_it_in_the_context_of_the_rules() {
    // An addition: its warning, and no other file's diagnostics.
    let o = certlex(&["rules", "check", "corpus/rules-warn/value-not-in-text.rules"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("ESL 24 says 五年 (5 years)"), "{}", stderr(&o));
    assert!(stdout(&o).contains("added to them"), "{}", stdout(&o));
    // A broken file: its errors only, exit 2.
    let o = certlex(&["rules", "check", "corpus/rules-bad/fullwidth-comma-in-cites.rules"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("full-width `，` between citations"), "{err}");
    assert!(err.contains("certlex: 1 error"), "{err}");
    // A built-in file of a checkout, as it is: it takes its own place.
    let o = certlex(&["rules", "check", "rules/parameters.rules"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("in place of `rules/parameters.rules`"),
        "{}",
        stdout(&o)
    );
    // An edited copy in another checkout: it replaces the built-in file, so
    // its parameters are not defined twice, and its change is reported.
    let dir = temp_dir("rules-check-file").join("rules");
    std::fs::create_dir_all(&dir).unwrap();
    let edited = std::fs::read_to_string(run::root().join("rules/parameters.rules"))
        .unwrap()
        .replace("value 5 years cites ESL 24", "value 10 years cites ESL 24");
    std::fs::write(dir.join("parameters.rules"), edited).unwrap();
    let o = certlex(&["rules", "check", dir.join("parameters.rules").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("`10 years` is not a number"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("defined twice"), "{}", stderr(&o));
    // A directory among files is a usage error.
    let o = certlex(&["rules", "check", "rules", "rules/parameters.rules"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn rule_titles_show_the_values_of_their_parameters_under_the_regime() {
    let dir = temp_dir("title-parameters");
    copy_tree(&run::root().join("rules"), &dir);
    let staff = dir.join("measures-2015/ca-profile/article-5.rules");
    let text = std::fs::read_to_string(&staff).unwrap();
    let edited = text.replace(
        "title.en \"The certification service institution's registered capital is at least the minimum\"",
        "title.en \"Registered capital of at least RMB {min-registered-capital-rmb}\"",
    );
    assert_ne!(edited, text);
    std::fs::write(&staff, edited).unwrap();
    let rules = dir.to_str().unwrap();
    let list = |regime: &str| {
        let o = certlex(&[
            "--rules",
            rules,
            "rules",
            "list",
            "--regime",
            regime,
            "--at",
            "2026-01-01",
        ]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        stdout(&o)
    };
    assert!(list("current").contains("at least RMB 30,000,000"));
    assert!(list("draft-2024").contains("at least RMB 70,000,000"));
    let o = certlex(&[
        "--rules",
        rules,
        "explain",
        "MEASURES-5-CAPITAL",
        "--regime",
        "draft-2024",
    ]);
    assert!(stdout(&o).contains("at least RMB 70,000,000"), "{}", stdout(&o));
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
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
fn an_undefined_step_is_named_with_the_nearest_step_in_both_languages() {
    let dir = temp_dir("unknown-step");
    let feature = dir.join("typo.feature");
    std::fs::write(
        &feature,
        "Feature: x\n  Scenario: y\n    Given the certficate \"corpus/certificates/real/cfca-ev-root.pem\"\n    Then it conforms\n",
    )
    .unwrap();
    let o = certlex(&["test", feature.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("typo.feature:3:11: unknown step `the certficate"), "{err}");
    assert!(
        err.contains("help: did you mean: the certificate \"PATH\" (in Chinese: 证书 \"PATH\")"),
        "{err}"
    );
    std::fs::write(
        &feature,
        "# language: zh-CN\n功能: x\n  场景: y\n    假如 证书 “corpus/certificates/real/cfca-ev-root.pem”\n    那么 符合\n",
    )
    .unwrap();
    let err = stderr(&certlex(&["test", feature.to_str().unwrap()]));
    assert!(err.contains("typo.feature:4:8: 未知步骤"), "{err}");
    assert!(
        err.contains("全角引号") && err.contains("是否想写：证书 \"PATH\"（英文：the certificate \"PATH\"）"),
        "{err}"
    );
}

#[test]
fn list_steps_prints_every_step_in_the_languages_asked_for() {
    let both = stdout(&certlex(&["test", "--list-steps"]));
    assert!(
        both.contains("  Given the certificate \"PATH\"\n  假如 证书 \"PATH\"\n"),
        "{both}"
    );
    assert!(both.contains("e.g. Then rule \"ESL-21-1\" passes"), "{both}");
    let zh = certlex(&["--lang", "zh", "test", "--list-steps"]);
    assert_eq!(zh.status.code(), Some(0));
    let zh = stdout(&zh);
    assert!(
        zh.contains("例如 那么 规则 \"ESL-21-1\" 通过") && !zh.contains("Given the"),
        "{zh}"
    );
}

#[test]
fn the_language_server_answers_over_standard_input_and_output() {
    use std::io::{Read as _, Write as _};
    let frame = |body: &str| format!("Content-Length: {}\r\n\r\n{body}", body.len());
    let mut child = run::command()
        .args(["lsp", "--stdio"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let messages = [
        r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
        r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///tmp/x.rules","languageId":"certlex-rules","version":1,"text":"rule X {\n  severty error\n}\n"}}}"#,
        r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
        r#"{"jsonrpc":"2.0","method":"exit"}"#,
    ];
    for m in messages {
        input.write_all(frame(m).as_bytes()).unwrap();
    }
    drop(input);
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    assert!(child.wait().unwrap().success());
    assert!(out.contains(r#""hoverProvider":true"#), "{out}");
    assert!(
        out.contains("textDocument/publishDiagnostics") && out.contains("severty"),
        "{out}"
    );
    assert!(out.contains(r#""id":2,"result":null"#), "{out}");
}

#[test]
fn help_teaches_exit_codes() {
    let o = certlex(&["check", "--help"]);
    let out = stdout(&o);
    assert!(out.contains("Exit codes") && out.contains("--fail-on"), "{out}");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("certlex-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

const UNDETERMINED_ONLY: &str = "corpus/certificates/good/rsa-ee.pem";

#[test]
fn allow_undetermined_lets_what_could_not_be_checked_pass() {
    // Without its issuer the signature is undetermined: that fails closed.
    let o = certlex(&["check", "--at", "2026-06-01", UNDETERMINED_ONLY]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("undetermined"), "{}", stdout(&o));
    let o = certlex(&["check", "--at", "2026-06-01", "--allow-undetermined", UNDETERMINED_ONLY]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("undetermined and needs-evidence allowed"),
        "{}",
        stdout(&o)
    );
    // It never lets an error through.
    let o = certlex(&["check", "--allow-undetermined", EMPTY_ISSUER]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn output_is_written_whole_and_only_when_complete() {
    let dir = temp_dir("output");
    let target = dir.join("report.sarif");
    let o = certlex(&[
        "check",
        "--format",
        "sarif",
        "--output",
        target.to_str().unwrap(),
        GOOD,
        EMPTY_ISSUER,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "the report went to the file");
    assert!(stderr(&o).contains("report written to"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
    assert_eq!(entries(&dir), ["report.sarif"], "no temporary file is left");
    // A folder that does not exist: a usage error, nothing written.
    let o = certlex(&[
        "check",
        "--output",
        dir.join("no/such/dir/r.json").to_str().unwrap(),
        GOOD,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write the report"), "{}", stderr(&o));
    assert_eq!(entries(&dir), ["report.sarif"]);
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_report_and_no_temporary_file() {
    let dir = temp_dir("interrupt");
    let inputs = dir.join("inputs");
    std::fs::create_dir_all(&inputs).unwrap();
    let pem = std::fs::read(GOOD).unwrap();
    for i in 0..3000 {
        std::fs::write(inputs.join(format!("c{i:04}.pem")), &pem).unwrap();
    }
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let target = out.join("report.json");
    let mut child = run::command()
        .args(["check", "--format", "json", "--output", target.to_str().unwrap()])
        .arg(&inputs)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the report is being written (its temporary file exists).
    let start = std::time::Instant::now();
    while entries(&out).is_empty() && start.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(entries(&out).len(), 1, "the temporary file appears while writing");
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run was interrupted before it finished");
    assert!(entries(&out).is_empty(), "left behind: {:?}", entries(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn waivers_are_reported_never_hidden() {
    let dir = temp_dir("waivers");
    let config = dir.join("certlex.toml");
    let waiver = |expires: &str| {
        format!(
            "[[waiver]]\nrule = \"ESL-21-1\"\nsubjects = \"corpus/certificates/real/*.pem\"\nreason = \"kept for the record\"\napprover = \"Zhang San\"\nexpires = {expires}\n"
        )
    };
    std::fs::write(&config, waiver("2026-12-31")).unwrap();
    let c = config.to_str().unwrap().to_string();
    let args = |c: &String| {
        vec![
            "check".to_string(),
            "--at".into(),
            "2026-06-01".into(),
            "--config".into(),
            c.clone(),
            EMPTY_ISSUER.into(),
        ]
    };
    // The blocking count of the summary line: `…; 7 blocking at --fail-on …`.
    let blocking = |out: &str| -> usize {
        let summary = out.lines().rfind(|l| l.contains(" blocking at")).unwrap();
        let before = summary.split(" blocking at").next().unwrap();
        before.rsplit(' ').next().unwrap().parse().unwrap()
    };
    let unwaived = blocking(&stdout(&certlex(&["check", "--at", "2026-06-01", EMPTY_ISSUER])));
    assert!(unwaived >= 1);
    let o = certlex_owned(&args(&c));
    // The waived ESL-21-1 is shown, not counted; the other findings still block.
    let out = stdout(&o);
    assert!(out.contains("ESL-21-1") && out.contains("fail (waived)"), "{out}");
    assert!(
        out.contains("waived: kept for the record (approved by Zhang San, until 2026-12-31"),
        "{out}"
    );
    assert_eq!(blocking(&out), unwaived - 1, "{out}");
    // Expired: the finding is not waived, and the waiver itself blocks.
    std::fs::write(&config, waiver("2026-01-01")).unwrap();
    let o = certlex_owned(&args(&c));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("expired on 2026-01-01"), "{out}");
    assert_eq!(blocking(&out), unwaived + 1, "{out}");
    // Broken: a located diagnostic and exit code 2.
    std::fs::write(&config, waiver("2026-12-31").replace("ESL-21-1", "ESL-21-l")).unwrap();
    let o = certlex_owned(&args(&c));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("there is no rule `ESL-21-l`") && err.contains("did you mean `ESL-21-1`?"),
        "{err}"
    );
    assert!(err.contains("certlex.toml:2:8"), "{err}");
    // `certlex.toml` in the current directory is read without `--config`.
    std::fs::write(&config, waiver("2026-12-31")).unwrap();
    let o = run::command()
        .args(["check", "--at", "2026-06-01", "--format", "json"])
        .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(EMPTY_ISSUER))
        .current_dir(&dir)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["waivers"][0]["file"], "certlex.toml");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_format_is_offered_and_piped_runs_show_no_progress() {
    for format in ["human", "json", "jsonl", "sarif", "junit"] {
        let o = certlex(&["check", "--format", format, "corpus/certificates"]);
        assert!(o.status.code().is_some_and(|c| c <= 2), "{format}");
        assert!(!stdout(&o).is_empty(), "{format}");
        assert!(!stderr(&o).contains("files found"), "{format}: {}", stderr(&o));
    }
}

#[test]
fn test_writes_one_junit_document_for_several_paths() {
    let dir = temp_dir("test-junit");
    let target = dir.join("scenarios.xml");
    let o = certlex(&[
        "test",
        "--format",
        "junit",
        "--output",
        target.to_str().unwrap(),
        "features/esl",
        "corpus/features-bad/wrong-expectation.feature",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("scenarios"), "cucumber's report goes to stderr");
    let xml = std::fs::read_to_string(&target).unwrap();
    assert_eq!(xml.matches("<testsuites").count(), 1, "{xml}");
    let suites = junit_parser::from_reader(std::io::Cursor::new(xml.as_bytes())).unwrap();
    let failures: u64 = suites.suites.iter().map(|s| s.failures).sum();
    assert_eq!(failures, 1, "the wrong expectation");
    assert!(suites.suites.len() > 2);
    // `--junit FILE` still writes the same report beside the human one.
    let also = dir.join("also.xml");
    let o = certlex(&[
        "test",
        "--junit",
        also.to_str().unwrap(),
        "corpus/features-bad/wrong-expectation.feature",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("expected pass, but it is fail"));
    assert!(std::fs::read_to_string(&also).unwrap().contains("<testsuites"));
    assert_eq!(entries(&dir), ["also.xml", "scenarios.xml"]);
}

#[test]
fn diff_writes_its_output_file_atomically() {
    let dir = temp_dir("diff");
    let target = dir.join("diff.json");
    let o = certlex(&[
        "diff",
        "--from",
        "current",
        "--to",
        "draft-2024",
        "--format",
        "json",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(v["to"]["regime"], "draft-2024");
    assert_eq!(entries(&dir), ["diff.json"]);
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

#[test]
fn the_report_is_the_same_on_one_thread_and_on_many() {
    let run = |threads: &str| {
        run::command()
            .args([
                "check",
                "--format",
                "jsonl",
                "--at",
                "2026-06-01",
                "--issuers",
                "corpus/certificates/ca",
            ])
            .args(["corpus/certificates", "corpus/ca-profiles", "corpus/rule-statements"])
            .env("RAYON_NUM_THREADS", threads)
            .output()
            .unwrap()
    };
    let one = run("1");
    let many = run("8");
    assert!(!one.stdout.is_empty());
    assert_eq!(one.status.code(), many.status.code());
    assert!(one.stdout == many.stdout, "reports differ between 1 and 8 threads");
}

/// Run certlex with its standard output a pipe whose reader is gone before
/// it writes (`certlex … | head -1`, once `head` has exited).
fn into_a_closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    let mut child = run::command()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn usage_errors_of_every_command_are_in_chinese_with_lang_zh() {
    for (args, words) in [
        (&["explain", "ESL-21-X"][..], "没有规则 `ESL-21-X`"),
        (
            &["diff", "--from", "current", "--to", "draft-2025"],
            "未知的法律状态 `draft-2025`",
        ),
        (
            &["diff", "--from", "current", "--to", "current", "--at", "soon"],
            "`soon` 不是日期",
        ),
        (&["schema", "timestamp"], "未知的类别 `timestamp`"),
        (&["coverage", "--min-coverage", "200"], "`200` 不是百分比"),
        (&["rules", "check", "rules/esl/instrument.rules", "rules"], "是文件夹"),
        (&["fmt", "no/such/dir"], "不存在"),
    ] {
        let o = certlex(&[&["--lang", "zh"][..], args].concat());
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(words), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    // A listing: the reader had what it wanted; exit 0, nothing said.
    for args in [
        &["rules", "list"][..],
        &["rules", "check"],
        &["explain", "ESL-21-1"],
        &["schema", "certificate"],
    ] {
        let (code, err) = into_a_closed_pipe(args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?}: {err}");
    }
    // A check or a scenario run: quietly too, but an unfinished report is
    // no verdict (2).
    for format in ["human", "json", "jsonl", "sarif", "junit"] {
        let (code, err) = into_a_closed_pipe(&["check", "--format", format, "corpus/certificates"]);
        assert_eq!(code, Some(2), "{format}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{format}: {err}"
        );
    }
    let (code, err) = into_a_closed_pipe(&["test", "features/esl/article-21.feature"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn test_at_sets_the_check_date_of_scenarios_that_name_none() {
    let dir = temp_dir("test-at");
    let feature = dir.join("dated.feature");
    std::fs::write(
        &feature,
        "Feature: x\n\
         \n  Scenario: before the permit was issued\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    When it is checked\n    Then rule \"ESL-16-PERMIT\" fails\n\
         \n  Scenario: its own date wins\n    Given the law as in force on 2019-08-26\n    And the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    When it is checked\n    Then rule \"ESL-16-PERMIT\" passes\n",
    )
    .unwrap();
    let f = feature.to_str().unwrap();
    let on = certlex(&["test", "--at", "2018-06-01", f]);
    assert_eq!(on.status.code(), Some(0), "{}{}", stdout(&on), stderr(&on));
    // Today the permit is held: the first scenario's expectation fails.
    let today = certlex(&["test", f]);
    assert_eq!(today.status.code(), Some(1), "{}", stdout(&today));
    let bad = certlex(&["test", "--at", "2018-13-01", f]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("`2018-13-01` is not a date"), "{}", stderr(&bad));
}

#[test]
fn a_scenario_that_depends_on_the_date_but_names_none_is_warned_about() {
    let dir = temp_dir("undated");
    let feature = dir.join("undated.feature");
    std::fs::write(
        &feature,
        "Feature: x\n\
         \n  Scenario: the permit has not expired\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    When it is checked\n    Then rule \"ESL-18-PERMIT-VALID\" passes\n\
         \n  Scenario: dated\n    Given the check date 2026-06-01\n    And the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"ESL-18-PERMIT-VALID\" passes\n",
    )
    .unwrap();
    let o = certlex(&["test", "--at", "2026-06-01", feature.to_str().unwrap()]);
    // A warning, not an error.
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("undated.feature:3: warning: scenario `the permit has not expired` names no date, but rule `ESL-18-PERMIT-VALID` reads `today`"),
        "{err}"
    );
    assert!(err.contains("help: add `Given the law as in force on DATE`"), "{err}");
    assert_eq!(err.matches("warning:").count(), 1, "{err}");
}

#[test]
fn a_failing_step_is_told_in_plain_words_at_its_line_of_the_feature() {
    let o = certlex(&["test", "corpus/features-bad/wrong-expectation.feature"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for noise in ["panicked", "Captured output", "src/", ".rs:"] {
        assert!(!out.contains(noise), "`{noise}` in:\n{out}");
    }
    let at = "corpus/features-bad/wrong-expectation.feature:";
    let failing = out
        .lines()
        .position(|l| l.contains(at) && l.contains(": Then rule \"ESL-21-1\" passes"));
    let Some(i) = failing else {
        panic!("no failing step at its line:\n{out}")
    };
    let why = out.lines().nth(i + 1).unwrap_or_default();
    assert!(why.contains("expected pass, but it is fail"), "{out}");
    assert!(out.contains("1 feature, 1 scenario (1 failed)"), "{out}");
    // An unknown step says so in the feature's words, not cucumber's.
    let o = certlex(&["test", "corpus/features-bad/undefined-step.feature"]);
    let out = stdout(&o);
    assert!(out.contains("no step of the vocabulary matches this text"), "{out}");
    assert!(!out.contains("doesn't match any function"), "{out}");
}
