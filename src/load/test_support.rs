//! What the loader's tests share: checking a CA profile under a rule set as
//! the law stood on a date.

use crate::engine::{Evaluator, Finding, RuleSet};
use crate::source::SourceFile;

/// The first finding on the CA profile `yaml` under `rules` (regime
/// `current`) at `date`.
pub fn first_finding(rules: &RuleSet, yaml: &str, date: &str) -> Finding {
    let profile =
        crate::facts::profile::read(SourceFile::new("p.yaml", yaml), &crate::limits::Limits::default()).unwrap();
    let res = rules
        .law
        .resolve("current", crate::dates::parse_date(date).unwrap())
        .unwrap();
    Evaluator::new(rules, res).check(&profile).remove(0)
}
