//! Dates in front matter, in every form the usual blog tools write:
//! `2026-11-22`, `2026-11-22 09:30:00`, the same with an offset (`+0800`,
//! `+08:00`, `Z`, with or without a space before it), ISO with `T`,
//! slashes (`2026/11/22`), one-digit months and days (`2026-1-5`) and a
//! month alone (`2026-05`, the first of the month). A date or time without
//! an offset is in the config's `timezone`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use crate::diagnostics::DateError;

/// The moment `text` names, or `None` if it is not a date in a known form
/// (or names a day that does not exist).
pub fn parse_date(text: &str, zone: FixedOffset) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(text) {
        return Some(d);
    }
    let split = text.find(['T', ' ']).unwrap_or(text.len());
    let (day, rest) = text.split_at(split);
    let day = parse_day(day)?;
    let rest = rest.strip_prefix(['T', ' ']).unwrap_or(rest).trim();
    let (time, offset) = if rest.is_empty() { (NaiveTime::MIN, None) } else { parse_time(rest)? };
    let local = day.and_time(time);
    offset.unwrap_or(zone).from_local_datetime(&local).single()
}

/// `2026-11-22`, `2026/11/22`, `2026-1-5`, `2026-05` (the first).
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let sep = if text.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = text.split(sep).collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let (year, month, day) = match parts.as_slice() {
        [y, m] => (number(y, 4..=4)?, number(m, 1..=2)?, 1),
        [y, m, d] => (number(y, 4..=4)?, number(m, 1..=2)?, number(d, 1..=2)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// `09:30`, `09:30:00`, `09:30:00.5`, each maybe followed by an offset
/// (`Z`, `+0800`, `+08:00`, `-05`), with or without a space before it.
pub fn parse_time(text: &str) -> Option<(NaiveTime, Option<FixedOffset>)> {
    let at = text.find(['Z', 'z', '+', '-']).unwrap_or(text.len());
    let (clock, offset) = text.split_at(at);
    let clock = clock.trim();
    let time = ["%H:%M:%S%.f", "%H:%M:%S", "%H:%M"].iter().find_map(|f| NaiveTime::parse_from_str(clock, f).ok())?;
    let offset = offset.trim();
    if offset.is_empty() {
        return Some((time, None));
    }
    if offset.eq_ignore_ascii_case("z") {
        return Some((time, FixedOffset::east_opt(0)));
    }
    let sign = if offset.starts_with('-') { -1 } else { 1 };
    let digits: String = offset[1..].chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) || !matches!(digits.len(), 2 | 4) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = if digits.len() == 4 { digits[2..].parse().ok()? } else { 0 };
    Some((time, Some(FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))?)))
}

/// Why a date written in the right shape cannot exist (`2026-02-30`).
pub fn impossible_date(text: &str) -> Option<DateError> {
    let day = text.get(..10)?;
    let b = day.as_bytes();
    let shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && day.chars().filter(char::is_ascii_digit).count() == 8;
    if !shaped {
        return None;
    }
    let month: u32 = day[5..7].parse().ok()?;
    if !(1..=12).contains(&month) {
        return Some(DateError::NoMonth(month));
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err().then(|| DateError::NoDay { month, day: day[8..10].to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_the_tools_write() {
        let tz = FixedOffset::east_opt(8 * 3600).unwrap();
        let table = [
            ("2026-11-22", "2026-11-22T00:00:00+08:00"),
            ("2026-11-22 23:30", "2026-11-22T23:30:00+08:00"),
            ("2026-11-22T09:30:00+00:00", "2026-11-22T09:30:00+00:00"),
            ("2016-05-01 12:00:00", "2016-05-01T12:00:00+08:00"),
            ("2016-05-01 12:00:00 +0800", "2016-05-01T12:00:00+08:00"),
            ("2016-05-01 12:00:00 -0500", "2016-05-01T12:00:00-05:00"),
            ("2016-05-01 12:00:00+08:00", "2016-05-01T12:00:00+08:00"),
            ("2016-05-01 12:00:00 Z", "2016-05-01T12:00:00+00:00"),
            ("2016-05-01T12:00:00Z", "2016-05-01T12:00:00+00:00"),
            ("2016-05-01T12:00:00", "2016-05-01T12:00:00+08:00"),
            ("2016-05-01T12:00:00.250+09:00", "2016-05-01T12:00:00.250+09:00"),
            ("2016/05/01", "2016-05-01T00:00:00+08:00"),
            ("2016/5/1 08:05", "2016-05-01T08:05:00+08:00"),
            ("2016-5-1", "2016-05-01T00:00:00+08:00"),
            ("2016-05", "2016-05-01T00:00:00+08:00"),
            (" 2016-05-01 ", "2016-05-01T00:00:00+08:00"),
        ];
        for (written, want) in table {
            let got = parse_date(written, tz).map(|d| d.to_rfc3339());
            assert_eq!(got.as_deref(), Some(want), "{written}");
        }
        for bad in
            ["22/11/2026", "2026", "2026-02-30", "2026-13-01", "16-05-01", "2016-05-01 noon", "2016-05-01 12:00 +8"]
        {
            assert!(parse_date(bad, tz).is_none(), "{bad}");
        }
    }

    #[test]
    fn impossible_days_are_named() {
        assert_eq!(impossible_date("2026-02-30"), Some(DateError::NoDay { month: 2, day: "30".into() }));
        assert_eq!(impossible_date("2026-13-03"), Some(DateError::NoMonth(13)));
        assert_eq!(impossible_date("22/11/2026"), None);
    }
}
