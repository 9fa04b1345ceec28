//! The rule language: text → tree (with spans and comments) → canonical text.
//!
//! `parse` never stops at the first mistake: it returns the tree it could
//! build and every syntax error as a [`Diag`]. Meaning (which instrument, which
//! fact, which type) is checked later, by [`crate::load`].

pub mod ast;
mod expr;
pub mod keys;
mod lex;
mod parse;
pub mod print;

use std::sync::Arc;

use crate::diag::Diag;
use crate::source::{SourceFile, Span};

pub use expr::RESERVED;

/// A parsed rule file: its tree and its syntax errors.
pub struct Parsed {
    pub file: ast::File,
    pub errors: Vec<Diag>,
}

pub fn parse(source: &Arc<SourceFile>) -> Parsed {
    let (file, errors) = parse::parse_file(&source.text);
    let errors = errors
        .into_iter()
        .map(|e| {
            let label = if e.label.is_empty() { String::new() } else { e.label };
            Diag::error(e.code, e.message)
                .in_file(source)
                .label(e.span, label)
                .help_opt(e.help)
        })
        .collect();
    Parsed { file, errors }
}

/// One citation written alone, as `explain` takes it: `ESL 24`, `ESL 17(5)`,
/// `ESL 23 para 2`, `RFC-5280 section 4.1.2.2`.
pub fn parse_citation(text: &str) -> Option<ast::Citation> {
    let (rest, mut cs) = parse::citations(lex::In::new(text.trim())).ok()?;
    if !rest.fragment().trim().is_empty() || cs.len() != 1 {
        return None;
    }
    cs.pop().map(|c| c.node)
}

/// Format a rule file. Refuses (with the syntax errors) if it does not parse,
/// and refuses if the formatted text would not parse back to the same tree
/// with the same comments: formatting never changes what a file says.
pub fn format(source: &Arc<SourceFile>) -> Result<String, Vec<Diag>> {
    let parsed = parse(source);
    if !parsed.errors.is_empty() {
        return Err(parsed.errors);
    }
    let out = print::print(&parsed.file);
    let (again, errors) = parse::parse_file(&out);
    let lost = comments_in_conditions(&parsed.file, &source.text);
    if let Some(&first) = lost.first() {
        let (line, _) = source.line_col(first);
        let mut diag = Diag::error(
            "certlex::fmt::comment-in-condition",
            format!("the comment on line {line} is inside a condition, where `certlex fmt` cannot keep it, so the file was left as it is"),
        )
        .zh(
            format!("第 {line} 行的注释在条件之中，`certlex fmt` 无法保留，文件未作改动"),
            Some("把注释移到该字段上方，然后再运行 `certlex fmt`"),
        )
        .in_file(source);
        for &at in &lost {
            let (line, _) = source.line_col(at);
            diag = diag
                .label(Span::new(at, at + 1), format!("comment on line {line}"))
                .zh_label(format!("第 {line} 行的注释"));
        }
        return Err(vec![
            diag.help("move the comment above the field, then run `certlex fmt` again"),
        ]);
    }
    if !errors.is_empty() || again != parsed.file || comment_offsets(&out).len() != comment_offsets(&source.text).len()
    {
        return Err(vec![
            Diag::error(
                "certlex::fmt::unsound",
                "formatting this file would change its meaning or lose a comment, so it was left as it is",
            )
            .in_file(source)
            .help("this is a fault of `certlex fmt`: please report it with the file"),
        ]);
    }
    Ok(out)
}

/// Where each comment starts (a `#` outside double quotes), found lexically
/// so that comments inside conditions, which the tree does not keep, count
/// too.
fn comment_offsets(text: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let mut in_string = false;
        let mut escaped = false;
        for (at, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '#' if !in_string => {
                    found.push(start + at);
                    break;
                }
                _ => {}
            }
        }
        start += line.len();
    }
    found
}

/// The comments written inside a condition (between its first and last
/// character), which the tree does not keep.
fn comments_in_conditions(file: &ast::File, text: &str) -> Vec<usize> {
    fn spans(entries: &[ast::Entry], out: &mut Vec<Span>) {
        for e in entries {
            match &e.body {
                ast::EntryBody::Field(f) => {
                    if let ast::FieldValue::Expr(x) = &f.value {
                        out.push(x.span);
                    }
                }
                ast::EntryBody::Block(b) => spans(&b.entries, out),
            }
        }
    }
    let mut conditions = Vec::new();
    spans(&file.items, &mut conditions);
    comment_offsets(text)
        .into_iter()
        .filter(|&at| conditions.iter().any(|s| s.start < at && at < s.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> Result<String, Vec<Diag>> {
        format(&SourceFile::new("t.rules", text))
    }

    #[test]
    fn messy_layout_becomes_canonical_and_stays_so() {
        let messy = "# head\n\n\n\nrule   A{\n      cites ESL 21( 1 )\n\n\n   severity    error # sev\n  require a.b is present and(c==1 or d)\n# end\n}\nregime x {\n}";
        let once = fmt(messy).unwrap();
        assert_eq!(
            once,
            "# head\n\nrule A {\n  cites ESL 21(1)\n\n  severity error # sev\n  require a.b is present and (c == 1 or d)\n  # end\n}\n\nregime x {\n}\n"
        );
        assert_eq!(fmt(&once).unwrap(), once);
    }

    #[test]
    fn long_conditions_break_at_and() {
        let long = format!(
            "rule A {{\n  require {}\n}}\n",
            (0..8)
                .map(|i| format!("fact_number_{i} is present"))
                .collect::<Vec<_>>()
                .join(" and ")
        );
        let out = fmt(&long).unwrap();
        assert!(out.contains("\n    and fact_number_1 is present\n"), "{out}");
        assert_eq!(fmt(&out).unwrap(), out);
    }

    #[test]
    fn a_comment_inside_a_condition_is_never_dropped_and_its_line_is_named() {
        let e = fmt("rule A {\n  require a is present # one\n    and b # two\n}\n").unwrap_err();
        assert_eq!(e[0].code, "certlex::fmt::comment-in-condition");
        assert!(e[0].message.contains("line 2"), "{}", e[0].message);
        // The comment after the condition's end is the field's own and kept.
        assert_eq!(e[0].labels.len(), 1);
    }

    #[test]
    fn the_authors_line_breaks_and_parentheses_are_kept() {
        let text = "rule A {\n  require (a is present)\n    or b is present and (c == 1)\n    or d is present\n}\n";
        assert_eq!(fmt(text).unwrap(), text);
        // A break after the connective moves before it; the break is kept.
        let after = "rule A {\n  require a is present or\n    b is present\n}\n";
        assert_eq!(
            fmt(after).unwrap(),
            "rule A {\n  require a is present\n    or b is present\n}\n"
        );
    }

    #[test]
    fn a_long_condition_is_never_joined_past_100_columns() {
        let group = |v: &str| {
            format!(
                "({v}.not_before < 2050-01-01 and {v}.encoding == \"UTCTime\" or {v}.not_before >= 2050-01-01 and {v}.encoding == \"GeneralizedTime\")"
            )
        };
        let one_line = format!(
            "rule A {{\n  require {} and {}\n}}\n",
            group("validity"),
            group("other")
        );
        let out = fmt(&one_line).unwrap();
        assert!(out.lines().all(|l| l.len() <= 100), "{out}");
        assert!(out.contains("\n    and (other.not_before"), "{out}");
        assert!(out.contains("\n      or validity.not_before >= 2050-01-01"), "{out}");
        assert_eq!(fmt(&out).unwrap(), out);
        // The author's breaks, even short, stay; a line still too long is wrapped.
        let authored = format!("rule A {{\n  require a is present\n    and {} and b\n}}\n", group("x"));
        let out = fmt(&authored).unwrap();
        assert!(out.lines().all(|l| l.len() <= 100), "{out}");
        // The author did not break before `and b`, and the line fits: it stays.
        assert!(out.contains("GeneralizedTime\") and b\n"), "{out}");
        assert_eq!(fmt(&out).unwrap(), out);
    }

    #[test]
    fn a_quantifiers_body_keeps_its_line_break() {
        let text = "rule A {\n  require every x in list:\n    x.a is present\n      and x.b is absent\n}\n";
        assert_eq!(fmt(text).unwrap(), text);
    }

    #[test]
    fn fmt_refuses_files_with_syntax_errors() {
        assert!(fmt("rule A {\n  severty error\n}\n").is_err());
    }
}
