//! Periods of time stated in words or figures, in Chinese or English:
//! "五年", "5年", "九十日", "five years", "ninety (90) days", "60 days".
//! Dates such as "2024年9月2日" are not periods and are skipped.

use std::sync::LazyLock;

use regex::Regex;

/// A period found in a text: its length in days and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    pub days: i64,
    /// Byte range in the text that was searched.
    pub start: usize,
    pub end: usize,
}

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\d+)\s*\)?\s*(?:个\s*)?(?:calendar\s+|business\s+|working\s+)?(years?|months?|weeks?|days?|年|月|周|星期|日|天)")
        .expect("period pattern")
});

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static ZH_NUMERALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([零〇一二两三四五六七八九十百]+)\s*(?:个\s*)?(年|月|周|星期|日|天)").expect("chinese period pattern")
});

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static EN_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b((?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|and)[\s-]*)+)(?:\(\s*\d+\s*\)\s*)?(?:calendar\s+|business\s+|working\s+)?(years?|months?|weeks?|days?)\b",
    )
    .expect("english period pattern")
});

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static DATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日")
        .expect("date pattern")
});

fn unit_days(unit: &str) -> Option<i64> {
    let u = unit.to_lowercase();
    Some(match u.trim_end_matches('s') {
        "year" | "年" => 365,
        "month" | "月" => 30,
        "week" | "周" | "星期" => 7,
        "day" | "日" | "天" => 1,
        _ => return None,
    })
}

/// 五 → 5, 九十 → 90, 一百二十 → 120, 十 → 10, 两 → 2, 三千万 → 30,000,000,
/// 十万 → 100,000 (amounts of money are read with it too).
pub fn zh_numeral(s: &str) -> Option<i64> {
    let digit = |c: char| -> Option<i64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    // `total`: the groups of 万 and 亿 already closed; `section`: below 万.
    let mut total: i64 = 0;
    let mut section: i64 = 0;
    let mut current: Option<i64> = None;
    for c in s.chars() {
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                section = section.saturating_add(current.unwrap_or(1).saturating_mul(unit));
                current = None;
            }
            '万' => {
                let group = section.saturating_add(current.unwrap_or(0)).max(1);
                total = total.saturating_add(group.saturating_mul(10_000));
                section = 0;
                current = None;
            }
            '亿' => {
                let group = total
                    .saturating_add(section)
                    .saturating_add(current.unwrap_or(0))
                    .max(1);
                total = group.saturating_mul(100_000_000);
                section = 0;
                current = None;
            }
            c => current = Some(digit(c)?),
        }
    }
    Some(total.saturating_add(section).saturating_add(current.unwrap_or(0))).filter(|n| *n > 0)
}

/// "ninety" → 90, "one hundred and twenty" → 120, "twenty-one" → 21.
pub fn en_numeral(s: &str) -> Option<i64> {
    let mut total = 0;
    let mut current = 0;
    for w in s
        .to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let n = match w {
            "and" => continue,
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            "thirteen" => 13,
            "fourteen" => 14,
            "fifteen" => 15,
            "sixteen" => 16,
            "seventeen" => 17,
            "eighteen" => 18,
            "nineteen" => 19,
            "twenty" => 20,
            "thirty" => 30,
            "forty" => 40,
            "fifty" => 50,
            "sixty" => 60,
            "seventy" => 70,
            "eighty" => 80,
            "ninety" => 90,
            "hundred" => {
                current = current.max(1) * 100;
                continue;
            }
            _ => return None,
        };
        current += n;
    }
    total += current;
    Some(total).filter(|n| *n > 0)
}

/// Every period stated in `text`, in order. Overlapping mentions
/// ("ninety (90) days") count once.
pub fn find(text: &str) -> Vec<Period> {
    let dates: Vec<(usize, usize)> = DATES.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let in_date = |s: usize, e: usize| dates.iter().any(|(a, b)| s < *b && *a < e);
    let mut found: Vec<Period> = Vec::new();
    let mut add = |start: usize, end: usize, amount: Option<i64>, unit: Option<&str>| {
        let (Some(amount), Some(per)) = (amount, unit.and_then(unit_days)) else {
            return;
        };
        if in_date(start, end) || found.iter().any(|p| start < p.end && p.start < end) {
            return;
        }
        found.push(Period {
            days: amount.saturating_mul(per),
            start,
            end,
        });
    };
    for c in EN_WORDS.captures_iter(text) {
        let (Some(m), Some(n), Some(u)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        add(m.start(), m.end(), en_numeral(n.as_str()), Some(u.as_str()));
    }
    for c in DIGITS.captures_iter(text) {
        let (Some(m), Some(n), Some(u)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        add(m.start(), m.end(), n.as_str().parse().ok(), Some(u.as_str()));
    }
    for c in ZH_NUMERALS.captures_iter(text) {
        let (Some(m), Some(n), Some(u)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        add(m.start(), m.end(), zh_numeral(n.as_str()), Some(u.as_str()));
    }
    found.sort_by_key(|p| p.start);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> Vec<i64> {
        find(text).into_iter().map(|p| p.days).collect()
    }

    #[test]
    fn chinese_and_english_words_and_figures() {
        assert_eq!(days("证书失效后保存五年"), vec![5 * 365]);
        assert_eq!(days("至少保存5年"), vec![5 * 365]);
        assert_eq!(days("在终止服务九十日前通知"), vec![90]);
        assert_eq!(days("六十日前向主管部门报告"), vec![60]);
        assert_eq!(days("kept for five years"), vec![5 * 365]);
        assert_eq!(days("kept for 5 years"), vec![5 * 365]);
        assert_eq!(days("at least ninety (90) days before"), vec![90]);
        assert_eq!(days("thirty calendar days"), vec![30]);
        assert_eq!(days("三年"), vec![3 * 365]);
        assert_eq!(days("两年"), vec![2 * 365]);
        assert_eq!(days("一百二十天"), vec![120]);
        assert_eq!(days("three years and 6 months"), vec![3 * 365, 6 * 30]);
    }

    #[test]
    fn dates_are_not_periods() {
        assert!(days("本规则自2024年9月2日起施行").is_empty());
        assert!(days("effective 2024-09-02").is_empty());
    }

    #[test]
    fn numerals() {
        assert_eq!(zh_numeral("九十"), Some(90));
        assert_eq!(zh_numeral("十"), Some(10));
        assert_eq!(zh_numeral("十五"), Some(15));
        assert_eq!(zh_numeral("一百零五"), Some(105));
        assert_eq!(zh_numeral("三千万"), Some(30_000_000));
        assert_eq!(zh_numeral("十万"), Some(100_000));
        assert_eq!(zh_numeral("三十万"), Some(300_000));
        assert_eq!(zh_numeral("一亿五千万"), Some(150_000_000));
        assert_eq!(en_numeral("one hundred and twenty"), Some(120));
        assert_eq!(en_numeral("twenty-one"), Some(21));
        assert_eq!(en_numeral("banana"), None);
    }

    #[test]
    fn spans_point_at_the_mention() {
        let t = "Records are kept for three years.";
        let p = &find(t)[0];
        assert_eq!(&t[p.start..p.end], "three years");
    }
}
