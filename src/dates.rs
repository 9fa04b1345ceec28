//! Dates and instants: facts hold instants as seconds since the epoch (UTC);
//! rule files and regimes speak in calendar dates.

mod period;

pub use period::Period;

use time::{Date, OffsetDateTime, UtcOffset};

/// Midnight UTC at the start of `d`, in seconds since the epoch.
pub fn midnight(d: Date) -> i64 {
    d.midnight().assume_utc().unix_timestamp()
}

/// The calendar date (UTC) of an instant.
pub fn date_of(secs: i64) -> Option<Date> {
    OffsetDateTime::from_unix_timestamp(secs)
        .ok()
        .map(|t| t.to_offset(UtcOffset::UTC).date())
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// `2024-09-02` for midnight, `2024-09-02T10:11:12Z` otherwise.
pub fn format_instant(secs: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(secs) {
        Ok(t) if t.time() == time::Time::MIDNIGHT => t.date().to_string(),
        Ok(_) => rfc3339(secs),
        Err(_) => format!("{secs} seconds after 1970"),
    }
}

/// An instant as RFC 3339 in UTC, always with its time (reports):
/// `2024-09-02T10:11:12Z`; the seconds as they are if out of range.
pub fn rfc3339(secs: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(secs) {
        Ok(t) => format!("{}T{:02}:{:02}:{:02}Z", t.date(), t.hour(), t.minute(), t.second()),
        Err(_) => secs.to_string(),
    }
}

/// Parse `YYYY-MM-DD` (command-line arguments, YAML).
pub fn parse_date(s: &str) -> Option<Date> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), fmt).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midnight_round_trips() {
        let d = parse_date("2019-04-23").unwrap();
        assert_eq!(date_of(midnight(d)), Some(d));
        assert_eq!(format_instant(midnight(d)), "2019-04-23");
        assert_eq!(format_instant(midnight(d) + 3661), "2019-04-23T01:01:01Z");
        assert!(parse_date("2019/4/23").is_none());
    }
}
