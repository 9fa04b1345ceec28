//! The binary carries its built-in rules and register compiled by its build
//! script (`build.rs`, `certlex::compiled`). These are the same bytes: they
//! must read back as exactly what the loader makes of this tree's sources.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use certlex::load::{compiled, embedded_files, load};

const RULES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/rules.postcard"));
const REGISTER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/register.postcard"));

#[test]
fn the_compiled_rules_are_the_rules_of_the_sources() {
    let files = embedded_files();
    let loaded = load(&files);
    assert!(loaded.diags.is_empty(), "{:?}", loaded.diags);
    let fresh = loaded.rules.unwrap();
    let carried = compiled::from_bytes(RULES, &files).unwrap();
    // Debug shows every field of every rule, article, regime and parameter.
    assert_eq!(format!("{carried:?}"), format!("{fresh:?}"));
    assert_eq!(certlex::compiled::to_bytes(&fresh).unwrap(), RULES);
}

#[test]
fn the_compiled_register_is_the_register_of_its_source() {
    use certlex::facts::register::{Link, Register};
    let fresh = Register::read_builtin().unwrap();
    let carried: Register = certlex::compiled::from_bytes(REGISTER).unwrap();
    assert_eq!(carried.sources, fresh.sources);
    assert_eq!(carried.providers, fresh.providers);
    // Its index by fingerprint (a hash map, so not compared by Debug).
    for p in &fresh.providers {
        for c in &p.certificates {
            let link = Link {
                sha256: &c.sha256,
                not_before: 0,
            };
            let found = carried.identify(&[link]).map(|i| &i.provider.id);
            assert_eq!(found, Some(&p.id), "{}", c.subject);
        }
    }
}

/// A run with the built-in rules and the same run with `--rules rules`
/// (parsed and checked from the files) report the same.
#[test]
fn a_run_on_the_compiled_rules_reports_as_one_on_the_rule_files() {
    let bin = env!("CARGO_BIN_EXE_certlex");
    let run = |extra: &[&str]| {
        let out = std::process::Command::new(bin)
            .args(extra)
            .args(["check", "--format", "json", "--findings", "all", "--at", "2026-06-01"])
            .args([
                "--issuers",
                "corpus/certificates/ca",
                "corpus/certificates",
                "corpus/ca-profiles",
            ])
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap(), out.stderr)
    };
    let (code, builtin, said) = run(&[]);
    let (code_files, files, said_files) = run(&["--rules", "rules"]);
    assert_eq!(code, code_files);
    assert_eq!(String::from_utf8_lossy(&said), String::from_utf8_lossy(&said_files));
    assert!(builtin.len() > 10_000, "{builtin}");
    assert_eq!(builtin, files);
}
