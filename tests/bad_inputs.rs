//! The bad-input suite: every file of `corpus/bad/` (made by its `make.py`)
//! and the huge inputs made here in a temporary folder (never committed).
//!
//! For each input of a run (certificate, CA profile, rule statement): no
//! panic, an error that names the file and, where the input has lines, the
//! line; exit code 2; and the good certificate given in the same run is
//! still checked. For each rule file: located errors, exit code 2, nothing
//! checked. The messages are snapshots in `snapshots/bad/`, and the table of
//! `corpus/bad/README.md` lists them.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

#[path = "support/run.rs"]
mod run;

use run::{certlex_in, root};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use certlex::diag::Diag;
use certlex::limits::Limits;
use certlex::run::Item;
use certlex::source::SourceFile;

const GOOD: &str = "corpus/certificates/real/cfca-ev-root.pem";

/// Errors that concern a whole file, where no line can be named.
const WHOLE_FILE: &[&str] = &[
    "certlex::input::unknown-kind",
    "certlex::input::bad-der",
    "certlex::input::too-large",
    "certlex::input::statement-too-large",
    "certlex::input::too-many-blocks",
];

/// The files of `corpus/bad/` whose names start with one of `prefixes`, relative to the root.
fn bad_files(prefixes: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("corpus/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| prefixes.iter().any(|p| n.starts_with(p)))
        .map(|n| format!("corpus/bad/{n}"))
        .collect();
    names.sort();
    names
}

const INPUT_PREFIXES: &[&str] = &[
    "cert-",
    "pem-",
    "blob-",
    "profile-",
    "statement-",
    "private-key-",
    "tbs-",
    "csr-",
    "crl-",
    "ocsp-",
];

/// What the library makes of one input, read as `certlex check` reads it
/// (both passes): each error rendered without colour, and the subjects read.
fn read(path: &str, cwd: &Path) -> (Vec<(String, String)>, Vec<String>) {
    let mut errors = Vec::new();
    let mut subjects = Vec::new();
    let prefix = format!("{}/", cwd.display());
    let full = cwd.join(path);
    certlex::run::each::<_, ()>(
        &[full],
        &[],
        &Limits::default(),
        &certlex::run::Quiet,
        |_| (),
        |item| {
            match item {
                Item::Error(d) => {
                    let d = relative(d, &prefix);
                    errors.push((d.code.to_string(), d.render_plain()));
                }
                Item::Subject(s, ()) => subjects.push(s.name),
                Item::Skipped { path, why } => panic!("{path} skipped: {why}"),
            }
            Ok(())
        },
    )
    .unwrap();
    (errors, subjects.iter().map(|s| s.replace(&prefix, "")).collect())
}

/// `d` with `prefix` removed from its paths before rendering, so that the
/// text wraps the same wherever the repository is checked out.
fn relative(mut d: Diag, prefix: &str) -> Diag {
    d.message = d.message.replace(prefix, "");
    if let Some(f) = &d.file {
        d.file = Some(SourceFile::new(f.name.replace(prefix, ""), f.text.clone()));
    }
    d.related = d.related.into_iter().map(|r| relative(r, prefix)).collect();
    d
}

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots/bad",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name.to_string(), text);
    });
}

/// The checks every bad input of a run must pass; `shown` is its name in messages.
fn check_input(path: &str, cwd: &Path, shown: &str) {
    let started = Instant::now();
    let o = certlex_in(&["check", path, &root().join(GOOD).display().to_string()], cwd);
    let out = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(!out.contains("panicked"), "{shown}: {out}");
    assert_eq!(o.status.code(), Some(2), "{shown}: {out}");
    assert!(
        out.contains("cfca-ev-root.pem"),
        "{shown}: the good input was not checked: {out}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{shown}: took {:?}",
        started.elapsed()
    );

    let (errors, subjects) = read(path, cwd);
    assert!(!errors.is_empty(), "{shown}: no error");
    for (code, message) in &errors {
        assert!(
            message.contains(path),
            "{shown}: the message does not name the file: {message}"
        );
        let located = message
            .match_indices(&format!("{path}:"))
            .any(|(i, m)| message[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(
            located || WHOLE_FILE.contains(&code.as_str()),
            "{shown}: the message names no line: {message}"
        );
    }
    let mut text: Vec<String> = errors.into_iter().map(|(_, m)| m).collect();
    if !subjects.is_empty() {
        text.push(format!("read nonetheless: {}", subjects.join(", ")));
    }
    snapshot(
        Path::new(shown).file_name().unwrap().to_str().unwrap(),
        &text.join("\n"),
    );
}

#[test]
fn the_readme_lists_every_file() {
    let readme = std::fs::read_to_string(root().join("corpus/bad/README.md")).unwrap();
    for f in bad_files(&[""]) {
        let name = Path::new(&f).file_name().unwrap().to_str().unwrap();
        if name != "README.md" && name != "make.py" {
            assert!(
                readme.contains(&format!("| `{name}` |")),
                "{name} is not in corpus/bad/README.md"
            );
        }
    }
}

#[test]
fn every_bad_input_is_a_located_error_and_the_run_goes_on() {
    let files = bad_files(INPUT_PREFIXES);
    assert!(files.len() >= 50, "{} bad inputs", files.len());
    // Two at a time: each is a run of the binary.
    std::thread::scope(|s| {
        for pair in files.chunks(files.len().div_ceil(2)) {
            s.spawn(move || {
                for f in pair {
                    check_input(f, &root(), f);
                }
            });
        }
    });
}

/// Huge and hostile inputs, made here: not committed.
fn generated() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-inputs");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn good_der() -> Vec<u8> {
    let pem = std::fs::read(root().join(GOOD)).unwrap();
    certlex::input::certificate_ders(&pem, &Limits::default()).remove(0)
}

const OUTLINE: &str =
    "# 1 概括性描述 Introduction\n\n# 2 信息发布与信息管理 Publication\n\n# 3 身份标识与鉴别 Identification\n\n";

#[test]
fn huge_inputs_are_refused_quickly() {
    let dir = generated();
    let started = Instant::now();
    // 100 MB: larger than --max-file-size (a sparse file: nothing is written).
    let f = std::fs::File::create(dir.join("huge-100mb.pem")).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    drop(f);
    // 50 MB of Markdown that starts like a rule statement.
    let mut md = String::from(OUTLINE);
    let para = "本机构依照电子签名法提供电子认证服务。The CA provides certification services.\n\n";
    while md.len() < 50 * 1024 * 1024 {
        md.push_str(para);
    }
    std::fs::write(dir.join("statement-50mb.md"), md).unwrap();
    // 10,001 PEM blocks, one more than --max-pem-blocks.
    let block = "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n";
    std::fs::write(dir.join("pem-10001-blocks.pem"), block.repeat(10_001)).unwrap();
    // A CA profile nested 1,000 levels deep, block style (a megabyte of indentation).
    let mut yaml = String::from("kind: ca-profile\nlegal_entity:\n");
    for d in 0..1000 {
        yaml.push_str(&format!("{}k{d}:\n", " ".repeat(d + 1)));
    }
    yaml.push_str(&format!("{}x\n", " ".repeat(1001)));
    std::fs::write(dir.join("profile-nested-1000.yaml"), yaml).unwrap();
    // A CA profile over --max-profile-size.
    let mut big = String::from("kind: ca-profile\nlegal_entity:\n  name: Test CA\n");
    while big.len() <= 1024 * 1024 {
        big.push_str("# a comment line that makes the profile longer than any real one\n");
    }
    std::fs::write(dir.join("profile-too-large.yaml"), big).unwrap();
    let made = started.elapsed();

    for name in [
        "huge-100mb.pem",
        "statement-50mb.md",
        "pem-10001-blocks.pem",
        "profile-nested-1000.yaml",
        "profile-too-large.yaml",
    ] {
        check_input(name, &dir, &format!("generated/{name}"));
    }
    eprintln!("made in {made:?}, checked in {:?}", started.elapsed() - made);
}

// ---- hostile but readable: bounded time, and never conformant by accident ----

fn der_len(n: usize) -> Vec<u8> {
    if n < 0x80 {
        return vec![n as u8];
    }
    let bytes: Vec<u8> = n.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
    let mut out = vec![0x80 | bytes.len() as u8];
    out.extend(bytes);
    out
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(der_len(content.len()));
    out.extend_from_slice(content);
    out
}

/// The content of a DER element (after its tag and length).
fn content(element: &[u8]) -> &[u8] {
    let head = match element[1] {
        n if n < 0x80 => 2,
        n => 2 + (n & 0x7f) as usize,
    };
    &element[head..]
}

/// The elements of a DER SEQUENCE's content: (tag, whole element).
fn elements(mut content: &[u8]) -> Vec<(u8, Vec<u8>)> {
    let mut out = Vec::new();
    while !content.is_empty() {
        let tag = content[0];
        let (len, head) = match content[1] {
            n if n < 0x80 => (n as usize, 2),
            n => {
                let k = (n & 0x7f) as usize;
                (
                    content[2..2 + k].iter().fold(0usize, |a, &b| a << 8 | b as usize),
                    2 + k,
                )
            }
        };
        out.push((tag, content[..head + len].to_vec()));
        content = &content[head + len..];
    }
    out
}

/// The good certificate with its extensions replaced by 10,000 unknown,
/// non-critical ones (its signature then no longer verifies).
fn certificate_with_10000_extensions() -> Vec<u8> {
    let der = good_der();
    let cert_parts = elements(content(&der));
    let tbs_parts = elements(content(&cert_parts[0].1));
    let mut body: Vec<u8> = tbs_parts
        .iter()
        .filter(|(t, _)| *t != 0xa3)
        .flat_map(|(_, e)| e.clone())
        .collect();
    let mut exts = Vec::new();
    for i in 0u32..10_000 {
        // 1.3.6.1.4.1.99999.i
        let mut oid = vec![0x2b, 6, 1, 4, 1, 0x86, 0x8d, 0x1f];
        let mut arc = vec![(i & 0x7f) as u8];
        let mut n = i >> 7;
        while n > 0 {
            arc.insert(0, 0x80 | (n & 0x7f) as u8);
            n >>= 7;
        }
        oid.extend(arc);
        exts.extend(tlv(0x30, &[tlv(0x06, &oid), tlv(0x04, &[0x05, 0x00])].concat()));
    }
    body.extend(tlv(0xa3, &tlv(0x30, &exts)));
    let rest: Vec<u8> = cert_parts[1..].iter().flat_map(|(_, e)| e.clone()).collect();
    tlv(0x30, &[tlv(0x30, &body), rest].concat())
}

#[test]
fn a_certificate_with_10000_extensions_is_read_in_bounded_time_and_fails() {
    let dir = generated();
    std::fs::write(
        dir.join("cert-10000-extensions.der"),
        certificate_with_10000_extensions(),
    )
    .unwrap();
    let started = Instant::now();
    let o = certlex_in(&["check", "--format", "json", "cert-10000-extensions.der"], &dir);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    // Read, and not conformant: its signature no longer verifies (ESL 21(6)).
    assert_eq!(o.status.code(), Some(1), "{out}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let failed: Vec<&str> = report["subjects"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "fail")
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(failed.contains(&"ESL-21-6"), "{failed:?}");
}

#[test]
fn a_statement_with_100000_headings_is_read_in_bounded_time() {
    let dir = generated();
    let mut md = String::from(OUTLINE);
    for i in 0..100_000 {
        md.push_str(&format!("## 3.{i} heading {i}\n\ntext\n\n"));
    }
    std::fs::write(dir.join("statement-100000-headings.md"), md).unwrap();
    let started = Instant::now();
    let o = certlex_in(&["check", "statement-100000-headings.md"], &dir);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"));
    // Read, and not conformant: parts 4 to 9 of the outline are missing.
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
}

// ---- rule files ------------------------------------------------------------------

#[test]
fn a_rule_file_may_start_with_a_byte_order_mark() {
    let dir = generated().join("bom-rules");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in walkdir::WalkDir::new(root().join("rules")) {
        let entry = entry.unwrap();
        let to = dir.join(entry.path().strip_prefix(root().join("rules")).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            let text = std::fs::read(entry.path()).unwrap();
            std::fs::write(&to, [&b"\xef\xbb\xbf"[..], &text].concat()).unwrap();
        }
    }
    let o = certlex_in(&["--rules", dir.to_str().unwrap(), "rules", "check"], &root());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    // `fmt` lays it out without the mark.
    let o = certlex_in(&["fmt", "--check", dir.to_str().unwrap()], &root());
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stdout));
}

#[test]
fn every_bad_rule_file_stops_the_run_with_a_located_error() {
    let files = bad_files(&["rules-"]);
    assert!(files.len() >= 20, "{} bad rule files", files.len());
    let dir = generated().join("rules");
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
    for f in files {
        let name = Path::new(&f).file_name().unwrap().to_str().unwrap().to_string();
        let copy = dir.join(&name);
        std::fs::copy(root().join(&f), &copy).unwrap();
        let good = root().join(GOOD).display().to_string();
        let o = certlex_in(&["--rules", "rules", "check", &good], &generated());
        std::fs::remove_file(&copy).unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(o.status.code(), Some(2), "{name}: {err}");
        assert!(
            err.contains("nothing was checked") || err.contains("not UTF-8"),
            "{name}: {err}"
        );
        let shown = format!("rules/{name}");
        let located = err
            .match_indices(&format!("{shown}:"))
            .any(|(i, m)| err[i + m.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(located, "{name}: no error names the file and line: {err}");
        snapshot(&name, err.trim_end());
    }
}
