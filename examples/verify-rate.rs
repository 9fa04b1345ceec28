//! How many issuer signatures certlex verifies per second of CPU time, per
//! algorithm: the certificate's whole signature check as `certlex check
//! --issuers` makes it (hash the to-be-signed part, parse the issuer's key,
//! verify), one core. `benches/compare.sh` prints it beside `openssl speed`.
//!
//!     cargo run --release --example verify-rate -- [SECONDS]
//!
//! Prints one line per algorithm: `verify ALGORITHM RATE`, RATE in
//! verifications per CPU second (Linux: this thread's CPU time, from
//! /proc/thread-self/schedstat; elsewhere wall time).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a bench tool"
)]

use std::time::Instant;

use certlex::facts::certificate::verify::{Verdict, verify};
use x509_parser::prelude::{FromDer, X509Certificate};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/certificates");

fn der(name: &str) -> Vec<u8> {
    let pem = std::fs::read(format!("{CORPUS}/{name}")).unwrap();
    certlex::input::certificate_ders(&pem, &certlex::limits::Limits::default())
        .into_iter()
        .next()
        .unwrap()
}

/// This thread's CPU time in seconds (wall time where /proc has no schedstat).
fn cpu_seconds(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|ns| ns.parse::<f64>().ok()))
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

fn main() {
    let seconds: f64 = std::env::args().nth(1).map_or(2.0, |s| s.parse().unwrap());
    let wall = Instant::now();
    for (name, cert, issuer) in [
        ("rsa2048", "good/rsa-ee.pem", "ca/rsa-root.pem"),
        ("ecdsap256", "good/ecdsa-ee.pem", "ca/ecdsa-root.pem"),
        ("sm2", "good/sm2-sign.pem", "ca/sm2-sub.pem"),
    ] {
        let (cert_der, issuer_der) = (der(cert), der(issuer));
        let (_, cert) = X509Certificate::from_der(&cert_der).unwrap();
        let (_, issuer) = X509Certificate::from_der(&issuer_der).unwrap();
        assert_eq!(verify(&cert, issuer.public_key()), Verdict::Valid, "{name}");
        let start = cpu_seconds(wall);
        let mut n = 0u64;
        loop {
            for _ in 0..16 {
                std::hint::black_box(verify(std::hint::black_box(&cert), issuer.public_key()));
            }
            n += 16;
            let spent = cpu_seconds(wall) - start;
            if spent >= seconds {
                println!("verify {name} {:.1}", n as f64 / spent);
                break;
            }
        }
    }
}
