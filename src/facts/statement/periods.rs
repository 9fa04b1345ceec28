//! Periods of time stated in words or figures, in Chinese or English:
//! "五年", "5年", "六十个月", "三年六个月", "九十日", "five years", "sixty
//! months", "ninety (90) days", "60 days". Years and months are calendar
//! periods ([`Period`]), never approximated in days. Dates such as
//! "2024年9月2日" are not periods and are skipped.

use std::sync::LazyLock;

use regex::Regex;

use crate::dates::Period;

/// A period found in a text, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub period: Period,
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

/// `amount` of a unit word as a period.
fn period(amount: i64, unit: &str) -> Option<Period> {
    let u = unit.to_lowercase();
    Some(match u.trim_end_matches('s') {
        "year" | "年" => Period::years(amount),
        "month" | "月" => Period::months(amount),
        "week" | "周" | "星期" => Period::days(amount.saturating_mul(7)),
        "day" | "日" | "天" => Period::days(amount),
        _ => return None,
    })
}

/// What may join the parts of one period: `三年六个月`, `三年零六个月`,
/// `three years and six months`, `3 years, 6 months`.
fn joins_parts(between: &str) -> bool {
    matches!(
        between.trim().trim_matches(|c: char| c == ',' || c == '，').trim(),
        "" | "and" | "又" | "零"
    )
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
/// ("ninety (90) days") count once; a period stated in parts of larger and
/// smaller units ("三年六个月", "three years and six months") is one.
pub fn find(text: &str) -> Vec<Mention> {
    let dates: Vec<(usize, usize)> = DATES.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let in_date = |s: usize, e: usize| dates.iter().any(|(a, b)| s < *b && *a < e);
    let mut found: Vec<Mention> = Vec::new();
    let mut add = |start: usize, end: usize, amount: Option<i64>, unit: Option<&str>| {
        let (Some(amount), Some(unit)) = (amount, unit) else {
            return;
        };
        let Some(period) = period(amount, unit) else {
            return;
        };
        if in_date(start, end) || found.iter().any(|p| start < p.end && p.start < end) {
            return;
        }
        found.push(Mention { period, start, end });
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
    join_parts(text, found)
}

/// Years followed by months (or months by days) with nothing but `and`
/// between them are one period: `三年六个月` is 42 months.
fn join_parts(text: &str, found: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for m in found {
        if let Some(last) = out.last_mut()
            && text.get(last.end..m.start).is_some_and(joins_parts)
            && smaller_unit(&last.period, &m.period)
        {
            last.period = last.period.plus(&m.period);
            last.end = m.end;
            continue;
        }
        out.push(m);
    }
    out
}

/// Does `next` count in a smaller unit than `before` (years, then months,
/// then days), as the parts of one period do? Months are a part only when
/// fewer than a year: "三年十八个月" is two periods. (A part in days after
/// one with days is not smaller: the rank says so, no test of days needed.)
fn smaller_unit(before: &Period, next: &Period) -> bool {
    let rank = |p: &Period| match (p.months, p.days) {
        (m, 0) if m % 12 == 0 => 2,
        (_, 0) => 1,
        _ => 0,
    };
    (0..12).contains(&next.months.abs()) && rank(next) < rank(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn periods(text: &str) -> Vec<Period> {
        find(text).into_iter().map(|p| p.period).collect()
    }

    #[test]
    fn chinese_and_english_words_and_figures() {
        assert_eq!(periods("证书失效后保存五年"), vec![Period::years(5)]);
        assert_eq!(periods("至少保存5年"), vec![Period::years(5)]);
        assert_eq!(periods("在终止服务九十日前通知"), vec![Period::days(90)]);
        assert_eq!(periods("六十日前向主管部门报告"), vec![Period::days(60)]);
        assert_eq!(periods("kept for five years"), vec![Period::years(5)]);
        assert_eq!(periods("kept for 5 years"), vec![Period::years(5)]);
        assert_eq!(periods("at least ninety (90) days before"), vec![Period::days(90)]);
        assert_eq!(periods("ninety days"), vec![Period::days(90)]);
        assert_eq!(periods("thirty calendar days"), vec![Period::days(30)]);
        assert_eq!(periods("三年"), vec![Period::years(3)]);
        assert_eq!(periods("两年"), vec![Period::years(2)]);
        assert_eq!(periods("七日"), vec![Period::days(7)]);
        assert_eq!(periods("一百二十天"), vec![Period::days(120)]);
    }

    #[test]
    fn years_and_months_are_calendar_periods() {
        // Sixty months are five years, not 1,800 days.
        assert_eq!(periods("保存六十个月"), vec![Period::years(5)]);
        assert_eq!(periods("kept for sixty months"), vec![Period::years(5)]);
        assert_eq!(periods("kept for 60 months"), vec![Period::years(5)]);
        // A period in parts is one period.
        assert_eq!(periods("保存三年六个月"), vec![Period::months(42)]);
        assert_eq!(periods("保存三年零六个月"), vec![Period::months(42)]);
        assert_eq!(periods("three years and 6 months"), vec![Period::months(42)]);
        assert_eq!(periods("1 month and 10 days"), vec![Period { months: 1, days: 10 }]);
        // Two periods side by side stay two.
        assert_eq!(periods("五年或十年"), vec![Period::years(5), Period::years(10)]);
        assert_eq!(
            periods("6 months and 3 years"),
            vec![Period::months(6), Period::years(3)]
        );
    }

    #[test]
    fn dates_are_not_periods() {
        assert!(periods("本规则自2024年9月2日起施行").is_empty());
        assert!(periods("effective 2024-09-02").is_empty());
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
    fn every_numeral_and_unit_word() {
        let zh = [
            ("一", 1),
            ("二", 2),
            ("两", 2),
            ("三", 3),
            ("四", 4),
            ("五", 5),
            ("六", 6),
            ("七", 7),
            ("八", 8),
            ("九", 9),
            ("十", 10),
            ("一百〇五", 105),
            ("两千", 2000),
        ];
        for (w, n) in zh {
            assert_eq!(zh_numeral(w), Some(n), "{w}");
        }
        let en = [
            ("one", 1),
            ("two", 2),
            ("three", 3),
            ("four", 4),
            ("five", 5),
            ("six", 6),
            ("seven", 7),
            ("eight", 8),
            ("nine", 9),
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("thirteen", 13),
            ("fourteen", 14),
            ("fifteen", 15),
            ("sixteen", 16),
            ("seventeen", 17),
            ("eighteen", 18),
            ("nineteen", 19),
            ("twenty", 20),
            ("thirty", 30),
            ("forty", 40),
            ("fifty", 50),
            ("sixty", 60),
            ("seventy", 70),
            ("eighty", 80),
            ("ninety", 90),
            ("hundred", 100),
            ("two hundred", 200),
        ];
        for (w, n) in en {
            assert_eq!(en_numeral(w), Some(n), "{w}");
        }
        // Nothing counted is no amount: no period of zero.
        assert_eq!(zh_numeral("零"), None);
        assert_eq!(en_numeral("and"), None);
        assert_eq!(periods("two weeks"), vec![Period::days(14)]);
        assert_eq!(periods("两周内"), vec![Period::days(14)]);
        assert_eq!(periods("三个星期"), vec![Period::days(21)]);
        assert_eq!(periods("10天"), vec![Period::days(10)]);
        assert_eq!(periods("ten months"), vec![Period::months(10)]);
    }

    #[test]
    fn only_a_smaller_unit_right_after_is_a_part() {
        // Figures and words mixed: still one period.
        assert_eq!(periods("保存三年6个月"), vec![Period::months(42)]);
        // Something else between: two periods.
        assert_eq!(periods("五年或六个月"), vec![Period::years(5), Period::months(6)]);
        // Not smaller: the same unit, a larger one, or a year and more.
        assert_eq!(
            periods("6 months and 3 months"),
            vec![Period::months(6), Period::months(3)]
        );
        assert_eq!(
            periods("10 days and 1 month"),
            vec![Period::days(10), Period::months(1)]
        );
        assert_eq!(periods("三年十八个月"), vec![Period::years(3), Period::months(18)]);
        assert_eq!(periods("三年十一个月"), vec![Period::months(47)]);
    }

    #[test]
    fn a_period_right_beside_a_date_is_still_a_period() {
        assert_eq!(periods("自2024年9月2日起保存五年"), vec![Period::years(5)]);
        assert_eq!(periods("2024年9月2日五年"), vec![Period::years(5)]);
        assert_eq!(periods("五年2024年9月2日"), vec![Period::years(5)]);
    }

    #[test]
    fn spans_point_at_the_mention() {
        let t = "Records are kept for three years.";
        let p = &find(t)[0];
        assert_eq!(&t[p.start..p.end], "three years");
    }
}
