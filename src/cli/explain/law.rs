//! `explain` of a provision (`ESL 24`: its wording, whether rules must cite
//! it, the rules and parameters that rest on it) or of a parameter (its
//! value on the date, its history, the rules that read it).

use crate::engine::{Evaluator, RuleSet};
use crate::facts::display;
use crate::i18n::Lang;
use crate::lang::ast;
use crate::law::{Citation, Parameter, Resolution, Scope, Target};

/// The law's citation for a provision written as in rule files, if its
/// instrument (and article) exist.
pub fn citation(rules: &RuleSet, c: &ast::Citation) -> Option<Citation> {
    let inst = rules.law.instrument(&c.instrument.node)?;
    let target = match &c.target {
        ast::CiteTarget::Instrument => Target::Instrument,
        ast::CiteTarget::Chapter(n) => Target::Chapter(n.node),
        ast::CiteTarget::Article { number, para, item } => {
            inst.articles.get(&number.node)?;
            Target::Article {
                number: number.node,
                para: para.as_ref().map(|p| p.node),
                item: item.as_ref().map(|i| i.node),
            }
        }
        ast::CiteTarget::Section(s) => Target::Section(s.node.clone()),
    };
    Some(Citation {
        instrument: inst.id.clone(),
        target,
        from: c.from.as_ref().map(|d| d.node),
        until: c.until.as_ref().map(|d| d.node),
    })
}

/// Does `cited` (a rule's or a parameter value's citation) rest on the
/// provision `asked`, or on a part of it?
fn rests_on(rules: &RuleSet, cited: &Citation, asked: &Citation) -> bool {
    if cited.instrument != asked.instrument {
        return false;
    }
    match (&asked.target, &cited.target) {
        (Target::Instrument, _) => true,
        (Target::Chapter(n), Target::Chapter(m)) => n == m,
        (Target::Chapter(n), Target::Article { number, .. }) => rules
            .law
            .instrument(&cited.instrument)
            .and_then(|i| i.articles.get(number).map(|a| i.chapter_of(a)))
            .is_some_and(|c| c == Some(*n)),
        (
            Target::Article { number, para, item },
            Target::Article {
                number: n2,
                para: p2,
                item: i2,
            },
        ) => number == n2 && (para.is_none() || para == p2) && (item.is_none() || item == i2),
        (Target::Section(s), Target::Section(t)) => {
            t == s || t.strip_prefix(s.as_str()).is_some_and(|rest| rest.starts_with('.'))
        }
        _ => false,
    }
}

/// A provision: its wording as `explain` of a rule shows it, whether rules
/// must cite it, and the rules and parameters that rest on it.
pub fn provision(rules: &RuleSet, c: &Citation, res: &Resolution, ev: &Evaluator, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = crate::law::text::provision_in(&rules.law, c, res, lang);
    let article = c.article().and_then(|n| rules.law.article(&c.instrument, n));
    if let Some(a) = article {
        let both = |t: &crate::i18n::Text| {
            [Lang::Zh, Lang::En]
                .into_iter()
                .filter_map(|l| t.exactly(l))
                .map(|s| format!("  {s}\n"))
                .collect::<String>()
        };
        match &a.scope {
            Scope::InScope => out.push_str(lang.pick(
                "范围：在检查范围内，须有规则引用\n",
                "scope: in scope (a rule must cite it)\n",
            )),
            Scope::Out(why) => {
                out.push_str(lang.pick("范围：不在检查范围内：\n", "scope: scoped out:\n"));
                out.push_str(&both(why));
            }
            Scope::Unverified(why) => {
                out.push_str(lang.pick("范围：文本无法核实：\n", "scope: unverified:\n"));
                out.push_str(&both(why));
            }
        }
    }
    let citing: Vec<(usize, &crate::engine::Rule)> = rules
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cites.iter().any(|rc| rests_on(rules, rc, c)))
        .collect();
    out.push_str(lang.pick("\n引用它的规则：\n", "\nrules that cite it:\n"));
    if citing.is_empty() {
        out.push_str(lang.pick("  （无）\n", "  (none)\n"));
    }
    for (index, r) in citing {
        let title = rules.title(r, res);
        let state = match (ev.in_force(index), zh) {
            (true, true) => "有效",
            (false, true) => "不有效",
            (true, false) => "in force",
            (false, false) => "not in force",
        };
        out.push_str(&format!("  {}  {}  [{state}]\n", r.id, title.get_or(lang, "")));
    }
    let params: Vec<&Parameter> = rules
        .law
        .parameters
        .iter()
        .filter(|p| p.values.iter().any(|v| v.cites.iter().any(|pc| rests_on(rules, pc, c))))
        .collect();
    if !params.is_empty() {
        out.push_str(lang.pick("\n依据它的参数：\n", "\nparameters that rest on it:\n"));
        for p in params {
            let now = rules
                .law
                .parameter(&p.name)
                .and_then(|(i, _)| rules.law.parameter_value(i, res))
                .map_or_else(|| lang.pick("（无）", "(none)").to_string(), |v| display(v, lang));
            out.push_str(&format!("  {}  {}  = {now}\n", p.name, p.title.get_or(lang, "")));
        }
    }
    out
}

/// A parameter: its title, its value under the regime on the date and the
/// provision it rests on, every value it has had, and the rules that read it.
pub fn parameter(rules: &RuleSet, index: usize, p: &Parameter, res: &Resolution, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = format!(
        "{}  {}\n{}\n\n",
        p.name,
        p.title.get_or(Lang::Zh, ""),
        p.title.get_or(Lang::En, "")
    );
    let entry = rules.law.parameter_entry(index, res);
    let now = match entry {
        Some(v) => format!(
            "{}{}{}",
            display(&v.value, lang),
            lang.pick("（依据 ", " (set by "),
            rules.law.cites_in_words(&v.cites, lang) + lang.pick("）", ")")
        ),
        None => lang.pick("无值", "no value").to_string(),
    };
    out.push_str(&if zh {
        format!("{} 下 {} 的值：{now}\n\n", res.regime, res.date)
    } else {
        format!("value under {} on {}: {now}\n\n", res.regime, res.date)
    });
    out.push_str(lang.pick("各个值及其依据：\n", "values and the provisions that set them:\n"));
    for v in &p.values {
        let current = entry.is_some_and(|e| std::ptr::eq(e, v));
        let windows: Vec<String> = v
            .cites
            .iter()
            .map(|c| {
                let words = rules.law.cite_in_words(c, lang);
                match (crate::law::text::window(c, lang), zh) {
                    (Some(w), true) => format!("{words}（{w}）"),
                    (Some(w), false) => format!("{words} ({w})"),
                    (None, _) => words,
                }
            })
            .collect();
        let mark = match (current, zh) {
            (true, true) => "  ← 该日适用",
            (true, false) => "  ← applies on the date",
            (false, _) => "",
        };
        out.push_str(&format!(
            "  {}  {}{}{mark}\n",
            display(&v.value, lang),
            lang.pick("依据 ", "set by "),
            windows.join(lang.pick("、", ", "))
        ));
    }
    let readers: Vec<&crate::engine::Rule> = rules.rules.iter().filter(|r| r.params().contains(&index)).collect();
    out.push_str(lang.pick("\n读取它的规则：\n", "\nrules that read it:\n"));
    if readers.is_empty() {
        out.push_str(lang.pick("  （无）\n", "  (none)\n"));
    }
    for r in readers {
        out.push_str(&format!("  {}  {}\n", r.id, rules.title(r, res).get_or(lang, "")));
    }
    out.push_str(&format!(
        "{}{}\n",
        lang.pick("定义于：", "defined in: "),
        p.origin.file.name
    ));
    out
}
