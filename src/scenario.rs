//! Executable statutory tests: Gherkin features run with cucumber against the
//! same engine as `certlex check`. The step vocabulary (English and Chinese)
//! is in `steps.rs`; `docs/scenarios.md` documents it for lawyers.
//!
//! Used by `cargo test` (tests/scenarios.rs) and by `certlex test`.

pub mod catalogue;
pub mod dated;
pub mod index;
pub mod lines;
pub mod plain;
mod profile_steps;
pub mod results;
mod steps;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use cucumber::{World as _, WriterExt as _, writer};
use futures::FutureExt as _;
use time::Date;

use crate::engine::{Evaluator, Finding, RuleSet};
use crate::facts::Subject;
use crate::i18n::Lang;

/// The rules scenarios run against: set once per process.
static RULES: OnceLock<Arc<RuleSet>> = OnceLock::new();

/// What a scenario has said so far.
#[derive(Debug, Default, cucumber::World)]
pub struct LawWorld {
    /// The folder of the feature file, for relative paths.
    feature_dir: Option<PathBuf>,
    regime: Option<String>,
    at: Option<Date>,
    /// The inputs under test, in the order given.
    inputs: Vec<Input>,
    /// Issuer certificates and other inputs that inform the check but are
    /// not tested: pass 1 of the run reads them into its context.
    context: Vec<Input>,
    /// The subjects of `inputs`, read with the run context when checked.
    subjects: Vec<Subject>,
    /// Findings per subject, once checked.
    checked: Option<Vec<Vec<Finding>>>,
}

/// An input as the scenario gave it: a file's bytes or a doc string.
#[derive(Debug, Clone)]
struct Input {
    name: String,
    bytes: Vec<u8>,
    /// What the step says the input is (doc strings); files are read by content.
    kind: Option<crate::input::Content>,
}

/// How a scenario run ended.
pub struct Outcome {
    pub failed: bool,
    pub features: usize,
}

/// Features from several paths in one cucumber run, so the run has one
/// summary and a JUnit report is one document.
struct Paths;

impl cucumber::Parser<Vec<PathBuf>> for Paths {
    type Cli = cucumber::parser::basic::Cli;
    type Output = futures::stream::Iter<std::vec::IntoIter<cucumber::parser::Result<cucumber::gherkin::Feature>>>;

    fn parse(self, input: Vec<PathBuf>, cli: Self::Cli) -> Self::Output {
        let all: Vec<_> = input
            .into_iter()
            .flat_map(|p| cucumber::Parser::parse(cucumber::parser::Basic::new(), p, cli.clone()).into_inner())
            .collect();
        futures::stream::iter(all)
    }
}

/// How a run of the features is set up.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunOptions {
    /// The check date of a scenario that names none (default today): set
    /// before the first step, so a scenario's own date step still wins.
    pub at: Option<Date>,
    /// The language of the report's own words.
    pub lang: Lang,
}

/// Run the features under `paths` (files or folders): the plain report
/// ([`plain::Plain`]) to `human`, and with `junit` a JUnit XML report there too.
pub fn run(
    rules: Arc<RuleSet>,
    paths: &[PathBuf],
    options: RunOptions,
    human: &mut dyn std::io::Write,
    junit: Option<&mut dyn std::io::Write>,
) -> Result<Outcome, String> {
    let rules = RULES.get_or_init(|| rules).clone();
    let _ = rules;
    let mut features = 0;
    for path in paths {
        if !path.exists() {
            return Err(format!("`{}` does not exist", path.display()));
        }
        features += feature_count(path);
    }
    let at = options.at;
    let cucumber = LawWorld::cucumber::<PathBuf>()
        .with_parser(Paths)
        .before(move |feature, _, _, world| {
            world.feature_dir = feature.path.as_ref().and_then(|p| p.parent()).map(Path::to_path_buf);
            world.at = at;
            async {}.boxed_local()
        });
    let report = plain::Plain::new(human, options.lang);
    let failed = match junit {
        Some(out) => {
            let w = cucumber
                .with_writer(report.tee::<LawWorld, _>(writer::JUnit::for_tee(out, 0)).normalized())
                .with_default_cli()
                .run(paths.to_vec());
            let w = futures::executor::block_on(w);
            cucumber::writer::Stats::<LawWorld>::execution_has_failed(&w)
                || cucumber::writer::Stats::<LawWorld>::skipped_steps(&w) > 0
        }
        None => {
            let w = futures::executor::block_on(
                cucumber
                    .with_writer(report.normalized())
                    .with_default_cli()
                    .run(paths.to_vec()),
            );
            cucumber::writer::Stats::<LawWorld>::execution_has_failed(&w)
                || cucumber::writer::Stats::<LawWorld>::skipped_steps(&w) > 0
        }
    };
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

    /// Load a file named in a step, and check that it reads.
    fn load(&self, written: &str) -> Result<Input, String> {
        let path = self.resolve_path(written)?;
        let c = crate::input::Candidate { path, explicit: true };
        let bytes = match crate::input::load(&c, &crate::limits::Limits::default()) {
            crate::input::Loaded::Bytes(b) => b,
            crate::input::Loaded::Error(d) => return Err(format!("`{written}` could not be read: {}", d.message)),
            crate::input::Loaded::Skipped(why) => return Err(format!("`{written}` was skipped: {why}")),
        };
        self.validated(Input {
            name: written.to_string(),
            bytes,
            kind: None,
        })
    }

    /// An input written in the feature (a doc string), of the kind the step names.
    fn inline(&self, name: &str, text: &str, kind: crate::input::Content) -> Result<Input, String> {
        self.validated(Input {
            name: name.to_string(),
            bytes: text.as_bytes().to_vec(),
            kind: Some(kind),
        })
    }

    /// Report an input that does not read at the step that gives it.
    fn validated(&self, input: Input) -> Result<Input, String> {
        let ctx = crate::facts::context::RunContext::new();
        self.subjects_of(&input, &ctx).map(|_| input)
    }

    fn subjects_of(&self, input: &Input, ctx: &crate::facts::context::RunContext) -> Result<Vec<Subject>, String> {
        let limits = crate::limits::Limits::default();
        let kind = input.kind.unwrap_or_else(|| crate::input::detect(&input.bytes));
        let got = crate::input::read_content(&input.name, input.bytes.clone(), kind, true, &limits, ctx);
        if let Some(e) = got.errors.first() {
            return Err(format!("`{}` could not be read: {}", input.name, e.message));
        }
        if got.subjects.is_empty() {
            return Err(format!("`{}` holds nothing certlex can check", input.name));
        }
        Ok(got.subjects)
    }

    /// The run context of the scenario (pass 1): CA certificates among the
    /// inputs, and every issuer certificate given.
    pub fn run_context(&self) -> crate::facts::context::RunContext {
        use crate::facts::context::Origin;
        let limits = crate::limits::Limits::default();
        let mut ctx = crate::facts::context::RunContext::new();
        for i in &self.inputs {
            crate::run::add_bytes(&mut ctx, &i.bytes, Origin::Input, &limits);
        }
        for i in &self.context {
            crate::run::add_bytes(&mut ctx, &i.bytes, Origin::Issuers, &limits);
        }
        ctx
    }

    fn check(&mut self) -> Result<(), String> {
        let rules = self.rules()?;
        let date = self.at.unwrap_or_else(crate::dates::today);
        let regime = self.regime.clone().unwrap_or_else(|| "current".into());
        let res = rules.law.resolve(&regime, date)?;
        let ev = Evaluator::new(&rules, res);
        if self.inputs.is_empty() {
            return Err("nothing to check: give a certificate, a CA profile or a rule statement first".into());
        }
        // Pass 2: read each input with the context, as `certlex check` does.
        let ctx = self.run_context();
        let mut subjects = Vec::new();
        for i in &self.inputs {
            subjects.extend(self.subjects_of(i, &ctx)?);
        }
        self.subjects = subjects;
        // Evidence named for a rule that does not exist fails the check, as
        // it is an input error of `certlex check`.
        let problems: Vec<String> = self
            .subjects
            .iter()
            .flat_map(|s| crate::load::check_attestations(s, &rules))
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
