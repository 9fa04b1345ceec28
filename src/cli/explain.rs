//! `certlex explain RULE-ID|CITATION|PARAMETER [--at DATE]`: a rule, the
//! provisions it cites (in Chinese and English, each in the wording of its
//! own window, marked in force or not on the date) and its condition; a
//! provision (`ESL 24`) with the rules and parameters that rest on it; a
//! parameter with its value on the date and its history. Labels follow
//! `--lang`.

mod law;

use clap::Args;

use super::{Global, RegimeArgs, emit, load_rules, print_diags, resolve};
use crate::diag::{Diag, suggestion};
use crate::engine::{Rule, RuleSet};
use crate::i18n::Lang;
use crate::law::Resolution;

#[derive(Args)]
pub struct ExplainArgs {
    /// A rule id (`ESL-21-1`), a provision (`ESL 24`, `ESL 17(5)`, `ESL 23 para 2`)
    /// or a parameter (`record-retention-after-expiry`).
    #[arg(required = true, num_args = 1.., value_name = "RULE|PROVISION|PARAMETER")]
    pub what: Vec<String>,
    #[command(flatten)]
    pub regime: RegimeArgs,
}

pub fn run(g: &Global, a: &ExplainArgs) -> u8 {
    let Some(rules) = load_rules(g) else { return 2 };
    let Some(res) = resolve(&rules, &a.regime) else {
        return 2;
    };
    let lang = g.lang();
    let what = a.what.join(" ");
    let ev = crate::engine::Evaluator::new(&rules, res.clone());
    let text = if let Some((index, rule)) = rules.rule(&what) {
        explain(&rules, rule, &res, ev.in_force(index), lang)
    } else if let Some((index, p)) = rules.law.parameter(&what) {
        law::parameter(&rules, index, p, &res, lang)
    } else if let Some(c) = crate::lang::parse_citation(&what).and_then(|c| law::citation(&rules, &c)) {
        law::provision(&rules, &c, &res, &ev, lang)
    } else {
        let names: Vec<&str> = rules
            .rules
            .iter()
            .map(|r| r.id.as_str())
            .chain(rules.law.parameters.iter().map(|p| p.name.as_str()))
            .collect();
        print_diags([&Diag::error(
            "certlex::usage::unknown-rule",
            format!("there is no rule `{what}`, nor a provision or parameter of that name"),
        )
        .help(suggestion(&what, names.iter().copied()).unwrap_or_else(|| {
            "`certlex rules list` shows every rule; a provision is written as in rule files, e.g. `ESL 24` or `ESL 17(5)`"
                .into()
        }))
        .zh(
            format!("没有规则 `{what}`，也没有这样的条文或参数"),
            Some(&crate::diag::did_you_mean(&what, names.iter().copied()).map_or_else(
                || "`certlex rules list` 列出所有规则；条文按规则文件的写法给出，例如 `ESL 24` 或 `ESL 17(5)`".to_string(),
                |c| format!("您是否指 `{c}`？"),
            )),
        )]);
        return 2;
    };
    emit(&text).err().unwrap_or(0)
}

/// The explanation of a rule, in both languages, with labels in `lang`.
pub fn explain(rules: &RuleSet, rule: &Rule, res: &Resolution, in_force: bool, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let title = rules.title(rule, res);
    let t = |l: Lang| title.get_or(l, "");
    out.push_str(&format!("{}  {}\n{}\n\n", rule.id, t(Lang::Zh), t(Lang::En)));
    out.push_str(&if zh {
        format!(
            "适用对象：{}    严重程度：{}    适用日期：{}    {} 下 {}：{}\n\n",
            rule.applies_to.word(),
            rule.severity.word(),
            rule.judged_at.word(),
            res.regime,
            res.date,
            if in_force { "有效" } else { "不有效" }
        )
    } else {
        format!(
            "applies to: {}    severity: {}    judged at: {}    under {} on {}: {}\n\n",
            rule.applies_to.word(),
            rule.severity.word(),
            rule.judged_at.word(),
            res.regime,
            res.date,
            if in_force { "in force" } else { "not in force" }
        )
    });
    for c in &rule.cites {
        out.push_str(&crate::law::text::provision_in(&rules.law, c, res, lang));
    }
    if let Some(w) = &rule.when_text {
        out.push_str(&format!("{}{w}\n", lang.pick("适用条件：", "applies when: ")));
    }
    if let Some(r) = &rule.require_text {
        out.push_str(&format!("{}{r}\n", lang.pick("要求：    ", "requires:     ")));
    }
    if let Some(what) = &rule.attest {
        out.push_str(match (rule.require.is_some(), zh) {
            (true, false) => "or evidence a person names (attest):\n",
            (false, false) => "evidence a person must name (attest):\n",
            (true, true) => "或者由人提供的证据（attest）：\n",
            (false, true) => "须由人提供的证据（attest）：\n",
        });
        for l in [Lang::Zh, Lang::En] {
            if let Some(s) = what.get(l) {
                out.push_str(&format!("  {s}\n"));
            }
        }
    }
    if let Some((zh, en)) = &rule.undetermined {
        out.push_str(lang.pick(
            "有效期间无法判定（certlex 无法作出结论）：\n",
            "undetermined while in force (certlex cannot decide it):\n",
        ));
        for t in [zh, en] {
            let text: String = t.parts.iter().map(crate::engine::Part::written).collect();
            out.push_str(&format!("  {text}\n"));
        }
    }
    for (l, m) in [(Lang::Zh, &rule.message_zh), (Lang::En, &rule.message_en)] {
        let text: String = m.parts.iter().map(crate::engine::Part::written).collect();
        if !text.is_empty() {
            out.push_str(&match lang {
                Lang::Zh => format!("结论说明（{}）：{text}\n", l.pick("中文", "英文")),
                Lang::En => format!("message ({}): {text}\n", l.pick("zh", "en")),
            });
        }
    }
    for l in [Lang::Zh, Lang::En] {
        if let Some(n) = rule.note.get(l).filter(|_| rule.note.zh.is_some() || l == Lang::En) {
            out.push_str(&format!("{}{n}\n", lang.pick("注释：", "note: ")));
        }
    }
    out.push_str(&format!(
        "{}{}\n",
        lang.pick("定义于：", "defined in: "),
        rule.origin.file.name
    ));
    out
}
