//! Which scenarios exercise which rules, read from feature files without
//! running them: every step `rule "ID" passes|fails|…` (or its Chinese twin
//! `规则 "ID" 通过|不通过|…`) of every scenario, scenario outlines expanded
//! with their examples. Used by `certlex coverage`.

use std::path::{Path, PathBuf};

use cucumber::gherkin::{Feature, GherkinEnv, Scenario};
use regex::Regex;

use super::steps::{RULE_STATUS_EN, RULE_STATUS_ZH, status_word};
use crate::engine::Status;
use crate::law::coverage::{Exercise, ExerciseKind};

/// Every `.feature` file under `paths` (files or folders), sorted.
pub fn feature_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        if !p.is_dir() {
            return Err(format!("`{}` does not exist", p.display()));
        }
        for e in walkdir::WalkDir::new(p).sort_by_file_name() {
            let e = e.map_err(|e| format!("cannot read `{}`: {e}", p.display()))?;
            if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "feature") {
                files.push(e.into_path());
            }
        }
    }
    Ok(files)
}

/// The rule expectations of every scenario in the feature files under `paths`.
/// A feature that cannot be read or parsed is an error: coverage never skips one.
pub fn exercises(paths: &[PathBuf]) -> Result<Vec<Exercise>, String> {
    let matchers = Matchers::new()?;
    let mut out = Vec::new();
    for file in feature_files(paths)? {
        let feature = Feature::parse_path(&file, GherkinEnv::default())
            .map_err(|e| format!("cannot parse `{}`: {e}", file.display()))?;
        out.extend(of_feature(&feature, &file, &matchers));
    }
    Ok(out)
}

/// The rule expectations in the text of one feature file.
pub fn exercises_in(text: &str, name: &Path) -> Result<Vec<Exercise>, String> {
    let matchers = Matchers::new()?;
    let feature =
        Feature::parse(text, GherkinEnv::default()).map_err(|e| format!("cannot parse `{}`: {e}", name.display()))?;
    Ok(of_feature(&feature, name, &matchers))
}

pub(super) struct Matchers {
    en: Regex,
    zh: Regex,
}

impl Matchers {
    pub(super) fn new() -> Result<Self, String> {
        let compile = |r: &str| Regex::new(r).map_err(|e| format!("step pattern: {e}"));
        Ok(Self {
            en: compile(RULE_STATUS_EN)?,
            zh: compile(RULE_STATUS_ZH)?,
        })
    }

    /// `(rule id, status)` when the step is an expectation on a rule.
    pub(super) fn expectation(&self, step: &str) -> Option<(String, Status)> {
        let caps = self.en.captures(step).or_else(|| self.zh.captures(step))?;
        let rule = caps.get(1)?.as_str().to_string();
        let status = status_word(caps.get(2)?.as_str())?;
        Some((rule, status))
    }
}

fn of_feature(feature: &Feature, file: &Path, m: &Matchers) -> Vec<Exercise> {
    let scenarios = feature
        .scenarios
        .iter()
        .chain(feature.rules.iter().flat_map(|r| r.scenarios.iter()));
    let mut out = Vec::new();
    for s in scenarios {
        for (line, steps) in expanded(s) {
            for step in steps {
                let Some((rule, status)) = m.expectation(&step) else {
                    continue;
                };
                let kind = if status == Status::Pass {
                    ExerciseKind::Passing
                } else if status.is_adverse() {
                    ExerciseKind::Failing
                } else {
                    ExerciseKind::Other
                };
                out.push(Exercise {
                    rule,
                    kind,
                    status: status.word().to_string(),
                    feature: file.display().to_string(),
                    line,
                    scenario: s.name.clone(),
                    passed: None,
                });
            }
        }
    }
    out
}

/// The step texts of a scenario with its line; for an outline, one list
/// per example row with `<name>` replaced by the row's value, at the line
/// cucumber gives the row's scenario (the `Examples:` line + 2 + its index).
pub(super) fn expanded(s: &Scenario) -> Vec<(usize, Vec<String>)> {
    let plain: Vec<String> = s.steps.iter().map(|st| st.value.clone()).collect();
    let rows: Vec<(usize, Vec<(String, String)>)> = s
        .examples
        .iter()
        .filter_map(|ex| ex.table.as_ref().map(|t| (ex.position.line, t)))
        .flat_map(|(line, t)| {
            let mut rows = t.rows.iter();
            let header = rows.next().cloned().unwrap_or_default();
            rows.enumerate()
                .map(move |(i, r)| (line + i + 2, header.iter().cloned().zip(r.iter().cloned()).collect()))
        })
        .collect();
    if rows.is_empty() {
        return vec![(s.position.line, plain)];
    }
    rows.iter()
        .map(|(line, row)| {
            let steps = plain
                .iter()
                .map(|step| {
                    row.iter()
                        .fold(step.clone(), |acc, (k, v)| acc.replace(&format!("<{k}>"), v))
                })
                .collect();
            (*line, steps)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_expectations_and_outlines() {
        let text = r#"Feature: F

  Scenario: one
    Given the certificate "a.pem"
    Then rule "ESL-21-1" passes
    And rule "ESL-21-2" fails
    And the finding for "ESL-21-2" says "x"

  Scenario: two
    Then rule "ESL-21-3" needs evidence
    And rule "ESL-21-4" is not applicable

  Scenario Outline: many
    Then rule "<rule>" <status>

    Examples:
      | rule     | status          |
      | ESL-21-5 | passes          |
      | ESL-21-6 | is undetermined |
"#;
        let got = exercises_in(text, Path::new("f.feature")).unwrap();
        let brief: Vec<_> = got
            .iter()
            .map(|e| (e.rule.as_str(), e.kind, e.status.as_str()))
            .collect();
        assert_eq!(
            brief,
            vec![
                ("ESL-21-1", ExerciseKind::Passing, "pass"),
                ("ESL-21-2", ExerciseKind::Failing, "fail"),
                ("ESL-21-3", ExerciseKind::Failing, "needs-evidence"),
                ("ESL-21-4", ExerciseKind::Other, "not-applicable"),
                ("ESL-21-5", ExerciseKind::Passing, "pass"),
                ("ESL-21-6", ExerciseKind::Failing, "undetermined"),
            ]
        );
        assert_eq!(got[0].scenario, "one");
        assert_eq!(got[0].line, 3);
        // An outline's rows are at their own lines, as cucumber runs them.
        assert_eq!((got[4].line, got[5].line), (18, 19));
    }

    #[test]
    fn chinese_expectations() {
        let text = "# language: zh-CN\n功能: 电子签名法第二十一条\n\n  场景: 一\n    假如 证书 \"a.pem\"\n    那么 规则 \"ESL-21-1\" 通过\n    而且 规则 \"ESL-21-1\" 不通过\n    而且 规则 \"ESL-21-1\" 未生效\n";
        let got = exercises_in(text, Path::new("f.zh.feature")).unwrap();
        let kinds: Vec<_> = got.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            vec![ExerciseKind::Passing, ExerciseKind::Failing, ExerciseKind::Other]
        );
    }

    #[test]
    fn every_status_word_is_known_in_both_languages() {
        for w in [
            "passes",
            "fails",
            "is not applicable",
            "needs evidence",
            "is undetermined",
            "is not in force",
            "通过",
            "不通过",
            "不适用",
            "需要证据",
            "无法判定",
            "未生效",
        ] {
            assert!(status_word(w).is_some(), "{w}");
        }
    }
}
