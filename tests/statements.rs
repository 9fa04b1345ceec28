//! Reports on every rule statement of `corpus/rule-statements/`, snapshotted
//! (human, every finding, and JSON) under `snapshots/rule-statements/`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;

use certlex::engine::Evaluator;
use certlex::i18n::Lang;
use certlex::input::{Candidate, read};
use certlex::limits::Limits;
use certlex::report::Format;

#[test]
fn reports_of_the_corpus_statements() {
    let rules = certlex::load::builtin().unwrap();
    let date = certlex::dates::parse_date("2026-01-01").unwrap();
    let ev = Evaluator::new(&rules, rules.law.resolve("current", date).unwrap());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::set_current_dir(root).unwrap();
    let mut files: Vec<_> = std::fs::read_dir("corpus/rule-statements")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(files.len() >= 6);
    for path in files {
        let got = read(
            &Candidate {
                path: path.clone(),
                explicit: true,
            },
            &Limits::default(),
            &certlex::facts::context::RunContext::new(),
        );
        assert!(got.errors.is_empty(), "{}: {:?}", path.display(), got.errors);
        assert_eq!(got.subjects.len(), 1, "{}", path.display());
        let name = path.file_name().unwrap().to_string_lossy().replace('.', "_");
        let human = certlex::report::render(&rules, &ev, &got.subjects, Lang::En, Format::Human);
        let json = certlex::report::render(&rules, &ev, &got.subjects, Lang::En, Format::Json);
        insta::with_settings!({
            snapshot_path => "../snapshots/rule-statements",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{name}.human"), human);
            insta::assert_snapshot!(format!("{name}.json"), json);
        });
    }
}
