//! `certlex check --format jsonl -` over a long stream on standard input:
//! certificates generated on the fly (fixtures repeated), JSON Lines out as
//! they come, in constant memory (peak RSS read from /proc, Linux only).
//!
//! The default test pipes 8,000 PEM and 5,000 DER certificates through the
//! debug binary: a debug build checks only a few hundred certificates a
//! second. The PEM (28 MB) passes through the run's window
//! ([`certlex::run::WINDOW_BYTES`] of text) more than three times, and the
//! DER overflows its [`certlex::run::WINDOW_FILES`] pieces, so the bound is
//! met in the steady state, not only while the window fills. The
//! long one (`#[ignore]`, run by `.ci/run`) pipes 200,000 PEM certificates
//! and 50,000 DER ones through the binary named by `CERTLEX_BIN` (CI builds
//! it in release).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests"
)]

#[path = "support/run.rs"]
mod run;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use run::root;

/// Peak RSS the stream may reach, in kB.
const PEAK_KB: u64 = 64 * 1024;

fn fixture(rel: &str) -> Vec<u8> {
    std::fs::read(root().join("corpus/certificates").join(rel)).unwrap()
}

/// The fixtures the stream repeats: RSA, ECDSA and SM2, signing and encryption.
fn fixtures() -> Vec<Vec<u8>> {
    [
        "good/rsa-ee.pem",
        "good/ecdsa-ee.pem",
        "good/sm2-sign.pem",
        "good/sm2-enc.pem",
    ]
    .iter()
    .map(|f| fixture(f))
    .collect()
}

fn der_of(pem: &[u8]) -> Vec<u8> {
    certlex::input::certificate_ders(pem, &certlex::limits::Limits::default())
        .into_iter()
        .next()
        .unwrap()
}

/// This process's child's peak RSS so far, in kB (`None` off Linux or once it is gone).
fn peak_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Pipe `count` certificates made by `item(i)` through `certlex`, reading the
/// JSON Lines as they come; returns (lines per subject, peak RSS in kB).
fn pipe(bin: &str, count: usize, item: impl Fn(usize) -> Vec<u8> + Send + 'static) -> (Vec<String>, Option<u64>) {
    let mut child = Command::new(bin)
        .args(["check", "--format", "jsonl", "--at", "2026-06-01", "-"])
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the certlex binary runs");
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let mut buf = Vec::with_capacity(1 << 20);
        for i in 0..count {
            buf.extend(item(i));
            if buf.len() > 1 << 20 {
                stdin.write_all(&buf).unwrap();
                buf.clear();
            }
        }
        stdin.write_all(&buf).unwrap();
    });
    let peak = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (peak, done) = (peak.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                if let Some(kb) = peak_kb(pid) {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        })
    };
    let mut subjects = Vec::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        assert!(!line.starts_with("{\"type\":\"error\""), "{line}");
        if line.starts_with("{\"type\":\"subject\"") {
            subjects.push(line);
        }
    }
    writer.join().unwrap();
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    done.store(true, Ordering::Relaxed);
    watcher.join().unwrap();
    let status = child.wait().unwrap();
    assert!(matches!(status.code(), Some(0 | 1)), "exit {status}: {err}");
    let peak = peak.load(Ordering::Relaxed);
    (subjects, (peak > 0).then_some(peak))
}

/// How much more a long stream may hold than a short one, in kB: memory
/// that grows with the input is what "constant memory" rules out.
const GROWTH_KB: u64 = 8 * 1024;

/// The peak RSS of a short stream of the same certificates: the binary's
/// own footprint (rules, register, code), which a debug build makes large.
fn baseline_kb(bin: &str) -> Option<u64> {
    let pems = Arc::new(fixtures());
    pipe(bin, 500, move |i| pems[i % pems.len()].clone()).1
}

fn stream_in_constant_memory(bin: &str, pem_count: usize, der_count: usize, peak_kb: u64) {
    let pems = Arc::new(fixtures());
    let (lines, peak) = {
        let pems = pems.clone();
        pipe(bin, pem_count, move |i| pems[i % pems.len()].clone())
    };
    assert_eq!(lines.len(), pem_count, "one JSON line a certificate");
    // In input order, numbered from the stream's start.
    assert!(lines[0].contains("\"-#1\""), "{}", lines[0]);
    let last = format!("\"-#{pem_count}\"");
    assert!(lines[pem_count - 1].contains(&last), "{}", lines[pem_count - 1]);
    match peak {
        Some(kb) => assert!(
            kb < peak_kb,
            "peak RSS {kb} kB over {pem_count} PEM certificates (limit {peak_kb} kB)"
        ),
        None => eprintln!("skipped the memory check: no /proc here"),
    }
    let ders: Arc<Vec<Vec<u8>>> = Arc::new(pems.iter().map(|p| der_of(p)).collect());
    let (lines, peak) = pipe(bin, der_count, move |i| ders[i % ders.len()].clone());
    assert_eq!(lines.len(), der_count, "one JSON line a DER certificate");
    if let Some(kb) = peak {
        assert!(
            kb < peak_kb,
            "peak RSS {kb} kB over {der_count} DER certificates (limit {peak_kb} kB)"
        );
    }
}

#[test]
fn a_long_stream_on_standard_input_is_checked_in_constant_memory() {
    // The debug binary: a long stream holds at most GROWTH_KB more than a
    // short one (its own footprint is large and grows with the code); the
    // absolute bound, PEAK_KB, is the release binary's (the test below, in
    // .ci/run).
    let bin = env!("CARGO_BIN_EXE_certlex");
    let limit = baseline_kb(bin).map_or(PEAK_KB, |b| (b + GROWTH_KB).min(PEAK_KB + GROWTH_KB));
    stream_in_constant_memory(bin, 8_000, 5_000, limit);
}

/// 200,000 certificates: `CERTLEX_BIN=target/release/certlex cargo test
/// --test streaming -- --ignored` (`.ci/run` does).
#[test]
#[ignore = "long: run by .ci/run with a release binary"]
fn two_hundred_thousand_certificates_stream_in_constant_memory() {
    let bin = std::env::var("CERTLEX_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_certlex").to_string());
    stream_in_constant_memory(&bin, 200_000, 50_000, PEAK_KB);
}
