//! The profile reader: YAML nodes walked along the schema. Every key must be
//! a field of the schema at its place (else an error with a "did you mean"),
//! every value must have the field's type and format (else an error that says
//! how to write it), and every fact keeps the span of its key and value, so a
//! finding points at the YAML line. All problems of a file are reported at
//! once; a profile with an error gives no subject.

use std::sync::Arc;

use super::derive;
use super::scalar::{self, Bad};
use super::yaml::{self, Key, Kind, Node};
use super::{ATTESTATIONS_KEY, Format, KIND, KIND_KEY, SCHEMA, format_of};
use crate::diag::{Diag, did_you_mean, suggestion};
use crate::facts::schema::{Field, Ty, lookup};
use crate::facts::{Attestation, Record, RecordBuilder, Subject, SubjectKind, Value};
use crate::limits::Limits;
use crate::source::{SourceFile, Span};

/// Does this text look like a CA profile? It does when a line at the left
/// margin says `kind: ca-profile`, or starts the `legal_entity:` section.
/// Only the first 64 KiB are looked at.
pub fn looks_like_profile(bytes: &[u8]) -> bool {
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let head = bytes.get(..bytes.len().min(64 * 1024)).unwrap_or(bytes);
    // Line by line, and only a line that starts with one of the two keys is
    // read as text: a certificate's PEM (most inputs) is passed over at the
    // cost of looking at the first bytes of each line.
    head.split(|&b| b == b'\n').any(|mut line| {
        while let Some(rest) = line.strip_prefix(BOM) {
            line = rest;
        }
        if let Some(rest) = line.strip_prefix(b"kind:") {
            let rest = String::from_utf8_lossy(rest);
            let value = rest.split(" #").next().unwrap_or("").trim().trim_matches(['"', '\'']);
            return value == KIND;
        }
        line.strip_prefix(b"legal_entity:").is_some_and(|rest| {
            let rest = String::from_utf8_lossy(rest);
            let rest = rest.trim();
            rest.is_empty() || rest.starts_with('#')
        })
    })
}

/// Read a CA profile, or every error found in it.
pub fn read(file: Arc<SourceFile>, limits: &Limits) -> Result<Subject, Vec<Diag>> {
    if file.text.len() > limits.max_profile_bytes {
        let first_line = file.text.find('\n').unwrap_or(0);
        let d = Diag::error(
            "certlex::profile::too-large",
            format!(
                "the file has {} bytes; a CA profile may have at most {}",
                crate::facts::display(&Value::Int(file.text.len() as i64), crate::i18n::Lang::En),
                crate::facts::display(
                    &Value::Int(i64::try_from(limits.max_profile_bytes).unwrap_or(i64::MAX)),
                    crate::i18n::Lang::En
                ),
            ),
        )
        .in_file(&file)
        .label(Span::new(0, first_line), "this profile was not read")
        .zh_label("未读取此概况")
        .help("a CA profile is a short YAML file about one CA; check that this is the file you meant, or raise the limit with `--max-profile-size BYTES`")
        .zh(
            format!(
                "文件有 {} 字节；电子认证服务机构概况最多 {} 字节",
                file.text.len(),
                limits.max_profile_bytes
            ),
            Some("电子认证服务机构概况是关于一个 CA 的简短 YAML 文件；请检查这是否是您要的文件，或用 `--max-profile-size BYTES` 提高上限"),
        );
        return Err(vec![d]);
    }
    let root = yaml::parse(&file, limits).map_err(|d| vec![d])?;
    let mut r = Reader {
        file: &file,
        diags: Vec::new(),
    };
    let (facts, attestations) = r.root(&root);
    if !r.diags.is_empty() {
        return Err(r.diags);
    }
    Ok(Subject {
        kind: SubjectKind::CaProfile,
        name: file.name.clone(),
        source: Some(file.clone()),
        facts,
        attestations,
    })
}

struct Reader<'a> {
    file: &'a Arc<SourceFile>,
    diags: Vec<Diag>,
}

/// A fact read at `path`, e.g. `delegations[].operation`, for formats and
/// messages (`shown` is how the message names it: `delegations[2].operation`).
#[derive(Clone)]
struct Path {
    schema: String,
    shown: String,
}

impl Path {
    fn root() -> Self {
        Self {
            schema: String::new(),
            shown: String::new(),
        }
    }

    fn field(&self, name: &str) -> Self {
        let join = |p: &str| {
            if p.is_empty() {
                name.to_string()
            } else {
                format!("{p}.{name}")
            }
        };
        Self {
            schema: join(&self.schema),
            shown: join(&self.shown),
        }
    }

    fn element(&self, index: usize) -> Self {
        Self {
            schema: format!("{}[]", self.schema),
            shown: format!("{}[{}]", self.shown, index + 1),
        }
    }

    /// How messages name the place: `` `staff` `` or "a CA profile".
    fn owner(&self) -> String {
        if self.shown.is_empty() {
            "a CA profile".to_string()
        } else {
            format!("`{}`", self.shown)
        }
    }
}

impl Reader<'_> {
    fn error(&mut self, code: &'static str, message: String, span: Span, label: &str, help: String) {
        self.diags.push(
            Diag::error(code, message)
                .in_file(self.file)
                .label(span, label)
                .help(help),
        );
    }

    fn bad(&mut self, bad: Bad, span: Span, label: &str) {
        self.error("certlex::profile::bad-value", bad.message, span, label, bad.help);
    }

    fn root(&mut self, root: &Node) -> (Record, Vec<Attestation>) {
        let entries = match &root.kind {
            Kind::Map(entries) => entries.as_slice(),
            Kind::Null => {
                self.error(
                    "certlex::profile::empty",
                    "the profile is empty".into(),
                    root.span,
                    "nothing here",
                    "start with `kind: ca-profile` and the `legal_entity:` section; see docs/facts/ca-profile.md"
                        .into(),
                );
                &[]
            }
            other => {
                self.error(
                    "certlex::profile::not-a-mapping",
                    format!(
                        "a CA profile is a mapping of keys to values, but this file holds {}",
                        other.describe()
                    ),
                    root.span,
                    "not a mapping",
                    "write `key: value` lines, starting with `kind: ca-profile`".into(),
                );
                &[]
            }
        };
        let mut attestations = Vec::new();
        let mut facts = Vec::new();
        for (key, node) in entries {
            match key.name.as_str() {
                KIND_KEY => self.kind(node),
                ATTESTATIONS_KEY => attestations = self.attestations(node),
                _ => facts.push((key.clone(), node.clone())),
            }
        }
        let record = self.record(SCHEMA, &facts, &Path::root(), Span::point(root.span.start));
        (record, attestations)
    }

    fn kind(&mut self, node: &Node) {
        match &node.kind {
            Kind::Str(s) if s == KIND => {}
            Kind::Str(s) => {
                let help = suggestion(s, [KIND])
                    .unwrap_or_else(|| format!("certlex reads YAML files as CA profiles: write `kind: {KIND}`"));
                self.error(
                    "certlex::profile::kind",
                    format!("`kind: {s}` is not a kind certlex reads from YAML"),
                    node.span,
                    "unknown kind",
                    help,
                );
            }
            other => self.error(
                "certlex::profile::kind",
                format!("`kind` should be `{KIND}`, not {}", other.describe()),
                node.span,
                "not a kind",
                format!("write `kind: {KIND}`"),
            ),
        }
    }

    fn attestations(&mut self, node: &Node) -> Vec<Attestation> {
        let entries = match &node.kind {
            Kind::Map(entries) => entries,
            Kind::Null => return Vec::new(),
            other => {
                self.error(
                    "certlex::profile::bad-type",
                    format!(
                        "`attestations` should be a mapping from rule id to evidence, not {}",
                        other.describe()
                    ),
                    node.span,
                    "not a mapping",
                    "write one line per duty: `ESL-17-2: \"staffing report 2024-03, HR-2024-017\"`".into(),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (key, value) in entries {
            if !is_rule_id(&key.name) {
                self.error(
                    "certlex::profile::attestation-id",
                    format!("`{}` is not a rule id", key.name),
                    key.span,
                    "not a rule id",
                    "rule ids are capitals and digits joined by `-`, e.g. `ESL-17-2`; `certlex rules list` shows them"
                        .into(),
                );
                continue;
            }
            let evidence = match &value.kind {
                Kind::Str(s) if !s.trim().is_empty() => s.trim().to_string(),
                Kind::Int(_) | Kind::Float(_) => self.file.slice(value.span).to_string(),
                _ => {
                    self.error(
                        "certlex::profile::attestation-evidence",
                        format!("the attestation for `{}` names no evidence", key.name),
                        key.span.to(value.span),
                        "no evidence",
                        "write a reference a reviewer can follow: a document number, a report and its date, a file path"
                            .into(),
                    );
                    continue;
                }
            };
            out.push(Attestation {
                rule: key.name.clone(),
                evidence,
                span: Some(key.span.to(value.span)),
            });
        }
        out
    }

    /// A mapping read as a record of `fields`. `anchor` is where the record
    /// was written: facts it does not state point there.
    fn record(&mut self, fields: &'static [Field], entries: &[(Key, Node)], path: &Path, anchor: Span) -> Record {
        let mut got: Vec<Option<(Value, Span)>> = vec![None; fields.len()];
        for (key, node) in entries {
            let Some((index, field)) = lookup(fields, &key.name) else {
                self.unknown_key(fields, key, path);
                continue;
            };
            if field.computed {
                self.error(
                    "certlex::profile::computed",
                    format!(
                        "`{}` is worked out by certlex and cannot be written",
                        path.field(field.name).shown
                    ),
                    key.span,
                    "computed fact",
                    format!("remove this line; certlex computes it: {}", field.doc),
                );
                continue;
            }
            let here = path.field(field.name);
            let value = self.value(&field.ty, node, &here);
            let span = match node.kind {
                Kind::Map(_) | Kind::Seq(_) | Kind::Null => key.span,
                _ => key.span.to(node.span),
            };
            if let Some(slot) = got.get_mut(index) {
                *slot = Some((value, span));
            }
        }
        derive::fill(fields, &mut got, anchor);
        let mut b = RecordBuilder::new(fields);
        for (field, slot) in fields.iter().zip(got) {
            match slot {
                Some((value, span)) => b.set_at(field.name, value, Some(span)),
                None => b.set_at(field.name, Value::Absent, Some(anchor)),
            };
        }
        b.finish()
    }

    fn unknown_key(&mut self, fields: &'static [Field], key: &Key, path: &Path) {
        let names: Vec<&str> = fields.iter().filter(|f| !f.computed).map(|f| f.name).collect();
        let mut candidates = names.clone();
        if path.shown.is_empty() {
            candidates.extend([KIND_KEY, ATTESTATIONS_KEY]);
        }
        let help = did_you_mean(&key.name, candidates.iter().copied())
            .map(|c| format!("did you mean `{c}`?"))
            .or_else(|| elsewhere(&key.name).map(|p| format!("`{}` belongs in `{p}`", key.name)))
            .unwrap_or_else(|| format!("{} has: {}", path.owner(), names.join(", ")));
        let owner = if path.shown.is_empty() {
            "a CA profile".to_string()
        } else {
            format!("`{}`", path.shown)
        };
        self.error(
            "certlex::profile::unknown-key",
            format!("`{}` is not a key of {owner}", key.name),
            key.span,
            "unknown key",
            format!("{help} (the keys are listed in docs/facts/ca-profile.md)"),
        );
    }

    /// The value of a fact of type `ty` at `path`.
    fn value(&mut self, ty: &Ty, node: &Node, path: &Path) -> Value {
        if matches!(node.kind, Kind::Null) {
            return Value::Absent;
        }
        let format = format_of(&path.schema);
        match ty {
            Ty::Str => self.text(node, path, format),
            Ty::Int => self.whole_number(node, path, format),
            Ty::Date => match &node.kind {
                Kind::Str(s) => match scalar::date(s) {
                    Ok(d) => Value::Date(crate::dates::midnight(d)),
                    Err(b) => {
                        self.bad(b, node.span, "not a date");
                        Value::Absent
                    }
                },
                _ => {
                    let text = self.file.slice(node.span).to_string();
                    self.bad(
                        Bad {
                            message: format!("`{}` should be a date, not {}", path.shown, node.kind.describe()),
                            help: format!("write dates as YYYY-MM-DD, e.g. `2029-06-30` (found `{text}`)"),
                        },
                        node.span,
                        "not a date",
                    );
                    Value::Absent
                }
            },
            Ty::Duration => match &node.kind {
                Kind::Str(s) => match scalar::duration(s) {
                    Ok(p) => Value::Period(p),
                    Err(b) => {
                        self.bad(b, node.span, "not a duration");
                        Value::Absent
                    }
                },
                Kind::Int(n) => {
                    self.bad(
                        Bad {
                            message: format!("`{n}` is a number without a unit"),
                            help: format!("give the unit: `{n} days`, `{n} months` or `{n} years`"),
                        },
                        node.span,
                        "no unit",
                    );
                    Value::Absent
                }
                other => {
                    self.type_error(
                        path,
                        "a duration",
                        other,
                        node.span,
                        "write a number and a unit, e.g. `90 days`",
                    );
                    Value::Absent
                }
            },
            Ty::Bool => match node.kind {
                Kind::Bool(b) => Value::Bool(b),
                ref other => {
                    self.type_error(path, "true or false", other, node.span, "write `true` or `false`");
                    Value::Absent
                }
            },
            Ty::List(inner) => match &node.kind {
                Kind::Seq(items) => Value::List(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| self.value(inner, item, &path.element(i)))
                        .filter(|v| !v.is_absent())
                        .collect(),
                ),
                other => {
                    self.type_error(
                        path,
                        "a list",
                        other,
                        node.span,
                        "write each item on its own line starting with `- `, or `[a, b]`",
                    );
                    Value::Absent
                }
            },
            Ty::Record(fields) => match &node.kind {
                Kind::Map(entries) => Value::Record(self.record(fields, entries, path, node.span)),
                other => {
                    let keys: Vec<&str> = fields.iter().filter(|f| !f.computed).map(|f| f.name).collect();
                    self.type_error(
                        path,
                        "a mapping",
                        other,
                        node.span,
                        &format!("write its keys on the lines below, indented: {}", keys.join(", ")),
                    );
                    Value::Absent
                }
            },
        }
    }

    fn type_error(&mut self, path: &Path, want: &str, got: &Kind, span: Span, help: &str) {
        self.error(
            "certlex::profile::bad-type",
            format!("`{}` should be {want}, not {}", path.shown, got.describe()),
            span,
            &format!("not {want}"),
            help.to_string(),
        );
    }

    fn text(&mut self, node: &Node, path: &Path, format: Option<Format>) -> Value {
        let text = match &node.kind {
            Kind::Str(s) => s.clone(),
            // `version: 3.2`, `number: 110000`: the text as written.
            Kind::Int(_) | Kind::Float(_) | Kind::Bool(_) => self.file.slice(node.span).to_string(),
            other => {
                self.type_error(
                    path,
                    "text",
                    other,
                    node.span,
                    "write the text on the same line as the key",
                );
                return Value::Absent;
            }
        };
        match format {
            Some(Format::OneOf(words)) => {
                if words.iter().any(|w| w.word == text) {
                    return Value::str(text);
                }
                let all: Vec<&str> = words.iter().map(|w| w.word).collect();
                let help = suggestion(&text, all.iter().copied()).map_or_else(
                    || format!("write one of: {}", all.join(", ")),
                    |s| format!("{s} (one of: {})", all.join(", ")),
                );
                self.error(
                    "certlex::profile::unknown-word",
                    format!("`{text}` is not a word `{}` takes", path.shown),
                    node.span,
                    "unknown word",
                    help,
                );
                Value::Absent
            }
            Some(Format::Country) => {
                if text.len() == 2 && text.chars().all(|c| c.is_ascii_uppercase()) {
                    return Value::str(text);
                }
                let help = if text.len() == 2 && text.chars().all(|c| c.is_ascii_alphabetic()) {
                    format!("write it in capitals: `{}`", text.to_uppercase())
                } else {
                    "write the ISO 3166 two-letter code, e.g. `CN`, `DE`, `SG`".to_string()
                };
                self.error(
                    "certlex::profile::bad-value",
                    format!("`{text}` is not a two-letter country code"),
                    node.span,
                    "not a country code",
                    help,
                );
                Value::Absent
            }
            Some(Format::Url) => {
                if text.starts_with("https://") || text.starts_with("http://") {
                    return Value::str(text);
                }
                self.error(
                    "certlex::profile::bad-value",
                    format!("`{text}` is not a web address"),
                    node.span,
                    "not a web address",
                    format!(
                        "write the whole address, e.g. `https://{}`",
                        text.trim_start_matches('/')
                    ),
                );
                Value::Absent
            }
            Some(Format::Sha256) => match scalar::sha256(&text) {
                Ok(hex) => Value::str(hex),
                Err(b) => {
                    self.bad(b, node.span, "not a fingerprint");
                    Value::Absent
                }
            },
            Some(Format::Money | Format::Count) | None => Value::str(text),
        }
    }

    fn whole_number(&mut self, node: &Node, path: &Path, format: Option<Format>) -> Value {
        let money = matches!(format, Some(Format::Money));
        let n = match &node.kind {
            Kind::Int(n) => Some(*n),
            Kind::Str(s) => match scalar::digits(s) {
                Some(n) => Some(n),
                None => {
                    self.bad(scalar::not_a_number(s, money), node.span, "not a whole number");
                    None
                }
            },
            Kind::Float(_) => {
                let text = self.file.slice(node.span).to_string();
                self.bad(scalar::not_a_number(&text, money), node.span, "not a whole number");
                None
            }
            other => {
                let example = if money { "70_000_000" } else { "45" };
                self.type_error(
                    path,
                    "a whole number",
                    other,
                    node.span,
                    &format!("write e.g. `{example}`"),
                );
                None
            }
        };
        match n {
            Some(n) if n < 0 => {
                self.error(
                    "certlex::profile::bad-value",
                    format!("`{}` cannot be negative", path.shown),
                    node.span,
                    "negative",
                    "write the amount or count as a whole number of 0 or more".into(),
                );
                Value::Absent
            }
            Some(n) => Value::Int(n),
            None => Value::Absent,
        }
    }
}

/// Where a key that is not at its place belongs: `capital` for `registered_rmb`.
fn elsewhere(name: &str) -> Option<String> {
    fn find(fields: &'static [Field], prefix: &str, name: &str) -> Option<String> {
        for f in fields {
            let path = if prefix.is_empty() {
                f.name.to_string()
            } else {
                format!("{prefix}.{}", f.name)
            };
            let sub = match f.ty {
                Ty::Record(sub) | Ty::List(&Ty::Record(sub)) => sub,
                _ => continue,
            };
            if sub.iter().any(|s| s.name == name && !s.computed) {
                return Some(path);
            }
            if let Some(p) = find(sub, &path, name) {
                return Some(p);
            }
        }
        None
    }
    find(SCHEMA, "", name)
}

/// Rule ids: capitals and digits joined by `-`.
pub fn is_rule_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::looks_like_profile as looks;

    #[test]
    fn a_profile_is_told_by_its_kind_or_its_legal_entity_section() {
        assert!(looks(b"kind: ca-profile\n"));
        assert!(looks(b"# a CA\nkind: \"ca-profile\" # quoted, with a comment\r\n"));
        assert!(looks("\u{feff}kind: 'ca-profile'".as_bytes()));
        assert!(looks(b"name: x\nlegal_entity:\n  name: y\n"));
        assert!(looks(b"legal_entity:   # the company\n"));
        assert!(looks(b"legal_entity:\r\n"));
        assert!(looks(b"\xff\xfe stray bytes\nkind: ca-profile\n"));
    }

    #[test]
    fn other_texts_are_not_profiles() {
        assert!(!looks(
            b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        ));
        assert!(!looks(b"kind: rule-statement\n"));
        assert!(!looks(b"  kind: ca-profile\n"), "not at the left margin");
        assert!(!looks(b"legal_entity: inline\n"));
        assert!(!looks(b"kinds: ca-profile\n"));
        assert!(!looks(b"kind: ca-profile-2\n"));
        assert!(!looks(b"kind: \xffca-profile\n"));
        assert!(!looks(b""));
    }
}
