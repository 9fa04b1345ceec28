//! Rules from their blocks: required fields, citations, conditions and
//! messages, all checked; compiled into [`Rule`]s.

use std::sync::Arc;

use super::check::Checker;
use super::law::citation;
use super::reader::Reader;
use super::template::Placeholders;
use crate::diag::{Diag, suggestion};
use crate::engine::timeline::MAX_CITATIONS;
use crate::engine::{JudgedAt, Reach, Rule, Severity, Template};
use crate::facts::SubjectKind;
use crate::lang::ast::{Block, FieldValue};
use crate::lang::print;
use crate::law::{Law, Origin};
use crate::source::{SourceFile, Span};

/// A compiled rule and each use of a parameter in it (conditions, title,
/// messages), where it is written.
pub struct Loaded {
    pub rule: Rule,
    pub param_uses: Vec<(usize, Span)>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// The kind of subject a rule or a reach checks (`applies-to`), or a
/// located error.
pub(super) fn applies_to(r: &Reader, file: &Arc<SourceFile>, diags: &mut Vec<Diag>) -> Option<SubjectKind> {
    let kinds = SubjectKind::ALL.map(SubjectKind::word);
    match r.word("applies-to") {
        Some(w) => match SubjectKind::from_word(&w.node) {
            Some(k) => Some(k),
            None => {
                diags.push(
                    Diag::error(
                        "certlex::rules::unknown-subject",
                        format!("unknown kind of subject `{}`", w.node),
                    )
                    .in_file(file)
                    .label(w.span, "not a kind of subject")
                    .help(suggestion(&w.node, kinds).unwrap_or_else(|| format!("write one of: {}", kinds.join(", ")))),
                );
                None
            }
        },
        None => {
            r.missing(
                diags,
                "applies-to",
                "say what the rule checks: `applies-to certificate`, `ca-profile` or `rule-statement`",
            );
            None
        }
    }
}

pub fn rule(
    law: &Law,
    reaches: &[Reach],
    b: &Block,
    file: &Arc<SourceFile>,
    diags: &mut Vec<Diag>,
    regex_limit: usize,
) -> Option<Loaded> {
    let r = Reader::new(b, file, diags);
    let id = b.name()?;
    let before = diags.len();
    if !valid_id(&id.node) {
        diags.push(
            Diag::error("certlex::rules::bad-id", format!("`{}` is not a rule id", id.node))
                .in_file(file)
                .label(id.span, "not a rule id")
                .help(format!(
                    "rule ids are capital letters and digits joined by `-`, e.g. `{}`",
                    id.node.to_uppercase().replace('_', "-")
                )),
        );
    }

    let cites = match r.field("cites").map(|f| &f.value) {
        Some(FieldValue::Citations(cs)) => {
            if let Some(extra) = cs.get(MAX_CITATIONS) {
                diags.push(
                    Diag::error(
                        "certlex::rules::too-many-citations",
                        format!("a rule cites at most {MAX_CITATIONS} provisions"),
                    )
                    .in_file(file)
                    .label(extra.span, "one too many")
                    .help("split the rule: a duty resting on this many provisions is several duties"),
                );
            }
            cs.iter().filter_map(|c| citation(law, c, file, diags, true)).collect()
        }
        _ => {
            r.missing(
                diags,
                "cites",
                "every rule names the provision it enforces, e.g. `cites ESL 21(1)`",
            );
            Vec::new()
        }
    };
    let title = r.require_bilingual(diags, "title", "…");

    let applies_to = applies_to(&r, file, diags);
    let within = super::reach::within(reaches, &r.words("within"), applies_to, file, diags);
    let severity = match r.word("severity") {
        Some(w) => match Severity::from_word(&w.node) {
            Some(s) => Some(s),
            None => {
                diags.push(
                    Diag::error(
                        "certlex::rules::unknown-severity",
                        format!("unknown severity `{}`", w.node),
                    )
                    .in_file(file)
                    .label(w.span, "not a severity")
                    .help(
                        suggestion(&w.node, ["error", "warning", "notice"])
                            .unwrap_or_else(|| "write `error` (应当/不得), `warning` (宜) or `notice`".into()),
                    ),
                );
                None
            }
        },
        None => {
            r.missing(
                diags,
                "severity",
                "add `severity error` for 应当/不得 duties, `warning` for 宜, `notice` for information",
            );
            None
        }
    };

    let judged_at = match r.word("judged-at") {
        None => applies_to.map(JudgedAt::default_for),
        Some(w) => match JudgedAt::from_word(&w.node) {
            Some(j) => Some(j),
            None => {
                let words = JudgedAt::ALL.map(JudgedAt::word);
                diags.push(
                    Diag::error(
                        "certlex::rules::unknown-judged-at",
                        format!("unknown judging date `{}`", w.node),
                    )
                    .in_file(file)
                    .label(w.span, "not a judging date")
                    .help(suggestion(&w.node, words).unwrap_or_else(|| {
                        "write `own-date` (the subject's own date, e.g. a certificate's notBefore) or `check-date` (the date of the check)".into()
                    })),
                );
                None
            }
        },
    };

    let require = r.field("require");
    let attest = r.bilingual("attest");
    let kind = applies_to.unwrap_or(SubjectKind::Certificate);
    let mut checker = Checker::new(kind, law, file, diags, regex_limit);
    let when = r.field("when").and_then(|f| match &f.value {
        FieldValue::Expr(e) => Some((checker.condition(e), print::expr(e, 0))),
        _ => None,
    });
    let require = match require.map(|f| &f.value) {
        Some(FieldValue::Expr(e)) => Some(checker.condition(e).map(|c| (c, print::expr(e, 0)))),
        _ => None,
    };
    if !attest.is_empty() && (attest.zh.is_none() || attest.en.is_none()) {
        let missing = if attest.zh.is_none() { "attest.zh" } else { "attest.en" };
        r.missing(
            checker.diags,
            missing,
            "describe the evidence in both Chinese and English",
        );
    }
    let undetermined = match (r.text("undetermined.zh"), r.text("undetermined.en")) {
        (None, None) => None,
        (Some(zh), Some(en)) => {
            if require.is_some() || !attest.is_empty() {
                checker.diags.push(
                    Diag::error(
                        "certlex::rules::undetermined-and-decided",
                        "a rule with `undetermined.*` has no `require` or `attest`",
                    )
                    .in_file(file)
                    .label(zh.span, "undetermined while in force")
                    .help("`undetermined.*` is for a rule certlex cannot decide (the law it cites is not encoded); remove it, or remove `require`/`attest`"),
                );
            }
            if severity.is_some_and(|s| s != Severity::Error) {
                checker.diags.push(
                    Diag::error(
                        "certlex::rules::undetermined-severity",
                        "a rule that is undetermined while in force has `severity error`",
                    )
                    .in_file(file)
                    .label(zh.span, "undetermined while in force")
                    .help("write `severity error`: what certlex cannot decide must block, never read as conformance"),
                );
            }
            Some((
                checker.template(zh, Placeholders::FactsAndParameters),
                checker.template(en, Placeholders::FactsAndParameters),
            ))
        }
        (zh, _) => {
            r.missing(
                checker.diags,
                if zh.is_none() {
                    "undetermined.zh"
                } else {
                    "undetermined.en"
                },
                "say why the rule cannot be decided in both Chinese and English",
            );
            None
        }
    };
    let says_undetermined = r.text("undetermined.zh").is_some() || r.text("undetermined.en").is_some();
    if require.is_none() && attest.is_empty() && !says_undetermined {
        r.missing(
            checker.diags,
            "require",
            "say what must hold (`require issuer.organization is present`), what evidence a person must give (`attest.en \"…\"`), or why it cannot be decided (`undetermined.en \"…\"`)",
        );
    }
    let is_require = require.is_some() && attest.is_empty();
    let title_zh = r
        .text("title.zh")
        .map(|t| checker.template(t, Placeholders::Parameters));
    let title_en = r
        .text("title.en")
        .map(|t| checker.template(t, Placeholders::Parameters));
    let message = |lang: &str, checker: &mut Checker| -> Template {
        match r.text(&format!("message.{lang}")) {
            Some(t) => checker.template(t, Placeholders::FactsAndParameters),
            None => {
                if is_require {
                    r.missing(
                        checker.diags,
                        &format!("message.{lang}"),
                        format!(
                            "say what is wrong when the rule fails, in {}",
                            if lang == "zh" { "Chinese" } else { "English" }
                        ),
                    );
                }
                Template::default()
            }
        }
    };
    let message_zh = message("zh", &mut checker);
    let message_en = message("en", &mut checker);
    let empty = Template::default();
    super::citing::check(
        law,
        &cites,
        &[
            (r.text("message.zh"), &message_zh),
            (r.text("message.en"), &message_en),
            (
                r.text("undetermined.zh"),
                undetermined.as_ref().map_or(&empty, |u| &u.0),
            ),
            (
                r.text("undetermined.en"),
                undetermined.as_ref().map_or(&empty, |u| &u.1),
            ),
        ],
        file,
        checker.diags,
    );
    let param_uses = std::mem::take(&mut checker.param_uses);

    if diags.len() > before {
        return None;
    }
    let (when, when_text) = match when {
        Some((Some(c), t)) => (Some(c), Some(t)),
        Some((None, _)) => return None,
        None => (None, None),
    };
    let (require, require_text) = match require {
        Some(Some((c, t))) => (Some(c), Some(t)),
        Some(None) => return None,
        None => (None, None),
    };
    Some(Loaded {
        rule: Rule {
            id: id.node.clone(),
            title,
            title_zh: title_zh.unwrap_or_default(),
            title_en: title_en.unwrap_or_default(),
            cites,
            applies_to: applies_to?,
            severity: severity?,
            judged_at: judged_at?,
            within,
            when,
            require,
            attest: (!attest.is_empty()).then_some(attest),
            undetermined,
            message_zh,
            message_en,
            note: r.bilingual("note"),
            when_text,
            require_text,
            origin: Origin {
                file: file.clone(),
                span: r.head_span(),
            },
        },
        param_uses,
    })
}

#[cfg(test)]
mod tests {
    use crate::engine::Status;
    use crate::law::coverage::{ApartWhy, Exercise, ExerciseKind, coverage};
    use crate::source::SourceFile;

    /// The 2005 Measures, known to exist and not encoded, and a rule that is
    /// undetermined while they are in force.
    const LAW: &str = r#"
instrument M2005 {
  title.zh "电子认证服务管理办法（2005）"
  title.en "Electronic Certification Service Management Measures (2005)"
  short.zh "2005年管理办法"
  short.en "2005 Measures"
  status not-encoded
  in-force 2005-04-01
  repealed 2009-03-31
}
regime current {
  title.en "now"
}
"#;

    fn rule(fields: &str) -> String {
        format!(
            "rule M2005-NOT-ENCODED {{\n  cites M2005\n  title.zh \"x\"\n  title.en \"x\"\n  applies-to ca-profile\n{fields}}}\n"
        )
    }

    const UNDETERMINED: &str = "  severity error\n  undetermined.zh \"{date}，{citation}规范电子认证服务机构，certlex 未编入其条文\"\n  undetermined.en \"on {date} {citation} governed certification services, and certlex does not encode them\"\n";

    fn load(extra: &str) -> crate::load::Loaded {
        crate::load::load(&[SourceFile::new("law.rules", LAW), SourceFile::new("r.rules", extra)])
    }

    fn codes(l: &crate::load::Loaded) -> Vec<&str> {
        l.diags.iter().map(|d| d.code).collect()
    }

    #[test]
    fn a_rule_on_law_not_encoded_is_undetermined_while_it_is_in_force() {
        let rules = load(&rule(UNDETERMINED)).rules.unwrap();
        let at = |date: &str| crate::load::test_support::first_finding(&rules, "kind: ca-profile\n", date);
        let f = at("2008-06-01");
        assert_eq!(f.status, Status::Undetermined);
        assert_eq!(
            f.message.en.as_deref(),
            Some("on 2008-06-01 2005 Measures governed certification services, and certlex does not encode them")
        );
        assert_eq!(
            f.message.zh.as_deref(),
            Some("2008-06-01，《2005年管理办法》规范电子认证服务机构，certlex 未编入其条文")
        );
        // It blocks: what certlex cannot decide is not conformance.
        assert!(crate::report::Gate::default().blocks(&f, &rules));
        assert_eq!(at("2009-03-31").status, Status::NotInForce, "repealed that day");
        assert_eq!(at("2005-03-31").status, Status::NotInForce);
    }

    #[test]
    fn not_encoded_law_is_listed_apart_and_its_rule_is_exercised_by_undetermined_and_not_in_force() {
        let rules = load(&rule(UNDETERMINED)).rules.unwrap();
        let refs: Vec<_> = rules.rules.iter().map(crate::engine::Rule::coverage_ref).collect();
        let ex = |status: &str, kind| Exercise {
            rule: "M2005-NOT-ENCODED".into(),
            kind,
            status: status.into(),
            feature: "f".into(),
            line: 1,
            scenario: "s".into(),
            passed: None,
        };
        let cov = coverage(&rules.law, &refs, &[ex("undetermined", ExerciseKind::Failing)]);
        assert!(cov.instruments.is_empty(), "no articles to count");
        assert_eq!(cov.apart.len(), 1);
        assert_eq!(cov.apart[0].why, ApartWhy::NotEncoded);
        assert_eq!(cov.apart[0].rules, vec!["M2005-NOT-ENCODED"]);
        assert!(!cov.rules[0].is_exercised(), "the not-in-force side is missing");
        let both = [
            ex("undetermined", ExerciseKind::Failing),
            ex("not-in-force", ExerciseKind::Other),
        ];
        assert!(coverage(&rules.law, &refs, &both).rules[0].is_exercised());
    }

    #[test]
    fn the_language_of_law_not_encoded_is_checked() {
        assert!(load(&rule(UNDETERMINED)).diags.is_empty());
        let formatted = crate::lang::format(&SourceFile::new("r.rules", rule(UNDETERMINED))).unwrap();
        assert!(formatted.contains("  cites M2005\n"), "{formatted}");
        let cases = [
            (
                rule("  severity warning\n  undetermined.zh \"x\"\n  undetermined.en \"x\"\n"),
                "certlex::rules::undetermined-severity",
            ),
            (
                rule(
                    "  severity error\n  require legal_entity.name is present\n  message.zh \"x\"\n  message.en \"x\"\n  undetermined.zh \"x\"\n  undetermined.en \"x\"\n",
                ),
                "certlex::rules::undetermined-and-decided",
            ),
            (
                rule("  severity error\n  undetermined.zh \"x\"\n"),
                "certlex::rules::missing-field",
            ),
            (
                "article M2005 1 {\n  source.zh \"a test\"\n  confidence.zh exact\n  text.zh \"x\"\n}\n".to_string(),
                "certlex::rules::article-of-not-encoded",
            ),
        ];
        for (text, code) in cases {
            let l = load(&text);
            assert!(l.rules.is_none(), "{text}");
            assert_eq!(codes(&l), vec![code], "{text}");
        }
        // Only an instrument whose text is not encoded is cited whole.
        let l = crate::load::load(&[
            SourceFile::new("law.rules", LAW),
            SourceFile::new(
                "esl.rules",
                "instrument L {\n  title.en \"L\"\n  in-force 2005-04-01\n}\n",
            ),
            SourceFile::new("r.rules", rule(UNDETERMINED).replace("cites M2005", "cites L")),
        ]);
        assert_eq!(codes(&l), vec!["certlex::rules::whole-instrument"]);
    }
}
