//! YAML to a tree of nodes with byte spans, through serde-saphyr: duplicate
//! keys are errors, and budgets bound what a hostile file may cost (alias
//! bombs, deep nesting, many documents). A YAML error becomes a [`Diag`]
//! labelled at its line.

use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error, Location, MessageFormatter as _, Spanned};

use crate::diag::Diag;
use crate::limits::Limits;
use crate::source::{SourceFile, Span};

/// A YAML node and the bytes it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Span,
}

impl Kind {
    /// How the kind of a value is named in messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "nothing",
            Kind::Bool(_) => "true/false",
            Kind::Int(_) => "a number",
            Kind::Float(_) => "a number with a fraction",
            Kind::Str(_) => "text",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }
}

/// What serde-saphyr hands over: locations in its own terms, made into
/// byte spans once the whole tree is read.
enum Raw {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a YAML value")
            }
            fn visit_unit<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_none<E>(self) -> Result<Raw, E> {
                Ok(Raw::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
                Raw::deserialize(d)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Raw, E> {
                Ok(Raw::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Raw, E> {
                Ok(Raw::Int(n))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Raw, E> {
                // Beyond i64: kept as its digits, so a number fact reports it as too large.
                Ok(i64::try_from(n).map_or_else(|_| Raw::Str(n.to_string()), Raw::Int))
            }
            fn visit_i128<E>(self, n: i128) -> Result<Raw, E> {
                Ok(i64::try_from(n).map_or_else(|_| Raw::Str(n.to_string()), Raw::Int))
            }
            fn visit_u128<E>(self, n: u128) -> Result<Raw, E> {
                Ok(i64::try_from(n).map_or_else(|_| Raw::Str(n.to_string()), Raw::Int))
            }
            fn visit_f64<E>(self, x: f64) -> Result<Raw, E> {
                Ok(Raw::Float(x))
            }
            fn visit_str<E>(self, s: &str) -> Result<Raw, E> {
                Ok(Raw::Str(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Raw, E> {
                Ok(Raw::Str(s))
            }
            fn visit_bytes<E: de::Error>(self, b: &[u8]) -> Result<Raw, E> {
                Ok(Raw::Str(String::from_utf8_lossy(b).into_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut items = Vec::new();
                while let Some(x) = a.next_element::<Spanned<Raw>>()? {
                    items.push(x);
                }
                Ok(Raw::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Raw, A::Error> {
                let mut entries = Vec::new();
                while let Some(k) = a.next_key::<Spanned<String>>()? {
                    let v = a.next_value::<Spanned<Raw>>()?;
                    entries.push((k, v));
                }
                Ok(Raw::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

/// Bounds on YAML read by certlex (profiles, rule statements' front matter):
/// generous for a real file (a few hundred nodes), small enough that an alias
/// bomb or a deeply nested file stops early. Depth and alias expansion come
/// from `limits`; the node and event budgets follow from them.
pub(crate) fn budget(limits: &Limits) -> Option<serde_saphyr::Budget> {
    let expansion = limits.max_yaml_alias_expansion;
    serde_saphyr::budget! {
        max_depth: limits.max_yaml_depth,
        max_nodes: 50_000usize.max(expansion.saturating_mul(2)),
        max_events: 200_000usize.max(expansion.saturating_mul(4)),
        max_aliases: 1_000,
        max_anchors: 1_000,
        max_documents: 1,
        max_total_scalar_bytes: limits.max_profile_bytes,
    }
}

/// How far aliases may expand (see [`budget`]).
pub(crate) fn alias_limits(limits: &Limits) -> serde_saphyr::options::AliasLimits {
    serde_saphyr::alias_limits! {
        max_total_replayed_events: limits.max_yaml_alias_expansion,
        max_replay_stack_depth: 16usize.min(limits.max_yaml_depth),
        max_alias_expansions_per_anchor: 1_000,
    }
}

fn options(limits: &Limits) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: budget(limits),
        alias_limits: alias_limits(limits),
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        strict_booleans: true,
        reject_unsupported_tags: true,
        with_snippet: false,
    }
}

/// Parse a YAML text into nodes.
pub fn parse(file: &Arc<SourceFile>, limits: &Limits) -> Result<Node, Diag> {
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(&file.text, options(limits)) {
        Ok(root) => Ok(convert(root, file)),
        Err(e) => Err(diagnose(&e, file)),
    }
}

fn convert(raw: Spanned<Raw>, file: &SourceFile) -> Node {
    let span = span_of(&raw.referenced, file);
    let kind = match raw.value {
        Raw::Null => Kind::Null,
        Raw::Bool(b) => Kind::Bool(b),
        Raw::Int(n) => Kind::Int(n),
        Raw::Float(x) => Kind::Float(x),
        Raw::Str(s) => Kind::Str(s),
        Raw::Seq(items) => Kind::Seq(items.into_iter().map(|i| convert(i, file)).collect()),
        Raw::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        span: span_of(&k.referenced, file),
                        name: k.value,
                    };
                    (key, convert(v, file))
                })
                .collect(),
        ),
    };
    Node { kind, span }
}

/// A location as a byte span of `file`: serde-saphyr's byte offsets when it
/// has them, else from its line and column (in characters).
fn span_of(loc: &Location, file: &SourceFile) -> Span {
    let s = loc.span();
    if let (Some(start), Some(len)) = (s.byte_offset(), s.byte_len()) {
        let (start, len) = (usize::try_from(start).ok(), usize::try_from(len).ok());
        if let (Some(start), Some(len)) = (start, len)
            && start.checked_add(len).is_some_and(|end| end <= file.text.len())
            && file.text.is_char_boundary(start)
            && file.text.is_char_boundary(start + len)
        {
            return Span::new(start, start + len);
        }
    }
    let start = offset_of_line_col(file, loc.line(), loc.column());
    let len = usize::try_from(s.len()).unwrap_or(0);
    let end = file.text.get(start..).map_or(start, |rest| {
        start + rest.chars().take(len).map(char::len_utf8).sum::<usize>()
    });
    Span::new(start, end)
}

/// The byte offset of a 1-based line and column (in characters); the end of
/// the text if they lie beyond it.
pub fn offset_of_line_col(file: &SourceFile, line: u64, column: u64) -> usize {
    let mut offset = 0;
    for (i, l) in file.text.split_inclusive('\n').enumerate() {
        if (i as u64) + 1 == line {
            let col = usize::try_from(column.saturating_sub(1)).unwrap_or(0);
            let within: usize = l.chars().take(col).map(char::len_utf8).sum();
            return offset + within;
        }
        offset += l.len();
    }
    file.text.len()
}

/// A serde-saphyr error as a diagnostic on the YAML line.
fn diagnose(e: &Error, file: &Arc<SourceFile>) -> Diag {
    // Where an alias was used and where its anchor is, when an alias is to blame.
    let alias = e.locations().and_then(|l| {
        let used = l.reference_location;
        let defined = l.defined_location;
        (used.line() > 0 && defined.line() > 0 && used != defined)
            .then(|| (span_of(&used, file), span_of(&defined, file)))
    });
    let e = unwrap(e);
    let at = e
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| span_of(&l, file))
        .unwrap_or_default();
    let (code, message, label, help): (&'static str, String, String, String) = match e {
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_default();
            let d = Diag::error(
                "certlex::profile::duplicate-key",
                format!("the key `{key}` is written twice in the same mapping"),
            )
            .in_file(file)
            .label(at, "written again here")
            .zh_label("此处再次写出")
            .help(format!(
                "each key may appear once; keep one `{key}:` and merge what the two say, or delete the stale one"
            ))
            .zh(
                format!("键 `{key}` 在同一映射中写了两次"),
                Some(&format!("每个键只能出现一次；保留一个 `{key}:` 并合并两处内容，或删除过时的一处")),
            );
            return match first_occurrence(file, at.start, &key) {
                Some(first) => d.label(first, "first written here").zh_label("首次写出之处"),
                None => d,
            };
        }
        Error::Budget { breach, .. } => {
            let (what, flag) = match breach {
                BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => {
                    ("it uses aliases (`*name`) too many times", "; raise the limit with `--max-yaml-aliases N` if the file is genuine")
                }
                BudgetBreach::Anchors { .. } => ("it defines too many anchors (`&name`)", ""),
                BudgetBreach::Depth { .. } => ("it nests mappings and lists too deeply", "; raise the limit with `--max-yaml-depth N` if the file is genuine"),
                BudgetBreach::Documents { .. } => ("it holds more than one YAML document", ""),
                BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => {
                    ("it expands to too many values", "; raise the limit with `--max-yaml-aliases N` if the file is genuine")
                }
                BudgetBreach::ScalarBytes { .. } => ("its text is too long", "; raise the limit with `--max-profile-size BYTES` if the file is genuine"),
                _ => ("it exceeds the limits certlex sets on a profile", ""),
            };
            (
                "certlex::profile::too-costly",
                format!("the YAML was not read: {what}"),
                "the limit was reached here".into(),
                format!("a CA profile is a short file; aliases that expand into thousands of values (an alias bomb) and deep nesting are refused{flag}"),
            )
        }
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => (
            "certlex::profile::too-costly",
            "the YAML was not read: its aliases (`*name`) expand into too many values".into(),
            "the limit was reached here".into(),
            "a CA profile is a short file; aliases that expand into thousands of values (an alias bomb) are refused; raise the limit with `--max-yaml-aliases N` if the file is genuine"
                .into(),
        ),
        Error::MultipleDocuments { .. } => (
            "certlex::profile::many-documents",
            "the file holds more than one YAML document".into(),
            "a second document starts here".into(),
            "write one CA per file; remove the `---` line or split the file".into(),
        ),
        Error::UnsupportedTag { .. } => (
            "certlex::profile::tag",
            "the YAML uses a tag certlex does not read".into(),
            "tag".into(),
            "remove the `!tag`; a CA profile needs only plain values, lists and mappings".into(),
        ),
        Error::UnknownAnchor { .. } => (
            "certlex::profile::unknown-anchor",
            "an alias refers to an anchor that is not defined before it".into(),
            "no anchor of this name above".into(),
            "define `&name` before using `*name`, or write the value out".into(),
        ),
        other if serde_saphyr::DefaultMessageFormatter.format_message(other).contains("recursion limit") => (
            "certlex::profile::too-costly",
            "the YAML was not read: it nests mappings and lists too deeply".into(),
            "the limit was reached here".into(),
            "a CA profile is a short file; deep nesting is refused".into(),
        ),
        other => {
            let text = serde_saphyr::DefaultMessageFormatter.format_message(other);
            (
                "certlex::profile::yaml",
                format!("the file is not valid YAML: {}", tidy(&text)),
                "here".into(),
                "check the indentation (spaces, not tabs; keys of one mapping start in the same column), quotes and brackets on this line and the one above".into(),
            )
        }
    };
    let (zh, zh_help) = in_chinese(code, &message);
    match (code, alias) {
        ("certlex::profile::too-costly", Some((used, defined))) => Diag::error(code, message)
            .in_file(file)
            .label(used, "this alias is where the limit was reached")
            .zh_label("别名在此处达到上限")
            .label(defined, "it repeats the anchor defined here")
            .zh_label("它重复此处定义的锚点")
            .help(help)
            .zh(zh, Some(zh_help)),
        _ => Diag::error(code, message)
            .in_file(file)
            .label(at, label)
            .zh_label("此处")
            .help(help)
            .zh(zh, Some(zh_help)),
    }
}

/// What a YAML error says in Chinese: by its code (the English message is
/// kept in parentheses for an error the YAML reader words itself).
fn in_chinese(code: &str, message: &str) -> (String, &'static str) {
    let (text, help) = match code {
        "certlex::profile::too-costly" => (
            "未读取该 YAML：它超出了 certlex 对概况设定的上限（别名展开过多或嵌套过深）",
            "电子认证服务机构概况是简短的文件；展开成成千上万个值的别名（别名炸弹）和过深的嵌套会被拒绝；如果文件确实无误，可用 `--max-yaml-aliases N` 或 `--max-yaml-depth N` 提高上限",
        ),
        "certlex::profile::many-documents" => ("文件包含多个 YAML 文档", "每个文件写一个 CA；删除 `---` 行或拆分文件"),
        "certlex::profile::tag" => (
            "YAML 使用了 certlex 不读取的标签",
            "请删除 `!tag`；电子认证服务机构概况只需要普通的值、列表和映射",
        ),
        "certlex::profile::unknown-anchor" => (
            "别名引用了在它之前没有定义的锚点",
            "请在使用 `*name` 之前定义 `&name`，或直接写出值",
        ),
        _ => {
            return (
                format!("文件不是有效的 YAML（{message}）"),
                "请检查这一行和上一行的缩进（用空格而非制表符；同一映射的键从同一列开始）、引号和括号",
            );
        }
    };
    (text.to_string(), help)
}

/// The error itself, without serde-saphyr's wrappers.
fn unwrap(e: &Error) -> &Error {
    match e {
        Error::AliasError { error, .. } => unwrap(error),
        Error::WithSnippet { error, .. } => unwrap(error),
        other => other,
    }
}

/// The parser's words, lowercase first letter, no final period, and no hint
/// about serde-saphyr's own options (certlex does not offer them).
fn tidy(text: &str) -> String {
    let t = text.split(", set ").next().unwrap_or(text).trim().trim_end_matches('.');
    let mut chars = t.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Where `key` was first written in the mapping that has it again at
/// `offset`: the nearest line above with the same indentation that starts
/// with `key:`, before the mapping's indentation ends.
fn first_occurrence(file: &SourceFile, offset: usize, key: &str) -> Option<Span> {
    let text: &str = &file.text;
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let indent = offset.checked_sub(line_start)?;
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.get(..line_start)?.split_inclusive('\n') {
        lines.push((at, line.trim_end_matches(['\n', '\r'])));
        at += line.len();
    }
    for (start, line) in lines.into_iter().rev() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut own = line.len() - trimmed.len();
        let mut body = trimmed;
        if let Some(rest) = body.strip_prefix("- ") {
            let rest_trimmed = rest.trim_start();
            own += body.len() - rest_trimmed.len();
            body = rest_trimmed;
        }
        if own < indent {
            return None;
        }
        if own == indent && body.strip_prefix(key).is_some_and(|r| r.trim_start().starts_with(':')) {
            return Some(Span::new(start + own, start + own + key.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Node, Diag> {
        parse(&SourceFile::new("p.yaml", text), &Limits::default())
    }

    #[test]
    fn nodes_carry_byte_spans_of_their_text() {
        let text = "kind: ca-profile\ncapital:\n  registered_rmb: 70_000_000\nname: 北京\n";
        let Kind::Map(entries) = parse_str(text).unwrap().kind else {
            panic!("not a map")
        };
        let (k, v) = &entries[1];
        assert_eq!(&text[k.span.start..k.span.end], "capital");
        let Kind::Map(inner) = &v.kind else { panic!() };
        assert_eq!(inner[0].1.kind, Kind::Int(70_000_000));
        assert_eq!(&text[inner[0].1.span.start..inner[0].1.span.end], "70_000_000");
        assert_eq!(entries[2].1.kind, Kind::Str("北京".into()));
        assert_eq!(&text[entries[2].1.span.start..entries[2].1.span.end], "北京");
    }

    #[test]
    fn duplicate_keys_are_errors_pointing_at_both() {
        let text = "a: 1\nb:\n  c: 2\n  # note\n  c: 3\n";
        let d = parse_str(text).unwrap_err();
        assert_eq!(d.code, "certlex::profile::duplicate-key");
        let spans: Vec<&str> = d.labels.iter().map(|(s, _)| &text[s.start..s.end]).collect();
        assert_eq!(spans, ["c", "c"]);
        assert!(d.labels[0].0.start > d.labels[1].0.start);
    }

    #[test]
    fn an_alias_bomb_is_refused() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for n in ['b', 'c', 'd', 'e', 'f', 'g', 'h'] {
            text.push_str(&format!("{n}: &{n} [{}]\n", vec![format!("*{prev}"); 10].join(", ")));
            prev = n;
        }
        let d = parse_str(&text).unwrap_err();
        assert_eq!(d.code, "certlex::profile::too-costly", "{}", d.render_plain());
    }

    #[test]
    fn line_and_column_become_byte_offsets() {
        let f = SourceFile::new("p", "ab\n电子 x\n");
        assert_eq!(offset_of_line_col(&f, 2, 4), 3 + 6 + 1);
        assert_eq!(offset_of_line_col(&f, 9, 1), f.text.len());
    }
}
