//! Findings: one status per (rule, subject), with the message, the fact that
//! decided it and where that fact was read.

use serde::Serialize;

use crate::i18n::{Lang, Text};
use crate::source::Span;

/// The outcome of one rule on one subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pass,
    Fail,
    /// The rule's `when` guard is false for this subject.
    NotApplicable,
    /// The rule's provisions are not in force under the chosen regime or date.
    NotInForce,
    /// Only a person can judge this, and no evidence was named.
    NeedsEvidence,
    /// A fact the rule needs is missing or could not be read.
    Undetermined,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Pass,
        Status::Fail,
        Status::NotApplicable,
        Status::NotInForce,
        Status::NeedsEvidence,
        Status::Undetermined,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::NotApplicable => "not-applicable",
            Status::NotInForce => "not-in-force",
            Status::NeedsEvidence => "needs-evidence",
            Status::Undetermined => "undetermined",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Status::Pass => lang.pick("通过", "pass"),
            Status::Fail => lang.pick("不通过", "fail"),
            Status::NotApplicable => lang.pick("不适用", "not applicable"),
            Status::NotInForce => lang.pick("未生效", "not in force"),
            Status::NeedsEvidence => lang.pick("需要证据", "needs evidence"),
            Status::Undetermined => lang.pick("无法判定", "undetermined"),
        }
    }

    pub fn from_word(w: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|s| s.word() == w)
    }

    /// Statuses that stand against conformance (certlex fails closed:
    /// what could not be checked does not pass).
    pub fn is_adverse(self) -> bool {
        matches!(self, Status::Fail | Status::NeedsEvidence | Status::Undetermined)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Notice,
    Warning,
    Error,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_word(w: &str) -> Option<Self> {
        [Severity::Notice, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.word() == w)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Severity::Notice => lang.pick("提示", "notice"),
            Severity::Warning => lang.pick("警告", "warning"),
            Severity::Error => lang.pick("错误", "error"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Index of the rule in the rule set.
    #[serde(skip)]
    pub rule: usize,
    pub status: Status,
    /// What is wrong (fail), what evidence is needed (needs-evidence) or what
    /// could not be read (undetermined), in both languages.
    #[serde(skip_serializing_if = "Text::is_empty")]
    pub message: Text,
    /// The fact that decided the outcome, e.g. `issuer.organization`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fact: Option<String>,
    /// Where in the subject's source text that fact was read.
    #[serde(skip)]
    pub span: Option<Span>,
    /// The waiver of the run's configuration that covers this finding: it
    /// keeps its status and is reported, but does not block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<std::sync::Arc<Waiver>>,
    /// The date the law was applied at: the subject's own date or the
    /// check date, as the rule says (`judged-at`).
    pub judged_at: time::Date,
    /// Which of the rule's citations hold on `judged_at`, one bit each
    /// (bit `i` for `rule.cites[i]`); none for a rule not in force.
    #[serde(skip)]
    pub cites: u32,
}

impl Finding {
    /// The rule's citations that hold on the judging date, numbered as
    /// they were then.
    pub fn citations<'r>(&self, cites: &'r [crate::law::Citation]) -> impl Iterator<Item = &'r crate::law::Citation> {
        let mask = self.cites;
        cites
            .iter()
            .enumerate()
            .filter(move |(i, _)| *i < super::timeline::MAX_CITATIONS && mask & (1 << i) != 0)
            .map(|(_, c)| c)
    }
}

/// One accepted exception, as reports show it. Defined here, beside the
/// finding it marks; `config` reads waivers from `certlex.toml`, checks them
/// against the rules and applies them to findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waiver {
    pub rule: String,
    /// The glob of subject paths it covers, as written.
    pub subjects: String,
    pub reason: String,
    pub approver: String,
    pub expires: time::Date,
    /// The configuration file and the line of the waiver's `[[waiver]]`.
    pub file: String,
    pub line: usize,
}
