//! A parameter's value should be a number its cited wording states: `value
//! 10 years cites ESL 24`, where article 24 says 五年 (five years), is a slip.
//! For each value and citation, the cited provision's wordings in the
//! citation's window are read in both languages for numbers in the
//! parameter's unit; when they state some and none is the value, a warning
//! says which wording states which number. A citation of a chapter, or of a
//! provision whose text is not encoded, states nothing and is not checked.

use std::sync::Arc;

use super::Blocks;
use super::amounts::{Amount, Unit, amounts};
use crate::diag::Diag;
use crate::facts::{Value, display};
use crate::i18n::{Lang, Text, group_digits};
use crate::lang::ast::{self, CiteTarget, FieldValue, Literal};
use crate::law::{Law, Para, Version};
use crate::source::{SourceFile, Spanned};

/// The unit a parameter counts in: periods for durations; for whole numbers,
/// money when the name ends in `-rmb`, a multiple when it names one, else
/// people (`min-staff`).
fn unit_of(name: &str, value: &Literal) -> Option<(Unit, i64)> {
    match value {
        Literal::Duration { amount, unit } => Some((Unit::Days, amount.saturating_mul(unit.days()))),
        Literal::Int(n) if name.ends_with("-rmb") => Some((Unit::Yuan, *n)),
        Literal::Int(n) if name.contains("multiple") => Some((Unit::Times, *n)),
        Literal::Int(n) => Some((Unit::People, *n)),
        Literal::Str(_) | Literal::Date(_) | Literal::Bool(_) => None,
    }
}

pub fn parameter_numbers(law: &Law, params: &Blocks, diags: &mut Vec<Diag>) {
    for (b, file) in params {
        let Some(name) = b.name() else { continue };
        for f in b.fields("value") {
            let FieldValue::ParamValue { value, cites } = &f.value else {
                continue;
            };
            let Some((unit, wanted)) = unit_of(&name.node, &value.node) else {
                continue;
            };
            for c in cites {
                check(law, file, value, wanted, unit, c, diags);
            }
        }
    }
}

fn check(
    law: &Law,
    file: &Arc<SourceFile>,
    value: &Spanned<Literal>,
    wanted: i64,
    unit: Unit,
    c: &Spanned<ast::Citation>,
    diags: &mut Vec<Diag>,
) {
    let stated: Vec<(Lang, Vec<Amount>)> = [Lang::Zh, Lang::En]
        .into_iter()
        .map(|lang| {
            let found: Vec<Amount> = wordings(law, &c.node, lang)
                .iter()
                .flat_map(|t| amounts(t))
                .filter(|a| a.unit == unit)
                .collect();
            (lang, found)
        })
        .filter(|(_, found)| !found.is_empty())
        .collect();
    if stated.is_empty() || stated.iter().any(|(_, found)| found.iter().any(|a| a.value == wanted)) {
        return;
    }
    let cited = file.slice(c.span).trim();
    let said: Vec<String> = stated
        .iter()
        .map(|(lang, found)| {
            let mut words: Vec<String> = Vec::new();
            for a in found {
                let w = described(a);
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            let key = match lang {
                Lang::Zh => "text.zh",
                Lang::En => "text.en",
            };
            format!("{} in `{key}`", words.join(", "))
        })
        .collect();
    let written = crate::lang::print::literal(&value.node);
    diags.push(
        Diag::warning(
            "certlex::rules::value-not-in-text",
            format!("`{written}` is not a number the cited wording of {cited} states"),
        )
        .in_file(file)
        .label(value.span, format!("{cited} says otherwise"))
        .label(c.span, "the cited provision")
        .help(format!(
            "{cited} says {}: check the value, or cite the provision that sets it",
            said.join(" and ")
        )),
    );
}

/// `五年 (5 years)`, `RMB 300,000`: the words as the text has them, and the
/// number in figures where the words are not figures.
fn described(a: &Amount) -> String {
    let figures = match a.unit {
        Unit::Days => display(&Value::Duration(a.value), Lang::En),
        Unit::Yuan => format!("RMB {}", group_digits(a.value, ',')),
        Unit::People | Unit::Times => a.value.to_string(),
    };
    if a.written.contains(|c: char| c.is_ascii_digit()) {
        a.written.clone()
    } else {
        format!("{} ({figures})", a.written)
    }
}

/// The texts in `lang` of the provision a citation names, in every wording
/// its window covers (identical wordings once).
fn wordings(law: &Law, c: &ast::Citation, lang: Lang) -> Vec<String> {
    let CiteTarget::Article { number, para, item } = &c.target else {
        return Vec::new();
    };
    let Some(article) = law.article(&c.instrument.node, number.node) else {
        return Vec::new();
    };
    let from = c.from.as_ref().map(|d| d.node);
    let until = c.until.as_ref().map(|d| d.node);
    let mut out: Vec<String> = Vec::new();
    for (i, v) in article.versions.iter().enumerate() {
        let starts_in_time = until.is_none_or(|u| v.from.is_none_or(|s| s < u));
        let ends_in_time = from.is_none_or(|f| article.version_until(i).is_none_or(|e| f < e));
        if !(starts_in_time && ends_in_time) {
            continue;
        }
        let texts = part(v, para.as_ref().map(|p| p.node), item.as_ref().map(|i| i.node));
        let joined: Vec<&str> = texts.iter().filter_map(|t| t.exactly(lang)).collect();
        let joined = joined.join("\n");
        if !joined.is_empty() && !out.contains(&joined) {
            out.push(joined);
        }
    }
    out
}

/// The texts of the cited part of one wording: an item, a paragraph with its
/// items, or the whole article.
fn part(v: &Version, para: Option<u32>, item: Option<u32>) -> Vec<&Text> {
    fn with_items(p: &Para) -> Vec<&Text> {
        std::iter::once(&p.text)
            .chain(p.items.iter().map(|i| &i.text))
            .collect()
    }
    match (para, item) {
        (_, Some(i)) => para
            .and_then(|p| v.para(p))
            .or_else(|| v.para_with_items())
            .and_then(|h| h.item(i))
            .map(|it| vec![&it.text])
            .unwrap_or_default(),
        (Some(p), None) => v.para(p).map(with_items).unwrap_or_default(),
        (None, None) if v.paras.is_empty() => vec![&v.text],
        (None, None) => v.paras.iter().flat_map(with_items).collect(),
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    fn warnings(parameter: &str) -> Vec<String> {
        let mut files = crate::load::embedded_files();
        files.push(SourceFile::new("p.rules", parameter));
        crate::load::load(&files)
            .diags
            .iter()
            .filter(|d| d.code == "certlex::rules::value-not-in-text")
            .map(|d| format!("{} | {}", d.message, d.help.clone().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_value_the_cited_wording_does_not_state_is_flagged() {
        let w = warnings("parameter p-years {\n  title.en \"x\"\n  value 10 years cites ESL 24\n}\n");
        assert_eq!(
            w,
            vec!["`10 years` is not a number the cited wording of ESL 24 states | ESL 24 says 五年 (5 years) in `text.zh` and 5 years in `text.en`: check the value, or cite the provision that sets it".to_string()]
        );
        let w = warnings("parameter p-rmb {\n  title.en \"x\"\n  value 3_000_000 cites MEASURES-2015 5(3)\n}\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("三千万元 (RMB 30,000,000) in `text.zh`"), "{w:?}");
    }

    #[test]
    fn the_value_stated_in_either_language_or_nothing_stated_is_fine() {
        assert!(warnings("parameter p-years {\n  title.en \"x\"\n  value 5 years cites ESL 24\n}\n").is_empty());
        // The English of ESL 29 leaves out "one"; the Chinese states 一倍.
        assert!(warnings("parameter p-multiple {\n  title.en \"x\"\n  value 1 cites ESL 29\n}\n").is_empty());
        // A chapter states nothing.
        assert!(
            warnings("parameter p-staff {\n  title.en \"x\"\n  value 99 cites MEASURES-DRAFT-2024 chapter 2\n}\n")
                .is_empty()
        );
    }

    #[test]
    fn the_builtin_parameters_state_their_cited_numbers() {
        let loaded = crate::load::load(&crate::load::embedded_files());
        let w: Vec<_> = loaded
            .diags
            .iter()
            .filter(|d| d.code == "certlex::rules::value-not-in-text")
            .map(|d| d.render_plain())
            .collect();
        assert!(w.is_empty(), "{}", w.join("\n"));
    }
}
