//! The report of a scenario run in plain words, for lawyers: one line per
//! scenario, and for one that fails the step at its line of the feature,
//! what was expected and what was found. cucumber's own report writes "Step
//! panicked", "Captured output" and the source line of the step definition
//! in certlex; none of that means anything to the author of a feature.

use std::io::Write;

use cucumber::event::{self, Cucumber, Feature, Hook, Rule, Scenario, Step, StepError};
use cucumber::gherkin;

use super::LawWorld;
use crate::i18n::Lang;

/// A cucumber writer printing the plain report to `out`. Feed it events in
/// order (wrap it in `normalized()`).
pub struct Plain<'o> {
    out: &'o mut dyn Write,
    lang: Lang,
    /// The failure of the scenario being run: the step's place and text, and why.
    failure: Option<(String, String)>,
    features: usize,
    scenarios: usize,
    failed_scenarios: usize,
    passed_steps: usize,
    skipped_steps: usize,
    failed_steps: usize,
    parsing_errors: usize,
    hook_errors: usize,
}

impl<'o> Plain<'o> {
    pub fn new(out: &'o mut dyn Write, lang: Lang) -> Self {
        Self {
            out,
            lang,
            failure: None,
            features: 0,
            scenarios: 0,
            failed_scenarios: 0,
            passed_steps: 0,
            skipped_steps: 0,
            failed_steps: 0,
            parsing_errors: 0,
            hook_errors: 0,
        }
    }

    /// Write a line; the writer of a closed pipe takes what it cannot write
    /// (see `cli::test`), so an error here is nothing more to report.
    fn line(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}");
    }

    fn feature(&mut self, feature: &gherkin::Feature, ev: &Feature<LawWorld>) {
        match ev {
            Feature::Started => {
                self.features += 1;
                let file = feature.path.as_deref().map(shown).unwrap_or_default();
                self.line(&format!("{}: {} ({file})", feature.keyword, feature.name));
            }
            Feature::Scenario(s, retry) => self.scenario(feature, s, &retry.event),
            Feature::Rule(_, Rule::Scenario(s, retry)) => self.scenario(feature, s, &retry.event),
            Feature::Rule(..) => {}
            Feature::Finished => self.line(""),
        }
    }

    fn scenario(&mut self, feature: &gherkin::Feature, sc: &gherkin::Scenario, ev: &Scenario<LawWorld>) {
        match ev {
            Scenario::Started => self.failure = None,
            Scenario::Step(step, st) | Scenario::Background(step, st) => self.step(feature, step, st),
            Scenario::Hook(_, Hook::Failed(_, info)) => {
                self.hook_errors += 1;
                let why = panic_text(info);
                self.fail(feature, sc.position.line, &sc.keyword, &sc.name, why);
            }
            Scenario::Hook(..) | Scenario::Log(_) => {}
            Scenario::Finished => {
                self.scenarios += 1;
                match self.failure.take() {
                    None => self.line(&format!("  ✔ {}: {}", sc.keyword, sc.name)),
                    Some((at, why)) => {
                        self.failed_scenarios += 1;
                        self.line(&format!("  ✘ {}: {}", sc.keyword, sc.name));
                        self.line(&format!("      {at}"));
                        for l in why.lines() {
                            self.line(&format!("      {l}"));
                        }
                    }
                }
            }
        }
    }

    fn step(&mut self, feature: &gherkin::Feature, step: &gherkin::Step, ev: &Step<LawWorld>) {
        match ev {
            Step::Started => {}
            Step::Passed(..) => self.passed_steps += 1,
            Step::Skipped => {
                self.skipped_steps += 1;
                let why = self.no_match();
                self.fail(feature, step.position.line, &step.keyword, &step.value, why);
            }
            Step::Failed(_, _, _, err) => {
                self.failed_steps += 1;
                let why = match err {
                    StepError::NotFound => self.no_match(),
                    StepError::AmbiguousMatch(e) => e.to_string(),
                    StepError::Panic(info) => panic_text(info),
                };
                self.fail(feature, step.position.line, &step.keyword, &step.value, why);
            }
        }
    }

    /// Keep the first failure of a scenario: what follows it did not run.
    fn fail(&mut self, feature: &gherkin::Feature, line: usize, keyword: &str, text: &str, why: String) {
        if self.failure.is_some() {
            return;
        }
        let file = feature
            .path
            .as_deref()
            .map(shown)
            .unwrap_or_else(|| feature.name.clone());
        self.failure = Some((format!("{file}:{line}: {} {text}", keyword.trim()), why));
    }

    fn no_match(&self) -> String {
        match self.lang {
            Lang::En => "no step of the vocabulary matches this text (`certlex test --list-steps` lists them)".into(),
            Lang::Zh => "步骤词汇中没有与此文字匹配的步骤（`certlex test --list-steps` 列出全部步骤）".into(),
        }
    }

    /// The counts, in cucumber's words: `2 features, 6 scenarios (5 passed, 1 failed)`.
    fn summary(&mut self) {
        let (n, failed) = (self.scenarios, self.failed_scenarios);
        let passed = n.saturating_sub(failed);
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        let text = match self.lang {
            Lang::En => {
                let parts: Vec<String> = [(passed, "passed"), (failed, "failed")]
                    .into_iter()
                    .filter(|(k, _)| *k > 0)
                    .map(|(k, w)| format!("{k} {w}"))
                    .collect();
                let counts = if parts.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", parts.join(", "))
                };
                format!(
                    "{}, {}{counts}",
                    plural(self.features, "feature"),
                    plural(n, "scenario")
                )
            }
            Lang::Zh => format!(
                "{} 个 feature 文件，{n} 个场景（{passed} 个通过，{failed} 个未通过）",
                self.features
            ),
        };
        self.line(&text);
    }
}

/// What a step said when it failed: its own message (steps fail with a
/// `String`), never the panic's wrapping.
fn panic_text(info: &event::Info) -> String {
    (**info)
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| (**info).downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_else(|| "the step failed".to_string())
}

/// A feature's path as people read it: relative to the current directory
/// where it lies under it.
pub fn shown(path: &std::path::Path) -> String {
    let here = std::env::current_dir().ok();
    here.as_deref()
        .and_then(|h| path.strip_prefix(h).ok())
        .unwrap_or(path)
        .display()
        .to_string()
}

impl cucumber::Writer<LawWorld> for Plain<'_> {
    type Cli = cucumber::cli::Empty;

    async fn handle_event(&mut self, ev: cucumber::parser::Result<cucumber::Event<Cucumber<LawWorld>>>, _: &Self::Cli) {
        match ev.map(|e| e.value) {
            Err(e) => {
                self.parsing_errors += 1;
                let text = match self.lang {
                    Lang::En => format!("a feature could not be read: {e}"),
                    Lang::Zh => format!("无法读取 feature 文件：{e}"),
                };
                self.line(&text);
            }
            Ok(Cucumber::Feature(feature, ev)) => self.feature(&feature, &ev),
            Ok(Cucumber::Finished) => self.summary(),
            Ok(Cucumber::Started | Cucumber::ParsingFinished { .. }) => {}
        }
    }
}

impl cucumber::writer::Stats<LawWorld> for Plain<'_> {
    fn passed_steps(&self) -> usize {
        self.passed_steps
    }

    fn skipped_steps(&self) -> usize {
        self.skipped_steps
    }

    fn failed_steps(&self) -> usize {
        self.failed_steps
    }

    fn retried_steps(&self) -> usize {
        0
    }

    fn parsing_errors(&self) -> usize {
        self.parsing_errors
    }

    fn hook_errors(&self) -> usize {
        self.hook_errors
    }
}
