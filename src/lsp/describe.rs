//! What a hover says, in Markdown: a cited provision (its wording in force
//! today in Chinese and English, and its versions), a fact (type,
//! documentation, the rules that read it), a parameter (its values with
//! their citations, and today's value per regime), a rule (title and
//! citations).

use crate::engine::{Evaluator, Rule, RuleSet};
use crate::facts::{Field, SubjectKind, Ty};
use crate::i18n::Lang;
use crate::lang::ast;
use crate::law::{Citation, Target};

/// A citation as written, as the law's citation (unchecked: the hover
/// shows what exists, and the diagnostics say what does not).
pub fn citation(c: &ast::Citation) -> Citation {
    let target = match &c.target {
        ast::CiteTarget::Instrument => Target::Instrument,
        ast::CiteTarget::Chapter(n) => Target::Chapter(n.node),
        ast::CiteTarget::Article { number, para, item } => Target::Article {
            number: number.node,
            para: para.as_ref().map(|p| p.node),
            item: item.as_ref().map(|i| i.node),
        },
        ast::CiteTarget::Section(s) => Target::Section(s.node.clone()),
    };
    Citation {
        instrument: c.instrument.node.clone(),
        target,
        from: c.from.as_ref().map(|d| d.node),
        until: c.until.as_ref().map(|d| d.node),
    }
}

/// The provision a citation names, as in force today under the current
/// law, and the dates of its article's wordings.
pub fn provision(rules: &RuleSet, c: &Citation) -> Option<String> {
    let law = &rules.law;
    let inst = law.instrument(&c.instrument)?;
    let res = law.resolve("current", crate::dates::today()).ok()?;
    let mut out = format!(
        "**{}** · {}\n\n```text\n{}```\n",
        law.cite_in_words(c, Lang::Zh),
        law.cite_in_words(c, Lang::En),
        crate::law::text::provision(law, c, &res)
    );
    if let Target::Article { number, .. } = c.target
        && let Some(article) = inst.articles.get(&number)
        && article.versions.len() > 1
    {
        out.push_str("\nversions / 版本:\n");
        for (i, v) in article.versions.iter().enumerate() {
            let from = v
                .from
                .or(inst.in_force)
                .map_or_else(|| "the start".to_string(), |d| d.to_string());
            let until = article
                .version_until(i)
                .map_or_else(|| "now".to_string(), |d| format!("{d}"));
            out.push_str(&format!("- {from} – {until}\n"));
        }
    }
    Some(out)
}

/// A fact path of a subject kind: its type and documentation, and the
/// rules whose conditions read it.
pub fn fact(rules: Option<&RuleSet>, kind: SubjectKind, path: &str) -> Option<String> {
    let field = field_at(kind.schema(), path)?;
    let mut out = format!(
        "`{path}` — {} ({})\n\n{}\n",
        field.ty.describe(),
        kind.word(),
        field.doc
    );
    if let Some(rules) = rules {
        let readers: Vec<&Rule> = rules
            .rules
            .iter()
            .filter(|r| r.applies_to == kind)
            .filter(|r| {
                [&r.when_text, &r.require_text]
                    .into_iter()
                    .flatten()
                    .any(|t| mentions(t, path))
            })
            .collect();
        if !readers.is_empty() {
            out.push_str("\nread by / 适用规则:\n");
            for r in readers {
                out.push_str(&format!(
                    "- `{}` — {}\n",
                    r.id,
                    rules.law.cites_in_words(&r.cites, Lang::Zh)
                ));
            }
        }
    }
    Some(out)
}

/// Whether a condition's text names `path` (whole, not as part of a longer name).
fn mentions(text: &str, path: &str) -> bool {
    let name_char = |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.');
    text.match_indices(path).any(|(i, _)| {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i + path.len()..).and_then(|s| s.chars().next());
        !before.is_some_and(name_char) && !after.is_some_and(|c| name_char(c) && c != '.')
    })
}

/// The field a dotted path names in a schema (through lists of records).
pub fn field_at(schema: &'static [Field], path: &str) -> Option<&'static Field> {
    let mut fields = schema;
    let mut found = None;
    for seg in path.split('.') {
        let (_, f) = crate::facts::lookup(fields, seg)?;
        found = Some(f);
        fields = match f.ty {
            Ty::Record(sub) => sub,
            Ty::List(&Ty::Record(sub)) => sub,
            _ => &[],
        };
    }
    found
}

/// A parameter: its title, type, every value with its citations, and the
/// value in force today under each regime.
pub fn parameter(rules: &RuleSet, name: &str) -> Option<String> {
    let law = &rules.law;
    let (index, p) = law.parameter(name)?;
    let mut out = format!("parameter `{}` — {}\n\n", p.name, p.ty.describe());
    for t in [&p.title.zh, &p.title.en].into_iter().flatten() {
        out.push_str(&format!("{t}\n\n"));
    }
    out.push_str("values / 取值:\n");
    for v in &p.values {
        out.push_str(&format!(
            "- `{}` — {} · {}\n",
            v.written,
            law.cites_in_words(&v.cites, Lang::Zh),
            law.cites_in_words(&v.cites, Lang::En)
        ));
    }
    let today = crate::dates::today();
    out.push_str(&format!("\ntoday ({today}) / 今日:\n"));
    for regime in &law.regimes {
        let Ok(res) = law.resolve(&regime.name, today) else {
            continue;
        };
        let ev = Evaluator::new(rules, res);
        let value = ev.parameter(index).map_or_else(
            || "no value in force / 无有效取值".to_string(),
            |v| crate::facts::display(v, Lang::En),
        );
        out.push_str(&format!("- {}: {value}\n", regime.name));
    }
    Some(out)
}

/// A rule: its id, titles, kind and citations.
pub fn rule(rules: &RuleSet, id: &str) -> Option<String> {
    let (_, r) = rules.rule(id)?;
    let mut out = format!("rule `{}` ({}, {})\n\n", r.id, r.applies_to.word(), r.severity.word());
    for t in [&r.title.zh, &r.title.en].into_iter().flatten() {
        out.push_str(&format!("{t}\n\n"));
    }
    out.push_str(&format!(
        "{}\n\n{}\n",
        rules.law.cites_in_words(&r.cites, Lang::Zh),
        rules.law.cites_in_words(&r.cites, Lang::En)
    ));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_mentioned_only_whole() {
        assert!(mentions("issuer.organization is present", "issuer.organization"));
        assert!(mentions("not (a and issuer.organization.x)", "issuer.organization"));
        assert!(!mentions(
            "subject_issuer.organization is present",
            "issuer.organization"
        ));
        assert!(!mentions("issuer.organization_unit is present", "issuer.organization"));
    }
}
