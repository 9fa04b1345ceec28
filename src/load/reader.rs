//! Reading the fields of a block: typed getters, and the checks every block
//! shares (a field given twice, a required field missing).

use std::sync::Arc;

use time::Date;

use crate::diag::Diag;
use crate::i18n::Text;
use crate::lang::ast::{Block, Field, FieldValue, Head};
use crate::lang::keys::keys_of;
use crate::law::{Confidence, Provenance};
use crate::source::{SourceFile, Span, Spanned};

pub struct Reader<'a> {
    pub block: &'a Block,
    pub file: &'a Arc<SourceFile>,
}

impl<'a> Reader<'a> {
    /// Start reading a block; reports fields given more than once.
    pub fn new(block: &'a Block, file: &'a Arc<SourceFile>, diags: &mut Vec<Diag>) -> Self {
        for spec in keys_of(block.kind.node).filter(|k| !k.repeatable) {
            let mut fields = block.fields(spec.name);
            if let (Some(first), Some(second)) = (fields.next(), fields.next()) {
                diags.push(
                    Diag::error(
                        "certlex::rules::duplicate-field",
                        format!("`{}` is given twice", spec.name),
                    )
                    .in_file(file)
                    .label(second.key.span, "given again here")
                    .label(first.key.span, "first given here")
                    .help(format!("keep one `{}` line", spec.name)),
                );
            }
        }
        Self { block, file }
    }

    /// The span that names the block: its keyword and head.
    pub fn head_span(&self) -> Span {
        let end = match &self.block.head {
            Head::Name(n) => n.span.end,
            Head::Number(n) => n.span.end,
            Head::Article { number, .. } => number.span.end,
            Head::Date(d) => d.span.end,
        };
        Span::new(self.block.kind.span.start, end)
    }

    pub fn field(&self, key: &str) -> Option<&'a Field> {
        self.block.field(key)
    }

    pub fn text(&self, key: &str) -> Option<&'a Spanned<String>> {
        match &self.field(key)?.value {
            FieldValue::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn string(&self, key: &str) -> Option<String> {
        self.text(key).map(|s| s.node.clone())
    }

    /// `base.zh` and `base.en` as one text.
    pub fn bilingual(&self, base: &str) -> Text {
        Text::new(self.string(&format!("{base}.zh")), self.string(&format!("{base}.en")))
    }

    pub fn date(&self, key: &str) -> Option<Date> {
        match &self.field(key)?.value {
            FieldValue::Date(d) => Some(d.node),
            _ => None,
        }
    }

    pub fn dates(&self, key: &str) -> Vec<Date> {
        self.block
            .fields(key)
            .filter_map(|f| match &f.value {
                FieldValue::Date(d) => Some(d.node),
                _ => None,
            })
            .collect()
    }

    pub fn number(&self, key: &str) -> Option<&'a Spanned<i64>> {
        match &self.field(key)?.value {
            FieldValue::Number(n) => Some(n),
            _ => None,
        }
    }

    pub fn word(&self, key: &str) -> Option<&'a Spanned<String>> {
        match &self.field(key)?.value {
            FieldValue::Word(w) => Some(w),
            _ => None,
        }
    }

    pub fn words(&self, key: &str) -> Vec<&'a Spanned<String>> {
        self.block
            .fields(key)
            .filter_map(|f| match &f.value {
                FieldValue::Word(w) => Some(w),
                _ => None,
            })
            .collect()
    }

    /// What holds for the wordings inside this block: its own `source.*` and
    /// `confidence.*` over `around` (an unknown confidence word counts as
    /// none; `guard::provenance` reports it).
    pub fn provenance(&self, around: &Provenance) -> Provenance {
        let mut out = around.clone();
        for lang in [crate::i18n::Lang::Zh, crate::i18n::Lang::En] {
            let code = lang.pick("zh", "en");
            let said = out.get_mut(lang);
            if let Some(s) = self.string(&format!("source.{code}")) {
                said.source = Some(s);
            }
            if let Some(w) = self.word(&format!("confidence.{code}")) {
                said.confidence = Confidence::from_word(&w.node);
            }
        }
        out
    }

    /// Report a missing field, pointing at the block's head.
    pub fn missing(&self, diags: &mut Vec<Diag>, what: &str, help: impl Into<String>) {
        diags.push(
            Diag::error(
                "certlex::rules::missing-field",
                format!("{} has no `{what}`", describe(self.block)),
            )
            .in_file(self.file)
            .label(self.head_span(), format!("`{what}` is missing here"))
            .help(help),
        );
    }

    /// Require `base.zh` and `base.en` both.
    pub fn require_bilingual(&self, diags: &mut Vec<Diag>, base: &str, example: &str) -> Text {
        let t = self.bilingual(base);
        for (lang, value) in [("zh", &t.zh), ("en", &t.en)] {
            if value.is_none() {
                self.missing(
                    diags,
                    &format!("{base}.{lang}"),
                    format!("add `{base}.{lang} \"{example}\"`: every rule speaks Chinese and English"),
                );
            }
        }
        t
    }
}

/// "rule `ESL-21-1`", "article ESL 21".
pub fn describe(b: &Block) -> String {
    match &b.head {
        Head::Name(n) => format!("{} `{}`", b.kind.keyword(), n.node),
        Head::Number(n) => format!("{} {}", b.kind.keyword(), n.node),
        Head::Article { instrument, number } => format!("article {} {}", instrument.node, number.node),
        Head::Date(d) => format!("version {}", d.node),
    }
}
