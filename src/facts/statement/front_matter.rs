//! Optional YAML front matter of a rule statement (between `---` lines at
//! the top): CA name, document version, effective date, filing record
//! number, language, URL, and the CA certificates the statement governs. Read with serde-saphyr; a misspelt key is an error
//! with a suggestion, never ignored.

use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diag, suggestion};
use crate::limits::Limits;
use crate::source::{SourceFile, Span};

/// The keys a front matter may have.
pub const KEYS: &[&str] = &[
    "kind",
    "ca_name",
    "version",
    "effective_date",
    "filing_number",
    "language",
    "url",
    "ca_certificates",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub kind: Option<Spanned<String>>,
    pub ca_name: Option<Spanned<String>>,
    pub version: Option<Spanned<String>>,
    pub effective_date: Option<Spanned<String>>,
    pub filing_number: Option<Spanned<String>>,
    pub language: Option<Spanned<String>>,
    pub url: Option<Spanned<String>>,
    /// SHA-256 fingerprints of the CA certificates that issue under this
    /// statement: the certificates they issued are held to it.
    pub ca_certificates: Option<Vec<Spanned<String>>>,
}

/// The front matter's YAML text and where it starts and ends in the file.
pub fn split(text: &str) -> Option<(usize, usize, usize)> {
    // A byte-order mark and empty lines may come before the opening `---`.
    let after_bom = usize::from(text.starts_with('\u{feff}')) * 3;
    let body = text.get(after_bom..)?;
    let start = after_bom + (body.len() - body.trim_start_matches(['\n', '\r', ' ', '\t']).len());
    let start = text.get(..start)?.rfind('\n').map_or(after_bom, |n| n + 1);
    let rest = text.get(start..)?;
    let first = rest.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let yaml_start = start + first.len() + 1;
    let mut pos = yaml_start;
    for line in text.get(yaml_start..)?.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((yaml_start, pos, pos + line.len()));
        }
        pos += line.len();
    }
    None
}

/// The byte span of a value, in the file.
pub fn span_of<T>(v: &Spanned<T>, yaml_start: usize) -> Option<Span> {
    let s = v.referenced.span();
    let start = yaml_start + usize::try_from(s.byte_offset()?).ok()?;
    let len = usize::try_from(s.byte_len().unwrap_or(0)).unwrap_or(0);
    Some(Span::new(start, start + len))
}

pub fn parse(file: &Arc<SourceFile>, yaml_start: usize, yaml_end: usize, limits: &Limits) -> Result<FrontMatter, Diag> {
    let yaml = file.text.get(yaml_start..yaml_end).unwrap_or("");
    let options = serde_saphyr::options! {
        budget: crate::facts::profile::yaml::budget(limits),
        alias_limits: crate::facts::profile::yaml::alias_limits(limits),
    };
    serde_saphyr::from_str_with_options::<FrontMatter>(yaml, options).map_err(|e| {
        let message = e.to_string();
        let first = message.lines().next().unwrap_or("the front matter is not valid YAML");
        // serde-saphyr says `error: line 2 column 1: …` of the YAML alone;
        // the label shows the line in the file, so only the message is kept.
        let first = first
            .strip_prefix("error: ")
            .and_then(|rest| rest.strip_prefix("line "))
            .and_then(|rest| rest.split_once(": "))
            .map_or(first, |(_, message)| message)
            .to_string();
        let at = e
            .location()
            .and_then(|l| l.span().byte_offset())
            .and_then(|o| usize::try_from(o).ok())
            .map_or(yaml_start, |o| yaml_start + o);
        let unknown = first
            .split('`')
            .nth(1)
            .filter(|_| first.contains("unknown field"))
            .map(str::to_string);
        let help = match &unknown {
            Some(k) => suggestion(k, KEYS.iter().copied())
                .unwrap_or_else(|| format!("the front matter takes: {}", KEYS.join(", "))),
            None if first.contains("expected a string") => {
                "put the value in quotes, e.g. `version: \"1.0\"`".to_string()
            }
            None => format!("the front matter is YAML with the keys: {}", KEYS.join(", ")),
        };
        let len = file.text.get(at..).and_then(|t| t.find('\n')).unwrap_or(0).max(1);
        Diag::error("certlex::statement::front-matter", format!("{}: {first}", file.name))
            .in_file(file)
            .label(Span::new(at, at + len), "here")
            .help(help)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_found_and_read_with_spans() {
        let text = "---\nca_name: 测试CA\nfiling_number: \"工信部备案 2024-001\"\n---\n# 1 Introduction\n";
        let (s, e, _) = split(text).unwrap();
        let file = SourceFile::new("s.md", text);
        let fm = parse(&file, s, e, &Limits::default()).unwrap();
        assert_eq!(fm.ca_name.as_ref().unwrap().value, "测试CA");
        let span = span_of(fm.filing_number.as_ref().unwrap(), s).unwrap();
        assert!(file.slice(span).contains("2024-001"), "{:?}", file.slice(span));
    }

    #[test]
    fn a_misspelt_key_is_an_error_with_a_suggestion() {
        let text = "---\nfilling_number: x\n---\n";
        let (s, e, _) = split(text).unwrap();
        let d = parse(&SourceFile::new("s.md", text), s, e, &Limits::default()).unwrap_err();
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean `filing_number`?"),
            "{}",
            d.render_plain()
        );
        assert_eq!(d.location().as_deref(), Some("s.md:2:1"));
    }

    #[test]
    fn empty_lines_may_come_first() {
        let text = "\n\n---\nversion: \"1\"\n---\n# 1 Introduction\n";
        let (s, e, after) = split(text).unwrap();
        assert_eq!(&text[s..e], "version: \"1\"\n");
        assert!(text[after..].starts_with("# 1"));
    }

    #[test]
    fn no_front_matter() {
        assert!(split("# 1 Introduction\n---\n").is_none());
    }
}
