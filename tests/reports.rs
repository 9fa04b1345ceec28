//! Every report format over a small mixed corpus (certificates that pass,
//! fail, cannot be fully checked and are waived; a rule statement with
//! located findings, a CA profile with a located failure), with the waivers of `corpus/reports/certlex.toml` (one
//! used, one expired, one unused), at a fixed date. Each format is a
//! snapshot under `snapshots/reports/`; the JSON and JSON Lines output is
//! validated against docs/report-schema.json, the SARIF against the official
//! SARIF 2.1.0 schema (tests/data/), and the JUnit file is read back by a
//! JUnit parser.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;
#[path = "support/run.rs"]
mod run;

use std::process::Output;

use serde_json::Value;

const CORPUS: &[&str] = &[
    "corpus/certificates/real/cfca-ev-root.pem",
    "corpus/certificates/real/zlint-issuer-field-missing.pem",
    "corpus/certificates/bad/esl-22-no-revocation-pointer.pem",
    "corpus/certificates/real/autoridad-de-certificacion-firmaprofesional-cif-a62634068-2.pem",
    "corpus/ca-profiles/expired-permit.yaml",
    "corpus/ca-profiles/missing-attestations.yaml",
    "corpus/rule-statements/missing-liability.md",
];

fn certlex(args: &[&str]) -> Output {
    run::command().args(args).output().unwrap()
}

/// The mixed corpus in one format; the run fails (exit 1) on its findings
/// and its expired waiver.
fn report(format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "check",
        "--at",
        "2026-06-01",
        "--config",
        "corpus/reports/certlex.toml",
        "--format",
        format,
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(CORPUS);
    let o = certlex(&args);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots/reports",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

fn read_json(path: &str) -> Value {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{what} is not valid:\n{}", errors.join("\n"));
}

#[test]
fn human_in_english_and_chinese() {
    let en = report("human", &[]);
    assert!(en.contains("(waived)") && en.contains("expired on 2026-01-31"), "{en}");
    assert!(
        en.contains("ESL article 21  What an electronic signature certificate records"),
        "{en}"
    );
    snapshot("human-en", &en);
    let zh = report("human", &["--lang", "zh"]);
    assert!(zh.contains("电子签名法第二十一条") && zh.contains("已豁免"), "{zh}");
    snapshot("human-zh", &zh);
    let verbose = report("human", &["--verbose"]);
    assert!(verbose.matches("✓ pass").count() > 50, "{verbose}");
}

#[test]
fn json_follows_its_documented_schema() {
    let text = report("json", &[]);
    snapshot("json", &text);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let schema = read_json("docs/report-schema.json");
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert_valid(&validator, &doc, "the JSON report");
    assert_eq!(doc["subjects"].as_array().unwrap().len(), CORPUS.len());
    assert_eq!(doc["summary"]["waived"], 1);
    let states: Vec<&str> = doc["waivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["state"].as_str().unwrap())
        .collect();
    assert_eq!(states, ["used", "expired", "unused"]);
    // A broken report must not pass: the schema is not vacuous.
    let mut broken = doc.clone();
    broken["subjects"][0]["findings"][0]["status"] = "maybe".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn jsonl_is_one_valid_line_per_subject() {
    let text = report("jsonl", &[]);
    snapshot("jsonl", &text);
    let schema = read_json("docs/report-schema.json");
    let line_schema = serde_json::json!({
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": "#/$defs/line",
    });
    let validator = jsonschema::validator_for(&line_schema).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for l in &lines {
        assert_valid(&validator, l, &format!("the line {l}"));
    }
    let kinds: Vec<&str> = lines.iter().map(|l| l["type"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"run"));
    assert_eq!(kinds.last(), Some(&"summary"));
    assert_eq!(kinds.iter().filter(|k| **k == "subject").count(), CORPUS.len());
    assert_eq!(kinds.iter().filter(|k| **k == "waiver").count(), 3);
}

#[test]
fn sarif_is_valid_sarif_2_1_0() {
    let text = report("sarif", &[]);
    snapshot("sarif", &text);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let schema = read_json("tests/data/sarif-schema-2.1.0.json");
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert_valid(&validator, &doc, "the SARIF log");
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let builtin = certlex::load::builtin().unwrap();
    assert_eq!(ids.len(), builtin.rules.len(), "one SARIF rule per certlex rule");
    let esl_21_1 = rules.iter().find(|r| r["id"] == "ESL-21-1").unwrap();
    let help = esl_21_1["help"]["text"].as_str().unwrap();
    assert!(
        help.contains("电子认证服务提供者名称") && help.contains("article 21, item (1)"),
        "{help}"
    );
    let results = run["results"].as_array().unwrap();
    // kind and level as documented in src/report/sarif.rs.
    for r in results {
        let kind = r["kind"].as_str().unwrap();
        let level = r["level"].as_str().unwrap();
        assert!(kind == "fail" || level == "none", "SARIF 3.27.10: {r}");
        assert_eq!(r["ruleId"], rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"]);
        assert!(
            !r["locations"].as_array().unwrap().is_empty(),
            "code scanning needs a location: {r}"
        );
    }
    let kinds = |k: &str| results.iter().filter(|r| r["kind"] == k).count();
    assert!(kinds("fail") >= 4 && kinds("open") >= 1 && kinds("review") >= 1);
    // Markdown findings point at their line and column; certificates at the fact.
    let md = results
        .iter()
        .find(|r| r["ruleId"] == "ESL-19-CPS-LIABILITY-LIMITS")
        .unwrap();
    let region = &md["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(115), Some(1))
    );
    let yaml = results.iter().find(|r| r["ruleId"] == "ESL-18-PERMIT-VALID").unwrap();
    let location = &yaml["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "corpus/ca-profiles/expired-permit.yaml"
    );
    assert_eq!(location["region"]["startLine"], 17);
    let waived: Vec<&Value> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(waived.len(), 1);
    assert_eq!(waived[0]["suppressions"][0]["status"], "accepted");
    let config = run["invocations"][0]["toolConfigurationNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(config.len(), 2, "the expired and the unused waiver");
}

#[test]
fn junit_reads_back_with_a_junit_parser() {
    let text = report("junit", &[]);
    snapshot("junit", &text);
    let suites = junit_parser::from_reader(std::io::Cursor::new(text.as_bytes())).unwrap();
    // A suite per subject, then the waivers.
    assert_eq!(suites.suites.len(), CORPUS.len() + 1);
    let cert = suites
        .suites
        .iter()
        .find(|s| s.name == "corpus/certificates/real/zlint-issuer-field-missing.pem")
        .unwrap();
    let case = cert.cases.iter().find(|c| c.original_name == "ESL-21-1").unwrap();
    let junit_parser::TestStatus::Failure(f) = &case.status else {
        panic!("ESL-21-1 should fail: {:?}", case.status)
    };
    assert_eq!(f.failure_type, "fail");
    assert!(
        f.message.contains("ESL 21(1)") && f.text.contains("issuer.organization"),
        "{f:?}"
    );
    let revocation = suites
        .suites
        .iter()
        .flat_map(|s| &s.cases)
        .find(|c| {
            c.original_name == "ESL-22-REVOCATION-POINTER"
                && c.classname.as_deref().is_some_and(|n| n.contains("revocation"))
        })
        .unwrap();
    assert!(
        matches!(&revocation.status, junit_parser::TestStatus::Skipped(s) if s.message.contains("waived")),
        "{:?}",
        revocation.status
    );
    let waivers = suites.suites.last().unwrap();
    assert_eq!(waivers.name, "waivers");
    assert_eq!(waivers.failures, 1, "the expired waiver fails");
    // The failures are what makes the exit code 1.
    let failures: u64 = suites.suites.iter().map(|s| s.failures).sum();
    let json: Value = serde_json::from_str(&report("json", &[])).unwrap();
    assert_eq!(failures, json["summary"]["blocking"].as_u64().unwrap());
}
