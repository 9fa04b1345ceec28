//! The JSON report: one document, one object per subject with its findings,
//! versioned by `schema` and described by docs/report-schema.json. It is
//! written as subjects arrive (the header, then each subject inside the
//! `subjects` array, then errors, skipped files, waivers and the summary),
//! so a run over a large corpus does not hold every finding in memory.

use std::io::{self, Write};

use serde_json::{Value as J, json};

use super::{Meta, Reporter, Summary, region};
use crate::config::WaiverUse;
use crate::diag::Diag;
use crate::engine::{Finding, RuleSet};
use crate::facts::Subject;

/// Version of the JSON (and JSON Lines) report's shape: additions keep it,
/// a removal or a change of meaning raises it.
pub const SCHEMA_VERSION: u32 = 1;

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
pub(super) fn indented(v: &J, by: usize) -> String {
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

/// One finding as JSON (shared with JSON Lines).
pub fn finding(rules: &RuleSet, subject: &Subject, f: &Finding) -> J {
    let rule = rules.rules.get(f.rule);
    let mut o = serde_json::Map::new();
    let base = json!({
        "rule": rule.map(|r| r.id.as_str()),
        "status": f.status,
        "severity": rule.map(|r| r.severity),
        "cites": super::cites(rules, f),
        "title": rule.map(|r| &r.title),
    });
    if let J::Object(m) = base {
        o.extend(m);
    }
    if !f.message.is_empty() {
        o.insert("message".into(), json!(f.message));
    }
    if let Some(fact) = &f.fact {
        o.insert("fact".into(), json!(fact));
    }
    if let Some((start, end)) = region(subject, f) {
        o.insert(
            "location".into(),
            json!({ "line": start.line, "column": start.column, "end_line": end.line, "end_column": end.column }),
        );
    }
    if let Some(w) = &f.waiver {
        o.insert("waiver".into(), json!(w));
    }
    J::Object(o)
}

/// One subject with its findings.
pub fn subject(rules: &RuleSet, meta: &Meta, s: &Subject, findings: &[Finding]) -> J {
    json!({
        "name": s.name,
        "kind": s.kind,
        "blocking": findings.iter().filter(|f| meta.gate.blocks(f, rules)).count(),
        "findings": findings.iter().map(|f| finding(rules, s, f)).collect::<Vec<_>>(),
    })
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
