//! A scenario file (`.feature`) in the editor: the problems of its steps
//! (`scenario::lines`) as diagnostics, hovers and definitions of the rule
//! ids it names, completion of steps from the catalogue in the feature's
//! language.

use lsp_types::{CompletionItem, CompletionItemKind, Diagnostic, DiagnosticSeverity, NumberOrString, Range, TextEdit};

use super::{describe, position};
use crate::engine::RuleSet;
use crate::i18n::Lang;
use crate::law::Origin;
use crate::scenario::catalogue;
use crate::scenario::lines::{language, rule_id, steps};
use crate::source::Span;

/// A feature's problems (`scenario::lines`) as diagnostics.
pub fn diagnostics(text: &str, rules: Option<&RuleSet>) -> Vec<Diagnostic> {
    crate::scenario::lines::problems(text, rules)
        .into_iter()
        .map(|p| Diagnostic {
            range: position::range(text, p.span),
            severity: Some(DiagnosticSeverity::ERROR),
            code: Some(NumberOrString::String(p.code.to_string())),
            source: Some("certlex".into()),
            message: format!("{}\nhelp: {}", p.message, p.help),
            ..Diagnostic::default()
        })
        .collect()
}

/// The rule id under the cursor, if a step names one there.
fn rule_at(text: &str, offset: usize) -> Option<(String, Span)> {
    let lang = language(text);
    steps(text, lang).into_iter().find_map(|s| {
        let (step, groups) = catalogue::find(lang, s.text)?;
        let (id, span) = rule_id(step, &groups, &s)?;
        (span.start <= offset && offset <= span.end).then(|| (id.to_string(), span))
    })
}

/// On a rule id: the rule's title and citations; on a step: the step in
/// both languages.
pub fn hover(text: &str, offset: usize, rules: Option<&RuleSet>) -> Option<String> {
    if let Some((id, _)) = rule_at(text, offset) {
        return describe::rule(rules?, &id);
    }
    let lang = language(text);
    let s = steps(text, lang)
        .into_iter()
        .find(|s| s.span.start <= offset && offset <= s.span.end)?;
    let (step, _) = catalogue::find(lang, s.text)?;
    Some(format!(
        "{} {}\n\n{} {}\n",
        step.keyword.word(Lang::En),
        step.template_en,
        step.keyword.word(Lang::Zh),
        step.template_zh
    ))
}

/// A rule id's definition: the rule's block.
pub fn definition(text: &str, offset: usize, rules: &RuleSet) -> Option<Origin> {
    let (id, _) = rule_at(text, offset)?;
    rules.rule(&id).map(|(_, r)| r.origin.clone())
}

/// After a keyword: the steps of that keyword in the feature's language
/// (each with its twin in the other language); inside the quotes of a rule
/// id: the rules.
pub fn complete(text: &str, offset: usize, rules: Option<&RuleSet>) -> Vec<CompletionItem> {
    let lang = language(text);
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let Some(s) = steps(text, lang)
        .into_iter()
        .find(|s| s.span.start >= line_start && s.span.start <= offset)
    else {
        return Vec::new();
    };
    let typed = text.get(s.span.start..offset).unwrap_or("");
    // Inside an open quote right after a rule step's opening words.
    if typed.matches('"').count() % 2 == 1
        && let Some(rules) = rules
    {
        let quote = before.rfind('"').map_or(offset, |i| i + 1);
        let opening = typed.get(..typed.rfind('"').unwrap_or(0)).unwrap_or("");
        let names_rule = ["rule ", "规则 ", "finding for "].iter().any(|w| opening.ends_with(w));
        if names_rule {
            let range = position::range(text, Span::new(quote, offset));
            return rules
                .rules
                .iter()
                .map(|r| CompletionItem {
                    label: r.id.clone(),
                    kind: Some(CompletionItemKind::REFERENCE),
                    detail: r.title.get(lang).map(str::to_string),
                    text_edit: Some(lsp_types::CompletionTextEdit::Edit(TextEdit::new(range, r.id.clone()))),
                    ..CompletionItem::default()
                })
                .collect();
        }
    }
    let range: Range = position::range(text, Span::new(s.span.start, offset));
    let other = match lang {
        Lang::En => Lang::Zh,
        Lang::Zh => Lang::En,
    };
    catalogue::STEPS
        .iter()
        .filter(|step| step.keyword == s.keyword)
        .map(|step| CompletionItem {
            label: step.template(lang).to_string(),
            kind: Some(CompletionItemKind::SNIPPET),
            detail: Some(step.template(other).to_string()),
            filter_text: Some(step.example(lang).to_string()),
            text_edit: Some(lsp_types::CompletionTextEdit::Edit(TextEdit::new(
                range,
                step.example(lang).to_string(),
            ))),
            ..CompletionItem::default()
        })
        .collect()
}
