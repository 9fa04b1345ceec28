//! The law over time, worked out once per run: every date at which something
//! can change (an instrument comes into force, is repealed or, as an adopted
//! draft, published; a citation's `from`/`until`; an amended wording), and
//! for each interval between two such dates a [`Snapshot`]: which citations
//! of each rule hold and what value each parameter takes. A subject's rule
//! is then judged with the snapshot of its judging date, found by binary
//! search, so the cost per subject does not grow with the law's history.

use time::Date;

use super::Rule;
use crate::facts::Value;
use crate::law::{Law, Resolution};

/// The most citations a rule may have: which of them hold is a bit each.
pub const MAX_CITATIONS: usize = 32;

/// What holds in one interval of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Per rule: bit `i` set when the rule's citation `i` holds. A rule is in
    /// force when any does.
    pub cites: Vec<u32>,
    /// Per parameter: the value that applies, `None` when none does.
    pub params: Vec<Option<Value>>,
}

impl Snapshot {
    pub fn in_force(&self, rule: usize) -> bool {
        self.cites(rule) != 0
    }

    /// Which citations of a rule hold, one bit each.
    pub fn cites(&self, rule: usize) -> u32 {
        self.cites.get(rule).copied().unwrap_or(0)
    }
}

/// The snapshots of one regime, by date.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The regime and the drafts it adopts: what the timeline depends on
    /// besides the rules (a check date only picks a snapshot).
    regime: String,
    adopted: Vec<String>,
    /// The first day of each interval, ascending; the first is `Date::MIN`.
    starts: Vec<Date>,
    snapshots: Vec<Snapshot>,
}

impl Timeline {
    pub fn new(law: &Law, rules: &[Rule], res: &Resolution) -> Self {
        let mut dates = vec![Date::MIN];
        for i in &law.instruments {
            dates.extend([i.in_force, i.repealed, i.published].into_iter().flatten());
            for a in i.articles.values() {
                dates.extend(a.versions.iter().filter_map(|v| v.from));
            }
        }
        let windows = rules.iter().flat_map(|r| &r.cites).chain(
            law.parameters
                .iter()
                .flat_map(|p| p.values.iter().flat_map(|v| &v.cites)),
        );
        for c in windows {
            dates.extend([c.from, c.until].into_iter().flatten());
        }
        dates.sort_unstable();
        dates.dedup();
        let mut starts: Vec<Date> = Vec::with_capacity(dates.len());
        let mut snapshots: Vec<Snapshot> = Vec::with_capacity(dates.len());
        for d in dates {
            let snap = snapshot(law, rules, &res.on(d));
            // An interval that changes nothing joins the one before it.
            if snapshots.last() != Some(&snap) {
                starts.push(d);
                snapshots.push(snap);
            }
        }
        Self {
            regime: res.regime.clone(),
            adopted: res.adopted.clone(),
            starts,
            snapshots,
        }
    }

    /// Was it worked out for the regime of `res` (on any date)?
    pub fn is_for(&self, res: &Resolution) -> bool {
        self.regime == res.regime && self.adopted == res.adopted
    }

    /// The position of the snapshot that holds on `date`.
    pub fn index(&self, date: Date) -> usize {
        self.starts.partition_point(|s| *s <= date).saturating_sub(1)
    }

    pub fn get(&self, index: usize) -> &Snapshot {
        static EMPTY: Snapshot = Snapshot {
            cites: Vec::new(),
            params: Vec::new(),
        };
        self.snapshots.get(index).unwrap_or(&EMPTY)
    }

    /// The snapshot that holds on `date`.
    pub fn at(&self, date: Date) -> &Snapshot {
        self.get(self.index(date))
    }

    /// Each interval's first day and what holds in it, in order.
    pub fn intervals(&self) -> impl Iterator<Item = (Date, &Snapshot)> {
        self.starts.iter().copied().zip(&self.snapshots)
    }

    /// The values parameter `index` takes over time, each with the first day
    /// it applies (`None`: from the start) and the day it stops (`None`:
    /// still applies); a time without a value is left out.
    pub fn parameter_history(&self, index: usize) -> Vec<(Option<Date>, Option<Date>, Value)> {
        let mut out: Vec<(Option<Date>, Option<Date>, Value)> = Vec::new();
        let mut open: Option<(Option<Date>, Value)> = None;
        for (start, snap) in self.intervals() {
            let now = snap.params.get(index).cloned().flatten();
            if open.as_ref().map(|(_, v)| v) == now.as_ref() {
                continue;
            }
            if let Some((from, v)) = open.take() {
                out.push((from, Some(start), v));
            }
            open = now.map(|v| ((start != Date::MIN).then_some(start), v));
        }
        out.extend(open.map(|(from, v)| (from, None, v)));
        out
    }
}

fn snapshot(law: &Law, rules: &[Rule], res: &Resolution) -> Snapshot {
    let cites = rules
        .iter()
        .map(|r| {
            r.cites
                .iter()
                .take(MAX_CITATIONS)
                .enumerate()
                .filter(|(_, c)| law.cites_in_force(c, res))
                .map(|(i, _)| 1u32 << i)
                .fold(0, std::ops::BitOr::bitor)
        })
        .collect();
    let params = (0..law.parameters.len())
        .map(|i| law.parameter_value(i, res).cloned())
        .collect();
    Snapshot { cites, params }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parameter_history_gives_each_value_its_dates() {
        let rules = crate::load::builtin().unwrap();
        let p = rules
            .law
            .parameters
            .iter()
            .position(|p| p.name == "min-registered-capital-rmb")
            .unwrap();
        let date = |s: &str| crate::dates::parse_date(s).unwrap();
        let history = |regime: &str| {
            let res = rules.law.resolve(regime, date("2026-01-01")).unwrap();
            Timeline::new(&rules.law, &rules.rules, &res).parameter_history(p)
        };
        let current = history("current");
        assert_eq!(current.len(), 1, "{current:?}");
        assert_eq!(current[0].1, None, "{current:?}");
        assert_eq!(current[0].2, Value::Int(30_000_000));
        let draft = history("draft-2024");
        assert_eq!(draft.len(), 2, "{draft:?}");
        assert_eq!(draft[0].1, Some(date("2024-09-02")), "{draft:?}");
        assert_eq!((draft[1].0, draft[1].1), (Some(date("2024-09-02")), None), "{draft:?}");
        assert_eq!(draft[1].2, Value::Int(70_000_000));
    }

    #[test]
    fn an_evaluator_shares_a_timeline_of_its_regime_only() {
        use crate::engine::Evaluator;
        let rules = crate::load::builtin().unwrap();
        let date = |s: &str| crate::dates::parse_date(s).unwrap();
        let current = rules.law.resolve("current", date("2026-01-01")).unwrap();
        let draft = rules.law.resolve("draft-2024", date("2026-01-01")).unwrap();
        let first = Evaluator::new(&rules, current.clone());
        let shared = first.timeline();
        // Another date of the same regime: the same timeline, not a copy.
        let later = Evaluator::on(&rules, current.on(date("2030-01-01")), shared);
        assert!(std::sync::Arc::ptr_eq(later.timeline(), shared));
        // Another regime: a timeline of its own, as a fresh evaluator has.
        let other = Evaluator::on(&rules, draft.clone(), shared);
        assert!(!std::sync::Arc::ptr_eq(other.timeline(), shared));
        assert!(other.timeline().is_for(&draft) && !shared.is_for(&draft));
        let fresh = Evaluator::new(&rules, draft);
        let in_force = |e: &Evaluator| (0..rules.rules.len()).map(|i| e.in_force(i)).collect::<Vec<_>>();
        assert_eq!(in_force(&other), in_force(&fresh));
        assert_ne!(in_force(&other), in_force(&first), "the regimes differ on 2026-01-01");
    }
}
