//! A rule file in the editor: its diagnostics as LSP diagnostics, what the
//! cursor is on (a citation, a fact path, a parameter, a rule), and what may
//! be written where it stands (`lang::keys` for fields, the fact schema of
//! the rule's `applies-to` kind, the law for `cites`).

use std::sync::Arc;

use lsp_types::{
    CompletionItem, CompletionItemKind, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location,
    NumberOrString,
};

use super::{describe, position};
use crate::diag::{Diag, Level};
use crate::engine::RuleSet;
use crate::facts::{SubjectKind, Ty};
use crate::lang::ast::{self, BlockKind, EntryBody, Expr, ExprKind, FieldValue, Head};
use crate::lang::keys::{self, Shape};
use crate::law::Origin;
use crate::source::{SourceFile, Span};

/// A diagnostic of `file` (the document at `uri`) for the editor: the
/// primary label's span, the message with its help, the other labels and
/// related diagnostics in the same file as related information.
pub fn diagnostic(d: &Diag, file: &Arc<SourceFile>, uri: &str) -> Diagnostic {
    let text = &file.text;
    let span = d.labels.first().map_or(Span::point(0), |(s, _)| *s);
    let mut message = d.message.clone();
    if let Some((_, label)) = d.labels.first().filter(|(_, l)| !l.is_empty()) {
        message.push_str(&format!(" ({label})"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let location =
        |span: Span| -> Option<Location> { Some(Location::new(uri.parse().ok()?, position::range(text, span))) };
    let mut related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .skip(1)
        .filter_map(|(s, l)| {
            Some(DiagnosticRelatedInformation {
                location: location(*s)?,
                message: l.clone(),
            })
        })
        .collect();
    for r in d
        .related
        .iter()
        .filter(|r| r.file.as_ref().is_some_and(|f| f.name == file.name))
    {
        if let Some((s, _)) = r.labels.first()
            && let Some(location) = location(*s)
        {
            related.push(DiagnosticRelatedInformation {
                location,
                message: r.message.clone(),
            });
        }
    }
    Diagnostic {
        range: position::range(text, span),
        severity: Some(match d.level {
            Level::Error => DiagnosticSeverity::ERROR,
            Level::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("certlex".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

/// What the cursor stands on.
enum At {
    Citation(crate::law::Citation),
    /// A dotted name in a condition or a `{placeholder}`: a fact path of
    /// the rule's kind, or a parameter.
    Name {
        path: String,
        kind: Option<SubjectKind>,
    },
    /// The head of a `parameter` block.
    Parameter(String),
    /// The head of a `rule` block.
    Rule(String),
}

fn contains(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// Find what is at `offset` in a parsed file.
fn at(text: &str, offset: usize) -> Option<At> {
    let parsed = crate::lang::parse(&SourceFile::new("edited.rules", text));
    parsed.file.blocks().find_map(|b| {
        let kind = b.field("applies-to").and_then(|f| match &f.value {
            FieldValue::Word(w) => SubjectKind::from_word(w),
            _ => None,
        });
        in_block(text, b, kind, offset)
    })
}

fn in_block(text: &str, b: &ast::Block, kind: Option<SubjectKind>, offset: usize) -> Option<At> {
    if !contains(b.span.0, offset) {
        return None;
    }
    match (&b.head, b.kind.node) {
        (Head::Name(n), BlockKind::Parameter) if contains(n.span, offset) => {
            return Some(At::Parameter(n.node.clone()));
        }
        (Head::Name(n), BlockKind::Rule) if contains(n.span, offset) => return Some(At::Rule(n.node.clone())),
        (Head::Article { instrument, number }, _) if contains(instrument.span.to(number.span), offset) => {
            return Some(At::Citation(crate::law::Citation {
                instrument: instrument.node.clone(),
                target: crate::law::Target::Article {
                    number: number.node,
                    para: None,
                    item: None,
                },
                from: None,
                until: None,
            }));
        }
        _ => {}
    }
    for e in &b.entries {
        let found = match &e.body {
            EntryBody::Block(inner) => in_block(text, inner, kind, offset),
            EntryBody::Field(f) => in_field(text, f, kind, offset),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn in_field(text: &str, f: &ast::Field, kind: Option<SubjectKind>, offset: usize) -> Option<At> {
    let cite = |cs: &[crate::source::Spanned<ast::Citation>]| {
        cs.iter()
            .find(|c| contains(c.span, offset))
            .map(|c| At::Citation(describe::citation(c)))
    };
    match &f.value {
        FieldValue::Citations(cs) => cite(cs),
        FieldValue::ParamValue { cites, .. } => cite(cites),
        FieldValue::Expr(e) => in_expr(e, kind, &mut Vec::new(), offset),
        FieldValue::Text(s) if contains(s.span, offset) => {
            placeholder(text, s.span, offset).map(|path| At::Name { path, kind })
        }
        _ => None,
    }
}

/// A `{placeholder}` of a message or title around `offset`.
fn placeholder(text: &str, span: Span, offset: usize) -> Option<String> {
    let before = text.get(span.start..offset)?;
    let open = before.rfind('{')?;
    if before.get(open..)?.contains('}') {
        return None;
    }
    let after = text.get(offset..span.end)?;
    let close = after.find('}')?;
    let name = format!("{}{}", before.get(open + 1..)?, after.get(..close)?);
    let name = name.trim();
    (!name.is_empty() && !name.contains(char::is_whitespace)).then(|| name.to_string())
}

/// A name in a condition; `scope` maps the variables of `every`, `some`
/// and `count` to the lists they range over, so `x.oid` in `every x in
/// extensions: …` is `extensions.oid`.
fn in_expr(e: &Expr, kind: Option<SubjectKind>, scope: &mut Vec<(String, String)>, offset: usize) -> Option<At> {
    if !contains(e.span, offset) {
        return None;
    }
    match &e.kind {
        ExprKind::Name(segs) => {
            let upto = segs.iter().position(|s| contains(s.span, offset))?;
            let mut names: Vec<String> = segs.iter().take(upto + 1).map(|s| s.node.clone()).collect();
            if let Some(first) = names.first_mut()
                && let Some((_, list)) = scope.iter().rev().find(|(var, _)| var == first)
            {
                *first = list.clone();
            }
            Some(At::Name {
                path: names.join("."),
                kind,
            })
        }
        ExprKind::Lit(_) => None,
        ExprKind::List(items) | ExprKind::And(items) | ExprKind::Or(items) => {
            items.iter().find_map(|i| in_expr(i, kind, scope, offset))
        }
        ExprKind::Not(x) => in_expr(x, kind, scope, offset),
        ExprKind::Presence { expr, .. } => in_expr(expr, kind, scope, offset),
        ExprKind::Matches { lhs, .. } => in_expr(lhs, kind, scope, offset),
        ExprKind::Cmp { lhs, rhs, .. } | ExprKind::In { lhs, rhs, .. } | ExprKind::Contains { lhs, rhs } => {
            in_expr(lhs, kind, scope, offset).or_else(|| in_expr(rhs, kind, scope, offset))
        }
        ExprKind::Count { var, list, cond } => {
            let found = in_expr(list, kind, scope, offset);
            if found.is_some() {
                return found;
            }
            let cond = cond.as_deref()?;
            bound(var.as_ref().map(|v| v.node.clone()), list, kind, scope, cond, offset)
        }
        ExprKind::Quant { var, list, body, .. } => {
            let found = in_expr(list, kind, scope, offset);
            if found.is_some() {
                return found;
            }
            bound(Some(var.node.clone()), list, kind, scope, body, offset)
        }
    }
}

fn bound(
    var: Option<String>,
    list: &Expr,
    kind: Option<SubjectKind>,
    scope: &mut Vec<(String, String)>,
    body: &Expr,
    offset: usize,
) -> Option<At> {
    let list_path = match &list.kind {
        ExprKind::Name(segs) => Some(segs.iter().map(|s| s.node.as_str()).collect::<Vec<_>>().join(".")),
        _ => None,
    };
    let pushed = match (var, list_path) {
        (Some(v), Some(p)) => {
            scope.push((v, p));
            true
        }
        _ => false,
    };
    let found = in_expr(body, kind, scope, offset);
    if pushed {
        scope.pop();
    }
    found
}

/// The hover at `offset`, in Markdown.
pub fn hover(text: &str, offset: usize, rules: Option<&RuleSet>) -> Option<String> {
    match at(text, offset)? {
        At::Citation(c) => describe::provision(rules?, &c),
        At::Name { path, kind } => {
            if let Some(rules) = rules
                && rules.law.parameter(&path).is_some()
            {
                return describe::parameter(rules, &path);
            }
            describe::fact(rules, kind?, &path)
        }
        At::Parameter(name) => describe::parameter(rules?, &name),
        At::Rule(id) => describe::rule(rules?, &id),
    }
}

/// Where what is at `offset` is defined: a parameter's block, a cited
/// article's block (or the instrument's, for a whole instrument).
pub fn definition(text: &str, offset: usize, rules: &RuleSet) -> Option<Origin> {
    let law = &rules.law;
    match at(text, offset)? {
        At::Name { path, .. } | At::Parameter(path) => law.parameter(&path).map(|(_, p)| p.origin.clone()),
        At::Citation(c) => match c.article() {
            Some(n) => law.article(&c.instrument, n).map(|a| a.origin.clone()),
            None => law.instrument(&c.instrument).map(|i| i.origin.clone()),
        },
        At::Rule(id) => rules.rule(&id).map(|(_, r)| r.origin.clone()),
    }
}

/// The blocks open at `offset`, outermost first, with where each starts:
/// a scan that skips strings and comments, so it works on half-typed text
/// the parser cannot read.
fn open_blocks(text: &str) -> Vec<(Option<BlockKind>, usize)> {
    let mut stack = Vec::new();
    let mut head_start = 0;
    let mut in_string = false;
    let mut escaped = false;
    let mut comment = false;
    for (i, c) in text.char_indices() {
        match c {
            '\n' => {
                comment = false;
                in_string = false;
            }
            _ if comment => {}
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            _ if in_string => {}
            '#' => comment = true,
            '{' => {
                let head = text.get(head_start..i).unwrap_or("");
                let word = head.split_whitespace().next().unwrap_or("");
                stack.push((BlockKind::from_keyword(word), i));
            }
            '}' => {
                stack.pop();
            }
            _ => {}
        }
        if matches!(c, '\n' | '{' | '}') {
            head_start = i + c.len_utf8();
        }
    }
    stack
}

/// The `applies-to` kind of the top-level block that starts at `start`.
fn applies_to(text: &str, start: usize) -> Option<SubjectKind> {
    let rest = text.get(start..)?;
    let end = rest.find("\n}").unwrap_or(rest.len());
    let body = rest.get(..end)?;
    let at = body.find("applies-to")?;
    let word = body.get(at + "applies-to".len()..)?.split_whitespace().next()?;
    SubjectKind::from_word(word)
}

fn item(label: impl Into<String>, kind: CompletionItemKind, detail: impl Into<String>) -> CompletionItem {
    CompletionItem {
        label: label.into(),
        kind: Some(kind),
        detail: Some(detail.into()).filter(|d: &String| !d.is_empty()),
        ..CompletionItem::default()
    }
}

/// What may be written at `offset`.
pub fn complete(text: &str, offset: usize, rules: Option<&RuleSet>) -> Vec<CompletionItem> {
    let before = text.get(..offset).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or("");
    let stack = open_blocks(before);
    let inner = stack.last().and_then(|(k, _)| *k);
    let kind = stack.first().and_then(|(_, start)| {
        let head_start = text.get(..*start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        applies_to(text, head_start)
    });
    let trimmed = line.trim_start();
    let key = trimmed.split_whitespace().next().unwrap_or("");
    let quotes = line.matches('"').count();
    if quotes % 2 == 1 {
        // In a string: a `{placeholder}` of a title or message.
        let after_brace = line
            .rfind('{')
            .is_some_and(|b| !line.get(b..).unwrap_or("").contains('}'));
        return if after_brace {
            let word = line.rsplit('{').next().unwrap_or("");
            names(word, kind, rules, false)
        } else {
            Vec::new()
        };
    }
    // The first word of a line: a field or a block of the block it is in.
    if !trimmed.contains(char::is_whitespace) {
        return match inner {
            Some(k) => keys::keys_of(k)
                .map(|s| item(s.name, CompletionItemKind::FIELD, s.doc))
                .chain(
                    k.children()
                        .iter()
                        .map(|c| item(c.keyword(), CompletionItemKind::KEYWORD, c.with_article())),
                )
                .collect(),
            None if stack.is_empty() => BlockKind::ALL
                .into_iter()
                .filter(|k| k.is_top_level())
                .map(|k| item(k.keyword(), CompletionItemKind::KEYWORD, k.with_article()))
                .collect(),
            None => Vec::new(),
        };
    }
    let rest = trimmed.get(key.len()..).unwrap_or("");
    if let Some(rules) = rules
        && (key == "cites" || rest.contains(" cites "))
    {
        let segment = if key == "cites" {
            rest
        } else {
            rest.rsplit_once(" cites ").map_or(rest, |(_, r)| r)
        };
        let after = segment.rsplit(',').next().unwrap_or(segment);
        return citations(after.trim_start(), rules);
    }
    match keys::key_spec(key).map(|s| s.shape) {
        Some(Shape::Expr) => {}
        Some(_) if key == "applies-to" => {
            return SubjectKind::ALL
                .into_iter()
                .map(|k| item(k.word(), CompletionItemKind::ENUM_MEMBER, ""))
                .collect();
        }
        Some(_) if key == "severity" => {
            return ["error", "warning", "notice"]
                .into_iter()
                .map(|w| item(w, CompletionItemKind::ENUM_MEMBER, ""))
                .collect();
        }
        Some(_) => return Vec::new(),
        // A condition continued on the next line (`and …`).
        None if inner == Some(BlockKind::Rule) || inner == Some(BlockKind::Reach) => {}
        None => return Vec::new(),
    }
    let word_start = line
        .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '-')))
        .map_or(0, |i| i + 1);
    let word = line.get(word_start..).unwrap_or("");
    names(word, kind, rules, true)
}

/// Fact paths (the next segment after a `.`), parameters and, in a
/// condition, the words of the condition language.
fn names(word: &str, kind: Option<SubjectKind>, rules: Option<&RuleSet>, condition: bool) -> Vec<CompletionItem> {
    if let Some((parent, _)) = word.rsplit_once('.') {
        let Some(kind) = kind else { return Vec::new() };
        let Some(field) = describe::field_at(kind.schema(), parent) else {
            return Vec::new();
        };
        let sub = match field.ty {
            Ty::Record(sub) | Ty::List(&Ty::Record(sub)) => sub,
            _ => return Vec::new(),
        };
        return fields(sub);
    }
    let mut out = kind.map(|k| fields(k.schema())).unwrap_or_default();
    if let Some(rules) = rules {
        out.extend(rules.law.parameters.iter().map(|p| {
            let title = p.title.get(crate::i18n::Lang::Zh).unwrap_or_default();
            item(
                p.name.clone(),
                CompletionItemKind::CONSTANT,
                format!("parameter · {title}"),
            )
        }));
    }
    if condition {
        out.extend(
            crate::lang::RESERVED
                .iter()
                .chain(&["today"])
                .map(|w| item(*w, CompletionItemKind::KEYWORD, "")),
        );
    } else {
        out.extend(["citation", "date"].map(|w| item(w, CompletionItemKind::KEYWORD, "the finding's own")));
    }
    out
}

fn fields(schema: &'static [crate::facts::Field]) -> Vec<CompletionItem> {
    schema
        .iter()
        .map(|f| {
            let mut i = item(f.name, CompletionItemKind::FIELD, f.ty.describe());
            i.documentation = Some(lsp_types::Documentation::String(f.doc.to_string()));
            i
        })
        .collect()
}

/// Citations: instruments, then articles, paragraphs, items or sections.
fn citations(written: &str, rules: &RuleSet) -> Vec<CompletionItem> {
    let law = &rules.law;
    let words: Vec<&str> = written.split_whitespace().collect();
    let ends_in_space = written.ends_with(char::is_whitespace) || written.is_empty();
    let instruments = || {
        law.instruments
            .iter()
            .map(|i| {
                item(
                    i.id.clone(),
                    CompletionItemKind::MODULE,
                    i.short_name(crate::i18n::Lang::Zh),
                )
            })
            .collect()
    };
    let Some(inst) = words.first().and_then(|w| law.instrument(w)) else {
        return instruments();
    };
    let latest = |n: &str| -> Option<&crate::law::Version> {
        let n: u32 = n.split('(').next()?.parse().ok()?;
        inst.articles.get(&n)?.versions.last()
    };
    match (words.as_slice(), ends_in_space) {
        ([_], false) => instruments(),
        ([_], true) | ([_, _], false) if inst.kind == crate::law::Kind::Standard => {
            vec![item("section", CompletionItemKind::KEYWORD, "")]
        }
        ([_, "section"], true) | ([_, "section", _], false) => inst
            .sections
            .iter()
            .map(|s| {
                let title = s.title.get(crate::i18n::Lang::En).unwrap_or_default();
                item(s.number.clone(), CompletionItemKind::REFERENCE, title)
            })
            .collect(),
        ([_], true) | ([_, _], false) if !words.get(1).is_some_and(|w| w.contains('(')) => inst
            .articles
            .values()
            .map(|a| {
                let heading = a.heading.get(crate::i18n::Lang::Zh).unwrap_or_default();
                item(a.number.to_string(), CompletionItemKind::REFERENCE, heading)
            })
            .collect(),
        ([_, n, "para"], true) | ([_, n, "para", _], false) => latest(n)
            .map(|v| {
                v.paras
                    .iter()
                    .map(|p| item(p.number.to_string(), CompletionItemKind::REFERENCE, snippet(&p.text)))
                    .collect()
            })
            .unwrap_or_default(),
        ([_, n], false) if n.contains('(') => latest(n)
            .and_then(|v| v.para_with_items())
            .map(|p| {
                p.items
                    .iter()
                    .map(|i| item(i.number.to_string(), CompletionItemKind::REFERENCE, snippet(&i.text)))
                    .collect()
            })
            .unwrap_or_default(),
        ([_, _], true) => ["para", "from", "until"]
            .into_iter()
            .map(|w| item(w, CompletionItemKind::KEYWORD, ""))
            .collect(),
        _ => Vec::new(),
    }
}

/// The start of a wording, to tell paragraphs and items apart in a list.
fn snippet(t: &crate::i18n::Text) -> String {
    let s = t.get(crate::i18n::Lang::Zh).unwrap_or_default();
    let mut out: String = s.chars().take(30).collect();
    if s.chars().count() > 30 {
        out.push('…');
    }
    out
}
