//! Periods of time as the law counts them (民法典 Civil Code arts. 200–204):
//! calendar months (a year is twelve) and days, never months of "30 days".
//!
//! - Art. 201: a period counted in years, months or days does not count the
//!   day it starts from; it begins the next day.
//! - Art. 202: a period in years or months ends on the corresponding day of
//!   its last month; when that month has no such day, on its last day.
//!
//! So five years from 2020-02-29 end on 2025-02-28, and sixty months are
//! five years exactly. A period in months compared with one in days depends
//! on where it starts (five years are 1,826 or 1,827 days): [`Period::minus`]
//! gives the least and greatest difference, and a comparison the range does
//! not settle is unknown.

use std::sync::LazyLock;

use time::{Date, Month};

/// A period of calendar months and days: `5 years` is 60 months, `90 days`
/// 90 days, `三年六个月` 42 months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct Period {
    pub months: i64,
    pub days: i64,
}

impl Period {
    pub const fn days(days: i64) -> Self {
        Self { months: 0, days }
    }

    pub const fn months(months: i64) -> Self {
        Self { months, days: 0 }
    }

    pub const fn years(years: i64) -> Self {
        Self::months(years.saturating_mul(12))
    }

    /// Counted in days only: compared with another such period exactly.
    pub fn is_in_days(&self) -> bool {
        self.months == 0
    }

    /// The sum of two periods (`三年` and `六个月`).
    pub fn plus(&self, other: &Period) -> Period {
        Period {
            months: self.months.saturating_add(other.months),
            days: self.days.saturating_add(other.days),
        }
    }

    /// The least and greatest number of days the period can span, over every
    /// start date (counted as art. 202 does; in the years 1901–2099, where
    /// every fourth year is a leap year).
    pub fn day_span(&self) -> (i64, i64) {
        let (lo, hi) = month_span(self.months);
        (lo.saturating_add(self.days), hi.saturating_add(self.days))
    }

    /// The least and greatest number of days by which `self` exceeds
    /// `other`, over every start date. Equal months leave the days alone, so
    /// periods of the same kind compare exactly: `60 months` − `5 years` is
    /// (0, 0); `5 years` − `1825 days` is (1, 2).
    pub fn minus(&self, other: &Period) -> (i64, i64) {
        Period {
            months: self.months.saturating_sub(other.months),
            days: self.days.saturating_sub(other.days),
        }
        .day_span()
    }

    /// The last day of the period counted from `date` (Civil Code arts.
    /// 201–202): `date` itself is not counted; whole months end on the
    /// corresponding day of the last month, or on its last day when it has
    /// none; days are then added. `None` beyond the calendar's range.
    pub fn last_day_from(&self, date: Date) -> Option<Date> {
        let end = add_months(date, self.months)?;
        end.checked_add(time::Duration::days(self.days))
    }
}

/// `date` moved by `months` calendar months, on the same day of the month or
/// on the month's last day when it is shorter.
fn add_months(date: Date, months: i64) -> Option<Date> {
    let index = i64::from(date.year())
        .checked_mul(12)?
        .checked_add(i64::from(u8::from(date.month())) - 1)?
        .checked_add(months)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// Days in a four-year cycle of the calendar from 1901 to 2099.
const CYCLE_DAYS: i64 = 1461;

/// For 0..48 months: the least and greatest number of days they span from
/// any start date of one four-year cycle (2001–2004). Forty-eight months
/// are always 1,461 days in those years, so this table gives every length.
static SPANS: LazyLock<Vec<(i64, i64)>> = LazyLock::new(|| {
    let start = Date::from_calendar_date(2001, Month::January, 1).ok();
    (0..48)
        .map(|m| {
            let lengths = (0..CYCLE_DAYS).filter_map(|d| {
                let from = start?.checked_add(time::Duration::days(d))?;
                Some((add_months(from, m)? - from).whole_days())
            });
            lengths.fold((i64::MAX, i64::MIN), |(lo, hi), n| (lo.min(n), hi.max(n)))
        })
        .collect()
});

/// The least and greatest number of days `months` calendar months span
/// (negative months: the negated range).
fn month_span(months: i64) -> (i64, i64) {
    let cycles = months.unsigned_abs() / 48;
    let rest = usize::try_from(months.unsigned_abs() % 48).unwrap_or(0);
    let (lo, hi) = SPANS.get(rest).copied().unwrap_or((0, 0));
    let base = i64::try_from(cycles).unwrap_or(i64::MAX).saturating_mul(CYCLE_DAYS);
    let (lo, hi) = (base.saturating_add(lo), base.saturating_add(hi));
    if months < 0 { (-hi, -lo) } else { (lo, hi) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        crate::dates::parse_date(s).unwrap()
    }

    #[test]
    fn periods_end_as_the_civil_code_counts_them() {
        // Art. 202: no 29 February in 2025, so the last day of February.
        assert_eq!(
            Period::years(5).last_day_from(day("2020-02-29")),
            Some(day("2025-02-28"))
        );
        assert_eq!(
            Period::months(1).last_day_from(day("2021-01-31")),
            Some(day("2021-02-28"))
        );
        assert_eq!(
            Period::months(1).last_day_from(day("2024-01-31")),
            Some(day("2024-02-29"))
        );
        assert_eq!(
            Period::months(60).last_day_from(day("2019-07-15")),
            Some(day("2024-07-15"))
        );
        // Art. 201: the first day is not counted; seven days from the 1st end on the 8th.
        assert_eq!(
            Period::days(7).last_day_from(day("2021-01-01")),
            Some(day("2021-01-08"))
        );
        let p = Period { months: 1, days: 10 };
        assert_eq!(p.last_day_from(day("2021-01-31")), Some(day("2021-03-10")));
    }

    #[test]
    fn months_span_a_range_of_days() {
        assert_eq!(Period::years(5).day_span(), (1826, 1827));
        assert_eq!(Period::years(1).day_span(), (365, 366));
        assert_eq!(Period::months(1).day_span(), (28, 31));
        assert_eq!(Period::years(4).day_span(), (1461, 1461));
        assert_eq!(Period::years(10).day_span(), (3652, 3653));
        assert_eq!(Period::days(90).day_span(), (90, 90));
        assert_eq!(Period::months(-12).day_span(), (-366, -365));
    }

    #[test]
    fn the_same_kind_compares_exactly_and_mixed_kinds_by_their_range() {
        assert_eq!(Period::months(60).minus(&Period::years(5)), (0, 0));
        assert_eq!(Period::days(90).minus(&Period::days(60)), (30, 30));
        // 1,825 days are less than five years from any start.
        assert_eq!(Period::years(5).minus(&Period::days(1825)), (1, 2));
        // 1,826 days may or may not be five years.
        assert_eq!(Period::years(5).minus(&Period::days(1826)), (0, 1));
        assert_eq!(Period::months(42), Period::years(3).plus(&Period::months(6)));
    }
}
