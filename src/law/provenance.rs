//! Where a wording was taken from and how far it can be trusted, per
//! language: `source.zh`/`confidence.zh` for `text.zh`, and the same for
//! English. Given on an instrument as the default for all its wordings and
//! overridden on an article, version, paragraph or item; what holds for each
//! wording is resolved when the rules are loaded.

use crate::i18n::Lang;

/// How far a wording can be trusted (`docs/rule-language.md` defines each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Confidence {
    /// The official wording, as published (full-width punctuation restored at most).
    Exact,
    /// The official wording rebuilt from copies that are not an official one.
    Reconstructed,
    /// Official wording of which a part was not seen; the rest is not guessed.
    Partial,
    /// Our own summary: never `text`, only a note.
    Paraphrase,
    /// A rendering in another language that is not the official text.
    Translation,
}

impl Confidence {
    pub const ALL: [Confidence; 5] = [
        Self::Exact,
        Self::Reconstructed,
        Self::Partial,
        Self::Paraphrase,
        Self::Translation,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Reconstructed => "reconstructed",
            Self::Partial => "partial",
            Self::Paraphrase => "paraphrase",
            Self::Translation => "translation",
        }
    }

    pub fn from_word(w: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.word() == w)
    }
}

/// What holds for the wordings of one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Said {
    pub source: Option<String>,
    pub confidence: Option<Confidence>,
}

/// What holds for a block's wordings, in both languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Provenance {
    pub zh: Said,
    pub en: Said,
}

impl Provenance {
    pub fn get(&self, lang: Lang) -> &Said {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut Said {
        match lang {
            Lang::Zh => &mut self.zh,
            Lang::En => &mut self.en,
        }
    }
}
