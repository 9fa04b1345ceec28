//! The engine: rules compiled once per run, evaluated on one subject at a
//! time under a resolved regime. A pure function of (rules, regime, facts):
//! no I/O, no clock (the date comes with the regime).

pub mod diff;
mod eval;
mod expr;
mod finding;

use crate::facts::{Subject, SubjectKind, Value, display};
use crate::i18n::{Lang, Text};
use crate::law::{Citation, Law, Origin, Resolution};

pub use eval::{Blame, Env, Outcome, Truth, Why, truth, value};
pub use expr::{CExpr, Part, Root, Template};
pub use finding::{Finding, Severity, Status, Waiver};

/// A rule, checked and compiled.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub title: Text,
    pub cites: Vec<Citation>,
    pub applies_to: SubjectKind,
    pub severity: Severity,
    pub when: Option<CExpr>,
    /// What must hold. At least one of `require` and `attest` is set.
    pub require: Option<CExpr>,
    /// Evidence a person can name instead (a duty only a person can judge).
    /// With `require` too, the rule passes when the condition holds or the
    /// evidence is named, and otherwise needs evidence: it never fails.
    pub attest: Option<Text>,
    pub message_zh: Template,
    pub message_en: Template,
    pub note: Text,
    /// The `when` and `require` conditions as written (canonical form), for `explain`.
    pub when_text: Option<String>,
    pub require_text: Option<String>,
    pub origin: Origin,
}

impl Rule {
    /// The indices of the parameters the rule reads (conditions and messages), sorted, once each.
    pub fn params(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for e in self.when.iter().chain(&self.require) {
            e.params(&mut out);
        }
        for t in [&self.message_zh, &self.message_en] {
            for p in &t.parts {
                if let Part::Value(e) = p {
                    e.params(&mut out);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl Rule {
    /// The citations as written in rule files: `ESL 21(1), MEASURES-2015 5(3)`.
    pub fn citations_text(&self) -> String {
        self.cites
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The registry of rules and the law they cite, ready to evaluate.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub law: Law,
    /// Sorted by id.
    pub rules: Vec<Rule>,
}

impl RuleSet {
    pub fn rule(&self, id: &str) -> Option<(usize, &Rule)> {
        self.rules
            .binary_search_by(|r| r.id.as_str().cmp(id))
            .ok()
            .and_then(|i| self.rules.get(i).map(|r| (i, r)))
    }
}

/// Rules resolved under one regime and date: which rules are in force and
/// what value each parameter takes. Build once per run, then [`check`](Self::check)
/// every subject.
pub struct Evaluator<'a> {
    pub rules: &'a RuleSet,
    pub resolution: Resolution,
    in_force: Vec<bool>,
    params: Vec<Option<Value>>,
    today: Value,
}

impl<'a> Evaluator<'a> {
    pub fn new(rules: &'a RuleSet, resolution: Resolution) -> Self {
        let law = &rules.law;
        let in_force = rules
            .rules
            .iter()
            .map(|r| r.cites.iter().any(|c| law.cites_in_force(c, &resolution)))
            .collect();
        let params = (0..law.parameters.len())
            .map(|i| law.parameter_value(i, &resolution).cloned())
            .collect();
        let today = Value::Date(crate::dates::midnight(resolution.date));
        Self {
            rules,
            resolution,
            in_force,
            params,
            today,
        }
    }

    pub fn in_force(&self, rule: usize) -> bool {
        self.in_force.get(rule).copied().unwrap_or(false)
    }

    /// The value of a parameter under this regime.
    pub fn parameter(&self, index: usize) -> Option<&Value> {
        self.params.get(index).and_then(Option::as_ref)
    }

    /// Every rule for the subject's kind, in rule-id order: one finding each.
    pub fn check(&self, subject: &Subject) -> Vec<Finding> {
        self.rules
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.applies_to == subject.kind)
            .map(|(i, r)| self.check_rule(i, r, subject))
            .collect()
    }

    pub fn check_rule(&self, index: usize, rule: &Rule, subject: &Subject) -> Finding {
        let finding = |status, message: Text, blame: Option<&Blame>| Finding {
            rule: index,
            status,
            message,
            fact: blame.map(|b| b.fact.clone()).filter(|f| !f.is_empty()),
            span: blame.and_then(|b| b.span),
            waiver: None,
        };
        if !self.in_force(index) {
            return finding(Status::NotInForce, Text::default(), None);
        }
        let env = Env {
            facts: &subject.facts,
            params: &self.params,
            today: &self.today,
        };
        if let Some(guard) = &rule.when {
            let o = truth(guard, &env);
            match o.truth {
                Truth::True => {}
                Truth::False => return finding(Status::NotApplicable, Text::default(), None),
                Truth::Unknown => {
                    return finding(Status::Undetermined, undetermined(o.blame.as_ref()), o.blame.as_ref());
                }
            }
        }
        let attested = || subject.attestations.iter().find(|a| a.rule == rule.id);
        let outcome = rule.require.as_ref().map(|cond| truth(cond, &env));
        match (outcome, &rule.attest) {
            (Some(o), _) if o.truth == Truth::True => finding(Status::Pass, Text::default(), None),
            (_, Some(what)) => match attested() {
                Some(a) => Finding {
                    span: a.span,
                    ..finding(
                        Status::Pass,
                        Text::both(format!("证据：{}", a.evidence), format!("evidence: {}", a.evidence)),
                        None,
                    )
                },
                None => finding(Status::NeedsEvidence, what.clone(), None),
            },
            (Some(o), None) if o.truth == Truth::False => {
                let message = Text::both(
                    render(&rule.message_zh, &env, Lang::Zh),
                    render(&rule.message_en, &env, Lang::En),
                );
                finding(Status::Fail, message, o.blame.as_ref())
            }
            (Some(o), None) => finding(Status::Undetermined, undetermined(o.blame.as_ref()), o.blame.as_ref()),
            // INVARIANT: the loader gives every rule `require` or `attest`.
            (None, None) => finding(Status::Undetermined, undetermined(None), None),
        }
    }
}

/// Why a rule could not be decided, in both languages.
fn undetermined(blame: Option<&Blame>) -> Text {
    let Some(b) = blame else {
        return Text::both("无法判定", "could not be determined");
    };
    match &b.why {
        Why::Absent | Why::Value => Text::both(
            format!("未载明 `{}`，无法判定", b.fact),
            format!("`{}` is not stated, so this could not be checked", b.fact),
        ),
        Why::Unknown(why) => Text::both(
            format!("无法确定 `{}`：{}", b.fact, why.get_or(Lang::Zh, "")),
            format!("`{}` could not be determined: {}", b.fact, why.get_or(Lang::En, "")),
        ),
        Why::NoParameterValue => Text::both(
            format!("参数 `{}` 在所选法律状态下没有适用的值", b.fact),
            format!("no value of `{}` applies under the chosen regime", b.fact),
        ),
    }
}

/// The reason an undetermined finding gives, without the fact it names
/// (`no certificate whose key verifies the signature is among …`): what
/// findings of several rules, and subjects, share. Beside [`undetermined`],
/// which words it; `None` for other findings.
pub fn undetermined_reason(f: &Finding, lang: Lang) -> Option<&str> {
    if f.status != Status::Undetermined {
        return None;
    }
    let fact = f.fact.as_deref()?;
    let text = match lang {
        Lang::Zh => f.message.zh.as_deref()?,
        Lang::En => f.message.en.as_deref()?,
    };
    match lang {
        Lang::Zh => text.strip_prefix(&format!("无法确定 `{fact}`：")),
        Lang::En => text.strip_prefix(&format!("`{fact}` could not be determined: ")),
    }
    .filter(|r| !r.is_empty())
}

/// A message with its placeholders filled from the subject's facts.
pub fn render(t: &Template, env: &Env, lang: Lang) -> String {
    let mut out = String::new();
    for p in &t.parts {
        match p {
            Part::Text(s) => out.push_str(s),
            Part::Value(e) => out.push_str(&display(&value(e, env), lang)),
        }
    }
    out
}
