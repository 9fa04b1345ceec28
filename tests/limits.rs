//! Limits on inputs and rule files (`limits::Limits`): each is a flag with a
//! sane default, documented in `--help`; going over one is a clear error
//! naming the file (exit code 2), never a hang or a partial read.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use run::{all, certlex_in, root};

use std::path::PathBuf;
use std::process::Output;

use certlex::limits::Limits;
use certlex::source::SourceFile;

/// Run `check` on `input` with a limit, and without it.
fn with_and_without(flag: &[&str], input: &str) -> (Output, Output) {
    let at = ["--at", "2026-06-01"];
    let limited = certlex_in(&[&["check"][..], &at, flag, &[input]].concat(), &root());
    let default = certlex_in(&[&["check"][..], &at, &[input]].concat(), &root());
    (limited, default)
}

#[test]
fn every_limit_is_a_flag_with_its_default_in_help() {
    let help = all(&certlex_in(&["check", "--help"], &root()));
    let d = Limits::default();
    for (flag, default) in [
        ("--max-file-size", d.max_file_bytes.to_string()),
        ("--max-pem-blocks", d.max_pem_blocks.to_string()),
        ("--max-profile-size", d.max_profile_bytes.to_string()),
        ("--max-statement-size", d.max_statement_bytes.to_string()),
        ("--max-yaml-depth", d.max_yaml_depth.to_string()),
        ("--max-yaml-aliases", d.max_yaml_alias_expansion.to_string()),
        ("--max-regex-size", d.max_regex_bytes.to_string()),
    ] {
        let line = help
            .lines()
            .skip_while(|l| !l.contains(flag))
            .take(3)
            .collect::<String>();
        assert!(line.contains(&format!("[default: {default}]")), "{flag}: {line}");
    }
    for command in ["diff", "facts"] {
        let help = all(&certlex_in(&[command, "--help"], &root()));
        assert!(
            help.contains("--max-file-size") && help.contains("--max-yaml-depth"),
            "{command}"
        );
    }
}

#[test]
fn each_limit_refuses_what_exceeds_it_with_exit_2() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--max-file-size", "100"],
            "corpus/certificates/real/cfca-ev-root.pem",
            "larger than the limit of 100 bytes",
        ),
        (
            &["--max-pem-blocks", "2"],
            "corpus/certificates/good/sm2-chain-crlf.pem",
            "more than 2 PEM blocks",
        ),
        (
            &["--max-profile-size", "1000"],
            "corpus/ca-profiles/provincial-ca.yaml",
            "a CA profile may have at most 1,000",
        ),
        (
            &["--max-statement-size", "1000"],
            "corpus/rule-statements/complete-bilingual.md",
            "more than the limit of 1000",
        ),
        (
            &["--max-yaml-depth", "2"],
            "corpus/ca-profiles/provincial-ca.yaml",
            "nests mappings and lists too deeply",
        ),
    ];
    for (flag, input, message) in cases {
        let (limited, default) = with_and_without(flag, input);
        assert_ne!(
            default.status.code(),
            Some(2),
            "{input} fails without {flag:?}: {}",
            all(&default)
        );
        assert_eq!(limited.status.code(), Some(2), "{flag:?}: {}", all(&limited));
        let out = all(&limited);
        assert!(out.contains(message), "{flag:?}: {out}");
        assert!(out.contains(input), "{flag:?}: the file is not named: {out}");
        assert!(
            out.replace(' ', "").contains(flag[0]),
            "{flag:?}: the message does not say how to raise the limit: {out}"
        );
    }
}

#[test]
fn yaml_alias_expansion_is_bounded_by_its_limit() {
    let text = "a: &x [1, 2, 3, 4, 5, 6, 7, 8]\nb: *x\nc: *x\nd: *x\n";
    let file = SourceFile::new("aliases.yaml", text);
    assert!(certlex::facts::profile::yaml::parse(&file, &Limits::default()).is_ok());
    let tight = Limits {
        max_yaml_alias_expansion: 12,
        ..Limits::default()
    };
    let err = certlex::facts::profile::yaml::parse(&file, &tight).unwrap_err();
    assert_eq!(err.code, "certlex::profile::too-costly", "{}", err.render_plain());
    assert!(err.render_plain().contains("aliases.yaml:"), "{}", err.render_plain());
}

#[test]
fn the_regex_size_limit_applies_to_patterns_in_rules() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("limits-regex-rules");
    let _ = std::fs::remove_dir_all(&dir);
    for entry in walkdir::WalkDir::new(root().join("rules")) {
        let entry = entry.unwrap();
        let to = dir.join(entry.path().strip_prefix(root().join("rules")).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    std::fs::write(
        dir.join("pattern.rules"),
        r#"rule TEST-PATTERN {
  cites ESL 21(1)
  title.en "The issuer's organization is a name"
  title.zh "颁发者组织名称是名称"
  applies-to certificate
  severity notice
  require issuer.organization matches "^[A-Z][A-Za-z .,()-]{1,100}$"
  message.en "the issuer's organization is not a name"
  message.zh "颁发者组织名称不是名称"
}
"#,
    )
    .unwrap();
    let rules = dir.to_str().unwrap();
    let o = certlex_in(&["--rules", rules, "rules", "check"], &root());
    assert_eq!(o.status.code(), Some(0), "{}", all(&o));
    let o = certlex_in(
        &["--rules", rules, "--max-regex-size", "200", "rules", "check"],
        &root(),
    );
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
    let out = all(&o);
    assert!(
        out.contains("this pattern compiles to more than the limit of 200 bytes"),
        "{out}"
    );
    assert!(out.contains("pattern.rules:7:"), "{out}");
    assert!(out.contains("--max-regex-size"), "{out}");
    let good = "corpus/certificates/real/cfca-ev-root.pem";
    let o = certlex_in(&["--rules", rules, "check", "--max-regex-size", "200", good], &root());
    assert_eq!(o.status.code(), Some(2), "{}", all(&o));
}
