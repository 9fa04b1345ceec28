//! An article marked `unverified` has no text available to the project, so it
//! carries no heading, wording or items of its own: only notes, which say what
//! is known about it. A heading or a wording there would be invented.

use std::sync::Arc;

use super::Blocks;
use crate::diag::Diag;
use crate::lang::ast::{Block, BlockKind, EntryBody};
use crate::load::reader::{Reader, describe};
use crate::source::{SourceFile, Span};

pub fn unverified(articles: &Blocks, diags: &mut Vec<Diag>) {
    for (b, file) in articles {
        let Some(marker) = b.field("unverified.en").or_else(|| b.field("unverified.zh")) else {
            continue;
        };
        let mut found = Vec::new();
        content(b, file, &mut found);
        let Some(&(first, first_kind)) = found.first() else {
            continue;
        };
        let mut kinds: Vec<&str> = Vec::new();
        for (_, what) in &found {
            if !kinds.contains(what) {
                kinds.push(what);
            }
        }
        let mut d = Diag::error(
            "certlex::rules::unverified-with-content",
            format!("{} is unverified but has {}", describe(b), list(&kinds)),
        )
        .in_file(file)
        .label(first, format!("{first_kind} of an article whose text is not available"));
        for (span, what) in found.iter().skip(1) {
            d = d.label(*span, *what);
        }
        diags.push(
            d.label(marker.key.span, "its text is not available")
                .help("an article whose text is not available has no heading or wording of its own: remove them, and say what is known in `note.zh`/`note.en`; if the text has been found, remove `unverified.*` and give the wording with its source and confidence"),
        );
    }
}

/// "a heading", "a heading and a wording", "a heading, a wording and an item".
fn list(kinds: &[&str]) -> String {
    match kinds {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Headings, wordings (`text.*` at any depth) and items of an article.
fn content(b: &Block, file: &Arc<SourceFile>, out: &mut Vec<(Span, &'static str)>) {
    for e in &b.entries {
        match &e.body {
            EntryBody::Field(f) if f.key.node.starts_with("heading.") => out.push((e.span.0, "a heading")),
            EntryBody::Field(f) if f.key.node.starts_with("text.") => out.push((e.span.0, "a wording")),
            EntryBody::Field(_) => {}
            EntryBody::Block(child) if child.kind.node == BlockKind::Item => {
                out.push((Reader { block: child, file }.head_span(), "an item"));
            }
            EntryBody::Block(child) => content(child, file, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    fn errors(article: &str) -> Vec<String> {
        let law = format!(
            "instrument T {{\n  title.en \"T\"\n  in-force 2020-01-01\n  source.en \"a test\"\n  confidence.en exact\n}}\n{article}\nregime current {{\n  title.en \"now\"\n}}\n"
        );
        crate::load::load(&[SourceFile::new("t.rules", law)])
            .diags
            .iter()
            .filter(|d| d.code == "certlex::rules::unverified-with-content")
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn a_heading_wording_or_item_beside_unverified_is_an_error() {
        let e = errors(
            "article T 1 {\n  heading.en \"made up\"\n  unverified.en \"not available\"\n  para 2 {\n    text.en \"made up\"\n    item 1 {\n      note.en \"x\"\n    }\n  }\n}",
        );
        assert_eq!(
            e,
            vec!["article T 1 is unverified but has a heading, a wording and an item".to_string()]
        );
    }

    #[test]
    fn notes_and_a_chapter_are_allowed() {
        assert!(
            errors("article T 1 {\n  chapter 1\n  unverified.en \"not available\"\n  note.en \"what is known\"\n}")
                .is_empty()
        );
    }
}
