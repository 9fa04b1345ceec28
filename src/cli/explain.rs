//! `certlex explain RULE-ID`: the rule, the provisions it cites (in Chinese
//! and English, in the wording in force under the regime), its condition.

use clap::Args;

use super::{Global, RegimeArgs, load_rules, print_diags, resolve};
use crate::diag::{Diag, suggestion};
use crate::engine::{Rule, RuleSet};
use crate::i18n::Lang;
use crate::law::{Citation, Resolution, Target};

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
    let t = |l: Lang| rule.title.get_or(l, "");
    out.push_str(&format!("{}  {}\n{}\n\n", rule.id, t(Lang::Zh), t(Lang::En)));
    out.push_str(&format!(
        "applies to: {}    severity: {}    under {} on {}: {}\n\n",
        rule.applies_to.word(),
        rule.severity.word(),
        res.regime,
        res.date,
        if in_force { "in force" } else { "not in force" }
    ));
    for c in &rule.cites {
        out.push_str(&citation(rules, c, res));
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
    for (l, m) in [(Lang::Zh, &rule.message_zh), (Lang::En, &rule.message_en)] {
        let text: String = m
            .parts
            .iter()
            .map(|p| match p {
                crate::engine::Part::Text(s) => s.clone(),
                crate::engine::Part::Value(_) => "{…}".into(),
            })
            .collect();
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

/// A cited provision with its text in both languages.
fn citation(rules: &RuleSet, c: &Citation, res: &Resolution) -> String {
    let law = &rules.law;
    let mut out = String::new();
    let Some(inst) = law.instrument(&c.instrument) else {
        return out;
    };
    let active = if law.cites_in_force(c, res) {
        ""
    } else {
        "  (not in force under this regime)"
    };
    out.push_str(&format!(
        "{}  {}{}{active}\n{}  {}\n",
        inst.title.get_or(Lang::Zh, &inst.id),
        c.describe(Lang::Zh),
        "",
        inst.title.get_or(Lang::En, &inst.id),
        c.describe(Lang::En)
    ));
    let Target::Article { number, para, item } = c.target else {
        out.push('\n');
        return out;
    };
    let Some(article) = inst.articles.get(&number) else {
        return out;
    };
    let Some(version) = article.version_at(res.date).or_else(|| article.versions.last()) else {
        return out;
    };
    for l in [Lang::Zh, Lang::En] {
        let para_text = para.and_then(|p| version.para(p));
        let holder = para_text.or_else(|| version.para_with_items());
        let mut lines = Vec::new();
        match (para_text, item) {
            (Some(p), None) => lines.extend(p.text.get(l).map(str::to_string)),
            (_, Some(i)) => {
                if let Some(h) = holder {
                    lines.extend(h.text.get(l).map(str::to_string));
                    lines.extend(h.item(i).and_then(|it| it.text.get(l)).map(|s| format!("  ({i}) {s}")));
                }
            }
            (None, None) => {
                lines.extend(version.text.get(l).map(str::to_string));
                for p in &version.paras {
                    if p.text != version.text {
                        lines.extend(p.text.get(l).map(str::to_string));
                    }
                    for it in &p.items {
                        lines.extend(it.text.get(l).map(|s| format!("  ({}) {s}", it.number)));
                    }
                }
            }
        }
        let lang_ok = |s: &String| match l {
            Lang::Zh => s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            Lang::En => !s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        };
        for line in lines.iter().filter(|s| lang_ok(s)) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    // Where the wording is not available, the note says what is known (a
    // paraphrase, marked as such).
    let cited_note = match (para, item) {
        (_, Some(i)) => para
            .and_then(|p| version.para(p))
            .or_else(|| version.para_with_items())
            .and_then(|h| h.item(i))
            .map(|it| &it.note),
        (Some(p), None) => version.para(p).map(|x| &x.note),
        (None, None) => Some(&version.note),
    };
    for note in [cited_note, Some(&article.note)].into_iter().flatten() {
        for n in [&note.zh, &note.en].into_iter().flatten() {
            out.push_str(&format!("  note: {n}\n"));
        }
    }
    if let Some(from) = version.from {
        out.push_str(&format!("  (wording in force from {from})\n"));
    }
    out.push('\n');
    out
}
