//! Properties, under generated inputs (proptest):
//!
//! - `fmt` is idempotent and keeps the tree: for a generated rule file,
//!   `format(x)` parses to the same tree as `x`, and formatting it again
//!   changes nothing;
//! - the engine is deterministic: the same subject gives the same findings;
//! - a certificate's findings do not depend on the order of the files of the
//!   run (through `run::each`, both passes, as `certlex check` runs).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "tests may fail loudly"
)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;

use certlex::engine::{Evaluator, Finding, RuleSet};
use certlex::limits::Limits;
use certlex::run::Item;
use certlex::source::SourceFile;
use proptest::prelude::*;

// ---- generated rule files ----------------------------------------------------

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("issuer.organization".to_string()),
        Just("subject.common_name".to_string()),
        Just("serial.length".to_string()),
        Just("extensions".to_string()),
        Just("x".to_string()),
        Just("x.oid".to_string()),
        Just("min-staff".to_string()),
        Just("today".to_string()),
        "[a-z][a-z_]{0,8}(\\.[a-z][a-z_]{0,6}){0,2}".prop_filter("not a reserved word", |s| {
            s.split('.').all(|part| !certlex::lang::RESERVED.contains(&part))
        }),
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Letters, digits, spaces, Chinese, and the escapes the lexer knows.
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z0-9 ,.()-]".prop_map(|s| s),
            Just("电子签名".to_string()),
            Just("（O）".to_string()),
            Just("\\\"".to_string()),
            Just("\\\\".to_string()),
        ],
        0..6,
    )
    .prop_map(|parts| format!("\"{}\"", parts.concat()))
}

fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        (0i64..10_000_000).prop_map(|n| n.to_string()),
        (0i64..1000).prop_map(|n| format!("{n}_000")),
        text(),
        (1990i32..2060, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}")),
        (
            1i64..100,
            prop::sample::select(vec!["day", "days", "weeks", "months", "years"])
        )
            .prop_map(|(n, u)| format!("{n} {u}")),
        Just("true".to_string()),
        Just("false".to_string()),
    ]
}

fn operand() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => name(),
        3 => literal(),
        1 => prop::collection::vec(literal(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
        1 => name().prop_map(|n| format!("count({n})")),
    ]
}

fn test() -> impl Strategy<Value = String> {
    let op = prop::sample::select(vec!["==", "!=", "<", "<=", ">", ">="]);
    prop_oneof![
        (operand(), op, operand()).prop_map(|(l, o, r)| format!("{l} {o} {r}")),
        (name(), prop::bool::ANY).prop_map(|(n, p)| format!("{n} is {}", if p { "present" } else { "absent" })),
        (name(), prop::bool::ANY, prop::collection::vec(literal(), 0..4)).prop_map(|(n, neg, items)| format!(
            "{n} {}in [{}]",
            if neg { "not " } else { "" },
            items.join(", ")
        )),
        (name(), text()).prop_map(|(n, t)| format!("{n} contains {t}")),
        (
            name(),
            prop::sample::select(vec!["^[A-Z]{2}$", "a+b*", "^(CN|HK)$", "\\\\d{4}"])
        )
            .prop_map(|(n, p)| format!("{n} matches \"{p}\"")),
        name(),
    ]
}

/// A condition with `and`, `or`, `not`, parentheses and quantifiers, a few levels deep.
fn condition() -> impl Strategy<Value = String> {
    test().prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 2..4).prop_map(|parts| parts.join(" and ")),
            prop::collection::vec(inner.clone(), 2..4).prop_map(|parts| parts.join(" or ")),
            inner.clone().prop_map(|c| format!("({c})")),
            inner.clone().prop_map(|c| format!("not ({c})")),
            (prop::bool::ANY, name(), inner.clone()).prop_map(|(every, list, body)| format!(
                "({} x in {list}: {body})",
                if every { "every" } else { "some" }
            )),
            (name(), inner).prop_map(|(list, c)| format!("count(x in {list}: {c}) >= 1")),
        ]
    })
}

/// Spacing a person might type between tokens of a field: the formatter
/// lays it out again.
fn gap() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![" ", "  ", "\t"])
}

fn comment() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 电子签名,.]{0,30}".prop_map(|c| format!("# {c}"))
}

fn rule_block() -> impl Strategy<Value = String> {
    (
        "[A-Z]{2,5}-[0-9]{1,3}",
        condition(),
        prop::option::of(condition()),
        text(),
        text(),
        prop::option::of(comment()),
        prop::option::of(comment()),
        gap(),
        prop::sample::select(vec!["error", "warning", "notice"]),
        prop::sample::select(vec!["certificate", "ca-profile", "rule-statement"]),
    )
        .prop_map(|(id, require, when, en, zh, c1, c2, gap, severity, kind)| {
            let mut b = format!("rule {id} {{\n");
            if let Some(c) = c1 {
                b.push_str(&format!("  {c}\n"));
            }
            b.push_str(&format!("  cites{gap}ESL 21(1), MEASURES-2015 5(3)\n"));
            b.push_str(&format!("  title.en {en}\n  title.zh {zh}\n"));
            b.push_str(&format!("  applies-to {kind}\n  severity {severity}\n"));
            if let Some(w) = when {
                b.push_str(&format!("  when {w}\n"));
            }
            b.push_str(&format!("  require{gap}{require}"));
            match c2 {
                Some(c) => b.push_str(&format!(" {c}\n")),
                None => b.push('\n'),
            }
            b.push_str(&format!("\n  message.en {en}\n  message.zh {zh}\n}}\n"));
            b
        })
}

fn rule_file() -> impl Strategy<Value = String> {
    (prop::option::of(comment()), prop::collection::vec(rule_block(), 1..4)).prop_map(|(head, blocks)| {
        let mut f = head.map(|c| format!("{c}\n\n")).unwrap_or_default();
        f.push_str(&blocks.join("\n"));
        f
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fmt_is_idempotent_and_keeps_the_tree(text in rule_file()) {
        let file = SourceFile::new("gen.rules", text.as_str());
        let parsed = certlex::lang::parse(&file);
        let errors: Vec<String> = parsed.errors.iter().map(|e| e.render_plain()).collect();
        prop_assert!(errors.is_empty(), "the generated file does not parse:\n{text}\n{}", errors.join("\n"));
        let once = certlex::lang::format(&file);
        let once = match once {
            Ok(t) => t,
            Err(d) => {
                let d: Vec<String> = d.iter().map(|e| e.render_plain()).collect();
                return Err(TestCaseError::fail(format!("fmt refused:\n{text}\n{}", d.join("\n"))));
            }
        };
        let reparsed = certlex::lang::parse(&SourceFile::new("gen.rules", once.as_str()));
        prop_assert!(reparsed.errors.is_empty());
        prop_assert_eq!(&reparsed.file, &parsed.file, "fmt changed the tree:\n{}\n---\n{}", text, once);
        let twice = certlex::lang::format(&SourceFile::new("gen.rules", once.as_str())).ok();
        prop_assert_eq!(twice.as_deref(), Some(once.as_str()), "fmt is not idempotent");
    }
}

// ---- the engine over the corpus ------------------------------------------------

static RULES: LazyLock<RuleSet> = LazyLock::new(|| certlex::load::builtin().unwrap());

fn evaluator() -> Evaluator<'static> {
    let date = certlex::dates::parse_date("2026-06-01").unwrap();
    Evaluator::new(&RULES, RULES.law.resolve("current", date).unwrap())
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Certificates whose findings depend on other inputs of the run: issuers,
/// sub-CAs and end entities, SM2 and RSA, with chains through each other.
const RUN: &[&str] = &[
    "corpus/certificates/ca/rsa-root.pem",
    "corpus/certificates/ca/rsa-root-pathlen0.pem",
    "corpus/certificates/ca/foreign-root.pem",
    "corpus/certificates/good/sm2-sign.pem",
    "corpus/certificates/ca/sm2-root.pem",
    "corpus/certificates/ca/sm2-sub.pem",
    "corpus/certificates/good/rsa-ee.pem",
    "corpus/certificates/good/rsa-ee.der",
    "corpus/certificates/bad/esl-21-6-bad-signature.pem",
    "corpus/certificates/bad/esl-22-issuer-not-ca.pem",
    "corpus/certificates/bad/esl-22-path-length-exceeded.pem",
    "corpus/certificates/bad/esl-26-foreign-issuer.pem",
    "corpus/certificates/real/cfca-ev-root.pem",
    "corpus/ca-profiles/provincial-ca.yaml",
];

/// Every subject of a run over `paths`, by name, with its findings.
fn run(paths: &[&str]) -> BTreeMap<String, Vec<Finding>> {
    let paths: Vec<PathBuf> = paths.iter().map(|p| root().join(p)).collect();
    let ev = evaluator();
    let mut out = BTreeMap::new();
    let work = |s: &certlex::facts::Subject| ev.check(s);
    certlex::run::each::<_, ()>(&paths, &[], &Limits::default(), &certlex::run::Quiet, work, |item| {
        match item {
            Item::Subject(s, findings) => {
                let name = s.name.trim_start_matches(root().to_str().unwrap()).to_string();
                assert!(out.insert(name, findings).is_none(), "a subject twice");
            }
            Item::Error(d) => panic!("{}", d.render_plain()),
            Item::Skipped { path, why } => panic!("{path}: {why}"),
        }
        Ok(())
    })
    .unwrap();
    out
}

static IN_ORDER: LazyLock<BTreeMap<String, Vec<Finding>>> = LazyLock::new(|| run(RUN));

fn existing(rel: &str) -> bool {
    root().join(rel).is_file()
}

#[test]
fn the_run_set_exists() {
    for p in RUN {
        assert!(existing(p), "{p}");
    }
    assert_eq!(IN_ORDER.len(), RUN.len());
}

#[test]
fn the_engine_is_deterministic() {
    let again = run(RUN);
    assert_eq!(*IN_ORDER, again);
    let ev = evaluator();
    for p in RUN {
        let bytes = std::fs::read(root().join(p)).unwrap();
        let ctx = certlex::facts::context::RunContext::new();
        let read = certlex::input::read_bytes_as(p, bytes, true, &Limits::default(), &ctx);
        for s in &read.subjects {
            assert_eq!(ev.check(s), ev.check(s), "{p}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn findings_do_not_depend_on_the_order_of_the_files(order in Just(RUN.to_vec()).prop_shuffle()) {
        let shuffled = run(&order);
        for (name, findings) in IN_ORDER.iter() {
            prop_assert_eq!(shuffled.get(name), Some(findings), "{} differs in the order {:?}", name, order);
        }
    }
}
