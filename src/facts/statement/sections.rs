//! The section tree of a rule statement: from Markdown headings (CommonMark,
//! pulldown-cmark) or, for documents converted from PDF or Word, from
//! numbered lines (`4.9.1 Circumstances for Revocation`).

use std::sync::LazyLock;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use regex::Regex;

use super::outline::number_of_title;

/// A section: its number (if it has one or its title is a known one), title,
/// where its heading is and where its own text (up to the next heading) is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub number: Option<String>,
    pub title: String,
    pub heading: (usize, usize),
    pub body: (usize, usize),
}

impl Section {
    /// 1 for `4`, 2 for `4.9`, 3 for `4.9.1`.
    pub fn level(&self) -> usize {
        self.number.as_deref().map_or(0, |n| n.split('.').count())
    }

    /// Is `self` inside section `parent` (`4.9.1` is inside `4` and `4.9`)?
    pub fn is_within(&self, parent: &str) -> bool {
        self.number
            .as_deref()
            .and_then(|n| n.strip_prefix(parent))
            .is_some_and(|rest| rest.starts_with('.'))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

#[expect(clippy::expect_used, reason = "constant pattern, checked by the tests")]
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:第\s*)?(\d{1,2}(?:\.\d{1,2})*)\.?\s*(?:[、.．]\s*)?([^\d\s.、．].*?)\s*$")
        .expect("heading pattern")
});

/// Split a heading's text into its number and title.
fn split_heading(text: &str) -> (Option<String>, String) {
    match NUMBERED.captures(text) {
        Some(c) => (
            c.get(1).map(|m| m.as_str().to_string()),
            c.get(2).map_or(String::new(), |m| m.as_str().to_string()),
        ),
        None => (number_of_title(text).map(str::to_string), text.trim().to_string()),
    }
}

/// Give sections with a known title but no number the number of that title.
fn with_known_number(number: Option<String>, title: &str) -> Option<String> {
    number.or_else(|| number_of_title(title).map(str::to_string))
}

/// Sections from Markdown headings. `offset` is where `text` starts in the file.
pub fn markdown(text: &str, offset: usize) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => current = Some((range.start, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, title)) = current.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, title)) = current.take() {
                    let (number, title) = split_heading(&title);
                    sections.push(Section {
                        number: with_known_number(number, &title),
                        title,
                        heading: (offset + start, offset + range.end),
                        body: (offset + range.end, offset + range.end),
                    });
                }
            }
            _ => {}
        }
    }
    close_bodies(&mut sections, offset + text.len());
    sections
}

/// Sections from numbered lines. A line counts as a heading when it is short,
/// does not end like a sentence, and its number fits the outline so far (the
/// next top-level numbers, or a subsection of the current top-level section),
/// so numbered lists inside sections stay text.
pub fn numbered_text(text: &str, offset: usize) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    let mut line_start = 0;
    let mut last_top = 0u32;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let content = line.trim_end();
        if content.chars().count() > 80 || content.ends_with(['。', '；', ';', ',', '，']) {
            continue;
        }
        let Some(c) = NUMBERED.captures(content) else { continue };
        let (Some(n), Some(title)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let number = n.as_str();
        let mut parts = number.split('.');
        let top: u32 = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        let plausible = if number.contains('.') {
            top == last_top
        } else {
            // The next part, allowing a part or two to be missing.
            top > last_top && top <= last_top + 3
        };
        if !plausible || content.ends_with('.') && content.split_whitespace().count() > 8 {
            continue;
        }
        if !number.contains('.') {
            last_top = top;
        }
        sections.push(Section {
            number: Some(number.to_string()),
            title: title.as_str().to_string(),
            heading: (offset + start, offset + start + content.len()),
            body: (offset + line_start, offset + line_start),
        });
    }
    close_bodies(&mut sections, offset + text.len());
    sections
}

/// Each section's own text runs from its heading to the next heading.
fn close_bodies(sections: &mut [Section], end: usize) {
    let starts: Vec<usize> = sections.iter().map(|s| s.heading.0).skip(1).chain([end]).collect();
    for (s, next) in sections.iter_mut().zip(starts) {
        s.body.1 = next.max(s.body.0);
    }
}

/// Markdown when it has headings; otherwise numbered text.
pub fn read(text: &str, offset: usize) -> (Format, Vec<Section>) {
    let md = markdown(text, offset);
    if md.iter().filter(|s| s.number.is_some()).count() >= 2 {
        return (Format::Markdown, md);
    }
    (Format::Text, numbered_text(text, offset))
}

/// Words that mean "nothing is stated here".
const PLACEHOLDERS: &[&str] = &[
    "no stipulation",
    "not applicable",
    "to be determined",
    "tbd",
    "n/a",
    "none",
    "reserved",
    "无",
    "暂无",
    "待定",
    "不适用",
    "略",
    "保留",
    "无规定",
    "不做规定",
    "无约定",
];

/// More characters than any of [`PLACEHOLDERS`] has.
const LONGEST_PLACEHOLDER: usize = 20;

/// Markdown markup, which is not text.
fn is_markup(c: char) -> bool {
    matches!(c, '#' | '*' | '_' | '>' | '`' | '|' | '-' | '=' | '~')
}

/// Characters of real text in a body: markup, whitespace and placeholder
/// phrases do not count.
pub fn substance(body: &str) -> usize {
    let mut n = 0;
    for line in body.lines() {
        // A line longer than any placeholder, with a character that is not
        // punctuation, counts whole: no need to look for a placeholder.
        let kept = line.chars().filter(|c| !c.is_whitespace() && !is_markup(*c)).count();
        if kept == 0 {
            continue;
        }
        if kept > LONGEST_PLACEHOLDER
            && line.chars().any(|c| {
                !c.is_whitespace() && !is_markup(c) && !c.is_ascii_punctuation() && !matches!(c, '。' | '；' | '：')
            })
        {
            n += kept;
            continue;
        }
        let plain: String = line.chars().filter(|c| !c.is_whitespace() && !is_markup(*c)).collect();
        let lower = plain.to_lowercase();
        let trimmed = lower.trim_matches(|c: char| c.is_ascii_punctuation() || matches!(c, '。' | '；' | '：'));
        if trimmed.is_empty() || PLACEHOLDERS.contains(&trimmed) {
            continue;
        }
        // A placeholder of several words (`no stipulation`); one word is
        // `trimmed` already.
        if line.trim().contains(char::is_whitespace) {
            let spaced: String = line.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            let spaced =
                spaced.trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || matches!(c, '。'));
            if PLACEHOLDERS.contains(&spaced) {
                continue;
            }
        }
        n += plain.chars().count();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_with_numbers_or_known_titles() {
        let md = "# 1 Introduction\ntext\n## 1.1 Overview\n# 信息发布与信息管理\nx\n### 9.8 责任限制\n本机构承担有限责任。\n";
        let s = markdown(md, 0);
        let numbers: Vec<_> = s.iter().map(|s| s.number.as_deref()).collect();
        assert_eq!(numbers, vec![Some("1"), Some("1.1"), Some("2"), Some("9.8")]);
        assert_eq!(s[3].title, "责任限制");
        assert_eq!(&md[s[3].body.0..s[3].body.1].trim(), &"本机构承担有限责任。");
    }

    #[test]
    fn numbered_text_keeps_lists_inside_sections() {
        let text = "1. Introduction\nThis CPS.\n2 Publication\n2.1 Repositories\nThe CA shall:\n1. publish certificates;\n2. publish CRLs.\n3 Identification and Authentication\n3.2 Initial Identity Validation\nWe check ID cards.\n";
        let s = numbered_text(text, 0);
        let numbers: Vec<_> = s.iter().filter_map(|s| s.number.as_deref()).collect();
        assert_eq!(numbers, vec!["1", "2", "2.1", "3", "3.2"]);
        let within: Vec<_> = s
            .iter()
            .filter(|x| x.is_within("2"))
            .count()
            .to_string()
            .chars()
            .collect();
        assert_eq!(within, vec!['1']);
    }

    #[test]
    fn chinese_numbered_headings_without_spaces() {
        let s = numbered_text("1 概括性描述\n内容\n2信息发布与信息管理\n内容\n", 0);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].title, "信息发布与信息管理");
    }

    #[test]
    fn placeholders_are_not_substance() {
        assert_eq!(substance("No stipulation."), 0);
        assert_eq!(substance("  无。\n"), 0);
        assert_eq!(substance("- 不适用"), 0);
        assert!(substance("本机构对因过错造成的损失承担赔偿责任。") > 10);
        assert_eq!(substance("........................................"), 0);
        assert_eq!(substance("No stipulation — 本节内容由订户协议约定，详见订户协议。"), 33);
        assert!(PLACEHOLDERS.iter().all(|p| p.chars().count() <= LONGEST_PLACEHOLDER));
    }
}
