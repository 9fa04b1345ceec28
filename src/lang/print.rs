//! The canonical layout of rule files, used by `certlex fmt`: two-space
//! indentation, one field per line, one empty line between top-level blocks,
//! comments and intentional empty lines kept. [`format`] re-parses its own
//! output and refuses to write anything that would change the meaning.

use std::fmt::Write as _;

use super::ast::{
    Block, Citation, CiteTarget, Entry, EntryBody, Expr, ExprKind, Field, FieldValue, File, Head, Literal, Trivia,
};

const WIDTH: usize = 100;

/// Print a tree in canonical layout.
pub fn print(file: &File) -> String {
    let mut out = String::new();
    for (n, item) in file.items.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        entry(&mut out, item, 0);
    }
    if !file.end_comments.is_empty() {
        if !file.items.is_empty() {
            out.push('\n');
        }
        trivia(&mut out, &file.end_comments, 0);
    }
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn trivia(out: &mut String, lines: &[Trivia], depth: usize) {
    for t in lines {
        match t {
            Trivia::Comment(c) => {
                indent(out, depth);
                out.push('#');
                out.push_str(c);
            }
            Trivia::Blank => {}
        }
        out.push('\n');
    }
}

fn entry(out: &mut String, e: &Entry, depth: usize) {
    trivia(out, &e.before, depth);
    indent(out, depth);
    match &e.body {
        EntryBody::Field(f) => field(out, f, depth),
        EntryBody::Block(b) => block(out, b, depth),
    }
    if let Some(t) = &e.trailing {
        out.push_str(" #");
        out.push_str(t);
    }
    out.push('\n');
}

fn block(out: &mut String, b: &Block, depth: usize) {
    out.push_str(b.kind.keyword());
    out.push(' ');
    match &b.head {
        Head::Name(n) => out.push_str(n),
        Head::Number(n) => {
            let _ = write!(out, "{}", n.node);
        }
        Head::Article { instrument, number } => {
            let _ = write!(out, "{} {}", instrument.node, number.node);
        }
        Head::Date(d) => {
            let _ = write!(out, "{}", d.node);
        }
        Head::Section(n) => out.push_str(&quote(n)),
    }
    out.push_str(" {\n");
    for e in &b.entries {
        entry(out, e, depth + 1);
    }
    trivia(out, &b.end_comments, depth + 1);
    indent(out, depth);
    out.push('}');
}

fn field(out: &mut String, f: &Field, depth: usize) {
    out.push_str(&f.key);
    out.push(' ');
    match &f.value {
        FieldValue::Text(s) => out.push_str(&quote(s)),
        FieldValue::Date(d) => {
            let _ = write!(out, "{}", d.node);
        }
        FieldValue::Number(n) => out.push_str(&int(n.node)),
        FieldValue::Word(w) => out.push_str(w),
        FieldValue::Range(r) => {
            let _ = write!(out, "{}-{}", r.node.0, r.node.1);
        }
        FieldValue::Citations(cs) => out.push_str(&citations(cs.iter().map(|c| &c.node))),
        FieldValue::Expr(e) => {
            let col = 2 * depth + f.key.len() + 1;
            out.push_str(&condition(e, 0, col, depth + 1));
        }
        FieldValue::ParamValue { value, cites } => {
            let _ = write!(
                out,
                "{} cites {}",
                literal(value),
                citations(cites.iter().map(|c| &c.node))
            );
        }
    }
}

pub fn citations<'a>(cs: impl Iterator<Item = &'a Citation>) -> String {
    cs.map(citation).collect::<Vec<_>>().join(", ")
}

pub fn citation(c: &Citation) -> String {
    let mut s = c.instrument.node.clone();
    match &c.target {
        CiteTarget::Instrument => {}
        CiteTarget::Chapter(n) => {
            let _ = write!(s, " chapter {}", n.node);
        }
        CiteTarget::Article { number, para, item } => {
            let _ = write!(s, " {}", number.node);
            if let Some(p) = para {
                let _ = write!(s, " para {}", p.node);
            }
            if let Some(i) = item {
                let _ = write!(s, "({})", i.node);
            }
        }
        CiteTarget::Section(n) => {
            let _ = write!(s, " section {}", n.node);
        }
    }
    if let Some(d) = &c.from {
        let _ = write!(s, " from {}", d.node);
    }
    if let Some(d) = &c.until {
        let _ = write!(s, " until {}", d.node);
    }
    s
}

/// Text in double quotes with the language's escapes.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whole numbers of five digits or more are grouped by `_`: `30_000_000`.
pub fn int(n: i64) -> String {
    if n.unsigned_abs() < 10_000 {
        return n.to_string();
    }
    crate::i18n::group_digits(n, '_')
}

pub fn literal(l: &Literal) -> String {
    match l {
        Literal::Int(n) => int(*n),
        Literal::Str(s) => quote(s),
        Literal::Date(d) => d.to_string(),
        Literal::Duration { amount, unit } => format!("{} {}", int(*amount), unit.word(*amount)),
        Literal::Bool(b) => b.to_string(),
    }
}

/// Binding strength: a child looser than its context is parenthesised.
fn precedence(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Quant { .. } => 0,
        ExprKind::Or(_) => 1,
        ExprKind::And(_) => 2,
        ExprKind::Not(_) => 3,
        ExprKind::Cmp { .. }
        | ExprKind::Presence { .. }
        | ExprKind::In { .. }
        | ExprKind::Contains { .. }
        | ExprKind::Matches { .. } => 4,
        ExprKind::Lit(_) | ExprKind::Name(_) | ExprKind::List(_) | ExprKind::Count { .. } => 5,
    }
}

/// An expression on one line, parenthesised if it binds looser than `min`.
pub fn expr(e: &Expr, min: u8) -> String {
    let s = match &e.kind {
        ExprKind::Lit(l) => literal(l),
        ExprKind::Name(segs) => segs.iter().map(|s| s.node.as_str()).collect::<Vec<_>>().join("."),
        ExprKind::List(items) => format!("[{}]", items.iter().map(|i| expr(i, 5)).collect::<Vec<_>>().join(", ")),
        ExprKind::Count { var, list, cond } => match (var, cond) {
            (Some(v), Some(c)) => format!("count({} in {}: {})", v.node, expr(list, 5), expr(c, 0)),
            _ => format!("count({})", expr(list, 0)),
        },
        ExprKind::Not(inner) => format!("not {}", expr(inner, 3)),
        ExprKind::And(parts) => parts.iter().map(|p| expr(p, 3)).collect::<Vec<_>>().join(" and "),
        ExprKind::Or(parts) => parts.iter().map(|p| expr(p, 2)).collect::<Vec<_>>().join(" or "),
        ExprKind::Cmp { op, lhs, rhs } => format!("{} {} {}", expr(lhs, 5), op.symbol(), expr(rhs, 5)),
        ExprKind::Presence { expr: inner, present } => {
            format!("{} is {}", expr(inner, 5), if *present { "present" } else { "absent" })
        }
        ExprKind::In { lhs, rhs, negated } => {
            format!(
                "{} {}in {}",
                expr(lhs, 5),
                if *negated { "not " } else { "" },
                expr(rhs, 5)
            )
        }
        ExprKind::Contains { lhs, rhs } => format!("{} contains {}", expr(lhs, 5), expr(rhs, 5)),
        ExprKind::Matches { lhs, pattern } => format!("{} matches {}", expr(lhs, 5), quote(pattern)),
        ExprKind::Quant { every, var, list, body } => format!(
            "{} {} in {}: {}",
            if *every { "every" } else { "some" },
            var.node,
            expr(list, 5),
            expr(body, 0)
        ),
    };
    if needs_parens(e, min) { format!("({s})") } else { s }
}

/// Parenthesised when the author wrote parentheses or precedence needs them.
fn needs_parens(e: &Expr, min: u8) -> bool {
    e.layout.parens || precedence(e) < min
}

/// Columns a text takes in a terminal (a Chinese character takes two).
fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// A condition starting at column `col`, its own `and`/`or` indented `level`
/// steps when they start a line. It stays on one line when it fits in
/// [`WIDTH`] and the author broke no line in it; otherwise the author's line
/// breaks before `and`/`or` (and before a quantifier's body) are kept, and a
/// chain of `and`/`or` the author did not break, or that still runs past
/// [`WIDTH`], is broken before each of its connectives. What is inside an
/// operand of `and`/`or`, of `not` or of a quantifier breaks one step
/// further in, so a line's indentation shows what it belongs to.
fn condition(e: &Expr, min: u8, col: usize, level: usize) -> String {
    let one_line = expr(e, min);
    if !has_breaks(e) && col + width(&one_line) <= WIDTH {
        return one_line;
    }
    if needs_parens(e, min) {
        return format!("({})", bare(e, col + 1, level, &one_line));
    }
    bare(e, col, level, &one_line)
}

/// [`condition`] without its own parentheses.
fn bare(e: &Expr, col: usize, level: usize, one_line: &str) -> String {
    match &e.kind {
        ExprKind::And(parts) => chain(parts, "and", 3, col, level, col + width(one_line) <= WIDTH),
        ExprKind::Or(parts) => chain(parts, "or", 2, col, level, col + width(one_line) <= WIDTH),
        ExprKind::Not(inner) => format!("not {}", condition(inner, 3, col + 4, level + 1)),
        ExprKind::Quant { every, var, list, body } => {
            let head = format!(
                "{} {} in {}:",
                if *every { "every" } else { "some" },
                var.node,
                expr(list, 5)
            );
            if body.layout.line_break {
                let mut out = head;
                out.push('\n');
                indent(&mut out, level);
                out.push_str(&condition(body, 0, 2 * level, level + 1));
                out
            } else {
                let start = col + width(&head) + 1;
                format!("{head} {}", condition(body, 0, start, level + 1))
            }
        }
        _ => expr(e, 0),
    }
}

/// `parts` joined by `word`: at the author's line breaks, or before every
/// connective when the author broke none and the chain does not fit, or when
/// a line would still run past [`WIDTH`].
fn chain(parts: &[Expr], word: &str, min: u8, col: usize, level: usize, fits: bool) -> String {
    let authored = parts.iter().skip(1).any(|p| p.layout.line_break);
    let lay = |every: bool| {
        let mut out = String::new();
        let mut at = col;
        for (n, p) in parts.iter().enumerate() {
            if n > 0 {
                if every || p.layout.line_break {
                    out.push('\n');
                    indent(&mut out, level);
                    at = 2 * level;
                } else {
                    out.push(' ');
                    at += 1;
                }
                out.push_str(word);
                out.push(' ');
                at += word.len() + 1;
            }
            let s = condition(p, min, at, level + 1);
            at = match s.rsplit_once('\n') {
                Some((_, last)) => width(last),
                None => at + width(&s),
            };
            out.push_str(&s);
        }
        out
    };
    if !authored && !fits {
        return lay(true);
    }
    let out = lay(false);
    if authored && too_wide(&out, col) {
        lay(true)
    } else {
        out
    }
}

/// Whether a line of `text`, whose first line starts at column `col`, runs
/// past [`WIDTH`].
fn too_wide(text: &str, col: usize) -> bool {
    text.lines()
        .enumerate()
        .any(|(n, line)| width(line) + if n == 0 { col } else { 0 } > WIDTH)
}

/// Whether the author broke a line anywhere in `e`.
fn has_breaks(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::And(parts) | ExprKind::Or(parts) => parts.iter().any(|p| p.layout.line_break || has_breaks(p)),
        ExprKind::Not(inner) => has_breaks(inner),
        ExprKind::Quant { body, .. } => body.layout.line_break || has_breaks(body),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_group_by_thousands() {
        assert_eq!(int(30_000_000), "30_000_000");
        assert_eq!(int(9999), "9999");
        assert_eq!(int(70000000), "70_000_000");
    }

    #[test]
    fn quote_escapes() {
        assert_eq!(quote("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
