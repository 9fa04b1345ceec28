//! The JSON report: one document, versioned by `schema` and described by
//! docs/report-schema.json. It is written as subjects arrive (the header,
//! then each subject inside the `subjects` array, then the catalogue of the
//! rules the findings refer to, errors, skipped files, waivers and the
//! summary), so a run over a large corpus does not hold every finding in
//! memory. A subject lists by default only what needs attention (`--findings
//! all` lists every finding) and counts the rest by status; a rule's title
//! and citations are written once, in the catalogue, and findings name
//! their rule by id. [`document`] is the report of one subject on its own.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value as J, json};

use super::{Meta, Reporter, RuleCount, Summary, region};
use crate::config::WaiverUse;
use crate::diag::Diag;
use crate::engine::Waiver;
use crate::engine::{Finding, Rule, RuleSet, Severity, Status};
use crate::facts::Subject;
use crate::facts::certificate::CertIdentity;
use crate::i18n::Text;
use crate::law::{Citation, Resolution};

/// Version of the JSON (and JSON Lines) report's shape: additions keep it,
/// a removal or a change of meaning raises it. 2: findings carry the date
/// they were judged at (`judged_at`) and cite what held then. 3: findings
/// name their rule by id (titles, severities and every citation of a rule
/// in the run's catalogue), subjects list what is not a pass by default and
/// count every status, certificates carry their identity.
pub const SCHEMA_VERSION: u32 = 3;

pub struct Json<'a, W: Write> {
    out: W,
    rules: &'a RuleSet,
    meta: Meta,
    subjects: usize,
    /// The rules a written finding referred to: the catalogue to write.
    referred: Referred,
    errors: Vec<J>,
    skipped: Vec<J>,
}

impl<'a, W: Write> Json<'a, W> {
    /// Write the header and open the `subjects` array (not with `--summary`).
    pub fn new(mut out: W, rules: &'a RuleSet, meta: Meta) -> io::Result<Self> {
        write!(out, "{{")?;
        if let J::Object(head) = run(&meta) {
            for (k, v) in head {
                write!(out, "\n  {}: {},", J::String(k), indented(&v, 2))?;
            }
        }
        if !meta.summary {
            write!(out, "\n  \"subjects\": [")?;
        }
        Ok(Self {
            out,
            referred: Referred::new(rules),
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
    let mut buf = Vec::with_capacity(1024);
    // Writing to a Vec cannot fail, and serde_json writes UTF-8.
    let _ = write_indented(&mut buf, v, by);
    String::from_utf8(buf).unwrap_or_default()
}

/// Write `v` pretty-printed to `out`, its lines after the first indented by
/// `by` spaces: in one pass, without a string to re-indent (the report's
/// hottest path). Pretty JSON has line breaks only between tokens (a line
/// break inside a string is written `\n`), so indenting after each one is
/// exact.
pub(super) fn write_indented<W: Write>(out: &mut W, v: &impl Serialize, by: usize) -> io::Result<()> {
    let mut w = Indent { out, by };
    serde_json::to_writer_pretty(&mut w, v).map_err(io::Error::from)
}

/// `,"k": v` as a member of the report's top level.
fn field<W: Write>(out: &mut W, k: &str, v: &impl Serialize) -> io::Result<()> {
    write!(out, ",\n  \"{k}\": ")?;
    write_indented(out, v, 2)
}

/// A writer that puts `by` spaces after every line break.
struct Indent<'w, W: Write> {
    out: &'w mut W,
    by: usize,
}

impl<W: Write> Write for Indent<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        const SPACES: &[u8] = &[b' '; 64];
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            let (line, after) = rest.split_at(i + 1);
            self.out.write_all(line)?;
            let mut left = self.by;
            while left > 0 {
                let n = left.min(SPACES.len());
                self.out.write_all(SPACES.get(..n).unwrap_or_default())?;
                left -= n;
            }
            rest = after;
        }
        self.out.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// What the report says of the run before any subject.
pub fn run(meta: &Meta) -> J {
    json!({
        "certlex": env!("CARGO_PKG_VERSION"),
        "schema": SCHEMA_VERSION,
        "regime": meta.resolution.regime,
        "date": meta.resolution.date,
        "gate": meta.gate,
        "findings": meta.findings,
    })
}

/// Which rules a report has referred to, so the catalogue names each once.
pub struct Referred(Vec<bool>);

impl Referred {
    pub fn new(rules: &RuleSet) -> Self {
        Self(vec![false; rules.rules.len()])
    }

    /// Note a rule; true the first time.
    pub fn note(&mut self, rule: usize) -> bool {
        match self.0.get_mut(rule) {
            Some(seen) if !*seen => {
                *seen = true;
                true
            }
            _ => false,
        }
    }

    /// The rules noted, in rule-set order.
    pub fn noted(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().filter(|(_, seen)| **seen).map(|(i, _)| i)
    }
}

/// Every citation of a rule, written as in rule files (`ESL 21(1) from
/// 2015-04-24`), for the catalogue.
pub struct Cites<'a>(&'a [Citation]);

impl Serialize for Cites<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(ToString::to_string))
    }
}

/// What a finding cites (see [`super::cites`]), written as in rule files
/// (`ESL 17(4)`), straight into the output.
pub struct Held<'a>(&'a [Citation], &'a Finding);

impl Serialize for Held<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Held(all, f) = *self;
        if f.cites == 0 {
            s.collect_seq(all.iter().map(|c| c.to_string()))
        } else {
            s.collect_seq(f.citations(all).map(|c| c.without_window().to_string()))
        }
    }
}

/// One rule of the catalogue: what every finding of it shares. Its members
/// are in alphabetical order, as in every JSON object of the report.
#[derive(Serialize)]
pub struct RuleOut<'a> {
    applies_to: crate::facts::SubjectKind,
    /// Every provision the rule cites.
    cites: Cites<'a>,
    severity: Severity,
    /// The title, with the parameter values of the check date.
    title: Text,
}

fn rule_out<'a>(rules: &RuleSet, r: &'a Rule, res: &Resolution) -> RuleOut<'a> {
    RuleOut {
        applies_to: r.applies_to,
        cites: Cites(&r.cites),
        severity: r.severity,
        title: rules.title(r, res),
    }
}

/// The catalogue of the given rules: id → title, severity, citations.
pub fn catalogue<'a>(
    rules: &'a RuleSet,
    res: &Resolution,
    which: impl Iterator<Item = usize>,
) -> BTreeMap<&'a str, RuleOut<'a>> {
    which
        .filter_map(|i| rules.rules.get(i))
        .map(|r| (r.id.as_str(), rule_out(rules, r, res)))
        .collect()
}

#[derive(Serialize)]
struct Location {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// One finding as JSON (shared with JSON Lines), serialized from borrowed
/// data; the rule's title and severity are in the catalogue.
#[derive(Serialize)]
pub struct FindingOut<'a> {
    rule: &'a str,
    status: Status,
    /// Whether it makes the run fail under the gate.
    blocking: bool,
    /// The provisions the finding rests on: those that held on `judged_at`.
    #[serde(skip_serializing_if = "Option::is_none")]
    cites: Option<Held<'a>>,
    /// The date the law was applied at.
    judged_at: time::Date,
    #[serde(skip_serializing_if = "Text::is_empty")]
    message: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<Location>,
    #[serde(skip_serializing_if = "Option::is_none")]
    waiver: Option<&'a Waiver>,
}

pub fn finding<'a>(rules: &'a RuleSet, meta: &Meta, subject: &Subject, f: &'a Finding) -> FindingOut<'a> {
    let rule = rules.rules.get(f.rule);
    FindingOut {
        rule: rule.map_or("", |r| r.id.as_str()),
        status: f.status,
        blocking: meta.gate.blocks(f, rules),
        cites: rule.map(|r| Held(&r.cites, f)),
        judged_at: f.judged_at,
        message: &f.message,
        fact: f.fact.as_deref(),
        location: region(subject, f).map(|(start, end)| Location {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }),
        waiver: f.waiver.as_deref(),
    }
}

/// A certificate's identity as JSON.
#[derive(Serialize)]
pub struct IdentityOut {
    subject: String,
    issuer: String,
    serial: String,
    sha256: String,
    not_before: String,
    not_after: String,
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer_sha256: Option<String>,
}

pub fn identity(id: CertIdentity) -> IdentityOut {
    IdentityOut {
        not_before: crate::dates::rfc3339(id.not_before),
        not_after: crate::dates::rfc3339(id.not_after),
        subject: id.subject,
        issuer: id.issuer,
        serial: id.serial_hex,
        sha256: id.fingerprint_sha256,
        key: id.key,
        kind: id.kind,
        issuer_sha256: id.issuer_sha256,
    }
}

/// Findings counted by status, with the statuses' words as keys.
fn counts(statuses: &BTreeMap<Status, usize>) -> serde_json::Map<String, J> {
    statuses
        .iter()
        .map(|(k, v)| (k.word().to_string(), J::from(*v)))
        .collect()
}

/// One subject: its identity (certificates), its counts by status, and the
/// findings `meta.findings` lists.
#[derive(Serialize)]
pub struct SubjectOut<'a> {
    name: &'a str,
    kind: crate::facts::SubjectKind,
    blocking: usize,
    statuses: serde_json::Map<String, J>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identity: Option<IdentityOut>,
    findings: Vec<FindingOut<'a>>,
}

pub fn subject<'a>(rules: &'a RuleSet, meta: &Meta, s: &'a Subject, findings: &'a [Finding]) -> SubjectOut<'a> {
    SubjectOut {
        name: &s.name,
        kind: s.kind,
        blocking: findings.iter().filter(|f| meta.gate.blocks(f, rules)).count(),
        statuses: counts(&super::status_counts(findings)),
        identity: super::identity(s).map(identity),
        findings: findings
            .iter()
            .filter(|f| meta.findings.lists(f))
            .map(|f| finding(rules, meta, s, f))
            .collect(),
    }
}

/// The rules a subject's listed findings refer to.
pub fn listed_rules<'f>(meta: &Meta, findings: &'f [Finding]) -> impl Iterator<Item = usize> + 'f {
    let shown = meta.findings;
    findings.iter().filter(move |f| shown.lists(f)).map(|f| f.rule)
}

/// One rule's counts over the run (`--summary`).
pub fn rule_count(rules: &RuleSet, rule: usize, c: &RuleCount) -> J {
    json!({
        "rule": rules.rules.get(rule).map_or("", |r| r.id.as_str()),
        "statuses": counts(&c.statuses),
        "waived": c.waived,
        "blocking": c.blocking,
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
        "statuses": counts(&s.statuses),
        "waived": s.waived,
        "blocking": s.blocking,
        "conformant": s.conformant(),
        "exit_code": s.exit_code(),
    })
}

/// The whole report of one subject, as a document of its own (the shape of
/// the JSON report, with one subject and the catalogue of its rules).
pub fn document(rules: &RuleSet, meta: &Meta, s: &Subject, findings: &[Finding]) -> J {
    let mut sum = Summary::default();
    sum.add(findings, rules, &meta.gate);
    let mut referred = Referred::new(rules);
    for r in listed_rules(meta, findings) {
        referred.note(r);
    }
    let mut doc = run(meta);
    if let J::Object(o) = &mut doc {
        o.insert("subjects".into(), json!([subject(rules, meta, s, findings)]));
        o.insert(
            "catalogue".into(),
            json!(catalogue(rules, &meta.resolution, referred.noted())),
        );
        o.insert("errors".into(), json!([]));
        o.insert("skipped".into(), json!([]));
        o.insert("waivers".into(), json!([]));
        o.insert("summary".into(), summary(&sum));
    }
    doc
}

impl<W: Write> Reporter for Json<'_, W> {
    fn subject(&mut self, s: &Subject, findings: &[Finding]) -> io::Result<()> {
        if self.meta.summary {
            return Ok(());
        }
        for r in listed_rules(&self.meta, findings) {
            self.referred.note(r);
        }
        let v = subject(self.rules, &self.meta, s, findings);
        let sep = if self.subjects == 0 { "" } else { "," };
        self.subjects += 1;
        write!(self.out, "{sep}\n    ")?;
        write_indented(&mut self.out, &v, 4)
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
        if self.meta.summary {
            let rows: Vec<J> = s.rules.iter().map(|(r, c)| rule_count(self.rules, *r, c)).collect();
            for r in s.rules.keys() {
                self.referred.note(*r);
            }
            write!(self.out, "\n  \"rules\": {}", indented(&rows, 2))?;
        } else {
            let close = if self.subjects == 0 { "]" } else { "\n  ]" };
            write!(self.out, "{close}")?;
        }
        // Each written as it is serialized, without a string to indent.
        let out = &mut self.out;
        let catalogue = catalogue(self.rules, &self.meta.resolution, self.referred.noted());
        field(out, "catalogue", &catalogue)?;
        field(out, "errors", &self.errors)?;
        field(out, "skipped", &self.skipped)?;
        field(out, "waivers", &s.waivers.iter().map(waiver).collect::<Vec<_>>())?;
        field(out, "summary", &summary(s))?;
        writeln!(self.out, "\n}}")
    }
}
