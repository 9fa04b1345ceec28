//! Every file in `corpus/rules-bad/` holds a mistake a lawyer editing a rule
//! would make. Loaded with the built-in rules, each must give at least one
//! error in that file, pointing into it; the rendered diagnostics (no colour)
//! are snapshots in `snapshots/rules-bad/`, reviewed like code.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;

use certlex::source::SourceFile;

#[test]
fn every_broken_rule_file_gets_located_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/rules-bad");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rules"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "the issue asks for at least 15 broken rule files");
    for path in names {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let bad = SourceFile::new(format!("corpus/rules-bad/{stem}.rules"), text);
        let mut files = certlex::load::embedded_files();
        files.push(bad.clone());
        let loaded = certlex::load::load(&files);
        assert!(loaded.rules.is_none(), "{stem}: the broken file loaded without error");
        let errors: Vec<_> = loaded.errors().collect();
        assert!(!errors.is_empty(), "{stem}: no error");
        for e in &errors {
            let in_file = e.file.as_ref().is_some_and(|f| f.name == bad.name);
            assert!(
                in_file,
                "{stem}: an error is not located in the broken file: {}",
                e.render_plain()
            );
            assert!(!e.labels.is_empty(), "{stem}: an error has no span: {}", e.message);
            assert!(e.help.is_some(), "{stem}: an error has no help: {}", e.message);
        }
        let rendered: Vec<String> = errors.iter().map(|e| e.render_plain()).collect();
        insta::with_settings!({
            snapshot_path => "../snapshots/rules-bad",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(stem, rendered.join("\n"));
        });
    }
}
