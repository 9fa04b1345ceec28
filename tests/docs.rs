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
fn the_certificate_facts_doc_is_generated_from_the_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/facts/certificate.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = certlex::cli::schema_markdown(certlex::facts::SubjectKind::Certificate);
    assert!(
        committed == generated,
        "docs/facts/certificate.md is out of date with the schema in src/facts/certificate/schema.rs; regenerate it:\n  cargo run -- schema certificate > docs/facts/certificate.md"
    );
}
