//! The text of a cited provision, in both languages and in the wording the
//! citation refers to (the one in force on the run's date, or, for a
//! citation limited with `from`/`until`, the wording of its window), with the
//! source and confidence of each wording:
//! `explain` prints it, SARIF puts it in each rule's help.

use super::{Citation, Law, Provenance, Resolution, Target, Text, Version};
use crate::i18n::Lang;

/// A cited provision with its text in both languages, and where each
/// wording comes from and how far it can be trusted.
pub fn provision(law: &Law, c: &Citation, res: &Resolution) -> String {
    provision_in(law, c, res, Lang::En)
}

/// A citation's window of time in words, if it has one: `from 2015-04-24
/// until 2019-04-23` / `自 2015-04-24 起、至 2019-04-23 前` (`until` excludes its date).
pub fn window(c: &Citation, lang: Lang) -> Option<String> {
    Some(match (c.from, c.until, lang) {
        (Some(f), Some(u), Lang::En) => format!("from {f} until {u}"),
        (Some(f), None, Lang::En) => format!("from {f}"),
        (None, Some(u), Lang::En) => format!("until {u}"),
        (Some(f), Some(u), Lang::Zh) => format!("自 {f} 起、至 {u} 前"),
        (Some(f), None, Lang::Zh) => format!("自 {f} 起"),
        (None, Some(u), Lang::Zh) => format!("至 {u} 前"),
        (None, None, _) => return None,
    })
}

/// [`provision`] with its labels in `lang` (the wording is always in both).
pub fn provision_in(law: &Law, c: &Citation, res: &Resolution, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let Some(inst) = law.instrument(&c.instrument) else {
        return out;
    };
    let window = match window(c, lang) {
        Some(w) => format!("{w}{}", lang.pick("；", "; ")),
        None => String::new(),
    };
    let active = match (law.cites_in_force(c, res), zh) {
        (true, false) => format!("  ({window}in force on {})", res.date),
        (false, false) => format!("  ({window}not in force on {} under {})", res.date, res.regime),
        (true, true) => format!("  （{window}{} 有效）", res.date),
        (false, true) => format!("  （{window}在 {} 下于 {} 不有效）", res.regime, res.date),
    };
    // A whole instrument is described by its title alone.
    let line = |l: Lang| {
        let title = inst.title.get_or(l, &inst.id);
        let what = c.describe(l);
        if what.is_empty() {
            title.to_string()
        } else {
            format!("{title}  {what}")
        }
    };
    out.push_str(&format!("{}{active}\n{}\n", line(Lang::Zh), line(Lang::En)));
    if inst.status == super::Status::NotEncoded {
        out.push_str(lang.pick(
            "  （certlex 未编入其文本）\n",
            "  (its text is not encoded in certlex)\n",
        ));
    }
    if inst.kind == super::Kind::Standard {
        out.push_str(&standard_note(inst, &c.target, lang));
        out.push('\n');
        return out;
    }
    let Target::Article { number, para, item } = c.target else {
        out.push('\n');
        return out;
    };
    let Some(article) = inst.articles.get(&number) else {
        return out;
    };
    // The wording of the citation's own window: ESL 17(4) until 2015-04-24
    // is the 2005 wording's item (4), whatever the date.
    let Some(version) = article
        .version_at(c.date_within(res.date))
        .or_else(|| article.versions.last())
    else {
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
            out.push_str(&format!("  {}{n}\n", lang.pick("注释：", "note: ")));
        }
    }
    if let Some(from) = version.from {
        out.push_str(&match lang {
            Lang::Zh => format!("  （自 {from} 起施行的文本）\n"),
            Lang::En => format!("  (wording in force from {from})\n"),
        });
    }
    for (l, p) in cited_provenance(version, para, item) {
        let said = p.get(l);
        let confidence = said
            .confidence
            .map_or(lang.pick("（未注明可信度）", "(no confidence)"), |c| c.word());
        let source = said
            .source
            .as_deref()
            .unwrap_or(lang.pick("（未注明来源）", "(no source)"));
        out.push_str(&match lang {
            Lang::Zh => format!("  {}文本：{confidence}，{source}\n", l.pick("中文", "英文")),
            Lang::En => format!("  {} wording: {confidence}, {source}\n", l.pick("zh", "en")),
        });
    }
    out.push('\n');
    out
}

/// What `explain` says of a standard: the section's title where the rules
/// declare it, and that certlex does not quote standards.
fn standard_note(inst: &super::Instrument, target: &Target, lang: Lang) -> String {
    let mut out = String::new();
    let where_ = match target {
        Target::Section(s) => {
            for l in [Lang::Zh, Lang::En] {
                if let Some(t) = inst.section_title(s, l) {
                    out.push_str(&format!("  {}: {t}\n", l.pick("节标题", "section title")));
                }
            }
            match lang {
                Lang::Zh => format!("第{s}节"),
                Lang::En => format!("section {s} of "),
            }
        }
        _ => String::new(),
    };
    out.push_str(&match lang {
        Lang::Zh => format!(
            "  （技术标准：certlex 不引用其文本；请阅读 {} {where_}原文）\n",
            inst.short_name(Lang::Zh)
        ),
        Lang::En => format!(
            "  (a technical standard: certlex does not quote its text; read {where_}{} itself)\n",
            inst.short_name(Lang::En)
        ),
    });
    out
}

/// The provenance of each language's wordings in the cited part, once each.
fn cited_provenance(version: &Version, para: Option<u32>, item: Option<u32>) -> Vec<(Lang, &Provenance)> {
    let mut texts: Vec<(&Text, &Provenance)> = Vec::new();
    match (para, item) {
        (_, Some(i)) => {
            let holder = para.and_then(|p| version.para(p)).or_else(|| version.para_with_items());
            if let Some(it) = holder.and_then(|h| h.item(i)) {
                texts.push((&it.text, &it.provenance));
            }
        }
        (Some(p), None) => {
            if let Some(p) = version.para(p) {
                texts.push((&p.text, &p.provenance));
                texts.extend(p.items.iter().map(|i| (&i.text, &i.provenance)));
            }
        }
        (None, None) => {
            texts.push((&version.text, &version.provenance));
            for p in &version.paras {
                texts.push((&p.text, &p.provenance));
                texts.extend(p.items.iter().map(|i| (&i.text, &i.provenance)));
            }
        }
    }
    let mut out: Vec<(Lang, &Provenance)> = Vec::new();
    for l in [Lang::Zh, Lang::En] {
        for (t, p) in &texts {
            if t.exactly(l).is_some() && !out.iter().any(|(l2, q)| *l2 == l && q.get(l) == p.get(l)) {
                out.push((l, p));
            }
        }
    }
    out
}
