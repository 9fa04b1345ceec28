//! Every wording names where it comes from and how far it can be trusted:
//! `source.zh` and `confidence.zh` for `text.zh`, `source.en` and
//! `confidence.en` for `text.en`. They are written once on the instrument, a
//! default for all its articles, and given again on an article, version,
//! paragraph or item whose wording differs: the nearest block that says
//! decides. A wording with no source or no confidence is an error, and so is
//! a wording marked `paraphrase` (a paraphrase is a note, never text).

use std::collections::HashMap;
use std::sync::Arc;

use super::Blocks;
use crate::diag::{Diag, suggestion};
use crate::i18n::Lang;
use crate::lang::ast::{Block, EntryBody, FieldValue, Head};
use crate::law::{Confidence, Provenance};
use crate::load::reader::{Reader, describe};
use crate::source::{SourceFile, Span};

/// Check every wording of every article against the defaults of its instrument.
pub fn provenance(instruments: &Blocks, articles: &Blocks, diags: &mut Vec<Diag>) {
    let mut defaults: HashMap<&str, Provenance> = HashMap::new();
    for (b, file) in instruments {
        known_words(b, file, diags);
        let Some(id) = b.name() else { continue };
        let p = Reader { block: b, file }.provenance(&Provenance::default());
        defaults.entry(id.node.as_str()).or_insert(p);
    }
    for (b, file) in articles {
        let Head::Article { instrument, .. } = &b.head else {
            continue;
        };
        let Some(around) = defaults.get(instrument.node.as_str()) else {
            continue;
        };
        let mut missing = Missing::default();
        walk(b, &describe(b), around, file, diags, &mut missing);
        missing.report(b, file, diags);
    }
}

/// `confidence.*` takes one of the words of [`Confidence`].
fn known_words(b: &Block, file: &Arc<SourceFile>, diags: &mut Vec<Diag>) {
    for key in ["confidence.zh", "confidence.en"] {
        let Some(FieldValue::Word(w)) = b.field(key).map(|f| &f.value) else {
            continue;
        };
        if Confidence::from_word(&w.node).is_some() {
            continue;
        }
        let words = Confidence::ALL.map(Confidence::word);
        diags.push(
            Diag::error(
                "certlex::rules::unknown-confidence",
                format!("unknown confidence `{}`", w.node),
            )
            .in_file(file)
            .label(w.span, "not a confidence")
            .help(suggestion(&w.node, words).unwrap_or_else(|| {
                format!(
                    "write one of: {} (docs/rule-language.md says what each means)",
                    words.join(", ")
                )
            })),
        );
    }
}

/// The wordings of an article that lack a source or a confidence, per
/// language: where, and whether each has a source and a confidence.
#[derive(Default)]
struct Missing {
    zh: Vec<(Span, bool, bool)>,
    en: Vec<(Span, bool, bool)>,
}

impl Missing {
    fn report(self, article: &Block, file: &Arc<SourceFile>, diags: &mut Vec<Diag>) {
        for (lang, found, language) in [("zh", self.zh, "Chinese"), ("en", self.en, "English")] {
            let Some(&(first, _, _)) = found.first() else { continue };
            let no_source = found.iter().any(|(_, s, _)| !s);
            let no_confidence = found.iter().any(|(_, _, c)| !c);
            let what = match (no_source, no_confidence) {
                (true, true) => format!("no `source.{lang}` and no `confidence.{lang}`"),
                (true, false) => format!("no `source.{lang}`"),
                _ => format!("no `confidence.{lang}`"),
            };
            let mut d = Diag::error(
                "certlex::rules::text-without-provenance",
                format!("the {language} wording of {} has {what}", describe(article)),
            )
            .in_file(file)
            .label(first, format!("where does this `text.{lang}` come from?"));
            for (span, _, _) in found.iter().skip(1) {
                d = d.label(*span, "");
            }
            diags.push(d.help(format!(
                "say once on the instrument where its {language} wording comes from and how far it can be trusted (`source.{lang} \"reference/…\"` and `confidence.{lang} exact`), and override either on an article, version, paragraph or item whose wording differs; confidence is `exact`, `reconstructed`, `partial` or `translation`"
            )));
        }
    }
}

fn walk(
    b: &Block,
    who: &str,
    around: &Provenance,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
    missing: &mut Missing,
) {
    known_words(b, file, diags);
    let here = Reader { block: b, file }.provenance(around);
    for e in &b.entries {
        match &e.body {
            EntryBody::Field(f) => {
                let (lang, code) = match f.key.node {
                    "text.zh" => (Lang::Zh, "zh"),
                    "text.en" => (Lang::En, "en"),
                    _ => continue,
                };
                let said = here.get(lang);
                if said.confidence == Some(Confidence::Paraphrase) {
                    diags.push(
                        Diag::error(
                            "certlex::rules::paraphrase-as-text",
                            format!("`text.{code}` of {who} is marked `paraphrase`"),
                        )
                        .in_file(file)
                        .label(e.span.0, "a paraphrase written as the wording")
                        .help(format!(
                            "`text.*` quotes a wording from its source; write a paraphrase as `note.{code}`, saying that it is one; if this is the wording, give it its own `confidence.{code}` (the `paraphrase` comes from this block or one around it, up to the instrument)"
                        )),
                    );
                } else if said.source.is_none() || said.confidence.is_none() {
                    let list = if lang == Lang::Zh {
                        &mut missing.zh
                    } else {
                        &mut missing.en
                    };
                    list.push((e.span.0, said.source.is_some(), said.confidence.is_some()));
                }
            }
            EntryBody::Block(child) => {
                let who = format!("{who} {}", describe(child));
                walk(child, &who, &here, file, diags, missing);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    fn codes(instrument_fields: &str, article: &str) -> Vec<(&'static str, String)> {
        let law = format!(
            "instrument T {{\n  title.en \"T\"\n  in-force 2020-01-01\n{instrument_fields}}}\n{article}\nregime current {{\n  title.en \"now\"\n}}\n"
        );
        crate::load::load(&[SourceFile::new("t.rules", law)])
            .diags
            .iter()
            .filter(|d| d.is_error())
            .map(|d| (d.code, d.message.clone()))
            .collect()
    }

    const ARTICLE: &str = "article T 1 {\n  text.zh \"第一条\"\n  text.en \"Article 1\"\n}";

    #[test]
    fn the_instrument_gives_the_default_for_every_article() {
        let fields = "  source.zh \"z\"\n  confidence.zh exact\n  source.en \"e\"\n  confidence.en translation\n";
        assert!(codes(fields, ARTICLE).is_empty());
    }

    #[test]
    fn a_wording_without_source_or_confidence_is_an_error_per_language() {
        let e = codes("  source.zh \"z\"\n  confidence.zh exact\n", ARTICLE);
        assert_eq!(
            e,
            vec![(
                "certlex::rules::text-without-provenance",
                "the English wording of article T 1 has no `source.en` and no `confidence.en`".to_string()
            )]
        );
        let e = codes("  source.zh \"z\"\n  source.en \"e\"\n  confidence.en exact\n", ARTICLE);
        assert_eq!(e[0].1, "the Chinese wording of article T 1 has no `confidence.zh`");
    }

    #[test]
    fn an_article_or_item_overrides_the_default() {
        let fields = "  source.zh \"z\"\n  confidence.zh paraphrase\n";
        let article = "article T 1 {\n  confidence.zh reconstructed\n  text.zh \"一\"\n  item 1 {\n    confidence.zh partial\n    text.zh \"二\"\n  }\n}";
        assert!(codes(fields, article).is_empty());
    }

    #[test]
    fn a_paraphrase_is_never_text() {
        let fields = "  source.zh \"z\"\n  confidence.zh paraphrase\n";
        let e = codes(fields, "article T 1 {\n  para 2 {\n    text.zh \"概述\"\n  }\n}");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, "certlex::rules::paraphrase-as-text");
        assert_eq!(e[0].1, "`text.zh` of article T 1 para 2 is marked `paraphrase`");
    }

    #[test]
    fn an_unknown_confidence_is_named() {
        let e = codes("  source.zh \"z\"\n  confidence.zh exakt\n", "");
        assert_eq!(e[0].0, "certlex::rules::unknown-confidence");
    }
}
