#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use super::*;
use crate::config::WaiverState;
use crate::engine::{Evaluator, Status};

fn rules() -> RuleSet {
    crate::load::builtin().unwrap()
}

fn parse_str(text: &str) -> Result<Config, Vec<Diag>> {
    parse(&SourceFile::new("certlex.toml", text), &rules())
}

const GOOD: &str = r#"
[[waiver]]
rule = "ESL-21-1"
subjects = "corpus/certificates/real/*.pem"
reason = "a test certificate kept for the record"
approver = "Zhang San, compliance"
expires = 2026-12-31
"#;

#[test]
fn a_waiver_reads() {
    let c = parse_str(GOOD).unwrap();
    let date = crate::dates::parse_date("2026-01-01").unwrap();
    let out = c.waivers.outcomes(date);
    assert_eq!(out.len(), 1);
    assert_eq!((out[0].state, out[0].findings), (WaiverState::Unused, 0));
}

/// The words a report gives a waiver's state are the report schema's.
#[test]
fn the_waiver_states_are_worded_as_the_report_schema_lists_them() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(crate::repo().join("docs/report-schema.json")).unwrap()).unwrap();
    let listed = &schema["$defs"]["waiver-use"]["properties"]["state"]["enum"];
    let words: Vec<&str> = [WaiverState::Used, WaiverState::Unused, WaiverState::Expired]
        .into_iter()
        .map(WaiverState::word)
        .collect();
    assert_eq!(listed, &serde_json::json!(words));
}

#[test]
fn broken_configurations_are_located_errors() {
    let cases = [
        (GOOD.replace("ESL-21-1", "ESL-21-11"), "did you mean `ESL-21-1`?"),
        (GOOD.replace("expires = 2026-12-31\n", ""), "missing field `expires`"),
        (GOOD.replace("2026-12-31", "\"2026-12-31\""), "expires"),
        (GOOD.replace("2026-12-31", "2026-12-31T10:00:00"), "is not a date"),
        (GOOD.replace("2026-12-31", "2026-02-30"), "does not read"),
        (GOOD.replace("real/*.pem", "real/[.pem"), "not a path glob"),
        (GOOD.replace("Zhang San, compliance", " "), "`approver` is empty"),
        (GOOD.replace("[[waiver]]", "[[waivers]]"), "unknown field `waivers`"),
        (GOOD.replace("reason =", "reasons ="), "unknown field `reasons`"),
    ];
    for (text, want) in cases {
        let diags = parse_str(&text).unwrap_err();
        let all: String = diags.iter().map(Diag::render_plain).collect();
        assert!(all.contains(want), "{want}: {all}");
        assert!(all.contains("certlex.toml:"), "not located: {all}");
    }
}

/// The certificate the waivers of these tests cover, and its path.
fn waived_subject() -> (&'static str, crate::facts::Subject) {
    let name = "corpus/certificates/real/zlint-issuer-field-missing.pem";
    let got = crate::input::read(
        &crate::input::Candidate {
            path: crate::repo().join(name),
            explicit: true,
        },
        &crate::limits::Limits::default(),
        &crate::facts::context::RunContext::new(),
    );
    (name, got.subjects.into_iter().next().unwrap())
}

#[test]
fn waived_findings_keep_their_status_and_expired_waivers_waive_nothing() {
    let rules = rules();
    let date = crate::dates::parse_date("2026-01-01").unwrap();
    let ev = Evaluator::new(&rules, rules.law.resolve("current", date).unwrap());
    let (name, mut subject) = waived_subject();
    subject.name = format!("./{name}");
    for (expires, waived, state) in [
        ("2026-12-31", true, WaiverState::Used),
        ("2026-01-01", true, WaiverState::Used),
        ("2025-12-31", false, WaiverState::Expired),
    ] {
        let mut c = parse_str(&GOOD.replace("2026-12-31", expires)).unwrap();
        let mut findings = ev.check(&subject);
        c.waivers.apply(&subject, &mut findings, date);
        let f = findings.iter().find(|f| rules.rules[f.rule].id == "ESL-21-1").unwrap();
        assert_eq!(f.status, Status::Fail, "the status stays");
        assert_eq!(f.waiver.is_some(), waived, "{expires}");
        let passes_waived = findings.iter().any(|f| f.status == Status::Pass && f.waiver.is_some());
        assert!(!passes_waived, "only adverse findings are waived");
        let out = c.waivers.outcomes(date);
        assert_eq!(out[0].state, state, "{expires}");
    }
    let mut c = parse_str(&GOOD.replace("real/*.pem", "good/*.pem")).unwrap();
    let mut findings = ev.check(&subject);
    c.waivers.apply(&subject, &mut findings, date);
    assert_eq!(c.waivers.outcomes(date)[0].state, WaiverState::Unused);
}

/// A block of a bundle (`bundle.pem#2`) is waived by a glob on its file and
/// by one that names the block itself.
#[test]
fn a_block_of_a_bundle_is_waived_by_its_file_or_by_its_own_name() {
    let rules = rules();
    let date = crate::dates::parse_date("2026-01-01").unwrap();
    let ev = Evaluator::new(&rules, rules.law.resolve("current", date).unwrap());
    let (name, mut subject) = waived_subject();
    subject.name = format!("{name}#2");
    for (glob, waived) in [
        ("real/*.pem", true),
        ("real/zlint-issuer-field-missing.pem#2", true),
        ("real/zlint-issuer-field-missing.pem#1", false),
        ("good/*.pem", false),
    ] {
        let mut c = parse_str(&GOOD.replace("real/*.pem", glob)).unwrap();
        let mut findings = ev.check(&subject);
        c.waivers.apply(&subject, &mut findings, date);
        let f = findings.iter().find(|f| rules.rules[f.rule].id == "ESL-21-1").unwrap();
        assert_eq!(f.waiver.is_some(), waived, "{glob}");
    }
}
