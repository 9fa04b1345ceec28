//! Waivers: exceptions a CA has accepted, each for one rule on the subjects
//! a path glob names, with a reason, an approver and an expiry date.
//!
//! A waived finding keeps its status and is reported with the waiver: it is
//! never hidden, it only stops blocking. Only adverse findings (fail,
//! undetermined, needs-evidence) can be waived. A waiver whose expiry date
//! lies before the run's date waives nothing and itself blocks the run, so an
//! exception cannot outlive its approval unnoticed; a waiver that waives
//! nothing is a warning, since it no longer records a live exception.

use std::sync::Arc;

use globset::{GlobBuilder, GlobMatcher};
use serde::Serialize;
use time::Date;

use super::{RawWaiver, span};
use crate::diag::{Diag, suggestion};
use crate::engine::{Finding, RuleSet, Waiver};
use crate::facts::Subject;
use crate::source::{SourceFile, Span};

/// What became of a waiver in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaiverState {
    /// It waived at least one finding.
    Used,
    /// It waived nothing: a warning.
    Unused,
    /// Its expiry date is before the run's date: it waived nothing and blocks the run.
    Expired,
}

impl WaiverState {
    pub fn word(self) -> &'static str {
        match self {
            Self::Used => "used",
            Self::Unused => "unused",
            Self::Expired => "expired",
        }
    }
}

/// A waiver and what it did, for the end of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaiverUse {
    #[serde(flatten)]
    pub waiver: Arc<Waiver>,
    pub state: WaiverState,
    /// How many findings it waived.
    pub findings: usize,
}

#[derive(Debug)]
struct Entry {
    waiver: Arc<Waiver>,
    rule: usize,
    glob: GlobMatcher,
    used: usize,
}

/// The waivers of a run, with how often each was used.
#[derive(Debug, Default)]
pub struct Waivers {
    entries: Vec<Entry>,
}

/// A checked waiver, ready to match.
pub(super) struct Checked(Entry);

impl Waivers {
    pub(super) fn new(list: Vec<Checked>) -> Self {
        Self {
            entries: list.into_iter().map(|c| c.0).collect(),
        }
    }

    /// Mark the adverse findings of `subject` that a waiver in force on
    /// `date` covers (the first such waiver in the file).
    pub fn apply(&mut self, subject: &Subject, findings: &mut [Finding], date: Date) {
        if self.entries.is_empty() {
            return;
        }
        let name = subject.name.trim_start_matches("./");
        let path = crate::facts::file_of(name);
        for f in findings.iter_mut().filter(|f| f.status.is_adverse()) {
            let hit = self.entries.iter_mut().find(|e| {
                e.rule == f.rule && date <= e.waiver.expires && (e.glob.is_match(path) || e.glob.is_match(name))
            });
            if let Some(e) = hit {
                e.used += 1;
                f.waiver = Some(e.waiver.clone());
            }
        }
    }

    /// Every waiver and what became of it, in file order.
    pub fn outcomes(&self, date: Date) -> Vec<WaiverUse> {
        self.entries
            .iter()
            .map(|e| WaiverUse {
                waiver: e.waiver.clone(),
                state: if e.waiver.expires < date {
                    WaiverState::Expired
                } else if e.used == 0 {
                    WaiverState::Unused
                } else {
                    WaiverState::Used
                },
                findings: e.used,
            })
            .collect()
    }
}

/// Check one waiver as written against the rules.
pub(super) fn check(file: &Arc<SourceFile>, w: &RawWaiver, at: Span, rules: &RuleSet) -> Result<Checked, Vec<Diag>> {
    let mut diags = Vec::new();
    let rule_id = w.rule.get_ref();
    let rule = rules.rule(rule_id).map(|(i, _)| i);
    if rule.is_none() {
        let ids = rules.rules.iter().map(|r| r.id.as_str());
        diags.push(
            Diag::error("certlex::config::unknown-rule", format!("there is no rule `{rule_id}`"))
                .in_file(file)
                .label(span(&w.rule), "not a rule id")
                .zh_label("不是规则编号")
                .help(suggestion(rule_id, ids).unwrap_or_else(|| "`certlex rules list` shows every rule id".into()))
                .zh(format!("没有规则 `{rule_id}`"), None),
        );
    }
    let pattern = w.subjects.get_ref();
    let glob = GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .map(|g| g.compile_matcher());
    if let Err(e) = &glob {
        diags.push(
            Diag::error("certlex::config::bad-glob", format!("`{pattern}` is not a path glob: {}", e.kind()))
                .in_file(file)
                .label(span(&w.subjects), "not a glob")
                .zh_label("不是路径通配符")
                .help("write a path glob relative to where certlex runs, e.g. `corpus/certificates/ca/*.pem` (`**` spans folders)")
                .zh(
                    format!("`{pattern}` 不是路径通配符：{}", e.kind()),
                    Some("请写相对于 certlex 运行目录的路径通配符，例如 `corpus/certificates/ca/*.pem`（`**` 跨越文件夹）"),
                ),
        );
    }
    for (field, value) in [("reason", &w.reason), ("approver", &w.approver)] {
        if value.get_ref().trim().is_empty() {
            diags.push(
                Diag::error("certlex::config::empty", format!("the waiver's `{field}` is empty"))
                    .in_file(file)
                    .label(span(value), "empty")
                    .zh_label("空")
                    .help("a waiver records why the exception is accepted and who approved it")
                    .zh(
                        format!("豁免的 `{field}` 为空"),
                        Some("豁免须记录接受例外的理由和批准人"),
                    ),
            );
        }
    }
    let expires = date(w.expires.get_ref());
    if expires.is_none() {
        diags.push(
            Diag::error(
                "certlex::config::bad-date",
                format!("`{}` is not a date", w.expires.get_ref()),
            )
            .in_file(file)
            .label(span(&w.expires), "a date without a time")
            .zh_label("不带时间的日期")
            .help("write the expiry date as YYYY-MM-DD without quotes, e.g. `expires = 2026-12-31`")
            .zh(
                format!("`{}` 不是日期", w.expires.get_ref()),
                Some("请按 YYYY-MM-DD 写到期日期，不加引号，例如 `expires = 2026-12-31`"),
            ),
        );
    }
    match (rule, glob, expires) {
        (Some(rule), Ok(glob), Some(expires)) if diags.is_empty() => Ok(Checked(Entry {
            waiver: Arc::new(Waiver {
                rule: rule_id.clone(),
                subjects: pattern.clone(),
                reason: w.reason.get_ref().clone(),
                approver: w.approver.get_ref().clone(),
                expires,
                file: file.name.clone(),
                line: file.line_col(at.start).0,
            }),
            rule,
            glob,
            used: 0,
        })),
        _ => Err(diags),
    }
}

/// A TOML local date (no time, no offset) as a date.
fn date(d: &toml::value::Datetime) -> Option<Date> {
    if d.time.is_some() || d.offset.is_some() {
        return None;
    }
    let d = d.date?;
    let month = time::Month::try_from(d.month).ok()?;
    Date::from_calendar_date(i32::from(d.year), month, d.day).ok()
}
