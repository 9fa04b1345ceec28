//! Helpers shared by the integration tests that run the `certlex` binary.
//! Included with `#[path = "support/run.rs"] mod run;` (a folder under
//! `tests/` is not a test target of its own).

#![allow(dead_code, reason = "each test file uses some of these")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The register file that tells certlex the (fictional) licence of the test
/// CA of corpus/certificates/: give it where a test checks that CA's
/// certificates for conformance, as a CA gives its own.
pub const TEST_REGISTER: &str = "corpus/certificates/register.yaml";

/// The `certlex` binary at the repository root, without colour and in
/// English whatever the environment of the test run says.
pub fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_certlex"));
    c.current_dir(root())
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL");
    c
}

/// Run `certlex ARGS` in `cwd`, without colour and in English.
pub fn certlex_in(args: &[&str], cwd: &Path) -> Output {
    command()
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the certlex binary runs")
}

/// Run `certlex ARGS` at the repository root.
pub fn certlex(args: &[&str]) -> Output {
    certlex_in(args, &root())
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The (rule, status) pairs of every finding of a JSON report, in order.
pub fn rule_statuses(report: &serde_json::Value) -> Vec<(String, String)> {
    let strings = |v: &serde_json::Value| v.as_str().expect("a string").to_string();
    report["subjects"]
        .as_array()
        .expect("a report has subjects")
        .iter()
        .flat_map(|s| s["findings"].as_array().expect("a subject has findings").iter())
        .map(|f| (strings(&f["rule"]), strings(&f["status"])))
        .collect()
}

/// Standard output and error as one line of words, with the frame of
/// wrapped miette messages removed: for "does the output say …" checks.
pub fn all(o: &Output) -> String {
    (stdout(o) + &stderr(o))
        .split_whitespace()
        .filter(|w| *w != "│")
        .collect::<Vec<_>>()
        .join(" ")
}
