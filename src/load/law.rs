//! Instruments, articles, regimes and parameters from their blocks, and the
//! validation of citations against them.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::reader::Reader;
use crate::diag::{Diag, suggestion};
use crate::facts::{Ty, Value};
use crate::i18n::Text;
use crate::lang::ast::{self, Block, BlockKind, FieldValue, Head, Literal};
use crate::law::{
    Article, Chapter, Citation, Instrument, Item, Law, Origin, Para, ParamValue, Parameter, Provenance, Regime, Scope,
    Status, Target, Version,
};
use crate::source::{SourceFile, Spanned};

type Blocks<'a> = Vec<(&'a Block, &'a Arc<SourceFile>)>;

fn origin(b: &Block, file: &Arc<SourceFile>) -> Origin {
    Origin {
        file: file.clone(),
        span: Reader { block: b, file }.head_span(),
    }
}

pub fn instruments(blocks: &Blocks, diags: &mut Vec<Diag>) -> Vec<Instrument> {
    let mut out: Vec<Instrument> = Vec::new();
    for (b, file) in blocks {
        let r = Reader::new(b, file, diags);
        let Some(id) = b.name() else { continue };
        if let Some(prev) = out.iter().find(|i| i.id == id.node) {
            diags.push(duplicate("instrument", &id.node, id, file, &prev.origin));
            continue;
        }
        let status = match r.word("status") {
            None => Status::InForce,
            Some(w) if w.node == "in-force" => Status::InForce,
            Some(w) if w.node == "draft" => Status::Draft,
            Some(w) if w.node == "not-encoded" => Status::NotEncoded,
            Some(w) => {
                diags.push(
                    Diag::error("certlex::rules::bad-status", format!("unknown status `{}`", w.node))
                        .in_file(file)
                        .label(w.span, "not a status")
                        .help(
                            suggestion(&w.node, ["in-force", "draft", "not-encoded"]).unwrap_or_else(|| {
                                "write `status in-force`, `status draft` or `status not-encoded`".into()
                            }),
                        ),
                );
                Status::InForce
            }
        };
        let title = r.bilingual("title");
        if title.is_empty() {
            r.missing(
                diags,
                "title.zh",
                "give the instrument's title: `title.zh \"…\"` and `title.en \"…\"`",
            );
        }
        if status != Status::Draft && r.date("in-force").is_none() {
            r.missing(
                diags,
                "in-force",
                "give the date it came into force: `in-force 2005-04-01`",
            );
        }
        let mut chapters: Vec<Chapter> = b
            .blocks()
            .filter(|c| c.kind.node == BlockKind::Chapter)
            .filter_map(|c| {
                let cr = Reader::new(c, file, diags);
                let Head::Number(n) = &c.head else { return None };
                let articles = match cr.field("articles").map(|f| &f.value) {
                    Some(FieldValue::Range(r)) => Some(r.node),
                    _ => None,
                };
                Some(Chapter {
                    number: n.node,
                    title: cr.bilingual("title"),
                    articles,
                })
            })
            .collect();
        chapters.sort_by_key(|c| c.number);
        out.push(Instrument {
            id: id.node.clone(),
            title,
            short: r.bilingual("short"),
            status,
            promulgated: r.date("promulgated"),
            published: r.date("published"),
            comments_until: r.date("comments-until"),
            in_force: r.date("in-force"),
            amended: r.dates("amended"),
            repealed: r.date("repealed"),
            replaces: r.words("replaces").into_iter().map(|w| w.node.clone()).collect(),
            article_count: r.number("article-count").and_then(|n| u32::try_from(n.node).ok()),
            chapters,
            articles: BTreeMap::new(),
            source: r.string("source"),
            provenance: r.provenance(&Provenance::default()),
            note: r.bilingual("note"),
            origin: origin(b, file),
        });
    }
    // `replaces` must name instruments.
    for (b, file) in blocks {
        let r = Reader { block: b, file };
        for w in r.words("replaces") {
            check_instrument_name(&out, w, file, diags);
        }
    }
    out
}

fn check_instrument_name(
    instruments: &[Instrument],
    w: &Spanned<String>,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
) -> bool {
    if instruments.iter().any(|i| i.id == w.node) {
        return true;
    }
    diags.push(
        Diag::error(
            "certlex::rules::unknown-instrument",
            format!("unknown instrument `{}`", w.node),
        )
        .in_file(file)
        .label(w.span, "no instrument has this name")
        .help(
            suggestion(&w.node, instruments.iter().map(|i| i.id.as_str())).unwrap_or_else(|| {
                format!(
                    "known instruments: {}",
                    instruments.iter().map(|i| i.id.as_str()).collect::<Vec<_>>().join(", ")
                )
            }),
        ),
    );
    false
}

fn duplicate(kind: &str, name: &str, at: &Spanned<String>, file: &Arc<SourceFile>, first: &Origin) -> Diag {
    Diag::error("certlex::rules::duplicate", format!("{kind} `{name}` is defined twice"))
        .in_file(file)
        .label(at.span, "defined again here")
        .help(format!("each {kind} is defined once; remove or rename one of them"))
        .related(
            Diag::warning(
                "certlex::rules::duplicate",
                format!("{kind} `{name}` is first defined here"),
            )
            .in_file(&first.file)
            .label(first.span, "first definition"),
        )
}

pub fn articles(law: &mut Law, blocks: &Blocks, diags: &mut Vec<Diag>) {
    for (b, file) in blocks {
        let r = Reader::new(b, file, diags);
        let Head::Article { instrument, number } = &b.head else {
            continue;
        };
        if !check_instrument_name(&law.instruments, instrument, file, diags) {
            continue;
        }
        let Some(inst) = law.instruments.iter_mut().find(|i| i.id == instrument.node) else {
            continue;
        };
        if inst.status == Status::NotEncoded {
            diags.push(
                Diag::error(
                    "certlex::rules::article-of-not-encoded",
                    format!("{} is `status not-encoded`: it has no articles", inst.id),
                )
                .in_file(file)
                .label(number.span, "an article of an instrument whose text is not encoded")
                .help(format!(
                    "cite the instrument whole (`cites {}`), or encode its text and remove `status not-encoded`",
                    inst.id
                )),
            );
            continue;
        }
        if let Some(count) = inst.article_count
            && number.node > count
        {
            diags.push(
                Diag::error(
                    "certlex::rules::no-such-article",
                    format!("{} has only {count} articles", inst.id),
                )
                .in_file(file)
                .label(number.span, format!("there is no article {}", number.node))
                .help("check the article number"),
            );
            continue;
        }
        if let Some(prev) = inst.articles.get(&number.node) {
            let at = Spanned::new(format!("{} {}", inst.id, number.node), number.span);
            diags.push(duplicate("article", &at.node, &at, file, &prev.origin));
            continue;
        }
        let scope_out = r.bilingual("scope-out");
        let unverified = r.bilingual("unverified");
        let scope = match (scope_out.is_empty(), unverified.is_empty()) {
            (true, true) => Scope::InScope,
            (false, true) => Scope::Out(scope_out),
            (true, false) => Scope::Unverified(unverified),
            (false, false) => {
                diags.push(
                    Diag::error(
                        "certlex::rules::scope-and-unverified",
                        "an article is either out of scope or unverified, not both",
                    )
                    .in_file(file)
                    .label(r.head_span(), "both given")
                    .help("an unverified article has no known text to judge; keep `unverified.*` only"),
                );
                Scope::Unverified(unverified)
            }
        };
        let around = r.provenance(&inst.provenance);
        let mut versions: Vec<Version> = b
            .blocks()
            .filter(|v| v.kind.node == BlockKind::Version)
            .map(|v| {
                let vr = Reader::new(v, file, diags);
                let from = match &v.head {
                    Head::Date(d) => Some(d.node),
                    _ => None,
                };
                Version {
                    from,
                    note: vr.bilingual("note"),
                    ..wording(&vr, &around, diags)
                }
            })
            .collect();
        let direct = wording(&r, &around, diags);
        let has_direct = !direct.text.is_empty() || !direct.paras.is_empty();
        if versions.is_empty() {
            if has_direct || matches!(scope, Scope::InScope | Scope::Out(_)) {
                versions.push(direct);
            }
        } else if has_direct {
            diags.push(
                Diag::error(
                    "certlex::rules::text-outside-version",
                    "this article has versions, so its text belongs inside them",
                )
                .in_file(file)
                .label(r.head_span(), "text outside its versions")
                .help("move `text.*`, `para` and `item` into the `version` blocks"),
            );
        }
        versions.sort_by_key(|v| v.from);
        inst.articles.insert(
            number.node,
            Article {
                instrument: inst.id.clone(),
                number: number.node,
                chapter: r.number("chapter").and_then(|n| u32::try_from(n.node).ok()),
                heading: r.bilingual("heading"),
                versions,
                scope,
                note: r.bilingual("note"),
                source: r.string("source"),
                origin: origin(b, file),
            },
        );
    }
}

/// The text, paragraphs and items written directly inside an article or a
/// version, each with the provenance that holds for it (`around`: what holds
/// around the block).
fn wording(r: &Reader, around: &Provenance, diags: &mut Vec<Diag>) -> Version {
    let here = r.provenance(around);
    let items = |b: &Block, around: &Provenance, diags: &mut Vec<Diag>| -> Vec<Item> {
        b.blocks()
            .filter(|i| i.kind.node == BlockKind::Item)
            .filter_map(|i| {
                let ir = Reader::new(i, r.file, diags);
                let Head::Number(n) = &i.head else { return None };
                Some(Item {
                    number: n.node,
                    text: ir.bilingual("text"),
                    note: ir.bilingual("note"),
                    provenance: ir.provenance(around),
                })
            })
            .collect()
    };
    let text = r.bilingual("text");
    let para_blocks: Vec<&Block> = r.block.blocks().filter(|p| p.kind.node == BlockKind::Para).collect();
    let direct_items = items(r.block, &here, diags);
    let paras = if para_blocks.is_empty() {
        if text.is_empty() && direct_items.is_empty() {
            Vec::new()
        } else {
            vec![Para {
                number: 1,
                text: text.clone(),
                items: direct_items,
                note: Text::default(),
                provenance: here.clone(),
            }]
        }
    } else {
        if !direct_items.is_empty() {
            diags.push(
                Diag::error(
                    "certlex::rules::item-outside-para",
                    "items belong inside their paragraph when paragraphs are numbered",
                )
                .in_file(r.file)
                .label(r.head_span(), "items outside a `para`")
                .help("move each `item` into the `para` it belongs to"),
            );
        }
        para_blocks
            .iter()
            .filter_map(|p| {
                let pr = Reader::new(p, r.file, diags);
                let Head::Number(n) = &p.head else { return None };
                let para = pr.provenance(&here);
                Some(Para {
                    number: n.node,
                    text: pr.bilingual("text"),
                    items: items(p, &para, diags),
                    note: pr.bilingual("note"),
                    provenance: para,
                })
            })
            .collect()
    };
    Version {
        from: None,
        text,
        paras,
        note: Text::default(),
        provenance: here,
    }
}

pub fn regimes(law: &Law, blocks: &Blocks, diags: &mut Vec<Diag>) -> Vec<Regime> {
    let mut out: Vec<Regime> = Vec::new();
    for (b, file) in blocks {
        let r = Reader::new(b, file, diags);
        let Some(name) = b.name() else { continue };
        if let Some(prev) = out.iter().find(|x| x.name == name.node) {
            diags.push(duplicate("regime", &name.node, name, file, &prev.origin));
            continue;
        }
        let mut adopts = Vec::new();
        for w in r.words("adopts") {
            if !check_instrument_name(&law.instruments, w, file, diags) {
                continue;
            }
            if law.instrument(&w.node).is_some_and(|i| i.status != Status::Draft) {
                diags.push(
                    Diag::error(
                        "certlex::rules::adopts-in-force",
                        format!("`{}` is not a draft", w.node),
                    )
                    .in_file(file)
                    .label(w.span, "already in force by its dates")
                    .help("a regime adopts draft instruments; instruments in force apply by their dates"),
                );
                continue;
            }
            adopts.push(w.node.clone());
        }
        out.push(Regime {
            name: name.node.clone(),
            title: r.bilingual("title"),
            adopts,
            origin: origin(b, file),
        });
    }
    if !out.iter().any(|r| r.name == "current") && !blocks.is_empty() {
        diags.push(
            Diag::error("certlex::rules::no-current-regime", "no regime is called `current`").help(
                "add `regime current { title.en \"The law in force on the date of the check\" }`: it is the default",
            ),
        );
    }
    out
}

pub fn parameters(law: &Law, blocks: &Blocks, diags: &mut Vec<Diag>) -> Vec<Parameter> {
    let mut out: Vec<Parameter> = Vec::new();
    for (b, file) in blocks {
        let r = Reader::new(b, file, diags);
        let Some(name) = b.name() else { continue };
        if let Some(prev) = out.iter().find(|x| x.name == name.node) {
            diags.push(duplicate("parameter", &name.node, name, file, &prev.origin));
            continue;
        }
        let mut ty: Option<(Ty, &Spanned<Literal>)> = None;
        let mut values = Vec::new();
        for f in b.fields("value") {
            let FieldValue::ParamValue { value, cites } = &f.value else {
                continue;
            };
            let (v, t) = match &value.node {
                Literal::Int(n) => (Value::Int(*n), Ty::Int),
                Literal::Str(s) => (Value::str(s.as_str()), Ty::Str),
                Literal::Date(d) => (Value::Date(crate::dates::midnight(*d)), Ty::Date),
                Literal::Duration { amount, unit } => (Value::Duration(amount * unit.days()), Ty::Duration),
                Literal::Bool(b) => (Value::Bool(*b), Ty::Bool),
            };
            match &ty {
                Some((t0, first)) if !t0.same(&t) => diags.push(
                    Diag::error(
                        "certlex::rules::parameter-type",
                        "the values of a parameter must be of one kind",
                    )
                    .in_file(file)
                    .label(value.span, t.a())
                    .label(first.span, t0.a())
                    .help("write every value in the same unit"),
                ),
                Some(_) => {}
                None => ty = Some((t, value)),
            }
            let cites: Vec<Citation> = cites
                .iter()
                .filter_map(|c| citation(law, c, file, diags, false))
                .collect();
            values.push(ParamValue {
                value: v,
                written: crate::lang::print::literal(&value.node),
                cites,
            });
        }
        let Some((ty, _)) = ty else {
            r.missing(
                diags,
                "value",
                "give at least one value and its source: `value 30_000_000 cites MEASURES-2015 5(3)`",
            );
            continue;
        };
        out.push(Parameter {
            name: name.node.clone(),
            title: r.bilingual("title"),
            ty,
            values,
            origin: origin(b, file),
        });
    }
    out
}

/// A paragraph or item citation whose window covers wordings that differ
/// (ESL 17(1) is one condition before 2015-04-24 and another after) is
/// ambiguous: the duty it names changes with the date. Warn, and ask for
/// `from`/`until`.
fn warn_if_wording_changes(
    inst: &Instrument,
    number: u32,
    cited: &[(Option<time::Date>, Vec<&Text>)],
    span: crate::source::Span,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
) {
    let differ = cited.windows(2).find_map(|w| match w {
        [(_, a), (Some(to), b)] if !same_wording(a, b) => Some(*to),
        _ => None,
    });
    let Some(changed) = differ else { return };
    diags.push(
        Diag::warning(
            "certlex::rules::citation-spans-amendment",
            format!(
                "the cited provision of {} article {number} reads differently before and after {changed}",
                inst.id
            ),
        )
        .in_file(file)
        .label(span, "covers more than one wording")
        .help(format!(
            "limit the citation to one wording with `until {changed}` or `from {changed}`, and cite the other wording separately if the duty continues"
        )),
    );
}

/// Two wordings of a provision (its texts, paragraph first) are the same when
/// every language both give agrees, and they share at least one language.
fn same_wording(a: &[&Text], b: &[&Text]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            let zh = (&x.zh, &y.zh);
            let en = (&x.en, &y.en);
            let shared = [zh, en].iter().filter(|(p, q)| p.is_some() && q.is_some()).count();
            let agree = [zh, en].iter().all(|(p, q)| p.is_none() || q.is_none() || p == q);
            agree && (shared > 0 || (x.is_empty() && y.is_empty()))
        })
}

/// A citation, checked against the law: the instrument, article, paragraph
/// and item exist. `for_rule`: a rule cites a duty, so the article must be in
/// scope; a parameter value may rest on any article whose text is known (a
/// fine set by a penalty article that no rule checks).
pub fn citation(
    law: &Law,
    c: &Spanned<ast::Citation>,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
    for_rule: bool,
) -> Option<Citation> {
    let ast::Citation {
        instrument,
        target,
        from,
        until,
    } = &c.node;
    if !check_instrument_name(&law.instruments, instrument, file, diags) {
        return None;
    }
    let inst = law.instrument(&instrument.node)?;
    let err = |code: &'static str, msg: String, span, label: &str, help: String| {
        Diag::error(code, msg).in_file(file).label(span, label).help(help)
    };
    if let (Some(f), Some(u)) = (from, until)
        && f.node >= u.node
    {
        diags.push(err(
            "certlex::rules::empty-window",
            "`from` must be before `until`".into(),
            c.span,
            "an empty period",
            "check the two dates".into(),
        ));
        return None;
    }
    let target = match target {
        ast::CiteTarget::Instrument => {
            if inst.status != Status::NotEncoded {
                diags.push(err(
                    "certlex::rules::whole-instrument",
                    format!("{} is cited as a whole", inst.id),
                    instrument.span,
                    "no article named",
                    format!(
                        "name the article, e.g. `{} 1`: only an instrument whose text is not encoded (`status not-encoded`) is cited whole",
                        inst.id
                    ),
                ));
                return None;
            }
            Target::Instrument
        }
        ast::CiteTarget::Chapter(n) => {
            if !inst.chapters.is_empty() && !inst.chapters.iter().any(|ch| ch.number == n.node) {
                let count = inst.chapters.len();
                diags.push(err(
                    "certlex::rules::no-such-chapter",
                    format!("{} has no chapter {}", inst.id, n.node),
                    n.span,
                    "no such chapter",
                    format!("{} has {count} chapters", inst.id),
                ));
                return None;
            }
            Target::Chapter(n.node)
        }
        ast::CiteTarget::Article { number, para, item } => {
            let Some(article) = inst.articles.get(&number.node) else {
                let help = match inst.article_count {
                    Some(n) if number.node > n || number.node == 0 => format!("{} has articles 1 to {n}", inst.id),
                    _ => format!(
                        "add `article {} {}` to the rules, or check the number",
                        inst.id, number.node
                    ),
                };
                diags.push(err(
                    "certlex::rules::no-such-article",
                    format!("{} has no article {} in the rules", inst.id, number.node),
                    number.span,
                    "unknown article",
                    help,
                ));
                return None;
            };
            match &article.scope {
                Scope::Unverified(_) => {
                    let chapter = inst
                        .chapter_of(article)
                        .map_or_else(|| "its chapter".to_string(), |ch| format!("`{} chapter {ch}`", inst.id));
                    diags.push(err(
                        "certlex::rules::cites-unverified",
                        format!(
                            "the text of {} article {} is not available, so no duty can rest on it",
                            inst.id, number.node
                        ),
                        number.span,
                        "unverified article",
                        format!("cite {chapter} and say in a comment that the article is not known"),
                    ));
                    return None;
                }
                Scope::Out(_) if for_rule => {
                    diags.push(err(
                        "certlex::rules::cites-scoped-out",
                        format!("{} article {} is marked out of scope", inst.id, number.node),
                        number.span,
                        "out of scope",
                        "remove its `scope-out` lines if a rule does check it".into(),
                    ));
                    return None;
                }
                Scope::InScope | Scope::Out(_) => {}
            }
            // The paragraph and item must exist in every wording the citation covers.
            let window = |i: usize, v: &Version| {
                let start = v.from;
                let end = article.version_until(i);
                let after_start = until.as_ref().is_none_or(|u| start.is_none_or(|s| s < u.node));
                let before_end = from.as_ref().is_none_or(|f| end.is_none_or(|e| f.node < e));
                after_start && before_end
            };
            let mut cited: Vec<(Option<time::Date>, Vec<&Text>)> = Vec::new();
            for (_, v) in article.versions.iter().enumerate().filter(|(i, v)| window(*i, v)) {
                let when = v.from.map_or_else(String::new, |d| format!(" (wording from {d})"));
                let p = match para {
                    Some(p) => match v.para(p.node) {
                        Some(x) => Some(x),
                        None => {
                            diags.push(err(
                                "certlex::rules::no-such-para",
                                format!("{} article {} has no paragraph {}{when}", inst.id, number.node, p.node),
                                p.span,
                                "no such paragraph",
                                format!("it has {} paragraph(s)", v.paras.len()),
                            ));
                            return None;
                        }
                    },
                    None => None,
                };
                if let Some(it) = item {
                    let holder = p.or_else(|| v.para_with_items());
                    let Some(holder) = holder else {
                        diags.push(err(
                            "certlex::rules::ambiguous-item",
                            format!(
                                "{} article {} has items in more than one paragraph{when}",
                                inst.id, number.node
                            ),
                            it.span,
                            "which paragraph?",
                            format!("name the paragraph: `{} {} para 3({})`", inst.id, number.node, it.node),
                        ));
                        return None;
                    };
                    let Some(cited_item) = holder.item(it.node) else {
                        let n = holder.items.len();
                        diags.push(err(
                            "certlex::rules::no-such-item",
                            format!("{} article {} has no item ({}){when}", inst.id, number.node, it.node),
                            it.span,
                            "no such item",
                            if n == 0 {
                                "that paragraph has no items".into()
                            } else {
                                format!("it has items (1) to ({n})")
                            },
                        ));
                        return None;
                    };
                    cited.push((v.from, vec![&cited_item.text]));
                } else if let Some(p) = p {
                    cited.push((
                        v.from,
                        std::iter::once(&p.text)
                            .chain(p.items.iter().map(|i| &i.text))
                            .collect(),
                    ));
                }
            }
            warn_if_wording_changes(inst, number.node, &cited, c.span, file, diags);
            Target::Article {
                number: number.node,
                para: para.as_ref().map(|p| p.node),
                item: item.as_ref().map(|i| i.node),
            }
        }
    };
    Some(Citation {
        instrument: instrument.node.clone(),
        target,
        from: from.as_ref().map(|d| d.node),
        until: until.as_ref().map(|d| d.node),
    })
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    const LAW: &str = r#"
instrument L {
  title.en "L"
  source.en "a test"
  confidence.en exact
  in-force 2005-04-01
  amended 2015-04-24
}
article L 1 {
  version 2005-04-01 {
    para 1 {
      text.en "decide within 45 days"
    }
    para 2 {
      text.en "register the business"
      item 1 {
        text.en "old first condition"
      }
    }
  }
  version 2015-04-24 {
    para 1 {
      text.en "decide within 45 days"
    }
    para 2 {
      text.en "publish the permit number"
      item 1 {
        text.en "new first condition"
      }
    }
  }
}
regime current {
  title.en "now"
}
"#;

    fn warnings(cites: &str) -> Vec<String> {
        let rule = format!(
            "rule R-1 {{\n  cites {cites}\n  title.zh \"x\"\n  title.en \"x\"\n  applies-to certificate\n  severity error\n  require serial.positive\n  message.zh \"x\"\n  message.en \"x\"\n}}\n"
        );
        let loaded = crate::load::load(&[SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", rule)]);
        assert!(loaded.errors().next().is_none(), "{:?}", loaded.diags);
        loaded
            .diags
            .iter()
            .filter(|d| d.code == "certlex::rules::citation-spans-amendment")
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn a_citation_across_a_changed_wording_is_flagged() {
        let w = warnings("L 1 para 2(1)");
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("2015-04-24"), "{}", w[0]);
        assert_eq!(warnings("L 1 para 2").len(), 1);
    }

    #[test]
    fn a_citation_of_one_wording_or_of_unchanged_text_is_not() {
        assert!(warnings("L 1 para 2(1) from 2015-04-24").is_empty());
        assert!(warnings("L 1 para 2(1) until 2015-04-24").is_empty());
        assert!(warnings("L 1 para 1").is_empty());
        // The whole article: the duty is "the article as in force".
        assert!(warnings("L 1").is_empty());
    }
}
