//! Where the law reaches, measured over Mozilla's root store
//! (`../shared/corpus/trust-store`, 144 roots, Chinese CAs among them).
//! No root blocks because its provider is outside the mainland: ESL 26
//! imposes no duty, so its finding is a notice; and a root blocks at all only
//! for a defect the law reaches. The Chinese roots are checked in full.

#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests may fail loudly"
)]

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn run() -> Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/trust-store");
    let out = Command::new(env!("CARGO_BIN_EXE_certlex"))
        .args(["check", "--format", "json", "--findings", "all", "--at", "2026-06-01"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(0),
        "the trust store blocks (exit {:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn findings<'a>(s: &'a Value, rule: &'a str) -> impl Iterator<Item = &'a Value> {
    s["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(move |f| f["rule"] == rule)
}

#[test]
fn no_root_blocks_for_being_outside_the_mainland_and_chinese_roots_are_checked_in_full() {
    let report = run();
    let subjects = report["subjects"].as_array().unwrap();
    assert_eq!(subjects.len(), 144);
    let blocking: Vec<&str> = subjects
        .iter()
        .filter(|s| s["blocking"].as_u64().unwrap() > 0)
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(blocking.len() <= 5, "blocking roots: {blocking:?}");
    assert_eq!(report["catalogue"]["ESL-26-OUTSIDE-MAINLAND"]["severity"], "notice");
    for s in subjects {
        for f in findings(s, "ESL-26-OUTSIDE-MAINLAND") {
            assert_eq!(f["blocking"], false, "{}", s["name"]);
        }
    }
    for name in ["cfca-ev-root.pem", "gdca-trustauth-r5-root.pem", "vtrus-root-ca.pem"] {
        let s = subjects
            .iter()
            .find(|s| s["name"].as_str().unwrap().ends_with(name))
            .unwrap();
        for rule in ["ESL-21-1", "ESL-21-2", "ESL-21-6", "ESL-22-EXTENSION-DECODES"] {
            let f = findings(s, rule).next().unwrap_or_else(|| panic!("{name}: no {rule}"));
            assert_eq!(f["status"], "pass", "{name}: {rule}");
        }
    }
}
