//! Values as people read them, in either language: for rule messages (the
//! engine), for reports and for the readers' own messages (a CA profile over
//! its size limit). Beside the values, so every layer above can use it.

use super::Value;
use crate::i18n::Lang;

/// A value as people read it: `30,000,000`, `2024-09-02`, `5 years` / `5年`.
pub fn display(v: &Value, lang: Lang) -> String {
    match v {
        Value::Absent => lang.pick("（无）", "(none)").into(),
        Value::Unknown(_) => lang.pick("（未知）", "(unknown)").into(),
        Value::Bool(b) => match (b, lang) {
            (true, Lang::Zh) => "是".into(),
            (false, Lang::Zh) => "否".into(),
            (b, Lang::En) => b.to_string(),
        },
        Value::Int(n) => group_thousands(*n),
        Value::Str(s) => s.to_string(),
        Value::Date(t) => crate::dates::format_instant(*t),
        Value::Duration(d) => duration(*d, lang),
        Value::List(items) => items
            .iter()
            .map(|i| display(i, lang))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", ")),
        Value::Record(_) => lang.pick("（一组事实）", "(group of facts)").into(),
    }
}

/// Whole years as years (1825 → `5 years` / `5年`), anything else in days as
/// the law writes them (90 → `90 days` / `90日`), never in approximate months.
fn duration(days: i64, lang: Lang) -> String {
    let (n, en, en_one, zh) = if days != 0 && days % 365 == 0 {
        (days / 365, "years", "year", "年")
    } else {
        (days, "days", "day", "日")
    };
    match lang {
        Lang::Zh => format!("{}{zh}", group_thousands(n)),
        Lang::En => format!("{} {}", group_thousands(n), if n == 1 { en_one } else { en }),
    }
}

fn group_thousands(n: i64) -> String {
    crate::i18n::group_digits(n, ',')
}
