//! How a rule's messages name the provisions it rests on: `{citation}` (the
//! citations that hold on the judging date, numbered as they were then),
//! `{citation ESL}` (those of one instrument). A message that writes an
//! article number literally, where an amendment renumbered the provision,
//! would cite the wrong item on some dates: it gets a warning.

use std::sync::Arc;

use crate::diag::Diag;
use crate::engine::{Part, Template};
use crate::law::{Citation, Law, Target, zh_number};
use crate::source::{SourceFile, Spanned};

/// Check the `{citation …}` placeholders of a rule's messages against its
/// citations, and warn where a renumbered provision is written literally.
pub fn check(
    law: &Law,
    cites: &[Citation],
    messages: &[(Option<&Spanned<String>>, &Template)],
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
) {
    for (text, template) in messages {
        let Some(text) = text else { continue };
        for part in &template.parts {
            if let Part::Citation(Some(inst)) = part
                && !cites.iter().any(|c| c.instrument == *inst)
            {
                let cited: Vec<&str> = cites.iter().map(|c| c.instrument.as_str()).collect();
                diags.push(
                    Diag::error(
                        "certlex::rules::citation-placeholder",
                        format!("`{{citation {inst}}}` names an instrument the rule does not cite"),
                    )
                    .in_file(file)
                    .label(text.span, "not among the rule's citations")
                    .help(format!(
                        "the rule cites {}; write `{{citation}}` for all its citations",
                        cited.join(", ")
                    )),
                );
            }
        }
        let literal: String = template
            .parts
            .iter()
            .filter_map(|p| match p {
                Part::Text(s) => Some(s.as_str()),
                _ => None,
            })
            .collect();
        if let Some((c, written)) = renumbered(cites).find_map(|c| written(law, c, &literal).map(|w| (c, w))) {
            diags.push(
                Diag::warning(
                    "certlex::rules::hard-coded-citation",
                    format!(
                        "the message writes `{written}`, but an amendment renumbered what the rule cites of {} article {}",
                        c.instrument,
                        c.article().unwrap_or_default()
                    ),
                )
                .in_file(file)
                .label(text.span, "a number that depends on the date")
                .help("write `{citation}` (or `{citation ESL}`): it names the provision as numbered on the date the law is applied at"),
            );
        }
    }
}

/// Citations of a paragraph or an item limited with `from`/`until`: what
/// they cite was numbered differently on other dates.
fn renumbered(cites: &[Citation]) -> impl Iterator<Item = &Citation> {
    cites.iter().filter(|c| {
        (c.from.is_some() || c.until.is_some())
            && matches!(c.target, Target::Article { para, item, .. } if para.is_some() || item.is_some())
    })
}

/// How `text` writes the article of `c` literally, if it does: `ESL 17`,
/// `article 17`, `第十七条`.
fn written(law: &Law, c: &Citation, text: &str) -> Option<String> {
    let n = c.article()?;
    let short_en = law
        .instrument(&c.instrument)
        .map_or(c.instrument.as_str(), |i| i.short_name(crate::i18n::Lang::En));
    let forms = [
        format!("{short_en} {n}"),
        format!("{} {n}", c.instrument),
        format!("article {n}"),
        format!("第{}条", zh_number(n)),
    ];
    forms.into_iter().find(|f| {
        text.match_indices(f.as_str()).any(|(at, _)| {
            // `ESL 17` but not `ESL 170`.
            !text
                .get(at + f.len()..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|ch| ch.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::Status;
    use crate::facts::SubjectKind;
    use crate::source::SourceFile;

    /// A law whose article 1 gained an item (1) in 2015, so the old item (1)
    /// became item (2).
    const LAW: &str = r#"
instrument L {
  title.zh "某法"
  title.en "A Law"
  short.zh "某法"
  short.en "L"
  in-force 2005-04-01
  amended 2015-04-24
  source.en "a test"
  confidence.en exact
}
article L 1 {
  version 2005-04-01 {
    text.en "conditions:"
    item 1 {
      text.en "old first condition"
    }
  }
  version 2015-04-24 {
    text.en "conditions:"
    item 1 {
      text.en "new first condition"
    }
    item 2 {
      text.en "old first condition"
    }
  }
}
regime current {
  title.en "now"
}
"#;

    fn load(message_en: &str) -> crate::load::Loaded {
        let rule = format!(
            "rule R-1 {{\n  cites L 1(2) from 2015-04-24, L 1(1) until 2015-04-24\n  title.zh \"x\"\n  title.en \"x\"\n  applies-to ca-profile\n  severity error\n  require legal_entity.name is present\n  message.zh \"{{citation}}要求\"\n  message.en \"{message_en}\"\n}}\n"
        );
        crate::load::load(&[SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", rule)])
    }

    fn codes(l: &crate::load::Loaded) -> Vec<&str> {
        l.diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_renumbered_provision_written_literally_is_warned_about() {
        for literal in ["L 1(2) requires it", "article 1 requires it"] {
            let l = load(literal);
            assert!(l.rules.is_some(), "a warning, not an error");
            assert_eq!(codes(&l), vec!["certlex::rules::hard-coded-citation"], "{literal}");
        }
        // Article 10 is not article 1; `{citation}` is the cure.
        assert!(load("article 10 requires it").diags.is_empty());
        assert!(load("{citation} requires it").diags.is_empty());
    }

    #[test]
    fn a_citation_placeholder_names_a_cited_instrument() {
        assert!(load("{citation L} requires it").diags.is_empty());
        let l = load("{citation ESL} requires it");
        assert!(l.rules.is_none());
        assert_eq!(codes(&l), vec!["certlex::rules::citation-placeholder"]);
    }

    #[test]
    fn no_fact_is_called_as_a_reserved_placeholder() {
        for kind in SubjectKind::ALL {
            for name in ["citation", "date"] {
                assert!(crate::facts::lookup(kind.schema(), name).is_none(), "{kind}: {name}");
            }
        }
    }

    #[test]
    fn citations_are_rendered_as_numbered_on_the_judging_date() {
        let rules = load("required by {citation}, as of {date}").rules.unwrap();
        let at = |date: &str| {
            crate::load::test_support::first_finding(
                &rules,
                "kind: ca-profile\nlegal_entity:\n  jurisdiction: CN\n",
                date,
            )
        };
        let f = at("2014-01-01");
        assert_eq!(f.status, Status::Fail);
        assert_eq!(
            f.message.en.as_deref(),
            Some("required by L article 1, item (1), as of 2014-01-01")
        );
        assert_eq!(f.message.zh.as_deref(), Some("《某法》第一条第（一）项要求"));
        let f = at("2016-01-01");
        assert_eq!(
            f.message.en.as_deref(),
            Some("required by L article 1, item (2), as of 2016-01-01")
        );
        let (_, rule) = rules.rule("R-1").unwrap();
        let cited: Vec<String> = f.citations(&rule.cites).map(ToString::to_string).collect();
        assert_eq!(cited, vec!["L 1(2) from 2015-04-24"]);
        // Not in force before the law: nothing holds.
        assert_eq!(at("2000-01-01").cites, 0);
    }

    #[test]
    fn explain_shows_each_citation_in_the_wording_of_its_window() {
        let rules = load("{citation}").rules.unwrap();
        let res = rules
            .law
            .resolve("current", crate::dates::parse_date("2026-01-01").unwrap())
            .unwrap();
        let (_, rule) = rules.rule("R-1").unwrap();
        let [new, old] = [0, 1].map(|i| crate::law::text::provision(&rules.law, &rule.cites[i], &res));
        assert!(new.contains("(2) old first condition"), "{new}");
        assert!(new.contains("in force on 2026-01-01"), "{new}");
        // L 1(1) until 2015-04-24 is the 2005 wording's item (1).
        assert!(old.contains("(1) old first condition"), "{old}");
        assert!(!old.contains("new first condition"), "{old}");
        assert!(old.contains("not in force on 2026-01-01"), "{old}");
    }
}
