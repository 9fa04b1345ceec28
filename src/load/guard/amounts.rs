//! The numbers a wording states, with their unit, in Chinese numerals or
//! figures and in English: periods (五年, 15日, 45 days: read by the same
//! reader as rule statements' periods), sums of money (三千万元, RMB 300,000,
//! RMB 30 million), counts of people (三十名, 30 persons) and multiples
//! (三倍, 3 times).

use std::sync::LazyLock;

use regex::Regex;

use crate::facts::statement::periods::{self, en_numeral, zh_numeral};

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A period, in days (a year counts 365, a month 30, as parameters do).
    Days,
    Yuan,
    People,
    Times,
}

/// A number stated in a text: its value in `unit` and the words that state it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    pub unit: Unit,
    pub value: i64,
    pub written: String,
}

const ZH_DIGITS: &str = "零〇一二两三四五六七八九十百千万亿";
const EN_WORDS: &str = r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[\s-]*)+";

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static ZH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([{ZH_DIGITS}]+|\d[\d,]*(?:\.\d+)?\s*[万亿]?)\s*(元|名|人|位|倍)"
    ))
    .expect("chinese amount pattern")
});

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static EN_MONEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:RMB|CNY)\s*(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion))?|\b(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion))?\s*yuan\b")
        .expect("english money pattern")
});

#[expect(clippy::expect_used, reason = "constant patterns, checked by the tests")]
static EN_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d[\d,]*|{EN_WORDS})\s+(?:[a-z-]+\s+){{0,2}}?(persons|people|staff|employees|professionals|times?)\b"
    ))
    .expect("english count pattern")
});

/// `30,000,000` → 30000000; `1.5` with a multiplier of a million → 1500000.
fn figure(digits: &str, multiplier: i64) -> Option<i64> {
    let clean: String = digits.chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
    match clean.split_once('.') {
        None => clean.parse::<i64>().ok()?.checked_mul(multiplier),
        Some((whole, frac)) => {
            let scale = 10_i64.checked_pow(u32::try_from(frac.len()).ok()?)?;
            let n = format!("{whole}{frac}").parse::<i64>().ok()?;
            let v = n.checked_mul(multiplier)?;
            (v % scale == 0).then(|| v / scale)
        }
    }
}

fn multiplier(word: Option<&str>) -> i64 {
    match word.map(str::to_lowercase).as_deref() {
        Some("million") => 1_000_000,
        Some("billion") => 1_000_000_000,
        _ => 1,
    }
}

/// Every number with a unit that `text` states, in order of appearance.
pub fn amounts(text: &str) -> Vec<Amount> {
    let mut found: Vec<(usize, Amount)> = periods::find(text)
        .into_iter()
        .map(|p| {
            (
                p.start,
                Amount {
                    unit: Unit::Days,
                    value: p.days,
                    written: text.get(p.start..p.end).unwrap_or("").to_string(),
                },
            )
        })
        .collect();
    let mut add = |start: usize, written: &str, unit: Unit, value: Option<i64>| {
        if let Some(value) = value.filter(|v| *v > 0) {
            found.push((
                start,
                Amount {
                    unit,
                    value,
                    written: written.trim().to_string(),
                },
            ));
        }
    };
    for c in ZH.captures_iter(text) {
        let (Some(m), Some(n), Some(u)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let number = n.as_str().trim();
        let value = if number.starts_with(|c: char| c.is_ascii_digit()) {
            let (digits, mult) = match number.strip_suffix('万') {
                Some(d) => (d, 10_000),
                None => number.strip_suffix('亿').map_or((number, 1), |d| (d, 100_000_000)),
            };
            figure(digits, mult)
        } else {
            zh_numeral(number)
        };
        let unit = match u.as_str() {
            "元" => Unit::Yuan,
            "倍" => Unit::Times,
            _ => Unit::People,
        };
        add(m.start(), m.as_str(), unit, value);
    }
    for c in EN_MONEY.captures_iter(text) {
        let Some(m) = c.get(0) else { continue };
        let (n, mult) = match c.get(1) {
            Some(n) => (n, c.get(2)),
            None => match c.get(3) {
                Some(n) => (n, c.get(4)),
                None => continue,
            },
        };
        let value = figure(n.as_str(), multiplier(mult.map(|w| w.as_str())));
        add(m.start(), m.as_str(), Unit::Yuan, value);
    }
    for c in EN_COUNT.captures_iter(text) {
        let (Some(m), Some(n), Some(u)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let number = n.as_str().trim();
        let value = if number.starts_with(|c: char| c.is_ascii_digit()) {
            figure(number, 1)
        } else {
            en_numeral(number)
        };
        let unit = if u.as_str().to_lowercase().starts_with("time") {
            Unit::Times
        } else {
            Unit::People
        };
        add(m.start(), m.as_str(), unit, value);
    }
    found.sort_by_key(|(start, _)| *start);
    found.into_iter().map(|(_, a)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str, unit: Unit) -> Vec<i64> {
        amounts(text)
            .into_iter()
            .filter(|a| a.unit == unit)
            .map(|a| a.value)
            .collect()
    }

    #[test]
    fn chinese_numerals_and_figures() {
        assert_eq!(of("注册资本不低于人民币三千万元。", Unit::Yuan), vec![30_000_000]);
        assert_eq!(of("处十万元以上三十万元以下的罚款", Unit::Yuan), vec![100_000, 300_000]);
        assert_eq!(of("注册资本不低于人民币3000万元", Unit::Yuan), vec![30_000_000]);
        assert_eq!(of("客户服务人员不少于三十名", Unit::People), vec![30]);
        assert_eq!(of("处违法所得一倍以上三倍以下的罚款", Unit::Times), vec![1, 3]);
        assert_eq!(
            of("信息保存期限至少为电子签名认证证书失效后五年", Unit::Days),
            vec![5 * 365]
        );
        assert_eq!(of("应当在完成工商变更登记之日起15日内办理", Unit::Days), vec![15]);
        assert_eq!(of("自接到申请之日起四十五日内作出", Unit::Days), vec![45]);
    }

    #[test]
    fn english_figures_and_words() {
        assert_eq!(
            of("not less than RMB 100,000 and not more than RMB 300,000", Unit::Yuan),
            vec![100_000, 300_000]
        );
        assert_eq!(of("registered capital of RMB 30 million", Unit::Yuan), vec![30_000_000]);
        assert_eq!(of("not more than 3 times the illegal income", Unit::Times), vec![3]);
        assert_eq!(
            of("at least thirty professional technical staff", Unit::People),
            vec![30]
        );
        assert_eq!(of("for a period of at least 5 years after", Unit::Days), vec![5 * 365]);
        assert_eq!(of("within 90 days before", Unit::Days), vec![90]);
    }

    #[test]
    fn article_numbers_and_dates_are_not_amounts() {
        assert!(amounts("符合本法第十七条规定条件的相关材料").is_empty());
        assert!(amounts("complying with the conditions specified in Article 17 hereof").is_empty());
        assert!(amounts("本法自2005年4月1日起施行").is_empty());
    }

    #[test]
    fn the_words_are_kept() {
        let a = amounts("处一万元以上五万元以下的罚款");
        assert_eq!(a[0].written, "一万元");
        assert_eq!(a[1].written, "五万元");
    }
}
