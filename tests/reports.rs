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
    // Subjects list what needs attention and count everything; findings
    // name their rule, whose title is in the catalogue once.
    for subject in doc["subjects"].as_array().unwrap() {
        let counted: u64 = subject["statuses"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert!(counted > 0, "{subject}");
        for f in subject["findings"].as_array().unwrap() {
            assert!(!["pass", "not-applicable", "not-in-force"].contains(&f["status"].as_str().unwrap()));
            assert!(
                doc["catalogue"][f["rule"].as_str().unwrap()]["title"].is_object(),
                "{f}"
            );
        }
    }
    let certificates = doc["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "certificate");
    for c in certificates {
        assert_eq!(c["identity"]["sha256"].as_str().unwrap().len(), 64, "{c}");
    }
    // A broken report must not pass: the schema is not vacuous.
    let mut broken = doc.clone();
    broken["subjects"][1]["findings"][0]["status"] = "maybe".into();
    assert!(!validator.is_valid(&broken));
    let mut broken = doc.clone();
    broken["subjects"][0]["identity"]["sha256"] = "not hex".into();
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
    // Each rule a finding refers to was given by a `catalogue` line before
    // it, and only once.
    let mut given = std::collections::BTreeSet::new();
    for l in &lines {
        if l["type"] == "catalogue" {
            for id in l["rules"].as_object().unwrap().keys() {
                assert!(given.insert(id.clone()), "{id} given twice");
            }
        }
        if l["type"] == "subject" {
            for f in l["findings"].as_array().unwrap() {
                assert!(given.contains(f["rule"].as_str().unwrap()), "{f} before its rule");
            }
        }
    }
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
    // kind and level as documented in src/report/sarif.rs: the level
    // follows the gate.
    for r in results {
        let kind = r["kind"].as_str().unwrap();
        let level = r["level"].as_str().unwrap();
        assert!(kind == "fail" || level == "none", "SARIF 3.27.10: {r}");
        let waived = r.get("suppressions").is_some();
        if !waived {
            assert_eq!(level == "error", r["properties"]["blocking"] == true, "{r}");
        }
        assert_eq!(r["ruleId"], rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"]);
        assert!(
            !r["locations"].as_array().unwrap().is_empty(),
            "code scanning needs a location: {r}"
        );
    }
    let kinds = |k: &str| results.iter().filter(|r| r["kind"] == k).count();
    let statuses = |s: &str| results.iter().filter(|r| r["properties"]["status"] == s).count();
    assert_eq!(kinds("fail"), results.len(), "every adverse finding is kind fail");
    assert!(statuses("fail") >= 4 && statuses("undetermined") >= 1 && statuses("needs-evidence") >= 1);
    let undetermined = results
        .iter()
        .find(|r| r["properties"]["status"] == "undetermined")
        .unwrap();
    assert!(
        undetermined["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("undetermined, could not be checked"),
        "{undetermined}"
    );
    assert!(
        results.iter().any(|r| r["level"] == "error") && results.iter().any(|r| r["level"] != "error"),
        "both blocking and non-blocking results"
    );
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

/// An operating CA of China's national SM2 hierarchy (names in Chinese),
/// checked with its root as issuer: every format names it.
const NATIONAL: &str = "corpus/certificates/real/cn-national-xjcasm2.pem";
const NATIONAL_ROOT: &str = "corpus/certificates/real/cn-national-nrcac-rootca.pem";

/// SHA-256 of the (only) certificate of a PEM file, upper-case hex.
fn sha256_of(path: &str) -> String {
    use sha2::Digest as _;
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let ders = certlex::input::certificate_ders(&bytes, &certlex::limits::Limits::default());
    assert_eq!(ders.len(), 1);
    sha2::Sha256::digest(&ders[0])
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect()
}

fn national(format: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--at", "2026-06-01", "--format", format];
    args.extend_from_slice(extra);
    args.push(NATIONAL);
    certlex(&args)
}

#[test]
fn a_national_certificate_is_named_in_every_format() {
    let fingerprint = sha256_of(NATIONAL);
    let root = sha256_of(NATIONAL_ROOT);
    let name = "CN=XJCASM2, OU=新疆CA, O=新疆数字证书认证中心, L=乌鲁木齐, ST=新疆维吾尔自治区, C=CN";
    let with_root = ["--issuers", NATIONAL_ROOT];
    for format in ["human", "json", "jsonl", "sarif", "junit"] {
        // It conforms: SARIF has results for passes only with --verbose.
        let extra: &[&str] = match format {
            "sarif" => &["--verbose", "--issuers", NATIONAL_ROOT],
            _ => &with_root,
        };
        let o = national(format, extra);
        assert_eq!(o.status.code(), Some(0), "{format}");
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(text.contains(name), "{format}: {text}");
        if format == "human" {
            assert!(text.contains(&format!("SHA-256 {}…", &fingerprint[..16])), "{text}");
        } else {
            assert!(text.contains(&fingerprint) && text.contains(&root), "{format}: {text}");
            assert!(
                text.contains("CN=ROOTCA, O=NRCAC, C=CN") && text.contains("SM2"),
                "{format}: {text}"
            );
        }
        snapshot(&format!("national-{format}"), &text);
    }
    // The whole identity with --verbose (human), the issuer that verified it included.
    let o = national("human", &["--verbose", "--issuers", NATIONAL_ROOT]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains(&format!("verified by SHA-256 {}…", &root[..16]))
            && text.contains("serial 26EBE3B52E96AED30C0E6D093B4B2FE1")
            && text.contains("valid 2014-03-11T02:19:11Z — 2034-03-06T02:19:11Z"),
        "{text}"
    );
    // JUnit: in the suite's properties.
    let o = national("junit", &with_root);
    let suites = junit_parser::from_reader(std::io::Cursor::new(o.stdout)).unwrap();
    let props = &suites.suites[0].properties.hashmap;
    assert_eq!(props.get("certificate.sha256"), Some(&fingerprint));
    assert_eq!(props.get("certificate.issuer_sha256"), Some(&root));
    assert_eq!(props.get("certificate.subject").map(String::as_str), Some(name));
}

/// The findings of one rule in a SARIF log and a JUnit report, and the JSON
/// verdict, for the national certificate checked without its root.
struct Signals {
    exit: Option<i32>,
    sarif_level: String,
    junit_failure: bool,
    json_blocking: bool,
}

fn signals(rule: &str, extra: &[&str]) -> Signals {
    let sarif: Value = serde_json::from_slice(&national("sarif", extra).stdout).unwrap();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == rule)
        .unwrap_or_else(|| panic!("no SARIF result for {rule}"))
        .clone();
    assert_eq!(result["kind"], "fail", "{result}");
    let junit = national("junit", extra);
    let suites = junit_parser::from_reader(std::io::Cursor::new(junit.stdout)).unwrap();
    let case = suites.suites[0].cases.iter().find(|c| c.original_name == rule).unwrap();
    let json = national("json", extra);
    let doc: Value = serde_json::from_slice(&json.stdout).unwrap();
    let finding = doc["subjects"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap()
        .clone();
    assert_eq!(finding["status"], "undetermined");
    Signals {
        exit: json.status.code(),
        sarif_level: result["level"].as_str().unwrap().to_string(),
        junit_failure: matches!(case.status, junit_parser::TestStatus::Failure(_)),
        json_blocking: finding["blocking"] == true,
    }
}

#[test]
fn exit_code_sarif_and_junit_agree_with_the_gate() {
    // Without its root, the signature (ESL-21-6, an error rule) and the
    // chain (ESL-22-CHAIN-VALIDITY, a warning rule) are undetermined.
    let error_rule = signals("ESL-21-6", &[]);
    assert_eq!(error_rule.exit, Some(1));
    assert_eq!(error_rule.sarif_level, "error");
    assert!(error_rule.junit_failure && error_rule.json_blocking);
    // A warning rule does not block at `--fail-on error` when undetermined,
    // as it would not when failing.
    let warning_rule = signals("ESL-22-CHAIN-VALIDITY", &[]);
    assert_eq!(warning_rule.sarif_level, "warning");
    assert!(!warning_rule.junit_failure && !warning_rule.json_blocking);
    // It does at `--fail-on warning`.
    let strict = signals("ESL-22-CHAIN-VALIDITY", &["--fail-on", "warning"]);
    assert_eq!(strict.sarif_level, "error");
    assert!(strict.junit_failure && strict.json_blocking);
    // With --allow-undetermined nothing undetermined blocks: warnings, exit 0.
    let allowed = signals("ESL-21-6", &["--allow-undetermined"]);
    assert_eq!(allowed.exit, Some(0));
    assert_eq!(allowed.sarif_level, "warning");
    assert!(!allowed.junit_failure && !allowed.json_blocking);
}

#[test]
fn sarif_lists_passes_and_not_applicable_only_with_verbose() {
    let results = |extra: &[&str]| -> Vec<Value> {
        let o = national("sarif", &[&["--issuers", NATIONAL_ROOT][..], extra].concat());
        assert_eq!(o.status.code(), Some(0));
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        doc["runs"][0]["results"].as_array().unwrap().clone()
    };
    // A conformant certificate: nothing for code scanning to show.
    assert!(results(&[]).is_empty());
    let verbose = results(&["--verbose"]);
    let kind = |k: &str| verbose.iter().filter(|r| r["kind"] == k).count();
    assert!(kind("pass") > 0 && kind("notApplicable") > 0, "{verbose:?}");
    assert_eq!(kind("pass") + kind("notApplicable"), verbose.len());
    assert!(verbose.iter().all(|r| r["level"] == "none"));
}

#[test]
fn a_conformant_certificate_costs_under_a_kilobyte_of_json_lines() {
    // Issue 18: a corpus report grows by its subject lines; a conformant
    // certificate's line names it and counts its findings, and lists none.
    let o = national("jsonl", &["--issuers", NATIONAL_ROOT]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with(r#"{"type":"subject""#)).unwrap();
    assert!(line.len() < 1024, "{} bytes: {line}", line.len() + 1);
    let v: Value = serde_json::from_str(line).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]));
    assert!(v["identity"]["sha256"].is_string());
    // With --findings all, every finding, as before.
    let all = national("jsonl", &["--issuers", NATIONAL_ROOT, "--findings", "all"]);
    let text = String::from_utf8(all.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with(r#"{"type":"subject""#)).unwrap();
    let v: Value = serde_json::from_str(line).unwrap();
    let counted: u64 = v["statuses"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(v["findings"].as_array().unwrap().len() as u64, counted);
}

#[test]
fn summary_counts_findings_per_rule() {
    let args = ["check", "--at", "2026-06-01", "--summary", "--format", "json"];
    let o = certlex(&[&args[..], CORPUS].concat());
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
    let schema = read_json("docs/report-schema.json");
    assert_valid(
        &jsonschema::validator_for(&schema).unwrap(),
        &doc,
        "the --summary report",
    );
    assert!(doc.get("subjects").is_none(), "no subject detail with --summary");
    let rows = doc["rules"].as_array().unwrap();
    // Every finding of the run is counted under its rule.
    let mut total = std::collections::BTreeMap::<String, u64>::new();
    for r in rows {
        assert!(doc["catalogue"][r["rule"].as_str().unwrap()].is_object(), "{r}");
        for (status, n) in r["statuses"].as_object().unwrap() {
            *total.entry(status.clone()).or_default() += n.as_u64().unwrap();
        }
    }
    let summary: std::collections::BTreeMap<String, u64> = doc["summary"]["statuses"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap()))
        .collect();
    assert_eq!(total, summary);
    let esl_21_1 = rows.iter().find(|r| r["rule"] == "ESL-21-1").unwrap();
    assert_eq!(esl_21_1["statuses"]["fail"], 1, "{esl_21_1}");
    // The human summary: a line per rule, no subject.
    let human = certlex(&[&["check", "--at", "2026-06-01", "--summary"][..], CORPUS].concat());
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("by rule: 7 subjects"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("ESL-21-1") && l.contains("1 fail") && l.contains("1 blocking")),
        "{text}"
    );
    assert!(!text.contains("cfca-ev-root.pem"), "{text}");
    // SARIF and JUnit have no place for counts.
    let sarif = certlex(&["check", "--summary", "--format", "sarif", CORPUS[0]]);
    assert_eq!(sarif.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&sarif.stderr).contains("--summary"));
}

#[test]
fn a_reason_many_certificates_share_is_written_once() {
    // The national certificate and the Tongsuo client certificate, both
    // without their issuers: the same reasons, given once, counted at the end.
    let o = certlex(&[
        "check",
        "--at",
        "2026-06-01",
        NATIONAL,
        "corpus/certificates/real/tongsuo-ntls-client-sign.pem",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    let reason = "the issuer's certificate is not among the inputs";
    assert_eq!(text.matches(reason).count(), 2, "once in place, once counted: {text}");
    assert!(
        text.contains("2 certificates (2 findings): the issuer's certificate"),
        "{text}"
    );
    assert!(
        text.lines()
            .filter(|l| l.contains("ESL-21-6") && l.ends_with("[1]"))
            .count()
            == 2,
        "{text}"
    );
}

#[test]
fn messages_name_no_library() {
    // zlint's certificate signed by a 1024-bit RSA key, which certlex does
    // not verify: the reason says so in its own words (it once named "ring").
    let o = certlex(&[
        "check",
        "--at",
        "2026-06-01",
        "--format",
        "jsonl",
        "--findings",
        "all",
        "../shared/corpus/zlint",
        "corpus/certificates",
    ]);
    let (out, err) = (
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    );
    assert!(
        out.contains("RSA signatures by 1024-bit keys cannot be checked here"),
        "the case is reached"
    );
    let library =
        regex::Regex::new(r"(?i)\b(ring|aws-lc|aws_lc|x509-parser|x509_parser|rustcrypto|asn1-rs|der-parser|nom)\b")
            .unwrap();
    for (what, text) in [("stdout", &out), ("stderr", &err)] {
        assert!(library.find(text).is_none(), "{what}: {:?}", library.find(text));
    }
}

/// Text with what is not a sentence taken out: `code`, paths, rule ids,
/// codes of diagnostics and the frame miette draws.
fn sentences(text: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '`' {
            quoted = !quoted;
        } else if !quoted {
            out.push(c);
        }
    }
    out.split_whitespace()
        .filter(|w| !w.contains('/') && !w.contains("::") && !w.contains('.') && !w.contains('-'))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn chinese_covers_input_errors_the_summary_and_help() {
    let o = certlex(&[
        "check",
        "--lang",
        "zh",
        "--at",
        "2026-06-01",
        "no/such/file.pem",
        "Cargo.toml",
        "corpus/bad/pem-no-end-line.pem",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let (out, err) = (
        String::from_utf8(o.stdout).unwrap(),
        String::from_utf8(o.stderr).unwrap(),
    );
    assert!(
        err.contains("不存在") && err.contains("不是证书") && err.contains("没有 END 行"),
        "{err}"
    );
    assert!(
        out.contains("3 个输入错误") && out.contains("检查之日有效的法律"),
        "{out}"
    );
    // No English sentence: no three English words in a row (miette's
    // `help:` label is one word).
    let english = regex::Regex::new(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}").unwrap();
    for (what, text) in [("stdout", &out), ("stderr", &err)] {
        let plain = sentences(text);
        assert!(
            english.find(&plain).is_none(),
            "{what}: {:?} in {plain}",
            english.find(&plain)
        );
    }
    // The help of the commands.
    let help = certlex(&["--lang", "zh", "--help"]);
    let text = String::from_utf8(help.stdout).unwrap();
    assert!(
        text.contains("检查证书、电子认证服务机构概况和电子认证业务规则"),
        "{text}"
    );
    assert!(!text.contains("Check certificates"), "{text}");
    let check = certlex(&["check", "--lang", "zh", "--help"]);
    let text = String::from_utf8(check.stdout).unwrap();
    assert!(text.contains("退出码") && text.contains("按规则计数"), "{text}");
}
