//! Citations: which provision a rule or a parameter value rests on.

use std::fmt;

use time::Date;

use serde::Serialize;
use serde::ser::{SerializeStruct as _, SerializeStructVariant as _};

use crate::i18n::{Lang, optional_field};

#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Citation {
    pub instrument: String,
    pub target: Target,
    /// The citation holds only from / until these dates (amended wordings).
    pub from: Option<Date>,
    pub until: Option<Date>,
}

/// The variants in the order written (the compact form knows them by index).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// The whole instrument (one whose text is not encoded).
    Instrument,
    /// Only the chapter is known; the article number is not.
    Chapter(u32),
    Article {
        number: u32,
        para: Option<u32>,
        item: Option<u32>,
    },
    /// A section of a standard: `4.1.2.2`.
    Section(String),
}

// JSON leaves out what is absent (`optional_field`).
impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("Citation", 4)?;
        out.serialize_field("instrument", &self.instrument)?;
        out.serialize_field("target", &self.target)?;
        optional_field(&mut out, readable, "from", &self.from)?;
        optional_field(&mut out, readable, "until", &self.until)?;
        out.end()
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Target::Instrument => s.serialize_unit_variant("Target", 0, "instrument"),
            Target::Chapter(n) => s.serialize_newtype_variant("Target", 1, "chapter", n),
            Target::Article { number, para, item } => {
                let readable = s.is_human_readable();
                let mut out = s.serialize_struct_variant("Target", 2, "article", 3)?;
                out.serialize_field("number", number)?;
                for (name, value) in [("para", para), ("item", item)] {
                    if readable && value.is_none() {
                        out.skip_field(name)?;
                    } else {
                        out.serialize_field(name, value)?;
                    }
                }
                out.end()
            }
            Target::Section(s_) => s.serialize_newtype_variant("Target", 3, "section", s_),
        }
    }
}

impl Citation {
    pub fn article(&self) -> Option<u32> {
        match self.target {
            Target::Article { number, .. } => Some(number),
            Target::Chapter(_) | Target::Instrument | Target::Section(_) => None,
        }
    }

    /// The same provision without its time window: how a finding cites it,
    /// on a date when it holds (`ESL 17(4)`).
    pub fn without_window(&self) -> Citation {
        Citation {
            from: None,
            until: None,
            ..self.clone()
        }
    }

    /// A date inside the citation's window, as near `date` as the window
    /// allows: `date` itself when the citation holds then, else the window's
    /// last or first day. The wording a citation refers to is the one in
    /// force on that date.
    pub fn date_within(&self, date: Date) -> Date {
        match (self.from, self.until) {
            (_, Some(u)) if date >= u => u.previous_day().unwrap_or(u),
            (Some(f), _) if date < f => f,
            _ => date,
        }
    }

    /// Does the citation hold on `date` (its own time window only)?
    pub fn within(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date < u)
    }

    /// The provision in words: `article 21, item (1)` / `第二十一条第（一）项`,
    /// a standard's section `§4.1.2.2` / `第4.1.2.2节`. Chapter-only
    /// citations say that the article is not known; a whole instrument is
    /// described by nothing (its name says it).
    pub fn describe(&self, lang: Lang) -> String {
        match (&self.target, lang) {
            (Target::Instrument, _) => String::new(),
            (Target::Section(s), Lang::En) => format!("§{s}"),
            (Target::Section(s), Lang::Zh) => format!("第{s}节"),
            (Target::Chapter(c), Lang::En) => format!("chapter {c} (article not known)"),
            (Target::Chapter(c), Lang::Zh) => format!("第{}章（条文序号不详）", zh_number(*c)),
            (Target::Article { number, para, item }, Lang::En) => {
                let mut s = format!("article {number}");
                if let Some(p) = para {
                    s.push_str(&format!(", paragraph {p}"));
                }
                if let Some(i) = item {
                    s.push_str(&format!(", item ({i})"));
                }
                s
            }
            (Target::Article { number, para, item }, Lang::Zh) => {
                let mut s = format!("第{}条", zh_number(*number));
                if let Some(p) = para {
                    s.push_str(&format!("第{}款", zh_number(*p)));
                }
                if let Some(i) = item {
                    s.push_str(&format!("第（{}）项", zh_number(*i)));
                }
                s
            }
        }
    }
}

/// The compact form used in rule files: `ESL 21(1)`, `ESL 23 para 2`,
/// `MEASURES-DRAFT-2024 chapter 3`, `RFC-5280 section 4.1.2.2`.
impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.instrument)?;
        match &self.target {
            Target::Instrument => {}
            Target::Chapter(c) => write!(f, " chapter {c}")?,
            Target::Section(s) => write!(f, " section {s}")?,
            Target::Article { number, para, item } => {
                write!(f, " {number}")?;
                if let Some(p) = para {
                    write!(f, " para {p}")?;
                }
                if let Some(i) = item {
                    write!(f, "({i})")?;
                }
            }
        }
        if let Some(d) = self.from {
            write!(f, " from {d}")?;
        }
        if let Some(d) = self.until {
            write!(f, " until {d}")?;
        }
        Ok(())
    }
}

/// Chinese numerals as used for article numbers: 二十一, 一百零五.
pub fn zh_number(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let digit = |d: u32| DIGITS.get(d as usize).copied().unwrap_or("");
    match n {
        0..=9 => digit(n).to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { digit(n % 10) }),
        20..=99 => format!(
            "{}十{}",
            digit(n / 10),
            if n.is_multiple_of(10) { "" } else { digit(n % 10) }
        ),
        100..=999 => {
            let rest = n % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", digit(rest)),
                10..=19 => format!("一{}", zh_number(rest)),
                _ => zh_number(rest),
            };
            format!("{}百{tail}", digit(n / 100))
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// As docs/rule-language.md says: `from` includes its date, `until`
    /// excludes it, so two citations with the same date meet without a gap.
    #[test]
    fn from_includes_its_date_and_until_excludes_it() {
        let day = |d: u8| Date::from_calendar_date(2015, time::Month::April, d).unwrap();
        let cite = |from: Option<Date>, until: Option<Date>| Citation {
            instrument: "ESL".into(),
            target: Target::Article {
                number: 17,
                para: None,
                item: Some(4),
            },
            from,
            until,
        };
        let old = cite(None, Some(day(24)));
        let new = cite(Some(day(24)), None);
        assert!(old.within(day(23)) && !old.within(day(24)));
        assert!(!new.within(day(23)) && new.within(day(24)));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(zh_number(1), "一");
        assert_eq!(zh_number(10), "十");
        assert_eq!(zh_number(17), "十七");
        assert_eq!(zh_number(21), "二十一");
        assert_eq!(zh_number(30), "三十");
        assert_eq!(zh_number(105), "一百零五");
        assert_eq!(zh_number(110), "一百一十");
    }

    #[test]
    fn citations_read_in_both_languages() {
        let c = Citation {
            instrument: "ESL".into(),
            target: Target::Article {
                number: 21,
                para: None,
                item: Some(1),
            },
            from: None,
            until: None,
        };
        assert_eq!(c.to_string(), "ESL 21(1)");
        assert_eq!(c.describe(Lang::En), "article 21, item (1)");
        assert_eq!(c.describe(Lang::Zh), "第二十一条第（一）项");
        let ch = Citation {
            target: Target::Chapter(3),
            ..c
        };
        assert_eq!(ch.describe(Lang::En), "chapter 3 (article not known)");
        let sec = Citation {
            instrument: "RFC-5280".into(),
            target: Target::Section("4.1.2.2".into()),
            ..ch
        };
        assert_eq!(sec.to_string(), "RFC-5280 section 4.1.2.2");
        assert_eq!(sec.describe(Lang::En), "§4.1.2.2");
        assert_eq!(sec.describe(Lang::Zh), "第4.1.2.2节");
        assert_eq!(sec.article(), None);
    }
}
