//! Every certificate of the shared corpus (`../shared/corpus`: the Mozilla
//! root store, SM2 certificates, China's national SM2 hierarchy, zlint's
//! edge cases) is read in one run: no panic, every file gives findings or a
//! located error, and where a MANIFEST states an expected result for a
//! requirement certlex also checks, certlex agrees. Skipped, with a message,
//! when the folder is absent.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use certlex::engine::{Evaluator, Status};
use certlex::input::{Candidate, discover, read};
use certlex::limits::Limits;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    p.is_dir().then_some(p)
}

/// A zlint lint and the certlex rule that enforces the same requirement: a
/// row of `docs/zlint-agreement.md`'s mapping table.
#[derive(Debug)]
struct Mapping {
    lint: String,
    rule: String,
    /// Only zlint's Error/Warn is compared (certlex's rule is stricter, so
    /// zlint's Pass does not mean certlex passes).
    errors_only: bool,
    why: String,
}

/// A difference from zlint explained in `docs/zlint-agreement.md`.
#[derive(Debug)]
struct Difference {
    file: String,
    lint: String,
    certlex: String,
}

/// The cells of a Markdown table row, backticks removed.
fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| {
            let c = c.trim();
            let code = c.strip_prefix('`').and_then(|c| c.strip_suffix('`'));
            code.filter(|c| !c.contains('`')).unwrap_or(c).to_string()
        })
        .collect()
}

/// The rows under the `## {heading}` of the agreement document.
fn table(doc: &str, heading: &str) -> Vec<Vec<String>> {
    doc.split("\n## ")
        .find(|s| s.starts_with(heading))
        .unwrap_or_else(|| panic!("docs/zlint-agreement.md has no `## {heading}`"))
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(cells)
        .collect()
}

fn agreement_doc() -> (Vec<Mapping>, Vec<Difference>) {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/zlint-agreement.md")).unwrap();
    let mappings = table(&doc, "Mappings")
        .into_iter()
        .map(|c| {
            assert_eq!(c.len(), 4, "a mapping row has 4 cells: {c:?}");
            assert!(
                c[2] == "all" || c[2] == "errors",
                "compared is `all` or `errors`: {c:?}"
            );
            Mapping {
                lint: c[0].clone(),
                rule: c[1].clone(),
                errors_only: c[2] == "errors",
                why: c[3].clone(),
            }
        })
        .collect();
    let differences = table(&doc, "Differences")
        .into_iter()
        .map(|c| {
            assert_eq!(c.len(), 5, "a difference row has 5 cells: {c:?}");
            assert!(c[4].contains("RFC"), "a difference cites the RFC: {c:?}");
            Difference {
                file: c[0].clone(),
                lint: c[1].clone(),
                certlex: c[3].clone(),
            }
        })
        .collect();
    (mappings, differences)
}

fn expected(zlint: &str) -> Option<Status> {
    match zlint {
        "Pass" => Some(Status::Pass),
        "Error" | "Warn" | "Notice" => Some(Status::Fail),
        "NA" | "NE" => Some(Status::NotApplicable),
        _ => None,
    }
}

#[test]
fn every_shared_certificate_reads_and_certlex_agrees_with_the_manifests() {
    let Some(dir) = shared() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let rules = certlex::load::builtin().unwrap();
    let date = certlex::dates::parse_date("2026-06-01").unwrap();
    let ev = Evaluator::new(&rules, rules.law.resolve("current", date).unwrap());
    let limits = Limits::default();
    // One run over the whole corpus: pass 1 gathers its CA certificates.
    let gathered = certlex::run::gather(std::slice::from_ref(&dir), &[], &limits);
    assert!(gathered.errors.is_empty());
    let mut statuses: BTreeMap<String, BTreeMap<String, Status>> = BTreeMap::new();
    let mut errors: BTreeMap<String, String> = BTreeMap::new();
    let mut files = 0;
    for c in discover(std::slice::from_ref(&dir)) {
        let c: Candidate = c.unwrap();
        let rel = c.path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
        let got = read(&c, &limits, &gathered.context);
        if got.skipped.is_some() {
            continue;
        }
        files += 1;
        assert!(
            !got.subjects.is_empty() || !got.errors.is_empty(),
            "{rel}: neither findings nor an error"
        );
        for e in &got.errors {
            assert!(
                e.message.contains(&c.path.display().to_string()),
                "{rel}: the error does not name the file: {}",
                e.message
            );
            errors.insert(rel.clone(), e.message.clone());
        }
        for s in &got.subjects {
            let findings = ev.check(s);
            assert!(!findings.is_empty(), "{rel}: no findings");
            let entry = statuses.entry(rel.clone()).or_default();
            for f in findings {
                // For files of many certificates, the worst status per rule.
                let id = rules.rules[f.rule].id.clone();
                let keep = entry
                    .get(&id)
                    .is_none_or(|old| f.status == Status::Fail || *old == Status::Pass);
                if keep {
                    entry.insert(id, f.status);
                }
            }
        }
    }
    assert!(files > 300, "read only {files} files");
    eprintln!(
        "shared corpus: {files} files, {} with errors: {:?}",
        errors.len(),
        errors
    );

    // zlint's expected results, where the requirement is the same.
    let (mappings, differences) = agreement_doc();
    let rules_known: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    for m in &mappings {
        assert!(rules_known.contains(&m.rule.as_str()), "{}: no rule {}", m.lint, m.rule);
    }
    let manifest = std::fs::read_to_string(dir.join("MANIFEST-zlint.tsv")).unwrap();
    let (mut agree, mut explained, mut unexplained) = (0, 0, Vec::new());
    let mut used = vec![false; differences.len()];
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, lint, want) = (cols[0], cols[1], cols[2]);
        let Some(m) = mappings.iter().find(|m| m.lint == lint) else {
            continue;
        };
        let Some(want) = expected(want) else { continue };
        if m.errors_only && want != Status::Fail {
            continue;
        }
        let got = statuses.get(file).and_then(|s| s.get(&m.rule)).copied();
        let got_word = got.map_or("error", Status::word);
        eprintln!(
            "  {lint} -> {} ({}): {file}: zlint {}, certlex {got_word}",
            m.rule,
            m.why,
            want.word(),
        );
        if got == Some(want) {
            agree += 1;
            continue;
        }
        match differences.iter().position(|d| d.file == file && d.lint == lint) {
            Some(i) => {
                assert_eq!(
                    differences[i].certlex, got_word,
                    "{file} ({lint}): the explained difference says certlex gives {}, it gives {got_word}",
                    differences[i].certlex
                );
                used[i] = true;
                explained += 1;
            }
            None => unexplained.push(format!(
                "{file}: zlint {lint} expects {}, certlex {} is {got_word}{}",
                want.word(),
                m.rule,
                errors.get(file).map_or(String::new(), |e| format!(" ({e})"))
            )),
        }
    }
    eprintln!(
        "zlint agreement: {agree} agree, {explained} differ with a reason in docs/zlint-agreement.md, {} unexplained",
        unexplained.len()
    );
    assert!(
        unexplained.is_empty(),
        "differences from zlint not explained in docs/zlint-agreement.md: {unexplained:#?}"
    );
    let stale: Vec<&Difference> = differences
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(d, _)| d)
        .collect();
    assert!(
        stale.is_empty(),
        "explained differences that no longer occur: {stale:#?}"
    );
    assert!(agree >= 40, "only {agree} mapped results agree");

    // China's national SM2 hierarchy: the operating CAs under ROOTCA verify.
    let manifest = std::fs::read_to_string(dir.join("MANIFEST-cn-national-root.tsv")).unwrap();
    let (mut verified, mut unknown) = (0, 0);
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, what) = (cols[0], cols[5]);
        if file.ends_with("nrcac-rootca.pem") {
            continue;
        }
        let got = statuses[file]["ESL-21-6"];
        if what.contains("issuer C=CN,O=NRCAC,CN=ROOTCA") {
            assert_eq!(
                got,
                Status::Pass,
                "{file}: issued by ROOTCA, its signature should verify"
            );
            verified += 1;
        } else {
            assert_eq!(got, Status::Undetermined, "{file}: its issuer is not in the corpus");
            unknown += 1;
        }
    }
    eprintln!("national root: {verified} verified under ROOTCA, {unknown} undetermined (issuer absent)");
    assert_eq!((verified, unknown), (37, 6));
}
