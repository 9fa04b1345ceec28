//! The one table of what may be written where: block kinds, their heads, and
//! the fields each accepts with the shape of their value. The parser, the
//! formatter and the loader all read it, so a new field is one line here.

use super::ast::BlockKind;

/// The shape of a field's value, which decides how it is parsed and printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Text,
    Date,
    Number,
    Word,
    Range,
    Citations,
    Expr,
    ParamValue,
}

pub struct KeySpec {
    pub name: &'static str,
    pub shape: Shape,
    /// Blocks where the field may appear.
    pub allowed_in: &'static [BlockKind],
    /// May appear more than once in a block.
    pub repeatable: bool,
    /// What it means, shown in help and in `docs/rule-language.md`.
    pub doc: &'static str,
}

use BlockKind::*;

const PROSE_BLOCKS: &[BlockKind] = &[Instrument, Chapter, Parameter, Rule, Regime];
const TEXT_BLOCKS: &[BlockKind] = &[Article, Version, Para, Item];
const ANY: &[BlockKind] = &[
    Instrument, Chapter, Article, Version, Para, Item, Parameter, Rule, Regime,
];
/// Where the provenance of a wording may be given: on the wording's own block,
/// or above it as a default for every wording inside (see `load/guard/provenance.rs`).
const WORDING_BLOCKS: &[BlockKind] = &[Instrument, Article, Version, Para, Item];

const fn key(name: &'static str, shape: Shape, allowed_in: &'static [BlockKind], doc: &'static str) -> KeySpec {
    KeySpec {
        name,
        shape,
        allowed_in,
        repeatable: false,
        doc,
    }
}

const fn many(name: &'static str, shape: Shape, allowed_in: &'static [BlockKind], doc: &'static str) -> KeySpec {
    KeySpec {
        name,
        shape,
        allowed_in,
        repeatable: true,
        doc,
    }
}

pub static KEYS: &[KeySpec] = &[
    key("title.zh", Shape::Text, PROSE_BLOCKS, "name in Chinese"),
    key("title.en", Shape::Text, PROSE_BLOCKS, "name in English"),
    key("short.zh", Shape::Text, &[Instrument], "short name in Chinese"),
    key("short.en", Shape::Text, &[Instrument], "short name in English"),
    key(
        "heading.zh",
        Shape::Text,
        &[Article],
        "our own heading in Chinese (PRC laws have no official article headings)",
    ),
    key("heading.en", Shape::Text, &[Article], "our own heading in English"),
    key("text.zh", Shape::Text, TEXT_BLOCKS, "official Chinese wording"),
    key("text.en", Shape::Text, TEXT_BLOCKS, "English wording"),
    key("note.zh", Shape::Text, ANY, "a remark in Chinese"),
    key("note.en", Shape::Text, ANY, "a remark in English"),
    key(
        "source",
        Shape::Text,
        &[Instrument, Article, Version],
        "where the text was taken from",
    ),
    key(
        "source.zh",
        Shape::Text,
        WORDING_BLOCKS,
        "where the Chinese wording (`text.zh`) was taken from; holds for the blocks inside unless they give their own",
    ),
    key(
        "source.en",
        Shape::Text,
        WORDING_BLOCKS,
        "where the English wording (`text.en`) was taken from; holds for the blocks inside unless they give their own",
    ),
    key(
        "confidence.zh",
        Shape::Word,
        WORDING_BLOCKS,
        "how far the Chinese wording can be trusted: `exact`, `reconstructed`, `partial`, `paraphrase` or `translation`; holds for the blocks inside unless they give their own",
    ),
    key(
        "confidence.en",
        Shape::Word,
        WORDING_BLOCKS,
        "how far the English wording can be trusted: `exact`, `reconstructed`, `partial`, `paraphrase` or `translation`; holds for the blocks inside unless they give their own",
    ),
    key("promulgated", Shape::Date, &[Instrument], "date of promulgation"),
    key("published", Shape::Date, &[Instrument], "date of publication (drafts)"),
    key(
        "comments-until",
        Shape::Date,
        &[Instrument],
        "end of the public comment period (drafts)",
    ),
    key("in-force", Shape::Date, &[Instrument], "date it came into force"),
    many("amended", Shape::Date, &[Instrument], "date of an amendment"),
    key("repealed", Shape::Date, &[Instrument], "date it ceased to be in force"),
    key(
        "status",
        Shape::Word,
        &[Instrument],
        "`in-force`, `draft` or `not-encoded`",
    ),
    many(
        "replaces",
        Shape::Word,
        &[Instrument],
        "an instrument this one takes the place of when adopted",
    ),
    key(
        "article-count",
        Shape::Number,
        &[Instrument],
        "how many articles the instrument has",
    ),
    key(
        "articles",
        Shape::Range,
        &[Chapter],
        "the articles of a chapter, e.g. `13-26`",
    ),
    key(
        "chapter",
        Shape::Number,
        &[Article],
        "the chapter the article belongs to",
    ),
    key(
        "scope-out.zh",
        Shape::Text,
        &[Article],
        "why no rule checks this article (Chinese)",
    ),
    key(
        "scope-out.en",
        Shape::Text,
        &[Article],
        "why no rule checks this article (English)",
    ),
    key(
        "unverified.zh",
        Shape::Text,
        &[Article],
        "why the article's text is not encoded (Chinese)",
    ),
    key(
        "unverified.en",
        Shape::Text,
        &[Article],
        "why the article's text is not encoded (English)",
    ),
    key(
        "cites",
        Shape::Citations,
        &[Rule],
        "the articles, paragraphs and items the rule enforces",
    ),
    key(
        "applies-to",
        Shape::Word,
        &[Rule],
        "`certificate`, `ca-profile` or `rule-statement`",
    ),
    key("severity", Shape::Word, &[Rule], "`error`, `warning` or `notice`"),
    key(
        "judged-at",
        Shape::Word,
        &[Rule],
        "`own-date` (the subject's own date: a certificate's notBefore) or `check-date` (the date of the check)",
    ),
    key("when", Shape::Expr, &[Rule], "the rule applies only when this holds"),
    key("require", Shape::Expr, &[Rule], "what must hold"),
    key(
        "attest.zh",
        Shape::Text,
        &[Rule],
        "the evidence a person must supply (Chinese)",
    ),
    key(
        "attest.en",
        Shape::Text,
        &[Rule],
        "the evidence a person must supply (English)",
    ),
    key(
        "undetermined.zh",
        Shape::Text,
        &[Rule],
        "instead of `require`: why the rule cannot be decided while it is in force, e.g. the law it cites is not encoded (Chinese)",
    ),
    key(
        "undetermined.en",
        Shape::Text,
        &[Rule],
        "instead of `require`: why the rule cannot be decided while it is in force (English)",
    ),
    key(
        "message.zh",
        Shape::Text,
        &[Rule],
        "what is wrong when the rule fails (Chinese)",
    ),
    key(
        "message.en",
        Shape::Text,
        &[Rule],
        "what is wrong when the rule fails (English)",
    ),
    many(
        "value",
        Shape::ParamValue,
        &[Parameter],
        "a value and the provision that sets it",
    ),
    many(
        "adopts",
        Shape::Word,
        &[Regime],
        "a draft instrument treated as in force under this regime",
    ),
];

pub fn key_spec(name: &str) -> Option<&'static KeySpec> {
    KEYS.iter().find(|k| k.name == name)
}

pub fn keys_of(kind: BlockKind) -> impl Iterator<Item = &'static KeySpec> {
    KEYS.iter().filter(move |k| k.allowed_in.contains(&kind))
}

/// The head a block kind takes after its keyword.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadShape {
    Name,
    Number,
    Article,
    Date,
}

impl BlockKind {
    pub const ALL: [BlockKind; 9] = [
        Instrument, Chapter, Article, Version, Para, Item, Parameter, Rule, Regime,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            Instrument => "instrument",
            Chapter => "chapter",
            Article => "article",
            Version => "version",
            Para => "para",
            Item => "item",
            Parameter => "parameter",
            Rule => "rule",
            Regime => "regime",
        }
    }

    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.keyword() == word)
    }

    pub fn head(self) -> HeadShape {
        match self {
            Instrument | Parameter | Rule | Regime => HeadShape::Name,
            Chapter | Para | Item => HeadShape::Number,
            Article => HeadShape::Article,
            Version => HeadShape::Date,
        }
    }

    /// Blocks that may be nested directly inside this one.
    pub fn children(self) -> &'static [BlockKind] {
        match self {
            Instrument => &[Chapter],
            Article => &[Version, Para, Item],
            Version => &[Para, Item],
            Para => &[Item],
            Chapter | Item | Parameter | Rule | Regime => &[],
        }
    }

    pub fn is_top_level(self) -> bool {
        matches!(self, Instrument | Article | Parameter | Rule | Regime)
    }

    /// "a rule", "an article": for messages.
    pub fn with_article(self) -> &'static str {
        match self {
            Instrument => "an instrument",
            Chapter => "a chapter",
            Article => "an article",
            Version => "a version",
            Para => "a paragraph",
            Item => "an item",
            Parameter => "a parameter",
            Rule => "a rule",
            Regime => "a regime",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_are_unique() {
        let mut names: Vec<_> = KEYS.iter().map(|k| k.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }

    #[test]
    fn every_block_kind_round_trips_its_keyword() {
        for k in BlockKind::ALL {
            assert_eq!(BlockKind::from_keyword(k.keyword()), Some(k));
        }
    }
}
