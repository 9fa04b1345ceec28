//! Tokens of the rule language, as nom parsers over a located input: spacing
//! and comments, words, strings, numbers, dates and durations. Each parser that
//! sees a typical slip (a full-width `：`, a date written `2024/9/2`, a number
//! with commas) fails with a message that says how to write it instead.

use std::borrow::Cow;

use nom::bytes::complete::{tag, take, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{not, opt, peek, recognize};
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Input as _, Parser};
use nom_locate::LocatedSpan;

use super::ast::{Date, DurationUnit, Trivia};
use crate::source::{Span, Spanned};

pub type In<'a> = LocatedSpan<&'a str>;
pub type PResult<'a, T> = IResult<In<'a>, T, PError>;

/// A syntax error at a place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct PError {
    pub span: Span,
    pub code: &'static str,
    /// Empty while `expected` is set: the message is then worded by
    /// [`PError::resolve`], only for errors that are reported, since the
    /// parser meets (and drops) many while trying alternatives.
    pub message: String,
    /// What was expected at `span.start` (an "expected X, found Y" error).
    pub expected: Option<Cow<'static, str>>,
    pub label: String,
    pub help: Option<String>,
    /// Raised by a nom combinator rather than by us: a specific error at the
    /// same place is preferred.
    pub generic: bool,
}

impl PError {
    pub fn new(span: Span, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            span,
            code,
            message: message.into(),
            expected: None,
            label: String::new(),
            help: None,
            generic: false,
        }
    }

    pub fn label(mut self, l: impl Into<String>) -> Self {
        self.label = l.into();
        self
    }

    pub fn help(mut self, h: impl Into<String>) -> Self {
        self.help = Some(h.into());
        self
    }

    /// A hint, unless the error already has a more specific one.
    pub fn or_help(mut self, h: impl Into<String>) -> Self {
        self.help.get_or_insert_with(|| h.into());
        self
    }

    /// An error that stops this alternative and every enclosing one.
    pub fn fail<'a, T>(self) -> PResult<'a, T> {
        Err(nom::Err::Failure(self))
    }

    /// An error that lets an enclosing `alt` try something else.
    pub fn soft<'a, T>(self) -> PResult<'a, T> {
        Err(nom::Err::Error(self))
    }
}

impl<'a> ParseError<In<'a>> for PError {
    fn from_error_kind(input: In<'a>, _kind: ErrorKind) -> Self {
        let mut e = unexpected(input, "something else");
        e.generic = true;
        e
    }

    fn append(_: In<'a>, _: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // Prefer the error that got further; at the same place, the specific one.
        match other.span.start.cmp(&self.span.start) {
            std::cmp::Ordering::Greater => other,
            std::cmp::Ordering::Less => self,
            std::cmp::Ordering::Equal if self.generic && !other.generic => other,
            std::cmp::Ordering::Equal => self,
        }
    }
}

pub fn offset(i: &In) -> usize {
    i.location_offset()
}

pub fn span_from(start: &In, end: &In) -> Span {
    Span::new(offset(start), offset(end))
}

/// The span of the next character (or an empty span at the end).
pub fn next_char_span(i: &In) -> Span {
    let len = i.fragment().chars().next().map_or(0, char::len_utf8);
    Span::new(offset(i), offset(i) + len)
}

/// The ASCII character a full-width one stands for, if it is one that people
/// type by accident with a Chinese input method.
pub fn fullwidth(c: char) -> Option<char> {
    Some(match c {
        '：' => ':',
        '（' => '(',
        '）' => ')',
        '“' | '”' | '＂' => '"',
        '‘' | '’' => '\'',
        '，' | '、' => ',',
        '；' => ';',
        '＝' => '=',
        '｛' => '{',
        '｝' => '}',
        '【' | '［' => '[',
        '】' | '］' => ']',
        '＜' | '《' => '<',
        '＞' | '》' => '>',
        '！' => '!',
        '。' | '．' => '.',
        '　' => ' ',
        '＃' => '#',
        '－' | '—' => '-',
        _ => return None,
    })
}

/// "expected X" at `i`, or, when `i` starts with a full-width character, the
/// message that names it and its ASCII form.
pub fn expected(i: In, what: impl Into<Cow<'static, str>>) -> PError {
    if let Some(c) = i.fragment().chars().next()
        && let Some(ascii) = fullwidth(c)
    {
        let what = what.into();
        return PError::new(
            next_char_span(&i),
            "certlex::syntax::full-width",
            format!("full-width `{c}` where {what} was expected"),
        )
        .label("full-width character")
        .help(format!(
            "switch the input method to half-width (English) punctuation and type `{ascii}`"
        ));
    }
    unexpected(i, what)
}

fn unexpected(i: In, what: impl Into<Cow<'static, str>>) -> PError {
    PError {
        expected: Some(what.into()),
        ..PError::new(Span::point(offset(&i)), "certlex::syntax::unexpected", String::new())
    }
}

impl PError {
    /// Word an "expected X, found Y" error, reading Y from `text` (the whole
    /// file the error's offsets are in).
    pub fn resolve(self, text: &str) -> Self {
        let at = self.span.start.min(text.len());
        self.resolve_at(text.get(at..).unwrap_or(""))
    }

    /// [`resolve`](Self::resolve), given the text from the error's offset on.
    pub fn resolve_at(mut self, rest: &str) -> Self {
        let Some(what) = self.expected.take() else { return self };
        self.message = format!("expected {what}, found {}", describe_next(rest));
        self.label = format!("expected {what}");
        // Every error says what to do; where the parser knows no better:
        self.help.get_or_insert_with(|| {
            format!(
                "write {what} here, as docs/rule-language.md shows; a `\"`, `(` or `{{` left open just before can also cause this"
            )
        });
        self.span = Span::new(self.span.start, self.span.start + next_token_len(rest));
        self
    }
}

/// The length of the next token (up to whitespace, at most 40 bytes, at
/// least one character), for underlining.
fn next_token_len(frag: &str) -> usize {
    let len = frag
        .char_indices()
        .find(|(_, c)| c.is_whitespace())
        .map_or(frag.len(), |(n, _)| n)
        .min(40);
    let len = if len == 0 {
        frag.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    // Do not cut a character in half.
    (len..=frag.len())
        .find(|&n| frag.is_char_boundary(n))
        .unwrap_or(frag.len())
}

/// What stands at the start of `frag`, for "found …".
pub fn describe_next(frag: &str) -> String {
    match frag.chars().next() {
        None => "the end of the file".into(),
        Some('\n' | '\r') => "the end of the line".into(),
        Some(_) => {
            let word: String = frag.chars().take_while(|c| !c.is_whitespace()).take(30).collect();
            format!("`{word}`")
        }
    }
}

/// Spaces and tabs.
pub fn hsp(i: In) -> PResult<()> {
    take_while(|c| c == ' ' || c == '\t').map(|_| ()).parse(i)
}

/// A comment: `#` to the end of the line. Returns the text after `#`.
pub fn comment(i: In) -> PResult<String> {
    let (i, _) = char('#').parse(i)?;
    let (i, text) = take_while(|c| c != '\n' && c != '\r').parse(i)?;
    Ok((i, text.fragment().trim_end().to_string()))
}

fn newline(i: In) -> PResult<()> {
    let (i, _) = opt(char('\r')).parse(i)?;
    char('\n').map(|_| ()).parse(i)
}

/// Any spacing, line breaks and comments (inside expressions and heads).
pub fn sp(mut i: In) -> PResult<()> {
    loop {
        let (rest, _) = take_while(|c: char| c == ' ' || c == '\t' || c == '\n' || c == '\r').parse(i)?;
        i = rest;
        match comment(i) {
            Ok((rest, _)) => i = rest,
            Err(_) => return Ok((i, ())),
        }
    }
}

/// The comments and empty lines between entries. Entries end before their
/// line break, so two line breaks in a row make an empty line; runs of empty
/// lines count as one.
pub fn trivia(mut i: In) -> PResult<Vec<Trivia>> {
    let mut out = Vec::new();
    let mut breaks_in_a_row = 0;
    loop {
        let (rest, _) = hsp(i)?;
        i = rest;
        if let Ok((rest, ())) = newline(i) {
            i = rest;
            breaks_in_a_row += 1;
            if breaks_in_a_row == 2 && out.last() != Some(&Trivia::Blank) {
                out.push(Trivia::Blank);
            }
            continue;
        }
        match comment(i) {
            Ok((rest, c)) => {
                out.push(Trivia::Comment(c));
                i = rest;
                breaks_in_a_row = 0;
            }
            Err(_) => return Ok((i, out)),
        }
    }
}

/// Drop the empty lines the canonical layout puts anyway.
pub fn trim_blanks(mut t: Vec<Trivia>, leading: bool, trailing: bool) -> Vec<Trivia> {
    if trailing && t.last() == Some(&Trivia::Blank) {
        t.pop();
    }
    if leading && t.first() == Some(&Trivia::Blank) {
        t.remove(0);
    }
    t
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// A keyword, matched as a whole word.
pub fn kw<'a>(word: &'static str) -> impl Parser<In<'a>, Output = In<'a>, Error = PError> {
    recognize((tag(word), not(satisfy(is_word_char))))
}

/// A word: letters, digits, `_` and `-`, starting with a letter or `_`.
pub fn word(i: In) -> PResult<Spanned<String>> {
    let start = i;
    let (i, w) = recognize((
        satisfy(|c| c.is_ascii_alphabetic() || c == '_'),
        take_while(is_word_char),
    ))
    .parse(i)
    .map_err(|_: nom::Err<PError>| nom::Err::Error(expected(start, "a word")))?;
    Ok((i, Spanned::new(w.fragment().to_string(), span_from(&start, &i))))
}

/// A field key: a word, optionally followed by `.zh`, `.en` or another suffix.
pub fn key_word(i: In) -> PResult<Spanned<String>> {
    let start = i;
    let (i, k) = recognize((word, opt((char('.'), word)))).parse(i)?;
    Ok((i, Spanned::new(k.fragment().to_string(), span_from(&start, &i))))
}

/// `"…"` on one line, with `\"`, `\\`, `\n` and `\t` escapes.
pub fn string(i: In) -> PResult<Spanned<String>> {
    let start = i;
    match i.fragment().chars().next() {
        Some('"') => {}
        Some(c @ ('“' | '”' | '＂')) => {
            return PError::new(
                next_char_span(&i),
                "certlex::syntax::full-width",
                format!("full-width quotation mark `{c}` where `\"` was expected"),
            )
            .label("full-width quotation mark")
            .help(
                "text is written between ASCII double quotes: \"…\"; switch the input method to half-width punctuation",
            )
            .fail();
        }
        _ => return expected(i, "text in double quotes").soft(),
    }
    let (mut i, _) = take(1usize).parse(i)?;
    let mut out = String::new();
    loop {
        let (rest, chunk) = take_while(|c| c != '"' && c != '\\' && c != '\n' && c != '\r').parse(i)?;
        out.push_str(chunk.fragment());
        i = rest;
        let mut chars = i.fragment().chars();
        match chars.next() {
            Some('"') => {
                let (rest, _) = take(1usize).parse(i)?;
                return Ok((rest, Spanned::new(out, span_from(&start, &rest))));
            }
            Some('\\') => {
                let esc = chars.next();
                let replacement = match esc {
                    Some('"') => '"',
                    Some('\\') => '\\',
                    Some('n') => '\n',
                    Some('t') => '\t',
                    _ => {
                        let (after, _) = take(1usize).parse(i)?;
                        return PError::new(
                            Span::new(offset(&i), offset(&after) + esc.map_or(0, char::len_utf8)),
                            "certlex::syntax::bad-escape",
                            "unknown escape in text",
                        )
                        .label("not an escape")
                        .help("inside text, write `\\\"` for a quote, `\\\\` for a backslash, `\\n` for a line break")
                        .fail();
                    }
                };
                out.push(replacement);
                let (rest, _) = take(1 + esc.map_or(0, char::len_utf8)).parse(i)?;
                i = rest;
            }
            _ => {
                // Line end or end of file before the closing quote.
                let closing_fullwidth = out.contains(['“', '”']);
                return PError::new(
                    span_from(&start, &i),
                    "certlex::syntax::unclosed-string",
                    "missing closing `\"`",
                )
                .label("this text is never closed")
                .help(if closing_fullwidth {
                    "the text contains a full-width `”`; end it with an ASCII `\"`".to_string()
                } else {
                    "end the text with `\"` on the same line".to_string()
                })
                .fail();
            }
        }
    }
}

fn digits(i: In) -> PResult<In> {
    recognize((
        take_while1(|c: char| c.is_ascii_digit()),
        take_while(|c: char| c.is_ascii_digit() || c == '_'),
    ))
    .parse(i)
}

/// A whole number, with optional `_` between digits: `30_000_000`.
pub fn number(i: In) -> PResult<Spanned<i64>> {
    let start = i;
    let (i, d) = digits(i).map_err(|_| nom::Err::Error(expected(start, "a number")))?;
    // `30,000,000`: commas would be read as list separators.
    if let Ok((after, _)) = (char::<In, PError>(','), take_while1(|c: char| c.is_ascii_digit())).parse(i)
        && after.location_offset() - i.location_offset() == 4
    {
        let text: String = start
            .fragment()
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .collect();
        return PError::new(
            Span::new(offset(&start), offset(&start) + text.len()),
            "certlex::syntax::number-commas",
            "numbers are written without commas",
        )
        .label("commas in a number")
        .help(format!(
            "write `{}` (underscores may group the digits)",
            text.replace(',', "_")
        ))
        .fail();
    }
    let clean: String = d.fragment().chars().filter(|c| *c != '_').collect();
    match clean.parse::<i64>() {
        Ok(n) => Ok((i, Spanned::new(n, span_from(&start, &i)))),
        Err(_) => PError::new(
            span_from(&start, &i),
            "certlex::syntax::number-too-large",
            "this number is too large",
        )
        .label("too large")
        .help("numbers must be below 9_223_372_036_854_775_808")
        .fail(),
    }
}

/// A small whole number (article, chapter, item).
pub fn small_number(i: In) -> PResult<Spanned<u32>> {
    let start = i;
    let (i, n) = number(i)?;
    match u32::try_from(n.node) {
        Ok(v) => Ok((i, Spanned::new(v, n.span))),
        Err(_) => PError::new(
            span_from(&start, &i),
            "certlex::syntax::number-too-large",
            "this number is too large",
        )
        .label("too large")
        .fail(),
    }
}

/// Is `s` a section number of a standard: parts of letters and digits
/// joined by dots (`4.1.2.2`, `5.2`, `C.1`), at most 32 characters?
pub fn is_section_number(s: &str) -> bool {
    s.len() <= 32
        && !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A standard's section number in a citation: `4.1.2.2`, `C.1`.
pub fn section_number(i: In) -> PResult<Spanned<String>> {
    let start = i;
    let (rest, s) = recognize((
        take_while1(|c: char| c.is_ascii_alphanumeric()),
        nom::multi::many0((char('.'), take_while1(|c: char| c.is_ascii_alphanumeric()))),
    ))
    .parse(i)
    .map_err(|_: nom::Err<PError>| nom::Err::Error(expected(start, "a section number like `4.1.2.2`")))?;
    if !is_section_number(s.fragment()) {
        return PError::new(
            span_from(&start, &rest),
            "certlex::syntax::section-number",
            "this section number is too long",
        )
        .label("at most 32 characters")
        .fail();
    }
    Ok((rest, Spanned::new(s.fragment().to_string(), span_from(&start, &rest))))
}

/// A date written `YYYY-MM-DD`. Other ways of writing a date (`2024/9/2`,
/// `2024-9-2`, `2024年9月2日`) are errors that show the right form.
pub fn date(i: In) -> PResult<Spanned<Date>> {
    let start = i;
    let sep = |c: char| matches!(c, '-' | '/' | '.' | '年' | '月');
    let part = || take_while1(|c: char| c.is_ascii_digit());
    let mut shape = (part(), satisfy(sep), part(), satisfy(sep), part(), opt(char('日')));
    let (rest, (y, s1, m, s2, d, ri)) = shape
        .parse(i)
        .map_err(|_: nom::Err<PError>| nom::Err::Error(expected(start, "a date like `2024-09-02`")))?;
    let span = span_from(&start, &rest);
    let canonical = |y: &str, m: &str, d: &str| format!("{y}-{m:0>2}-{d:0>2}");
    let suggestion = canonical(y.fragment(), m.fragment(), d.fragment());
    let well_formed = s1 == '-' && s2 == '-' && ri.is_none() && y.len() == 4 && m.len() == 2 && d.len() == 2;
    if !well_formed {
        return PError::new(span, "certlex::syntax::date-format", "dates are written YYYY-MM-DD")
            .label("not a YYYY-MM-DD date")
            .help(format!("write `{suggestion}`"))
            .fail();
    }
    let parsed = (|| {
        let y: i32 = y.fragment().parse().ok()?;
        let m: u8 = m.fragment().parse().ok()?;
        let d: u8 = d.fragment().parse().ok()?;
        Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()
    })();
    match parsed {
        Some(date) => Ok((rest, Spanned::new(date, span))),
        None => PError::new(
            span,
            "certlex::syntax::no-such-date",
            format!("there is no day `{suggestion}`"),
        )
        .label("no such day")
        .help("check the month (01–12) and the day of the month")
        .fail(),
    }
}

/// Does the input start with something shaped like a date (four digits and a
/// separator)? Used to choose between a date and a number.
pub fn looks_like_date(i: &In) -> bool {
    let f = i.fragment();
    let mut chars = f.chars();
    (0..4).all(|_| chars.next().is_some_and(|c| c.is_ascii_digit()))
        && matches!(chars.next(), Some('-' | '/' | '年' | '.'))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// The unit word of a duration: `day(s)`, `week(s)`, `month(s)`, `year(s)`.
pub fn duration_unit(i: In) -> PResult<DurationUnit> {
    let (rest, w) = word(i)?;
    let unit = match w.node.as_str() {
        "day" | "days" => DurationUnit::Days,
        "week" | "weeks" => DurationUnit::Weeks,
        "month" | "months" => DurationUnit::Months,
        "year" | "years" => DurationUnit::Years,
        _ => return expected(i, "`days`, `months` or `years`").soft(),
    };
    Ok((rest, unit))
}

/// Is the next thing on this line a line end, a comment, a `}` or the end of
/// the file? Fields end there.
pub fn at_line_end(i: In) -> PResult<()> {
    let (i, _) = hsp(i)?;
    let (i, _) = peek(nom::branch::alt((
        recognize(newline),
        tag("#"),
        tag("}"),
        nom::combinator::eof,
    )))
    .parse(i)
    .map_err(|_: nom::Err<PError>| nom::Err::Error(unexpected(i, "the end of the line")))?;
    Ok((i, ()))
}

/// `c` (after spacing), or an error naming what was expected.
pub fn punct<'a>(c: char, what: &'static str) -> impl Parser<In<'a>, Output = Span, Error = PError> {
    move |i: In<'a>| {
        let (i, _) = sp(i)?;
        match char::<In, PError>(c).parse(i) {
            Ok((rest, _)) => Ok((rest, span_from(&i, &rest))),
            Err(_) => Err(nom::Err::Error(expected(i, what))),
        }
    }
}

/// Is the input at the start of a line (only spaces before, or none)?
pub fn at_column_one(i: &In) -> bool {
    i.get_column() == 1
}

/// Skip to the start of the next line.
pub fn skip_line(i: In) -> In {
    let n = i.fragment().find('\n').map_or(i.fragment().len(), |p| p + 1);
    i.take_from(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inp(s: &str) -> In<'_> {
        In::new(s)
    }

    #[test]
    fn strings_decode_escapes_and_keep_chinese() {
        let (rest, s) = string(inp(r#""电子\"签名\" x" tail"#)).unwrap();
        assert_eq!(s.node, "电子\"签名\" x");
        assert_eq!(*rest.fragment(), " tail");
    }

    #[test]
    fn unclosed_string_points_at_its_start() {
        let Err(nom::Err::Failure(e)) = string(inp("\"abc\nnext")) else {
            panic!()
        };
        assert_eq!(e.code, "certlex::syntax::unclosed-string");
        assert_eq!(e.span, Span::new(0, 4));
    }

    #[test]
    fn fullwidth_quote_is_named() {
        let Err(nom::Err::Failure(e)) = string(inp("“abc”")) else {
            panic!()
        };
        assert_eq!(e.code, "certlex::syntax::full-width");
    }

    #[test]
    fn numbers_allow_underscores_and_reject_commas() {
        assert_eq!(number(inp("30_000_000")).unwrap().1.node, 30_000_000);
        let Err(nom::Err::Failure(e)) = number(inp("30,000,000")) else {
            panic!()
        };
        assert_eq!(
            e.help.as_deref(),
            Some("write `30_000_000` (underscores may group the digits)")
        );
    }

    #[test]
    fn dates_must_be_iso() {
        let d = date(inp("2024-09-02")).unwrap().1.node;
        assert_eq!(d.to_string(), "2024-09-02");
        for bad in ["2024/9/2", "2024-9-2", "2024年9月2日", "2024.09.02"] {
            let Err(nom::Err::Failure(e)) = date(inp(bad)) else {
                panic!("{bad}")
            };
            assert_eq!(e.help.as_deref(), Some("write `2024-09-02`"), "{bad}");
        }
        let Err(nom::Err::Failure(e)) = date(inp("2024-02-30")) else {
            panic!()
        };
        assert_eq!(e.code, "certlex::syntax::no-such-date");
    }

    #[test]
    fn trivia_keeps_comments_and_blank_lines() {
        let c = |s: &str| Trivia::Comment(s.to_string());
        let (rest, t) = trivia(inp("\n\n\n  # one\n  # two\n\n  key")).unwrap();
        assert_eq!(t, vec![Trivia::Blank, c(" one"), c(" two"), Trivia::Blank]);
        assert_eq!(*rest.fragment(), "key");
        let (_, t) = trivia(inp("\n  key")).unwrap();
        assert!(t.is_empty());
    }

    #[test]
    fn keywords_match_whole_words() {
        assert!(kw("and").parse(inp("and x")).is_ok());
        assert!(kw("and").parse(inp("android")).is_err());
    }
}
