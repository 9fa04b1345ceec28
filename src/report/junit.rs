//! JUnit XML, for CI test views: a `testsuite` per subject, a `testcase`
//! per (subject, rule), written as subjects arrive.
//!
//! | certlex finding                                   | testcase                              |
//! |---------------------------------------------------|---------------------------------------|
//! | blocks the run (fail at or above `--fail-on`, undetermined, needs-evidence) | `<failure type="STATUS">`: message, rule, citations, where |
//! | adverse but allowed (below `--fail-on`, `--allow-undetermined`) | passes, the message in `<system-out>` |
//! | waived                                            | `<skipped>` with the status and the waiver |
//! | not-applicable, not-in-force                      | `<skipped>` with the status            |
//! | pass                                              | passes                                |
//!
//! A suite's `judged_at` property lists the dates the law was applied at
//! (the subject's own date, the check date); a failure names its own and
//! the citations that held then.
//!
//! So the failures are exactly what makes the exit code 1. An input that
//! could not be read is a suite with one `<error>`; files a directory walk
//! skipped, and the waivers (an expired one a `<failure>`), close the report.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Meta, Reporter, Summary};
use crate::config::WaiverState;
use crate::diag::Diag;
use crate::engine::{Finding, RuleSet, Status};
use crate::facts::Subject;
use crate::i18n::Lang;

pub struct JUnit<'a, W: Write> {
    xml: Writer<W>,
    rules: &'a RuleSet,
    meta: Meta,
    skipped: Vec<(String, String)>,
}

/// Text XML 1.0 can hold: control characters (other than tab and line
/// ends), which a certificate's names may contain, become U+FFFD.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
            c => c,
        })
        .collect()
}

impl<'a, W: Write> JUnit<'a, W> {
    /// Write the declaration and open `<testsuites>`.
    pub fn new(out: W, rules: &'a RuleSet, meta: Meta) -> io::Result<Self> {
        let mut xml = Writer::new_with_indent(out, b' ', 2);
        xml.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        xml.write_event(Event::Start(
            BytesStart::new("testsuites").with_attributes([("name", "certlex")]),
        ))?;
        Ok(Self {
            xml,
            rules,
            meta,
            skipped: Vec::new(),
        })
    }

    fn properties(&mut self, props: &[(&str, &str)]) -> io::Result<()> {
        self.xml.create_element("properties").write_inner_content(|w| {
            for (name, value) in props {
                w.create_element("property")
                    .with_attributes([("name", *name), ("value", &clean(value))])
                    .write_empty()?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// What a failure says: the message, the rule, its citations, where.
    fn details(&self, subject: &Subject, f: &Finding) -> (String, String) {
        let lang = self.meta.lang;
        let Some(rule) = self.rules.rules.get(f.rule) else {
            return (String::new(), String::new());
        };
        let cites = super::cites(self.rules, f).join(", ");
        let title = self.rules.title(rule, &self.meta.resolution);
        let title = title.get_or(lang, "");
        let message = f.message.get(lang).unwrap_or(title);
        let mut body = format!(
            "{} ({}): {message}\n{}{}  {}\n{}{cites}\n",
            f.status.name(lang),
            rule.severity.name(lang),
            lang.pick("规则：", "rule: "),
            rule.id,
            title,
            lang.pick("依据：", "cites: "),
        );
        let shown: Vec<&crate::law::Citation> = if f.cites == 0 {
            rule.cites.iter().collect()
        } else {
            f.citations(&rule.cites).collect()
        };
        for c in shown {
            let name = self
                .rules
                .law
                .instrument(&c.instrument)
                .map_or(c.instrument.as_str(), |i| i.title.get_or(lang, &i.id));
            body.push_str(&format!("  {name} {}\n", c.describe(lang)));
        }
        body.push_str(&format!(
            "{}{}\n",
            lang.pick("适用法律的日期：", "law applied as of: "),
            f.judged_at
        ));
        if let Some((line, column)) = super::position(subject, f) {
            body.push_str(&format!(
                "{}{}:{line}:{column}\n",
                lang.pick("位置：", "at: "),
                subject.name
            ));
        } else if let Some(fact) = &f.fact {
            body.push_str(&format!("{}{fact}\n", lang.pick("事实：", "fact: ")));
        }
        (format!("{message} ({cites})"), body)
    }

    fn testcase(&mut self, subject: &Subject, f: &Finding) -> io::Result<()> {
        let lang = self.meta.lang;
        let Some(rule) = self.rules.rules.get(f.rule) else {
            return Ok(());
        };
        let blocks = self.meta.gate.blocks(f, self.rules);
        let (message, body) = self.details(subject, f);
        let case = BytesStart::new("testcase")
            .with_attributes([("name", rule.id.as_str()), ("classname", &clean(&subject.name))]);
        let skip = match (&f.waiver, f.status) {
            (Some(w), _) => Some(match lang {
                Lang::Zh => format!(
                    "已豁免（{}）：{}（批准人：{}，有效期至 {}）",
                    f.status.name(lang),
                    w.reason,
                    w.approver,
                    w.expires
                ),
                Lang::En => format!(
                    "waived ({}): {} (approved by {}, until {})",
                    f.status.name(lang),
                    w.reason,
                    w.approver,
                    w.expires
                ),
            }),
            (None, Status::NotApplicable | Status::NotInForce) => Some(f.status.name(lang).to_string()),
            _ => None,
        };
        let element = |w: &mut Writer<W>| -> io::Result<()> {
            if let Some(why) = &skip {
                w.create_element("skipped")
                    .with_attribute(("message", clean(why).as_str()))
                    .write_empty()?;
            } else if blocks {
                w.create_element("failure")
                    .with_attributes([("message", clean(&message).as_str()), ("type", f.status.word())])
                    .write_text_content(BytesText::new(&clean(&body)))?;
            } else if f.status.is_adverse() {
                w.create_element("system-out")
                    .write_text_content(BytesText::new(&clean(&body)))?;
            }
            Ok(())
        };
        if skip.is_none() && !blocks && !f.status.is_adverse() {
            self.xml.write_event(Event::Empty(case))?;
            return Ok(());
        }
        self.xml.write_event(Event::Start(case.borrow()))?;
        element(&mut self.xml)?;
        self.xml.write_event(Event::End(case.to_end()))?;
        Ok(())
    }
}

impl<W: Write> Reporter for JUnit<'_, W> {
    fn subject(&mut self, s: &Subject, findings: &[Finding]) -> io::Result<()> {
        let failures = findings.iter().filter(|f| self.meta.gate.blocks(f, self.rules)).count();
        let skipped = findings
            .iter()
            .filter(|f| f.waiver.is_some() || matches!(f.status, Status::NotApplicable | Status::NotInForce))
            .count();
        let (tests, failures, skipped) = (findings.len().to_string(), failures.to_string(), skipped.to_string());
        let name = clean(&s.name);
        let suite = BytesStart::new("testsuite").with_attributes([
            ("name", name.as_str()),
            ("tests", &tests),
            ("failures", &failures),
            ("errors", "0"),
            ("skipped", &skipped),
        ]);
        self.xml.write_event(Event::Start(suite.borrow()))?;
        let res = self.meta.resolution.clone();
        let judged: Vec<String> = super::judging_dates(findings).iter().map(ToString::to_string).collect();
        self.properties(&[
            ("kind", s.kind.word()),
            ("regime", &res.regime),
            ("date", &res.date.to_string()),
            ("judged_at", &judged.join(", ")),
        ])?;
        for f in findings {
            self.testcase(s, f)?;
        }
        self.xml.write_event(Event::End(BytesEnd::new("testsuite")))?;
        Ok(())
    }

    fn input_error(&mut self, d: &Diag) -> io::Result<()> {
        let place = d.location().unwrap_or_else(|| d.code.to_string());
        let place = clean(&place);
        self.xml
            .create_element("testsuite")
            .with_attributes([
                ("name", place.as_str()),
                ("tests", "1"),
                ("failures", "0"),
                ("errors", "1"),
                ("skipped", "0"),
            ])
            .write_inner_content(|w| {
                w.create_element("testcase")
                    .with_attributes([("name", d.code), ("classname", place.as_str())])
                    .write_inner_content(|w| {
                        w.create_element("error")
                            .with_attributes([("message", clean(&d.message).as_str()), ("type", d.code)])
                            .write_text_content(BytesText::new(&clean(&d.render_plain())))?;
                        Ok(())
                    })?;
                Ok(())
            })?;
        Ok(())
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        self.skipped.push((clean(path), clean(why)));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.meta.lang;
        if !self.skipped.is_empty() {
            let n = self.skipped.len().to_string();
            let list = std::mem::take(&mut self.skipped);
            self.xml
                .create_element("testsuite")
                .with_attributes([
                    ("name", lang.pick("跳过的文件", "skipped files")),
                    ("tests", &n),
                    ("failures", "0"),
                    ("errors", "0"),
                    ("skipped", &n),
                ])
                .write_inner_content(|w| {
                    for (path, why) in &list {
                        w.create_element("testcase")
                            .with_attributes([("name", path.as_str()), ("classname", "skipped")])
                            .write_inner_content(|w| {
                                w.create_element("skipped")
                                    .with_attribute(("message", why.as_str()))
                                    .write_empty()?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
        }
        if !s.waivers.is_empty() {
            let expired = s.count(WaiverState::Expired).to_string();
            let n = s.waivers.len().to_string();
            self.xml
                .create_element("testsuite")
                .with_attributes([
                    ("name", lang.pick("豁免", "waivers")),
                    ("tests", &n),
                    ("failures", &expired),
                    ("errors", "0"),
                    ("skipped", "0"),
                ])
                .write_inner_content(|w| {
                    for u in &s.waivers {
                        let wv = &u.waiver;
                        let name = clean(&format!("{} {}", wv.rule, wv.subjects));
                        let place = clean(&format!("{}:{}", wv.file, wv.line));
                        let (tag, text) = match (u.state, lang) {
                            (WaiverState::Expired, Lang::Zh) => {
                                ("failure", format!("已于 {} 到期，不再豁免", wv.expires))
                            }
                            (WaiverState::Expired, Lang::En) => (
                                "failure",
                                format!("expired on {}: it waives nothing; renew or remove it", wv.expires),
                            ),
                            (WaiverState::Unused, Lang::Zh) => ("system-out", "没有豁免任何结论".to_string()),
                            (WaiverState::Unused, Lang::En) => ("system-out", "warning: waives no finding".to_string()),
                            (WaiverState::Used, Lang::Zh) => ("system-out", format!("豁免了 {} 项结论", u.findings)),
                            (WaiverState::Used, Lang::En) => {
                                ("system-out", format!("waived {} finding(s)", u.findings))
                            }
                        };
                        w.create_element("testcase")
                            .with_attributes([("name", name.as_str()), ("classname", place.as_str())])
                            .write_inner_content(|w| {
                                let e = w.create_element(tag);
                                let e = if tag == "failure" {
                                    e.with_attributes([("message", text.as_str()), ("type", "expired-waiver")])
                                } else {
                                    e
                                };
                                e.write_text_content(BytesText::new(&clean(&text)))?;
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
        }
        self.xml.write_event(Event::End(BytesEnd::new("testsuites")))?;
        writeln!(self.xml.get_mut())
    }
}
