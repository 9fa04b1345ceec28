//! What changes between two resolutions of the law (regime and date): the
//! instruments in force, the rules in force, and the parameters' values.
//! A pure function; `certlex diff` renders it.

use serde::Serialize;

use super::{Citation, Law, Resolution};
use crate::facts::Value;

/// What the diff needs to know of a rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleRef<'a> {
    pub id: &'a str,
    pub cites: &'a [Citation],
    /// Indices of the parameters the rule reads.
    pub params: &'a [usize],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// In force (or set) under the second resolution only.
    Added,
    /// In force (or set) under the first resolution only.
    Removed,
    /// In force under both, on different grounds or with different thresholds.
    Changed,
}

impl Change {
    pub fn sign(self) -> char {
        match self {
            Change::Added => '+',
            Change::Removed => '-',
            Change::Changed => '~',
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentChange {
    pub id: String,
    pub change: Change,
}

/// An article in force on both sides whose wording differs: one side is
/// before an amendment, the other after.
#[derive(Debug, Clone, Serialize)]
pub struct WordingChange {
    pub instrument: String,
    pub article: u32,
    /// The start of the wording in force on each side (`None`: from the instrument's entry into force).
    pub from: Option<time::Date>,
    pub to: Option<time::Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleChange {
    pub id: String,
    pub change: Change,
    /// The rule's citations in force under each side.
    pub cites_from: Vec<Citation>,
    pub cites_to: Vec<Citation>,
    /// Parameters the rule reads whose value differs.
    pub params_changed: Vec<String>,
}

/// A parameter's value on one side, with the provisions in force that set it.
#[derive(Debug, Clone, Serialize)]
pub struct ParamSide {
    /// As written in the rule file (`30_000_000`, `90 days`).
    pub written: String,
    #[serde(skip)]
    pub value: Value,
    pub cites: Vec<Citation>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParamChange {
    pub name: String,
    pub change: Change,
    pub from: Option<ParamSide>,
    pub to: Option<ParamSide>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LawDiff {
    pub instruments: Vec<InstrumentChange>,
    pub wordings: Vec<WordingChange>,
    pub rules: Vec<RuleChange>,
    pub parameters: Vec<ParamChange>,
}

impl LawDiff {
    pub fn is_empty(&self) -> bool {
        self.instruments.is_empty() && self.wordings.is_empty() && self.rules.is_empty() && self.parameters.is_empty()
    }
}

fn change(before: bool, after: bool) -> Option<Change> {
    match (before, after) {
        (false, true) => Some(Change::Added),
        (true, false) => Some(Change::Removed),
        _ => None,
    }
}

/// The differences from `a` to `b`. Rules are reported in the order given,
/// parameters and instruments in the law's order.
pub fn diff(law: &Law, rules: &[RuleRef], a: &Resolution, b: &Resolution) -> LawDiff {
    let instruments = law
        .instruments
        .iter()
        .filter_map(|i| {
            change(law.in_force(i, a), law.in_force(i, b)).map(|change| InstrumentChange {
                id: i.id.clone(),
                change,
            })
        })
        .collect();

    let wordings = law
        .instruments
        .iter()
        .filter(|i| law.in_force(i, a) && law.in_force(i, b))
        .flat_map(|i| i.articles.values())
        .filter_map(|art| {
            let (x, y) = (art.version_at(a.date)?, art.version_at(b.date)?);
            (x.from != y.from).then(|| WordingChange {
                instrument: art.instrument.clone(),
                article: art.number,
                from: x.from,
                to: y.from,
            })
        })
        .collect();

    let side = |index: usize, res: &Resolution| -> Option<ParamSide> {
        let v = law.parameter_entry(index, res)?;
        Some(ParamSide {
            written: v.written.clone(),
            value: v.value.clone(),
            cites: v.cites.iter().filter(|c| law.cites_in_force(c, res)).cloned().collect(),
        })
    };
    let mut parameters = Vec::new();
    let mut changed_params = Vec::new();
    for (index, p) in law.parameters.iter().enumerate() {
        let (from, to) = (side(index, a), side(index, b));
        let change = match (&from, &to) {
            (None, None) => continue,
            (Some(_), None) => Change::Removed,
            (None, Some(_)) => Change::Added,
            (Some(x), Some(y)) if x.value == y.value && x.cites == y.cites => continue,
            (Some(_), Some(_)) => Change::Changed,
        };
        changed_params.push(index);
        parameters.push(ParamChange {
            name: p.name.clone(),
            change,
            from,
            to,
        });
    }

    let rules = rules
        .iter()
        .filter_map(|r| {
            let in_force = |res: &Resolution| -> Vec<Citation> {
                r.cites.iter().filter(|c| law.cites_in_force(c, res)).cloned().collect()
            };
            let (cites_from, cites_to) = (in_force(a), in_force(b));
            let params_changed: Vec<String> = r
                .params
                .iter()
                .filter(|i| changed_params.contains(i))
                .filter_map(|i| law.parameters.get(*i).map(|p| p.name.clone()))
                .collect();
            let change = match change(!cites_from.is_empty(), !cites_to.is_empty()) {
                Some(c) => c,
                None if cites_from.is_empty() => return None,
                None if cites_from != cites_to || !params_changed.is_empty() => Change::Changed,
                None => return None,
            };
            Some(RuleChange {
                id: r.id.to_string(),
                change,
                cites_from,
                cites_to,
                params_changed,
            })
        })
        .collect();

    LawDiff {
        instruments,
        wordings,
        rules,
        parameters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::law::Target;
    use crate::source::SourceFile;

    const LAW: &str = r#"
instrument OLD {
  title.en "Old measures"
  source.en "a test"
  confidence.en exact
  in-force 2009-01-01
  article-count 1
}
instrument NEW {
  title.en "Draft measures"
  source.en "a test"
  confidence.en exact
  status draft
  published 2024-09-02
  replaces OLD
  article-count 1
  chapter 1 {
    title.en "One"
  }
}
article OLD 1 {
  text.en "capital"
}
article NEW 1 {
  unverified.zh "无"
  unverified.en "none"
}
regime current {
  title.en "now"
}
regime draft {
  title.en "draft"
  adopts NEW
}
parameter capital {
  title.en "capital"
  value 30 cites OLD 1
  value 70 cites NEW chapter 1
}
parameter staff {
  title.en "staff"
  value 30 cites OLD 1
}
parameter team {
  title.en "team"
  value 60 cites NEW chapter 1
}
"#;

    fn cite(instrument: &str, target: Target) -> Citation {
        Citation {
            instrument: instrument.into(),
            target,
            from: None,
            until: None,
        }
    }

    #[test]
    fn a_draft_replaces_instruments_rules_and_values() {
        let loaded = crate::load::load(&[SourceFile::new("law.rules", LAW)]);
        let law = loaded.rules.unwrap().law;
        let date = crate::dates::parse_date("2025-01-01").unwrap();
        let a = law.resolve("current", date).unwrap();
        let b = law.resolve("draft", date).unwrap();
        let old = [cite(
            "OLD",
            Target::Article {
                number: 1,
                para: None,
                item: None,
            },
        )];
        let new = [cite("NEW", Target::Chapter(1))];
        let both = [old[0].clone(), new[0].clone()];
        let capital = [0];
        let rules = [
            RuleRef {
                id: "OLD-ONLY",
                cites: &old,
                params: &[],
            },
            RuleRef {
                id: "NEW-ONLY",
                cites: &new,
                params: &[],
            },
            RuleRef {
                id: "BOTH",
                cites: &both,
                params: &capital,
            },
        ];
        let d = diff(&law, &rules, &a, &b);
        let inst: Vec<_> = d.instruments.iter().map(|i| (i.id.as_str(), i.change)).collect();
        assert_eq!(inst, vec![("OLD", Change::Removed), ("NEW", Change::Added)]);
        let r: Vec<_> = d.rules.iter().map(|r| (r.id.as_str(), r.change)).collect();
        assert_eq!(
            r,
            vec![
                ("OLD-ONLY", Change::Removed),
                ("NEW-ONLY", Change::Added),
                ("BOTH", Change::Changed)
            ]
        );
        assert_eq!(d.rules[2].params_changed, vec!["capital".to_string()]);
        let p: Vec<_> = d
            .parameters
            .iter()
            .map(|p| {
                (
                    p.name.as_str(),
                    p.change,
                    p.from.as_ref().map(|s| s.written.as_str()),
                    p.to.as_ref().map(|s| s.written.as_str()),
                )
            })
            .collect();
        assert_eq!(
            p,
            vec![
                ("capital", Change::Changed, Some("30"), Some("70")),
                ("staff", Change::Removed, Some("30"), None),
                ("team", Change::Added, None, Some("60")),
            ]
        );
        assert!(d.wordings.is_empty());
        // The same resolution on both sides: nothing differs.
        assert!(diff(&law, &rules, &a, &a).is_empty());
    }

    #[test]
    fn an_amendment_between_two_dates_changes_a_wording() {
        let text = r#"
instrument L {
  title.en "L"
  source.en "a test"
  confidence.en exact
  in-force 2005-04-01
  amended 2015-04-24
}
article L 1 {
  version 2005-04-01 {
    text.en "old"
  }
  version 2015-04-24 {
    text.en "new"
  }
}
regime current {
  title.en "now"
}
"#;
        let law = crate::load::load(&[SourceFile::new("l.rules", text)])
            .rules
            .unwrap()
            .law;
        let on = |d: &str| law.resolve("current", crate::dates::parse_date(d).unwrap()).unwrap();
        let d = diff(&law, &[], &on("2010-01-01"), &on("2016-01-01"));
        assert_eq!(d.wordings.len(), 1);
        assert_eq!(d.wordings[0].to, crate::dates::parse_date("2015-04-24"));
        assert!(diff(&law, &[], &on("2016-01-01"), &on("2020-01-01")).is_empty());
    }
}
