//! Generated documentation stays in step with the code that generates it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;

#[test]
fn the_facts_docs_are_generated_from_the_schemas() {
    for kind in certlex::facts::SubjectKind::ALL {
        if kind.schema().is_empty() {
            continue;
        }
        let name = format!("docs/facts/{}.md", kind.word());
        let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&name)).unwrap_or_default();
        let generated = certlex::cli::schema_markdown(kind);
        assert!(
            committed == generated,
            "{name} is out of date with its schema in src/facts/; regenerate it:\n  cargo run -- schema {} > {name}",
            kind.word()
        );
    }
}
