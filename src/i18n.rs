//! Chinese and English: the [`Text`] of rule files and the words certlex
//! itself prints. Lawyers read both; every user-facing word has both forms.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// The language of the environment (`LANG`/`LC_ALL` starting with `zh`),
    /// else English.
    pub fn from_env() -> Self {
        let var = std::env::var("LC_ALL")
            .ok()
            .filter(|v| !v.is_empty())
            .or_else(|| std::env::var("LANG").ok())
            .unwrap_or_default();
        if var.starts_with("zh") { Lang::Zh } else { Lang::En }
    }

    /// Pick the word for this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// An English count with its noun: `counted(1, "subject")` is `1 subject`,
/// `counted(2, "input error")` is `2 input errors` (Chinese has no plural).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A whole number with its digits grouped by three: `group_digits(30000000, ',')`
/// is `30,000,000` (reports), with `'_'` it is `30_000_000` (rule files, YAML).
pub fn group_digits(n: i64, separator: char) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// A text in Chinese and/or English.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct Text {
    // English first: JSON objects list their keys in alphabetical order.
    pub en: Option<String>,
    pub zh: Option<String>,
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let readable = s.is_human_readable();
        let mut out = s.serialize_struct("Text", 2)?;
        optional_field(&mut out, readable, "en", &self.en)?;
        optional_field(&mut out, readable, "zh", &self.zh)?;
        out.end()
    }
}

/// Write an optional field of a struct: left out when absent in a format
/// people read (JSON), always written in the compact form of the compiled
/// rules, whose fields are known by position (`load::compiled`).
pub fn optional_field<S: serde::ser::SerializeStruct, T: Serialize>(
    out: &mut S,
    readable: bool,
    name: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    if readable && value.is_none() {
        out.skip_field(name)
    } else {
        out.serialize_field(name, value)
    }
}

impl Text {
    pub fn new(zh: Option<String>, en: Option<String>) -> Self {
        Self { zh, en }
    }

    pub fn both(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: Some(zh.into()),
            en: Some(en.into()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.zh.is_none() && self.en.is_none()
    }

    /// The text in `lang`, falling back to the other language.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let (first, second) = match lang {
            Lang::Zh => (&self.zh, &self.en),
            Lang::En => (&self.en, &self.zh),
        };
        first.as_deref().or(second.as_deref())
    }

    /// The text in `lang` only, with no fallback (what a wording says in that language).
    pub fn exactly(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Zh => self.zh.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    pub fn get_or<'a>(&'a self, lang: Lang, default: &'a str) -> &'a str {
        self.get(lang).unwrap_or(default)
    }
}

/// `s` padded to `width` terminal columns: a Chinese character takes two, so
/// columns of mixed text line up.
pub fn pad(s: &str, width: usize) -> String {
    let cols = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_a_plural_except_for_one() {
        assert_eq!(counted(0, "subject"), "0 subjects");
        assert_eq!(counted(1, "input error"), "1 input error");
        assert_eq!(counted(12, "input error"), "12 input errors");
    }

    #[test]
    fn digits_group_by_three_with_the_sign_kept() {
        assert_eq!(group_digits(30_000_000, ','), "30,000,000");
        assert_eq!(group_digits(-1_000, '_'), "-1_000");
        assert_eq!(group_digits(999, ','), "999");
    }
}
