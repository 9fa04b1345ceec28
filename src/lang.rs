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
use crate::source::SourceFile;

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
    if !errors.is_empty() || again != parsed.file || count_comments(&out) != count_comments(&source.text) {
        return Err(vec![
            Diag::error(
                "certlex::fmt::unsound",
                "formatting this file would change its meaning or lose a comment, so it was left as it is",
            )
            .in_file(source)
            .help("a comment inside a multi-line condition cannot be kept: move it above the field, then run `certlex fmt` again"),
        ]);
    }
    Ok(out)
}

/// Comments in a text (a `#` outside double quotes), counted lexically so that
/// comments inside expressions, which the tree does not keep, count too.
fn count_comments(text: &str) -> usize {
    let mut count = 0;
    for line in text.lines() {
        let mut in_string = false;
        let mut escaped = false;
        for c in line.chars() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '#' if !in_string => {
                    count += 1;
                    break;
                }
                _ => {}
            }
        }
    }
    count
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
    fn a_comment_inside_a_condition_is_never_dropped() {
        let e = fmt("rule A {\n  require a is present # one\n    and b # two\n}\n").unwrap_err();
        assert_eq!(e[0].code, "certlex::fmt::unsound");
    }

    #[test]
    fn fmt_refuses_files_with_syntax_errors() {
        assert!(fmt("rule A {\n  severty error\n}\n").is_err());
    }
}
