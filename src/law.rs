//! The law as data: instruments, their chapters and articles (with dated
//! wordings), parameters with a history of values, and regimes. Built from
//! rule files by [`crate::load`]; read by the engine, `explain`, `coverage`
//! and `diff`.

mod citation;
pub mod coverage;
pub mod diff;
mod provenance;
mod resolve;
pub mod text;

use std::collections::BTreeMap;
use std::sync::Arc;

use time::Date;

pub use citation::{Citation, Target, zh_number};
pub use provenance::{Confidence, Provenance, Said};
pub use resolve::Resolution;

use crate::facts::{Ty, Value};
use crate::i18n::Text;
use crate::source::{SourceFile, Span};

/// Where something was defined: for diagnostics and `explain`.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    #[serde(with = "crate::source::by_name")]
    pub file: Arc<SourceFile>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Status {
    InForce,
    Draft,
    /// Known to exist, with its dates, but its text is not encoded: no
    /// articles; rules cite it whole and are undetermined while it is in
    /// force, so the gap blocks instead of reading as conformance.
    NotEncoded,
}

/// What sort of instrument: law binds by itself; a technical standard binds
/// only through a law that refers to it, has sections rather than articles,
/// and is not counted by `coverage` (it is not law to cover).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    /// A statute or administrative regulation (the default).
    #[default]
    Law,
    /// A departmental rule (部门规章), such as the Measures.
    DepartmentalRule,
    /// A technical standard (RFC, GM/T, GB/T): cited by section, never quoted.
    Standard,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Law, Kind::DepartmentalRule, Kind::Standard];

    pub fn word(self) -> &'static str {
        match self {
            Kind::Law => "law",
            Kind::DepartmentalRule => "departmental-rule",
            Kind::Standard => "standard",
        }
    }

    pub fn from_word(w: &str) -> Option<Kind> {
        Self::ALL.into_iter().find(|k| k.word() == w)
    }
}

/// A section of a standard whose title is known: `section "4.1.2.2" {
/// title.en "Serial Number" }`. Only the title: certlex does not quote
/// standards.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Section {
    pub number: String,
    pub title: Text,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Instrument {
    pub id: String,
    pub title: Text,
    pub short: Text,
    pub status: Status,
    pub kind: Kind,
    pub promulgated: Option<Date>,
    pub published: Option<Date>,
    pub comments_until: Option<Date>,
    pub in_force: Option<Date>,
    pub amended: Vec<Date>,
    pub repealed: Option<Date>,
    /// Instruments this one takes the place of while it is adopted.
    pub replaces: Vec<String>,
    pub article_count: Option<u32>,
    pub chapters: Vec<Chapter>,
    pub articles: BTreeMap<u32, Article>,
    /// A standard's sections whose titles are known, in file order.
    pub sections: Vec<Section>,
    pub source: Option<String>,
    /// Where its wordings come from, unless an article says otherwise.
    pub provenance: Provenance,
    pub note: Text,
    pub origin: Origin,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Chapter {
    pub number: u32,
    pub title: Text,
    /// First and last article, where known.
    pub articles: Option<(u32, u32)>,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Article {
    pub instrument: String,
    pub number: u32,
    pub chapter: Option<u32>,
    pub heading: Text,
    /// Wordings in date order; a single undated one for most articles.
    pub versions: Vec<Version>,
    pub scope: Scope,
    pub note: Text,
    pub source: Option<String>,
    pub origin: Origin,
}

/// Whether rules are expected to enforce an article.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Scope {
    /// A duty certlex can check: some rule must cite it.
    InScope,
    /// No duty on a CA that certlex could check; the text says why.
    Out(Text),
    /// The article's text is not available to the project; nothing is encoded.
    Unverified(Text),
}

/// One wording of an article, in force from `from` (or from the instrument's
/// entry into force) until the next version.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Version {
    pub from: Option<Date>,
    pub text: Text,
    pub paras: Vec<Para>,
    pub note: Text,
    /// Where `text` comes from.
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Para {
    pub number: u32,
    pub text: Text,
    pub items: Vec<Item>,
    /// A remark on the paragraph, e.g. a paraphrase where the wording is not available.
    pub note: Text,
    /// Where `text` comes from.
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Item {
    pub number: u32,
    pub text: Text,
    /// A remark on the item, e.g. a paraphrase where the wording is not available.
    pub note: Text,
    /// Where `text` comes from.
    pub provenance: Provenance,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Regime {
    pub name: String,
    pub title: Text,
    /// Draft instruments treated as in force under this regime.
    pub adopts: Vec<String>,
    pub origin: Origin,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Parameter {
    pub name: String,
    pub title: Text,
    #[serde(with = "crate::facts::scalar_ty")]
    pub ty: Ty,
    pub values: Vec<ParamValue>,
    pub origin: Origin,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ParamValue {
    pub value: Value,
    /// The value as written in the rule file (`30_000_000`, `90 days`).
    pub written: String,
    pub cites: Vec<Citation>,
}

#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Law {
    pub instruments: Vec<Instrument>,
    pub regimes: Vec<Regime>,
    pub parameters: Vec<Parameter>,
}

impl Law {
    pub fn instrument(&self, id: &str) -> Option<&Instrument> {
        self.instruments.iter().find(|i| i.id == id)
    }

    pub fn regime(&self, name: &str) -> Option<&Regime> {
        self.regimes.iter().find(|r| r.name == name)
    }

    pub fn parameter(&self, name: &str) -> Option<(usize, &Parameter)> {
        self.parameters.iter().enumerate().find(|(_, p)| p.name == name)
    }

    pub fn article(&self, instrument: &str, number: u32) -> Option<&Article> {
        self.instrument(instrument)?.articles.get(&number)
    }

    /// A citation in words, with its instrument's short name:
    /// `《电子签名法》第十七条第（五）项` / `ESL article 17, item (5)`.
    /// A standard is named without 《》 and apart from its section:
    /// `RFC 5280 第4.1.2.2节` / `RFC 5280 §4.1.2.2`.
    pub fn cite_in_words(&self, c: &Citation, lang: crate::i18n::Lang) -> String {
        let inst = self.instrument(&c.instrument);
        let name = inst.map_or(c.instrument.as_str(), |i| i.short_name(lang));
        let standard = inst.is_some_and(|i| i.kind == Kind::Standard);
        let what = c.describe(lang);
        match lang {
            crate::i18n::Lang::Zh if standard && !what.is_empty() => format!("{name} {what}"),
            crate::i18n::Lang::Zh if standard => name.to_string(),
            crate::i18n::Lang::Zh => format!("《{name}》{what}"),
            crate::i18n::Lang::En if what.is_empty() => name.to_string(),
            crate::i18n::Lang::En => format!("{name} {what}"),
        }
    }

    /// Several citations in words, as a sentence lists them: `A、B` /
    /// `A, B and C`.
    pub fn cites_in_words<'c>(&self, cites: impl IntoIterator<Item = &'c Citation>, lang: crate::i18n::Lang) -> String {
        let words: Vec<String> = cites.into_iter().map(|c| self.cite_in_words(c, lang)).collect();
        match (lang, words.as_slice()) {
            (crate::i18n::Lang::Zh, _) => words.join("、"),
            (crate::i18n::Lang::En, [init @ .., last]) if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            (crate::i18n::Lang::En, _) => words.join(""),
        }
    }
}

impl Instrument {
    /// The chapter an article belongs to: as the article says, else from the
    /// chapters' article ranges.
    pub fn chapter_of(&self, article: &Article) -> Option<u32> {
        article.chapter.or_else(|| {
            self.chapters
                .iter()
                .find(|c| c.articles.is_some_and(|(a, b)| (a..=b).contains(&article.number)))
                .map(|c| c.number)
        })
    }

    /// The title of a section, where the rules declare it.
    pub fn section_title(&self, number: &str, lang: crate::i18n::Lang) -> Option<&str> {
        self.sections.iter().find(|s| s.number == number)?.title.get(lang)
    }

    /// The short name (`ESL`, `电子签名法`) or the id.
    pub fn short_name(&self, lang: crate::i18n::Lang) -> &str {
        self.short.get(lang).unwrap_or(&self.id)
    }
}

impl Article {
    /// The wording in force on `date` (the last version starting on or before it).
    pub fn version_at(&self, date: Date) -> Option<&Version> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.from.is_none_or(|f| f <= date))
            .or_else(|| self.versions.first().filter(|v| v.from.is_none()))
    }

    /// The end of a version's time: the start of the next one.
    pub fn version_until(&self, index: usize) -> Option<Date> {
        self.versions.get(index + 1).and_then(|v| v.from)
    }
}

impl Version {
    pub fn para(&self, n: u32) -> Option<&Para> {
        self.paras.iter().find(|p| p.number == n)
    }

    /// The paragraph an item citation without `para` refers to: the only
    /// paragraph that has items.
    pub fn para_with_items(&self) -> Option<&Para> {
        let mut with = self.paras.iter().filter(|p| !p.items.is_empty());
        let first = with.next();
        if with.next().is_some() { None } else { first }
    }
}

impl Para {
    pub fn item(&self, n: u32) -> Option<&Item> {
        self.items.iter().find(|i| i.number == n)
    }
}
