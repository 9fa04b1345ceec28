//! Reading the scalar values of a profile: whole numbers (amounts of RMB,
//! counts), dates and durations, and the hints given when one is written
//! the way people say it rather than the way certlex reads it.

use crate::lang::ast::DurationUnit;

/// Why a value could not be read, and how to write it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    pub message: String,
    pub help: String,
}

fn bad(message: impl Into<String>, help: impl Into<String>) -> Bad {
    Bad {
        message: message.into(),
        help: help.into(),
    }
}

/// `70_000_000` with `_` between thousands.
pub fn group(n: i64) -> String {
    crate::i18n::group_digits(n, '_')
}

/// A whole number written as text: digits with optional `_` separators
/// (YAML integers are read by the YAML parser; this is for quoted ones).
pub fn digits(text: &str) -> Option<i64> {
    let t = text.trim();
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    if !t.chars().all(|c| c.is_ascii_digit() || c == '_') {
        return None;
    }
    t.replace('_', "").parse().ok()
}

/// What a number written with a unit word or separators means, if it is
/// plain enough to say: `7000万` → 70_000_000, `7,000,000` → 7_000_000,
/// `70 million` → 70_000_000. Used only for hints: certlex never guesses
/// an amount into a fact.
pub fn spoken_amount(text: &str) -> Option<i64> {
    let mut t = text.trim().to_lowercase();
    for prefix in ["rmb", "cny", "¥", "￥", "人民币"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim().to_string();
        }
    }
    for suffix in ["元人民币", "人民币", "元", "rmb", "cny", "yuan"] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest.trim().to_string();
        }
    }
    let units: [(&str, f64); 8] = [
        ("亿", 1e8),
        ("千万", 1e7),
        ("百万", 1e6),
        ("万", 1e4),
        ("million", 1e6),
        ("billion", 1e9),
        ("thousand", 1e3),
        ("m", 1e6),
    ];
    let (number, factor) = units
        .iter()
        .find_map(|(u, f)| t.strip_suffix(u).map(|n| (n.trim().to_string(), *f)))
        .unwrap_or((t.clone(), 1.0));
    let plain: String = number
        .chars()
        .filter(|c| *c != ',' && *c != '，' && *c != '_')
        .collect();
    if plain.is_empty() || !plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let x: f64 = plain.parse().ok()?;
    let amount = (x * factor).round();
    if !(0.0..9e15).contains(&amount) || (amount - x * factor).abs() > 0.001 {
        return None;
    }
    Some(amount as i64)
}

/// A whole number from text that is not one; the error says how to write it.
/// `money` selects the wording for amounts of RMB.
pub fn not_a_number(text: &str, money: bool) -> Bad {
    let example = if money { "70_000_000" } else { "45" };
    let what = if money {
        "write RMB as a whole number of yuan"
    } else {
        "write a whole number"
    };
    match spoken_amount(text) {
        Some(n) => bad(
            format!("`{text}` is not a whole number"),
            format!("{what}: `{text}` is written `{}`", group(n)),
        ),
        None => bad(
            format!("`{text}` is not a whole number"),
            format!("{what}, e.g. `{example}`"),
        ),
    }
}

/// A date `YYYY-MM-DD`, or why not and the date it seems to mean.
pub fn date(text: &str) -> Result<time::Date, Bad> {
    if let Some(d) = crate::dates::parse_date(text) {
        return Ok(d);
    }
    let help = match guess_date(text) {
        Some(d) => format!("write dates as YYYY-MM-DD: `{text}` is written `{d}`"),
        None => "write dates as YYYY-MM-DD, e.g. `2029-06-30`".to_string(),
    };
    Err(bad(format!("`{text}` is not a date"), help))
}

/// `2024/1/5`, `2024.01.05`, `2024年1月5日` as a date, for the hint only.
fn guess_date(text: &str) -> Option<time::Date> {
    let parts: Vec<&str> = text
        .trim()
        .split(['/', '.', '年', '月', '日', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else { return None };
    if y.len() != 4 {
        return None;
    }
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

/// A period `90 days`, `6 months`, `5 years`, as rule files write them:
/// calendar months and days (a year is twelve months).
pub fn duration(text: &str) -> Result<crate::dates::Period, Bad> {
    let t = text.trim();
    let mut parts = t.split_whitespace();
    let (Some(amount), Some(unit), None) = (parts.next(), parts.next(), parts.next()) else {
        return Err(duration_error(t));
    };
    let unit = match unit.to_lowercase().as_str() {
        "day" | "days" => DurationUnit::Days,
        "week" | "weeks" => DurationUnit::Weeks,
        "month" | "months" => DurationUnit::Months,
        "year" | "years" => DurationUnit::Years,
        _ => return Err(duration_error(t)),
    };
    let amount = digits(amount).ok_or_else(|| duration_error(t))?;
    Ok(unit.period(amount))
}

fn duration_error(text: &str) -> Bad {
    let chinese = [
        ("天", "days"),
        ("日", "days"),
        ("周", "weeks"),
        ("个月", "months"),
        ("月", "months"),
        ("年", "years"),
    ];
    let hint = chinese.iter().find_map(|(zh, en)| {
        let n = text.strip_suffix(zh)?.trim();
        digits(n).map(|n| format!("`{text}` is written `{n} {en}`"))
    });
    bad(
        format!("`{text}` is not a duration"),
        match hint {
            Some(h) => format!("write a number and a unit in English: {h}"),
            None => "write a number and a unit: `90 days`, `6 months`, `5 years`".to_string(),
        },
    )
}

/// A SHA-256 fingerprint as 64 lowercase hexadecimal digits.
pub fn sha256(text: &str) -> Result<String, Bad> {
    let hex: String = text
        .chars()
        .filter(|c| !matches!(c, ':' | ' ' | '-'))
        .collect::<String>()
        .to_lowercase();
    if hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(hex);
    }
    let digits = hex.chars().filter(char::is_ascii_hexdigit).count();
    Err(bad(
        format!("`{text}` is not a SHA-256 fingerprint"),
        format!(
            "a SHA-256 fingerprint has 64 hexadecimal digits (this has {digits}{}); e.g. `openssl x509 -noout -fingerprint -sha256 -in ca.pem`",
            if digits == hex.len() {
                ""
            } else {
                " and other characters"
            }
        ),
    ))
}

/// The alphabet of unified social credit codes (GB 32100-2015): digits and
/// capitals without I, O, S, V and Z.
const CREDIT_ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Does a unified social credit code have 18 characters of its alphabet and
/// the right check character (GB 32100-2015)?
pub fn credit_code_valid(code: &str) -> bool {
    let values: Option<Vec<u32>> = code
        .chars()
        .map(|c| CREDIT_ALPHABET.find(c).and_then(|i| u32::try_from(i).ok()))
        .collect();
    let Some(values) = values else { return false };
    let [body @ .., check] = values.as_slice() else {
        return false;
    };
    if body.len() != 17 {
        return false;
    }
    let sum: u32 = body.iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
    (31 - sum % 31) % 31 == *check
}

/// The kind of organisation the first two characters of a credit code register.
pub fn credit_code_kind(code: &str) -> &'static str {
    match code.get(..2) {
        Some("91") => "enterprise",
        Some("92") => "individual-business",
        Some("93") => "cooperative",
        Some("12") => "institution",
        Some("51" | "52" | "53") => "social-organisation",
        _ => "other",
    }
}

/// The check character a 17-character code prefix needs (for tests).
#[cfg(test)]
pub fn credit_check_char(body: &str) -> Option<char> {
    let values: Option<Vec<u32>> = body
        .chars()
        .map(|c| CREDIT_ALPHABET.find(c).and_then(|i| u32::try_from(i).ok()))
        .collect();
    let values = values.filter(|v| v.len() == 17)?;
    let sum: u32 = values.iter().zip(CREDIT_WEIGHTS).map(|(v, w)| v * w).sum();
    CREDIT_ALPHABET.chars().nth(((31 - sum % 31) % 31) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Period;

    #[test]
    fn amounts_spoken_in_words_are_hinted_never_read() {
        assert_eq!(spoken_amount("7000万"), Some(70_000_000));
        assert_eq!(spoken_amount("7,000,000"), Some(7_000_000));
        assert_eq!(spoken_amount("70 million"), Some(70_000_000));
        assert_eq!(spoken_amount("RMB 30 million"), Some(30_000_000));
        assert_eq!(spoken_amount("3000万元"), Some(30_000_000));
        assert_eq!(spoken_amount("0.7亿"), Some(70_000_000));
        assert_eq!(spoken_amount("lots"), None);
        let b = not_a_number("7000万", true);
        assert_eq!(
            b.help,
            "write RMB as a whole number of yuan: `7000万` is written `70_000_000`"
        );
    }

    #[test]
    fn quoted_digits_with_underscores_are_numbers() {
        assert_eq!(digits("70_000_000"), Some(70_000_000));
        assert_eq!(digits("70000000"), Some(70_000_000));
        assert_eq!(digits("_7"), None);
        assert_eq!(digits("7,000"), None);
        assert_eq!(group(70_000_000), "70_000_000");
        assert_eq!(group(999), "999");
    }

    #[test]
    fn dates_and_durations() {
        assert!(date("2029-06-30").is_ok());
        assert_eq!(
            date("2029/6/30").unwrap_err().help,
            "write dates as YYYY-MM-DD: `2029/6/30` is written `2029-06-30`"
        );
        assert_eq!(duration("90 days"), Ok(Period::days(90)));
        assert_eq!(duration("5 years"), Ok(Period::years(5)));
        assert_eq!(duration("60 months"), Ok(Period::years(5)));
        assert_eq!(duration("6 months"), Ok(Period::months(6)));
        assert!(duration("90").is_err());
        assert!(duration("90天").unwrap_err().help.contains("`90 days`"));
    }

    #[test]
    fn fingerprints_are_normalised() {
        let colons = "AB:".repeat(31) + "AB";
        assert_eq!(sha256(&colons), Ok("ab".repeat(32)));
        assert!(sha256("abc").is_err());
    }

    #[test]
    fn credit_codes_have_a_check_character() {
        // The sample code published with GB 32100-2015 explanations.
        assert!(credit_code_valid("91350100M000100Y43"));
        assert!(!credit_code_valid("91350100M000100Y44"));
        assert!(!credit_code_valid("91350100M000100Y4"));
        assert_eq!(credit_check_char("91350100M000100Y4"), Some('3'));
        assert_eq!(credit_code_kind("91350100M000100Y43"), "enterprise");
    }
}
