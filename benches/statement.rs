//! Reading and checking a 200-page rule statement (target: under 50 ms).
//! The statement is the corpus's complete one, with every part grown by
//! numbered subsections of ordinary text until it fills about 200 pages
//! (taken as 3,000 bytes of Markdown, some 1,000 Chinese characters, a page).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "benchmarks")]

use criterion::{Criterion, criterion_group, criterion_main};

pub fn two_hundred_pages() -> String {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/rule-statements/complete-bilingual.md"
    ))
    .unwrap();
    let filler = "本机构按照本规则和国家有关规定开展电子认证业务，对证书申请、签发、更新、撤销和归档的每一个环节进行记录和审计。\
The CA records and audits every step of application, issuance, renewal, revocation and archival under this statement.\n\n";
    let mut out = String::new();
    let mut n = 0;
    for line in base.lines() {
        out.push_str(line);
        out.push('\n');
        if let Some(part) = line
            .strip_prefix("# ")
            .and_then(|t| t.split_whitespace().next())
            .filter(|p| p.len() == 1)
        {
            for i in 1..=40 {
                out.push_str(&format!(
                    "\n## {part}.{} 附加说明 / Additional practice {i}\n\n",
                    20 + i
                ));
                for _ in 0..6 {
                    out.push_str(filler);
                }
                n += 1;
            }
        }
    }
    assert!(n > 0 && out.len() >= 200 * 3000, "{} bytes", out.len());
    out
}

fn statement(c: &mut Criterion) {
    let rules = certlex::load::builtin().unwrap();
    let date = certlex::dates::parse_date("2026-01-01").unwrap();
    let ev = certlex::engine::Evaluator::new(&rules, rules.law.resolve("current", date).unwrap());
    let text = two_hundred_pages();
    eprintln!(
        "statement: {} bytes ({} pages of 3,000 bytes)",
        text.len(),
        text.len() / 3000
    );
    c.bench_function("read and check a 200-page rule statement", |b| {
        b.iter(|| {
            let file = certlex::source::SourceFile::new("big.md", text.as_str());
            let s = certlex::facts::statement::read(
                std::hint::black_box(&file),
                &certlex::facts::context::RunContext::new(),
                &certlex::limits::Limits::default(),
            )
            .unwrap();
            ev.check(&s)
        })
    });
}

criterion_group!(benches, statement);
criterion_main!(benches);
