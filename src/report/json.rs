//! The JSON report: one document, one object per subject with its findings,
//! versioned by `schema` and described by docs/report-schema.json. It is
//! written as subjects arrive (the header, then each subject inside the
//! `subjects` array, then errors, skipped files, waivers and the summary),
//! so a run over a large corpus does not hold every finding in memory.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value as J, json};

use super::{Meta, Reporter, Summary, region};
use crate::config::WaiverUse;
use crate::diag::Diag;
use crate::engine::Waiver;
use crate::engine::{Finding, RuleSet, Severity, Status};
use crate::facts::Subject;
use crate::i18n::Text;
use crate::law::Resolution;

/// Version of the JSON (and JSON Lines) report's shape: additions keep it,
/// a removal or a change of meaning raises it.
pub const SCHEMA_VERSION: u32 = 2;

pub struct Json<'a, W: Write> {
    out: W,
    rules: &'a RuleSet,
    meta: Meta,
    subjects: usize,
    errors: Vec<J>,
    skipped: Vec<J>,
}

impl<'a, W: Write> Json<'a, W> {
    /// Write the header and open the `subjects` array.
    pub fn new(mut out: W, rules: &'a RuleSet, meta: Meta) -> io::Result<Self> {
        write!(out, "{{")?;
        if let J::Object(head) = run(&meta) {
            for (k, v) in head {
                write!(out, "\n  {}: {},", J::String(k), indented(&v, 2))?;
            }
        }
        write!(out, "\n  \"subjects\": [")?;
        Ok(Self {
            out,
            rules,
            meta,
            subjects: 0,
            errors: Vec::new(),
            skipped: Vec::new(),
        })
    }
}

/// `v` pretty-printed, its lines after the first indented by `by` spaces,
/// to sit inside the streamed document.
pub(super) fn indented(v: &impl Serialize, by: usize) -> String {
    let text = serde_json::to_string_pretty(v).unwrap_or_default();
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}

/// What the report says of the run before any subject.
pub fn run(meta: &Meta) -> J {
    json!({
        "certlex": env!("CARGO_PKG_VERSION"),
        "schema": SCHEMA_VERSION,
        "regime": meta.resolution.regime,
        "date": meta.resolution.date,
        "gate": meta.gate,
    })
}

/// What a finding cites (see [`super::cites`]), written as in rule files
/// (`ESL 17(4)`), straight into the output.
struct Cites<'a>(&'a [crate::law::Citation], &'a Finding);

impl Serialize for Cites<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Cites(all, f) = *self;
        if f.cites == 0 {
            s.collect_seq(all.iter().map(|c| c.to_string()))
        } else {
            s.collect_seq(f.citations(all).map(|c| c.without_window().to_string()))
        }
    }
}

#[derive(Serialize)]
struct Location {
    column: usize,
    end_column: usize,
    end_line: usize,
    line: usize,
}

/// One finding as JSON (shared with JSON Lines). Serialized from borrowed
/// data, fields in alphabetical order (the order of the document's objects).
#[derive(Serialize)]
pub struct FindingOut<'a> {
    cites: Option<Cites<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    judged_at: time::Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
    #[serde(skip_serializing_if = "Text::is_empty")]
    message: &'a Text,
    rule: Option<&'a str>,
    severity: Option<Severity>,
    status: Status,
    title: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiver: Option<&'a Waiver>,
}

pub fn finding<'a>(rules: &'a RuleSet, res: &Resolution, subject: &Subject, f: &'a Finding) -> FindingOut<'a> {
    let rule = rules.rules.get(f.rule);
    FindingOut {
        cites: rule.map(|r| Cites(&r.cites, f)),
        fact: f.fact.as_deref(),
        judged_at: f.judged_at,
        location: region(subject, f).map(|(start, end)| Location {
            column: start.column,
            end_column: end.column,
            end_line: end.line,
            line: start.line,
        }),
        message: &f.message,
        rule: rule.map(|r| r.id.as_str()),
        severity: rule.map(|r| r.severity),
        status: f.status,
        title: rule.map(|r| rules.title(r, res)),
        waiver: f.waiver.as_deref(),
    }
}

/// One subject with its findings.
#[derive(Serialize)]
pub struct SubjectOut<'a> {
    blocking: usize,
    findings: Vec<FindingOut<'a>>,
    kind: crate::facts::SubjectKind,
    name: &'a str,
}

pub fn subject<'a>(rules: &'a RuleSet, meta: &Meta, s: &'a Subject, findings: &'a [Finding]) -> SubjectOut<'a> {
    SubjectOut {
        blocking: findings.iter().filter(|f| meta.gate.blocks(f, rules)).count(),
        findings: findings
            .iter()
            .map(|f| finding(rules, &meta.resolution, s, f))
            .collect(),
        kind: s.kind,
        name: &s.name,
    }
}

pub fn error(d: &Diag) -> J {
    json!({ "code": d.code, "message": d.message, "help": d.help, "location": d.location() })
}

pub fn skipped(path: &str, why: &str) -> J {
    json!({ "path": path, "reason": why })
}

pub fn waiver(u: &WaiverUse) -> J {
    json!(u)
}

pub fn summary(s: &Summary) -> J {
    json!({
        "subjects": s.subjects,
        "input_errors": s.input_errors,
        "skipped": s.skipped,
        "statuses": s.statuses.iter().map(|(k, v)| (k.word().to_string(), J::from(*v))).collect::<serde_json::Map<_, _>>(),
        "waived": s.waived,
        "blocking": s.blocking,
        "conformant": s.conformant(),
        "exit_code": s.exit_code(),
    })
}

impl<W: Write> Reporter for Json<'_, W> {
    fn subject(&mut self, s: &Subject, findings: &[Finding]) -> io::Result<()> {
        let v = subject(self.rules, &self.meta, s, findings);
        let sep = if self.subjects == 0 { "" } else { "," };
        self.subjects += 1;
        write!(self.out, "{sep}\n    {}", indented(&v, 4))
    }

    fn input_error(&mut self, diag: &Diag) -> io::Result<()> {
        self.errors.push(error(diag));
        Ok(())
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        self.skipped.push(skipped(path, why));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let close = if self.subjects == 0 { "]" } else { "\n  ]" };
        write!(self.out, "{close}")?;
        let tail = [
            ("errors", J::Array(std::mem::take(&mut self.errors))),
            ("skipped", J::Array(std::mem::take(&mut self.skipped))),
            ("waivers", J::Array(s.waivers.iter().map(waiver).collect())),
            ("summary", summary(s)),
        ];
        for (k, v) in tail {
            write!(self.out, ",\n  \"{k}\": {}", indented(&v, 2))?;
        }
        writeln!(self.out, "\n}}")
    }
}
