//! Rules from their blocks: required fields, citations, conditions and
//! messages, all checked; compiled into [`Rule`]s.

use std::sync::Arc;

use super::check::Checker;
use super::law::citation;
use super::reader::Reader;
use crate::diag::{Diag, suggestion};
use crate::engine::timeline::MAX_CITATIONS;
use crate::engine::{JudgedAt, Rule, Severity, Template};
use crate::facts::SubjectKind;
use crate::lang::ast::{Block, FieldValue};
use crate::lang::print;
use crate::law::{Law, Origin};
use crate::source::SourceFile;

/// A compiled rule and the parameters it reads.
pub struct Loaded {
    pub rule: Rule,
    pub params: Vec<usize>,
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

pub fn rule(law: &Law, b: &Block, file: &Arc<SourceFile>, diags: &mut Vec<Diag>, regex_limit: usize) -> Option<Loaded> {
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

    let kinds = SubjectKind::ALL.map(SubjectKind::word);
    let applies_to = match r.word("applies-to") {
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
    };
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
    if require.is_none() && attest.is_empty() {
        r.missing(
            checker.diags,
            "require",
            "say what must hold (`require issuer.organization is present`), or what evidence a person must give (`attest.en \"…\"`)",
        );
    }
    let is_require = require.is_some() && attest.is_empty();
    let message = |lang: &str, checker: &mut Checker| -> Template {
        match r.text(&format!("message.{lang}")) {
            Some(t) => checker.template(t),
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
    super::citing::check(
        law,
        &cites,
        &[(r.text("message.zh"), &message_zh), (r.text("message.en"), &message_en)],
        file,
        checker.diags,
    );
    let params = std::mem::take(&mut checker.params_used);

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
            cites,
            applies_to: applies_to?,
            severity: severity?,
            judged_at: judged_at?,
            when,
            require,
            attest: (!attest.is_empty()).then_some(attest),
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
        params,
    })
}
