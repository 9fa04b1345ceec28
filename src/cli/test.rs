//! `certlex test`: run Gherkin features (executable statutory tests).
//!
//! Formats: `human` (cucumber's report) and `junit`. JSON and SARIF are not
//! offered: a scenario is a test that passes or fails, not a subject with
//! findings (the JSON schema) nor a problem located in a file (SARIF).

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, ValueEnum};

use super::{Global, LangArg, load_rules};
use crate::i18n::Lang;
use crate::report::Output;

#[derive(Args)]
pub struct TestArgs {
    /// Feature files or folders (default: `features/`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Report format: `junit` writes JUnit XML (cucumber's report then goes
    /// to standard error).
    #[arg(long, value_enum, default_value = "human")]
    pub format: TestFormat,
    /// Write the report to FILE instead of standard output; the file appears
    /// only when the run is complete.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write a JUnit XML report to FILE (written the same way).
    #[arg(long, value_name = "FILE", conflicts_with = "format")]
    pub junit: Option<PathBuf>,
    /// Print every step in Chinese and English with an example, and run
    /// nothing (`--lang zh` or `--lang en` for one language).
    #[arg(long)]
    pub list_steps: bool,
    /// Run the scenarios as on DATE (YYYY-MM-DD): the check date of every
    /// scenario that names none (default today). A scenario's own "Given the
    /// law as in force on …" or "the check date …" still wins.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    Human,
    Junit,
}

fn open(path: Option<&PathBuf>) -> Result<Output, u8> {
    match path {
        None => Ok(Output::stdout()),
        Some(p) => Output::file(p).map_err(|e| {
            say_in!(
                format!("certlex test：无法写入 `{}`：{e}", p.display()),
                format!("certlex test: cannot write `{}`: {e}", p.display())
            );
            2
        }),
    }
}

pub fn run(g: &Global, a: &TestArgs) -> u8 {
    if a.list_steps {
        let langs: &[Lang] = match g.lang {
            Some(LangArg::Zh) => &[Lang::Zh],
            Some(LangArg::En) => &[Lang::En],
            None => &[Lang::En, Lang::Zh],
        };
        return match super::emit(&crate::scenario::catalogue::listing(langs)) {
            Ok(()) => 0,
            Err(code) => code,
        };
    }
    let at = match a.at.as_deref().map(|s| crate::dates::parse_date(s).ok_or(s)) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(s)) => {
            super::print_diags([&super::not_a_date(s)]);
            return 2;
        }
    };
    let Some(rules) = load_rules(g) else { return 2 };
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from("features")]
    } else {
        a.paths.clone()
    };
    // A scenario that names no date but depends on it: a warning, not an error.
    if let Ok(found) = crate::scenario::dated::undated(&rules, &paths) {
        for u in found {
            say_err!("{}", u.message(super::run_lang()));
        }
    }
    let report = match open(a.output.as_ref()) {
        Ok(o) => o,
        Err(code) => return code,
    };
    // The chosen format goes to `report`; cucumber's own report to standard
    // error when that is JUnit; `--junit FILE` adds a JUnit file.
    let (human, junit) = match (a.format, &a.junit) {
        (TestFormat::Junit, _) => (None, Some(report)),
        (TestFormat::Human, Some(file)) => match open(Some(file)) {
            Ok(j) => (Some(report), Some(j)),
            Err(code) => return code,
        },
        (TestFormat::Human, None) => (Some(report), None),
    };
    // cucumber's writers panic on a write error: they write through
    // `Forgiving`, which drops what a closed pipe can no longer take.
    let mut human = human.map(Forgiving::new);
    let mut junit = junit.map(Forgiving::new);
    let mut stderr = Forgiving::new(std::io::stderr());
    let outcome = crate::scenario::run(
        Arc::new(rules),
        &paths,
        crate::scenario::RunOptions {
            at,
            lang: super::run_lang(),
        },
        match human.as_mut() {
            Some(h) => h as &mut dyn std::io::Write,
            None => &mut stderr,
        },
        junit.as_mut().map(|j| j as &mut dyn std::io::Write),
    );
    // cucumber says a step matched nothing; say which step was meant.
    for problem in crate::scenario::lines::unknown_steps(&paths) {
        say_err!("{problem}");
    }
    for out in [human, junit].into_iter().flatten() {
        let closed = out.closed;
        match out.inner.commit() {
            // A closed pipe: quietly, but an unfinished report is no verdict.
            _ if closed => return 2,
            Err(e) => {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    say_in!(
                        format!("certlex test：无法写出报告：{e}"),
                        format!("certlex test: cannot write the report: {e}")
                    );
                }
                return 2;
            }
            Ok(()) => {}
        }
    }
    match outcome {
        Ok(o) if o.failed => {
            say_in!(
                "certlex test：有场景未通过".to_string(),
                "certlex test: some scenarios failed".to_string()
            );
            1
        }
        Ok(o) => {
            say_in!(
                format!("certlex test：{} 个 feature 文件，所有场景均通过", o.features),
                format!("certlex test: {} feature file(s), every scenario passed", o.features)
            );
            0
        }
        Err(e) => {
            say_in!(format!("certlex test：{e}"), format!("certlex test: {e}"));
            2
        }
    }
}

/// A writer that takes everything once its reader has gone (a closed pipe)
/// and remembers it, for writers that would panic on the error.
struct Forgiving<W> {
    inner: W,
    closed: bool,
}

impl<W: std::io::Write> Forgiving<W> {
    fn new(inner: W) -> Self {
        Self { inner, closed: false }
    }

    fn forgive<T>(&mut self, r: std::io::Result<T>, fallback: T) -> std::io::Result<T> {
        match r {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(fallback)
            }
            r => r,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Forgiving<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let r = self.inner.write(buf);
        self.forgive(r, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let r = self.inner.flush();
        self.forgive(r, ())
    }
}
