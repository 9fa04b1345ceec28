//! `certlex diff --from REGIME --to REGIME [SUBJECT…]`: without subjects,
//! the instruments, rules and parameters that differ between the two
//! resolutions of the law; with subjects, the findings that change.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde::Serialize;
use time::Date;

use super::{Global, LimitArgs, load_rules, print_diags};
use crate::diag::Diag;
use crate::engine::diff::changed_findings;
use crate::engine::{Evaluator, Finding, RuleSet};
use crate::i18n::{Lang, Text};
use crate::law::diff::{Change, LawDiff, ParamSide, RuleRef, diff};
use crate::law::{Citation, Resolution};
use crate::report::Output;
use crate::run::Item;

#[derive(Args)]
pub struct DiffArgs {
    /// The regime compared from, e.g. `current`.
    #[arg(long, value_name = "REGIME")]
    pub from: String,
    /// The regime compared to, e.g. `draft-2024`.
    #[arg(long, value_name = "REGIME")]
    pub to: String,
    /// The date both regimes are applied on (YYYY-MM-DD); default today.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// The date of the `--from` side, if it differs (e.g. the law before an amendment).
    #[arg(long, value_name = "DATE")]
    pub from_at: Option<String>,
    /// The date of the `--to` side, if it differs.
    #[arg(long, value_name = "DATE")]
    pub to_at: Option<String>,
    /// Certificates, CA profiles or rule statements: show the findings that change.
    #[arg(value_name = "SUBJECT")]
    pub subjects: Vec<PathBuf>,
    /// Certificates of the CAs that issued the subjects (files or directories).
    #[arg(long, value_name = "FILE|DIR")]
    pub issuers: Vec<PathBuf>,
    /// Output format. (SARIF and JUnit are not offered: a diff lists what
    /// changes between two laws, not problems located in files nor tests
    /// that pass or fail.)
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Write the diff to FILE instead of standard output; the file appears
    /// only when complete.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Write the whole text to standard output or atomically to a file: 0, or
/// `None` when it could not be written (reported).
fn write(path: Option<&std::path::Path>, text: &str) -> Option<u8> {
    use std::io::Write as _;
    let result = (|| -> std::io::Result<()> {
        let mut out = match path {
            Some(p) => Output::file(p)?,
            None => Output::stdout(),
        };
        out.write_all(text.as_bytes())?;
        out.commit()
    })();
    match result {
        Ok(()) => Some(0),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Some(0),
        Err(e) => {
            eprintln!("certlex diff: cannot write the diff: {e}");
            None
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

fn date(s: Option<&str>, fallback: Date) -> Result<Date, Diag> {
    match s {
        None => Ok(fallback),
        Some(s) => crate::dates::parse_date(s).ok_or_else(|| {
            Diag::error("certlex::usage::date", format!("`{s}` is not a date"))
                .help("write the date as YYYY-MM-DD, e.g. `--at 2016-01-01`")
        }),
    }
}

fn resolve(rules: &RuleSet, regime: &str, at: Date) -> Result<Resolution, Diag> {
    rules.law.resolve(regime, at).map_err(|e| {
        let names = rules.law.regimes.iter().map(|r| r.name.as_str());
        Diag::error("certlex::usage::regime", e).help_opt(crate::diag::suggestion(regime, names))
    })
}

pub fn run(g: &Global, a: &DiffArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let sides = (|| -> Result<(Resolution, Resolution), Diag> {
        let at = date(a.at.as_deref(), crate::dates::today())?;
        let from = resolve(&rules, &a.from, date(a.from_at.as_deref(), at)?)?;
        let to = resolve(&rules, &a.to, date(a.to_at.as_deref(), at)?)?;
        Ok((from, to))
    })();
    let (from, to) = match sides {
        Ok(s) => s,
        Err(d) => {
            print_diags([&d]);
            return 2;
        }
    };
    let lang = g.lang();
    if a.subjects.is_empty() {
        let d = law_diff(&rules, &from, &to);
        let text = match a.format {
            Format::Human => human(&rules, &d, &from, &to, lang),
            Format::Json => json(&LawJson {
                from: &from,
                to: &to,
                diff: &d,
            }),
        };
        return write(a.output.as_deref(), &text).unwrap_or(2);
    }
    subjects(&rules, a, &from, &to, lang)
}

/// The law diff of the built-in (or given) rules between two resolutions.
pub fn law_diff(rules: &RuleSet, from: &Resolution, to: &Resolution) -> LawDiff {
    let params: Vec<Vec<usize>> = rules.rules.iter().map(crate::engine::Rule::params).collect();
    let refs: Vec<RuleRef> = rules
        .rules
        .iter()
        .zip(&params)
        .map(|(r, p)| RuleRef {
            id: &r.id,
            cites: &r.cites,
            params: p,
        })
        .collect();
    diff(&rules.law, &refs, from, to)
}

fn side(r: &Resolution) -> String {
    format!("{} on {}", r.regime, r.date)
}

fn cites(cs: &[Citation]) -> String {
    cs.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

fn param_side(s: Option<&ParamSide>, lang: Lang) -> String {
    match s {
        Some(s) => format!("{} ({})", s.written.replace('_', ","), cites(&s.cites)),
        None => lang.pick("无值", "no value").to_string(),
    }
}

/// The law diff for people.
pub fn human(rules: &RuleSet, d: &LawDiff, from: &Resolution, to: &Resolution, lang: Lang) -> String {
    let law = &rules.law;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {} → {}",
        lang.pick("法律差异：", "law diff:"),
        side(from),
        side(to)
    );
    if d.is_empty() {
        let _ = writeln!(o, "{}", lang.pick("没有差异", "no difference"));
        return o;
    }
    let _ = writeln!(o, "\n{}", lang.pick("有效的规范", "instruments in force"));
    if d.instruments.is_empty() {
        let _ = writeln!(o, "  {}", lang.pick("相同", "the same"));
    }
    for i in &d.instruments {
        let title = law.instrument(&i.id).map_or("", |x| x.title.get_or(lang, ""));
        let _ = writeln!(o, "  {} {:<20} {title}", i.change.sign(), i.id);
    }
    let _ = writeln!(
        o,
        "\n{}",
        lang.pick(
            "文字发生变化的条文（修正）",
            "articles whose wording changes (amendments)"
        )
    );
    if d.wordings.is_empty() {
        let _ = writeln!(o, "  {}", lang.pick("没有", "none"));
    }
    for w in &d.wordings {
        let start = |x: Option<Date>| {
            x.map_or_else(
                || lang.pick("原文", "original wording").to_string(),
                |d| format!("{} {d}", lang.pick("自", "wording from")),
            )
        };
        let _ = writeln!(
            o,
            "  ~ {} {}: {} → {}",
            w.instrument,
            w.article,
            start(w.from),
            start(w.to)
        );
    }
    let _ = writeln!(o, "\n{}", lang.pick("规则", "rules"));
    if d.rules.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            lang.pick(
                "没有规则的效力或依据发生变化",
                "no rule comes into or goes out of force, or changes its grounds"
            )
        );
    }
    for r in &d.rules {
        // A rule that goes out of force is named as it stood before.
        let under = if r.change == Change::Removed { from } else { to };
        let title = rules
            .rule(&r.id)
            .map(|(_, x)| rules.title(x, under))
            .unwrap_or_default();
        let _ = writeln!(o, "  {} {:<22} {}", r.change.sign(), r.id, title.get_or(lang, ""));
        let grounds = match r.change {
            Change::Added => format!("{} {}", lang.pick("依据", "cites"), cites(&r.cites_to)),
            Change::Removed => format!("{} {}", lang.pick("依据", "cited"), cites(&r.cites_from)),
            Change::Changed => format!(
                "{} {} → {}",
                lang.pick("依据", "cites"),
                cites(&r.cites_from),
                cites(&r.cites_to)
            ),
        };
        let _ = writeln!(o, "      {grounds}");
        if !r.params_changed.is_empty() {
            let _ = writeln!(
                o,
                "      {} {}",
                lang.pick("读取已变化的参数", "reads changed parameters"),
                r.params_changed.join(", ")
            );
        }
    }
    let _ = writeln!(o, "\n{}", lang.pick("参数", "parameters"));
    if d.parameters.is_empty() {
        let _ = writeln!(o, "  {}", lang.pick("相同", "the same"));
    }
    for p in &d.parameters {
        let _ = writeln!(o, "  {} {}", p.change.sign(), p.name);
        let _ = writeln!(
            o,
            "      {} → {}",
            param_side(p.from.as_ref(), lang),
            param_side(p.to.as_ref(), lang)
        );
    }
    o
}

#[derive(Serialize)]
struct LawJson<'a> {
    from: &'a Resolution,
    to: &'a Resolution,
    #[serde(flatten)]
    diff: &'a LawDiff,
}

fn json<T: Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).map_or_else(|e| format!("{{\"error\": \"{e}\"}}\n"), |s| s + "\n")
}

#[derive(Serialize)]
struct FindingChange<'a> {
    subject: &'a str,
    rule: &'a str,
    from: &'a Finding,
    to: &'a Finding,
    /// The citations that held on the judging date of the side that
    /// explains the change.
    cites: Vec<String>,
}

fn subjects(rules: &RuleSet, a: &DiffArgs, from: &Resolution, to: &Resolution, lang: Lang) -> u8 {
    let mut o = String::new();
    let ea = Evaluator::new(rules, from.clone());
    let eb = Evaluator::new(rules, to.clone());
    let limits = a.limits.limits();
    let mut input_errors = Vec::new();
    let mut read_any = false;
    let mut rows: Vec<(String, crate::engine::diff::Changed)> = Vec::new();
    let work = |s: &crate::facts::Subject| changed_findings(&ea, &eb, s);
    let _ = crate::run::each::<_, ()>(&a.subjects, &a.issuers, &limits, &crate::run::Quiet, work, |item| {
        match item {
            Item::Subject(s, changed) => {
                read_any = true;
                rows.extend(changed.into_iter().map(|c| (s.name.clone(), c)));
            }
            Item::Error(d) => input_errors.push(d),
            Item::Skipped { .. } => {}
        }
        Ok(())
    });
    if !read_any && input_errors.is_empty() {
        input_errors.push(
            Diag::error(
                "certlex::input::nothing",
                "no certificate, CA profile or rule statement was found",
            )
            .help("give files or directories that hold them"),
        );
    }
    let why = |c: &crate::engine::diff::Changed| -> (String, Vec<String>) {
        // Explain with the side where the finding is adverse, else the `to`
        // side, unless the rule is not in force there: then the side where
        // it is, with the citations that held on that finding's date.
        let f = if (c.from.status.is_adverse() && !c.to.status.is_adverse())
            || c.to.status == crate::engine::Status::NotInForce
        {
            &c.from
        } else {
            &c.to
        };
        (message(&f.message, lang), crate::report::cites(rules, f))
    };
    match a.format {
        Format::Json => {
            let list: Vec<FindingChange> = rows
                .iter()
                .map(|(s, c)| FindingChange {
                    subject: s,
                    rule: rules.rules.get(c.rule).map_or("?", |r| r.id.as_str()),
                    from: &c.from,
                    to: &c.to,
                    cites: why(c).1,
                })
                .collect();
            #[derive(Serialize)]
            struct Out<'a> {
                from: &'a Resolution,
                to: &'a Resolution,
                changes: Vec<FindingChange<'a>>,
            }
            o.push_str(&json(&Out {
                from,
                to,
                changes: list,
            }));
        }
        Format::Human => {
            let _ = writeln!(
                o,
                "{} {} → {}",
                lang.pick("结论差异：", "findings that change:"),
                side(from),
                side(to)
            );
            if rows.is_empty() && read_any {
                let _ = writeln!(o, "{}", lang.pick("没有结论发生变化", "no finding changes"));
            }
            let label = |r: &Resolution| {
                if from.regime == to.regime {
                    r.date.to_string()
                } else {
                    r.regime.clone()
                }
            };
            let (la, lb) = (label(from), label(to));
            let mut last = None;
            for (s, c) in &rows {
                if last != Some(s) {
                    let _ = writeln!(o, "\n{s}");
                    let _ = writeln!(
                        o,
                        "  {:<22} {:<16} {:<16} {}",
                        lang.pick("规则", "rule"),
                        la,
                        lb,
                        lang.pick("原因", "why")
                    );
                    last = Some(s);
                }
                let (m, cs) = why(c);
                let id = rules.rules.get(c.rule).map_or("?", |r| r.id.as_str());
                let _ = writeln!(
                    o,
                    "  {:<22} {:<16} {:<16} {}{}",
                    id,
                    c.from.status.word(),
                    c.to.status.word(),
                    if m.is_empty() { String::new() } else { format!("{m}; ") },
                    cs.join(", ")
                );
            }
        }
    }
    let written = write(a.output.as_deref(), &o);
    if input_errors.is_empty() {
        written.unwrap_or(2)
    } else {
        print_diags(input_errors.iter());
        2
    }
}

fn message(t: &Text, lang: Lang) -> String {
    t.get(lang).unwrap_or("").to_string()
}
