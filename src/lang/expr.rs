//! Expressions of `require` and `when`, by precedence from loosest to tightest:
//! `every`/`some` (whose body reaches as far right as it can), `or`, `and`,
//! `not`, comparisons and tests (`==`, `is present`, `in`, `contains`,
//! `matches`), operands (literals, names, lists, `count(…)`, parentheses).

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::char;

use super::ast::{CmpOp, Expr, ExprKind, Layout, Literal};
use super::lex::{
    In, PError, PResult, date, duration_unit, expected, kw, looks_like_date, number, offset, punct, sp, span_from,
    string, word,
};
use crate::source::{Span, Spanned};

/// Words with a meaning of their own in expressions; not usable as names.
pub const RESERVED: &[&str] = &[
    "and", "or", "not", "in", "is", "every", "some", "contains", "matches", "present", "absent", "true", "false",
    "count",
];

/// The deepest nesting of parentheses, lists, `not`, `every`/`some` and
/// `count(…)` in one expression: far beyond any rule a person writes, and
/// well within the stack of every pass over the tree (check, print, eval).
pub const MAX_NESTING: usize = 32;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// One level of nesting, held while its inner expression is parsed.
struct Nested;

impl Nested {
    fn enter(i: &In) -> Result<Self, nom::Err<PError>> {
        let depth = DEPTH.with(|d| {
            d.set(d.get().saturating_add(1));
            d.get()
        });
        let level = Nested;
        if depth > MAX_NESTING {
            let at = offset(i);
            return Err(nom::Err::Failure(
                PError::new(
                    Span::new(at, at + i.fragment().chars().next().map_or(0, char::len_utf8)),
                    "certlex::syntax::too-deep",
                    format!("the condition nests more than {MAX_NESTING} levels deep"),
                )
                .label("too deep here")
                .help("split the condition into simpler parts, or remove the surplus parentheses and `not`s"),
            ));
        }
        Ok(level)
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

fn node(kind: ExprKind, start: &In, end: &In) -> Expr {
    Expr {
        kind,
        span: span_from(start, end),
        layout: Layout::default(),
    }
}

/// A whole expression.
pub fn expr(i: In) -> PResult<Expr> {
    let _level = Nested::enter(&i)?;
    let start = i;
    if let Ok((rest, every)) = alt((kw("every").map(|_| true), kw("some").map(|_| false))).parse(i) {
        return quantifier(start, rest, every);
    }
    or_expr(i)
}

fn quantifier<'a>(start: In<'a>, i: In<'a>, every: bool) -> PResult<'a, Expr> {
    let (i, _) = sp(i)?;
    let (i, var) = variable(i)?;
    let (i, _) = sp(i)?;
    let (i, _) = kw("in")
        .parse(i)
        .map_err(|_| nom::Err::Failure(expected(i, "`in` (as in `every x in list: …`)")))?;
    let (i, _) = sp(i)?;
    let (i, list) = operand(i).map_err(to_failure)?;
    let (i, _) = colon(i)?;
    let (after, _) = sp(i)?;
    let line_break = broken(&i, &after);
    let (i, mut body) = expr(after).map_err(to_failure)?;
    body.layout.line_break = line_break;
    Ok((
        i,
        node(
            ExprKind::Quant {
                every,
                var,
                list: Box::new(list),
                body: Box::new(body),
            },
            &start,
            &i,
        ),
    ))
}

fn colon(i: In) -> PResult<Span> {
    punct(':', "`:` before the condition").parse(i).map_err(to_failure)
}

fn to_failure(e: nom::Err<PError>) -> nom::Err<PError> {
    match e {
        nom::Err::Error(e) => nom::Err::Failure(e),
        other => other,
    }
}

fn variable(i: In) -> PResult<Spanned<String>> {
    let (rest, v) = word(i).map_err(|_| nom::Err::Failure(expected(i, "a name for each element, such as `x`")))?;
    if RESERVED.contains(&v.node.as_str()) {
        return PError::new(
            v.span,
            "certlex::syntax::reserved-word",
            format!("`{}` cannot name an element", v.node),
        )
        .label("a reserved word")
        .help("choose another short name, such as `x` or `ext`")
        .fail();
    }
    Ok((rest, v))
}

/// One connective (`and` / `or`) between operands; also catches `AND`, `&&`.
fn connective<'a>(i: In<'a>, word: &'static str, upper: &'static str, symbol: &'static str) -> PResult<'a, ()> {
    let (j, _) = sp(i)?;
    if let Ok((rest, _)) = kw(word).parse(j) {
        let (rest, _) = sp(rest)?;
        return Ok((rest, ()));
    }
    let slip = kw(upper).parse(j).or_else(|_| tag::<_, _, PError>(symbol).parse(j));
    if let Ok((rest, _)) = slip {
        return PError::new(
            span_from(&j, &rest),
            "certlex::syntax::connective",
            format!("write `{word}` in lower case letters"),
        )
        .label("not a connective of the rule language")
        .help(format!("replace it with `{word}`"))
        .fail();
    }
    PError::new(Span::point(offset(&j)), "certlex::syntax::internal", "").soft()
}

fn chain<'a>(
    i: In<'a>,
    word: &'static str,
    upper: &'static str,
    symbol: &'static str,
    next: fn(In<'a>) -> PResult<'a, Expr>,
    make: fn(Vec<Expr>) -> ExprKind,
) -> PResult<'a, Expr> {
    let start = i;
    let (mut i, first) = next(i)?;
    let mut parts = vec![first];
    loop {
        match connective(i, word, upper, symbol) {
            Ok((rest, ())) => {
                let line_break = broken(&i, &rest);
                // A quantifier may stand last in a chain: `a and every x in l: p`.
                let (rest, mut part) = alt((quant_operand, next)).parse(rest).map_err(to_failure)?;
                part.layout.line_break = line_break;
                parts.push(part);
                i = rest;
            }
            Err(nom::Err::Failure(e)) => return Err(nom::Err::Failure(e)),
            Err(_) => break,
        }
    }
    if parts.len() == 1 {
        return Ok((i, parts.remove(0)));
    }
    Ok((i, node(make(parts), &start, &i)))
}

/// Whether the text from `from` to `to` (space, comments, a connective)
/// holds a line break.
fn broken(from: &In, to: &In) -> bool {
    let len = offset(to).saturating_sub(offset(from));
    from.fragment().get(..len).is_some_and(|s| s.contains('\n'))
}

fn quant_operand(i: In) -> PResult<Expr> {
    let start = i;
    let (rest, every) = alt((kw("every").map(|_| true), kw("some").map(|_| false))).parse(i)?;
    quantifier(start, rest, every)
}

fn or_expr(i: In) -> PResult<Expr> {
    chain(i, "or", "OR", "||", and_expr, ExprKind::Or)
}

fn and_expr(i: In) -> PResult<Expr> {
    chain(i, "and", "AND", "&&", unary, ExprKind::And)
}

fn unary(i: In) -> PResult<Expr> {
    let start = i;
    if let Ok((rest, _)) = kw("not").parse(i) {
        let _level = Nested::enter(&i)?;
        let (rest, _) = sp(rest)?;
        let (rest, inner) = alt((quant_operand, unary)).parse(rest).map_err(to_failure)?;
        return Ok((rest, node(ExprKind::Not(Box::new(inner)), &start, &rest)));
    }
    test(i)
}

fn cmp_op(i: In) -> PResult<CmpOp> {
    alt((
        tag("==").map(|_| CmpOp::Eq),
        tag("!=").map(|_| CmpOp::Ne),
        tag("<=").map(|_| CmpOp::Le),
        tag(">=").map(|_| CmpOp::Ge),
        tag("<").map(|_| CmpOp::Lt),
        tag(">").map(|_| CmpOp::Gt),
    ))
    .parse(i)
}

/// An operand, optionally followed by a comparison or a test.
fn test(i: In) -> PResult<Expr> {
    let start = i;
    let (i, lhs) = operand(i)?;
    let (j, _) = sp(i)?;
    let boxed = |e: Expr| Box::new(e);

    if let Ok((rest, op)) = cmp_op(j) {
        let (rest, _) = sp(rest)?;
        let (rest, rhs) = operand(rest).map_err(to_failure)?;
        let kind = ExprKind::Cmp {
            op,
            lhs: boxed(lhs),
            rhs: boxed(rhs),
        };
        return Ok((rest, node(kind, &start, &rest)));
    }
    if let Ok((rest, _)) = alt((char::<In, PError>('='), char('＝'))).parse(j) {
        return PError::new(
            span_from(&j, &rest),
            "certlex::syntax::single-equals",
            "a comparison is written `==`",
        )
        .label("single `=`")
        .help("write `==` to compare two values")
        .fail();
    }
    if let Ok((rest, _)) = kw("is").parse(j) {
        let (rest, _) = sp(rest)?;
        let (rest, negated) = match kw("not").parse(rest) {
            Ok((r, _)) => (sp(r)?.0, true),
            Err(_) => (rest, false),
        };
        let (rest, present) = alt((kw("present").map(|_| true), kw("absent").map(|_| false)))
            .parse(rest)
            .map_err(|_| nom::Err::Failure(expected(rest, "`present` or `absent` after `is`")))?;
        let kind = ExprKind::Presence {
            expr: boxed(lhs),
            present: present != negated,
        };
        return Ok((rest, node(kind, &start, &rest)));
    }
    let not_in = (kw("not"), sp, kw("in")).map(|_| true);
    if let Ok((rest, negated)) = alt((not_in, kw("in").map(|_| false))).parse(j) {
        let (rest, _) = sp(rest)?;
        let (rest, rhs) = operand(rest).map_err(to_failure)?;
        let kind = ExprKind::In {
            lhs: boxed(lhs),
            rhs: boxed(rhs),
            negated,
        };
        return Ok((rest, node(kind, &start, &rest)));
    }
    if let Ok((rest, _)) = kw("contains").parse(j) {
        let (rest, _) = sp(rest)?;
        let (rest, rhs) = operand(rest).map_err(to_failure)?;
        let kind = ExprKind::Contains {
            lhs: boxed(lhs),
            rhs: boxed(rhs),
        };
        return Ok((rest, node(kind, &start, &rest)));
    }
    if let Ok((rest, _)) = kw("matches").parse(j) {
        let (rest, _) = sp(rest)?;
        let (rest, pattern) = string(rest)
            .map_err(|e| to_failure(e.map(|_| expected(rest, "a pattern in double quotes after `matches`"))))?;
        let kind = ExprKind::Matches {
            lhs: boxed(lhs),
            pattern,
        };
        return Ok((rest, node(kind, &start, &rest)));
    }
    Ok((i, lhs))
}

/// A value: literal, name, list, `count(…)` or a parenthesised expression.
pub fn operand(i: In) -> PResult<Expr> {
    let start = i;
    let first = i.fragment().chars().next();
    match first {
        Some('(') => {
            let (rest, _) = punct('(', "`(`").parse(i)?;
            let (rest, _) = sp(rest)?;
            let (rest, inner) = expr(rest).map_err(to_failure)?;
            let (rest, _) = punct(')', "`)` to close the parenthesis")
                .parse(rest)
                .map_err(to_failure)?;
            Ok((
                rest,
                Expr {
                    span: span_from(&start, &rest),
                    layout: Layout {
                        parens: true,
                        ..inner.layout
                    },
                    ..inner
                },
            ))
        }
        Some('[') => list(i),
        Some('"' | '“' | '”') => {
            let (rest, s) = string(i)?;
            Ok((rest, node(ExprKind::Lit(Literal::Str(s.node)), &start, &rest)))
        }
        Some(c) if c.is_ascii_digit() => number_like(i),
        Some(c) if c.is_ascii_alphabetic() || c == '_' => name_like(i),
        _ => Err(nom::Err::Error(expected(
            i,
            "a value (a fact, a number, a date, text or a list)",
        ))),
    }
}

fn number_like(i: In) -> PResult<Expr> {
    let start = i;
    if looks_like_date(&i) {
        let (rest, d) = date(i)?;
        return Ok((rest, node(ExprKind::Lit(Literal::Date(d.node)), &start, &rest)));
    }
    let (rest, n) = number(i)?;
    // `5 years`, `90 days`
    let (after_sp, _) = sp(rest)?;
    if let Ok((after, unit)) = duration_unit(after_sp) {
        let lit = Literal::Duration { amount: n.node, unit };
        return Ok((after, node(ExprKind::Lit(lit), &start, &after)));
    }
    Ok((rest, node(ExprKind::Lit(Literal::Int(n.node)), &start, &rest)))
}

fn name_like(i: In) -> PResult<Expr> {
    let start = i;
    if let Ok((rest, _)) = kw("count").parse(i)
        && let Ok((rest, _)) = punct('(', "`(`").parse(rest)
    {
        return count(start, rest);
    }
    if let Ok((rest, b)) = alt((kw("true").map(|_| true), kw("false").map(|_| false))).parse(i) {
        return Ok((rest, node(ExprKind::Lit(Literal::Bool(b)), &start, &rest)));
    }
    let (mut rest, first) = word(i)?;
    if RESERVED.contains(&first.node.as_str()) {
        return expected(i, "a value").soft();
    }
    let mut segments = vec![first];
    while let Ok((after_dot, _)) = char::<In, PError>('.').parse(rest) {
        let (after, seg) = word(after_dot)
            .map_err(|_| nom::Err::Failure(expected(after_dot, "the next part of the name after `.`")))?;
        segments.push(seg);
        rest = after;
    }
    Ok((rest, node(ExprKind::Name(segments), &start, &rest)))
}

fn count<'a>(start: In<'a>, i: In<'a>) -> PResult<'a, Expr> {
    let _level = Nested::enter(&start)?;
    let (i, _) = sp(i)?;
    // `count(x in list: cond)` or `count(list)`
    let bound = (word, sp, kw("in"), sp).parse(i);
    let (i, var, list, cond) = match bound {
        Ok((rest, (var, _, _, _))) if !RESERVED.contains(&var.node.as_str()) => {
            let (rest, list) = operand(rest).map_err(to_failure)?;
            let (rest, _) = colon(rest)?;
            let (rest, _) = sp(rest)?;
            let (rest, cond) = expr(rest).map_err(to_failure)?;
            (rest, Some(var), list, Some(Box::new(cond)))
        }
        _ => {
            let (rest, list) = operand(i).map_err(to_failure)?;
            (rest, None, list, None)
        }
    };
    let (i, _) = punct(')', "`)` to close `count(`").parse(i).map_err(to_failure)?;
    let kind = ExprKind::Count {
        var,
        list: Box::new(list),
        cond,
    };
    Ok((i, node(kind, &start, &i)))
}

fn list(i: In) -> PResult<Expr> {
    let _level = Nested::enter(&i)?;
    let start = i;
    let (mut i, _) = punct('[', "`[`").parse(i)?;
    let mut items = Vec::new();
    loop {
        let (j, _) = sp(i)?;
        if let Ok((rest, _)) = char::<In, PError>(']').parse(j) {
            return Ok((rest, node(ExprKind::List(items), &start, &rest)));
        }
        if !items.is_empty() {
            let (rest, _) = punct(',', "`,` between list elements or `]` to close the list")
                .parse(j)
                .map_err(to_failure)?;
            i = sp(rest)?.0;
        } else {
            i = j;
        }
        let (rest, item) = operand(i).map_err(to_failure)?;
        items.push(item);
        i = rest;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Expr {
        let (rest, e) = expr(In::new(s)).unwrap_or_else(|e| panic!("{s}: {e:?}"));
        assert!(rest.fragment().trim().is_empty(), "{s}: left {:?}", rest.fragment());
        e
    }

    fn err(s: &str) -> PError {
        match expr(In::new(s)) {
            Err(nom::Err::Failure(e) | nom::Err::Error(e)) => e.resolve(s),
            Ok((rest, e)) => panic!("{s} parsed as {e:?}, left {:?}", rest.fragment()),
            Err(e) => panic!("{e:?}"),
        }
    }

    fn name(s: &str) -> ExprKind {
        ExprKind::Name(
            s.split('.')
                .map(|p| Spanned::new(p.to_string(), Span::default()))
                .collect(),
        )
    }

    #[test]
    fn precedence_and_binds_tighter_than_or() {
        let e = parse("a or b and c");
        let ExprKind::Or(parts) = e.kind else { panic!() };
        assert_eq!(parts[0].kind, name("a"));
        assert!(matches!(parts[1].kind, ExprKind::And(_)));
    }

    /// As docs/rule-language.md says: the condition after `:` reaches as far
    /// right as it can; parentheses end it.
    #[test]
    fn a_quantifiers_condition_reaches_as_far_right_as_it_can() {
        let e = parse("some x in l: a and b or c");
        let ExprKind::Quant { body, .. } = e.kind else { panic!() };
        assert!(matches!(body.kind, ExprKind::Or(_)));
        let e = parse("p and every x in l: a or b");
        let ExprKind::And(parts) = e.kind else { panic!() };
        let ExprKind::Quant { body, .. } = &parts[1].kind else {
            panic!()
        };
        assert!(matches!(body.kind, ExprKind::Or(_)));
        let e = parse("(some x in l: a) or c");
        let ExprKind::Or(parts) = e.kind else { panic!() };
        assert!(matches!(parts[0].kind, ExprKind::Quant { .. }));
    }

    #[test]
    fn not_applies_to_one_test() {
        let e = parse("not a is present and b");
        let ExprKind::And(parts) = e.kind else { panic!() };
        assert!(matches!(parts[0].kind, ExprKind::Not(_)));
    }

    #[test]
    fn every_operator_parses() {
        for (src, ok) in [
            (
                "a == 1",
                matches!(parse("a == 1").kind, ExprKind::Cmp { op: CmpOp::Eq, .. }),
            ),
            (
                "a != \"x\"",
                matches!(parse("a != \"x\"").kind, ExprKind::Cmp { op: CmpOp::Ne, .. }),
            ),
            (
                "a < 2024-09-02",
                matches!(parse("a < 2024-09-02").kind, ExprKind::Cmp { op: CmpOp::Lt, .. }),
            ),
            (
                "a <= 5 years",
                matches!(parse("a <= 5 years").kind, ExprKind::Cmp { op: CmpOp::Le, .. }),
            ),
            (
                "a > 3",
                matches!(parse("a > 3").kind, ExprKind::Cmp { op: CmpOp::Gt, .. }),
            ),
            (
                "a >= p-q",
                matches!(parse("a >= p-q").kind, ExprKind::Cmp { op: CmpOp::Ge, .. }),
            ),
            (
                "a is present",
                matches!(parse("a is present").kind, ExprKind::Presence { present: true, .. }),
            ),
            (
                "a is absent",
                matches!(parse("a is absent").kind, ExprKind::Presence { present: false, .. }),
            ),
            (
                "a is not present",
                matches!(
                    parse("a is not present").kind,
                    ExprKind::Presence { present: false, .. }
                ),
            ),
            (
                "a in [1, 2]",
                matches!(parse("a in [1, 2]").kind, ExprKind::In { negated: false, .. }),
            ),
            (
                "a not in [\"x\"]",
                matches!(parse("a not in [\"x\"]").kind, ExprKind::In { negated: true, .. }),
            ),
            (
                "a contains \"x\"",
                matches!(parse("a contains \"x\"").kind, ExprKind::Contains { .. }),
            ),
            (
                "a matches \"^x$\"",
                matches!(parse("a matches \"^x$\"").kind, ExprKind::Matches { .. }),
            ),
            (
                "count(a) > 1",
                matches!(parse("count(a) > 1").kind, ExprKind::Cmp { .. }),
            ),
            ("true", parse("true").kind == ExprKind::Lit(Literal::Bool(true))),
        ] {
            assert!(ok, "{src}");
        }
    }

    #[test]
    fn durations_and_dates_are_literals() {
        assert_eq!(
            parse("90 days").kind,
            ExprKind::Lit(Literal::Duration {
                amount: 90,
                unit: super::super::ast::DurationUnit::Days
            })
        );
        assert!(matches!(parse("2019-04-23").kind, ExprKind::Lit(Literal::Date(_))));
    }

    #[test]
    fn quantifiers_and_count_bind_a_variable() {
        let e = parse("every x in extensions: x.critical == false or x.known");
        let ExprKind::Quant {
            every: true, var, body, ..
        } = e.kind
        else {
            panic!()
        };
        assert_eq!(var.node, "x");
        assert!(matches!(body.kind, ExprKind::Or(_)));
        let e = parse("count(x in a.b: x.c is present) >= 1");
        let ExprKind::Cmp { lhs, .. } = e.kind else { panic!() };
        assert!(matches!(
            lhs.kind,
            ExprKind::Count {
                var: Some(_),
                cond: Some(_),
                ..
            }
        ));
        // A quantifier may close an `and` chain.
        assert!(matches!(parse("a and some y in l: y > 1").kind, ExprKind::And(_)));
    }

    #[test]
    fn parentheses_group() {
        let e = parse("(a or b) and c");
        let ExprKind::And(parts) = e.kind else { panic!() };
        assert!(matches!(parts[0].kind, ExprKind::Or(_)));
    }

    #[test]
    fn expressions_span_lines_and_skip_comments() {
        let e = parse("a is present\n    and b # why\n    and c");
        let ExprKind::And(parts) = e.kind else { panic!() };
        assert_eq!(parts.len(), 3);
    }

    #[test]
    fn slips_get_specific_errors() {
        assert_eq!(err("a = 1").code, "certlex::syntax::single-equals");
        assert_eq!(err("a AND b").code, "certlex::syntax::connective");
        assert_eq!(err("a && b").code, "certlex::syntax::connective");
        assert_eq!(
            err("a is here").message,
            "expected `present` or `absent` after `is`, found `here`"
        );
        assert_eq!(err("count(a").code, "certlex::syntax::unexpected");
        assert_eq!(
            err("a in [1 2]").message,
            "expected `,` between list elements or `]` to close the list, found `2]`"
        );
        assert_eq!(err("every and in l: x").code, "certlex::syntax::reserved-word");
        assert_eq!(err("a == （1）").code, "certlex::syntax::full-width");
    }

    #[test]
    fn nesting_is_bounded_not_a_stack_overflow() {
        let n = MAX_NESTING - 1;
        parse(&format!("{}a{}", "(".repeat(n), ")".repeat(n)));
        for deep in [
            format!("{}a{}", "(".repeat(50_000), ")".repeat(50_000)),
            format!("{}a", "not ".repeat(50_000)),
            format!("a in {}1{}", "[".repeat(50_000), "]".repeat(50_000)),
            format!("{}a", "every x in l: ".repeat(50_000)),
            format!("{}l{} > 0", "count(".repeat(50_000), ")".repeat(50_000)),
        ] {
            assert_eq!(err(&deep).code, "certlex::syntax::too-deep", "{}", &deep[..40]);
        }
    }
}
