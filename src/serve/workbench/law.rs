//! The law browser's data: the instruments with their chapters and articles
//! (`GET /api/law`), one article with its wordings, the rules that cite it,
//! their parameters and scenarios (`GET /api/article`), and search across
//! article text and rules (`GET /api/search`). Pure functions of the loaded
//! rule set, so they are tested without a server.

use serde::Serialize;
use time::Date;

use crate::engine::{Evaluator, Rule, RuleSet};
use crate::facts::display;
use crate::i18n::{Lang, Text};
use crate::law::{Article, Instrument, Provenance, Resolution, Scope, Target, Version};
use crate::scenario::results::ScenarioResult;

#[derive(Serialize)]
pub struct InstrumentOut<'a> {
    id: &'a str,
    title: &'a Text,
    short: &'a Text,
    kind: &'static str,
    status: &'static str,
    in_force: Option<Date>,
    chapters: Vec<ChapterOut<'a>>,
}

#[derive(Serialize)]
struct ChapterOut<'a> {
    /// 0 holds articles outside any chapter.
    number: u32,
    title: Option<&'a Text>,
    articles: Vec<ArticleBrief<'a>>,
}

#[derive(Serialize)]
struct ArticleBrief<'a> {
    number: u32,
    heading: &'a Text,
    scope: &'static str,
    /// How many rules cite it.
    rules: usize,
}

fn scope_word(s: &Scope) -> &'static str {
    match s {
        Scope::InScope => "in-scope",
        Scope::Out(_) => "scoped-out",
        Scope::Unverified(_) => "unverified",
    }
}

fn status_word(s: crate::law::Status) -> &'static str {
    match s {
        crate::law::Status::InForce => "in-force",
        crate::law::Status::Draft => "draft",
        crate::law::Status::NotEncoded => "not-encoded",
    }
}

/// Whether a rule cites an article of an instrument (any paragraph or item).
pub fn cites_article(rule: &Rule, instrument: &str, number: u32) -> bool {
    rule.cites
        .iter()
        .any(|c| c.instrument == instrument && matches!(c.target, Target::Article { number: n, .. } if n == number))
}

/// Every instrument, its chapters and their articles.
pub fn tree(set: &RuleSet) -> Vec<InstrumentOut<'_>> {
    set.law
        .instruments
        .iter()
        .map(|inst| {
            let mut chapters: Vec<ChapterOut> = inst
                .chapters
                .iter()
                .map(|c| ChapterOut {
                    number: c.number,
                    title: Some(&c.title),
                    articles: Vec::new(),
                })
                .collect();
            for a in inst.articles.values() {
                let brief = ArticleBrief {
                    number: a.number,
                    heading: &a.heading,
                    scope: scope_word(&a.scope),
                    rules: set
                        .rules
                        .iter()
                        .filter(|r| cites_article(r, &inst.id, a.number))
                        .count(),
                };
                let ch = inst.chapter_of(a).unwrap_or(0);
                match chapters.iter_mut().find(|c| c.number == ch) {
                    Some(c) => c.articles.push(brief),
                    None => chapters.push(ChapterOut {
                        number: ch,
                        title: None,
                        articles: vec![brief],
                    }),
                }
            }
            InstrumentOut {
                id: &inst.id,
                title: &inst.title,
                short: &inst.short,
                kind: inst.kind.word(),
                status: status_word(inst.status),
                in_force: inst.in_force,
                chapters,
            }
        })
        .collect()
}

#[derive(Serialize)]
pub struct ArticleOut<'a> {
    instrument: &'a str,
    instrument_title: &'a Text,
    number: u32,
    heading: &'a Text,
    scope: &'static str,
    /// Why it is scoped out or unverified.
    reason: Option<&'a Text>,
    note: &'a Text,
    versions: Vec<VersionOut<'a>>,
    rules: Vec<RuleOut<'a>>,
}

#[derive(Serialize)]
struct VersionOut<'a> {
    from: Option<Date>,
    until: Option<Date>,
    text: &'a Text,
    paras: Vec<ParaOut<'a>>,
    note: &'a Text,
    provenance: ProvenanceOut<'a>,
}

#[derive(Serialize)]
struct ParaOut<'a> {
    number: u32,
    text: &'a Text,
    items: Vec<(u32, &'a Text)>,
}

#[derive(Serialize)]
struct ProvenanceOut<'a> {
    source_zh: Option<&'a str>,
    confidence_zh: Option<&'static str>,
    source_en: Option<&'a str>,
    confidence_en: Option<&'static str>,
}

fn provenance(p: &Provenance) -> ProvenanceOut<'_> {
    ProvenanceOut {
        source_zh: p.zh.source.as_deref(),
        confidence_zh: p.zh.confidence.map(|c| c.word()),
        source_en: p.en.source.as_deref(),
        confidence_en: p.en.confidence.map(|c| c.word()),
    }
}

#[derive(Serialize)]
struct RuleOut<'a> {
    id: &'a str,
    title: &'a Text,
    severity: crate::engine::Severity,
    applies_to: crate::facts::SubjectKind,
    cites: String,
    /// The rule file, as the editor names it.
    file: String,
    line: usize,
    /// The rule as written.
    source: String,
    parameters: Vec<ParamOut<'a>>,
    /// Per regime: in force on the date asked about?
    in_force: Vec<(&'a str, bool)>,
}

#[derive(Serialize)]
struct ParamOut<'a> {
    name: &'a str,
    title: &'a Text,
    /// Every value the rules give it, with the provisions it rests on.
    values: Vec<(&'a str, String)>,
    /// Per regime: the value in force on the date asked about.
    now: Vec<Now<'a>>,
}

#[derive(Serialize)]
struct Now<'a> {
    regime: &'a str,
    value: Option<Text>,
}

fn version<'a>(a: &'a Article, i: usize, v: &'a Version) -> VersionOut<'a> {
    VersionOut {
        from: v.from,
        until: a.version_until(i),
        text: &v.text,
        paras: v
            .paras
            .iter()
            .map(|p| ParaOut {
                number: p.number,
                text: &p.text,
                items: p.items.iter().map(|it| (it.number, &it.text)).collect(),
            })
            .collect(),
        note: &v.note,
        provenance: provenance(&v.provenance),
    }
}

/// One article with everything the browser shows beside it; `name` turns a
/// rule file's name into the editor's, `evaluator` gives the set's evaluator
/// under a regime and date (the server's, which keeps each regime's timeline).
pub fn article<'a, 'e>(
    set: &'a RuleSet,
    inst: &'a Instrument,
    a: &'a Article,
    date: Date,
    name: &dyn Fn(&str) -> String,
    evaluator: &dyn Fn(Resolution) -> Evaluator<'e>,
) -> ArticleOut<'a> {
    let evaluators: Vec<(&str, Evaluator)> = set
        .law
        .regimes
        .iter()
        .filter_map(|r| Some((r.name.as_str(), evaluator(set.law.resolve(&r.name, date).ok()?))))
        .collect();
    let rules = set
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| cites_article(r, &inst.id, a.number))
        .map(|(index, r)| {
            let parameters = r
                .params()
                .into_iter()
                .filter_map(|p| Some((p, set.law.parameters.get(p)?)))
                .map(|(p, param)| ParamOut {
                    name: &param.name,
                    title: &param.title,
                    values: param
                        .values
                        .iter()
                        .map(|v| {
                            let cites: Vec<String> = v.cites.iter().map(ToString::to_string).collect();
                            (v.written.as_str(), cites.join(", "))
                        })
                        .collect(),
                    now: evaluators
                        .iter()
                        .map(|(regime, ev)| Now {
                            regime,
                            value: ev
                                .parameter(p)
                                .map(|v| Text::both(display(v, Lang::Zh), display(v, Lang::En))),
                        })
                        .collect(),
                })
                .collect();
            RuleOut {
                id: &r.id,
                title: &r.title,
                severity: r.severity,
                applies_to: r.applies_to,
                cites: r.citations_text(),
                file: name(&r.origin.file.name),
                line: r.origin.file.line_col(r.origin.span.start).0,
                source: block_text(&r.origin),
                parameters,
                in_force: evaluators
                    .iter()
                    .map(|(regime, ev)| (*regime, ev.in_force(index)))
                    .collect(),
            }
        })
        .collect();
    let reason = match &a.scope {
        Scope::InScope => None,
        Scope::Out(t) | Scope::Unverified(t) => Some(t),
    };
    ArticleOut {
        instrument: &inst.id,
        instrument_title: &inst.title,
        number: a.number,
        heading: &a.heading,
        scope: scope_word(&a.scope),
        reason,
        note: &a.note,
        versions: a.versions.iter().enumerate().map(|(i, v)| version(a, i, v)).collect(),
        rules,
    }
}

/// The whole block a definition's origin (its head) starts, as written.
fn block_text(origin: &crate::law::Origin) -> String {
    fn smallest(entries: &[crate::lang::ast::Entry], at: usize) -> Option<crate::source::Span> {
        entries.iter().find_map(|e| match &e.body {
            crate::lang::ast::EntryBody::Block(b) if b.span.0.start <= at && at < b.span.0.end => {
                smallest(&b.entries, at).or(Some(b.span.0))
            }
            _ => None,
        })
    }
    let file = &origin.file;
    let parsed = crate::lang::parse(file);
    let span = smallest(&parsed.file.items, origin.span.start).unwrap_or(origin.span);
    file.slice(span).to_string()
}

/// The scenarios that exercise any of `rules`.
pub fn scenarios_for<'r>(results: &'r [ScenarioResult], rules: &[&str]) -> Vec<&'r ScenarioResult> {
    results
        .iter()
        .filter(|s| rules.iter().any(|r| s.exercises(r)))
        .collect()
}

#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct Hit {
    /// `article` or `rule`.
    kind: &'static str,
    instrument: String,
    article: Option<u32>,
    rule: Option<String>,
    /// The text around the match.
    snippet: String,
}

/// Articles (heading, wordings, notes) and rules (id, title, conditions,
/// messages) whose text contains `query`, ignoring case; at most `max`.
pub fn search(set: &RuleSet, query: &str, max: usize) -> Vec<Hit> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for inst in &set.law.instruments {
        for a in inst.articles.values() {
            let texts = article_texts(a);
            if let Some(s) = texts.iter().find_map(|t| snippet(t, &q)) {
                hits.push(Hit {
                    kind: "article",
                    instrument: inst.id.clone(),
                    article: Some(a.number),
                    rule: None,
                    snippet: s,
                });
            }
        }
    }
    for r in &set.rules {
        let texts = [
            Some(r.id.as_str()),
            r.title.zh.as_deref(),
            r.title.en.as_deref(),
            r.when_text.as_deref(),
            r.require_text.as_deref(),
            Some(r.origin.file.slice(r.origin.span)),
        ];
        if let Some(s) = texts.iter().flatten().find_map(|t| snippet(t, &q)) {
            let article = r.cites.iter().find_map(|c| match c.target {
                Target::Article { number, .. } => Some((c.instrument.clone(), number)),
                _ => None,
            });
            hits.push(Hit {
                kind: "rule",
                instrument: article.as_ref().map(|(i, _)| i.clone()).unwrap_or_default(),
                article: article.map(|(_, n)| n),
                rule: Some(r.id.clone()),
                snippet: s,
            });
        }
    }
    hits.truncate(max);
    hits
}

fn article_texts(a: &Article) -> Vec<&str> {
    let mut out: Vec<&str> = [&a.heading, &a.note]
        .into_iter()
        .flat_map(|t| [t.zh.as_deref(), t.en.as_deref()])
        .flatten()
        .collect();
    for v in &a.versions {
        let mut texts = vec![&v.text, &v.note];
        for p in &v.paras {
            texts.push(&p.text);
            texts.extend(p.items.iter().map(|i| &i.text));
        }
        out.extend(
            texts
                .into_iter()
                .flat_map(|t| [t.zh.as_deref(), t.en.as_deref()])
                .flatten(),
        );
    }
    out
}

/// Up to 40 characters either side of the first match of `q` (lowercase).
fn snippet(text: &str, q: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find(q)?;
    // Lowercasing may change byte lengths: count in characters of the lowered text.
    let chars: Vec<char> = lower.chars().collect();
    let start = lower.get(..at)?.chars().count();
    let len = q.chars().count();
    let original: Vec<char> = text.chars().collect();
    let source = if original.len() == chars.len() {
        &original
    } else {
        &chars
    };
    let from = start.saturating_sub(40);
    let to = (start + len + 40).min(source.len());
    let body: String = source.get(from..to)?.iter().collect();
    let pre = if from > 0 { "…" } else { "" };
    let post = if to < source.len() { "…" } else { "" };
    Some(format!("{pre}{}{post}", body.replace('\n', " ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> RuleSet {
        crate::load::builtin().unwrap()
    }

    #[test]
    fn the_tree_holds_every_article_under_its_chapter() {
        let set = set();
        let tree = tree(&set);
        let esl = tree.iter().find(|i| i.id == "ESL").unwrap();
        let all: Vec<u32> = esl
            .chapters
            .iter()
            .flat_map(|c| c.articles.iter().map(|a| a.number))
            .collect();
        assert_eq!(all.len(), set.law.instrument("ESL").unwrap().articles.len());
        let ch = esl
            .chapters
            .iter()
            .find(|c| c.articles.iter().any(|a| a.number == 24))
            .unwrap();
        assert_ne!(ch.number, 0);
    }

    #[test]
    fn an_article_shows_its_wording_rules_and_parameters() {
        let set = set();
        let inst = set.law.instrument("ESL").unwrap();
        let a = inst.articles.get(&24).unwrap();
        let date = Date::from_calendar_date(2025, time::Month::June, 1).unwrap();
        let out = article(&set, inst, a, date, &|n| n.to_string(), &|res| {
            Evaluator::new(&set, res)
        });
        let zh = out.versions[0].text.zh.as_deref().unwrap_or("");
        assert!(zh.contains("五年"), "{zh}");
        let rule = out.rules.iter().find(|r| r.id == "ESL-24-RETENTION").unwrap();
        assert!(rule.source.starts_with("rule ESL-24-RETENTION"), "{}", rule.source);
        assert!(rule.source.trim_end().ends_with('}'), "{}", rule.source);
        let p = &rule.parameters[0];
        assert!(p.values.iter().any(|(w, _)| w.contains("5 years")), "{:?}", p.values);
        assert!(p.now.iter().any(|n| n.value.is_some()));
    }

    #[test]
    fn search_finds_article_text_in_both_languages_and_rules() {
        let set = set();
        let zh = search(&set, "五年", 100);
        assert!(
            zh.iter().any(|h| h.kind == "article" && h.article == Some(24)),
            "{zh:?}"
        );
        let en = search(&set, "FIVE YEARS", 100);
        assert!(en.iter().any(|h| h.article == Some(24)), "{en:?}");
        let rule = search(&set, "esl-24-retention", 100);
        assert!(rule.iter().any(|h| h.kind == "rule"), "{rule:?}");
        assert!(search(&set, "  ", 100).is_empty());
        assert!(search(&set, "no such words anywhere", 100).is_empty());
    }

    #[test]
    fn a_snippet_keeps_the_original_case_around_the_match() {
        assert_eq!(snippet("Keep Five Years", "five").as_deref(), Some("Keep Five Years"));
        assert_eq!(snippet("abc", "x"), None);
    }
}
