//! The certificate fixtures of `corpus/certificates/`: a snapshot of the JSON
//! report of each as `check` writes it by default (checked at a fixed date
//! with `--issuers ca/`: the certificate's identity and what needs
//! attention), the status
//! each is expected to give (the tables of its README), and every
//! certificate rule's passing and failing scenario.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::path::Path;
#[path = "support/run.rs"]
mod run;

use run::root;

use serde_json::Value;

const AT: &str = "2026-06-01";

/// Every certificate file of the fixtures, relative to `corpus/certificates`.
fn fixtures() -> Vec<String> {
    let base = root().join("corpus/certificates");
    let mut files: Vec<String> = walkdir::WalkDir::new(&base)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pem" || e == "der"))
        .map(|p| p.strip_prefix(&base).unwrap().to_string_lossy().replace('\\', "/"))
        .filter(|p| !p.starts_with("keys/"))
        .collect();
    files.sort();
    files
}

/// `certlex check --format json` on one fixture: (exit code, stdout). The
/// report lists what needs attention (as by default), or with `all` every
/// finding.
fn check(rel: &str, all: bool) -> (i32, String) {
    let findings = if all { "all" } else { "attention" };
    let out = run::command()
        .args(["check", "--format", "json", "--lang", "en", "--at", AT])
        .args(["--findings", findings])
        .args(["--issuers", "corpus/certificates/ca"])
        .args(["--register", run::TEST_REGISTER])
        .arg(format!("corpus/certificates/{rel}"))
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn every_fixture_report_is_a_snapshot() {
    let files = fixtures();
    assert!(
        files.len() >= 40,
        "expected the fixtures of make.sh, found {}",
        files.len()
    );
    for rel in files {
        let (code, stdout) = check(&rel, false);
        assert!(code == 0 || code == 1, "{rel}: exit code {code}");
        let name = rel.replace('/', "__");
        insta::with_settings!({
            snapshot_path => "../snapshots/certificates",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, stdout);
        });
    }
}

/// The rows of the README's tables: (file, rule or `-`, expected status).
fn table() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(root().join("corpus/certificates/README.md")).unwrap();
    text.lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim().trim_matches('|').split('|').map(str::trim).collect();
            let file = *cells.first()?;
            if cells.len() != 4 || !(file.ends_with(".pem") || file.ends_with(".der")) {
                return None;
            }
            Some((file.to_string(), cells[2].to_string(), cells[3].to_string()))
        })
        .collect()
}

#[test]
fn every_fixture_gives_the_status_its_table_expects() {
    let rows = table();
    let listed: Vec<&str> = rows.iter().map(|(f, _, _)| f.as_str()).collect();
    for f in fixtures() {
        assert!(
            listed.contains(&f.as_str()),
            "{f} is not in corpus/certificates/README.md"
        );
    }
    let adverse = ["fail", "undetermined", "needs-evidence"];
    for (file, rule, expected) in &rows {
        let (_, stdout) = check(file, true);
        let report: Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(
            report["errors"].as_array().unwrap().len(),
            0,
            "{file}: {}",
            report["errors"]
        );
        let got = run::rule_statuses(&report);
        let area = file.split('/').next().unwrap();
        if rule == "-" {
            let bad: Vec<_> = got.iter().filter(|(_, s)| adverse.contains(&s.as_str())).collect();
            assert!(bad.is_empty(), "{file}: expected conformant, got {bad:?}");
            continue;
        }
        assert!(
            got.iter().any(|(r, s)| r == rule && s == expected),
            "{file}: expected {rule} {expected}, got {:?}",
            got.iter().filter(|(r, _)| r == rule).collect::<Vec<_>>()
        );
        let others: Vec<_> = got
            .iter()
            .filter(|(r, s)| {
                r != rule && (s == "fail" || (area != "bad" && area != "real" && adverse.contains(&s.as_str())))
            })
            .collect();
        if area != "real" {
            assert!(others.is_empty(), "{file}: fails more than {rule}: {others:?}");
        }
    }
}

#[test]
fn fixtures_are_listed_by_path_that_exists() {
    for (file, _, _) in table() {
        assert!(
            Path::new(&root().join("corpus/certificates").join(&file)).exists(),
            "{file}"
        );
    }
}
