//! The report people read: per subject (a certificate named by its subject
//! name and fingerprint; with the date its law was applied at, where that
//! is its own date), the findings grouped under the article they cite (its
//! heading in the chosen language), each with the citations that held on
//! its date; what is not a pass in full, with where (the fact, or the lines
//! of a YAML or Markdown source as miette draws them); the passes counted;
//! then one summary line. With `--summary`, counts per rule instead of
//! subjects.
//!
//! A reason given for several findings (an issuer certificate that was not
//! given makes five rules undetermined on every certificate) is written
//! once, at its first finding, as a numbered note `[1]`; later findings
//! refer to the number, and the end of the report counts each repeated
//! reason ("43 certificates (215 findings): …"). Input errors are not part
//! of the report: `check` writes them to standard error.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use super::{Meta, Reporter, Summary};
use crate::config::WaiverState;
use crate::diag::{Diag, Level};
use crate::engine::Waiver;
use crate::engine::{Finding, RuleSet, Status};
use crate::facts::{Subject, SubjectKind};
use crate::i18n::{Lang, pad};
use crate::law::{Citation, Law, Resolution, Target};

/// Most distinct reasons numbered in one report; past it, reasons are
/// written in full at each finding (memory stays bounded on any corpus).
const MAX_REASONS: usize = 1000;

/// A reason several findings give, numbered at its first.
struct Reason {
    number: usize,
    text: String,
    findings: usize,
    /// Subjects that gave it, by kind.
    subjects: BTreeMap<SubjectKind, usize>,
    /// The subject (its position in the report) that gave it last.
    last: usize,
}

pub struct Human<'a, W: Write> {
    out: W,
    rules: &'a RuleSet,
    meta: Meta,
    /// For each rule, the position of its group in `groups`.
    group_of: Vec<usize>,
    /// Article headers in statute order (instrument, then article).
    groups: Vec<String>,
    skipped: Vec<String>,
    subjects: usize,
    /// Reasons of undetermined and needs-evidence findings, by their text.
    reasons: HashMap<String, Reason>,
}

/// Where a rule sits in the statute: (instrument position, chapter or
/// article or section, number, a section's parts in number order).
type Place = (usize, u8, u32, Vec<(u32, String)>);

impl<'a, W: Write> Human<'a, W> {
    pub fn new(out: W, rules: &'a RuleSet, meta: Meta) -> Self {
        let law = &rules.law;
        let places: Vec<(Place, String)> = rules
            .rules
            .iter()
            .map(|r| {
                let c = primary(law, &r.cites, &meta.resolution);
                c.map_or(((usize::MAX, 0, 0, Vec::new()), String::new()), |c| {
                    (place(law, c), header(law, c, meta.lang))
                })
            })
            .collect();
        let ordered: BTreeMap<&Place, &String> = places.iter().map(|(p, h)| (p, h)).collect();
        let index: BTreeMap<&Place, usize> = ordered.keys().enumerate().map(|(i, p)| (*p, i)).collect();
        Self {
            group_of: places.iter().map(|(p, _)| index.get(p).copied().unwrap_or(0)).collect(),
            groups: ordered.into_values().cloned().collect(),
            out,
            rules,
            meta,
            skipped: Vec::new(),
            subjects: 0,
            reasons: HashMap::new(),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.meta.colour {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn mark(&self, f: &Finding) -> String {
        if f.waiver.is_some() {
            return self.paint("36", "~");
        }
        match f.status {
            Status::Pass => self.paint("32", "✓"),
            Status::Fail => self.paint("31", "✗"),
            Status::Undetermined | Status::NeedsEvidence => self.paint("33", "?"),
            Status::NotApplicable | Status::NotInForce => self.paint("2", "-"),
        }
    }

    /// The numbered reason of an undetermined or needs-evidence finding that
    /// no line of its source shows: its number, and its text if this is the
    /// first time it is given. `None` when the finding is written in full.
    fn note(&mut self, subject: &Subject, f: &Finding) -> Option<(usize, Option<String>)> {
        let lang = self.meta.lang;
        let located = subject.source.is_some() && f.span.is_some();
        let text = match f.status {
            Status::Undetermined if !located => {
                crate::engine::undetermined_reason(f, lang).or_else(|| f.message.get(lang))?
            }
            Status::NeedsEvidence if !located => f.message.get(lang)?,
            _ => return None,
        };
        let next = self.reasons.len() + 1;
        let position = self.subjects;
        if let Some(r) = self.reasons.get_mut(text) {
            r.findings += 1;
            if r.last != position {
                r.last = position;
                *r.subjects.entry(subject.kind).or_default() += 1;
            }
            return Some((r.number, None));
        }
        if self.reasons.len() >= MAX_REASONS {
            return None;
        }
        self.reasons.insert(
            text.to_string(),
            Reason {
                number: next,
                text: text.to_string(),
                findings: 1,
                subjects: BTreeMap::from([(subject.kind, 1)]),
                last: position,
            },
        );
        Some((next, Some(text.to_string())))
    }

    /// The header of a subject: its kind and name, a certificate's subject
    /// name and fingerprint, and the verdict.
    /// A subject's first line (and with `--verbose`, a certificate's
    /// identity); `judged` says the date its law was applied at, if its own.
    fn header(&mut self, subject: &Subject, judged: &str, verdict: &str) -> io::Result<()> {
        let lang = self.meta.lang;
        let kind = self.paint("1", subject.kind.name(lang));
        let Some(id) = super::identity(subject) else {
            return writeln!(self.out, "{kind} {}{judged} — {verdict}", subject.name);
        };
        let fp = super::fingerprint_prefix(&id.fingerprint_sha256);
        writeln!(
            self.out,
            "{kind} {}  {}  SHA-256 {fp}…{judged} — {verdict}",
            subject.name, id.subject
        )?;
        if self.meta.verbose {
            let validity = format!(
                "{} — {}",
                crate::dates::rfc3339(id.not_before),
                crate::dates::rfc3339(id.not_after)
            );
            let mut parts = match lang {
                Lang::Zh => vec![
                    format!("颁发者 {}", id.issuer),
                    format!("序列号 {}", id.serial_hex),
                    format!("有效期 {validity}"),
                    format!("密钥 {}", id.key),
                ],
                Lang::En => vec![
                    format!("issuer {}", id.issuer),
                    format!("serial {}", id.serial_hex),
                    format!("valid {validity}"),
                    format!("key {}", id.key),
                ],
            };
            if let Some(k) = &id.kind {
                parts.push(format!("{}{k}", lang.pick("类型 ", "kind ")));
            }
            parts.push(match (&id.issuer_sha256, lang) {
                (Some(i), Lang::Zh) => format!("签名由 SHA-256 {}… 的证书验证", super::fingerprint_prefix(i)),
                (Some(i), Lang::En) => format!("verified by SHA-256 {}…", super::fingerprint_prefix(i)),
                (None, Lang::Zh) => "签名未验证".to_string(),
                (None, Lang::En) => "signature not verified".to_string(),
            });
            writeln!(self.out, "  {}", parts.join(" · "))?;
        }
        Ok(())
    }

    /// `--summary`: per rule (grouped under its article), its findings counted by status.
    fn by_rule(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.meta.lang;
        let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for r in s.rules.keys() {
            let g = self.group_of.get(*r).copied().unwrap_or(0);
            by_group.entry(g).or_default().push(*r);
        }
        for (g, list) in by_group {
            let h = self.groups.get(g).cloned().unwrap_or_default();
            writeln!(self.out, "  {}", self.paint("4", &h))?;
            for r in list {
                let (Some(rule), Some(c)) = (self.rules.rules.get(r), s.rules.get(&r)) else {
                    continue;
                };
                let has = |st: Status| c.statuses.get(&st).is_some_and(|n| *n > 0);
                let mark = if has(Status::Fail) {
                    self.paint("31", "✗")
                } else if has(Status::Undetermined) || has(Status::NeedsEvidence) {
                    self.paint("33", "?")
                } else if has(Status::Pass) {
                    self.paint("32", "✓")
                } else {
                    self.paint("2", "-")
                };
                let mut counts = counted(&c.statuses, c.waived, lang);
                if c.blocking > 0 {
                    counts.push(match lang {
                        Lang::Zh => format!("{} 项不符合", c.blocking),
                        Lang::En => format!("{} blocking", c.blocking),
                    });
                }
                writeln!(
                    self.out,
                    "    {mark} {}  {}  {}: {}",
                    self.paint("1", &rule.id),
                    rule.citations_text(),
                    rule.title.get_or(lang, ""),
                    counts.join(lang.pick("，", ", "))
                )?;
            }
        }
        Ok(())
    }

    /// The reasons several subjects gave, with how often.
    fn repeated_reasons(&mut self) -> io::Result<()> {
        let lang = self.meta.lang;
        // Within one subject a reason is already written once; the end
        // counts those several subjects gave.
        let mut repeated: Vec<&Reason> = self
            .reasons
            .values()
            .filter(|r| r.subjects.values().sum::<usize>() > 1)
            .collect();
        if repeated.is_empty() {
            return Ok(());
        }
        repeated.sort_by_key(|r| r.number);
        let mut lines = Vec::with_capacity(repeated.len());
        for r in repeated {
            let subjects: Vec<String> = r
                .subjects
                .iter()
                .map(|(k, n)| match lang {
                    Lang::Zh => format!("{n} 个{}", k.name(lang)),
                    Lang::En => crate::i18n::counted(*n, k.name(lang)),
                })
                .collect();
            lines.push(match lang {
                Lang::Zh => format!(
                    "  [{}] {}（{} 项结论）：{}",
                    r.number,
                    subjects.join("，"),
                    r.findings,
                    r.text
                ),
                Lang::En => format!(
                    "  [{}] {} ({}): {}",
                    r.number,
                    subjects.join(", "),
                    crate::i18n::counted(r.findings, "finding"),
                    r.text
                ),
            });
        }
        let title = lang.pick("多个对象共有的原因", "reasons several subjects share");
        writeln!(self.out, "\n{}", self.paint("1", title))?;
        for l in lines {
            writeln!(self.out, "{l}")?;
        }
        Ok(())
    }

    /// One finding: its line, and for what is not a pass the message, where,
    /// and the waiver.
    fn finding(&mut self, subject: &Subject, f: &Finding) -> io::Result<()> {
        let lang = self.meta.lang;
        let Some(rule) = self.rules.rules.get(f.rule) else {
            return Ok(());
        };
        let cites = super::cites(self.rules, f).join(", ");
        let severity = if f.status.is_adverse() {
            rule.severity.name(lang)
        } else {
            ""
        };
        let mut status = f.status.name(lang).to_string();
        if f.waiver.is_some() {
            status.push_str(lang.pick("（已豁免）", " (waived)"));
        }
        let note = self.note(subject, f);
        let marker = match (&note, &f.fact) {
            (Some((n, _)), Some(fact)) if f.status == Status::Undetermined => {
                format!("{}`{fact}` [{n}]", lang.pick("——", " — "))
            }
            (Some((n, _)), _) => format!(" [{n}]"),
            (None, _) => String::new(),
        };
        writeln!(
            self.out,
            "    {} {} {} {}  {}  {}{marker}",
            self.mark(f),
            pad(&status, 16),
            pad(severity, 7),
            self.paint("1", &rule.id),
            cites,
            self.rules.title(rule, &self.meta.resolution).get_or(lang, "")
        )?;
        if let Some((n, first)) = note {
            if let Some(text) = first {
                writeln!(self.out, "        [{n}] {text}")?;
            }
        } else if let Some(m) = f.message.get(lang) {
            match (subject.source.as_ref(), f.span) {
                // Text subjects: the lines an adverse finding is about, as miette draws them.
                (Some(file), Some(span)) if f.status.is_adverse() => {
                    let d = Diag {
                        level: if f.status == Status::Fail {
                            Level::Error
                        } else {
                            Level::Warning
                        },
                        ..Diag::error("", m)
                    }
                    .in_file(file)
                    .label(span, f.fact.clone().unwrap_or_default());
                    let drawn = crate::diag::render(&d, self.meta.colour);
                    for line in drawn.lines().filter(|l| !l.trim().is_empty()) {
                        writeln!(self.out, "      {line}")?;
                    }
                }
                (Some(file), Some(span)) => {
                    let (l, c) = file.line_col(span.start);
                    writeln!(self.out, "        {m} ({}:{l}:{c})", file.name)?;
                }
                _ => {
                    writeln!(self.out, "        {m}")?;
                    if let Some(fact) = &f.fact {
                        writeln!(self.out, "        {}{fact}", lang.pick("事实：", "at "))?;
                    }
                }
            }
        }
        if let Some(w) = &f.waiver {
            let line = waiver_line(w, lang);
            writeln!(self.out, "        {}", self.paint("36", &line))?;
        }
        Ok(())
    }
}

/// The citation a rule is grouped under: its first in force, else its first.
fn primary<'c>(law: &Law, cites: &'c [Citation], res: &Resolution) -> Option<&'c Citation> {
    cites
        .iter()
        .find(|c| law.cites_in_force(c, res))
        .or_else(|| cites.first())
}

fn place(law: &Law, c: &Citation) -> Place {
    let inst = law
        .instruments
        .iter()
        .position(|i| i.id == c.instrument)
        .unwrap_or(usize::MAX);
    match &c.target {
        Target::Instrument => (inst, 0, 0, Vec::new()),
        Target::Chapter(n) => (inst, 0, *n, Vec::new()),
        Target::Article { number, .. } => (inst, 1, *number, Vec::new()),
        // `4.1.2.10` after `4.1.2.9`.
        Target::Section(s) => (
            inst,
            2,
            0,
            s.split('.')
                .map(|p| (p.parse().unwrap_or(u32::MAX), p.to_string()))
                .collect(),
        ),
    }
}

/// `ESL article 21  Contents of …` / `电子签名法第二十一条  电子签名认证证书的内容`.
fn header(law: &Law, c: &Citation, lang: Lang) -> String {
    let Some(inst) = law.instrument(&c.instrument) else {
        return c.instrument.clone();
    };
    let (target, heading) = match &c.target {
        Target::Instrument => (Target::Instrument, inst.title.get(lang)),
        Target::Section(s) => (Target::Section(s.clone()), inst.section_title(s, lang)),
        Target::Chapter(n) => (
            Target::Chapter(*n),
            inst.chapters
                .iter()
                .find(|ch| ch.number == *n)
                .and_then(|ch| ch.title.get(lang)),
        ),
        Target::Article { number, .. } => (
            Target::Article {
                number: *number,
                para: None,
                item: None,
            },
            inst.articles.get(number).and_then(|a| a.heading.get(lang)),
        ),
    };
    let whole = Citation {
        instrument: c.instrument.clone(),
        target,
        from: None,
        until: None,
    };
    let name = inst.short_name(lang);
    let cited = match lang {
        Lang::Zh if inst.kind != crate::law::Kind::Standard => format!("{name}{}", whole.describe(lang)),
        Lang::Zh | Lang::En => format!("{name} {}", whole.describe(lang)).trim_end().to_string(),
    };
    match heading {
        Some(h) => format!("{cited}  {h}"),
        None => cited,
    }
}

fn waiver_line(w: &Waiver, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "豁免：{}（批准人：{}，有效期至 {}；{}:{}）",
            w.reason, w.approver, w.expires, w.file, w.line
        ),
        Lang::En => format!(
            "waived: {} (approved by {}, until {}; {}:{})",
            w.reason, w.approver, w.expires, w.file, w.line
        ),
    }
}

impl<W: Write> Reporter for Human<'_, W> {
    fn subject(&mut self, subject: &Subject, findings: &[Finding]) -> io::Result<()> {
        if self.meta.summary {
            return Ok(());
        }
        let lang = self.meta.lang;
        let blocking = findings.iter().filter(|f| self.meta.gate.blocks(f, self.rules)).count();
        let verdict = if blocking == 0 {
            self.paint("32", lang.pick("符合", "conformant"))
        } else {
            let words = match lang {
                Lang::Zh => format!("不符合（{blocking} 项）"),
                Lang::En => format!("not conformant ({blocking} blocking)"),
            };
            self.paint("31", &words)
        };
        if self.subjects > 0 {
            writeln!(self.out)?;
        }
        self.subjects += 1;
        // The dates the law was applied at, where not the check date: the
        // subject's own date (a certificate's notBefore).
        let own: Vec<String> = super::judging_dates(findings)
            .into_iter()
            .filter(|d| *d != self.meta.resolution.date)
            .map(|d| d.to_string())
            .collect();
        let judged = match (own.is_empty(), lang) {
            (true, _) => String::new(),
            (false, Lang::Zh) => format!("（按 {} 有效的法律判断）", own.join("、")),
            (false, Lang::En) => format!(" (judged by the law of {})", own.join(", ")),
        };
        self.header(subject, &judged, &verdict)?;
        // Shown in full: what is not a pass, what is waived, and with
        // --verbose everything; the rest is counted.
        let verbose = self.meta.verbose;
        let shown = |f: &&Finding| verbose || f.status.is_adverse() || f.waiver.is_some();
        let mut by_group: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
        let mut quiet: BTreeMap<Status, usize> = BTreeMap::new();
        for f in findings {
            if shown(&f) {
                let g = self.group_of.get(f.rule).copied().unwrap_or(0);
                by_group.entry(g).or_default().push(f);
            } else {
                *quiet.entry(f.status).or_default() += 1;
            }
        }
        for (g, list) in by_group {
            let h = self.groups.get(g).cloned().unwrap_or_default();
            writeln!(self.out, "  {}", self.paint("4", &h))?;
            for f in list {
                self.finding(subject, f)?;
            }
        }
        if !quiet.is_empty() {
            let parts: Vec<String> = quiet.iter().map(|(s, n)| format!("{n} {}", s.name(lang))).collect();
            writeln!(
                self.out,
                "  {} {}",
                self.paint("32", "✓"),
                parts.join(lang.pick("，", ", "))
            )?;
        }
        Ok(())
    }

    /// Input errors go to standard error (`check` writes them there); the
    /// summary line counts them.
    fn input_error(&mut self, _diag: &Diag) -> io::Result<()> {
        Ok(())
    }

    fn skipped(&mut self, path: &str, why: &str) -> io::Result<()> {
        let why = crate::input::skip_reason(why, self.meta.lang);
        self.skipped.push(format!("{path} ({why})"));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.meta.lang;
        if self.meta.summary {
            let title = match lang {
                Lang::Zh => format!("按规则汇总：{} 个对象", s.subjects),
                Lang::En => format!("by rule: {}", crate::i18n::counted(s.subjects, "subject")),
            };
            writeln!(self.out, "{}", self.paint("1", &title))?;
            self.by_rule(s)?;
        }
        self.repeated_reasons()?;
        if !self.skipped.is_empty() {
            let label = lang.pick("跳过的文件", "skipped files");
            let (colon, sep) = (lang.pick("：", ": "), lang.pick("；", "; "));
            writeln!(self.out, "{label}{colon}{}", self.skipped.join(sep))?;
        }
        let problems: Vec<_> = s.waivers.iter().filter(|w| w.state != WaiverState::Used).collect();
        if !problems.is_empty() {
            writeln!(self.out, "\n{}", self.paint("1", lang.pick("豁免", "waivers")))?;
        }
        for u in problems {
            let w = &u.waiver;
            let (mark, what) = match (u.state, lang) {
                (WaiverState::Expired, Lang::Zh) => {
                    (self.paint("31", "✗"), format!("已于 {} 到期，不再豁免", w.expires))
                }
                (WaiverState::Expired, Lang::En) => (
                    self.paint("31", "✗"),
                    format!("expired on {}: it waives nothing; renew or remove it", w.expires),
                ),
                (_, Lang::Zh) => (self.paint("33", "!"), "没有豁免任何结论，可以删除".to_string()),
                (_, Lang::En) => (
                    self.paint("33", "!"),
                    "waives no finding: remove it if the exception is gone".to_string(),
                ),
            };
            writeln!(
                self.out,
                "  {mark} {}:{}  {}  {}  {what}",
                w.file, w.line, w.rule, w.subjects
            )?;
        }
        let sep = lang.pick("，", ", ");
        let counts = counted(&s.statuses, s.waived, lang);
        let verdict = if s.conformant() {
            self.paint("32", lang.pick("符合", "conformant"))
        } else {
            self.paint("31", lang.pick("不符合", "not conformant"))
        };
        let res = &self.meta.resolution;
        let gate = self.meta.gate;
        let title = self.rules.law.regime(&res.regime).and_then(|r| r.title.get(lang));
        let (subjects, errors, regime, mut blocking) = match lang {
            Lang::Zh => (
                format!("{} 个对象", s.subjects),
                format!("{} 个输入错误", s.input_errors),
                match title {
                    Some(t) => format!("法律状态 `{}`：{t}；日期 {}", res.regime, res.date),
                    None => format!("法律状态 `{}`；日期 {}", res.regime, res.date),
                },
                format!("{} 项不符合（门槛：{}）", s.blocking, gate.fail_on.name(lang)),
            ),
            Lang::En => (
                crate::i18n::counted(s.subjects, "subject"),
                crate::i18n::counted(s.input_errors, "input error"),
                format!("regime {}, {}", res.regime, res.date),
                format!("{} blocking at --fail-on {}", s.blocking, gate.fail_on.word()),
            ),
        };
        if gate.allow_undetermined {
            blocking.push_str(lang.pick(
                "，无法判定和需要证据不计入",
                ", undetermined and needs-evidence allowed",
            ));
        }
        let expired = s.count(WaiverState::Expired);
        if expired > 0 {
            blocking.push_str(&match lang {
                Lang::Zh => format!("，含 {expired} 项过期豁免"),
                Lang::En => format!(", {} included", crate::i18n::counted(expired, "expired waiver")),
            });
        }
        // Clauses: what was read; the findings by status (when there are
        // any); what blocks.
        let mut clauses = vec![format!("{subjects}{sep}{errors}")];
        if !counts.is_empty() {
            clauses.push(counts.join(sep));
        }
        clauses.push(blocking);
        let line = match lang {
            Lang::Zh => format!("{verdict}：{}（{regime}）", clauses.join("；")),
            Lang::En => format!("{verdict}: {} ({regime})", clauses.join("; ")),
        };
        writeln!(self.out, "\n{line}")?;
        Ok(())
    }
}

/// Findings counted by status, then the waived ones: `3 pass`, `1 waived`.
fn counted(statuses: &BTreeMap<Status, usize>, waived: usize, lang: Lang) -> Vec<String> {
    let mut counts: Vec<String> = statuses
        .iter()
        .map(|(st, n)| format!("{n} {}", st.name(lang)))
        .collect();
    if waived > 0 {
        counts.push(match lang {
            Lang::Zh => format!("{waived} 项已豁免"),
            Lang::En => format!("{waived} waived"),
        });
    }
    counts
}
