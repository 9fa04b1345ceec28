//! Every operator and the three-valued logic, through the loader, so the
//! tests read like rule files.

use crate::dates::Period;
use crate::engine::{Evaluator, Status};
use crate::facts::{RecordBuilder, Subject, SubjectKind, Value};
use crate::source::SourceFile;

pub const LAW: &str = r#"
regime current {
  title.en "now"
}
regime draft {
  title.en "with the draft"
  adopts DRAFT
}
instrument LAW {
  title.en "A law"
  source.en "a test"
  confidence.en exact
  in-force 2005-04-01
  article-count 2
}
instrument OLD {
  title.en "Measures"
  source.en "a test"
  confidence.en exact
  in-force 2009-03-31
}
instrument DRAFT {
  title.en "Draft"
  source.en "a test"
  confidence.en exact
  status draft
  published 2024-09-02
  replaces OLD
  chapter 2 {
    title.en "Qualification"
  }
}
article LAW 1 {
  text.en "Certificates record things:"
  item 1 {
    text.en "the provider's name"
  }
  item 2 {
    text.en "the holder's name"
  }
}
article OLD 5 {
  text.en "capital"
}
parameter min-days {
  title.en "minimum validity"
  value 10 days cites OLD 5
  value 20 days cites DRAFT chapter 2
}
"#;

/// Rules that differ only in their condition.
fn ruleset(conditions: &[&str]) -> crate::engine::RuleSet {
    ruleset_with(conditions, "LAW 1(1), OLD 5", "")
}

/// Rules with these conditions, citations and further fields (`judged-at …`).
fn ruleset_with(conditions: &[&str], cites: &str, extra: &str) -> crate::engine::RuleSet {
    let mut text = String::new();
    for (n, c) in conditions.iter().enumerate() {
        text.push_str(&format!(
            "rule R-{n} {{\n  cites {cites}\n  title.en \"t\"\n  title.zh \"t\"\n  applies-to certificate\n  severity error\n{extra}  require {c}\n  message.en \"m {{validity.period}}\"\n  message.zh \"m\"\n}}\n"
        ));
    }
    let files = [SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", text)];
    let loaded = crate::load::load(&files);
    let errors: Vec<String> = loaded.errors().map(|d| d.render_plain()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    loaded.rules.unwrap()
}

/// A certificate with an issuer O, no subject O, two extensions, a 15-day period.
fn subject() -> Subject {
    use crate::facts::certificate::SCHEMA;
    let name = |o: Option<&str>| {
        let fields = match SCHEMA.iter().find(|f| f.name == "issuer").unwrap().ty {
            crate::facts::Ty::Record(f) => f,
            _ => unreachable!(),
        };
        let mut b = RecordBuilder::new(fields);
        b.set("organization", Value::opt(o));
        b.set("country", "CN");
        b.set("attributes", Value::List(vec![]));
        b.finish()
    };
    let ext = |oid: &str, critical: bool| {
        let fields = match SCHEMA.iter().find(|f| f.name == "extensions").unwrap().ty {
            crate::facts::Ty::List(crate::facts::Ty::Record(f)) => f,
            _ => unreachable!(),
        };
        let mut b = RecordBuilder::new(fields);
        b.set("oid", oid).set("critical", critical).set("known", true);
        Value::Record(b.finish())
    };
    let validity = {
        let fields = match SCHEMA.iter().find(|f| f.name == "validity").unwrap().ty {
            crate::facts::Ty::Record(f) => f,
            _ => unreachable!(),
        };
        let mut b = RecordBuilder::new(fields);
        b.set("period", Value::Period(Period::days(15)));
        b.set(
            "not_before",
            Value::Date(crate::dates::midnight(crate::dates::parse_date("2020-01-01").unwrap())),
        );
        b.finish()
    };
    let signature = {
        let fields = match SCHEMA.iter().find(|f| f.name == "signature").unwrap().ty {
            crate::facts::Ty::Record(f) => f,
            _ => unreachable!(),
        };
        let mut b = RecordBuilder::new(fields);
        b.set("verified", Value::unknown("没有颁发者", "no issuer"));
        b.finish()
    };
    let mut b = RecordBuilder::new(SCHEMA);
    b.set("version", 3)
        .set("issuer", name(Some("CFCA")))
        .set("subject", name(None))
        .set("self_issued", false)
        .set("validity", validity)
        .set("signature", signature)
        .set(
            "extensions",
            Value::List(vec![ext("2.5.29.15", true), ext("2.5.29.19", false)]),
        )
        .set("duplicate_extensions", Value::List(vec![Value::from("1.2.3")]));
    Subject {
        kind: SubjectKind::Certificate,
        name: "test".into(),
        source: None,
        facts: b.finish(),
        attestations: vec![],
    }
}

/// The findings of rules with these conditions on `s`, in condition order.
fn findings_on(conditions: &[&str], regime: &str, s: &Subject) -> Vec<crate::engine::Finding> {
    let rules = ruleset(conditions);
    let res = rules
        .law
        .resolve(regime, crate::dates::parse_date("2026-01-01").unwrap())
        .unwrap();
    let ev = Evaluator::new(&rules, res);
    // Rules are sorted by id; R-0..R-9 keep their order for fewer than 11.
    let found = ev.check(s);
    // A rule the loader dropped would otherwise skip its case unnoticed.
    assert_eq!(found.len(), conditions.len(), "one finding per condition");
    found
}

fn statuses(conditions: &[&str], regime: &str) -> Vec<Status> {
    findings_on(conditions, regime, &subject())
        .into_iter()
        .map(|f| f.status)
        .collect()
}

fn check(cases: &[(&str, Status)]) {
    check_on(cases, &subject());
}

fn check_on(cases: &[(&str, Status)], s: &Subject) {
    let conditions: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let got = findings_on(&conditions, "current", s);
    for ((cond, want), got) in cases.iter().zip(got) {
        assert_eq!(got.status, *want, "{cond}");
    }
}

/// The test certificate with `field` replaced by `value`.
fn with_fact(field: &str, value: Value) -> Subject {
    let mut s = subject();
    s.facts = replaced(&s.facts, field, value);
    s
}

/// Certificate facts with one top-level field replaced.
fn replaced(facts: &crate::facts::Record, field: &str, value: Value) -> crate::facts::Record {
    use crate::facts::certificate::SCHEMA;
    let mut all = RecordBuilder::new(SCHEMA);
    for (i, f) in SCHEMA.iter().enumerate() {
        all.set(f.name, facts.get(i).clone());
    }
    all.set(field, value);
    all.finish()
}

use Status::{Fail, Pass, Undetermined};

#[test]
fn presence() {
    check(&[
        ("issuer.organization is present", Pass),
        ("subject.organization is present", Fail),
        ("subject.organization is absent", Pass),
        ("key_usage is absent", Pass),
        ("signature.verified is present", Undetermined),
    ]);
}

#[test]
fn comparisons() {
    check(&[
        ("version == 3", Pass),
        ("version != 3", Fail),
        ("version >= 2 and version < 4 and version <= 3 and version > 2", Pass),
        ("issuer.country == \"CN\"", Pass),
        ("validity.period >= 2 weeks and validity.period < 3 weeks", Pass),
    ]);
}

#[test]
fn durations_compare_across_units() {
    check(&[
        ("validity.period >= 14 days", Pass),
        ("validity.period < 1 month", Pass),
        ("validity.period > 1 year", Fail),
        ("validity.not_before < 2021-01-01", Pass),
        ("validity.not_before < today", Pass),
    ]);
}

#[test]
fn absent_facts_make_comparisons_undetermined() {
    check(&[
        ("subject.organization == \"x\"", Undetermined),
        ("key_usage.digital_signature == true", Undetermined),
        ("key_usage is absent or key_usage.digital_signature", Pass),
        ("signature.verified", Undetermined),
        ("not signature.verified", Undetermined),
    ]);
}

#[test]
fn kleene_logic() {
    check(&[
        ("signature.verified and version == 2", Fail),
        ("signature.verified or version == 3", Pass),
        ("signature.verified or version == 2", Undetermined),
        ("signature.verified and version == 3", Undetermined),
        ("not (version == 2)", Pass),
    ]);
}

#[test]
fn lists() {
    check(&[
        ("issuer.country in [\"CN\", \"HK\"]", Pass),
        ("issuer.country not in [\"CN\"]", Fail),
        ("duplicate_extensions contains \"1.2.3\"", Pass),
        ("issuer.organization contains \"CF\"", Pass),
        ("issuer.organization matches \"^[A-Z]+$\"", Pass),
    ]);
}

#[test]
fn quantifiers_and_count() {
    check(&[
        ("every e in extensions: e.known", Pass),
        ("every e in extensions: e.critical", Fail),
        ("some e in extensions: e.oid == \"2.5.29.19\" and not e.critical", Pass),
        (
            "count(extensions) == 2 and count(e in extensions: e.critical) == 1",
            Pass,
        ),
        ("every e in extensions: some f in extensions: f.oid == e.oid", Pass),
    ]);
}

#[test]
fn parameters_follow_the_regime() {
    // Judged at the check date, so the dates below decide.
    let rules = ruleset_with(
        &["validity.period >= min-days"],
        "LAW 1(1), OLD 5",
        "  judged-at check-date\n",
    );
    let on = crate::dates::parse_date("2026-01-01").unwrap();
    let current = Evaluator::new(&rules, rules.law.resolve("current", on).unwrap());
    let draft = Evaluator::new(&rules, rules.law.resolve("draft", on).unwrap());
    assert_eq!(current.check(&subject())[0].status, Pass, "15 days >= 10 days");
    assert_eq!(draft.check(&subject())[0].status, Fail, "15 days < 20 days");
    // Before OLD came into force, the rule still stands on LAW 1(1), but no
    // value of the parameter applies: undetermined, never a pass.
    let early = Evaluator::new(
        &rules,
        rules
            .law
            .resolve("current", crate::dates::parse_date("2006-01-01").unwrap())
            .unwrap(),
    );
    let f = &early.check(&subject())[0];
    assert_eq!(f.status, Undetermined);
    assert!(f.message.en.as_deref().unwrap().contains("min-days"), "{f:?}");
    // Before any cited instrument, the rule is not in force.
    let before = Evaluator::new(
        &rules,
        rules
            .law
            .resolve("current", crate::dates::parse_date("2000-01-01").unwrap())
            .unwrap(),
    );
    assert_eq!(before.check(&subject())[0].status, Status::NotInForce);
}

fn on(date: &str) -> time::Date {
    crate::dates::parse_date(date).unwrap()
}

/// The test certificate, issued on `date`.
fn issued_on(date: &str) -> Subject {
    let mut s = subject();
    s.facts = with_not_before(&s.facts, date);
    s
}

fn with_not_before(facts: &crate::facts::Record, date: &str) -> crate::facts::Record {
    replaced(facts, "validity", validity(Period::days(15), date))
}

/// A certificate's `validity` record: its period and notBefore.
fn validity(period: Period, not_before: &str) -> Value {
    use crate::facts::certificate::SCHEMA;
    let (_, f) = crate::facts::lookup(SCHEMA, "validity").unwrap();
    let crate::facts::Ty::Record(fields) = f.ty else {
        unreachable!()
    };
    let mut b = RecordBuilder::new(fields);
    b.set("period", Value::Period(period));
    b.set("not_before", Value::Date(crate::dates::midnight(on(not_before))));
    Value::Record(b.finish())
}

#[test]
fn a_certificate_is_judged_by_the_law_in_force_when_it_was_issued() {
    // LAW 1(1) holds only from 2021: a certificate of 2020 is not reached by
    // it, judged at its own date (the default for certificates), even when
    // checked in 2026; judged at the check date, it is.
    let own = ruleset_with(&["version == 3"], "LAW 1(1) from 2021-01-01", "");
    let check = ruleset_with(
        &["version == 3"],
        "LAW 1(1) from 2021-01-01",
        "  judged-at check-date\n",
    );
    let res = |rules: &crate::engine::RuleSet| rules.law.resolve("current", on("2026-01-01")).unwrap();
    let ev = Evaluator::new(&own, res(&own));
    let f = &ev.check(&issued_on("2020-01-01"))[0];
    assert_eq!(
        (f.status, f.judged_at, f.cites),
        (Status::NotInForce, on("2020-01-01"), 0)
    );
    let f = &ev.check(&issued_on("2021-01-01"))[0];
    assert_eq!((f.status, f.judged_at, f.cites), (Pass, on("2021-01-01"), 1));
    let ev = Evaluator::new(&check, res(&check));
    let f = &ev.check(&issued_on("2020-01-01"))[0];
    assert_eq!((f.status, f.judged_at), (Pass, on("2026-01-01")));
    // `check_rule` judges one rule the same way.
    let (i, r) = own.rule("R-0").unwrap();
    let ev = Evaluator::new(&own, res(&own));
    assert_eq!(ev.check_rule(i, r, &issued_on("2020-01-01")).status, Status::NotInForce);
}

#[test]
fn an_adopted_draft_applies_from_its_publication() {
    // Under the draft regime, DRAFT (published 2024-09-02) replaces OLD from
    // that day: before it, OLD's value applies.
    let rules = ruleset(&["validity.period >= min-days"]);
    let draft = Evaluator::new(&rules, rules.law.resolve("draft", on("2026-01-01")).unwrap());
    assert_eq!(
        draft.check(&issued_on("2024-09-01"))[0].status,
        Pass,
        "15 days >= 10 days"
    );
    assert_eq!(
        draft.check(&issued_on("2024-09-02"))[0].status,
        Fail,
        "15 days < 20 days"
    );
    let t = draft.timeline();
    assert_eq!(t.at(on("2024-09-01")).params[0], Some(Value::Period(Period::days(10))));
    assert_eq!(t.at(on("2024-09-02")).params[0], Some(Value::Period(Period::days(20))));
    let n = t.intervals().count();
    assert!(n >= 3, "before LAW, LAW and OLD, the draft: {n}");
    // The check date's snapshot is the evaluator's.
    assert_eq!(draft.parameter(0), Some(&Value::Period(Period::days(20))));
    assert!(draft.in_force(0) && !draft.in_force_on(0, on("2000-01-01")));
}

#[test]
fn failures_name_the_fact_and_fill_the_message() {
    let rules = ruleset(&["subject.organization is present"]);
    let ev = Evaluator::new(
        &rules,
        rules
            .law
            .resolve("current", crate::dates::parse_date("2026-01-01").unwrap())
            .unwrap(),
    );
    let f = &ev.check(&subject())[0];
    assert_eq!(f.status, Fail);
    assert_eq!(f.fact.as_deref(), Some("subject.organization"));
    assert_eq!(f.message.en.as_deref(), Some("m 15 days"));
    assert_eq!(
        super::super::display(&Value::Period(Period::years(5)), crate::i18n::Lang::Zh),
        "5年"
    );
    // A day count stays in days: 1,825 days are not five years.
    assert_eq!(
        super::super::display(&Value::Period(Period::days(1825)), crate::i18n::Lang::En),
        "1,825 days"
    );
    assert_eq!(
        super::super::display(&Value::Period(Period::months(42)), crate::i18n::Lang::En),
        "3 years 6 months"
    );
    assert_eq!(
        super::super::display(&Value::Period(Period::months(42)), crate::i18n::Lang::Zh),
        "3年6个月"
    );
    assert_eq!(
        super::super::display(&Value::Period(Period::months(1)), crate::i18n::Lang::En),
        "1 month"
    );
    assert_eq!(
        super::super::display(&Value::Period(Period::days(90)), crate::i18n::Lang::En),
        "90 days"
    );
    assert_eq!(
        super::super::display(&Value::Period(Period::days(90)), crate::i18n::Lang::Zh),
        "90日"
    );
}

#[test]
fn evaluation_is_deterministic() {
    let conds = ["every e in extensions: e.known", "signature.verified or version == 2"];
    assert_eq!(statuses(&conds, "current"), statuses(&conds, "current"));
}

#[test]
fn attest_rules_need_evidence_unless_named_and_require_can_stand_in_for_it() {
    let rule = |id: &str, require: &str| {
        format!(
            "rule {id} {{\n  cites LAW 1(1)\n  title.en \"t\"\n  title.zh \"t\"\n  applies-to certificate\n  severity error\n{require}  attest.en \"an approval\"\n  attest.zh \"批准文件\"\n}}\n"
        )
    };
    let text = [
        rule("A-1", ""),
        rule("A-2", "  require version == 3\n"),
        rule("A-3", "  require version == 2\n"),
    ]
    .concat();
    let files = [SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", text)];
    let rules = crate::load::load(&files).rules.unwrap();
    let ev = Evaluator::new(
        &rules,
        rules
            .law
            .resolve("current", crate::dates::parse_date("2026-01-01").unwrap())
            .unwrap(),
    );
    let mut s = subject();
    let got: Vec<Status> = ev.check(&s).iter().map(|f| f.status).collect();
    // No evidence: attest alone needs it; a holding condition passes; a false
    // one does not fail, it asks for the evidence.
    assert_eq!(got, vec![Status::NeedsEvidence, Pass, Status::NeedsEvidence]);
    s.attestations.push(crate::facts::Attestation {
        rule: "A-3".into(),
        evidence: "MIIT approval 2024-1".into(),
        span: None,
    });
    let f = &ev.check(&s)[2];
    assert_eq!(f.status, Pass);
    assert_eq!(f.message.en.as_deref(), Some("evidence: MIIT approval 2024-1"));
}

#[test]
fn titles_show_the_parameter_values_of_the_regime_or_the_name_where_none_applies() {
    let text = "rule R-0 {\n  cites LAW 1(1), OLD 5\n  title.en \"valid for at least {min-days}\"\n  title.zh \"有效期不少于 {min-days}\"\n  applies-to certificate\n  severity error\n  require validity.period >= min-days\n  message.en \"m\"\n  message.zh \"m\"\n}\n";
    let loaded = crate::load::load(&[SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", text)]);
    let rules = loaded.rules.unwrap();
    let rule = &rules.rules[0];
    let at = |regime: &str, date: &str| {
        let res = rules
            .law
            .resolve(regime, crate::dates::parse_date(date).unwrap())
            .unwrap();
        rules.title(rule, &res)
    };
    assert_eq!(
        at("current", "2026-01-01").en.as_deref(),
        Some("valid for at least 10 days")
    );
    assert_eq!(at("current", "2026-01-01").zh.as_deref(), Some("有效期不少于 10日"));
    assert_eq!(
        at("draft", "2026-01-01").en.as_deref(),
        Some("valid for at least 20 days")
    );
    assert_eq!(
        at("current", "2006-01-01").en.as_deref(),
        Some("valid for at least {min-days}")
    );
    assert_eq!(rule.title.en.as_deref(), Some("valid for at least {min-days}"));
}

#[test]
fn periods_compare_as_the_civil_code_counts_them() {
    use super::{CmpOp, compare, depends_on_start};
    use crate::dates::Period;
    let p = |v: Period| Value::Period(v);
    // The same kind: exact. Sixty months are five years.
    assert_eq!(
        compare(CmpOp::Ge, &p(Period::months(60)), &p(Period::years(5))),
        Some(true)
    );
    assert_eq!(
        compare(CmpOp::Eq, &p(Period::months(60)), &p(Period::years(5))),
        Some(true)
    );
    assert_eq!(
        compare(CmpOp::Lt, &p(Period::months(59)), &p(Period::years(5))),
        Some(true)
    );
    assert_eq!(
        compare(CmpOp::Ge, &p(Period::days(90)), &p(Period::days(60))),
        Some(true)
    );
    // Mixed: 1,825 days are short of five years from any start; 1,828 days
    // are longer; 1,826 days depend on the start (a leap day or two).
    assert_eq!(
        compare(CmpOp::Ge, &p(Period::days(1825)), &p(Period::years(5))),
        Some(false)
    );
    assert_eq!(
        compare(CmpOp::Ge, &p(Period::days(1828)), &p(Period::years(5))),
        Some(true)
    );
    assert_eq!(
        compare(CmpOp::Ge, &p(Period::days(1827)), &p(Period::years(5))),
        Some(true)
    );
    assert_eq!(compare(CmpOp::Ge, &p(Period::days(1826)), &p(Period::years(5))), None);
    assert_eq!(compare(CmpOp::Eq, &p(Period::days(1826)), &p(Period::years(5))), None);
    assert_eq!(
        compare(CmpOp::Ne, &p(Period::days(1800)), &p(Period::years(5))),
        Some(true)
    );
    let why = depends_on_start(&p(Period::days(1826)), &p(Period::years(5))).unwrap();
    assert_eq!(
        why.en.as_deref(),
        Some(
            "1,826 days and 5 years compare differently depending on the date the period starts: 5 years span 1826 to 1827 days (Civil Code art. 202)"
        )
    );
}

#[test]
fn an_absent_fact_is_neither_in_nor_out_of_a_list() {
    // A built-in rule writes `x not in [...]`: on an absent fact that must
    // not pass.
    check(&[
        ("subject.organization not in [\"x\"]", Undetermined),
        ("subject.organization in [\"x\"]", Undetermined),
        ("not (subject.organization in [\"x\"])", Undetermined),
    ]);
}

#[test]
fn the_parts_of_an_unreadable_fact_are_unknown_not_absent() {
    // An extension that could not be decoded: its parts are not "absent",
    // or `is absent` would pass on a broken certificate.
    let broken = with_fact("subject_alt_name", Value::unknown("无法解码", "could not be decoded"));
    check_on(
        &[
            ("subject_alt_name.email is absent", Undetermined),
            ("subject_alt_name.email is present", Undetermined),
            ("count(subject_alt_name.email) == 0", Undetermined),
        ],
        &broken,
    );
}

#[test]
fn a_count_of_an_unreadable_list_says_why_it_is_unknown() {
    let broken = with_fact("extensions", Value::unknown("无法解码", "could not be decoded"));
    let f = findings_on(&["count(extensions) == 2"], "current", &broken).remove(0);
    assert_eq!(f.status, Undetermined);
    assert_eq!(f.fact.as_deref(), Some("extensions"));
    assert_eq!(
        f.message.en.as_deref(),
        Some("`extensions` could not be determined: could not be decoded"),
        "not reported as absent"
    );
}

#[test]
fn the_first_unknown_or_false_part_is_blamed() {
    // `and`, `or` and `every` name the first part that decided them, so a
    // finding points where reading stopped, the same on every run.
    let conds = [
        "signature.verified and subject.organization == \"x\"",
        "signature.verified or subject.organization == \"x\"",
        "version == 2 or issuer.country == \"HK\"",
        // Unknown for the first extension because of the signature, for the
        // second because of the subject's organization.
        "every e in extensions: (e.oid == \"2.5.29.15\" and signature.verified) or (e.oid == \"2.5.29.19\" and subject.organization == \"x\")",
        "some e in extensions: (e.oid == \"2.5.29.15\" and signature.verified) or (e.oid == \"2.5.29.19\" and subject.organization == \"x\")",
    ];
    let got: Vec<(Status, Option<String>)> = findings_on(&conds, "current", &subject())
        .into_iter()
        .map(|f| (f.status, f.fact))
        .collect();
    let blamed = |s: Status, f: &str| (s, Some(f.to_string()));
    assert_eq!(
        got,
        vec![
            blamed(Undetermined, "signature.verified"),
            blamed(Undetermined, "signature.verified"),
            blamed(Fail, "version"),
            blamed(Undetermined, "signature.verified"),
            blamed(Undetermined, "signature.verified"),
        ]
    );
}

#[test]
fn booleans_compare_equal_or_not() {
    check(&[
        ("self_issued == false", Pass),
        ("self_issued == true", Fail),
        ("self_issued != true", Pass),
        ("self_issued != false", Fail),
    ]);
}

#[test]
fn lists_are_equal_with_the_same_items_in_the_same_order() {
    check(&[
        ("duplicate_extensions == [\"1.2.3\"]", Pass),
        ("duplicate_extensions != [\"1.2.3\"]", Fail),
        ("duplicate_extensions == [\"1.2.4\"]", Fail),
        ("duplicate_extensions != [\"1.2.4\"]", Pass),
        ("duplicate_extensions == [\"1.2.3\", \"1.2.4\"]", Fail),
        ("duplicate_extensions == []", Fail),
        ("[\"1.2.3\", \"1.2.4\"] == [\"1.2.3\", \"1.2.4\"]", Pass),
        ("[\"1.2.3\", \"1.2.4\"] == [\"1.2.4\", \"1.2.3\"]", Fail),
    ]);
    // Lists have no order: `<` between them is not decided.
    use super::{CmpOp, compare};
    let l = |items: &[&str]| Value::List(items.iter().map(|&i| Value::from(i)).collect());
    for op in [CmpOp::Lt, CmpOp::Le, CmpOp::Gt, CmpOp::Ge] {
        assert_eq!(compare(op, &l(&["a"]), &l(&["a"])), None, "{op:?}");
        assert_eq!(compare(op, &l(&["a"]), &l(&["b"])), None, "{op:?}");
    }
}

/// A comparison of periods over a span of day differences (`lo..=hi`): it
/// holds for every difference, for none, or is undecided. Each operator at
/// zero and on each side of it (mutation testing found `<` and `<=` here
/// untested).
#[test]
fn a_comparison_over_a_span_of_days_holds_for_all_for_none_or_is_undecided() {
    use super::{CmpOp, holds_over};
    let cases = [
        (CmpOp::Lt, (-1, -1), Some(true)),
        (CmpOp::Lt, (0, 0), Some(false)),
        (CmpOp::Lt, (-3, 0), None),
        (CmpOp::Le, (0, 0), Some(true)),
        (CmpOp::Le, (1, 1), Some(false)),
        (CmpOp::Le, (-3, 0), Some(true)),
        (CmpOp::Le, (0, 1), None),
        (CmpOp::Gt, (1, 1), Some(true)),
        (CmpOp::Gt, (0, 0), Some(false)),
        (CmpOp::Gt, (0, 3), None),
        (CmpOp::Ge, (0, 0), Some(true)),
        (CmpOp::Ge, (-1, -1), Some(false)),
        (CmpOp::Ge, (0, 3), Some(true)),
        (CmpOp::Ge, (-1, 3), None),
        (CmpOp::Eq, (0, 0), Some(true)),
        (CmpOp::Eq, (1, 2), Some(false)),
        (CmpOp::Eq, (-2, -1), Some(false)),
        (CmpOp::Eq, (-1, 1), None),
        // Equal only at one end: `1 month == 28 days` holds in a February.
        (CmpOp::Eq, (0, 3), None),
        (CmpOp::Eq, (-3, 0), None),
        (CmpOp::Ne, (0, 3), None),
        (CmpOp::Ne, (0, 0), Some(false)),
        (CmpOp::Ne, (1, 2), Some(true)),
        (CmpOp::Ne, (-1, 1), None),
    ];
    for (op, span, want) in cases {
        assert_eq!(holds_over(op, span), want, "{op:?} over {span:?}");
    }
}

/// An undecided comparison of periods says why in its finding (mutation
/// testing found the reason could be dropped unnoticed: the finding then
/// said only "could not be determined").
#[test]
fn a_comparison_that_depends_on_the_start_says_so_in_the_finding() {
    let s = with_fact("validity", validity(Period::days(30), "2020-01-01"));
    let found = findings_on(&["validity.period < 1 month"], "current", &s);
    assert_eq!(found[0].status, Undetermined);
    let en = found[0].message.en.as_deref().unwrap_or_default();
    assert!(
        en.contains("`validity.period` could not be determined: 30 days and 1 month compare differently depending on the date the period starts"),
        "{en}"
    );
}
