//! The findings that change for one subject between two evaluators (two
//! regimes, or one regime on two dates).

use super::{Evaluator, Finding};
use crate::facts::Subject;

/// A rule whose finding differs: the same rule under each evaluator.
#[derive(Debug, Clone, PartialEq)]
pub struct Changed {
    pub rule: usize,
    pub from: Finding,
    pub to: Finding,
}

/// The findings of `subject` that differ in status or message between `a`
/// and `b` (both built from the same rule set), in rule-id order.
pub fn changed_findings(a: &Evaluator, b: &Evaluator, subject: &Subject) -> Vec<Changed> {
    a.check(subject)
        .into_iter()
        .zip(b.check(subject))
        .filter(|(x, y)| x.status != y.status || x.message != y.message)
        .map(|(from, to)| Changed {
            rule: from.rule,
            from,
            to,
        })
        .collect()
}
