//! Fact schemas: static trees of named, typed, documented fields.

use std::fmt::Write as _;

use crate::i18n::{Lang, Text};

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
    /// The same in Chinese, in the statute's own words where the fact
    /// serves a provision (`电子签名验证数据` for a public key); empty when
    /// not yet written.
    pub zh: &'static str,
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
            zh: "",
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
            zh: "",
            computed: true,
            exists_from: None,
        }
    }

    /// The description in Chinese (see [`Field::zh`]).
    pub const fn zh(mut self, zh: &'static str) -> Self {
        self.zh = zh;
        self
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

    /// How the type is named in the documentation, in `lang`.
    pub fn describe_in(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, _) => self.describe(),
            (Lang::Zh, Ty::Bool) => "真/假".into(),
            (Lang::Zh, Ty::Int) => "数字".into(),
            (Lang::Zh, Ty::Str) => "文字".into(),
            (Lang::Zh, Ty::Date) => "日期".into(),
            (Lang::Zh, Ty::Duration) => "期限".into(),
            (Lang::Zh, Ty::List(inner)) => format!("{}的列表", inner.describe_in(Lang::Zh)),
            (Lang::Zh, Ty::Record(_)) => "一组事实".into(),
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

/// What the documentation of a schema shows beside each fact: the provisions
/// it serves, in words, derived from the rules that read it (the caller
/// derives them: the schema does not know the rules).
pub struct Docs<'a> {
    pub lang: Lang,
    pub served: &'a dyn Fn(&str) -> String,
}

/// The schema as a Markdown table, one row per fact path: the source of
/// `docs/facts/<kind>.md` (English, with the Chinese description beside) and
/// of `certlex schema --lang zh` (Chinese). `title` and `intro` are in
/// Chinese and English.
pub fn markdown(title: Text, intro: Text, fields: &'static [Field], docs: &Docs) -> String {
    let lang = docs.lang;
    let header = match lang {
        Lang::Zh => "| 事实 | 类型 | 含义 | 所服务的条文 |\n|---|---|---|---|\n",
        Lang::En => "| fact | type | meaning | 含义 | provisions served |\n|---|---|---|---|---|\n",
    };
    let mut out = format!(
        "<!-- Generated from the fact schema and the rules that read it by `certlex schema --markdown KIND`; do not edit by hand. -->\n# {}\n\n{}\n\n{header}",
        title.get_or(lang, ""),
        intro.get_or(lang, ""),
    );
    fn rows(out: &mut String, prefix: &str, fields: &'static [Field], docs: &Docs) {
        for f in fields {
            let path = if prefix.is_empty() {
                f.name.to_string()
            } else {
                format!("{prefix}.{}", f.name)
            };
            let cell = |s: &str| s.replace('|', "\\|");
            let served = cell(&(docs.served)(&path));
            let _ = match docs.lang {
                Lang::Zh => writeln!(
                    out,
                    "| `{path}` | {}{} | {} | {served} |",
                    f.ty.describe_in(Lang::Zh),
                    if f.computed { "（推导）" } else { "" },
                    cell(if f.zh.is_empty() { f.doc } else { f.zh })
                ),
                Lang::En => writeln!(
                    out,
                    "| `{path}` | {}{} | {} | {} | {served} |",
                    f.ty.describe(),
                    if f.computed { " (computed)" } else { "" },
                    cell(f.doc),
                    cell(f.zh)
                ),
            };
            match f.ty {
                Ty::Record(sub) => rows(out, &path, sub, docs),
                Ty::List(Ty::Record(sub)) => rows(out, &format!("{path}[]"), sub, docs),
                _ => {}
            }
        }
    }
    rows(&mut out, "", fields, docs);
    out.push_str(match lang {
        Lang::Zh => "\n以 `[]` 结尾的路径指列表中每个元素的事实：用 `every x in …: x.name`、`some x in …: …` 或 `count(x in …: …)` 读取。所服务的条文由读取该事实（或其中事实）的规则所引条文得出。\n",
        Lang::En => "\nA path ending in `[]` names a fact of each element of a list: read it with `every x in …: x.name`, `some x in …: …` or `count(x in …: …)`. The provisions a fact serves are those the rules that read it (or a fact within it) cite.\n",
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fact of every subject kind is described in Chinese too.
    #[test]
    fn every_fact_has_a_chinese_description() {
        fn walk(prefix: &str, fields: &'static [Field], missing: &mut Vec<String>) {
            for f in fields {
                let path = format!("{prefix}{}", f.name);
                if !f.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                    missing.push(path.clone());
                }
                match f.ty {
                    Ty::Record(sub) => walk(&format!("{path}."), sub, missing),
                    Ty::List(Ty::Record(sub)) => walk(&format!("{path}[]."), sub, missing),
                    _ => {}
                }
            }
        }
        let mut missing = Vec::new();
        for kind in crate::facts::SubjectKind::ALL {
            walk(&format!("{}: ", kind.word()), kind.schema(), &mut missing);
        }
        assert!(missing.is_empty(), "facts without a Chinese description: {missing:?}");
    }

    #[test]
    fn chinese_documentation_shows_the_chinese_description_and_the_provisions() {
        let served = |path: &str| {
            if path == "public_key" {
                "《电子签名法》第二十一条第（五）项".to_string()
            } else {
                String::new()
            }
        };
        let docs = Docs {
            lang: Lang::Zh,
            served: &served,
        };
        let md = markdown(
            Text::new(Some("证书的事实".into()), Some("Certificate facts".into())),
            Text::default(),
            crate::facts::SubjectKind::Certificate.schema(),
            &docs,
        );
        assert!(md.contains("# 证书的事实"), "{md}");
        assert!(
            md.lines().any(|l| l.starts_with("| `public_key` | 一组事实 |")
                && l.contains("电子签名验证数据")
                && l.contains("第二十一条第（五）项")),
            "{md}"
        );
    }
}

/// A parameter's type in the compiled rules (`load::compiled`). Parameters
/// hold literals, so only the scalar types occur.
pub mod scalar_ty {
    use serde::{Deserialize, Deserializer, Serialize, Serializer, ser::Error as _};

    use super::Ty;

    #[derive(Serialize, Deserialize)]
    enum Scalar {
        Bool,
        Int,
        Str,
        Date,
        Duration,
    }

    pub fn serialize<S: Serializer>(ty: &Ty, s: S) -> Result<S::Ok, S::Error> {
        let scalar = match ty {
            Ty::Bool => Scalar::Bool,
            Ty::Int => Scalar::Int,
            Ty::Str => Scalar::Str,
            Ty::Date => Scalar::Date,
            Ty::Duration => Scalar::Duration,
            Ty::List(_) | Ty::Record(_) => {
                return Err(S::Error::custom(format!(
                    "a parameter of type {} is not a literal",
                    ty.describe()
                )));
            }
        };
        scalar.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Ty, D::Error> {
        Ok(match Scalar::deserialize(d)? {
            Scalar::Bool => Ty::Bool,
            Scalar::Int => Ty::Int,
            Scalar::Str => Ty::Str,
            Scalar::Date => Ty::Date,
            Scalar::Duration => Ty::Duration,
        })
    }
}
