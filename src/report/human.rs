//! The report people read: per subject, what failed and why, with the
//! provision that requires it; then one summary line.

use std::io::{self, Write};

use super::{Gate, Meta, Reporter, Summary};
use crate::diag::{Diag, Level};
use crate::engine::{Finding, RuleSet, Status};
use crate::facts::Subject;
use crate::i18n::Lang;

pub struct Human<'a, W: Write> {
    pub out: W,
    pub rules: &'a RuleSet,
    pub meta: Meta,
    pub gate: Gate,
    pub colour: bool,
    /// Show every finding, passes included.
    pub verbose: bool,
    skipped: Vec<String>,
}

impl<'a, W: Write> Human<'a, W> {
    pub fn new(out: W, rules: &'a RuleSet, meta: Meta, gate: Gate, colour: bool, verbose: bool) -> Self {
        Self {
            out,
            rules,
            meta,
            gate,
            colour,
            verbose,
            skipped: Vec::new(),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn mark(&self, s: Status) -> String {
        match s {
            Status::Pass => self.paint("32", "✓"),
            Status::Fail => self.paint("31", "✗"),
            Status::Undetermined | Status::NeedsEvidence => self.paint("33", "?"),
            Status::NotApplicable | Status::NotInForce => self.paint("2", "-"),
        }
    }
}

impl<W: Write> Reporter for Human<'_, W> {
    fn subject(&mut self, subject: &Subject, findings: &[Finding]) -> io::Result<()> {
        let lang = self.meta.lang;
        writeln!(
            self.out,
            "{} {}",
            self.paint("1", subject.kind.name(lang)),
            subject.name
        )?;
        let mut quiet: Vec<(Status, usize)> = Vec::new();
        for f in findings {
            let Some(rule) = self.rules.rules.get(f.rule) else {
                continue;
            };
            let shown = self.verbose || f.status.is_adverse();
            if !shown {
                match quiet.iter_mut().find(|(s, _)| *s == f.status) {
                    Some((_, n)) => *n += 1,
                    None => quiet.push((f.status, 1)),
                }
                continue;
            }
            let cites = rule
                .cites
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let severity = if f.status == Status::Fail {
                rule.severity.name(lang)
            } else {
                ""
            };
            writeln!(
                self.out,
                "  {} {:<12} {:<8} {}  [{}]  {}",
                self.mark(f.status),
                f.status.name(lang),
                severity,
                self.paint("1", &rule.id),
                cites,
                rule.title.get_or(lang, "")
            )?;
            if let Some(m) = f.message.get(lang) {
                match (subject.source.as_ref(), f.span) {
                    // Text subjects: the lines an adverse finding is about, as miette draws them.
                    (Some(file), Some(span)) if f.status.is_adverse() => {
                        let level = if f.status == Status::Fail {
                            Level::Error
                        } else {
                            Level::Warning
                        };
                        let d = Diag {
                            level,
                            ..Diag::error("", m)
                        }
                        .in_file(file)
                        .label(span, f.fact.clone().unwrap_or_default());
                        let drawn = crate::diag::render(&d, self.colour);
                        for line in drawn.lines().filter(|l| !l.trim().is_empty()) {
                            writeln!(self.out, "    {line}")?;
                        }
                    }
                    (Some(file), Some(span)) => {
                        let (l, c) = file.line_col(span.start);
                        writeln!(self.out, "      {m} ({}:{l}:{c})", file.name)?;
                    }
                    _ => {
                        let at = f.fact.as_ref().map_or_else(String::new, |fact| format!(" ({fact})"));
                        writeln!(self.out, "      {m}{at}")?;
                    }
                }
            }
        }
        if !quiet.is_empty() {
            quiet.sort();
            let parts: Vec<String> = quiet.iter().map(|(s, n)| format!("{n} {}", s.name(lang))).collect();
            writeln!(self.out, "  {} {}", self.mark(Status::Pass), parts.join(", "))?;
        }
        Ok(())
    }

    fn input_error(&mut self, diag: &Diag) -> io::Result<()> {
        write!(self.out, "{}", crate::diag::render(diag, self.colour))?;
        Ok(())
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        self.skipped.push(format!("{path} ({why})"));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.meta.lang;
        if !self.skipped.is_empty() {
            let label = lang.pick("跳过的文件", "skipped files");
            writeln!(self.out, "{label}: {}", self.skipped.join("; "))?;
        }
        let statuses: Vec<String> = s
            .statuses
            .iter()
            .map(|(st, n)| format!("{n} {}", st.name(lang)))
            .collect();
        let verdict = if s.conformant() {
            self.paint("32", lang.pick("符合", "conformant"))
        } else {
            self.paint("31", lang.pick("不符合", "not conformant"))
        };
        let (subjects, errors) = match lang {
            Lang::Zh => (
                format!("{} 个对象", s.subjects),
                format!("{} 个输入错误", s.input_errors),
            ),
            Lang::En => (
                format!("{} subjects", s.subjects),
                format!("{} input errors", s.input_errors),
            ),
        };
        let regime = match lang {
            Lang::Zh => format!("法律状态 {}，日期 {}", self.meta.regime, self.meta.date),
            Lang::En => format!("regime {}, {}", self.meta.regime, self.meta.date),
        };
        let gate = match lang {
            Lang::Zh => format!("{} 项不符合（门槛：{}）", s.blocking, self.gate.fail_on.name(lang)),
            Lang::En => format!("{} blocking at --fail-on {}", s.blocking, self.gate.fail_on.word()),
        };
        writeln!(
            self.out,
            "\n{verdict}: {subjects}, {errors}; {}; {gate} ({regime})",
            statuses.join(", ")
        )?;
        Ok(())
    }
}
