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

/// A zlint lint and the certlex rule that enforces the same requirement.
struct Mapping {
    lint: &'static str,
    rule: &'static str,
    /// Only zlint's Error/Warn is compared (certlex's rule is stricter, so
    /// zlint's Pass does not mean certlex passes).
    errors_only: bool,
    why: &'static str,
}

const MAPPINGS: &[Mapping] = &[
    Mapping {
        lint: "e_serial_number_longer_than_20_octets",
        rule: "ESL-22-SERIAL-LENGTH",
        errors_only: false,
        why: "RFC 5280 4.1.2.2: at most 20 octets",
    },
    Mapping {
        lint: "e_serial_number_not_positive",
        rule: "ESL-21-3",
        errors_only: false,
        why: "RFC 5280 4.1.2.2: a positive integer",
    },
    Mapping {
        lint: "e_wrong_time_format_pre2050",
        rule: "ESL-22-TIME-ENCODING",
        errors_only: false,
        why: "RFC 5280 4.1.2.5: UTCTime through 2049",
    },
    Mapping {
        lint: "e_cert_extensions_version_not_3",
        rule: "ESL-22-VERSION",
        errors_only: false,
        why: "RFC 5280 4.1.2.1: extensions only in version 3",
    },
    Mapping {
        lint: "e_ext_duplicate_extension",
        rule: "ESL-22-DUPLICATE-EXTENSION",
        errors_only: false,
        why: "RFC 5280 4.2: one instance of an extension",
    },
    Mapping {
        lint: "e_cert_sig_alg_not_match_tbs_sig_alg",
        rule: "ESL-22-SIGNATURE-ALGORITHM-MATCH",
        errors_only: false,
        why: "RFC 5280 4.1.1.2: signatureAlgorithm equals TBS signature",
    },
    Mapping {
        lint: "e_ext_key_usage_without_bits",
        rule: "ESL-22-KEY-USAGE-EMPTY",
        errors_only: false,
        why: "RFC 5280 4.2.1.3: at least one bit set",
    },
    Mapping {
        lint: "e_ext_authority_key_identifier_no_key_identifier",
        rule: "ESL-22-AUTHORITY-KEY-ID",
        errors_only: false,
        why: "RFC 5280 4.2.1.1: keyIdentifier in non-self-signed certificates",
    },
    Mapping {
        lint: "e_cert_ext_invalid_der",
        rule: "ESL-22-EXTENSION-DECODES",
        errors_only: true,
        why: "an extension value that does not decode (certlex decodes BER-tolerantly, so zlint's strict-DER pass is not compared)",
    },
    Mapping {
        lint: "e_issuer_field_empty",
        rule: "ESL-21-1",
        errors_only: true,
        why: "an empty issuer names no provider; ESL 21(1) also needs an O, so zlint's pass is not compared",
    },
    Mapping {
        lint: "e_ca_subject_field_empty",
        rule: "ESL-21-2",
        errors_only: true,
        why: "an empty subject names no holder; ESL 21(2) needs CN or O, so zlint's pass is not compared",
    },
    Mapping {
        lint: "e_subject_empty_without_san",
        rule: "ESL-21-2",
        errors_only: true,
        why: "an empty subject names no holder",
    },
];

/// Mapped rows where certlex differs from zlint's expected result, after
/// reading each zlint test: (file, why certlex is right or the difference
/// is one of scope). Empty until a difference is found and justified.
const JUSTIFIED_DIFFERENCES: &[(&str, &str)] = &[(
    "zlint/cert_ext_invalid_der_ko_01.pem",
    "its fault is an explicit `critical FALSE` in the subject alternative name's Extension (DER omits a DEFAULT value); \
     the extension's value decodes, which is what ESL-22-EXTENSION-DECODES checks; certlex has no strict-DER rule",
)];

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
    let gathered = certlex::run::gather(std::slice::from_ref(&dir), &[], &limits, &certlex::run::Quiet);
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
    let manifest = std::fs::read_to_string(dir.join("MANIFEST-zlint.tsv")).unwrap();
    let (mut agree, mut differ, mut unreadable) = (0, Vec::new(), Vec::new());
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (file, lint, want) = (cols[0], cols[1], cols[2]);
        let Some(m) = MAPPINGS.iter().find(|m| m.lint == lint) else {
            continue;
        };
        let Some(want) = expected(want) else { continue };
        if m.errors_only && want != Status::Fail {
            continue;
        }
        let Some(got) = statuses.get(file).and_then(|s| s.get(m.rule)).copied() else {
            unreadable.push(format!(
                "{file} ({lint}): {}",
                errors.get(file).map_or("no finding", String::as_str)
            ));
            continue;
        };
        eprintln!(
            "  {lint} -> {} ({}): {file}: zlint {}, certlex {}",
            m.rule,
            m.why,
            want.word(),
            got.word()
        );
        if got == want {
            agree += 1;
        } else {
            differ.push(format!(
                "{file}: zlint {lint} expects {}, certlex {} is {}",
                want.word(),
                m.rule,
                got.word()
            ));
        }
    }
    eprintln!(
        "zlint agreement: {agree} agree, {} differ, {} unreadable",
        differ.len(),
        unreadable.len()
    );
    for d in &differ {
        eprintln!("  differ: {d}");
    }
    for u in &unreadable {
        eprintln!("  unreadable: {u}");
    }
    let unjustified: Vec<&String> = differ
        .iter()
        .chain(&unreadable)
        .filter(|d| !JUSTIFIED_DIFFERENCES.iter().any(|(f, _)| d.starts_with(f)))
        .collect();
    assert!(
        unjustified.is_empty(),
        "unexplained differences from zlint: {unjustified:#?}"
    );
    assert!(agree >= 10, "only {agree} mapped results agree");

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
