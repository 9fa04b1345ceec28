//! Checks over the whole built-in rule set (after ruff's registry tests):
//! it loads without errors or warnings, every file is formatted and `fmt` is
//! idempotent, ids are well-formed, every rule speaks both languages.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;

use certlex::source::SourceFile;

fn rule_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rules"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_builtin_rules_load_without_errors_or_warnings() {
    let loaded = certlex::load::load(&certlex::load::embedded_files());
    let all: Vec<String> = loaded.diags.iter().map(|d| d.render_plain()).collect();
    assert!(all.is_empty(), "{}", all.join("\n"));
    let rules = loaded.rules.unwrap();
    assert!(!rules.rules.is_empty());
}

#[test]
fn every_rule_file_is_formatted_and_fmt_is_idempotent() {
    for path in rule_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let src = SourceFile::new(path.display().to_string(), text.clone());
        let once =
            certlex::lang::format(&src).unwrap_or_else(|d| panic!("{}: {}", path.display(), d[0].render_plain()));
        let twice = certlex::lang::format(&SourceFile::new("again", once.clone())).unwrap();
        assert_eq!(once, twice, "{}: fmt is not idempotent", path.display());
        assert_eq!(text, once, "{}: not formatted; run `certlex fmt`", path.display());
    }
}

#[test]
fn every_rule_has_both_languages_and_a_citation() {
    let rules = certlex::load::builtin().unwrap();
    for r in &rules.rules {
        assert!(r.title.zh.is_some() && r.title.en.is_some(), "{}", r.id);
        assert!(!r.cites.is_empty(), "{}", r.id);
    }
}

#[test]
fn every_rule_has_a_passing_and_a_failing_scenario_and_every_article_is_covered() {
    let rules = certlex::load::builtin().unwrap();
    let features = Path::new(env!("CARGO_MANIFEST_DIR")).join("features");
    let exercises = certlex::scenario::index::exercises(&[features]).unwrap();
    let refs: Vec<_> = rules.rules.iter().map(certlex::engine::Rule::coverage_ref).collect();
    let cov = certlex::law::coverage::coverage(&rules.law, &refs, &exercises);
    let lacking: Vec<&str> = cov
        .rules
        .iter()
        .filter(|r| !r.is_exercised())
        .map(|r| r.id.as_str())
        .collect();
    assert!(
        lacking.is_empty(),
        "rules without a passing and a failing scenario: {lacking:?}"
    );
    assert!(
        cov.unknown_rules.is_empty(),
        "scenarios name rules that do not exist: {:?}",
        cov.unknown_rules
    );
    assert_eq!(cov.total.uncovered, 0, "in-scope articles no rule cites");
}
