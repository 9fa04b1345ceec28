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
    let mut out = String::new();
    let Some(inst) = law.instrument(&c.instrument) else {
        return out;
    };
    let window = match (c.from, c.until) {
        (Some(f), Some(u)) => format!("from {f} until {u}; "),
        (Some(f), None) => format!("from {f}; "),
        (None, Some(u)) => format!("until {u}; "),
        (None, None) => String::new(),
    };
    let active = if law.cites_in_force(c, res) {
        format!("  ({window}in force on {})", res.date)
    } else {
        format!("  ({window}not in force on {} under {})", res.date, res.regime)
    };
    out.push_str(&format!(
        "{}  {}{active}\n{}  {}\n",
        inst.title.get_or(Lang::Zh, &inst.id),
        c.describe(Lang::Zh),
        inst.title.get_or(Lang::En, &inst.id),
        c.describe(Lang::En)
    ));
    if inst.status == super::Status::NotEncoded {
        out.push_str("  (its text is not encoded in certlex)\n");
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
            out.push_str(&format!("  note: {n}\n"));
        }
    }
    if let Some(from) = version.from {
        out.push_str(&format!("  (wording in force from {from})\n"));
    }
    for (l, p) in cited_provenance(version, para, item) {
        let said = p.get(l);
        let confidence = said.confidence.map_or("(no confidence)", |c| c.word());
        let source = said.source.as_deref().unwrap_or("(no source)");
        out.push_str(&format!("  {} wording: {confidence}, {source}\n", l.pick("zh", "en")));
    }
    out.push('\n');
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
