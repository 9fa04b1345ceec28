use super::*;
use crate::lang::ast::{ExprKind, Trivia};

const RULE: &str = r#"# The first item of article 21
rule ESL-21-1 {
  cites ESL 21(1)
  title.en "The certificate names its provider"
  title.zh "证书载明电子认证服务提供者名称"
  applies-to certificate
  severity error

  require issuer.organization is present # the O attribute
  message.en "the issuer names no organization (O)"
  message.zh "颁发者未载明组织名称 (O)"
}
"#;

fn ok(text: &str) -> File {
    let (file, errors) = parse_file(text);
    assert!(errors.is_empty(), "{errors:#?}");
    file
}

fn errs(text: &str) -> Vec<PError> {
    parse_file(text).1
}

#[test]
fn a_rule_parses_with_comments_and_blank_lines() {
    let f = ok(RULE);
    assert_eq!(f.items.len(), 1);
    assert_eq!(
        f.items[0].before,
        vec![Trivia::Comment(" The first item of article 21".into())]
    );
    let EntryBody::Block(b) = &f.items[0].body else {
        panic!()
    };
    assert_eq!(b.name().unwrap().node, "ESL-21-1");
    assert_eq!(b.entries.len(), 8);
    let req = b
        .entries
        .iter()
        .find(|e| matches!(&e.body, EntryBody::Field(f) if *f.key == "require"))
        .unwrap();
    assert_eq!(req.before, vec![Trivia::Blank]);
    assert_eq!(req.trailing.as_deref(), Some(" the O attribute"));
    let FieldValue::Citations(c) = &b.field("cites").unwrap().value else {
        panic!()
    };
    assert_eq!(c[0].instrument.node, "ESL");
}

#[test]
fn articles_nest_paragraphs_items_and_versions() {
    let f = ok(r#"
article ESL 17 {
  chapter 3
  heading.en "Conditions"
  version 2005-04-01 {
    item 1 {
      text.en "professional technicians"
    }
  }
  version 2015-04-24 {
    para 1 {
      text.zh "提供电子认证服务，应当具备下列条件："
      item 1 {
        text.zh "取得企业法人资格；"
      }
    }
  }
}
"#);
    let b = f.blocks().next().unwrap();
    assert!(matches!(&b.head, Head::Article { number, .. } if number.node == 17));
    assert_eq!(b.blocks().count(), 2);
}

#[test]
fn citations_take_paragraphs_items_chapters_and_windows() {
    let (_, cs) = citations(In::new(
        "ESL 21(1), ESL 23 para 2, ESL 3 para 3(2), MEASURES-DRAFT-2024 chapter 3, ESL 17(1) until 2015-04-24",
    ))
    .unwrap();
    assert_eq!(cs.len(), 5);
    assert!(matches!(&cs[0].target, CiteTarget::Article { item: Some(i), para: None, .. } if i.node == 1));
    assert!(matches!(&cs[1].target, CiteTarget::Article { para: Some(p), item: None, .. } if p.node == 2));
    assert!(matches!(
        &cs[2].target,
        CiteTarget::Article {
            para: Some(_),
            item: Some(_),
            ..
        }
    ));
    assert!(matches!(&cs[3].target, CiteTarget::Chapter(c) if c.node == 3));
    assert!(cs[4].until.is_some());
}

#[test]
fn a_whole_instrument_is_cited_by_its_name_alone() {
    let (rest, cs) = citations(In::new("MEASURES-2005 until 2009-03-31, ESL 21(1)\n")).unwrap();
    assert_eq!(cs.len(), 2);
    assert!(matches!(cs[0].node.target, CiteTarget::Instrument));
    assert!(cs[0].node.until.is_some());
    assert_eq!(*rest.fragment(), "\n");
    let (_, cs) = citations(In::new("MEASURES-2005")).unwrap();
    assert!(matches!(cs[0].node.target, CiteTarget::Instrument));
    // Anything else after the name is still a malformed citation.
    assert!(citations(In::new("ESL 第二十一条")).is_err());
}

#[test]
fn parameters_name_the_source_of_each_value() {
    let f = ok(r#"
parameter min-registered-capital-rmb {
  title.en "Minimum registered capital"
  value 30_000_000 cites MEASURES-2015 5(3)
  value 70_000_000 cites MEASURES-DRAFT-2024 chapter 2
}
"#);
    let b = f.blocks().next().unwrap();
    assert_eq!(b.fields("value").count(), 2);
    let e = errs("parameter p {\n  value 5\n}\n");
    assert_eq!(e.len(), 1);
    assert!(e[0].message.starts_with("expected `cites`"), "{:?}", e[0]);
}

#[test]
fn a_misspelt_field_suggests_the_right_one_and_parsing_continues() {
    let text = RULE
        .replace("severity error", "severty error")
        .replace("applies-to certificate", "applies-too certificate");
    let e = errs(&text);
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(e[0].message, "unknown field `applies-too` in a rule");
    assert_eq!(e[0].help.as_deref(), Some("did you mean `applies-to`?"));
    assert_eq!(e[1].help.as_deref(), Some("did you mean `severity`?"));
}

#[test]
fn a_field_of_another_block_is_named_as_such() {
    let e = errs("article ESL 1 {\n  severity error\n}\n");
    assert_eq!(e[0].message, "`severity` is not a field of an article");
}

#[test]
fn a_missing_brace_is_reported_at_the_block_and_the_next_block_still_parses() {
    let text = "rule A {\n  severity error\n\nrule B {\n  severity warning\n}\n";
    let (f, e) = parse_file(text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].code, "certlex::syntax::unclosed-block");
    assert_eq!(e[0].span.start, 0);
    assert_eq!(f.items.len(), 2);
}

#[test]
fn a_missing_quote_does_not_swallow_the_file() {
    let text = RULE.replace(
        "\"The certificate names its provider\"",
        "\"The certificate names its provider",
    );
    let (f, e) = parse_file(&text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].code, "certlex::syntax::unclosed-string");
    let EntryBody::Block(b) = &f.items[0].body else {
        panic!()
    };
    assert!(b.field("require").is_some());
}

#[test]
fn fullwidth_punctuation_is_named() {
    let e = errs("rule A ｛\n}\n");
    assert_eq!(e[0].code, "certlex::syntax::full-width");
    let e = errs("rule A {\n  cites ESL 21（1）\n}\n");
    assert_eq!(e[0].code, "certlex::syntax::full-width", "{e:#?}");
}

#[test]
fn fullwidth_punctuation_in_citations_gets_the_citation_hint() {
    let hint = |text: &str| {
        let e = errs(text);
        assert_eq!(e[0].code, "certlex::syntax::full-width", "{e:#?}");
        (e[0].message.clone(), e[0].help.clone().unwrap_or_default())
    };
    let (m, h) = hint("rule A {\n  cites ESL 21（1）\n}\n");
    assert_eq!(m, "full-width `（` in a citation");
    assert!(h.contains("`21(1)`"), "{h}");
    let (m, h) = hint("rule A {\n  cites ESL 17(5）\n}\n");
    assert_eq!(m, "full-width `）` in a citation");
    assert!(h.contains("`17(5)`"), "{h}");
    let (m, h) = hint("rule A {\n  cites ESL 21(1)，ESL 21(2)\n}\n");
    assert_eq!(m, "full-width `，` between citations");
    assert!(h.contains("ASCII comma `,`"), "{h}");
    let (m, _) = hint("parameter p {\n  value 30 cites MEASURES-2015 5（2）\n}\n");
    assert_eq!(m, "full-width `（` in a citation");
    let (m, _) = hint("parameter p {\n  value 30 cites ESL 23 para 1、ESL 24\n}\n");
    assert_eq!(m, "full-width `、` between citations");
}

#[test]
fn a_bad_nested_block_does_not_close_its_parent() {
    let text =
        "article ESL 21 {\n  item x {\n    text.en \"a\"\n  }\n  heading.en \"b\"\n}\nrule R {\n  severity error\n}\n";
    let (f, e) = parse_file(text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(f.items.len(), 2);
    let EntryBody::Block(b) = &f.items[0].body else {
        panic!()
    };
    assert!(b.field("heading.en").is_some());
}

#[test]
fn extra_words_after_a_value_are_an_error() {
    let e = errs("rule A {\n  severity error warning\n}\n");
    assert_eq!(e.len(), 1);
    assert!(e[0].message.contains("after the value of `severity`"), "{:?}", e[0]);
}

#[test]
fn multi_line_requirements_parse() {
    let f = ok("rule A {\n  require a is present\n    and b == 1\n    and every x in c: x.d\n  severity error\n}\n");
    let b = f.blocks().next().unwrap();
    let FieldValue::Expr(e) = &b.field("require").unwrap().value else {
        panic!()
    };
    assert!(matches!(&e.kind, ExprKind::And(p) if p.len() == 3));
}

#[test]
fn top_level_fields_and_unknown_blocks_are_errors() {
    let e = errs("title.en \"x\"\nrul A {\n}\nrule B {\n}\n");
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(e[0].code, "certlex::syntax::field-outside-block");
    assert_eq!(e[1].help.as_deref(), Some("did you mean `rule`?"));
}

#[test]
fn a_standard_is_cited_by_section() {
    let (rest, cs) = citations(In::new(
        "RFC-5280 section 4.1.2.2, GMT-0015-2012 section C.1 until 2024-06-01\n",
    ))
    .unwrap();
    assert_eq!(*rest.fragment(), "\n");
    assert!(matches!(&cs[0].node.target, CiteTarget::Section(s) if s.node == "4.1.2.2"));
    assert!(matches!(&cs[1].node.target, CiteTarget::Section(s) if s.node == "C.1"));
    assert!(cs[1].node.until.is_some());
    // `section` needs a number; a trailing dot is not part of it.
    assert!(citations(In::new("RFC-5280 section\n")).is_err());
    let (rest, _) = citations(In::new("RFC-5280 section 4.1.")).unwrap();
    assert_eq!(*rest.fragment(), ".");
}

#[test]
fn an_expected_word_error_says_what_to_do() {
    // Outside any block: what a block starts with, and that the rest is comment.
    let e = &errs(" == a stray line\n")[0];
    assert_eq!(e.code, "certlex::syntax::unexpected");
    assert!(e.help.as_deref().unwrap().contains("after `#`"), "{e:?}");
    // Inside a condition: what the parser expected, where to read about it.
    let e = &errs(&RULE.replace("is present", "is here"))[0];
    assert!(e.message.contains("`present` or `absent`"), "{}", e.message);
    assert!(e.help.as_deref().unwrap().contains("docs/rule-language.md"), "{e:?}");
    // A more specific hint is kept: a full-width character at the top level.
    let e = &errs("（rule\n")[0];
    assert_eq!(e.code, "certlex::syntax::full-width");
    assert!(e.help.as_deref().unwrap().contains("half-width"), "{e:?}");
}
