//! The VS Code extension in `editors/vscode/` stays in step with the rule
//! language: its grammar colours every field of `lang::keys` and every block
//! keyword, and its manifest starts `certlex lsp` for `.rules` and `.feature`
//! files. (Node is not needed: the files are read as JSON.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use certlex::lang::ast::BlockKind;
use certlex::lang::keys::KEYS;

/// A TextMate pattern for the `regex` crate, which has no look-ahead: a
/// look-ahead becomes a group (the tests compare the first capture).
fn pattern(g: &serde_json::Value, rule: &str) -> regex::Regex {
    let p = g["repository"][rule]["match"].as_str().unwrap().replace("(?=", "(?:");
    regex::Regex::new(&p).unwrap()
}

fn json(rel: &str) -> serde_json::Value {
    let path = format!("{}/editors/vscode/{rel}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_grammar_colours_every_field_and_block_keyword() {
    let g = json("syntaxes/certlex-rules.tmLanguage.json");
    let fields = pattern(&g, "field");
    for k in KEYS {
        let line = format!("  {} x", k.name);
        let caps = fields
            .captures(&line)
            .unwrap_or_else(|| panic!("the grammar misses field `{}`", k.name));
        assert_eq!(&caps[1], k.name, "`{}` is coloured as `{}`", k.name, &caps[1]);
    }
    let blocks = pattern(&g, "block");
    for b in BlockKind::ALL {
        assert!(
            blocks.is_match(&format!("{} x {{", b.keyword())),
            "block `{}`",
            b.keyword()
        );
    }
    let cite = pattern(&g, "citation");
    for c in [
        "ESL 17(5)",
        "MEASURES-2015 5(3)",
        "RFC-5280 section 4.1.2.2",
        "ESL 23 para 1",
    ] {
        let m = cite.captures(c).unwrap_or_else(|| panic!("{c}"));
        assert_eq!(m.get(0).unwrap().as_str().trim_end(), c);
    }
    let date = pattern(&g, "date");
    assert!(date.is_match("version 2015-04-24 {"));
}

#[test]
fn the_manifest_starts_the_language_server_for_rules_and_features() {
    let p = json("package.json");
    let events: Vec<&str> = p["activationEvents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert!(events.contains(&"onLanguage:certlex-rules") && events.contains(&"workspaceContains:**/*.feature"));
    let exts: Vec<&str> = p["contributes"]["languages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["extensions"].as_array().unwrap())
        .map(|e| e.as_str().unwrap())
        .collect();
    assert_eq!(exts, vec![".rules", ".feature"]);
    assert!(p["dependencies"]["vscode-languageclient"].is_string());
    let js = std::fs::read_to_string(format!("{}/editors/vscode/extension.js", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert!(js.contains("['lsp']"), "the client starts `certlex lsp`");
    let lang = json("language-configuration.json");
    assert_eq!(lang["comments"]["lineComment"], "#");
}
