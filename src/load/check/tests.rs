//! What the type checker accepts and refuses, one condition at a time: each
//! refusal beside a condition it must accept, so that a check disabled or
//! turned around fails a test. A refused condition must be a load error:
//! loaded, it would be false or unknown on every certificate (fail open).

use crate::diag::Diag;
use crate::source::SourceFile;

const LAW: &str = r#"
instrument L {
  title.en "L"
  in-force 2005-01-01
  source.en "test"
  confidence.en exact
}
article L 1 {
  text.en "an article"
}
regime current {
  title.en "now"
}
parameter max-years {
  title.en "years"
  value 5 years cites L 1
}
"#;

/// The errors of a certificate rule that requires `condition`.
fn errors(condition: &str) -> Vec<Diag> {
    let rule = format!(
        "rule R-1 {{\n  cites L 1\n  title.zh \"x\"\n  title.en \"x\"\n  applies-to certificate\n  severity error\n  require {condition}\n  message.zh \"x\"\n  message.en \"x\"\n}}\n"
    );
    crate::load::load(&[SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", rule)])
        .diags
        .into_iter()
        .filter(Diag::is_error)
        .collect()
}

/// The one error `condition` gives: its code and help.
fn refused(condition: &str) -> (&'static str, String) {
    let e = errors(condition);
    assert_eq!(e.len(), 1, "`{condition}`: {e:?}");
    (e[0].code, e[0].help.clone().unwrap_or_default())
}

fn accepted(condition: &str) {
    let e = errors(condition);
    assert!(e.is_empty(), "`{condition}` is refused: {e:?}");
}

#[test]
fn an_in_list_must_hold_values_of_the_kind_tested() {
    // `version` is a number: a list of text would never hold it.
    assert_eq!(refused(r#"version in ["3"]"#).0, "certlex::rules::type-mismatch");
    assert_eq!(
        refused(r#"version not in ["1", "2"]"#).0,
        "certlex::rules::type-mismatch"
    );
    accepted("version in [3]");
    accepted("version not in [1, 2]");
    accepted(r#"subject.country in ["CN", "HK"]"#);
}

#[test]
fn a_list_holds_plain_values_of_one_kind() {
    assert_eq!(refused(r#"version in [1, "2"]"#).0, "certlex::rules::mixed-list");
    assert_eq!(refused("version in [subject]").0, "certlex::rules::list-element");
    accepted("validity.not_before in [2024-09-02, 2025-01-01]");
}

#[test]
fn comparisons_need_values_of_one_kind() {
    accepted("version == 3");
    accepted(r#"subject.country != "CN""#);
    accepted("self_signed == false");
    accepted("validity.not_before >= 2005-04-01");
    accepted("validity.period <= max-years");
    let (code, help) = refused(r#"version == "3""#);
    assert_eq!(code, "certlex::rules::type-mismatch");
    assert_eq!(help, "compare values of the same kind");
    let (code, help) = refused("validity.not_before >= 2005");
    assert_eq!(code, "certlex::rules::type-mismatch");
    assert!(help.contains("YYYY-MM-DD"), "{help}");
    let (_, help) = refused("validity.period <= 5");
    assert!(help.contains("give the unit"), "{help}");
}

#[test]
fn only_numbers_dates_and_durations_are_ordered() {
    assert_eq!(refused(r#"subject.country < "CN""#).0, "certlex::rules::not-ordered");
    assert_eq!(refused("self_signed > false").0, "certlex::rules::not-ordered");
    accepted("version > 2");
}

#[test]
fn contains_looks_in_a_list_or_in_text() {
    accepted(r#"subject.common_name contains "CA""#);
    accepted(r#"extended_key_usage.purposes contains "1.3.6.1.5.5.7.3.4""#);
    assert_eq!(
        refused(r#"extended_key_usage.purposes contains 3"#).0,
        "certlex::rules::type-mismatch"
    );
    assert_eq!(refused("version contains 3").0, "certlex::rules::type-mismatch");
    assert_eq!(
        refused("subject.common_name contains 3").0,
        "certlex::rules::type-mismatch"
    );
}

#[test]
fn only_text_matches_a_pattern() {
    accepted(r#"subject.common_name matches "^[A-Z]""#);
    assert_eq!(refused(r#"version matches "3""#).0, "certlex::rules::type-mismatch");
}

#[test]
fn a_condition_is_true_or_false() {
    accepted("self_signed");
    accepted("not self_signed");
    let (code, help) = refused("version");
    assert_eq!(code, "certlex::rules::not-a-condition");
    assert!(help.contains("compare it"), "{help}");
    let (code, help) = refused("subject");
    assert_eq!(code, "certlex::rules::not-a-condition");
    assert!(help.contains("is present"), "{help}");
    accepted("subject.organization is present");
    assert_eq!(refused("2005-01-01 is present").0, "certlex::rules::presence-of-value");
}

#[test]
fn quantifiers_range_over_list_facts_and_bind_their_variable() {
    accepted("every a in subject.attributes: a.type != \"E\"");
    accepted("count(a in subject.attributes: a.type == \"CN\") <= 1");
    accepted("count(subject.attributes) >= 1");
    assert_eq!(
        refused("count(a in subject.attributes: a.type) <= 1").0,
        "certlex::rules::not-a-condition"
    );
    assert_eq!(refused("every a in version: a > 1").0, "certlex::rules::not-a-list");
}

#[test]
fn names_are_facts_variables_parameters_or_today() {
    accepted("validity.not_before <= today");
    accepted("validity.period <= max-years");
    let (code, help) = refused("validity.period <= max-year");
    assert_eq!(code, "certlex::rules::unknown-parameter");
    assert!(help.contains("max-years"), "{help}");
    let (code, _) = refused("versoin == 3");
    assert_eq!(code, "certlex::rules::unknown-fact");
    // A fact deeper down, misspelled at the top: the whole schema suggests it.
    let (_, help) = refused("validity_not_after <= today");
    assert!(help.contains("did you mean `validity.not_after`?"), "{help}");
    let (code, help) = refused(r#"subject.attributes.type == "CN""#);
    assert_eq!(code, "certlex::rules::no-parts");
    assert!(help.contains("is a list: use `every x in subject.attributes"), "{help}");
    let (code, help) = refused("version.major == 3");
    assert_eq!(code, "certlex::rules::no-parts");
    assert!(help.contains("has no parts"), "{help}");
}
