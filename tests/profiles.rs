//! CA profiles: the corpus in `corpus/ca-profiles/` reads, every broken
//! profile in `corpus/ca-profiles/bad/` gets located diagnostics (their
//! rendering, without colour, is a snapshot in `snapshots/ca-profiles/`),
//! a 10 MB profile is refused, and the generated documentation and JSON
//! Schema are up to date.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::{Path, PathBuf};

#[path = "support/run.rs"]
mod run;

use run::root;

use certlex::facts::SubjectKind;
use certlex::facts::context::RunContext;
use certlex::input::read_bytes_as;
use certlex::limits::Limits;

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots/ca-profiles",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

/// Read a corpus file as the CLI does, named by its path from the repository root.
fn read_corpus(path: &Path) -> certlex::input::Read {
    let name = path.strip_prefix(root()).unwrap().display().to_string();
    read_bytes_as(
        &name,
        std::fs::read(path).unwrap(),
        true,
        &Limits::default(),
        &RunContext::new(),
    )
}

#[test]
fn every_corpus_profile_reads_and_fits_the_schema() {
    let files = yaml_files(&root().join("corpus/ca-profiles"));
    assert!(files.len() >= 8, "the issue asks for at least 8 profiles");
    for path in files {
        let got = read_corpus(&path);
        let errors: Vec<String> = got.errors.iter().map(|d| d.render_plain()).collect();
        assert!(errors.is_empty(), "{}: {}", path.display(), errors.join("\n"));
        let [subject] = got.subjects.as_slice() else {
            panic!("{}: one profile per file", path.display())
        };
        assert_eq!(subject.kind, SubjectKind::CaProfile);
        subject.facts.check(SubjectKind::CaProfile.schema()).unwrap();
    }
}

#[test]
fn every_broken_profile_gets_located_errors() {
    let rules = certlex::load::builtin().unwrap();
    let files = yaml_files(&root().join("corpus/ca-profiles/bad"));
    assert!(files.len() >= 6, "the issue asks for at least 6 broken profiles");
    for path in files {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let got = read_corpus(&path);
        let mut errors = got.errors;
        // Profiles that read are checked against the rules: their attestations.
        for s in &got.subjects {
            errors.extend(certlex::load::check_attestations(s, &rules));
        }
        assert!(errors.iter().any(|d| d.is_error()), "{stem}: no error");
        for e in &errors {
            assert!(e.file.is_some(), "{stem}: an error names no file: {}", e.message);
            assert!(!e.labels.is_empty(), "{stem}: an error has no span: {}", e.message);
            assert!(e.help.is_some(), "{stem}: an error has no help: {}", e.message);
        }
        let rendered: Vec<String> = errors.iter().map(|e| e.render_plain()).collect();
        snapshot(&stem, &rendered.join("\n"));
    }
}

#[test]
fn a_ten_megabyte_profile_is_refused() {
    let mut text = String::from("kind: ca-profile\nlegal_entity:\n  name: 东岳电子认证服务有限公司\n");
    let line = "# padding padding padding padding padding padding padding padding padding padding\n";
    while text.len() < 10 * 1024 * 1024 {
        text.push_str(line);
    }
    let got = read_bytes_as(
        "huge.yaml",
        text.into_bytes(),
        true,
        &Limits::default(),
        &RunContext::new(),
    );
    assert!(got.subjects.is_empty());
    let rendered: Vec<String> = got.errors.iter().map(|e| e.render_plain()).collect();
    assert_eq!(got.errors[0].code, "certlex::profile::too-large");
    snapshot("ten-megabytes", &rendered.join("\n"));
}

#[test]
fn a_deeply_nested_profile_is_refused() {
    let mut text = String::from("kind: ca-profile\nlegal_entity:\n");
    for depth in 1..100 {
        text.push_str(&format!("{}n{depth}:\n", "  ".repeat(depth)));
    }
    let got = read_bytes_as(
        "deep.yaml",
        text.into_bytes(),
        true,
        &Limits::default(),
        &RunContext::new(),
    );
    assert_eq!(
        got.errors[0].code,
        "certlex::profile::too-costly",
        "{}",
        got.errors[0].render_plain()
    );
}

#[test]
fn a_profile_with_a_byte_order_mark_and_crlf_lines_reads() {
    let text = "\u{feff}kind: ca-profile\r\nlegal_entity:\r\n  name: 东岳电子认证服务有限公司\r\ncapital:\r\n  registered_rmb: 70_000_000\r\n";
    let got = read_bytes_as(
        "bom.yaml",
        text.as_bytes().to_vec(),
        true,
        &Limits::default(),
        &RunContext::new(),
    );
    let errors: Vec<String> = got.errors.iter().map(|d| d.render_plain()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(got.subjects.len(), 1);
}

#[test]
fn yaml_that_is_not_a_profile_is_not_taken_for_one() {
    let ci = "name: ci\non:\n  push:\njobs:\n  test:\n    runs-on: ubuntu-latest\n";
    let got = read_bytes_as(
        ".github/ci.yml",
        ci.as_bytes().to_vec(),
        false,
        &Limits::default(),
        &RunContext::new(),
    );
    assert!(got.subjects.is_empty() && got.errors.is_empty() && got.skipped.is_some());
    let got = read_bytes_as(
        "ci.yml",
        ci.as_bytes().to_vec(),
        true,
        &Limits::default(),
        &RunContext::new(),
    );
    assert_eq!(got.errors[0].code, "certlex::input::unknown-kind");
}

#[test]
fn the_documentation_and_json_schema_are_generated_from_the_schema() {
    let md = std::fs::read_to_string(root().join("docs/facts/ca-profile.md")).unwrap();
    assert_eq!(
        md,
        certlex::cli::schema_markdown(certlex::facts::SubjectKind::CaProfile),
        "docs/facts/ca-profile.md is stale: run `certlex schema --markdown ca-profile > docs/facts/ca-profile.md`"
    );
    let json = std::fs::read_to_string(root().join("docs/facts/ca-profile.schema.json")).unwrap();
    let want = serde_json::to_string_pretty(&certlex::facts::profile::json_schema()).unwrap() + "\n";
    assert_eq!(
        json, want,
        "docs/facts/ca-profile.schema.json is stale: run `certlex schema ca-profile > docs/facts/ca-profile.schema.json`"
    );
}

/// The human report (no colour, every finding) of each corpus profile under
/// the law in force and under the 2024 draft, on a fixed date.
#[test]
fn reports_of_the_corpus_profiles() {
    use certlex::engine::Evaluator;
    use certlex::i18n::Lang;
    use certlex::report::Format;

    let rules = certlex::load::builtin().unwrap();
    let date = certlex::dates::parse_date("2025-06-01").unwrap();
    for path in yaml_files(&root().join("corpus/ca-profiles")) {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let got = read_corpus(&path);
        let mut text = String::new();
        for regime in ["current", "draft-2024"] {
            let resolution = rules.law.resolve(regime, date).unwrap();
            let evaluator = Evaluator::new(&rules, resolution);
            let human = certlex::report::render(&rules, &evaluator, &got.subjects, Lang::En, Format::Human);
            text.push_str(&format!(
                "$ certlex check --verbose --at 2025-06-01 --regime {regime} {}\n",
                got.subjects[0].name
            ));
            text.push_str(&human);
            text.push('\n');
        }
        snapshot(&format!("report-{stem}"), &text);
    }
}

/// What the 2024 draft changes for the provincial CA: `certlex diff`, in
/// the human table and as JSON.
#[test]
fn the_diff_of_the_provincial_ca() {
    for (format, name) in [("human", "diff-provincial-ca"), ("json", "diff-provincial-ca-json")] {
        let out = run::command()
            .args([
                "--lang",
                "en",
                "diff",
                "--from",
                "current",
                "--to",
                "draft-2024",
                "--at",
                "2025-06-01",
                "--format",
                format,
                "corpus/ca-profiles/provincial-ca.yaml",
            ])
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        for rule in ["MEASURES-5-CAPITAL", "DRAFT-CH2-TECH-TEAM", "DRAFT-CH3-OUTLETS"] {
            assert!(stdout.contains(rule), "{format}: {rule} missing from\n{stdout}");
        }
        snapshot(name, &stdout);
    }
}
