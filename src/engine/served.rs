//! Which provisions each fact serves: derived from the rules that read it
//! (their `when` and `require` conditions), never written by hand, for
//! `certlex schema` and `docs/facts/`.

use std::collections::BTreeMap;

use super::{CExpr, Root, RuleSet};
use crate::facts::SubjectKind;
use crate::law::Citation;

/// Every fact path the rules of `kind` read (an element's fact as
/// `list[].field`), with the citations of those rules, sorted and once each.
pub fn served(rules: &RuleSet, kind: SubjectKind) -> BTreeMap<String, Vec<Citation>> {
    let mut out: BTreeMap<String, Vec<Citation>> = BTreeMap::new();
    for rule in rules.rules.iter().filter(|r| r.applies_to == kind) {
        let mut paths = Vec::new();
        for e in rule.when.iter().chain(&rule.require) {
            read(e, &mut Vec::new(), &mut paths);
        }
        for p in paths {
            let cites = out.entry(p).or_default();
            for c in &rule.cites {
                let c = c.without_window();
                if !cites.contains(&c) {
                    cites.push(c);
                }
            }
        }
    }
    for cites in out.values_mut() {
        cites.sort_by_key(|c| (c.instrument.clone(), c.to_string()));
    }
    out
}

/// The citations serving the fact at `path`: those of the rules that read
/// it or a fact within it.
pub fn serving<'a>(served: &'a BTreeMap<String, Vec<Citation>>, path: &str) -> Vec<&'a Citation> {
    let mut out: Vec<&Citation> = Vec::new();
    for (p, cites) in served {
        let within = p
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with("[]"));
        if within {
            for c in cites {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// The schema paths `e` reads; `bound` holds the list path of each
/// enclosing `every`/`some`/`count`, outermost first.
fn read(e: &CExpr, bound: &mut Vec<String>, out: &mut Vec<String>) {
    match e {
        CExpr::Fact { root, text, .. } => {
            if let Some(p) = path_of(*root, text, bound) {
                out.push(p);
            }
        }
        CExpr::Const(_) | CExpr::Param { .. } | CExpr::Today => {}
        CExpr::List(items) | CExpr::And(items) | CExpr::Or(items) => items.iter().for_each(|i| read(i, bound, out)),
        CExpr::Not(x) | CExpr::Present { expr: x, .. } | CExpr::Matches { lhs: x, .. } => read(x, bound, out),
        CExpr::Cmp { lhs, rhs, .. } | CExpr::In { lhs, rhs, .. } | CExpr::Contains { lhs, rhs } => {
            read(lhs, bound, out);
            read(rhs, bound, out);
        }
        CExpr::Count { list, cond } => {
            read(list, bound, out);
            if let Some(c) = cond {
                within(list, c, bound, out);
            }
        }
        CExpr::Quant { list, body, .. } => {
            read(list, bound, out);
            within(list, body, bound, out);
        }
    }
}

/// Read `body` with the elements of `list` bound.
fn within(list: &CExpr, body: &CExpr, bound: &mut Vec<String>, out: &mut Vec<String>) {
    let element = match list {
        CExpr::Fact { root, text, .. } => path_of(*root, text, bound).map(|p| format!("{p}[]")),
        _ => None,
    };
    bound.push(element.unwrap_or_default());
    read(body, bound, out);
    bound.pop();
}

/// A fact's schema path: from the subject, or from a bound element
/// (`c.delay` in `every c in licence_changes: …` is `licence_changes[].delay`).
fn path_of(root: Root, text: &str, bound: &[String]) -> Option<String> {
    match root {
        Root::Subject => Some(text.to_string()),
        Root::Var(k) => {
            let list = bound.get(k).filter(|l| !l.is_empty())?;
            Some(match text.split_once('.') {
                Some((_, rest)) => format!("{list}.{rest}"),
                None => list.clone(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_read_in_a_quantifier_are_paths_of_the_list_elements() {
        let rules = crate::load::builtin().unwrap();
        let profiles = served(&rules, SubjectKind::CaProfile);
        let delay = &profiles["licence_changes[].delay"];
        assert!(delay.iter().any(|c| c.to_string() == "MEASURES-2015 13"), "{delay:?}");
        let certs = served(&rules, SubjectKind::Certificate);
        let public_key: Vec<String> = serving(&certs, "public_key").iter().map(|c| c.to_string()).collect();
        assert!(public_key.iter().any(|c| c.starts_with("ESL 21")), "{public_key:?}");
    }
}
