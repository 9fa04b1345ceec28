#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "benchmarks")]

//! Loading and validating the whole built-in rule set: parse every file,
//! build the law, check and compile every rule (target: under 20 ms).

use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    let files = certlex::load::embedded_files();
    c.bench_function("load and validate the built-in rules", |b| {
        b.iter(|| {
            let loaded = certlex::load::load(std::hint::black_box(&files));
            assert!(loaded.rules.is_some());
        })
    });
    c.bench_function("format every built-in rule file", |b| {
        b.iter(|| {
            for f in &files {
                let _ = certlex::lang::format(std::hint::black_box(f));
            }
        })
    });
}

criterion_group!(benches, load);
criterion_main!(benches);
