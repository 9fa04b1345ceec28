//! Scenarios whose outcome depends on the date but that name none: a
//! scenario without "Given the law as in force on …" or "the check date …"
//! (in itself or its background) is checked as on the day it runs, so an
//! expectation on a rule that comes into force, leaves it, takes a new
//! parameter value or reads `today` can turn by itself. `certlex test` warns
//! about each, naming the rule and the step to add.

use std::path::{Path, PathBuf};

use cucumber::gherkin::{Feature, GherkinEnv, Scenario};
use time::Date;

use super::catalogue;
use super::index::{expanded, feature_files};
use crate::engine::timeline::Timeline;
use crate::engine::{JudgedAt, Rule, RuleSet};
use crate::facts::SubjectKind;
use crate::i18n::Lang;

/// A scenario that names no date and checks a rule that depends on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undated {
    pub feature: String,
    pub line: usize,
    pub scenario: String,
    pub rule: String,
    /// Why the rule depends on the date, in English and Chinese.
    pub why_en: String,
    pub why_zh: String,
    /// The feature's language: the suggested step is written in it.
    pub lang: Lang,
}

impl Undated {
    /// The warning as `certlex test` prints it, with its help.
    pub fn message(&self, lang: Lang) -> String {
        let example = |l: Lang| {
            catalogue::STEPS
                .iter()
                .find(|s| s.template_en == "the law as in force on DATE")
                .map_or("", |s| s.template(l))
        };
        let step = format!("{} {}", catalogue::Keyword::Given.word(self.lang), example(self.lang));
        match lang {
            Lang::En => format!(
                "{}:{}: warning: scenario `{}` names no date, but rule `{}` {}; it is checked as on the day it runs\n  help: add `{step}` to the scenario or its background",
                self.feature, self.line, self.scenario, self.rule, self.why_en
            ),
            Lang::Zh => format!(
                "{}:{}: 警告：场景 `{}` 未写日期，但规则 `{}` {}；该场景按运行当天检查\n  help: 在场景或其背景中加上 `{step}`",
                self.feature, self.line, self.scenario, self.rule, self.why_zh
            ),
        }
    }
}

/// The scenarios under `paths` that name no date and check a rule whose
/// outcome depends on it. A feature that cannot be read is an error.
pub fn undated(rules: &RuleSet, paths: &[PathBuf]) -> Result<Vec<Undated>, String> {
    let mut out = Vec::new();
    let mut timelines: Vec<Timeline> = Vec::new();
    for file in feature_files(paths)? {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read `{}`: {e}", file.display()))?;
        let feature = Feature::parse(&text, GherkinEnv::default())
            .map_err(|e| format!("cannot parse `{}`: {e}", file.display()))?;
        out.extend(of_feature(
            rules,
            &feature,
            &file,
            super::lines::language(&text),
            &mut timelines,
        )?);
    }
    Ok(out)
}

fn of_feature(
    rules: &RuleSet,
    feature: &Feature,
    file: &Path,
    lang: Lang,
    timelines: &mut Vec<Timeline>,
) -> Result<Vec<Undated>, String> {
    let texts = |steps: &[cucumber::gherkin::Step]| steps.iter().map(|s| s.value.clone()).collect::<Vec<_>>();
    let background = feature.background.as_ref().map(|b| texts(&b.steps)).unwrap_or_default();
    let mut groups: Vec<(Vec<String>, &Scenario)> = feature.scenarios.iter().map(|s| (background.clone(), s)).collect();
    for r in &feature.rules {
        let mut bg = background.clone();
        bg.extend(r.background.as_ref().map(|b| texts(&b.steps)).unwrap_or_default());
        groups.extend(r.scenarios.iter().map(|s| (bg.clone(), s)));
    }
    let mut out = Vec::new();
    for (bg, s) in groups {
        for (line, steps) in expanded(s) {
            let all: Vec<&String> = bg.iter().chain(&steps).collect();
            let said = Said::of(all.iter().map(|s| s.as_str()));
            if said.date {
                continue;
            }
            let timeline = timeline_of(rules, &said.regime, timelines)?;
            // The rules named, then (for conformance) every rule of the kinds given.
            let named = said.rules.iter().filter_map(|id| rules.rule(id));
            let decide = rules
                .rules
                .iter()
                .enumerate()
                .filter(|(_, r)| said.conformance && said.kinds.contains(&r.applies_to));
            let found = named
                .chain(decide)
                .find_map(|(i, r)| dependence(rules, timeline, i, r).map(|w| (&r.id, w)));
            if let Some((id, (why_en, why_zh))) = found {
                out.push(Undated {
                    feature: file.display().to_string(),
                    line,
                    scenario: s.name.clone(),
                    rule: id.clone(),
                    why_en,
                    why_zh,
                    lang,
                });
                break;
            }
        }
    }
    Ok(out)
}

/// What a scenario's steps say: whether they name a date, the regime, the
/// rules they check (in order, once each), the kinds of subject they give
/// and whether they expect conformance (which every rule of those kinds decides).
struct Said {
    date: bool,
    regime: String,
    rules: Vec<String>,
    kinds: Vec<SubjectKind>,
    conformance: bool,
}

/// The kind of subject an input step gives (issuer certificates only inform).
fn kind_given(template: &str) -> Option<SubjectKind> {
    let starts = |p: &str| template.starts_with(p);
    Some(
        if starts("the certificate ") || starts("the to-be-signed certificate ") {
            SubjectKind::Certificate
        } else if starts("the certification request ") {
            SubjectKind::Csr
        } else if starts("the CRL ") {
            SubjectKind::Crl
        } else if starts("the OCSP response ") {
            SubjectKind::Ocsp
        } else if starts("the CA profile ") || starts("a CA profile") {
            SubjectKind::CaProfile
        } else if starts("the rule statement ") || starts("a rule statement") {
            SubjectKind::RuleStatement
        } else {
            return None;
        },
    )
}

impl Said {
    fn of<'a>(steps: impl Iterator<Item = &'a str>) -> Self {
        let mut said = Said {
            date: false,
            regime: "current".to_string(),
            rules: Vec::new(),
            kinds: Vec::new(),
            conformance: false,
        };
        for text in steps {
            let Some((step, groups)) = catalogue::find(Lang::En, text).or_else(|| catalogue::find(Lang::Zh, text))
            else {
                continue;
            };
            let t = step.template_en;
            if let Some(k) = kind_given(t) {
                said.kinds.push(k);
            }
            if t == "it conforms" || t == "it does not conform" {
                said.conformance = true;
            }
            if t == "the law as in force on DATE" || t == "the check date DATE" {
                said.date = true;
            } else if t.contains("draft measures of 2024") {
                said.regime = "draft-2024".into();
            } else if t.contains("the current regime") {
                said.regime = "current".into();
            } else if t.starts_with("the regime ") {
                if let Some(name) = groups.first() {
                    said.regime.clone_from(name);
                }
            } else if t.contains("\"RULE\"")
                && let Some(id) = groups.first()
                && !said.rules.contains(id)
            {
                said.rules.push(id.clone());
            }
        }
        said
    }
}

/// The law's timeline under `regime`, built once per regime.
fn timeline_of<'t>(rules: &RuleSet, regime: &str, timelines: &'t mut Vec<Timeline>) -> Result<&'t Timeline, String> {
    let res = rules.law.resolve(regime, crate::dates::today())?;
    let at = match timelines.iter().position(|t| t.is_for(&res)) {
        Some(i) => i,
        None => {
            timelines.push(Timeline::new(&rules.law, &rules.rules, &res));
            timelines.len().saturating_sub(1)
        }
    };
    timelines.get(at).ok_or_else(|| "no timeline".to_string())
}

/// Why the outcome of `rule` depends on the check date (English, Chinese),
/// or `None`. A rule judged at a subject's own date (a certificate's
/// notBefore) does not depend on the check date through the law's timeline;
/// any rule that reads `today` does.
fn dependence(rules: &RuleSet, timeline: &Timeline, index: usize, rule: &Rule) -> Option<(String, String)> {
    if rule.reads_today() {
        return Some(("reads `today`".into(), "读取 `today`（检查日期）".into()));
    }
    let own_date = rule.judged_at == JudgedAt::OwnDate && rule.applies_to.own_date_fact().is_some();
    if own_date {
        return None;
    }
    let params = rule.params();
    let state = |s: &crate::engine::timeline::Snapshot| {
        let values: Vec<_> = params.iter().map(|p| s.params.get(*p).cloned().flatten()).collect();
        (s.in_force(index), values)
    };
    // From the day the rule first comes into force: a change after it.
    let mut since = timeline.intervals().skip_while(|(_, s)| !s.in_force(index));
    let (_, first) = since.next()?;
    let mut before = state(first);
    for (date, snap) in since {
        let now = state(snap);
        if now.0 != before.0 {
            return Some(leaves_or_returns(now.0, date));
        }
        if let Some(p) = params
            .iter()
            .zip(now.1.iter().zip(&before.1))
            .find(|(_, (a, b))| a != b)
            .and_then(|(p, _)| rules.law.parameters.get(*p))
        {
            return Some((
                format!("reads parameter `{}`, whose value changes on {date}", p.name),
                format!("读取参数 `{}`，其值自 {date} 起改变", p.name),
            ));
        }
        before = now;
    }
    None
}

fn leaves_or_returns(in_force: bool, date: Date) -> (String, String) {
    if in_force {
        (
            format!("comes into force again on {date}"),
            format!("自 {date} 起重新生效"),
        )
    } else {
        (
            format!("is no longer in force from {date}"),
            format!("自 {date} 起不再有效"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undated_in(text: &str) -> Vec<Undated> {
        let rules = crate::load::builtin().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.feature");
        std::fs::write(&file, text).unwrap();
        undated(&rules, &[file]).unwrap()
    }

    #[test]
    fn a_scenario_on_a_rule_that_reads_today_without_a_date_is_named() {
        let got = undated_in(
            "Feature: x\n\n  Scenario: the permit\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"ESL-18-PERMIT-VALID\" passes\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((got[0].line, got[0].rule.as_str()), (3, "ESL-18-PERMIT-VALID"));
        let m = got[0].message(Lang::En);
        assert!(
            m.contains("x.feature:3: warning: scenario `the permit` names no date"),
            "{m}"
        );
        assert!(m.contains("help: add `Given the law as in force on DATE`"), "{m}");
    }

    #[test]
    fn a_date_in_the_scenario_or_its_background_silences_it() {
        let own = "Feature: x\n\n  Scenario: s\n    Given the check date 2026-06-01\n    And the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"ESL-18-PERMIT-VALID\" passes\n";
        assert!(undated_in(own).is_empty());
        let bg = "Feature: x\n\n  Background:\n    Given the law as in force on 2026-06-01\n\n  Scenario: s\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"ESL-18-PERMIT-VALID\" passes\n";
        assert!(undated_in(bg).is_empty());
    }

    #[test]
    fn a_chinese_feature_is_told_the_chinese_step() {
        let got = undated_in(
            "# language: zh-CN\n功能: x\n\n  场景: 许可证\n    假如 机构概况 \"corpus/ca-profiles/national-ca.yaml\"\n    那么 规则 \"ESL-18-PERMIT-VALID\" 通过\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        let m = got[0].message(Lang::Zh);
        assert!(m.contains("在场景或其背景中加上 `假如 DATE 有效的法律`"), "{m}");
    }

    #[test]
    fn conformance_depends_on_every_rule_of_the_kinds_given() {
        let profile = undated_in(
            "Feature: x\n\n  Scenario: s\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then it conforms\n",
        );
        assert_eq!(profile.len(), 1, "{profile:?}");
        assert_eq!(profile[0].rule, "ESL-18-PERMIT-VALID");
        // A certificate's rules are judged at its notBefore; the rules that
        // read `today` are other kinds' (a CRL's next update: CRL-CURRENT).
        let cert = undated_in(
            "Feature: x\n\n  Scenario: s\n    Given the certificate \"corpus/certificates/good/issuer-name-without-o.pem\"\n    Then it conforms\n",
        );
        assert!(cert.is_empty(), "{cert:?}");
    }

    #[test]
    fn a_certificate_rule_judged_at_its_own_date_is_not_named() {
        let got = undated_in(
            "Feature: x\n\n  Scenario: s\n    Given the certificate \"corpus/certificates/good/issuer-name-without-o.pem\"\n    Then rule \"ESL-21-1\" passes\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_parameter_that_changes_value_is_named_with_the_date() {
        // Under the draft regime the minimum capital is the 2015 figure until
        // the draft was published, the draft's after.
        let got = undated_in(
            "Feature: x\n\n  Scenario: s\n    Given the draft measures of 2024\n    And the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"MEASURES-5-CAPITAL\" passes\n",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].why_en,
            "reads parameter `min-registered-capital-rmb`, whose value changes on 2024-09-02"
        );
        // Under the current regime it has one value since it came into force.
        let current = undated_in(
            "Feature: x\n\n  Scenario: s\n    Given the CA profile \"corpus/ca-profiles/national-ca.yaml\"\n    Then rule \"MEASURES-5-CAPITAL\" passes\n",
        );
        assert!(current.is_empty(), "{current:?}");
    }
}
