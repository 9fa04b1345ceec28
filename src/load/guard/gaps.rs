//! A rule in force must find a value for every parameter it reads: where none
//! applies, every check is undetermined, and the threshold is silently
//! missing. The law changes only on the dates the rule files name (entry into
//! force, repeal, publication, `from`/`until` of citations), so each regime is
//! resolved once per period between those dates. A gap is reported at the
//! rule, on each use of the parameter, naming the regime and the dates: an
//! error when it reaches today (a check run now would be undetermined), a
//! warning when it lies wholly in the past or the future (undetermined there
//! may be what the rules mean, e.g. before an instrument that set the value
//! was in force).

use time::Date;

use crate::diag::Diag;
use crate::law::{Citation, Law};
use crate::load::rules::Loaded;

/// The dates on which what is in force may change, sorted, once each.
fn turning_points(law: &Law, loaded: &[Loaded]) -> Vec<Date> {
    let mut dates: Vec<Date> = Vec::new();
    for i in &law.instruments {
        dates.extend([i.in_force, i.repealed, i.published].into_iter().flatten());
    }
    let windows = |c: &Citation| [c.from, c.until].into_iter().flatten();
    for l in loaded {
        dates.extend(l.rule.cites.iter().flat_map(windows));
    }
    for p in &law.parameters {
        dates.extend(p.values.iter().flat_map(|v| v.cites.iter().flat_map(windows)));
    }
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// A stretch of time: from a date (or from the start of time) until a date
/// (exclusive) or on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Period {
    from: Option<Date>,
    until: Option<Date>,
}

impl Period {
    fn describe(self) -> String {
        match (self.from, self.until) {
            (Some(f), Some(u)) => format!("from {f} until {u}"),
            (Some(f), None) => format!("from {f} on"),
            (None, Some(u)) => format!("before {u}"),
            (None, None) => "at any date".to_string(),
        }
    }

    fn contains(self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.until.is_none_or(|u| d < u)
    }
}

pub fn parameter_gaps(law: &Law, loaded: &[Loaded], diags: &mut Vec<Diag>) {
    let points = turning_points(law, loaded);
    // Each period starts at a turning point; the first is the time before them all.
    let mut periods: Vec<(Date, Period)> = Vec::new();
    if let Some(first) = points.first()
        && let Some(before) = first.previous_day()
    {
        periods.push((
            before,
            Period {
                from: None,
                until: Some(*first),
            },
        ));
    }
    for (k, d) in points.iter().enumerate() {
        periods.push((
            *d,
            Period {
                from: Some(*d),
                until: points.get(k + 1).copied(),
            },
        ));
    }
    let today = crate::dates::today();
    for l in loaded {
        let mut params: Vec<usize> = l.param_uses.iter().map(|(p, _)| *p).collect();
        params.sort_unstable();
        params.dedup();
        for p in params {
            let mut gaps: Vec<(String, Period)> = Vec::new();
            for regime in &law.regimes {
                let mut open: Option<Period> = None;
                for (at, period) in &periods {
                    let Ok(res) = law.resolve(&regime.name, *at) else {
                        continue;
                    };
                    let in_force = l.rule.cites.iter().any(|c| law.cites_in_force(c, &res));
                    if in_force && law.parameter_value(p, &res).is_none() {
                        open = Some(open.map_or(*period, |o| Period {
                            until: period.until,
                            ..o
                        }));
                    } else if let Some(o) = open.take() {
                        gaps.push((regime.name.clone(), o));
                    }
                }
                if let Some(o) = open {
                    gaps.push((regime.name.clone(), o));
                }
            }
            report(law, l, p, &gaps, today, diags);
        }
    }
}

fn report(law: &Law, l: &Loaded, p: usize, gaps: &[(String, Period)], today: Date, diags: &mut Vec<Diag>) {
    let (Some((regime, first)), Some(param)) = (gaps.first(), law.parameters.get(p)) else {
        return;
    };
    let uses: Vec<_> = l.param_uses.iter().filter(|(q, _)| *q == p).map(|(_, s)| *s).collect();
    let Some((primary, others)) = uses.split_first() else {
        return;
    };
    let when: Vec<String> = gaps
        .iter()
        .map(|(r, period)| format!("under `{r}` {}", period.describe()))
        .collect();
    let message = format!(
        "rule `{}` reads `{}`, which has no value under `{regime}` {} while the rule is in force",
        l.rule.id,
        param.name,
        first.describe()
    );
    let now = gaps.iter().any(|(_, period)| period.contains(today));
    let mut d = if now {
        Diag::error("certlex::rules::parameter-without-value", message)
    } else {
        Diag::warning("certlex::rules::parameter-without-value", message)
    };
    d = d
        .in_file(&l.rule.origin.file)
        .label(*primary, format!("no value applies {}", when.join("; ")));
    for s in others {
        d = d.label(*s, "");
    }
    let now = if now { " (today among them)" } else { "" };
    diags.push(
        d.help(format!(
            "no value of `{}` applies {}{now}, so every check there is undetermined: give the parameter a `value … cites …` whose provision is in force then, or limit the rule's citations with `from`/`until` to when a value applies",
            param.name,
            when.join("; ")
        ))
        .related(
            Diag::warning("certlex::rules::parameter-without-value", format!("parameter `{}`", param.name))
                .in_file(&param.origin.file)
                .label(param.origin.span, "its values"),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    const LAW: &str = r#"
instrument L {
  title.en "L"
  in-force 2005-01-01
  source.en "test"
  confidence.en exact
}
article L 1 {
  text.en "at least 30 persons"
}
article L 2 {
  text.en "a second article"
}
regime current {
  title.en "now"
}
"#;

    /// (is an error, message, the text of each label) of each gap.
    fn gaps(value_cites: &str, rule_cites: &str) -> Vec<(bool, String, String)> {
        let rule = format!(
            "parameter min-people {{\n  title.en \"people\"\n  value 30 cites {value_cites}\n}}\nrule R-1 {{\n  cites {rule_cites}\n  title.zh \"x\"\n  title.en \"x\"\n  applies-to ca-profile\n  severity error\n  require staff.total >= min-people\n  message.zh \"x\"\n  message.en \"x {{min-people}}\"\n}}\n"
        );
        let rules = SourceFile::new("r.rules", rule);
        crate::load::load(&[SourceFile::new("law.rules", LAW), rules.clone()])
            .diags
            .iter()
            .filter(|d| d.code == "certlex::rules::parameter-without-value")
            .map(|d| {
                let at: Vec<String> = d.labels.iter().map(|(s, _)| rules.slice(*s).to_string()).collect();
                (d.is_error(), d.message.clone(), at.join(" "))
            })
            .collect()
    }

    #[test]
    fn a_gap_is_reported_at_each_use_in_the_rule_with_its_dates() {
        let g = gaps("L 1 from 2010-01-01", "L 2");
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(
            g[0].1,
            "rule `R-1` reads `min-people`, which has no value under `current` from 2005-01-01 until 2010-01-01 while the rule is in force"
        );
        assert_eq!(g[0].2, "min-people min-people");
        assert!(!g[0].0, "a gap wholly in the past is a warning");
    }

    #[test]
    fn a_gap_that_reaches_today_is_an_error() {
        let g = gaps("L 1 until 2010-01-01", "L 2");
        assert_eq!(g.len(), 1, "{g:?}");
        assert!(g[0].0);
        assert!(g[0].1.contains("from 2010-01-01 on"), "{g:?}");
    }

    #[test]
    fn a_rule_limited_to_when_a_value_applies_has_no_gap() {
        assert!(gaps("L 1 from 2010-01-01", "L 2 from 2010-01-01").is_empty());
        assert!(gaps("L 1", "L 2").is_empty());
    }
}
