//! Reports: each format is a [`Reporter`] fed one subject at a time, so a
//! run over a large corpus streams instead of collecting every finding.
//! One renderer file per format; the verdict and the exit code come from
//! [`Summary`] and [`Gate`]; [`Output`] makes `--output FILE` atomic.

mod human;
mod json;
mod jsonl;
mod junit;
mod output;
mod sarif;

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::config::{WaiverState, WaiverUse};
use crate::diag::Diag;
use crate::engine::{Evaluator, Finding, RuleSet, Severity, Status};
use crate::facts::Subject;
use crate::i18n::Lang;
use crate::law::Resolution;

pub use human::Human;
pub use json::{Json, SCHEMA_VERSION};
pub use jsonl::JsonLines;
pub use junit::JUnit;
pub use output::Output;
pub use sarif::Sarif;

/// The report formats of `certlex check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: grouped by subject, then by article, with a summary line.
    Human,
    /// One JSON document (docs/report-schema.json), written as subjects arrive.
    Json,
    /// One JSON object per line: a run line, a line per subject, error, skipped
    /// file and waiver, and a closing summary line (docs/report-schema.json).
    Jsonl,
    /// SARIF 2.1.0, for code scanning (GitHub shows findings in YAML and Markdown inline).
    Sarif,
    /// JUnit XML: a test suite per subject, a test case per rule.
    Junit,
}

/// What every report knows about the run.
#[derive(Debug, Clone)]
pub struct Meta {
    pub resolution: Resolution,
    pub lang: Lang,
    pub gate: Gate,
    /// Show every finding, passes included (human and SARIF).
    pub verbose: bool,
    /// ANSI colour (human; only on a terminal, never with `NO_COLOR`).
    pub colour: bool,
}

impl Meta {
    pub fn new(resolution: Resolution, lang: Lang) -> Self {
        Self {
            resolution,
            lang,
            gate: Gate::default(),
            verbose: false,
            colour: false,
        }
    }
}

/// Which findings make a run fail (exit code 1).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Gate {
    /// The least severity of a failed rule that fails the run.
    pub fail_on: Severity,
    /// Let undetermined and needs-evidence findings pass the gate (off by
    /// default: what could not be checked is not conformant).
    pub allow_undetermined: bool,
}

impl Default for Gate {
    fn default() -> Self {
        Self {
            fail_on: Severity::Error,
            allow_undetermined: false,
        }
    }
}

impl Gate {
    /// Does this finding stand against conformance? A waived one does not.
    pub fn blocks(&self, f: &Finding, rules: &RuleSet) -> bool {
        if f.waiver.is_some() {
            return false;
        }
        match f.status {
            Status::Fail => rules.rules.get(f.rule).is_some_and(|r| r.severity >= self.fail_on),
            Status::Undetermined | Status::NeedsEvidence => !self.allow_undetermined,
            Status::Pass | Status::NotApplicable | Status::NotInForce => false,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub subjects: usize,
    pub input_errors: usize,
    pub skipped: usize,
    /// Findings by status (waived findings under their own status).
    pub statuses: BTreeMap<Status, usize>,
    /// Findings covered by a waiver.
    pub waived: usize,
    /// Findings that stand against conformance under the gate, and expired waivers.
    pub blocking: usize,
    /// Every waiver of the configuration and what became of it.
    #[serde(skip)]
    pub waivers: Vec<WaiverUse>,
}

impl Summary {
    pub fn add(&mut self, findings: &[Finding], rules: &RuleSet, gate: &Gate) {
        self.subjects += 1;
        for f in findings {
            *self.statuses.entry(f.status).or_default() += 1;
            if f.waiver.is_some() {
                self.waived += 1;
            }
            if gate.blocks(f, rules) {
                self.blocking += 1;
            }
        }
    }

    /// Record the waivers' outcomes: an expired waiver blocks like an error.
    pub fn set_waivers(&mut self, waivers: Vec<WaiverUse>) {
        self.blocking += waivers.iter().filter(|w| w.state == WaiverState::Expired).count();
        self.waivers = waivers;
    }

    pub fn count(&self, state: WaiverState) -> usize {
        self.waivers.iter().filter(|w| w.state == state).count()
    }

    pub fn conformant(&self) -> bool {
        self.blocking == 0 && self.input_errors == 0 && self.subjects > 0
    }

    /// 0 conformant, 1 findings at or above the gate (or an expired waiver),
    /// 2 an input could not be read or nothing was checked.
    pub fn exit_code(&self) -> u8 {
        if self.input_errors > 0 || self.subjects == 0 {
            2
        } else if self.blocking > 0 {
            1
        } else {
            0
        }
    }
}

/// A report format. Subjects arrive one at a time, in a stable order; a
/// streaming format writes each as it comes, so memory stays flat.
pub trait Reporter {
    fn subject(&mut self, subject: &Subject, findings: &[Finding]) -> io::Result<()>;
    fn input_error(&mut self, diag: &Diag) -> io::Result<()>;
    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The reporter of a format, writing to `out` (its header is written now).
pub fn reporter<'a, W: Write + 'a>(
    format: Format,
    out: W,
    rules: &'a RuleSet,
    meta: Meta,
) -> io::Result<Box<dyn Reporter + 'a>> {
    Ok(match format {
        Format::Human => Box::new(Human::new(out, rules, meta)),
        Format::Json => Box::new(Json::new(out, rules, meta)?),
        Format::Jsonl => Box::new(JsonLines::new(out, rules, meta)?),
        Format::Sarif => Box::new(Sarif::new(out, rules, meta)?),
        Format::Junit => Box::new(JUnit::new(out, rules, meta)?),
    })
}

/// A place in a subject's text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Where a finding was read in the subject's text: start and end (the
/// position just after the last character).
pub fn region(subject: &Subject, f: &Finding) -> Option<(Position, Position)> {
    let span = f.span?;
    let file = subject.source.as_ref()?;
    let at = |offset| {
        let (line, column) = file.line_col(offset);
        Position { line, column }
    };
    Some((at(span.start), at(span.end)))
}

/// Where a finding was read in the subject's text: `line:column`.
pub fn position(subject: &Subject, f: &Finding) -> Option<(usize, usize)> {
    region(subject, f).map(|(p, _)| (p.line, p.column))
}

/// What a finding cites, in the compact form: the rule's citations that
/// hold on its judging date, numbered as they were then (`ESL 17(4)`); for
/// a rule not in force, where none holds, all of them with their windows
/// (`ESL 17(4) until 2015-04-24`), which say why.
pub fn cites(rules: &RuleSet, f: &Finding) -> Vec<String> {
    let Some(r) = rules.rules.get(f.rule) else {
        return Vec::new();
    };
    if f.cites == 0 {
        return r.cites.iter().map(ToString::to_string).collect();
    }
    f.citations(&r.cites).map(|c| c.without_window().to_string()).collect()
}

/// The dates a subject's findings were judged at, each once, in order.
pub fn judging_dates(findings: &[Finding]) -> Vec<time::Date> {
    let mut dates: Vec<time::Date> = findings.iter().map(|f| f.judged_at).collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// Run subjects through a reporter of `format` and return the text (tests,
/// snapshots), with the default gate; the human format shows every finding.
pub fn render(rules: &RuleSet, evaluator: &Evaluator, subjects: &[Subject], lang: Lang, format: Format) -> String {
    let meta = Meta {
        verbose: format == Format::Human,
        ..Meta::new(evaluator.resolution.clone(), lang)
    };
    let gate = meta.gate;
    let mut out = Vec::new();
    let mut summary = Summary::default();
    if let Ok(mut reporter) = reporter(format, &mut out, rules, meta) {
        for s in subjects {
            let findings = evaluator.check(s);
            summary.add(&findings, rules, &gate);
            let _ = reporter.subject(s, &findings);
        }
        let _ = reporter.finish(&summary);
    }
    String::from_utf8_lossy(&out).into_owned()
}
