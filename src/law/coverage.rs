//! Statutory coverage: for every article of every instrument, whether a rule
//! cites it, it is scoped out (with its reason), its text is unverified, or it
//! is uncovered; and for every rule, the scenarios that exercise it. A pure
//! function of the law, the rules' citations and the scenarios' expectations;
//! `certlex coverage` renders it.
//!
//! The percentage is articles cited ÷ articles in scope. Scoped-out articles
//! are not in scope; unverified articles (text not available) are counted in
//! a column of their own and left out of the denominator, so a gap in the
//! sources never reads as covered nor as a failure of the rules.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Citation, Law, Scope, Target};

/// What coverage needs to know of a rule.
#[derive(Debug, Clone, Copy)]
pub struct RuleRef<'a> {
    pub id: &'a str,
    pub cites: &'a [Citation],
    /// The rule is undetermined whenever it is in force (`undetermined.*`:
    /// the law it cites is not encoded): it has no passing side, so a
    /// not-in-force scenario stands in for one.
    pub undetermined_only: bool,
}

/// One scenario step expecting a status of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Exercise {
    pub rule: String,
    pub kind: ExerciseKind,
    /// The expected status, as the engine names it (`pass`, `fail`, …).
    pub status: String,
    pub feature: String,
    /// Line of the scenario in the feature file.
    pub line: usize,
    pub scenario: String,
    /// Whether the scenario passed when it was run ([`mark_run`]); `None`:
    /// not run. A scenario that failed shows neither side of its rule.
    pub passed: Option<bool>,
}

/// A scenario's outcome from an actual run of the features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    /// The feature file, as the exercises name it.
    pub feature: String,
    /// The scenario's line.
    pub line: usize,
    pub passed: bool,
}

/// Mark each exercise with the outcome of its scenario in `ran`; one whose
/// scenario is not among them stays not run.
pub fn mark_run(exercises: &mut [Exercise], ran: &[Ran]) {
    let same = |a: &str, b: &str| a.trim_start_matches("./") == b.trim_start_matches("./");
    for e in exercises {
        e.passed = ran
            .iter()
            .find(|r| r.line == e.line && same(&r.feature, &e.feature))
            .map(|r| r.passed);
    }
}

/// How a scenario exercises a rule. `Failing` is every status that stands
/// against conformance (fail, needs-evidence, undetermined): an attest rule
/// never fails, its adverse outcome is needs-evidence. `Other` is
/// not-applicable and not-in-force, which show neither side of the duty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExerciseKind {
    Passing,
    Failing,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// At least one rule cites the article (or one of its paragraphs or items).
    Cited,
    /// Marked out of scope, with a reason.
    ScopedOut,
    /// Its text is not available to the project.
    Unverified,
    /// In scope and no rule cites it yet.
    Uncovered,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleCoverage {
    pub number: u32,
    pub state: State,
    /// Ids of the rules citing it, sorted.
    pub rules: Vec<String>,
    /// Names of the parameters whose values cite it.
    pub parameters: Vec<String>,
    /// The paragraphs and items of a cited article that no rule cites, per
    /// wording (empty for an article that is not cited).
    pub uncited: Vec<Uncited>,
}

/// A paragraph (or an item of it) of one wording of an article that no rule
/// cites while that wording is in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncited {
    /// The first day of the wording (`None`: the original wording).
    pub wording_from: Option<time::Date>,
    pub para: u32,
    pub item: Option<u32>,
    /// The wording has more than one paragraph, so the paragraph is named.
    pub para_named: bool,
}

/// The paragraphs and items of `article` that none of `cites` reaches: a
/// paragraph with items counts each item, one without counts itself. A
/// citation of the whole article reaches all; one limited in time reaches
/// only the wordings in force inside its window.
pub fn uncited_parts(article: &super::Article, cites: &[&Citation]) -> Vec<Uncited> {
    let mut out = Vec::new();
    for (vi, v) in article.versions.iter().enumerate() {
        let until = article.version_until(vi);
        let overlaps = |c: &Citation| {
            c.until.is_none_or(|u| v.from.is_none_or(|f| u > f)) && c.from.is_none_or(|f| until.is_none_or(|u| f < u))
        };
        let here: Vec<&Citation> = cites.iter().copied().filter(|c| overlaps(c)).collect();
        let with_items = v.para_with_items().map(|p| p.number);
        let reaches = |para: u32, item: Option<u32>| {
            here.iter().any(|c| match c.target {
                Target::Article {
                    para: None, item: None, ..
                } => true,
                Target::Article {
                    para: Some(p), item: i, ..
                } => p == para && (i.is_none() || i == item),
                Target::Article {
                    para: None,
                    item: Some(i),
                    ..
                } => with_items == Some(para) && item == Some(i),
                _ => false,
            })
        };
        let para_named = v.paras.len() > 1;
        for p in &v.paras {
            let units: Vec<Option<u32>> = if p.items.is_empty() {
                vec![None]
            } else {
                p.items.iter().map(|i| Some(i.number)).collect()
            };
            for item in units {
                if !reaches(p.number, item) {
                    out.push(Uncited {
                        wording_from: v.from,
                        para: p.number,
                        item,
                        para_named,
                    });
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone, Serialize)]
pub struct ChapterCoverage {
    /// `None`: the articles whose chapter is not known.
    pub number: Option<u32>,
    pub articles: Vec<ArticleCoverage>,
    /// Rules citing the chapter as a whole (the article is not known).
    pub cited_as_chapter: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub present: usize,
    pub cited: usize,
    pub scoped_out: usize,
    pub unverified: usize,
    pub uncovered: usize,
    /// Article numbers up to the instrument's article count that are not in
    /// the rules at all (counted as in scope and uncovered: fail closed).
    pub missing: usize,
}

impl Counts {
    pub fn in_scope(&self) -> usize {
        self.cited + self.uncovered + self.missing
    }

    /// Articles cited ÷ articles in scope, in percent; 100 when nothing is in scope.
    pub fn percent(&self) -> f64 {
        match self.in_scope() {
            0 => 100.0,
            n => self.cited as f64 * 100.0 / n as f64,
        }
    }

    fn add(&mut self, other: &Counts) {
        self.present += other.present;
        self.cited += other.cited;
        self.scoped_out += other.scoped_out;
        self.unverified += other.unverified;
        self.uncovered += other.uncovered;
        self.missing += other.missing;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct InstrumentCoverage {
    pub id: String,
    pub chapters: Vec<ChapterCoverage>,
    /// Article numbers missing from the rules.
    pub missing: Vec<u32>,
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize)]
pub struct RuleCoverage {
    pub id: String,
    pub passing: Vec<Exercise>,
    pub failing: Vec<Exercise>,
    pub other: Vec<Exercise>,
    /// See [`RuleRef::undetermined_only`].
    pub undetermined_only: bool,
}

impl RuleCoverage {
    /// Exercised on both sides: at least one passing and one failing
    /// scenario. A rule that is undetermined whenever it is in force has no
    /// passing side: its failing scenario expects undetermined, and a
    /// not-in-force scenario shows its other side.
    pub fn is_exercised(&self) -> bool {
        // A scenario that failed when run shows nothing of the rule.
        let ok = |e: &&Exercise| e.passed != Some(false);
        if self.undetermined_only {
            return self.failing.iter().filter(ok).any(|e| e.status == "undetermined")
                && self.other.iter().filter(ok).any(|e| e.status == "not-in-force");
        }
        self.passing.iter().any(|e| ok(&e)) && self.failing.iter().any(|e| ok(&e))
    }
}

/// An instrument whose articles are not counted, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Apart {
    pub id: String,
    pub why: ApartWhy,
    /// Ids of the rules citing it, sorted.
    pub rules: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApartWhy {
    /// Known to exist, its text not encoded (`status not-encoded`): its rules
    /// are undetermined while it is in force.
    NotEncoded,
    /// A technical standard (`kind standard`): not law to cover.
    Standard,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub instruments: Vec<InstrumentCoverage>,
    /// Instruments listed apart: no articles to cover.
    pub apart: Vec<Apart>,
    pub rules: Vec<RuleCoverage>,
    /// Scenario steps naming a rule that does not exist.
    pub unknown_rules: Vec<Exercise>,
    pub total: Counts,
}

/// Compute coverage. Rules are listed in the order given; instruments in the
/// law's order, chapters in number order with the articles of unknown chapter last.
pub fn coverage(law: &Law, rules: &[RuleRef], exercises: &[Exercise]) -> Coverage {
    let refs = rules;
    let mut instruments = Vec::new();
    let mut apart = Vec::new();
    let mut total = Counts::default();
    for inst in &law.instruments {
        let why = if inst.kind == super::Kind::Standard {
            Some(ApartWhy::Standard)
        } else if inst.status == super::Status::NotEncoded {
            Some(ApartWhy::NotEncoded)
        } else {
            None
        };
        if let Some(why) = why {
            let mut ids: Vec<String> = rules
                .iter()
                .filter(|r| r.cites.iter().any(|c| c.instrument == inst.id))
                .map(|r| r.id.to_string())
                .collect();
            ids.sort();
            ids.dedup();
            apart.push(Apart {
                id: inst.id.clone(),
                why,
                rules: ids,
            });
            continue;
        }
        let cites_of = |number: u32| -> Vec<String> {
            let mut ids: Vec<String> = rules
                .iter()
                .filter(|r| {
                    r.cites
                        .iter()
                        .any(|c| c.instrument == inst.id && c.article() == Some(number))
                })
                .map(|r| r.id.to_string())
                .collect();
            ids.sort();
            ids.dedup();
            ids
        };
        let params_of = |number: u32| -> Vec<String> {
            law.parameters
                .iter()
                .filter(|p| {
                    p.values.iter().flat_map(|v| &v.cites).any(|c| {
                        c.instrument == inst.id && matches!(c.target, Target::Article { number: n, .. } if n == number)
                    })
                })
                .map(|p| p.name.clone())
                .collect()
        };
        let mut by_chapter: BTreeMap<Option<u32>, Vec<ArticleCoverage>> = BTreeMap::new();
        for ch in &inst.chapters {
            by_chapter.entry(Some(ch.number)).or_default();
        }
        let mut counts = Counts::default();
        for article in inst.articles.values() {
            let rules = cites_of(article.number);
            let state = match (&article.scope, rules.is_empty()) {
                (Scope::Unverified(_), _) => State::Unverified,
                (Scope::Out(_), _) => State::ScopedOut,
                (Scope::InScope, false) => State::Cited,
                (Scope::InScope, true) => State::Uncovered,
            };
            counts.present += 1;
            match state {
                State::Cited => counts.cited += 1,
                State::ScopedOut => counts.scoped_out += 1,
                State::Unverified => counts.unverified += 1,
                State::Uncovered => counts.uncovered += 1,
            }
            by_chapter
                .entry(inst.chapter_of(article))
                .or_default()
                .push(ArticleCoverage {
                    number: article.number,
                    state,
                    uncited: if state == State::Cited {
                        let cites: Vec<&Citation> = refs
                            .iter()
                            .flat_map(|r| r.cites.iter())
                            .filter(|c| c.instrument == inst.id && c.article() == Some(article.number))
                            .collect();
                        uncited_parts(article, &cites)
                    } else {
                        Vec::new()
                    },
                    rules,
                    parameters: params_of(article.number),
                });
        }
        let missing: Vec<u32> = inst
            .article_count
            .map(|n| (1..=n).filter(|a| !inst.articles.contains_key(a)).collect())
            .unwrap_or_default();
        counts.missing = missing.len();
        let mut chapters: Vec<ChapterCoverage> = by_chapter
            .into_iter()
            .map(|(number, articles)| {
                let mut cited_as_chapter: Vec<String> = rules
                    .iter()
                    .filter(|r| {
                        r.cites.iter().any(|c| {
                            c.instrument == inst.id && matches!(c.target, Target::Chapter(n) if Some(n) == number)
                        })
                    })
                    .map(|r| r.id.to_string())
                    .collect();
                cited_as_chapter.sort();
                cited_as_chapter.dedup();
                ChapterCoverage {
                    number,
                    articles,
                    cited_as_chapter,
                }
            })
            .collect();
        // The articles of unknown chapter come last.
        chapters.sort_by_key(|c| c.number.map_or(u32::MAX, |n| n));
        total.add(&counts);
        instruments.push(InstrumentCoverage {
            id: inst.id.clone(),
            chapters,
            missing,
            counts,
        });
    }
    let rule_coverage = rules
        .iter()
        .map(|r| {
            let of = |kind: ExerciseKind| -> Vec<Exercise> {
                exercises
                    .iter()
                    .filter(|e| e.rule == r.id && e.kind == kind)
                    .cloned()
                    .collect()
            };
            RuleCoverage {
                id: r.id.to_string(),
                passing: of(ExerciseKind::Passing),
                failing: of(ExerciseKind::Failing),
                other: of(ExerciseKind::Other),
                undetermined_only: r.undetermined_only,
            }
        })
        .collect();
    let unknown_rules = exercises
        .iter()
        .filter(|e| !rules.iter().any(|r| r.id == e.rule))
        .cloned()
        .collect();
    Coverage {
        instruments,
        apart,
        rules: rule_coverage,
        unknown_rules,
        total,
    }
}

/// `1-3, 5, 7-9`: article numbers as ranges.
pub fn ranges(numbers: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut iter = numbers.iter().copied().peekable();
    while let Some(start) = iter.next() {
        let mut end = start;
        while iter.peek() == Some(&(end + 1)) {
            end += 1;
            iter.next();
        }
        out.push(if end == start {
            start.to_string()
        } else {
            format!("{start}-{end}")
        });
    }
    out.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    const LAW: &str = r#"
instrument LAW {
  title.en "A law"
  source.en "a test"
  confidence.en exact
  in-force 2000-01-01
  article-count 5
  chapter 1 {
    title.en "One"
    articles 1-2
  }
  chapter 2 {
    title.en "Two"
    articles 3-4
  }
}
article LAW 1 {
  scope-out.zh "目的"
  scope-out.en "purpose"
  text.en "purpose"
}
article LAW 2 {
  text.en "a duty"
  item 1 {
    text.en "first"
  }
}
article LAW 3 {
  text.en "another duty"
}
article LAW 4 {
  unverified.zh "没有文本"
  unverified.en "text not available"
}
regime current {
  title.en "now"
}
parameter fine {
  title.en "a fine"
  value 10 cites LAW 1
}
"#;

    fn law() -> Law {
        let loaded = crate::load::load(&[SourceFile::new("law.rules", LAW)]);
        assert!(loaded.errors().next().is_none(), "{:?}", loaded.diags);
        loaded.rules.unwrap().law
    }

    fn cite(article: u32, item: Option<u32>) -> Citation {
        Citation {
            instrument: "LAW".into(),
            target: Target::Article {
                number: article,
                para: None,
                item,
            },
            from: None,
            until: None,
        }
    }

    fn exercise(rule: &str, kind: ExerciseKind) -> Exercise {
        Exercise {
            rule: rule.into(),
            kind,
            status: "pass".into(),
            feature: "f.feature".into(),
            line: 1,
            scenario: "s".into(),
            passed: None,
        }
    }

    #[test]
    fn articles_are_cited_scoped_out_unverified_uncovered_or_missing() {
        let law = law();
        let cites = [cite(2, Some(1))];
        let chapter = [Citation {
            target: Target::Chapter(2),
            ..cite(3, None)
        }];
        let rules = [
            RuleRef {
                id: "R-2",
                undetermined_only: false,
                cites: &cites,
            },
            RuleRef {
                id: "R-CH2",
                undetermined_only: false,
                cites: &chapter,
            },
        ];
        let c = coverage(&law, &rules, &[]);
        let inst = &c.instruments[0];
        assert_eq!(
            inst.counts,
            Counts {
                present: 4,
                cited: 1,
                scoped_out: 1,
                unverified: 1,
                uncovered: 1,
                missing: 1,
            }
        );
        assert_eq!(inst.missing, vec![5]);
        // In scope: 2 (cited), 3 (uncovered), 5 (missing); 4 is counted apart.
        assert_eq!(inst.counts.in_scope(), 3);
        assert!((inst.counts.percent() - 100.0 / 3.0).abs() < 1e-9);
        let ch1 = &inst.chapters[0];
        assert_eq!(ch1.number, Some(1));
        assert_eq!(ch1.articles[0].state, State::ScopedOut);
        assert_eq!(ch1.articles[0].parameters, vec!["fine".to_string()]);
        assert_eq!(ch1.articles[1].state, State::Cited);
        assert_eq!(ch1.articles[1].rules, vec!["R-2".to_string()]);
        let ch2 = &inst.chapters[1];
        assert_eq!(ch2.cited_as_chapter, vec!["R-CH2".to_string()]);
        // A chapter citation does not cover an article of that chapter.
        assert_eq!(ch2.articles[0].state, State::Uncovered);
        assert_eq!(ch2.articles[1].state, State::Unverified);
    }

    #[test]
    fn rules_list_their_passing_failing_and_other_scenarios() {
        let law = law();
        let cites = [cite(2, None)];
        let rules = [RuleRef {
            id: "R-2",
            undetermined_only: false,
            cites: &cites,
        }];
        let exercises = [
            exercise("R-2", ExerciseKind::Passing),
            exercise("R-2", ExerciseKind::Failing),
            exercise("R-2", ExerciseKind::Other),
            exercise("NO-SUCH", ExerciseKind::Passing),
        ];
        let c = coverage(&law, &rules, &exercises);
        let r = &c.rules[0];
        assert_eq!((r.passing.len(), r.failing.len(), r.other.len()), (1, 1, 1));
        assert!(r.is_exercised());
        assert_eq!(c.unknown_rules.len(), 1);
        let none = coverage(&law, &rules, &[]);
        assert!(!none.rules[0].is_exercised());
        // Run: the failing scenario failed, so the rule lacks a failing side.
        let mut run = exercises.to_vec();
        let ran = |line, passed| Ran {
            feature: "./f.feature".into(),
            line,
            passed,
        };
        run[1].line = 2;
        mark_run(&mut run, &[ran(1, true), ran(2, false)]);
        assert_eq!(
            run.iter().map(|e| e.passed).collect::<Vec<_>>()[..2],
            [Some(true), Some(false)]
        );
        assert!(!coverage(&law, &rules, &run).rules[0].is_exercised());
        mark_run(&mut run, &[]);
        assert!(run.iter().all(|e| e.passed.is_none()));
    }

    #[test]
    fn paragraphs_and_items_no_rule_cites_are_named_per_wording() {
        let text = r#"
instrument L {
  title.en "L"
  source.en "a test"
  confidence.en exact
  in-force 2000-01-01
  article-count 1
}
article L 1 {
  version 2000-01-01 {
    para 1 {
      text.en "one"
      item 1 {
        text.en "a"
      }
      item 2 {
        text.en "b"
      }
    }
    para 2 {
      text.en "two"
    }
  }
  version 2010-01-01 {
    para 1 {
      text.en "one, amended"
    }
  }
}
regime current {
  title.en "now"
}
"#;
        let loaded = crate::load::load(&[SourceFile::new("l.rules", text)]);
        assert!(loaded.errors().next().is_none(), "{:?}", loaded.diags);
        let law = loaded.rules.unwrap().law;
        let article = law.instrument("L").unwrap().articles.get(&1).unwrap();
        let date = |s: &str| crate::dates::parse_date(s);
        // Item (1) until the amendment: item (2) and para 2 of the first
        // wording, and the amended wording, are not cited.
        let item1 = Citation {
            instrument: "L".into(),
            target: Target::Article {
                number: 1,
                para: None,
                item: Some(1),
            },
            from: None,
            until: date("2010-01-01"),
        };
        let got = uncited_parts(article, &[&item1]);
        let parts: Vec<_> = got.iter().map(|u| (u.wording_from, u.para, u.item)).collect();
        assert_eq!(
            parts,
            vec![
                (date("2000-01-01"), 1, Some(2)),
                (date("2000-01-01"), 2, None),
                (date("2010-01-01"), 1, None),
            ]
        );
        assert!(got[0].para_named && !got[2].para_named);
        // The whole article, at any time, leaves nothing out.
        let whole = Citation {
            target: Target::Article {
                number: 1,
                para: None,
                item: None,
            },
            until: None,
            ..item1.clone()
        };
        assert!(uncited_parts(article, &[&whole]).is_empty());
        // Paragraph 1 from the amendment on reaches only the amended wording.
        let para1 = Citation {
            target: Target::Article {
                number: 1,
                para: Some(1),
                item: None,
            },
            from: date("2010-01-01"),
            until: None,
            ..item1
        };
        assert_eq!(uncited_parts(article, &[&para1]).len(), 3);
    }

    #[test]
    fn nothing_in_scope_is_full_coverage() {
        assert!((Counts::default().percent() - 100.0).abs() < 1e-9);
    }

    #[test]
    fn article_numbers_collapse_into_ranges() {
        assert_eq!(ranges(&[1, 2, 3, 5, 7, 8]), "1-3, 5, 7-8");
        assert_eq!(ranges(&[]), "");
    }
}
