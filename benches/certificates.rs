//! The certificate path in pieces: read one certificate's facts (parse and
//! extract, with and without its issuer to verify the signature), and evaluate
//! the full certificate rule set on facts already read. One of each key type.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "benchmarks")]

use criterion::{Criterion, criterion_group, criterion_main};

use certlex::facts::context::{Origin, RunContext};
use certlex::facts::{Subject, SubjectKind, certificate};

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

fn issuers() -> RunContext {
    let mut ctx = RunContext::new();
    for ca in ["rsa-root", "ecdsa-root", "sm2-root", "sm2-sub"] {
        ctx.add_certificate(&der(&format!("ca/{ca}.pem")), Origin::Issuers);
    }
    ctx
}

fn certificates(c: &mut Criterion) {
    let none = RunContext::new();
    let with_issuers = issuers();
    let rules = certlex::load::builtin().unwrap();
    let date = certlex::dates::parse_date("2026-06-01").unwrap();
    let ev = certlex::engine::Evaluator::new(&rules, rules.law.resolve("current", date).unwrap());
    for kind in ["rsa-ee", "ecdsa-ee", "sm2-sign"] {
        let bytes = der(&format!("good/{kind}.pem"));
        c.bench_function(&format!("read the facts of one {kind} certificate"), |b| {
            b.iter(|| certificate::extract(std::hint::black_box(&bytes), &none).unwrap())
        });
        c.bench_function(
            &format!("read the facts of one {kind} certificate, verifying its signature"),
            |b| b.iter(|| certificate::extract(std::hint::black_box(&bytes), &with_issuers).unwrap()),
        );
        let subject = Subject {
            kind: SubjectKind::Certificate,
            name: kind.into(),
            source: None,
            facts: certificate::extract(&bytes, &with_issuers).unwrap(),
            attestations: Vec::new(),
        };
        c.bench_function(
            &format!("evaluate every certificate rule on one {kind} certificate"),
            |b| b.iter(|| ev.check(std::hint::black_box(&subject))),
        );
    }
}

criterion_group!(benches, certificates);
criterion_main!(benches);
