//! Standards as citable instruments (`kind standard`): cited by section or
//! whole, named `RFC 5280 §4.1.2.2` / `RFC 5280 第4.1.2.2节`, never quoted,
//! and not counted by coverage.

use crate::engine::{Evaluator, Status};
use crate::i18n::Lang;
use crate::law::coverage::{ApartWhy, coverage};
use crate::source::SourceFile;

/// A law and one standard with a declared section title. The standard has
/// no `source.*` or `confidence.*`: it has no text, so none is asked for.
const LAW: &str = r#"
instrument L {
  title.zh "某法"
  title.en "A Law"
  short.zh "某法"
  short.en "L"
  in-force 2005-04-01
  source.en "a test"
  confidence.en exact
}
article L 1 {
  text.en "a duty"
}
instrument RFC-5280 {
  kind standard
  title.zh "RFC 5280 证书和 CRL 规范"
  title.en "RFC 5280 certificate and CRL profile"
  short.zh "RFC 5280"
  short.en "RFC 5280"
  in-force 2008-05-01
  section "4.1.2.2" {
    title.zh "序列号"
    title.en "Serial Number"
  }
}
regime current {
  title.en "now"
}
"#;

fn rule(cites: &str) -> String {
    format!(
        "rule R-1 {{\n  cites {cites}\n  title.zh \"x\"\n  title.en \"x\"\n  applies-to ca-profile\n  severity warning\n  require legal_entity.name is present\n  message.zh \"{{citation}}要求\"\n  message.en \"required by {{citation}}\"\n}}\n"
    )
}

fn load(extra: &str) -> crate::load::Loaded {
    crate::load::load(&[SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", extra)])
}

fn codes(l: &crate::load::Loaded) -> Vec<&str> {
    l.diags.iter().map(|d| d.code).collect()
}

#[test]
fn a_standard_is_cited_by_section_or_whole_and_named_as_standards_are() {
    let l = load(&rule("RFC-5280 section 4.1.2.2, RFC-5280"));
    assert!(l.diags.is_empty(), "{:?}", l.diags);
    let rules = l.rules.unwrap();
    let (_, r) = rules.rule("R-1").unwrap();
    assert_eq!(r.cites[0].to_string(), "RFC-5280 section 4.1.2.2");
    assert_eq!(r.cites[1].to_string(), "RFC-5280");
    let law = &rules.law;
    assert_eq!(law.cite_in_words(&r.cites[0], Lang::En), "RFC 5280 §4.1.2.2");
    assert_eq!(law.cite_in_words(&r.cites[0], Lang::Zh), "RFC 5280 第4.1.2.2节");
    assert_eq!(law.cite_in_words(&r.cites[1], Lang::Zh), "RFC 5280");
    let profile = crate::facts::profile::read(
        SourceFile::new("p.yaml", "kind: ca-profile\n"),
        &crate::limits::Limits::default(),
    )
    .unwrap();
    let res = law
        .resolve("current", crate::dates::parse_date("2020-01-01").unwrap())
        .unwrap();
    let f = Evaluator::new(&rules, res).check(&profile).remove(0);
    assert_eq!(f.status, Status::Fail);
    assert_eq!(
        f.message.en.as_deref(),
        Some("required by RFC 5280 §4.1.2.2 and RFC 5280")
    );
    assert_eq!(f.message.zh.as_deref(), Some("RFC 5280 第4.1.2.2节、RFC 5280要求"));
    // Before the standard, the rule is not in force.
    let res = law
        .resolve("current", crate::dates::parse_date("2008-04-30").unwrap())
        .unwrap();
    assert_eq!(
        Evaluator::new(&rules, res).check(&profile).remove(0).status,
        Status::NotInForce
    );
}

#[test]
fn explain_gives_a_section_title_and_says_standards_are_not_quoted() {
    let rules = load(&rule("RFC-5280 section 4.1.2.2, RFC-5280 section 6.1"))
        .rules
        .unwrap();
    let res = rules
        .law
        .resolve("current", crate::dates::parse_date("2020-01-01").unwrap())
        .unwrap();
    let (_, r) = rules.rule("R-1").unwrap();
    let [known, unknown] = [0, 1].map(|i| crate::law::text::provision(&rules.law, &r.cites[i], &res));
    assert!(known.contains("section title: Serial Number"), "{known}");
    assert!(known.contains("节标题: 序列号"), "{known}");
    assert!(known.contains("certlex does not quote its text"), "{known}");
    assert!(known.contains("§4.1.2.2"), "{known}");
    assert!(!unknown.contains("section title"), "{unknown}");
    assert!(unknown.contains("read section 6.1 of RFC 5280 itself"), "{unknown}");
}

#[test]
fn coverage_counts_statutes_only() {
    let rules = load(&rule("RFC-5280 section 4.1.2.2, L 1")).rules.unwrap();
    let refs: Vec<_> = rules.rules.iter().map(crate::engine::Rule::coverage_ref).collect();
    let cov = coverage(&rules.law, &refs, &[]);
    let counted: Vec<&str> = cov.instruments.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(counted, vec!["L"]);
    assert_eq!(cov.total.cited, 1);
    assert_eq!(cov.apart.len(), 1);
    assert_eq!(cov.apart[0].id, "RFC-5280");
    assert_eq!(cov.apart[0].why, ApartWhy::Standard);
    assert_eq!(cov.apart[0].rules, vec!["R-1"]);
}

#[test]
fn sections_belong_to_standards_and_articles_to_laws() {
    let cases = [
        (rule("L section 1"), "certlex::rules::section-of-law"),
        (rule("RFC-5280 4"), "certlex::rules::article-of-standard"),
        (
            "article RFC-5280 1 {\n  heading.en \"x\"\n}\n".to_string(),
            "certlex::rules::article-of-standard",
        ),
        (
            "instrument M {\n  title.en \"M\"\n  in-force 2005-04-01\n  section \"1\" {\n    title.en \"x\"\n  }\n}\n"
                .to_string(),
            "certlex::rules::section-of-law",
        ),
        (
            "instrument M {\n  kind statute\n  title.en \"M\"\n  in-force 2005-04-01\n}\n".to_string(),
            "certlex::rules::bad-kind",
        ),
    ];
    for (text, code) in cases {
        let l = load(&text);
        assert!(l.rules.is_none(), "{text}");
        assert_eq!(codes(&l), vec![code], "{text}");
    }
}

#[test]
fn a_section_block_and_a_section_citation_survive_fmt() {
    let formatted = crate::lang::format(&SourceFile::new("law.rules", LAW)).unwrap();
    assert!(formatted.contains("  kind standard\n"), "{formatted}");
    assert!(
        formatted.contains("  section \"4.1.2.2\" {\n    title.zh"),
        "{formatted}"
    );
    let r = rule("RFC-5280 section C.1 until 2024-06-01");
    let formatted = crate::lang::format(&SourceFile::new("r.rules", r)).unwrap();
    assert!(
        formatted.contains("  cites RFC-5280 section C.1 until 2024-06-01\n"),
        "{formatted}"
    );
    // A section heading must look like a section number.
    let parsed = crate::lang::parse(&SourceFile::new(
        "s.rules",
        "instrument S {\n  section \"4.1 x\" {\n  }\n}\n",
    ));
    let codes: Vec<&str> = parsed.errors.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["certlex::syntax::section-number"]);
}
