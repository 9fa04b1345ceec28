//! The law as encoded in `rules/`: every article present and accounted for,
//! amendments resolved by date, parameters resolved by regime, and the
//! `coverage` and `diff` commands over the built-in rules.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use certlex::dates::Period;
use certlex::engine::RuleSet;
use certlex::facts::Value;
use certlex::law::{Law, Resolution, Scope};

fn rules() -> RuleSet {
    certlex::load::builtin().unwrap_or_else(|d| panic!("{}", d[0].render_plain()))
}

fn on(law: &Law, regime: &str, date: &str) -> Resolution {
    law.resolve(regime, certlex::dates::parse_date(date).unwrap()).unwrap()
}

fn param(law: &Law, name: &str, res: &Resolution) -> Option<Value> {
    let (i, _) = law.parameter(name).unwrap_or_else(|| panic!("no parameter `{name}`"));
    law.parameter_value(i, res).cloned()
}

fn date(s: &str) -> time::Date {
    certlex::dates::parse_date(s).unwrap()
}

// ---- amendments by date ----

#[test]
fn before_2015_04_24_esl_17_has_its_2004_wording() {
    let rules = rules();
    let a17 = rules.law.article("ESL", 17).unwrap();
    let old = a17.version_at(date("2015-04-23")).unwrap();
    assert_eq!(old.from, Some(date("2005-04-01")));
    let items = &old.para_with_items().unwrap().items;
    assert_eq!(items.len(), 5);
    assert!(
        items[0]
            .text
            .en
            .as_deref()
            .unwrap()
            .starts_with("it must have professional technicians")
    );
    let new = a17.version_at(date("2015-04-24")).unwrap();
    assert_eq!(new.from, Some(date("2015-04-24")));
    let items = &new.para_with_items().unwrap().items;
    assert_eq!(items.len(), 6);
    assert_eq!(items[0].text.zh.as_deref(), Some("取得企业法人资格；"));
    // The 2004 item (1) is item (2) from 2015.
    assert_eq!(items[1].text.en, old.para_with_items().unwrap().items[0].text.en);
}

#[test]
fn esl_18_loses_its_registration_paragraph_in_2015() {
    let rules = rules();
    let a18 = rules.law.article("ESL", 18).unwrap();
    let old = a18.version_at(date("2010-01-01")).unwrap();
    assert_eq!(old.paras.len(), 3);
    assert!(
        old.para(2)
            .unwrap()
            .text
            .en
            .as_deref()
            .unwrap()
            .contains("administration for industry and commerce")
    );
    let new = a18.version_at(date("2019-12-31")).unwrap();
    assert_eq!(new.paras.len(), 2);
    assert!(new.para(2).unwrap().text.zh.as_deref().unwrap().contains("许可证号"));
    // Paragraph 1 (the 45-day decision) reads the same in both wordings.
    assert_eq!(old.para(1).unwrap().text, new.para(1).unwrap().text);
}

#[test]
fn esl_3_drops_real_property_in_2019() {
    let rules = rules();
    let a3 = rules.law.article("ESL", 3).unwrap();
    let items = |d: &str| a3.version_at(date(d)).unwrap().para(3).unwrap().items.len();
    assert_eq!(items("2019-04-22"), 4);
    assert_eq!(items("2019-04-23"), 3);
}

// ---- parameters by regime ----

#[test]
fn draft_2024_sees_capital_of_70_million_and_current_the_2015_value() {
    let rules = rules();
    let law = &rules.law;
    let current = on(law, "current", "2025-01-01");
    let draft = on(law, "draft-2024", "2025-01-01");
    assert_eq!(
        param(law, "min-registered-capital-rmb", &current),
        Some(Value::Int(30_000_000))
    );
    assert_eq!(
        param(law, "min-registered-capital-rmb", &draft),
        Some(Value::Int(70_000_000))
    );
    // The draft counts a technical team; the 2015 Measures count staff together.
    assert_eq!(param(law, "min-staff", &current), Some(Value::Int(30)));
    assert_eq!(param(law, "min-staff", &draft), None);
    assert_eq!(param(law, "min-technical-professionals", &current), None);
    assert_eq!(param(law, "min-technical-professionals", &draft), Some(Value::Int(60)));
    // Before the 2009 Measures no capital value applies (the 2005 Measures are not encoded).
    assert_eq!(
        param(law, "min-registered-capital-rmb", &on(law, "current", "2009-03-30")),
        None
    );
}

#[test]
fn the_esl_numbers_hold_under_both_regimes() {
    let rules = rules();
    let law = &rules.law;
    for regime in ["current", "draft-2024"] {
        let res = on(law, regime, "2025-01-01");
        let period = |name: &str| match param(law, name, &res) {
            Some(Value::Period(p)) => p,
            other => panic!("{name} under {regime}: {other:?}"),
        };
        assert_eq!(period("licence-decision-period"), Period::days(45));
        assert_eq!(period("termination-notice-to-parties"), Period::days(90));
        assert_eq!(period("termination-report-to-regulator"), Period::days(60));
        assert_eq!(period("record-retention-after-expiry"), Period::years(5));
        assert_eq!(period("service-ban-period"), Period::years(10));
        let int = |name: &str| param(law, name, &res);
        assert_eq!(int("unlicensed-fine-min-rmb"), Some(Value::Int(100_000)));
        assert_eq!(int("unlicensed-fine-max-rmb"), Some(Value::Int(300_000)));
        assert_eq!(int("unlicensed-income-threshold-rmb"), Some(Value::Int(300_000)));
        assert_eq!(int("unlicensed-fine-min-multiple"), Some(Value::Int(1)));
        assert_eq!(int("unlicensed-fine-max-multiple"), Some(Value::Int(3)));
        assert_eq!(int("termination-report-fine-min-rmb"), Some(Value::Int(10_000)));
        assert_eq!(int("termination-report-fine-max-rmb"), Some(Value::Int(50_000)));
    }
}

#[test]
fn the_licence_change_period_follows_the_2015_amendment() {
    let rules = rules();
    let law = &rules.law;
    assert_eq!(
        param(law, "licence-change-period", &on(law, "current", "2015-04-28")),
        None
    );
    assert_eq!(
        param(law, "licence-change-period", &on(law, "current", "2015-04-29")),
        Some(Value::Period(Period::days(15)))
    );
    assert_eq!(
        param(law, "licence-change-period", &on(law, "draft-2024", "2025-01-01")),
        None
    );
}

#[test]
fn every_parameter_value_cites_a_provision() {
    let rules = rules();
    for p in &rules.law.parameters {
        assert!(p.title.zh.is_some() && p.title.en.is_some(), "{}", p.name);
        for v in &p.values {
            assert!(!v.cites.is_empty(), "{} {}", p.name, v.written);
        }
    }
}

// ---- every article accounted for ----

#[test]
fn every_article_is_present_and_in_scope_scoped_out_or_unverified() {
    let rules = rules();
    for inst in &rules.law.instruments {
        if inst.status == certlex::law::Status::NotEncoded || inst.kind == certlex::law::Kind::Standard {
            // Known to exist, its text not available (or a standard, which
            // has sections, not articles): no articles by design (coverage
            // lists it apart).
            assert!(inst.articles.is_empty(), "{} is not encoded but has articles", inst.id);
            continue;
        }
        let count = inst
            .article_count
            .unwrap_or_else(|| panic!("{} has no article-count", inst.id));
        for n in 1..=count {
            let a = inst
                .articles
                .get(&n)
                .unwrap_or_else(|| panic!("{} article {n} is missing", inst.id));
            let has_text = a
                .versions
                .iter()
                .any(|v| !v.text.is_empty() || v.paras.iter().any(|p| !p.text.is_empty()));
            match &a.scope {
                Scope::Out(why) => {
                    assert!(
                        why.zh.is_some() && why.en.is_some(),
                        "{} {n}: scope-out in both languages",
                        inst.id
                    );
                }
                Scope::Unverified(why) => {
                    assert!(
                        why.zh.is_some() && why.en.is_some(),
                        "{} {n}: unverified in both languages",
                        inst.id
                    );
                    assert!(
                        a.heading.is_empty(),
                        "{} {n}: an unverified article has no heading",
                        inst.id
                    );
                    assert!(!has_text, "{} {n}: an unverified article has no text", inst.id);
                }
                Scope::InScope => {}
            }
            if !matches!(a.scope, Scope::Unverified(_)) {
                assert!(
                    a.heading.zh.is_some() && a.heading.en.is_some(),
                    "{} {n}: heading in both languages",
                    inst.id
                );
            }
        }
        assert_eq!(
            inst.articles.len() as u32,
            count,
            "{}: articles beyond the count",
            inst.id
        );
    }
}

#[test]
fn every_esl_article_has_its_official_chinese_text() {
    let rules = rules();
    let esl = rules.law.instrument("ESL").unwrap();
    for a in esl.articles.values() {
        let latest = a.versions.last().unwrap();
        let zh = latest.text.zh.is_some() || latest.paras.iter().all(|p| p.text.zh.is_some());
        assert!(zh, "ESL {}: no Chinese text in its latest wording", a.number);
        assert!(esl.chapter_of(a).is_some(), "ESL {}: no chapter", a.number);
    }
}

#[test]
fn the_builtin_coverage_misses_no_article() {
    let rules = rules();
    let refs: Vec<_> = rules.rules.iter().map(certlex::engine::Rule::coverage_ref).collect();
    let cov = certlex::law::coverage::coverage(&rules.law, &refs, &[]);
    assert_eq!(cov.total.missing, 0);
    assert_eq!(cov.total.present, 36 + 43 + 56);
    let esl = cov.instruments.iter().find(|i| i.id == "ESL").unwrap();
    assert!(esl.counts.cited >= 1);
}

// ---- the commands ----

fn certlex(args: &[&str]) -> (i32, String, String) {
    let out = run::command().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn diff_current_to_draft_2024_without_subject() {
    let (code, out, err) = certlex(&[
        "--lang",
        "en",
        "diff",
        "--from",
        "current",
        "--to",
        "draft-2024",
        "--at",
        "2025-01-01",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::with_settings!({
        snapshot_path => "../snapshots/diff",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("current-to-draft-2024", out);
    });
}

#[test]
fn diff_json_names_the_changed_capital() {
    let (code, out, err) = certlex(&[
        "diff",
        "--from",
        "current",
        "--to",
        "draft-2024",
        "--at",
        "2025-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let capital = v["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "min-registered-capital-rmb")
        .unwrap();
    assert_eq!(capital["from"]["written"], "30_000_000");
    assert_eq!(capital["to"]["written"], "70_000_000");
}

#[test]
fn diff_across_the_entry_into_force() {
    let diff = |subject: &str| {
        let (code, out, err) = certlex(&[
            "--lang",
            "en",
            "diff",
            "--from",
            "current",
            "--to",
            "current",
            "--from-at",
            "2004-01-01",
            "--at",
            "2025-01-01",
            subject,
        ]);
        assert_eq!(code, 0, "{err}");
        out
    };
    // A CA profile is judged at the check date: before the ESL came into
    // force its rules were not in force.
    let out = diff("corpus/ca-profiles/national-ca.yaml");
    assert!(out.contains("ESL-18-PERMIT-VALID"), "{out}");
    assert!(out.contains("not-in-force"), "{out}");
    // A certificate is judged by the law in force when it was issued
    // (2012), whatever the check date: nothing it contains is judged
    // differently. Only its legal effect (ESL 26, judged at the check
    // date) is a question of the check date.
    let out = diff("corpus/certificates/real/cfca-ev-root.pem");
    let changed: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| w.starts_with("ESL-") || w.starts_with("GMT") || w.starts_with("RFC"))
        .collect();
    assert_eq!(changed, ["ESL-26-OUTSIDE-MAINLAND"], "{out}");
}

#[test]
fn coverage_reports_and_gates() {
    let html = std::env::temp_dir().join(format!("certlex-coverage-{}.html", std::process::id()));
    let html_arg = html.display().to_string();
    let (code, out, err) = certlex(&["--lang", "en", "coverage", "--html", &html_arg, "--min-coverage", "0"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("MEASURES-DRAFT-2024"), "{out}");
    assert!(out.contains("unverified"), "{out}");
    let page = std::fs::read_to_string(&html).unwrap();
    let _ = std::fs::remove_file(&html);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("电子认证服务提供者签发的电子签名认证证书应当准确无误"));
    assert!(page.contains("ESL-21-1"));
    // Self-contained: no script, style sheet or image is fetched (the one
    // script, the filter box's, is inline).
    assert!(!page.contains("<link") && !page.contains("src="));
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains("<script>\n(function () {"));
    // A table of contents down to chapters, and the filter box.
    assert!(page.contains("<nav id=\"toc\">"));
    assert!(
        page.contains("<a href=\"#ESL-ch3\">") && page.contains("<h3 id=\"ESL-ch3\">"),
        "chapter anchors"
    );
    assert!(page.contains("<input id=\"filter\" type=\"search\""));
    // Parameters by date, with each value's dates and citation.
    assert!(page.contains("<h2 id=\"parameters\">"));
    assert!(
        page.contains(
            "<td>draft-2024</td><td>70,000,000</td><td>2024-09-02</td><td></td><td>MEASURES-DRAFT-2024 chapter 2</td>"
        ),
        "parameter rows"
    );
    assert!(out.contains("Parameters by date"), "{out}");
    assert!(
        out.contains("    draft-2024: 70,000,000  from 2024-09-02  (MEASURES-DRAFT-2024 chapter 2)"),
        "{out}"
    );
    let (code, _, _) = certlex(&["coverage", "--min-coverage", "101"]);
    assert_eq!(code, 2);
}

#[test]
fn min_coverage_fails_below_the_threshold() {
    // One article in scope, none cited, one unverified (not counted): 0%.
    let dir = std::env::temp_dir().join(format!("certlex-gate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("law.rules"),
        r#"instrument L {
  title.en "L"
  source.en "a test"
  confidence.en exact
  in-force 2000-01-01
  article-count 2
}

article L 1 {
  heading.zh "义务"
  heading.en "A duty"
  text.en "a duty"
}

article L 2 {
  unverified.zh "没有文本"
  unverified.en "text not available"
}

regime current {
  title.en "now"
}
"#,
    )
    .unwrap();
    let rules = dir.display().to_string();
    let (low, out, _) = certlex(&["--rules", &rules, "--lang", "en", "coverage", "--min-coverage", "50"]);
    let (zero, _, err) = certlex(&["--rules", &rules, "coverage", "--min-coverage", "0"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(low, 1, "{out}");
    assert!(out.contains("1 unverified, 1 uncovered"), "{out}");
    assert!(out.contains("0.0% of 1 in scope"), "{out}");
    assert_eq!(zero, 0, "{err}");
}

#[test]
fn min_coverage_fails_naming_a_rule_without_a_failing_scenario() {
    let dir = std::env::temp_dir().join(format!("certlex-gate-rules-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("features")).unwrap();
    std::fs::write(
        dir.join("law.rules"),
        r#"instrument L {
  title.en "L"
  source.en "a test"
  confidence.en exact
  in-force 2000-01-01
  article-count 1
}

article L 1 {
  heading.en "A duty"
  text.en "a duty"
}

regime current {
  title.en "now"
}

rule L-1-PERMIT {
  cites L 1
  title.zh "许可证"
  title.en "A permit"
  applies-to ca-profile
  severity error
  require permit.number is present
  message.zh "没有许可证"
  message.en "no permit"
}
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("features/l.feature"),
        "Feature: L\n  Scenario: s\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"L-1-PERMIT\" passes\n",
    )
    .unwrap();
    let rules = dir.display().to_string();
    let features = dir.join("features").display().to_string();
    let args = ["--rules", &rules, "--lang", "en", "coverage", "--features", &features];
    let (plain, _, _) = certlex(&args);
    let (gated, out, err) = certlex(&[&args[..], &["--min-coverage", "0"]].concat());
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(plain, 0);
    assert_eq!(gated, 1, "{out}{err}");
    assert!(err.contains("rule `L-1-PERMIT` has no failing scenario"), "{err}");
}
