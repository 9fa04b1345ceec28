//! Every file in `corpus/rules-bad/` holds a mistake a lawyer editing a rule
//! would make. Loaded with the built-in rules, each must give at least one
//! error in that file, pointing into it; the rendered diagnostics (no colour)
//! are snapshots in `snapshots/rules-bad/`, reviewed like code. The files of
//! `corpus/rules-warn/` load but get warnings (`snapshots/rules-warn/`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;

use certlex::source::SourceFile;

/// The rule files of a `corpus/` folder, each loaded with the built-in rules:
/// (name without `.rules`, the file, what loading said).
fn load_each(folder: &str) -> Vec<(String, std::sync::Arc<SourceFile>, certlex::load::Loaded)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(folder);
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rules"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let file = SourceFile::new(format!("corpus/{folder}/{stem}.rules"), text);
            let mut files = certlex::load::embedded_files();
            files.push(file.clone());
            let loaded = certlex::load::load(&files);
            (stem, file, loaded)
        })
        .collect()
}

/// The rendered diagnostics, as a reviewed snapshot in `snapshots/<folder>/`.
fn snapshot(folder: &str, stem: &str, diags: &[&certlex::diag::Diag]) {
    let rendered: Vec<String> = diags.iter().map(|d| d.render_plain()).collect();
    insta::with_settings!({
        snapshot_path => format!("../snapshots/{folder}"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(stem.to_string(), rendered.join("\n"));
    });
}

#[test]
fn every_broken_rule_file_gets_located_errors() {
    let all = load_each("rules-bad");
    assert!(all.len() >= 15, "the issue asks for at least 15 broken rule files");
    for (stem, bad, loaded) in &all {
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
        snapshot("rules-bad", stem, &errors);
    }
}

/// Every file in `corpus/rules-warn/` holds an edit that loads but that a
/// lawyer should look at again. Loaded with the built-in rules, each gives at
/// least one warning in that file and no error; the rendered warnings are
/// snapshots in `snapshots/rules-warn/`.
#[test]
fn every_doubtful_rule_file_gets_located_warnings() {
    let all = load_each("rules-warn");
    assert!(!all.is_empty());
    for (stem, doubtful, loaded) in &all {
        let errors: Vec<String> = loaded.errors().map(|d| d.render_plain()).collect();
        assert!(errors.is_empty(), "{stem}: {}", errors.join("\n"));
        let warnings: Vec<_> = loaded
            .diags
            .iter()
            .filter(|d| d.file.as_ref().is_some_and(|f| f.name == doubtful.name))
            .collect();
        assert!(!warnings.is_empty(), "{stem}: no warning");
        for w in &warnings {
            assert!(!w.labels.is_empty(), "{stem}: a warning has no span: {}", w.message);
            assert!(w.help.is_some(), "{stem}: a warning has no help: {}", w.message);
        }
        snapshot("rules-warn", stem, &warnings);
    }
}
