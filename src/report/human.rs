//! The report people read: per subject (with the date its law was applied
//! at, where that is its own date), the findings grouped under the article
//! they cite (its heading in the chosen language), each with the citations
//! that held on its date; what is not a pass in full, with where (the fact, or the lines of a YAML or Markdown
//! source as miette draws them); the passes counted; then one summary line.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{Meta, Reporter, Summary};
use crate::config::WaiverState;
use crate::diag::{Diag, Level};
use crate::engine::Waiver;
use crate::engine::{Finding, RuleSet, Status};
use crate::facts::Subject;
use crate::i18n::{Lang, pad};
use crate::law::{Citation, Law, Resolution, Target};

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
}

/// Where a rule sits in the statute: (instrument position, chapter or article, number).
type Place = (usize, u8, u32);

impl<'a, W: Write> Human<'a, W> {
    pub fn new(out: W, rules: &'a RuleSet, meta: Meta) -> Self {
        let law = &rules.law;
        let places: Vec<(Place, String)> = rules
            .rules
            .iter()
            .map(|r| {
                let c = primary(law, &r.cites, &meta.resolution);
                c.map_or(((usize::MAX, 0, 0), String::new()), |c| {
                    (place(law, c), header(law, c, meta.lang))
                })
            })
            .collect();
        let ordered: BTreeMap<Place, &String> = places.iter().map(|(p, h)| (*p, h)).collect();
        let index: BTreeMap<Place, usize> = ordered.keys().enumerate().map(|(i, p)| (*p, i)).collect();
        Self {
            group_of: places.iter().map(|(p, _)| index.get(p).copied().unwrap_or(0)).collect(),
            groups: ordered.into_values().cloned().collect(),
            out,
            rules,
            meta,
            skipped: Vec::new(),
            subjects: 0,
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

    /// One finding: its line, and for what is not a pass the message, where,
    /// and the waiver.
    fn finding(&mut self, subject: &Subject, f: &Finding) -> io::Result<()> {
        let lang = self.meta.lang;
        let Some(rule) = self.rules.rules.get(f.rule) else {
            return Ok(());
        };
        let cites = super::cites(self.rules, f).join(", ");
        let severity = if f.status == Status::Fail {
            rule.severity.name(lang)
        } else {
            ""
        };
        let mut status = f.status.name(lang).to_string();
        if f.waiver.is_some() {
            status.push_str(lang.pick("（已豁免）", " (waived)"));
        }
        writeln!(
            self.out,
            "    {} {} {} {}  {}  {}",
            self.mark(f),
            pad(&status, 16),
            pad(severity, 7),
            self.paint("1", &rule.id),
            cites,
            self.rules.title(rule, &self.meta.resolution).get_or(lang, "")
        )?;
        if let Some(m) = f.message.get(lang) {
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
    match c.target {
        Target::Instrument => (inst, 0, 0),
        Target::Chapter(n) => (inst, 0, n),
        Target::Article { number, .. } => (inst, 1, number),
    }
}

/// `ESL article 21  Contents of …` / `电子签名法第二十一条  电子签名认证证书的内容`.
fn header(law: &Law, c: &Citation, lang: Lang) -> String {
    let Some(inst) = law.instrument(&c.instrument) else {
        return c.instrument.clone();
    };
    let (target, heading) = match c.target {
        Target::Instrument => (Target::Instrument, inst.title.get(lang)),
        Target::Chapter(n) => (
            Target::Chapter(n),
            inst.chapters
                .iter()
                .find(|ch| ch.number == n)
                .and_then(|ch| ch.title.get(lang)),
        ),
        Target::Article { number, .. } => (
            Target::Article {
                number,
                para: None,
                item: None,
            },
            inst.articles.get(&number).and_then(|a| a.heading.get(lang)),
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
        Lang::Zh => format!("{name}{}", whole.describe(lang)),
        Lang::En => format!("{name} {}", whole.describe(lang)).trim_end().to_string(),
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
        writeln!(
            self.out,
            "{} {}{judged} — {verdict}",
            self.paint("1", subject.kind.name(lang)),
            subject.name
        )?;
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

    fn input_error(&mut self, diag: &Diag) -> io::Result<()> {
        write!(self.out, "{}", crate::diag::render(diag, self.meta.colour))?;
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
        let statuses: Vec<String> = s
            .statuses
            .iter()
            .map(|(st, n)| format!("{n} {}", st.name(lang)))
            .collect();
        let sep = lang.pick("，", ", ");
        let mut statuses = statuses.join(sep);
        if s.waived > 0 {
            statuses.push_str(&match lang {
                Lang::Zh => format!("；{} 项已豁免", s.waived),
                Lang::En => format!("; {} waived", s.waived),
            });
        }
        let verdict = if s.conformant() {
            self.paint("32", lang.pick("符合", "conformant"))
        } else {
            self.paint("31", lang.pick("不符合", "not conformant"))
        };
        let res = &self.meta.resolution;
        let gate = self.meta.gate;
        let (subjects, errors, regime, blocking) = match lang {
            Lang::Zh => (
                format!("{} 个对象", s.subjects),
                format!("{} 个输入错误", s.input_errors),
                format!("法律状态 {}，日期 {}", res.regime, res.date),
                format!("{} 项不符合（门槛：{}）", s.blocking, gate.fail_on.name(lang)),
            ),
            Lang::En => (
                crate::i18n::counted(s.subjects, "subject"),
                crate::i18n::counted(s.input_errors, "input error"),
                format!("regime {}, {}", res.regime, res.date),
                format!("{} blocking at --fail-on {}", s.blocking, gate.fail_on.word()),
            ),
        };
        let mut extra = String::new();
        if gate.allow_undetermined {
            extra = lang
                .pick(
                    "，无法判定和需要证据不计入",
                    ", undetermined and needs-evidence allowed",
                )
                .to_string();
        }
        let expired = s.count(WaiverState::Expired);
        if expired > 0 {
            extra.push_str(&match lang {
                Lang::Zh => format!("，含 {expired} 项过期豁免"),
                Lang::En => format!(", {expired} expired waiver(s) included"),
            });
        }
        let line = match lang {
            Lang::Zh => format!("{verdict}：{subjects}，{errors}；{statuses}；{blocking}{extra}（{regime}）"),
            Lang::En => format!("{verdict}: {subjects}, {errors}; {statuses}; {blocking}{extra} ({regime})"),
        };
        writeln!(self.out, "\n{line}")?;
        Ok(())
    }
}
