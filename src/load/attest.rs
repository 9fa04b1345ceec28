//! Attestations against the rule set, where rules are loaded: every rule id
//! a subject (a CA profile) names evidence for must be a rule that accepts
//! evidence.
//!
//! An id that names no rule is an **error** (with a "did you mean"): the
//! profile says a duty is attested and certlex cannot tell which, so the run
//! cannot be conformant. certlex would fail closed without the error too
//! (the duty the CA meant stays needs-evidence), but a typo in a list of
//! evidence should be reported where it is, not found by comparing reports.
//! An id of a rule that does not take evidence (it is checked from the
//! facts) is a **warning**: the evidence is ignored, nothing is lost.

use crate::diag::{Diag, suggestion};
use crate::engine::RuleSet;
use crate::facts::Subject;

/// Problems with the attestations of a subject, located in its source.
pub fn check_attestations(subject: &Subject, rules: &RuleSet) -> Vec<Diag> {
    let mut out = Vec::new();
    for a in &subject.attestations {
        let located = |d: Diag| match (&subject.source, a.span) {
            (Some(file), Some(span)) => d.in_file(file).label(span, "attested here"),
            _ => d,
        };
        match rules.rule(&a.rule) {
            None => {
                let ids = rules
                    .rules
                    .iter()
                    .filter(|r| r.applies_to == subject.kind && r.attest.is_some())
                    .map(|r| r.id.as_str());
                let help = suggestion(&a.rule, ids).unwrap_or_else(|| {
                    format!(
                        "`certlex rules list` shows the rules; those that take evidence for a {} say `attest`",
                        subject.kind.word()
                    )
                });
                out.push(
                    located(Diag::error(
                        "certlex::profile::unknown-rule",
                        format!("`{}` names no rule, so this evidence attests nothing", a.rule),
                    ))
                    .help(help.clone())
                    .zh(format!("`{}` 不是任何规则，这项证据无所证明", a.rule), Some(&help)),
                );
            }
            Some((_, r)) if r.applies_to != subject.kind => out.push(
                located(Diag::warning(
                    "certlex::profile::attestation-ignored",
                    format!(
                        "rule `{}` applies to a {}, not to a {}; this evidence is not used",
                        a.rule,
                        r.applies_to.word(),
                        subject.kind.word()
                    ),
                ))
                .help("remove the line, or name the rule of the CA profile you meant")
                .zh(
                    format!(
                        "规则 `{}` 适用于{}，而不是{}；这项证据不会被使用",
                        a.rule,
                        r.applies_to.name(crate::i18n::Lang::Zh),
                        subject.kind.name(crate::i18n::Lang::Zh)
                    ),
                    Some("请删除这一行，或写出您所指的电子认证服务机构概况规则"),
                ),
            ),
            Some((_, r)) if r.attest.is_none() => out.push(
                located(Diag::warning(
                    "certlex::profile::attestation-ignored",
                    format!(
                        "rule `{}` is checked from the profile's facts; this evidence is not used",
                        a.rule
                    ),
                ))
                .help("state the facts the rule reads instead (`certlex explain` shows them), or remove the line")
                .zh(
                    format!("规则 `{}` 根据概况中的事实检查；这项证据不会被使用", a.rule),
                    Some("请改为载明该规则读取的事实（`certlex explain` 列出它们），或删除这一行"),
                ),
            ),
            Some(_) => {}
        }
    }
    out
}
