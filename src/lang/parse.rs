//! Rule files: blocks, fields and citations, with recovery. A mistake in one
//! field is recorded and parsing resumes on the next line, so one run reports
//! every problem of a file, not only the first.

use nom::Parser;
use nom::character::complete::char;
use nom::combinator::opt;

use super::ast::{Block, BlockKind, Citation, CiteTarget, Entry, EntryBody, Field, FieldValue, File, Head};
use super::expr::{expr, operand};
use super::keys::{HeadShape, Shape, key_spec, keys_of};
use super::lex::{
    In, PError, PResult, at_column_one, at_line_end, comment, date, describe_next, expected, hsp, is_section_number,
    key_word, kw, next_char_span, number, offset, punct, section_number, skip_line, small_number, sp, span_from,
    string, trim_blanks, trivia, word,
};
use crate::diag::suggestion;
use crate::source::{Loc, Span, Spanned};

/// Parse a whole file. Always returns a tree (possibly partial) and the
/// errors found, in order.
pub fn parse_file(text: &str) -> (File, Vec<PError>) {
    let mut errors = Vec::new();
    let mut i = In::new(text);
    let mut file = File::default();
    while let Ok((rest, before)) = trivia(i) {
        i = rest;
        if i.fragment().is_empty() {
            file.end_comments = trim_blanks(before, true, true);
            break;
        }
        let start = i;
        match top_block(i, &mut errors) {
            Ok((rest, block)) => {
                let (rest, trailing) = trailing_comment(rest);
                file.items.push(Entry {
                    before: trim_blanks(before, true, false),
                    body: EntryBody::Block(block),
                    trailing,
                    span: Loc(span_from(&start, &rest)),
                });
                i = rest;
            }
            Err(e) => {
                errors.push(e);
                i = resync_top(skip_line(i));
            }
        }
    }
    let errors = errors.into_iter().map(|e| e.resolve(text)).collect();
    (file, errors)
}

/// After an error at the top level, continue at the next unindented line
/// that starts with a word: a block, or another mistake worth reporting.
fn resync_top(mut i: In) -> In {
    while !i.fragment().is_empty() {
        if at_column_one(&i) && i.fragment().starts_with(|c: char| c.is_ascii_alphabetic()) {
            break;
        }
        i = skip_line(i);
    }
    i
}

/// Does a line start with a top-level keyword followed by a space (`rule X {`)?
fn starts_top_block(i: In) -> bool {
    match word(i) {
        Ok((rest, w)) => {
            BlockKind::from_keyword(&w.node).is_some_and(BlockKind::is_top_level)
                && rest.fragment().starts_with([' ', '\t'])
        }
        Err(_) => false,
    }
}

fn top_block<'a>(i: In<'a>, errors: &mut Vec<PError>) -> Result<(In<'a>, Block), PError> {
    let (_, w) = key_word(i).map_err(|_| {
        expected(i, "`instrument`, `article`, `parameter`, `rule` or `regime`").or_help(
            "each block starts on a new line with the kind of block; any other text outside a block is a comment, after `#`",
        )
    })?;
    match BlockKind::from_keyword(&w.node) {
        Some(kind) if kind.is_top_level() => block(i, kind, errors),
        _ => {
            let tops: Vec<&str> = BlockKind::ALL
                .into_iter()
                .filter(|k| k.is_top_level())
                .map(BlockKind::keyword)
                .collect();
            let err = if key_spec(&w.node).is_some() {
                PError::new(
                    w.span,
                    "certlex::syntax::field-outside-block",
                    format!("`{}` must be inside a block", w.node),
                )
                .label("a field outside any block")
                .help("put it inside the `{ … }` of an instrument, article, parameter, rule or regime")
            } else {
                PError::new(
                    w.span,
                    "certlex::syntax::unknown-block",
                    format!("unknown block `{}`", w.node),
                )
                .label("not a kind of block")
                .help(suggestion(&w.node, tops.iter().copied()).unwrap_or_else(|| {
                    "a file holds `instrument`, `article`, `parameter`, `rule` and `regime` blocks".into()
                }))
            };
            Err(err)
        }
    }
}

fn nom_err(e: nom::Err<PError>) -> PError {
    match e {
        nom::Err::Error(e) | nom::Err::Failure(e) => e,
        nom::Err::Incomplete(_) => PError::new(Span::default(), "certlex::syntax::incomplete", "incomplete input"),
    }
}

/// `KIND HEAD { ENTRY* }`, starting at the keyword.
fn block<'a>(i: In<'a>, kind: BlockKind, errors: &mut Vec<PError>) -> Result<(In<'a>, Block), PError> {
    let start = i;
    let (i, kw_span) = key_word(i).map(|(r, w)| (r, w.span)).map_err(nom_err)?;
    let (i, head) = head(i, kind).map_err(nom_err)?;
    let (i, _) = punct('{', "`{` to open the block").parse(i).map_err(nom_err)?;
    // A comment after `{` stays in the file: trivia gives it to the first entry.
    let mut i = i;
    let mut entries = Vec::new();
    let mut end_comments = Vec::new();
    let unclosed = |at: &In| {
        PError::new(
            Span::new(offset(&start), kw_span.end),
            "certlex::syntax::unclosed-block",
            format!("{} is never closed", describe_block(kind, &head)),
        )
        .label(format!("this {} has no closing `}}`", kind.keyword()))
        .help(format!(
            "add `}}` on its own line after the last field of the {} (before line {})",
            kind.keyword(),
            at.location_line()
        ))
    };
    while let Ok((rest, before)) = trivia(i) {
        let first = entries.is_empty();
        if let Ok((after, _)) = char::<In, PError>('}').parse(rest) {
            end_comments = trim_blanks(before, first, true);
            i = after;
            break;
        }
        if rest.fragment().is_empty() {
            errors.push(unclosed(&rest));
            end_comments = trim_blanks(before, first, true);
            i = rest;
            break;
        }
        // A new top-level block at the start of a line: this block lost its `}`.
        if kind.is_top_level() && at_column_one(&rest) && starts_top_block(rest) {
            errors.push(unclosed(&rest));
            end_comments = trim_blanks(before, first, true);
            i = rest;
            break;
        }
        let entry_start = rest;
        match entry(rest, kind, errors) {
            Ok((after, body)) => {
                let (after, trailing) = trailing_comment(after);
                entries.push(Entry {
                    before: trim_blanks(before, first, false),
                    body,
                    trailing,
                    span: Loc(span_from(&entry_start, &after)),
                });
                i = after;
            }
            Err(e) => {
                let at = e.span.start;
                errors.push(e);
                i = skip_after_error(entry_start, at);
            }
        }
    }
    let span = span_from(&start, &i);
    Ok((
        i,
        Block {
            kind: Spanned::new(kind, kw_span),
            head,
            entries,
            end_comments,
            span: Loc(span),
        },
    ))
}

/// Resume after a broken entry: skip to the end of the line where the error
/// is, and on past any `{ … }` the skipped text opened, so that a broken head
/// of a nested block does not close its parent early.
fn skip_after_error(entry_start: In, error_at: usize) -> In {
    let mut i = entry_start;
    while offset(&i) <= error_at && !i.fragment().is_empty() {
        let line_end = i.fragment().find('\n').map_or(i.fragment().len(), |p| p);
        if offset(&i) + line_end >= error_at {
            break;
        }
        i = skip_line(i);
    }
    let mut depth = 0i32;
    loop {
        let line = i.fragment().lines().next().unwrap_or("");
        depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
        i = skip_line(i);
        if depth <= 0 || i.fragment().is_empty() {
            // A `}` that closed more than it opened belongs to the parent: leave it.
            if depth < 0 {
                return back_to_line_with_brace(entry_start, i);
            }
            return i;
        }
    }
}

/// The last line before `end` is one whose `}` closes the enclosing block:
/// return the input positioned at that `}` so the parent sees it.
fn back_to_line_with_brace<'a>(from: In<'a>, end: In<'a>) -> In<'a> {
    let mut i = from;
    let mut last = from;
    while offset(&i) < offset(&end) {
        last = i;
        i = skip_line(i);
    }
    let pos = last.fragment().find('}').unwrap_or(0);
    nom::Input::take_from(&last, pos)
}

fn describe_block(kind: BlockKind, head: &Head) -> String {
    match head {
        Head::Name(n) => format!("{} `{}`", kind.keyword(), n.node),
        Head::Number(n) => format!("{} {}", kind.keyword(), n.node),
        Head::Article { instrument, number } => format!("article {} {}", instrument.node, number.node),
        Head::Date(d) => format!("version {}", d.node),
        Head::Section(n) => format!("section \"{}\"", n.node),
    }
}

fn head(i: In, kind: BlockKind) -> PResult<Head> {
    let (i, _) = hsp(i)?;
    match kind.head() {
        HeadShape::Name => {
            let (rest, n) = word(i).map_err(|_| {
                nom::Err::Failure(expected(
                    i,
                    format!("the name of the {} after `{}`", kind.keyword(), kind.keyword()),
                ))
            })?;
            Ok((rest, Head::Name(n)))
        }
        HeadShape::Number => {
            let (rest, n) = small_number(i).map_err(|e| {
                fail_with(e, || {
                    expected(
                        i,
                        format!("the number of the {} after `{}`", kind.keyword(), kind.keyword()),
                    )
                })
            })?;
            Ok((rest, Head::Number(n)))
        }
        HeadShape::Article => {
            let (rest, instrument) = word(i).map_err(|_| {
                nom::Err::Failure(expected(i, "the instrument and article number, as in `article ESL 21`"))
            })?;
            let (rest, _) = hsp(rest)?;
            let (rest, number) = small_number(rest)
                .map_err(|e| fail_with(e, || expected(rest, "the article number, as in `article ESL 21`")))?;
            Ok((rest, Head::Article { instrument, number }))
        }
        HeadShape::Date => {
            let (rest, d) = date(i).map_err(|e| fail_with(e, || expected(i, "the date the wording applies from")))?;
            Ok((rest, Head::Date(d)))
        }
        HeadShape::Section => {
            let (rest, n) = string(i).map_err(|e| {
                fail_with(e, || {
                    expected(i, "the section number in double quotes, as in `section \"4.1.2.2\"`")
                })
            })?;
            if !is_section_number(&n.node) {
                return PError::new(n.span, "certlex::syntax::section-number", "not a section number")
                    .label("expected numbers or letters joined by dots")
                    .help("write the section as the standard numbers it, as in `section \"4.1.2.2\"` or `section \"C.1\"`")
                    .fail();
            }
            Ok((rest, Head::Section(n)))
        }
    }
}

/// Keep a specific failure; turn a generic miss into `fallback()`, as a failure.
fn fail_with(e: nom::Err<PError>, fallback: impl FnOnce() -> PError) -> nom::Err<PError> {
    match e {
        nom::Err::Failure(e) => nom::Err::Failure(e),
        _ => nom::Err::Failure(fallback()),
    }
}

fn trailing_comment(i: In) -> (In, Option<String>) {
    let Ok((j, _)) = hsp(i) else { return (i, None) };
    match comment(j) {
        Ok((rest, c)) => (rest, Some(c)),
        Err(_) => (i, None),
    }
}

/// One field or nested block inside a block of `parent` kind.
fn entry<'a>(i: In<'a>, parent: BlockKind, errors: &mut Vec<PError>) -> Result<(In<'a>, EntryBody), PError> {
    let (after_key, k) = key_word(i).map_err(|_| expected(i, format!("a field of {}", parent.with_article())))?;
    if let Some(child) = BlockKind::from_keyword(&k.node)
        && parent.children().contains(&child)
    {
        let (rest, b) = block(i, child, errors)?;
        return Ok((rest, EntryBody::Block(b)));
    }
    let Some(spec) = key_spec(&k.node).filter(|s| s.allowed_in.contains(&parent)) else {
        return Err(unknown_key(&k, parent));
    };
    let (rest, _) = hsp(after_key).map_err(nom_err)?;
    let (rest, value) = field_value(rest, spec.shape, &k.node).map_err(nom_err)?;
    let (rest, _) = at_line_end(rest).map_err(|e| {
        let e = nom_err(e);
        let at = e.span.start.saturating_sub(offset(&rest));
        let found = rest.fragment().get(at..).unwrap_or("");
        let mut e = e.resolve_at(found);
        e.message = format!("unexpected {} after the value of `{}`", describe_next(found), k.node);
        e.label = "expected the end of the line".into();
        e.help = Some(match spec.shape {
            Shape::Text => "a field holds one text in double quotes; put each field on its own line".into(),
            Shape::Expr => {
                "check the operators: `and`, `or`, `not`, `==`, `is present`, `in`, `contains`, `matches`".into()
            }
            _ => "put each field on its own line".into(),
        });
        e
    })?;
    Ok((
        rest,
        EntryBody::Field(Field {
            key: Spanned::new(spec.name, k.span),
            value,
        }),
    ))
}

fn unknown_key(k: &Spanned<String>, parent: BlockKind) -> PError {
    let allowed: Vec<&str> = keys_of(parent)
        .map(|s| s.name)
        .chain(parent.children().iter().map(|c| c.keyword()))
        .collect();
    let known_elsewhere = key_spec(&k.node).is_some() || BlockKind::from_keyword(&k.node).is_some();
    let message = if known_elsewhere {
        format!("`{}` is not a field of {}", k.node, parent.with_article())
    } else {
        format!("unknown field `{}` in {}", k.node, parent.with_article())
    };
    let help = suggestion(&k.node, allowed.iter().copied())
        .unwrap_or_else(|| format!("{} takes: {}", parent.with_article(), allowed.join(", ")));
    PError::new(k.span, "certlex::syntax::unknown-field", message)
        .label(format!("not a field of {}", parent.with_article()))
        .help(help)
}

fn field_value<'a>(i: In<'a>, shape: Shape, key: &str) -> PResult<'a, FieldValue> {
    let missing =
        |what: &'static str| move |e: nom::Err<PError>| fail_with(e, || expected(i, format!("{what} after `{key}`")));
    match shape {
        Shape::Text => string(i)
            .map(|(r, s)| (r, FieldValue::Text(s)))
            .map_err(missing("text in double quotes")),
        Shape::Date => date(i)
            .map(|(r, d)| (r, FieldValue::Date(d)))
            .map_err(missing("a date like `2024-09-02`")),
        Shape::Number => number(i)
            .map(|(r, n)| (r, FieldValue::Number(n)))
            .map_err(missing("a number")),
        Shape::Word => word(i)
            .map(|(r, w)| (r, FieldValue::Word(w)))
            .map_err(missing("a word")),
        Shape::Range => {
            let start = i;
            let (r, a) = small_number(i).map_err(missing("a range of articles like `13-26`"))?;
            let (r, _) = char('-')
                .parse(r)
                .map_err(missing("a range of articles like `13-26`"))?;
            let (r, b) = small_number(r).map_err(missing("a range of articles like `13-26`"))?;
            Ok((
                r,
                FieldValue::Range(Spanned::new((a.node, b.node), span_from(&start, &r))),
            ))
        }
        Shape::Citations => citations(i).map(|(r, c)| (r, FieldValue::Citations(c))),
        Shape::Expr => expr(i)
            .map(|(r, e)| (r, FieldValue::Expr(e)))
            .map_err(missing("a condition")),
        Shape::ParamValue => {
            let (r, v) = operand(i).map_err(missing("a value"))?;
            let super::ast::ExprKind::Lit(lit) = v.kind else {
                return PError::new(
                    v.span,
                    "certlex::syntax::param-value",
                    "a parameter's value must be a number, a duration, a date or text",
                )
                .label("not a plain value")
                .fail();
            };
            let (r, _) = sp(r)?;
            let (r, _) = kw("cites").parse(r).map_err(|_| {
                nom::Err::Failure(
                    expected(r, "`cites` and the provision that sets this value")
                        .help("every value names its source, as in `value 30_000_000 cites MEASURES-2015 5(3)`"),
                )
            })?;
            let (r, _) = hsp(r)?;
            let (r, cites) = citations(r)?;
            Ok((
                r,
                FieldValue::ParamValue {
                    value: Spanned::new(lit, v.span),
                    cites,
                },
            ))
        }
    }
}

/// Nothing follows the instrument's name but the end of the citation: the
/// whole instrument is cited (`MEASURES-2005`, `MEASURES-2005 until 2009-03-31`).
fn whole_instrument(i: In) -> bool {
    let rest = i.fragment();
    rest.is_empty()
        || rest.starts_with(['\n', '\r', ',', '#'])
        || kw("from").parse(i).is_ok()
        || kw("until").parse(i).is_ok()
}

/// `ESL 21(1), MEASURES-2015 5 until 2015-04-29`
pub fn citations(i: In) -> PResult<Vec<Spanned<Citation>>> {
    let (mut i, first) = citation(i)?;
    let mut all = vec![first];
    while let Ok((rest, _)) = (hsp, char::<In, PError>(','), sp).parse(i) {
        let (rest, c) = citation(rest)?;
        all.push(c);
        i = rest;
    }
    if let Ok((rest, _)) = hsp(i)
        && let Some(e) = fullwidth_in_citation(rest, None, None)
    {
        return Err(nom::Err::Failure(e));
    }
    Ok((i, all))
}

/// A full-width `，` `、` `（` or `）` where citations take ASCII punctuation:
/// a slip of the Chinese input method, with the hint for citations.
/// `article` and `item`: the numbers just read, for the example.
fn fullwidth_in_citation(i: In, article: Option<u32>, item: Option<u32>) -> Option<PError> {
    let c = i.fragment().chars().next()?;
    let (message, help) = match c {
        '，' | '、' => (
            format!("full-width `{c}` between citations"),
            "separate citations with the ASCII comma `,`, as in `ESL 21(1), ESL 21(2)`".to_string(),
        ),
        '（' | '）' => {
            let after: String = i.fragment().chars().skip(1).take_while(char::is_ascii_digit).collect();
            let item = match item {
                Some(n) => n.to_string(),
                None if after.is_empty() => "1".to_string(),
                None => after,
            };
            let example = article.map_or_else(|| format!("17({item})"), |n| format!("{n}({item})"));
            (
                format!("full-width `{c}` in a citation"),
                format!(
                    "write items with ASCII parentheses, as in `{example}` (switch the input method to half-width punctuation)"
                ),
            )
        }
        _ => return None,
    };
    Some(
        PError::new(next_char_span(&i), "certlex::syntax::full-width", message)
            .label("full-width character")
            .help(help),
    )
}

fn citation(i: In) -> PResult<Spanned<Citation>> {
    let start = i;
    let example = "a citation such as `ESL 21(1)`, `ESL 23 para 2`, `MEASURES-DRAFT-2024 chapter 3` or `RFC-5280 section 4.1.2.2`";
    let (i, instrument) = word(i).map_err(|_| nom::Err::Failure(expected(i, example)))?;
    let (i, _) = hsp(i)?;
    let target = if let Ok((rest, _)) = kw("chapter").parse(i) {
        let (rest, _) = hsp(rest)?;
        let (rest, n) = small_number(rest).map_err(|e| fail_with(e, || expected(rest, "the chapter number")))?;
        (rest, CiteTarget::Chapter(n))
    } else if let Ok((rest, _)) = kw("section").parse(i) {
        let (rest, _) = hsp(rest)?;
        let (rest, n) = section_number(rest).map_err(|e| {
            fail_with(e, || {
                expected(rest, "the section number, as in `RFC-5280 section 4.1.2.2`")
            })
        })?;
        (rest, CiteTarget::Section(n))
    } else if whole_instrument(i) {
        (i, CiteTarget::Instrument)
    } else {
        let (rest, number) = small_number(i).map_err(|e| fail_with(e, || expected(i, example)))?;
        let (rest, para) = opt((hsp, kw("para"), hsp, small_number).map(|(_, _, _, n)| n)).parse(rest)?;
        let (rest, item) = match char::<In, PError>('(').parse(rest) {
            Ok((r, _)) => {
                let (r, _) = hsp(r)?;
                let (r, n) = small_number(r).map_err(|e| fail_with(e, || expected(r, "an item number")))?;
                if let Some(e) = fullwidth_in_citation(r, Some(number.node), Some(n.node)) {
                    return Err(nom::Err::Failure(e));
                }
                let (r, _) = punct(')', "`)` after the item number")
                    .parse(r)
                    .map_err(|e| fail_with(e, || expected(r, "`)`")))?;
                (r, Some(n))
            }
            Err(_) => {
                if rest.fragment().starts_with('（')
                    && let Some(e) = fullwidth_in_citation(rest, Some(number.node), None)
                {
                    return Err(nom::Err::Failure(e));
                }
                (rest, None)
            }
        };
        (rest, CiteTarget::Article { number, para, item })
    };
    let (mut i, target) = target;
    let mut from = None;
    let mut until = None;
    while let Ok((rest, _)) = hsp(i) {
        if let Ok((r, _)) = kw("from").parse(rest) {
            let (r, _) = hsp(r)?;
            let (r, d) = date(r).map_err(|e| fail_with(e, || expected(r, "a date after `from`")))?;
            from = Some(d);
            i = r;
        } else if let Ok((r, _)) = kw("until").parse(rest) {
            let (r, _) = hsp(r)?;
            let (r, d) = date(r).map_err(|e| fail_with(e, || expected(r, "a date after `until`")))?;
            until = Some(d);
            i = r;
        } else {
            break;
        }
    }
    Ok((
        i,
        Spanned::new(
            Citation {
                instrument,
                target,
                from,
                until,
            },
            span_from(&start, &i),
        ),
    ))
}

#[cfg(test)]
mod tests;
