//! Generated documentation stays in step with the code that generates it.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

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

/// The `certlex check` line of the README's "Use in CI" pipeline runs here
/// and writes a valid SARIF file.
#[test]
fn the_readme_ci_step_works() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let ci = readme.split("## Use in CI").nth(1).unwrap();
    let line = ci
        .lines()
        .find_map(|l| l.trim().strip_prefix("run: target/release/certlex "))
        .expect("a `run: target/release/certlex …` step");
    let dir = std::env::temp_dir().join(format!("certlex-readme-ci-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sarif = dir.join("certlex.sarif");
    let args: Vec<String> = line
        .split_whitespace()
        .map(|a| {
            if a == "certlex.sarif" {
                sarif.display().to_string()
            } else {
                a.to_string()
            }
        })
        .collect();
    let o = run::command().args(&args).current_dir(root).output().unwrap();
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every example in `docs/rule-language.md` is a rule file fragment that
/// parses cleanly and is already in `certlex fmt`'s layout, so a lawyer who
/// copies one starts from something that works.
#[test]
fn the_rule_language_examples_parse_and_are_formatted() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rule-language.md")).unwrap();
    let blocks: Vec<&str> = doc.split("```").skip(1).step_by(2).collect();
    assert!(blocks.len() >= 5, "docs/rule-language.md has examples");
    for (i, block) in blocks.iter().enumerate() {
        let text = block.trim_start_matches(|c: char| c != '\n').trim_start_matches('\n');
        let source = certlex::source::SourceFile::new(format!("docs/rule-language.md example {}", i + 1), text);
        match certlex::lang::format(&source) {
            Ok(formatted) => assert!(
                formatted == text,
                "example {} is not in canonical layout:\n{formatted}",
                i + 1
            ),
            Err(e) => panic!(
                "example {} does not parse: {:?}",
                i + 1,
                e.iter().map(ToString::to_string).collect::<Vec<_>>()
            ),
        }
    }
}
