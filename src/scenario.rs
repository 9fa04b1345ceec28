//! Executable statutory tests: Gherkin features run with cucumber against the
//! same engine as `certlex check`. The step vocabulary (English and Chinese)
//! is in `steps.rs`; `docs/scenarios.md` documents it for lawyers.
//!
//! Used by `cargo test` (tests/scenarios.rs) and by `certlex test`.

pub mod index;
mod profile_steps;
mod steps;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use cucumber::{World as _, WriterExt as _, writer};
use futures::FutureExt as _;
use time::Date;

use crate::engine::{Evaluator, Finding, RuleSet};
use crate::facts::Subject;

/// The rules scenarios run against: set once per process.
static RULES: OnceLock<Arc<RuleSet>> = OnceLock::new();

/// What a scenario has said so far.
#[derive(Debug, Default, cucumber::World)]
pub struct LawWorld {
    /// The folder of the feature file, for relative paths.
    feature_dir: Option<PathBuf>,
    regime: Option<String>,
    at: Option<Date>,
    /// The subjects under test, in the order given.
    subjects: Vec<Subject>,
    /// Issuer certificates and other inputs that inform the check but are not tested.
    context: Vec<Subject>,
    /// Findings per subject, once checked.
    checked: Option<Vec<Vec<Finding>>>,
}

/// How a scenario run ended.
pub struct Outcome {
    pub failed: bool,
    pub features: usize,
}

/// Run the features under `paths` (files or folders). With `junit`, also
/// write a JUnit XML report there. Prints cucumber's report to standard output.
pub fn run(rules: Arc<RuleSet>, paths: &[PathBuf], junit: Option<&Path>) -> Result<Outcome, String> {
    let rules = RULES.get_or_init(|| rules).clone();
    let _ = rules;
    let mut failed = false;
    let mut features = 0;
    for path in paths {
        if !path.exists() {
            return Err(format!("`{}` does not exist", path.display()));
        }
        features += feature_count(path);
        let cucumber = LawWorld::cucumber()
            .with_default_cli()
            .fail_on_skipped()
            .before(|feature, _, _, world| {
                world.feature_dir = feature.path.as_ref().and_then(|p| p.parent()).map(Path::to_path_buf);
                async {}.boxed_local()
            });
        let ran_failed = match junit {
            Some(file) => {
                let out = std::fs::File::create(file).map_err(|e| format!("cannot write `{}`: {e}", file.display()))?;
                let w = cucumber
                    .with_writer(
                        writer::Basic::raw(std::io::stdout(), writer::Coloring::Auto, 0)
                            .summarized()
                            .tee::<LawWorld, _>(writer::JUnit::for_tee(out, 0))
                            .normalized(),
                    )
                    .run(path.clone());
                let w = futures::executor::block_on(w);
                cucumber::writer::Stats::<LawWorld>::execution_has_failed(&w)
                    || cucumber::writer::Stats::<LawWorld>::skipped_steps(&w) > 0
            }
            None => {
                let w = futures::executor::block_on(cucumber.run(path.clone()));
                cucumber::writer::Stats::<LawWorld>::execution_has_failed(&w)
                    || cucumber::writer::Stats::<LawWorld>::skipped_steps(&w) > 0
            }
        };
        failed |= ran_failed;
    }
    Ok(Outcome { failed, features })
}

fn feature_count(path: &Path) -> usize {
    walkdir::WalkDir::new(path)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "feature"))
        .count()
}

impl LawWorld {
    fn rules(&self) -> Result<Arc<RuleSet>, String> {
        RULES
            .get()
            .cloned()
            .ok_or_else(|| "no rules were loaded for the scenarios".to_string())
    }

    /// A path as written in a feature: relative to the feature file, else to
    /// the current directory (the repository root).
    fn resolve_path(&self, written: &str) -> Result<PathBuf, String> {
        let p = Path::new(written);
        if p.is_absolute() && p.exists() {
            return Ok(p.to_path_buf());
        }
        if let Some(dir) = &self.feature_dir {
            let near = dir.join(p);
            if near.exists() {
                return Ok(near);
            }
        }
        if p.exists() {
            return Ok(p.to_path_buf());
        }
        Err(format!(
            "no file `{written}` (looked next to the feature file and in the current directory)"
        ))
    }

    /// Read the subjects of a file.
    fn read(&self, written: &str) -> Result<Vec<Subject>, String> {
        let path = self.resolve_path(written)?;
        let c = crate::input::Candidate { path, explicit: true };
        self.subjects_of(crate::input::read(&c, &crate::input::Limits::default()), written)
    }

    /// Read subjects from text written in the feature (a doc string).
    fn read_inline(&self, name: &str, text: &str) -> Result<Vec<Subject>, String> {
        let got = crate::input::read_bytes_as(name, text.as_bytes().to_vec(), true, &crate::input::Limits::default());
        self.subjects_of(got, name)
    }

    fn subjects_of(&self, got: crate::input::Read, written: &str) -> Result<Vec<Subject>, String> {
        if let Some(e) = got.errors.first() {
            return Err(format!("`{written}` could not be read: {}", e.message));
        }
        if got.subjects.is_empty() {
            return Err(format!("`{written}` holds nothing certlex can check"));
        }
        Ok(got.subjects)
    }

    fn check(&mut self) -> Result<(), String> {
        let rules = self.rules()?;
        let date = self.at.unwrap_or_else(crate::dates::today);
        let regime = self.regime.clone().unwrap_or_else(|| "current".into());
        let res = rules.law.resolve(&regime, date)?;
        let ev = Evaluator::new(&rules, res);
        if self.subjects.is_empty() {
            return Err("nothing to check: give a certificate, a CA profile or a rule statement first".into());
        }
        let problems: Vec<String> = self
            .subjects
            .iter()
            .flat_map(|s| crate::facts::profile::check_attestations(s, &rules))
            .filter(crate::diag::Diag::is_error)
            .map(|d| d.render_plain())
            .collect();
        if !problems.is_empty() {
            return Err(problems.join("\n"));
        }
        self.checked = Some(self.subjects.iter().map(|s| ev.check(s)).collect());
        Ok(())
    }
}
