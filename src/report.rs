//! Reports: each format is a [`Reporter`] fed one subject at a time, so a
//! run over a large corpus streams instead of collecting every finding.
//! The verdict and the exit code come from [`Summary`] and [`Gate`].

mod human;
mod json;

use std::collections::BTreeMap;
use std::io;

use serde::Serialize;
use time::Date;

use crate::diag::Diag;
use crate::engine::{Finding, RuleSet, Severity, Status};
use crate::facts::Subject;
use crate::i18n::Lang;

pub use human::Human;
pub use json::Json;

/// What every report states about the run.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub regime: String,
    pub date: Date,
    pub lang: Lang,
}

/// Which findings make a run fail (exit code 1).
#[derive(Debug, Clone, Copy)]
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
    /// Does this finding stand against conformance?
    pub fn blocks(&self, f: &Finding, rules: &RuleSet) -> bool {
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
    /// Findings by status.
    pub statuses: BTreeMap<Status, usize>,
    /// Findings that stand against conformance under the gate.
    pub blocking: usize,
}

impl Summary {
    pub fn add(&mut self, findings: &[Finding], rules: &RuleSet, gate: &Gate) {
        self.subjects += 1;
        for f in findings {
            *self.statuses.entry(f.status).or_default() += 1;
            if gate.blocks(f, rules) {
                self.blocking += 1;
            }
        }
    }

    pub fn conformant(&self) -> bool {
        self.blocking == 0 && self.input_errors == 0 && self.subjects > 0
    }

    /// 0 conformant, 1 findings at or above the gate, 2 an input could not be read.
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

pub trait Reporter {
    fn subject(&mut self, subject: &Subject, findings: &[Finding]) -> io::Result<()>;
    fn input_error(&mut self, diag: &Diag) -> io::Result<()>;
    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// Where a finding was read in the subject's text: `line:column`.
pub fn position(subject: &Subject, f: &Finding) -> Option<(usize, usize)> {
    let span = f.span?;
    Some(subject.source.as_ref()?.line_col(span.start))
}

/// Run every subject through a reporter and return the text (tests,
/// snapshots, `diff`). `human` picks the human format, else JSON.
pub fn render(
    rules: &RuleSet,
    evaluator: &crate::engine::Evaluator,
    subjects: &[Subject],
    lang: Lang,
    human: bool,
) -> String {
    let meta = Meta {
        regime: evaluator.resolution.regime.clone(),
        date: evaluator.resolution.date,
        lang,
    };
    let gate = Gate::default();
    let mut out = Vec::new();
    let mut summary = Summary::default();
    {
        let mut reporter: Box<dyn Reporter + '_> = if human {
            Box::new(Human::new(&mut out, rules, meta, gate, false, true))
        } else {
            Box::new(Json::new(&mut out, rules, meta))
        };
        for s in subjects {
            let findings = evaluator.check(s);
            summary.add(&findings, rules, &gate);
            let _ = reporter.subject(s, &findings);
        }
        let _ = reporter.finish(&summary);
    }
    String::from_utf8_lossy(&out).into_owned()
}
