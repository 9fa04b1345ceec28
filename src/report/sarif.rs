//! SARIF 2.1.0, for code scanning. One `rule` per certlex rule, with its
//! citations and the text of the cited provisions (Chinese and English) as
//! help; one `result` per finding that is not a pass (every finding with
//! `--verbose`), streamed as subjects arrive.
//!
//! Statuses map to SARIF's `kind` (§3.27.9) and `level` (§3.27.10, which
//! must be `none` for any kind but `fail`):
//!
//! | certlex         | kind            | level                        |
//! |-----------------|-----------------|------------------------------|
//! | fail            | `fail`          | the rule's severity: `error`, `warning`, `note` |
//! | undetermined    | `open`          | `none` (the tool could not tell)  |
//! | needs-evidence  | `review`        | `none` (a person must judge)      |
//! | pass            | `pass`          | `none` (`--verbose` only)         |
//! | not-applicable, not-in-force | `notApplicable` | `none` (`--verbose` only) |
//!
//! A result's citations are those that hold on its judging date (its
//! `judgedAt` property: the subject's own date or the check date), numbered
//! as they were then; a rule's descriptor lists every citation, with the
//! wording in force on the check date as help.
//!
//! A waived finding keeps its kind and level and carries a `suppression`
//! (kind `external`, status `accepted`, the reason as justification). Every
//! result says in `properties` its certlex status and whether it blocks the
//! run. YAML and Markdown findings have a region (line and column, counted
//! in Unicode code points); a certificate has no text to point into, so its
//! results name the file and, as a logical location, the fact.

use std::io::{self, Write};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value as J, json};
use sha2::{Digest, Sha256};

use super::json::indented;
use super::{Meta, Reporter, Summary, region};
use crate::config::{WaiverState, WaiverUse};
use crate::diag::Diag;
use crate::engine::{Finding, RuleSet, Severity, Status};
use crate::facts::Subject;
use crate::i18n::Lang;

const SCHEMA: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

pub struct Sarif<'a, W: Write> {
    out: W,
    rules: &'a RuleSet,
    meta: Meta,
    results: usize,
    notifications: Vec<J>,
}

impl<'a, W: Write> Sarif<'a, W> {
    /// Write the log up to the opening of the run's `results`.
    pub fn new(mut out: W, rules: &'a RuleSet, meta: Meta) -> io::Result<Self> {
        let driver = json!({
            "name": "certlex",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules.rules.iter().map(|r| descriptor(rules, r, &meta)).collect::<Vec<_>>(),
        });
        let res = &meta.resolution;
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {{\n        \"driver\": {}\n      }},",
            indented(&driver, 8)
        )?;
        let props = json!({ "regime": res.regime, "date": res.date, "gate": meta.gate });
        write!(
            out,
            "\n      \"language\": \"{}\",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"properties\": {},\n      \"results\": [",
            meta.lang.pick("zh-CN", "en"),
            indented(&props, 6)
        )?;
        Ok(Self {
            out,
            rules,
            meta,
            results: 0,
            notifications: Vec::new(),
        })
    }

    fn result(&self, s: &Subject, f: &Finding) -> Option<J> {
        let rule = self.rules.rules.get(f.rule)?;
        if !(self.meta.verbose || f.status.is_adverse() || f.waiver.is_some()) {
            return None;
        }
        let lang = self.meta.lang;
        let (kind, level) = match f.status {
            Status::Fail => ("fail", level(rule.severity)),
            Status::Undetermined => ("open", "none"),
            Status::NeedsEvidence => ("review", "none"),
            Status::Pass => ("pass", "none"),
            Status::NotApplicable | Status::NotInForce => ("notApplicable", "none"),
        };
        let cites = super::cites(self.rules, f).join(", ");
        let title = self.rules.title(rule, &self.meta.resolution);
        let text = f.message.get(lang).or_else(|| title.get(lang)).unwrap_or(&rule.id);
        let mut physical = json!({ "artifactLocation": { "uri": uri(s.file()) } });
        if let Some((a, b)) = region(s, f) {
            set(
                &mut physical,
                "region",
                json!({
                    "startLine": a.line, "startColumn": a.column, "endLine": b.line, "endColumn": b.column,
                }),
            );
        }
        let mut location = json!({ "physicalLocation": physical });
        if let Some(fact) = &f.fact {
            set(
                &mut location,
                "logicalLocations",
                json!([{
                    "name": fact,
                    "fullyQualifiedName": format!("{}/{fact}", s.name),
                    "kind": "member",
                }]),
            );
        }
        let fingerprint = Sha256::digest(format!("{}\0{}\0{}", rule.id, s.name, f.fact.as_deref().unwrap_or("")));
        let mut r = json!({
            "ruleId": rule.id,
            "ruleIndex": f.rule,
            "kind": kind,
            "level": level,
            "message": { "text": format!("{} ({cites}): {text}", f.status.name(lang)) },
            "locations": [location],
            "partialFingerprints": { "certlexFinding/v1": hex(&fingerprint) },
            "properties": {
                "status": f.status,
                "severity": rule.severity,
                "subject": s.name,
                "subjectKind": s.kind,
                "citations": super::cites(self.rules, f),
                "judgedAt": f.judged_at,
                "blocking": self.meta.gate.blocks(f, self.rules),
            },
        });
        if let Some(w) = &f.waiver {
            set(
                &mut r,
                "suppressions",
                json!([{
                    "kind": "external",
                    "status": "accepted",
                    "justification": w.reason,
                    "location": config_location(&w.file, w.line),
                    "properties": { "approver": w.approver, "expires": w.expires },
                }]),
            );
        }
        Some(r)
    }
}

/// A rule as a SARIF reporting descriptor.
fn descriptor(rules: &RuleSet, r: &crate::engine::Rule, meta: &Meta) -> J {
    let lang = meta.lang;
    let cites: Vec<String> = r.cites.iter().map(ToString::to_string).collect();
    let described: Vec<String> = r
        .cites
        .iter()
        .map(|c| {
            let inst = rules.law.instrument(&c.instrument);
            let name = |l: Lang| inst.map_or(c.instrument.as_str(), |i| i.title.get_or(l, &i.id));
            format!(
                "{}{} / {}, {}",
                name(Lang::Zh),
                c.describe(Lang::Zh),
                name(Lang::En),
                c.describe(Lang::En)
            )
        })
        .collect();
    let help: String = r
        .cites
        .iter()
        .map(|c| crate::law::text::provision(&rules.law, c, &meta.resolution))
        .collect();
    let titles = rules.title(r, &meta.resolution);
    let title = titles.get_or(lang, &r.id);
    json!({
        "id": r.id,
        "shortDescription": { "text": title },
        "fullDescription": { "text": format!("{title} ({})", described.join("; ")) },
        "help": { "text": help.trim_end() },
        "defaultConfiguration": { "level": level(r.severity) },
        "properties": {
            "severity": r.severity,
            "citations": cites,
            "appliesTo": r.applies_to,
            "title": titles,
            "tags": ["certlex", r.applies_to.word()],
        },
    })
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Notice => "note",
    }
}

/// A relative path as a URI reference: `/` kept, anything but unreserved
/// characters percent-encoded (spaces, Chinese file names).
fn uri(path: &str) -> String {
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    utf8_percent_encode(&path.replace('\\', "/"), KEEP).to_string()
}

/// Add a member to a JSON object.
fn set(v: &mut J, key: &str, value: J) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.into(), value);
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn config_location(file: &str, line: usize) -> J {
    json!({ "physicalLocation": { "artifactLocation": { "uri": uri(file) }, "region": { "startLine": line } } })
}

fn waiver_notification(u: &WaiverUse) -> Option<J> {
    let w = &u.waiver;
    let (level, id, text) = match u.state {
        WaiverState::Used => return None,
        WaiverState::Expired => (
            "error",
            "certlex::waiver::expired",
            format!(
                "the waiver of `{}` for `{}` expired on {}: it waives nothing; renew or remove it",
                w.rule, w.subjects, w.expires
            ),
        ),
        WaiverState::Unused => (
            "warning",
            "certlex::waiver::unused",
            format!("the waiver of `{}` for `{}` waives no finding", w.rule, w.subjects),
        ),
    };
    Some(json!({
        "level": level,
        "descriptor": { "id": id },
        "message": { "text": text },
        "locations": [config_location(&w.file, w.line)],
    }))
}

impl<W: Write> Reporter for Sarif<'_, W> {
    fn subject(&mut self, s: &Subject, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            let Some(r) = self.result(s, f) else { continue };
            let sep = if self.results == 0 { "" } else { "," };
            self.results += 1;
            write!(self.out, "{sep}\n        {}", indented(&r, 8))?;
        }
        Ok(())
    }

    fn input_error(&mut self, d: &Diag) -> io::Result<()> {
        let text = match &d.help {
            Some(h) => format!("{} ({h})", d.message),
            None => d.message.clone(),
        };
        let mut n = json!({ "level": "error", "descriptor": { "id": d.code }, "message": { "text": text } });
        if let Some(file) = &d.file {
            let mut physical = json!({ "artifactLocation": { "uri": uri(&file.name) } });
            if let Some((span, _)) = d.labels.first() {
                let (line, column) = file.line_col(span.start);
                set(
                    &mut physical,
                    "region",
                    json!({ "startLine": line, "startColumn": column }),
                );
            }
            set(&mut n, "locations", json!([{ "physicalLocation": physical }]));
        }
        self.notifications.push(n);
        Ok(())
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        self.notifications.push(json!({
            "level": "note",
            "descriptor": { "id": "certlex::input::skipped" },
            "message": { "text": format!("{path}: skipped, {why}") },
            "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(path) } } }],
        }));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let close = if self.results == 0 { "]" } else { "\n      ]" };
        let invocation = json!({
            "executionSuccessful": s.input_errors == 0,
            "exitCode": s.exit_code(),
            "toolExecutionNotifications": std::mem::take(&mut self.notifications),
            "toolConfigurationNotifications": s.waivers.iter().filter_map(waiver_notification).collect::<Vec<_>>(),
            "properties": super::json::summary(s),
        });
        writeln!(
            self.out,
            "{close},\n      \"invocations\": [\n        {}\n      ]\n    }}\n  ]\n}}",
            indented(&invocation, 8)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("corpus/a b/证书.pem"), "corpus/a%20b/%E8%AF%81%E4%B9%A6.pem");
        assert_eq!(uri("./x-y_z.pem"), "./x-y_z.pem");
    }
}
