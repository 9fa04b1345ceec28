//! The JSON report: one document, one object per subject with its findings.
//! Its shape is versioned by `schema`; see docs/report-schema.json.

use std::io::{self, Write};

use serde_json::{Value as J, json};

use super::{Meta, Reporter, Summary, position};
use crate::diag::Diag;
use crate::engine::{Finding, RuleSet};
use crate::facts::Subject;

/// Version of the JSON report's shape.
pub const SCHEMA_VERSION: u32 = 1;

pub struct Json<'a, W: Write> {
    pub out: W,
    pub rules: &'a RuleSet,
    pub meta: Meta,
    subjects: Vec<J>,
    errors: Vec<J>,
    skipped: Vec<J>,
}

impl<'a, W: Write> Json<'a, W> {
    pub fn new(out: W, rules: &'a RuleSet, meta: Meta) -> Self {
        Self {
            out,
            rules,
            meta,
            subjects: Vec::new(),
            errors: Vec::new(),
            skipped: Vec::new(),
        }
    }
}

/// One finding as JSON (shared with the other machine formats).
pub fn finding(rules: &RuleSet, subject: &Subject, f: &Finding) -> J {
    let rule = rules.rules.get(f.rule);
    let mut o = serde_json::Map::new();
    let base = json!({
        "rule": rule.map(|r| r.id.as_str()),
        "status": f.status,
        "severity": rule.map(|r| r.severity),
        "cites": rule.map(|r| r.cites.iter().map(ToString::to_string).collect::<Vec<_>>()),
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
    if let Some((line, column)) = position(subject, f) {
        o.insert("location".into(), json!({ "line": line, "column": column }));
    }
    J::Object(o)
}

pub fn error(d: &Diag) -> J {
    json!({ "code": d.code, "message": d.message, "help": d.help, "location": d.location() })
}

impl<W: Write> Reporter for Json<'_, W> {
    fn subject(&mut self, subject: &Subject, findings: &[Finding]) -> io::Result<()> {
        let findings: Vec<J> = findings.iter().map(|f| finding(self.rules, subject, f)).collect();
        self.subjects.push(json!({
            "name": subject.name,
            "kind": subject.kind,
            "findings": findings,
        }));
        Ok(())
    }

    fn input_error(&mut self, diag: &Diag) -> io::Result<()> {
        self.errors.push(error(diag));
        Ok(())
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        self.skipped.push(json!({ "path": path, "reason": why }));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let doc = json!({
            "certlex": env!("CARGO_PKG_VERSION"),
            "schema": SCHEMA_VERSION,
            "regime": self.meta.regime,
            "date": self.meta.date,
            "subjects": std::mem::take(&mut self.subjects),
            "errors": std::mem::take(&mut self.errors),
            "skipped": std::mem::take(&mut self.skipped),
            "summary": {
                "subjects": s.subjects,
                "input_errors": s.input_errors,
                "skipped": s.skipped,
                "statuses": s.statuses.iter().map(|(k, v)| (k.word().to_string(), J::from(*v))).collect::<serde_json::Map<_, _>>(),
                "blocking": s.blocking,
                "conformant": s.conformant(),
            },
        });
        serde_json::to_writer_pretty(&mut self.out, &doc)?;
        writeln!(self.out)
    }
}
