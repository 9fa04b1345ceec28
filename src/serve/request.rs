//! A lint request's query string, content type and body into what to lint:
//! the input's bytes, the issuers' bytes and the options. Pure and total
//! (property-tested over arbitrary requests): whatever arrives is decoded
//! or named as wrong, with the field and a hint, never guessed at.
//!
//! Parameters come from the query string or a form body
//! (`application/x-www-form-urlencoded`), pkimetal's way; the input is the
//! form field `b64input` (base64 of the file, or PEM text) or the body
//! itself. A body sent as a form none of whose names is a parameter is the
//! input itself: that is what `curl --data-binary @cert.pem` sends.

use crate::diag::Diag;
use crate::engine::Severity;
use crate::i18n::Lang;
use crate::report::{Format, Shown};

use super::Endpoint;

/// What arrived, before decoding.
#[derive(Debug, Clone, Copy)]
pub struct Raw<'a> {
    pub query: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub body: &'a [u8],
}

/// One input: how diagnostics name it (the field, or `body`) and its bytes
/// (DER, or text: PEM, YAML, Markdown), as a file would hold them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A decoded lint request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub input: Input,
    /// Certificates of the CAs that issued the input (`issuer`, repeatable).
    pub issuers: Vec<Input>,
    pub options: Options,
}

/// How to lint and answer, as `certlex check` takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Checked against the rules' regimes when linting.
    pub regime: Option<String>,
    pub at: Option<time::Date>,
    pub lang: Option<Lang>,
    pub fail_on: Severity,
    pub allow_undetermined: bool,
    pub format: Format,
    /// Which findings the report lists (`--findings`; `all` is also
    /// `--verbose` for SARIF and text).
    pub findings: Shown,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            regime: None,
            at: None,
            lang: None,
            fail_on: Severity::Error,
            allow_undetermined: false,
            format: Format::Json,
            findings: Shown::Attention,
        }
    }
}

/// The field that carries the input (pkimetal's name).
pub const INPUT: &str = "b64input";
/// The field that carries an issuer certificate (repeatable).
pub const ISSUER: &str = "issuer";
/// The options and what each takes.
pub const OPTIONS: &[(&str, &str)] = &[
    ("regime", "a regime of the rules, e.g. `current` or `draft-2024`"),
    ("at", "a date, YYYY-MM-DD"),
    ("lang", "`zh` or `en`"),
    ("fail_on", "`error`, `warning` or `notice`"),
    ("allow_undetermined", "`true` or `false`"),
    ("format", "`json`, `jsonl`, `sarif`, `junit` or `text`"),
    ("findings", "`attention` or `all`"),
];

/// The names a lint request accepts on `endpoint`.
fn names(endpoint: &Endpoint) -> Vec<&'static str> {
    let mut n = vec![INPUT, endpoint.field, ISSUER];
    n.extend(OPTIONS.iter().map(|(name, _)| *name));
    n
}

fn is_form(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/x-www-form-urlencoded"))
    })
}

/// The name/value pairs of a query string or form body.
pub fn pairs(text: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(text).into_owned().collect()
}

/// Decode a request to `endpoint`.
pub fn decode(endpoint: &Endpoint, raw: &Raw) -> Result<Request, Diag> {
    let known = names(endpoint);
    let mut fields = raw.query.map(|q| pairs(q.as_bytes())).unwrap_or_default();
    let mut body = Some(raw.body);
    if is_form(raw.content_type) {
        let form = pairs(raw.body);
        if form.iter().any(|(k, _)| known.contains(&k.as_str())) {
            fields.extend(form);
            body = None;
        } else if let Some((k, _)) = form.iter().find(|(k, _)| misspelt(k, &known)) {
            // A form with a misspelt name, not a file sent as a form.
            return Err(unknown_name(k, &known));
        }
    }
    let mut input: Option<(&str, &str)> = None;
    let mut issuers = Vec::new();
    let mut options = Options::default();
    let mut seen: Vec<&str> = Vec::new();
    for (name, value) in &fields {
        let Some(&name) = known.iter().find(|k| **k == name.as_str()) else {
            return Err(unknown_name(name, &known));
        };
        if name == ISSUER {
            issuers.push(base64_or_pem(&format!("{ISSUER} #{}", issuers.len() + 1), value)?);
            continue;
        }
        let key = if name == endpoint.field { INPUT } else { name };
        if seen.contains(&key) {
            return Err(
                Diag::error("certlex::serve::repeated", format!("`{name}` is given more than once"))
                    .help("give each parameter once (only `issuer` repeats)"),
            );
        }
        seen.push(key);
        if key == INPUT {
            input = Some((name, value));
        } else {
            option(&mut options, name, value)?;
        }
    }
    let body = body.filter(|b| !b.is_empty());
    let input = match (input, body) {
        (Some(_), Some(_)) => {
            return Err(Diag::error(
                "certlex::serve::two-inputs",
                format!("the request has both a `{INPUT}` parameter and a body that is not a form"),
            )
            .help(format!(
                "send the input once: as the form field `{INPUT}` (Content-Type: application/x-www-form-urlencoded), or as the body itself"
            )));
        }
        (Some((name, value)), None) => base64_or_pem(name, value)?,
        (None, Some(bytes)) => Input {
            name: "body".into(),
            bytes: bytes.to_vec(),
        },
        (None, None) => {
            return Err(Diag::error("certlex::serve::no-input", "the request holds nothing to lint").help(format!(
                "send the file as the body (`curl --data-binary @cert.pem`), or base64 or PEM in the form field `{INPUT}` (`curl --data-urlencode {INPUT}@cert.pem`)"
            )));
        }
    };
    Ok(Request {
        input,
        issuers,
        options,
    })
}

/// A short name close to a parameter's (long ones are the text of a file).
fn misspelt(name: &str, known: &[&str]) -> bool {
    name.len() <= 40 && crate::diag::did_you_mean(name, known.iter().copied()).is_some()
}

fn unknown_name(name: &str, known: &[&str]) -> Diag {
    let list = known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
    let shown: String = name.chars().take(40).collect();
    let shown = if shown.len() < name.len() {
        format!("{shown}…")
    } else {
        shown
    };
    let hint = match crate::diag::suggestion(name, known.iter().copied()) {
        Some(s) => format!("{s} the parameters are {list}"),
        None => format!("the parameters are {list}"),
    };
    Diag::error(
        "certlex::serve::unknown-parameter",
        format!("unknown parameter `{shown}`"),
    )
    .help(hint)
}

/// Set one option from its text.
fn option(o: &mut Options, name: &str, value: &str) -> Result<(), Diag> {
    let bad = |what: &str| {
        let shown: String = value.chars().take(40).collect();
        let takes = OPTIONS.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| *t);
        Diag::error(
            "certlex::serve::bad-value",
            format!("`{name}`: `{shown}` is not {what}"),
        )
        .help(format!("`{name}` takes {takes}"))
    };
    match name {
        "regime" if !value.is_empty() => o.regime = Some(value.to_owned()),
        "regime" => return Err(bad("a regime")),
        "at" => o.at = Some(crate::dates::parse_date(value).ok_or_else(|| bad("a date"))?),
        "lang" => {
            o.lang = Some(match value {
                "zh" => Lang::Zh,
                "en" => Lang::En,
                _ => return Err(bad("a language")),
            });
        }
        "fail_on" => {
            o.fail_on = match value {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "notice" => Severity::Notice,
                _ => return Err(bad("a severity")),
            };
        }
        "allow_undetermined" => {
            o.allow_undetermined = match value {
                "true" => true,
                "false" => false,
                _ => return Err(bad("`true` or `false`")),
            };
        }
        "format" => {
            o.format = match value {
                "json" => Format::Json,
                "jsonl" => Format::Jsonl,
                "sarif" => Format::Sarif,
                "junit" => Format::Junit,
                "text" | "human" => Format::Human,
                _ => return Err(bad("a report format")),
            };
        }
        "findings" => {
            o.findings = match value {
                "attention" => Shown::Attention,
                "all" => Shown::All,
                _ => return Err(bad("`attention` or `all`")),
            };
        }
        _ => return Err(unknown_name(name, &[])),
    }
    Ok(())
}

/// A field's value as the bytes of a file: PEM text as it is, else base64
/// (standard or URL-safe alphabet, padded or not, line breaks allowed).
pub fn base64_or_pem(name: &str, value: &str) -> Result<Input, Diag> {
    let input = |bytes| Input {
        name: name.to_owned(),
        bytes,
    };
    if value.trim().is_empty() {
        return Err(empty(name));
    }
    if value.contains("-----BEGIN ") {
        return Ok(input(value.as_bytes().to_vec()));
    }
    let bad = |message: String, help: &str| Diag::error("certlex::serve::bad-base64", message).help(help);
    for (i, c) in value.chars().enumerate() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '+' | '/' | '-' | '_' | '=' | '\r' | '\n' | '\t' => {}
            ' ' => {
                return Err(bad(
                    format!("`{name}` is not base64: a space at character {}", i + 1),
                    "a `+` sent in a form without URL-encoding arrives as a space: URL-encode the value (`curl --data-urlencode`)",
                ));
            }
            c => {
                return Err(bad(
                    format!(
                        "`{name}` is not base64: `{}` at character {}",
                        c.escape_default(),
                        i + 1
                    ),
                    "give base64 of the file (`base64 -w0 cert.der`), or PEM text",
                ));
            }
        }
    }
    let clean: String = value.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let clean = clean.trim_end_matches('=');
    let url_safe = clean.contains(['-', '_']);
    let engine = if url_safe {
        &data_encoding::BASE64URL_NOPAD
    } else {
        &data_encoding::BASE64_NOPAD
    };
    match engine.decode(clean.as_bytes()) {
        Ok(bytes) if bytes.is_empty() => Err(empty(name)),
        Ok(bytes) => Ok(input(bytes)),
        Err(e) => {
            let why = match e.kind {
                data_encoding::DecodeKind::Symbol => "a character out of place (`=` inside, or both alphabets mixed)",
                data_encoding::DecodeKind::Length => {
                    "its length is not that of base64 text (a character lost or added)"
                }
                data_encoding::DecodeKind::Trailing => "its last character has bits that base64 leaves zero",
                data_encoding::DecodeKind::Padding => "its padding is wrong",
            };
            Err(bad(
                format!(
                    "`{name}` is not base64: {why}, at character {} of the base64 text",
                    e.position + 1
                ),
                "check that the value was not cut or wrapped oddly; give base64 of the file (`base64 -w0 cert.der`), or PEM text",
            ))
        }
    }
}

/// A field with nothing in it: blank, or only base64 padding.
fn empty(name: &str) -> Diag {
    Diag::error("certlex::serve::empty", format!("`{name}` is empty"))
        .help("give the certificate, CA profile or rule statement as base64 of the file, or as PEM text")
}

#[cfg(test)]
mod tests;
