//! Reaches from their blocks: where a group of rules applies (`reach NAME {
//! applies-to …; when …; outside.zh/en … }`), checked and compiled into
//! [`Reach`]es that rules name with `within`.

use std::sync::Arc;

use super::check::Checker;
use super::reader::Reader;
use super::rules::applies_to;
use super::template::Placeholders;
use crate::diag::{Diag, suggestion};
use crate::engine::{Reach, Template};
use crate::lang::ast::{Block, FieldValue};
use crate::lang::print;
use crate::law::{Law, Origin};
use crate::source::{SourceFile, Spanned};

/// Every reach of the rule files, in the order written.
pub fn reaches(
    law: &Law,
    blocks: &[(&Block, &Arc<SourceFile>)],
    diags: &mut Vec<Diag>,
    regex_limit: usize,
) -> Vec<Reach> {
    let mut out: Vec<Reach> = Vec::new();
    for (b, file) in blocks {
        let Some(reach) = reach(law, b, file, diags, regex_limit) else {
            continue;
        };
        if let Some(prev) = out.iter().find(|p| p.name == reach.name) {
            diags.push(
                Diag::error(
                    "certlex::rules::duplicate-reach",
                    format!("reach `{}` is defined twice", reach.name),
                )
                .in_file(file)
                .label(reach.origin.span, "defined again here")
                .help(format!(
                    "it is first defined in {}: give this one another name",
                    prev.origin.file.name
                )),
            );
            continue;
        }
        out.push(reach);
    }
    out
}

fn reach(law: &Law, b: &Block, file: &Arc<SourceFile>, diags: &mut Vec<Diag>, regex_limit: usize) -> Option<Reach> {
    let r = Reader::new(b, file, diags);
    let name = b.name()?;
    let before = diags.len();
    let title = r.require_bilingual(diags, "title", "…");
    let kind = applies_to(&r, file, diags);
    let mut checker = Checker::new(
        kind.unwrap_or(crate::facts::SubjectKind::Certificate),
        law,
        file,
        diags,
        regex_limit,
    );
    let when = match r.field("when").map(|f| &f.value) {
        Some(FieldValue::Expr(e)) => checker.condition(e).map(|c| (c, print::expr(e, 0))),
        _ => {
            r.missing(
                checker.diags,
                "when",
                "say which subjects the reach covers, e.g. `when kind in [\"e-signature\", \"ca\"]`",
            );
            None
        }
    };
    let outside = |lang: &str, checker: &mut Checker| -> Template {
        match r.text(&format!("outside.{lang}")) {
            Some(t) => checker.template(t, Placeholders::FactsAndParameters),
            None => {
                r.missing(
                    checker.diags,
                    &format!("outside.{lang}"),
                    format!(
                        "say why a subject outside the reach is not judged by its rules, in {}",
                        if lang == "zh" { "Chinese" } else { "English" }
                    ),
                );
                Template::default()
            }
        }
    };
    let outside_zh = outside("zh", &mut checker);
    let outside_en = outside("en", &mut checker);
    if diags.len() > before {
        return None;
    }
    let (when, when_text) = when?;
    Some(Reach {
        name: name.node.clone(),
        title,
        applies_to: kind?,
        when,
        when_text,
        outside_zh,
        outside_en,
        note: r.bilingual("note"),
        origin: Origin {
            file: file.clone(),
            span: r.head_span(),
        },
    })
}

/// The reaches a rule names with `within`, as indices; an unknown name or
/// one of another kind of subject is a located error.
pub fn within(
    reaches: &[Reach],
    names: &[&Spanned<String>],
    kind: Option<crate::facts::SubjectKind>,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for name in names {
        match reaches.iter().position(|x| x.name == name.node) {
            Some(i) => {
                if let (Some(k), Some(x)) = (kind, reaches.get(i))
                    && x.applies_to != k
                {
                    diags.push(
                        Diag::error(
                            "certlex::rules::reach-of-another-kind",
                            format!(
                                "reach `{}` is for {} subjects, the rule for {}",
                                name.node,
                                x.applies_to.word(),
                                k.word()
                            ),
                        )
                        .in_file(file)
                        .label(name.span, "another kind of subject")
                        .help("a rule is within reaches of the subjects it checks"),
                    );
                }
                out.push(i);
            }
            None => diags.push(
                Diag::error(
                    "certlex::rules::unknown-reach",
                    format!("no reach is called `{}`", name.node),
                )
                .in_file(file)
                .label(name.span, "not a reach")
                .help(
                    suggestion(&name.node, reaches.iter().map(|x| x.name.as_str()))
                        .unwrap_or_else(|| "define it with `reach NAME { … }` in a rule file".into()),
                ),
            ),
        }
    }
    out
}
