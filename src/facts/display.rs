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
        Value::Period(p) => period(p, lang),
        Value::List(items) => items
            .iter()
            .map(|i| display(i, lang))
            .collect::<Vec<_>>()
            .join(lang.pick("、", ", ")),
        Value::Record(_) => lang.pick("（一组事实）", "(group of facts)").into(),
    }
}

/// A period as the law writes it: whole years as years (60 months → `5
/// years` / `5年`), then months and days (`3 years 6 months` / `3年6个月`,
/// `90 days` / `90日`); a day count is never turned into years.
fn period(p: &crate::dates::Period, lang: Lang) -> String {
    let parts = [
        (p.months / 12, "year", "years", "年"),
        (p.months % 12, "month", "months", "个月"),
        (p.days, "day", "days", "日"),
    ];
    let shown: Vec<String> = parts
        .iter()
        .filter(|(n, ..)| *n != 0)
        .map(|(n, one, many, zh)| match lang {
            Lang::Zh => format!("{}{zh}", group_thousands(*n)),
            Lang::En => format!("{} {}", group_thousands(*n), if *n == 1 { one } else { many }),
        })
        .collect();
    if shown.is_empty() {
        return lang.pick("0日", "0 days").to_string();
    }
    shown.join(lang.pick("", " "))
}

fn group_thousands(n: i64) -> String {
    crate::i18n::group_digits(n, ',')
}
