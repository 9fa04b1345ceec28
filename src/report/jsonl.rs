//! JSON Lines: one complete JSON object per line, written as it happens, for
//! corpora too large to read as one document. Each line has a `type`: `run`
//! first; then `subject`, `error` and `skipped` lines in input order, each
//! subject line preceded by a `catalogue` line with the rules it refers to
//! that no earlier line gave (titles and citations once per run); with
//! `--summary`, a `rule` line per rule instead of subject lines; then a
//! `waiver` line per configured waiver and a closing `summary` line. The
//! objects are those of the JSON report (docs/report-schema.json, `$defs/line`).

use std::io::{self, Write};

use serde_json::{Value as J, json};

use super::json::{Referred, catalogue, error, listed_rules, rule_count, run, skipped, subject, summary, waiver};
use super::{Meta, Reporter, Summary};
use crate::diag::Diag;
use crate::engine::{Finding, RuleSet};
use crate::facts::Subject;

pub struct JsonLines<'a, W: Write> {
    out: W,
    rules: &'a RuleSet,
    meta: Meta,
    referred: Referred,
}

impl<'a, W: Write> JsonLines<'a, W> {
    /// Write the `run` line.
    pub fn new(out: W, rules: &'a RuleSet, meta: Meta) -> io::Result<Self> {
        let mut me = Self {
            out,
            referred: Referred::new(rules),
            rules,
            meta,
        };
        let head = run(&me.meta);
        me.line("run", head)?;
        Ok(me)
    }

    /// Write `v` as one line, its `type` first so a reader can dispatch early.
    fn line(&mut self, kind: &str, v: impl serde::Serialize) -> io::Result<()> {
        let rest = serde_json::to_string(&v)?;
        let fields = rest.strip_prefix('{').unwrap_or("}");
        let sep = if fields == "}" { "" } else { "," };
        writeln!(self.out, "{{\"type\":{}{sep}{fields}", J::from(kind))
    }

    /// A `catalogue` line with those of `rules` no earlier line gave.
    fn catalogue(&mut self, rules: impl Iterator<Item = usize>) -> io::Result<()> {
        let new: Vec<usize> = rules.filter(|r| self.referred.note(*r)).collect();
        if new.is_empty() {
            return Ok(());
        }
        let c = json!({ "rules": catalogue(self.rules, &self.meta.resolution, new.into_iter()) });
        self.line("catalogue", c)
    }
}

impl<W: Write> Reporter for JsonLines<'_, W> {
    fn subject(&mut self, s: &Subject, findings: &[Finding]) -> io::Result<()> {
        if self.meta.summary {
            return Ok(());
        }
        self.catalogue(listed_rules(&self.meta, findings))?;
        let v = subject(self.rules, &self.meta, s, findings);
        self.line("subject", v)
    }

    fn input_error(&mut self, diag: &Diag) -> io::Result<()> {
        self.line("error", error(diag))
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        self.line("skipped", skipped(path, why))
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if self.meta.summary {
            self.catalogue(s.rules.keys().copied())?;
            for (r, c) in &s.rules {
                self.line("rule", rule_count(self.rules, *r, c))?;
            }
        }
        for w in &s.waivers {
            self.line("waiver", waiver(w))?;
        }
        self.line("summary", summary(s))
    }
}
