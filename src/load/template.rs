//! Titles and messages with placeholders, compiled once into a [`Template`]:
//! `{parameter}` in both, `{fact.path}` in messages only (a title is shown
//! without a subject: in `rules list`, `explain` and every report). `{{` and
//! `}}` write braces. An unknown name is an error pointing at the placeholder,
//! with a "did you mean" over every name the text may use.

use super::check::{Checker, flatten};
use crate::diag::{Diag, suggestion};
use crate::engine::{Part, Template};
use crate::source::{Span, Spanned};

/// What a text may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholders {
    /// A title: parameters only.
    Parameters,
    /// A message: facts of the subject and parameters.
    FactsAndParameters,
}

/// Placeholders with a meaning of their own, neither a fact nor a parameter,
/// shown in messages only (they need a judging date): `{citation}` (the
/// citations that hold on the judging date, numbered as they were then),
/// `{citation ESL}` (those of one instrument) and `{date}` (the judging
/// date). The one place to add one; "did you mean" offers these names too,
/// and no fact of any kind is called so (a test of the loader checks it).
static SPECIAL: &[&str] = &["citation", "date"];

/// The part a special placeholder compiles to, if `name` is one.
fn special(name: &str) -> Option<Part> {
    match name.split_once(' ') {
        None if name == "citation" => Some(Part::Citation(None)),
        None if name == "date" => Some(Part::Date),
        Some(("citation", inst)) if !inst.trim().is_empty() => Some(Part::Citation(Some(inst.trim().to_string()))),
        _ => None,
    }
}

/// A placeholder as written: its name and where it is in the rule file.
struct Placeholder<'t> {
    name: &'t str,
    span: Span,
}

/// The pieces of a text: literal runs and placeholders, or the span of the
/// first stray brace; spans count from `base`.
fn pieces(raw: &str, base: usize) -> Result<Vec<Result<String, Placeholder<'_>>>, Span> {
    let mut out: Vec<Result<String, Placeholder<'_>>> = Vec::new();
    let mut literal = String::new();
    let mut rest = raw;
    while let Some(pos) = rest.find(['{', '}']) {
        let (before, after) = rest.split_at(pos);
        literal.push_str(before);
        let at = base + (raw.len() - after.len());
        if let Some(tail) = after.strip_prefix("{{") {
            literal.push('{');
            rest = tail;
            continue;
        }
        if let Some(tail) = after.strip_prefix("}}") {
            literal.push('}');
            rest = tail;
            continue;
        }
        let close = after
            .find('}')
            .filter(|_| after.starts_with('{'))
            .ok_or(Span::new(at, at + 1))?;
        let inner = after.get(1..close).unwrap_or("");
        let lead = inner.len() - inner.trim_start().len();
        let name = inner.trim();
        if !literal.is_empty() {
            out.push(Ok(std::mem::take(&mut literal)));
        }
        out.push(Err(Placeholder {
            name,
            span: Span::new(at + 1 + lead, at + 1 + lead + name.len()),
        }));
        rest = after.get(close + 1..).unwrap_or("");
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        out.push(Ok(literal));
    }
    Ok(out)
}

impl Checker<'_> {
    /// Compile a title or a message.
    pub fn template(&mut self, text: &Spanned<String>, what: Placeholders) -> Template {
        // The structure is read from the text, the places from the text as
        // written between its quotes: escapes (`\"`) never hold a brace, so
        // both have the same placeholders in the same order.
        let written = self.file.slice(text.span);
        let raw = written
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(written);
        let located = pieces(raw, text.span.start + 1);
        let pieces = match pieces(&text.node, 0) {
            Ok(p) => p,
            Err(_) => {
                let at = located.err().unwrap_or(text.span);
                self.diags.push(
                    Diag::error(
                        "certlex::rules::bad-placeholder",
                        "a `{` or `}` that does not enclose a placeholder",
                    )
                    .in_file(self.file)
                    .label(at, "unbalanced brace")
                    .help(match what {
                        Placeholders::Parameters => {
                            "write `{parameter-name}` to show a parameter's value, or `{{` and `}}` for braces"
                        }
                        Placeholders::FactsAndParameters => {
                            "write `{fact.path}` or `{parameter-name}` to show a value, or `{{` and `}}` for braces"
                        }
                    }),
                );
                return Template {
                    parts: vec![Part::Text(text.node.clone())],
                };
            }
        };
        let spans: Vec<Span> = located
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| p.err().map(|p| p.span))
            .collect();
        let mut parts = Vec::new();
        let mut k = 0;
        for piece in pieces {
            match piece {
                Ok(literal) => parts.push(Part::Text(literal)),
                Err(p) => {
                    let span = spans.get(k).copied().unwrap_or(text.span);
                    k += 1;
                    if let Some(part) = self.placeholder(&Placeholder { span, ..p }, what) {
                        parts.push(part);
                    }
                }
            }
        }
        Template { parts }
    }

    fn placeholder(&mut self, p: &Placeholder, what: Placeholders) -> Option<Part> {
        if what == Placeholders::FactsAndParameters
            && let Some(part) = special(p.name)
        {
            return Some(part);
        }
        let mut segments = Vec::new();
        let mut offset = p.span.start;
        for s in p.name.split('.') {
            segments.push(Spanned::new(s.to_string(), Span::new(offset, offset + s.len())));
            offset += s.len() + 1;
        }
        let first = segments.first().map_or("", |s| s.node.as_str());
        let is_parameter = segments.len() == 1 && self.law.parameter(first).is_some();
        let is_fact = first == "today" || self.schema.iter().any(|f| f.name == first);
        match what {
            _ if is_parameter => self.name(&segments, p.span).map(|(c, _)| Part::Value(c)),
            Placeholders::FactsAndParameters if is_fact => self.name(&segments, p.span).map(|(c, _)| Part::Value(c)),
            Placeholders::Parameters if is_fact => {
                self.diags.push(
                    Diag::error(
                        "certlex::rules::fact-in-title",
                        format!("a title cannot show the fact `{}`", p.name),
                    )
                    .in_file(self.file)
                    .label(p.span, "a fact of the subject")
                    .help("a title is shown without a subject (in `rules list`, `explain` and reports): show the fact in `message.*`, or use a parameter such as `{min-staff}`"),
                );
                None
            }
            _ => {
                self.unknown_placeholder(p, what);
                None
            }
        }
    }

    fn unknown_placeholder(&mut self, p: &Placeholder, what: Placeholders) {
        let mut names: Vec<String> = self.law.parameters.iter().map(|x| x.name.clone()).collect();
        if what == Placeholders::FactsAndParameters {
            names.extend(SPECIAL.iter().map(|n| (*n).to_string()));
        }
        if what == Placeholders::FactsAndParameters {
            flatten(self.schema, "", &mut names);
        }
        let (place, may) = match what {
            Placeholders::Parameters => ("a title", "a title may show a parameter, e.g. `{min-staff}`"),
            Placeholders::FactsAndParameters => (
                "a message",
                "a message may show a fact (`{issuer.organization}`) or a parameter (`{min-staff}`)",
            ),
        };
        self.diags.push(
            Diag::error(
                "certlex::rules::unknown-placeholder",
                format!("unknown placeholder `{{{}}}` in {place}", p.name),
            )
            .in_file(self.file)
            .label(p.span, "no fact or parameter has this name")
            .help(suggestion(p.name, names.iter().map(String::as_str)).unwrap_or_else(|| may.to_string())),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> Vec<(String, Span)> {
        pieces(raw, 10)
            .unwrap()
            .into_iter()
            .filter_map(|p| p.err().map(|p| (p.name.to_string(), p.span)))
            .collect()
    }

    #[test]
    fn placeholders_are_located_in_the_file() {
        assert_eq!(
            names("at least {min-staff} staff"),
            vec![("min-staff".into(), Span::new(20, 29))]
        );
        assert_eq!(
            names("{{literal}} and { a.b }"),
            vec![("a.b".into(), Span::new(28, 31))]
        );
        assert!(names("no placeholder").is_empty());
    }

    #[test]
    fn a_stray_brace_is_pointed_at() {
        assert_eq!(pieces("a } b", 0).err(), Some(Span::new(2, 3)));
        assert_eq!(pieces("a {b", 0).err(), Some(Span::new(2, 3)));
    }
}
