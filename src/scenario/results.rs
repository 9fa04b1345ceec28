//! The outcome of every scenario, from an actual run: the features run
//! in-process once (as `certlex test` runs them) and each scenario is kept
//! with whether it passed and the rule expectations its steps state. The
//! workbench shows an article's scenarios with it; `coverage` can show
//! scenarios by whether they passed rather than by what they expect.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cucumber::event::{self, Cucumber, Feature, Rule, Scenario, Step};
use cucumber::{World as _, gherkin};
use futures::FutureExt as _;
use serde::Serialize;

use super::index::Matchers;
use super::{LawWorld, Paths, RULES};
use crate::engine::RuleSet;

/// One scenario as it ran (each row of an outline is a scenario of its own).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ScenarioResult {
    /// The feature file, relative to the current directory where it lies under it.
    pub feature: String,
    /// The scenario's line (an outline's row: the row's line).
    pub line: usize,
    pub name: String,
    pub passed: bool,
    /// Why it did not pass: the first failing step and its error, or a
    /// step no definition matches.
    pub failure: Option<String>,
    /// The rule expectations of its steps: `(rule id, expected status)`.
    pub expects: Vec<Expectation>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Expectation {
    pub rule: String,
    /// As the engine names it: `pass`, `fail`, `not-applicable` …
    pub status: String,
}

impl ScenarioResult {
    /// Whether a step of the scenario expects a status of `rule`.
    pub fn exercises(&self, rule: &str) -> bool {
        self.expects.iter().any(|e| e.rule == rule)
    }
}

/// Run the features under `paths` against `rules` and return every
/// scenario's outcome, in the order the scenarios finished sorted by file
/// and line. The rules scenarios run against are set once per process (the
/// first call of this or [`super::run`] sets them).
pub fn results(rules: Arc<RuleSet>, paths: &[PathBuf]) -> Result<Vec<ScenarioResult>, String> {
    let _ = RULES.get_or_init(|| rules);
    for path in paths {
        if !path.exists() {
            return Err(format!("`{}` does not exist", path.display()));
        }
    }
    let collect = Collect {
        matchers: Matchers::new()?,
        results: Vec::new(),
        at: HashMap::new(),
        errors: Vec::new(),
    };
    let cucumber = LawWorld::cucumber::<PathBuf>()
        .with_parser(Paths)
        .before(|feature, _, _, world| {
            world.feature_dir = feature.path.as_ref().and_then(|p| p.parent()).map(Path::to_path_buf);
            async {}.boxed_local()
        })
        .with_writer(collect)
        .with_default_cli();
    let done = futures::executor::block_on(cucumber.run(paths.to_vec()));
    if let Some(e) = done.errors.first() {
        return Err(e.clone());
    }
    let mut out = done.results;
    out.sort_by(|a, b| (&a.feature, a.line).cmp(&(&b.feature, b.line)));
    Ok(out)
}

/// A cucumber writer that keeps each scenario's outcome.
struct Collect {
    matchers: Matchers,
    results: Vec<ScenarioResult>,
    /// `(feature, line)` → index in `results` (scenarios run concurrently).
    at: HashMap<(String, usize), usize>,
    /// Feature files that could not be parsed.
    errors: Vec<String>,
}

impl Collect {
    fn scenario(&mut self, feature: &gherkin::Feature, scenario: &gherkin::Scenario, ev: &Scenario<LawWorld>) {
        let file = shown(feature.path.as_deref());
        let key = (file.clone(), scenario.position.line);
        let index = match self.at.get(&key) {
            Some(&i) => i,
            None => {
                let expects = scenario
                    .steps
                    .iter()
                    .filter_map(|s| self.matchers.expectation(&s.value))
                    .map(|(rule, status)| Expectation {
                        rule,
                        status: status.word().to_string(),
                    })
                    .collect();
                self.results.push(ScenarioResult {
                    feature: file,
                    line: scenario.position.line,
                    name: scenario.name.clone(),
                    passed: true,
                    failure: None,
                    expects,
                });
                let i = self.results.len() - 1;
                self.at.insert(key, i);
                i
            }
        };
        let Some(result) = self.results.get_mut(index) else {
            return;
        };
        let failure = match ev {
            Scenario::Step(step, Step::Failed(_, _, _, err))
            | Scenario::Background(step, Step::Failed(_, _, _, err)) => {
                Some(format!("{} {}: {}", step.keyword.trim(), step.value, plain(err)))
            }
            Scenario::Step(step, Step::Skipped) | Scenario::Background(step, Step::Skipped) => Some(format!(
                "{} {}: no step definition matches it",
                step.keyword.trim(),
                step.value
            )),
            Scenario::Hook(_, event::Hook::Failed(_, _)) => Some("a hook failed".to_string()),
            _ => None,
        };
        if let Some(f) = failure
            && result.passed
        {
            result.passed = false;
            result.failure = Some(f);
        }
    }
}

/// A step error in plain words: the step's own message, without
/// cucumber's "Step panicked. Captured output:" preamble.
fn plain(err: &event::StepError) -> String {
    let text = err.to_string();
    text.strip_prefix("Step panicked. Captured output: ")
        .unwrap_or(&text)
        .to_string()
}

/// A feature's path as people read it (see [`super::plain::shown`]).
fn shown(path: Option<&Path>) -> String {
    path.map_or_else(|| "(unnamed feature)".to_string(), super::plain::shown)
}

/// The outcome of a scenario does not depend on the order its events come in.
impl cucumber::writer::Normalized for Collect {}

impl cucumber::Writer<LawWorld> for Collect {
    type Cli = cucumber::cli::Empty;

    async fn handle_event(&mut self, ev: cucumber::parser::Result<cucumber::Event<Cucumber<LawWorld>>>, _: &Self::Cli) {
        let ev = match ev {
            Ok(ev) => ev.value,
            Err(e) => {
                self.errors.push(format!("a feature could not be read: {e}"));
                return;
            }
        };
        let Cucumber::Feature(feature, f) = ev else {
            return;
        };
        match f {
            Feature::Scenario(s, retry) => self.scenario(&feature, &s, &retry.event),
            Feature::Rule(_, Rule::Scenario(s, retry)) => self.scenario(&feature, &s, &retry.event),
            _ => {}
        }
    }
}
