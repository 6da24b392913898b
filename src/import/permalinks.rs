//! Permalink patterns (`:year/:month/:title/`) filled in as Hexo, Hugo and
//! Jekyll fill them, so an imported article keeps its old address.
//!
//! The date tokens each tool documents are all here; their names do not
//! clash between the tools: Jekyll's `:y_day`, `:short_month`,
//! `:long_month`, `:w_year`, `:week`, `:w_day`, `:short_day`, `:long_day`;
//! Hugo's `:monthname`, `:weekday`, `:weekdayname`, `:yearday` (in
//! lowercase, as Hugo writes addresses); Hexo's `:timestamp`. Each tool
//! adds its own names (`:title`, `:slug`, Hexo's `:hash`).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

/// Fills a permalink pattern: `:year/:month/:title/` with `values`
/// (`year` → `2016`). Unknown tokens are left out.
pub fn permalink(pattern: &str, values: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(':') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        let token = &after[..len];
        // The longest known token that starts here (`:title:output_ext`,
        // `:i_month`); of equal ones, the first given.
        let mut known: Option<&(&str, String)> = None;
        for v in values.iter().filter(|(k, _)| token.starts_with(k)) {
            if known.is_none_or(|(k, _)| v.0.len() > k.len()) {
                known = Some(v);
            }
        }
        match known {
            Some((k, v)) => {
                out.push_str(v);
                rest = &after[k.len()..];
            }
            None => rest = &after[len..],
        }
    }
    out.push_str(rest);
    let collapsed = out.split('/').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("/");
    if out.ends_with('/') {
        format!("/{collapsed}/")
    } else {
        format!("/{collapsed}")
    }
}

/// The date parts permalinks use, from a casebook date (`2016-05-01`,
/// `2016-05-01 12:00:00` or `2016-05-01T12:00:00+08:00`).
pub fn date_tokens(date: &str) -> Vec<(&'static str, String)> {
    let g = |a: usize, b: usize| date.get(a..b).unwrap_or("").to_string();
    let trim = |s: String| s.trim_start_matches('0').to_string();
    let mut tokens = vec![
        ("year", g(0, 4)),
        ("short_year", g(2, 4)),
        ("month", g(5, 7)),
        ("i_month", trim(g(5, 7))),
        ("day", g(8, 10)),
        ("i_day", trim(g(8, 10))),
        ("hour", g(11, 13)),
        ("minute", g(14, 16)),
        ("second", g(17, 19)),
    ];
    let Some(day) = date.get(0..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else {
        return tokens;
    };
    let f = |format: &str| day.format(format).to_string();
    tokens.extend([
        // Jekyll
        ("y_day", f("%j")),
        ("short_month", f("%b")),
        ("long_month", f("%B")),
        ("w_year", f("%G")),
        ("week", f("%V")),
        ("w_day", f("%u")),
        ("short_day", f("%a")),
        ("long_day", f("%A")),
        // Hugo
        ("monthname", f("%B").to_lowercase()),
        ("weekday", day.weekday().num_days_from_sunday().to_string()),
        ("weekdayname", f("%A").to_lowercase()),
        ("yearday", day.ordinal().to_string()),
    ]);
    if let Some(t) = unix_time(date, CHINA) {
        tokens.push(("timestamp", t.to_string()));
    }
    tokens
}

/// UTC+8, taken for dates written without an offset (see [`unix_time`]).
pub const CHINA: i32 = 8 * 3600;

/// The moment `date` (a casebook date) names, in seconds since 1970; a
/// date written without an offset is read at `offset` seconds east of UTC
/// (Hexo reads it in the time zone of the machine that built the site).
pub fn unix_time(date: &str, offset: i32) -> Option<i64> {
    if let Ok(t) = DateTime::parse_from_rfc3339(date) {
        return Some(t.timestamp());
    }
    let naive = NaiveDateTime::parse_from_str(date, "%Y-%m-%d %H:%M:%S")
        .ok()
        .or_else(|| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?.and_hms_opt(0, 0, 0))?;
    FixedOffset::east_opt(offset)?.from_local_datetime(&naive).single().map(|t| t.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permalink_patterns() {
        let mut v = date_tokens("2016-05-01T12:00:00+08:00");
        v.push(("title", "hello".into()));
        v.push(("output_ext", ".html".into()));
        v.push(("categories", "".into()));
        assert_eq!(permalink(":year/:month/:day/:title/", &v), "/2016/05/01/hello/");
        assert_eq!(permalink("/:categories/:year/:month/:day/:title:output_ext", &v), "/2016/05/01/hello.html");
        assert_eq!(permalink("/cn/:year/:i_month/:title", &v), "/cn/2016/5/hello");
    }

    #[test]
    fn every_documented_date_token() {
        // 2016-05-01 was a Sunday, the 122nd day of 2016, in ISO week 17.
        let v = date_tokens("2016-05-01 09:08:07");
        let fill = |p: &str| permalink(p, &v);
        assert_eq!(fill("/:year/:y_day/:title/"), "/2016/122/");
        assert_eq!(fill("/:short_month-:long_month/"), "/May-May/");
        assert_eq!(fill("/:w_year/:week/:w_day/:short_day/:long_day/"), "/2016/17/7/Sun/Sunday/");
        assert_eq!(fill("/:year/:monthname/:weekday/:weekdayname/:yearday/"), "/2016/may/0/sunday/122/");
        assert_eq!(fill("/:hour:minute:second/"), "/090807/");
        assert_eq!(fill("/:timestamp/"), "/1462064887/");
        let jan = date_tokens("2016-01-03");
        assert_eq!(
            permalink("/:y_day/:short_month/:long_month/:monthname/:w_year-:week/", &jan),
            "/003/Jan/January/january/2015-53/"
        );
    }

    #[test]
    fn unix_times() {
        assert_eq!(unix_time("2013-07-14T17:01:34+08:00", 0), Some(1373792494));
        assert_eq!(unix_time("2013-07-14 17:01:34", CHINA), Some(1373792494));
        assert_eq!(unix_time("2013-07-14 17:01:34", 0), Some(1373792494 + 8 * 3600));
        assert_eq!(unix_time("2013-07-14", 0), Some(1373760000));
        assert_eq!(unix_time("14/07/2013", 0), None);
    }
}
