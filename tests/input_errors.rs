//! Every input error says what to do, under generated damage (proptest):
//! a certificate (PEM or DER), CA profile or rule statement of the corpus,
//! changed by a few random edits (bits flipped, bytes cut, YAML or PEM
//! punctuation inserted, the end cut off), is read as `certlex check`
//! reads it (both passes), and then:
//!
//! - nothing panics;
//! - every error and warning names the file and carries a hint.
//!
//! The same for the lawyers' input: one built-in rule file, damaged the
//! same way (with the rule language's punctuation and words), loaded with
//! the others: every error and warning has a hint, and every syntax error
//! is located in a file.
//!
//! `tests/bad_inputs.rs` and `tests/rules_bad.rs` pin the messages of
//! hand-made bad inputs; this looks for the ones nobody thought of (the
//! server's decoder has the same property in `tests/serve_decoder.rs`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;
use std::sync::{Arc, LazyLock};

use certlex::facts::context::{Origin, RunContext};
use certlex::input::{detect, read_content};
use certlex::limits::Limits;
use certlex::source::SourceFile;
use proptest::prelude::*;

#[path = "support/run.rs"]
mod run;

use run::root;

/// The good inputs of the corpus, by name: every certificate, profile and
/// rule statement (the broken ones have their own suite).
static SEEDS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let mut seeds = Vec::new();
    for dir in ["corpus/certificates", "corpus/ca-profiles", "corpus/rule-statements"] {
        for entry in walkdir::WalkDir::new(root().join(dir)).sort_by_file_name() {
            let entry = entry.unwrap();
            let path = entry.path();
            let wanted = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("pem" | "der" | "crt" | "yaml" | "md" | "txt")
            );
            let broken = path.components().any(|c| c.as_os_str() == "bad");
            if entry.file_type().is_file() && wanted && !broken && !is_readme(path) {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                seeds.push((name, std::fs::read(path).unwrap()));
            }
        }
    }
    seeds
});

fn is_readme(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "README.md")
}

/// One edit, at a position given as a fraction of the length.
#[derive(Debug, Clone)]
enum Edit {
    Flip(f64, u8),
    Cut(f64, usize),
    Insert(f64, &'static [u8]),
    Truncate(f64),
}

fn edit() -> impl Strategy<Value = Edit> {
    edit_with(vec![
        &b"\n"[..],
        b"  ",
        b": ",
        b"- ",
        b"---\n",
        b"\r\n",
        b"&a ",
        b"*a",
        b"!!binary ",
        b"{",
        b"]",
        b"\"",
        b"\0",
        b"\xff",
        "中".as_bytes(),
        b"-----END CERTIFICATE-----\n",
        b"-----BEGIN CERTIFICATE-----\n",
        b"=",
        b"# ",
        b"1e999",
    ])
}

/// Edits of a rule file: its punctuation and words.
fn rule_edit() -> impl Strategy<Value = Edit> {
    edit_with(vec![
        &b"\n"[..],
        b"{",
        b"}",
        b"\"",
        b"\\",
        b"#",
        b"rule X {",
        b"cites ESL 99",
        b"when ",
        b"require ",
        b" and ",
        b" == ",
        b"(",
        b")",
        b"[",
        b",",
        b"2019-13-40",
        b"99999999999999999999",
        "第".as_bytes(),
        b"\t",
    ])
}

fn edit_with(inserts: Vec<&'static [u8]>) -> impl Strategy<Value = Edit> {
    let at = 0.0..1.0f64;
    prop_oneof![
        (at.clone(), 0u8..8).prop_map(|(a, bit)| Edit::Flip(a, bit)),
        (at.clone(), 1usize..60).prop_map(|(a, n)| Edit::Cut(a, n)),
        (at.clone(), prop::sample::select(inserts)).prop_map(|(a, s)| Edit::Insert(a, s)),
        at.prop_map(Edit::Truncate),
    ]
}

/// `original` with every edit applied, in order.
fn damaged(original: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for e in edits {
        apply(&mut bytes, e);
    }
    bytes
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let at = |f: f64| ((bytes.len() as f64) * f) as usize;
    match *edit {
        Edit::Flip(f, bit) => {
            let i = at(f);
            if let Some(b) = bytes.get_mut(i) {
                *b ^= 1 << bit;
            }
        }
        Edit::Cut(f, n) => {
            let i = at(f);
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
        Edit::Insert(f, s) => {
            let i = at(f);
            bytes.splice(i..i, s.iter().copied());
        }
        Edit::Truncate(f) => bytes.truncate(at(f)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_input_error_names_the_file_and_has_a_hint(
        seed in 0..SEEDS.len(),
        edits in prop::collection::vec(edit(), 1..5),
    ) {
        let (name, original) = &SEEDS[seed];
        let bytes = damaged(original, &edits);
        let limits = Limits::default();
        let mut ctx = RunContext::new();
        certlex::run::add_bytes(&mut ctx, &bytes, Origin::Input, &limits);
        let content = detect(&bytes);
        let read = read_content(name, bytes, content, true, &limits, &ctx);
        for d in &read.errors {
            let shown = d.render_plain();
            prop_assert!(shown.contains(name.as_str()), "{name}: names no file: {shown}");
            prop_assert!(d.help.is_some(), "{name}: {} has no hint: {shown}", d.code);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_rule_file_error_is_located_and_has_a_hint(
        seed in 0..RULE_FILES.len(),
        edits in prop::collection::vec(rule_edit(), 1..4),
    ) {
        let mut files = RULE_FILES.clone();
        let file = &files[seed];
        let bytes = damaged(file.text.as_bytes(), &edits);
        let name = file.name.clone();
        files[seed] = SourceFile::new(name, String::from_utf8_lossy(&bytes).into_owned());
        let loaded = certlex::load::load(&files);
        for d in &loaded.diags {
            let shown = d.render_plain();
            // A syntax error is in a file; a few errors are about the set
            // as a whole (no regime `current`) and have no one place.
            if d.code.starts_with("certlex::syntax::") {
                prop_assert!(d.file.is_some(), "{}: not located in a file: {shown}", d.code);
            }
            prop_assert!(d.help.is_some(), "{} has no hint: {shown}", d.code);
        }
    }
}

static RULE_FILES: LazyLock<Vec<Arc<SourceFile>>> = LazyLock::new(certlex::load::embedded_files);

#[test]
fn the_seeds_are_every_kind_of_input() {
    let kinds: std::collections::BTreeSet<String> = SEEDS.iter().map(|(_, b)| format!("{:?}", detect(b))).collect();
    assert!(SEEDS.len() >= 30, "{} seeds", SEEDS.len());
    for kind in ["Pem", "Der", "CaProfile", "RuleStatement"] {
        assert!(kinds.contains(kind), "no {kind} among the seeds: {kinds:?}");
    }
}
