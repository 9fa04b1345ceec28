//! `certlex explain RULE-ID [--at DATE]`: the rule, the provisions it cites
//! (in Chinese and English, each in the wording of its own window, marked in
//! force or not on the date), its condition.

use clap::Args;

use super::{Global, RegimeArgs, load_rules, print_diags, resolve};
use crate::diag::{Diag, suggestion};
use crate::engine::{Rule, RuleSet};
use crate::i18n::Lang;
use crate::law::Resolution;

#[derive(Args)]
pub struct ExplainArgs {
    /// The rule id, e.g. `ESL-21-1`.
    pub rule: String,
    #[command(flatten)]
    pub regime: RegimeArgs,
}

pub fn run(g: &Global, a: &ExplainArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let Some(res) = resolve(&rules, &a.regime) else {
        return 2;
    };
    let Some((index, rule)) = rules.rule(&a.rule) else {
        let ids = rules.rules.iter().map(|r| r.id.as_str());
        print_diags([
            &Diag::error("certlex::usage::unknown-rule", format!("there is no rule `{}`", a.rule))
                .help(suggestion(&a.rule, ids).unwrap_or_else(|| "`certlex rules list` shows every rule".into())),
        ]);
        return 2;
    };
    let ev = crate::engine::Evaluator::new(&rules, res.clone());
    print!("{}", explain(&rules, rule, &res, ev.in_force(index)));
    0
}

/// The explanation of a rule, in both languages.
pub fn explain(rules: &RuleSet, rule: &Rule, res: &Resolution, in_force: bool) -> String {
    let mut out = String::new();
    let title = rules.title(rule, res);
    let t = |l: Lang| title.get_or(l, "");
    out.push_str(&format!("{}  {}\n{}\n\n", rule.id, t(Lang::Zh), t(Lang::En)));
    out.push_str(&format!(
        "applies to: {}    severity: {}    judged at: {}    under {} on {}: {}\n\n",
        rule.applies_to.word(),
        rule.severity.word(),
        rule.judged_at.word(),
        res.regime,
        res.date,
        if in_force { "in force" } else { "not in force" }
    ));
    for c in &rule.cites {
        out.push_str(&crate::law::text::provision(&rules.law, c, res));
    }
    if let Some(w) = &rule.when_text {
        out.push_str(&format!("applies when: {w}\n"));
    }
    if let Some(r) = &rule.require_text {
        out.push_str(&format!("requires:     {r}\n"));
    }
    if let Some(what) = &rule.attest {
        out.push_str(if rule.require.is_some() {
            "or evidence a person names (attest):\n"
        } else {
            "evidence a person must name (attest):\n"
        });
        for l in [Lang::Zh, Lang::En] {
            if let Some(s) = what.get(l) {
                out.push_str(&format!("  {s}\n"));
            }
        }
    }
    if let Some((zh, en)) = &rule.undetermined {
        out.push_str("undetermined while in force (certlex cannot decide it):\n");
        for t in [zh, en] {
            let text: String = t.parts.iter().map(crate::engine::Part::written).collect();
            out.push_str(&format!("  {text}\n"));
        }
    }
    for (l, m) in [(Lang::Zh, &rule.message_zh), (Lang::En, &rule.message_en)] {
        let text: String = m.parts.iter().map(crate::engine::Part::written).collect();
        if !text.is_empty() {
            out.push_str(&format!("message ({}): {text}\n", l.pick("zh", "en")));
        }
    }
    for l in [Lang::Zh, Lang::En] {
        if let Some(n) = rule.note.get(l).filter(|_| rule.note.zh.is_some() || l == Lang::En) {
            out.push_str(&format!("note: {n}\n"));
        }
    }
    out.push_str(&format!("defined in: {}\n", rule.origin.file.name));
    out
}
