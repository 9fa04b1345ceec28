//! Fact schemas: static trees of named, typed, documented fields.

use std::fmt::Write as _;

/// The type of a fact.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Bool,
    Int,
    Str,
    /// A point in time (a date in rule files; certificates carry seconds).
    Date,
    Duration,
    List(&'static Ty),
    Record(&'static [Field]),
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    /// What the fact is and where it comes from (English).
    pub doc: &'static str,
    /// Worked out by certlex from other facts, never written in the input
    /// (for kinds people write, such as CA profiles in YAML).
    pub computed: bool,
    /// The fact exists only from a date, named here: for a record (or each
    /// record of a list), its own date field (`permit` from `issued`); for
    /// any other fact, a sibling date field (`filing_number` from `filed`).
    /// Judged at an earlier date, the fact does not exist yet
    /// ([`super::as_of`]).
    pub exists_from: Option<&'static str>,
}

impl Field {
    pub const fn new(name: &'static str, ty: Ty, doc: &'static str) -> Self {
        Self {
            name,
            ty,
            doc,
            computed: false,
            exists_from: None,
        }
    }

    /// A fact certlex works out from others; a YAML input may not set it.
    pub const fn computed(name: &'static str, ty: Ty, doc: &'static str) -> Self {
        Self {
            name,
            ty,
            doc,
            computed: true,
            exists_from: None,
        }
    }

    /// The fact exists from the date in `date` (see [`Field::exists_from`]).
    pub const fn exists_from(mut self, date: &'static str) -> Self {
        self.exists_from = Some(date);
        self
    }
}

impl Ty {
    /// How the type is named in messages and documentation.
    pub fn describe(&self) -> String {
        match self {
            Ty::Bool => "true/false".into(),
            Ty::Int => "number".into(),
            Ty::Str => "text".into(),
            Ty::Date => "date".into(),
            Ty::Duration => "duration".into(),
            Ty::List(inner) => format!("list of {}", inner.describe_plural()),
            Ty::Record(_) => "group of facts".into(),
        }
    }

    /// The type with its article, for sentences: "a number", "text", "a date".
    pub fn a(&self) -> String {
        match self {
            Ty::Str => "text".into(),
            Ty::Bool => "a true/false value".into(),
            other => format!("a {}", other.describe()),
        }
    }

    fn describe_plural(&self) -> String {
        match self {
            Ty::Bool => "true/false values".into(),
            Ty::Int => "numbers".into(),
            Ty::Str => "texts".into(),
            Ty::Date => "dates".into(),
            Ty::Duration => "durations".into(),
            Ty::List(inner) => format!("lists of {}", inner.describe_plural()),
            Ty::Record(_) => "groups of facts".into(),
        }
    }

    /// Same type (records are the same when they have the same schema).
    pub fn same(&self, other: &Ty) -> bool {
        match (self, other) {
            (Ty::Bool, Ty::Bool)
            | (Ty::Int, Ty::Int)
            | (Ty::Str, Ty::Str)
            | (Ty::Date, Ty::Date)
            | (Ty::Duration, Ty::Duration) => true,
            (Ty::List(a), Ty::List(b)) => a.same(b),
            (Ty::Record(a), Ty::Record(b)) => std::ptr::eq(*a, *b),
            _ => false,
        }
    }
}

/// The field called `name` and its position.
pub fn lookup(fields: &'static [Field], name: &str) -> Option<(usize, &'static Field)> {
    fields.iter().enumerate().find(|(_, f)| f.name == name)
}

/// The schema as a Markdown table, one row per fact path: the source of
/// `docs/facts/<kind>.md`.
pub fn markdown(title: &str, intro: &str, fields: &'static [Field]) -> String {
    let mut out = format!(
        "<!-- Generated from the fact schema by `certlex schema --markdown KIND`; do not edit by hand. -->\n# {title}\n\n{intro}\n\n| fact | type | meaning |\n|---|---|---|\n"
    );
    fn rows(out: &mut String, prefix: &str, fields: &'static [Field]) {
        for f in fields {
            let path = if prefix.is_empty() {
                f.name.to_string()
            } else {
                format!("{prefix}.{}", f.name)
            };
            let computed = if f.computed { " (computed)" } else { "" };
            let _ = writeln!(
                out,
                "| `{path}` | {}{computed} | {} |",
                f.ty.describe(),
                f.doc.replace('|', "\\|")
            );
            match f.ty {
                Ty::Record(sub) => rows(out, &path, sub),
                Ty::List(Ty::Record(sub)) => rows(out, &format!("{path}[]"), sub),
                _ => {}
            }
        }
    }
    rows(&mut out, "", fields);
    out.push_str(
        "\nA path ending in `[]` names a fact of each element of a list: read it with `every x in …: x.name`, `some x in …: …` or `count(x in …: …)`.\n",
    );
    out
}
