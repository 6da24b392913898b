//! Money in awards, as editors write it in `data/featured.yaml`:
//! `{amount: 500, currency: TWD}`, or one text such as `500 CNY`,
//! `CNY 500`, `NT$800`, `800 TWD`, `¥500`, `US$20`, `1,000 新台幣`.
//!
//! An amount is kept as a whole number of the currency's minor units as
//! ISO 4217 counts them (cents: 2 digits for TWD, CNY, USD; 0 for JPY), so
//! adding and dividing is exact and JSON carries integers.
//!
//! Some currencies are paid in whole units although ISO gives them cents:
//! the New Taiwan dollar (TWD) has 2 minor digits officially, but salaries
//! and fees are paid in whole dollars. So an award in TWD must be whole
//! (`312.5 TWD` is refused), and a shared award is divided in whole dollars
//! (1000 TWD among 3: 334, 333 and 333), while its JSON amount still counts
//! ISO cents (334 TWD is `33400` with `minor_unit: 2`), as payment systems
//! expect.
//!
//! A value that could be two currencies is refused with what to write
//! instead: `$20` (NT$, US$ or HK$?), `500 元` (TWD or CNY?), a bare `500`.
//! `¥` and `￥` are read as renminbi (CNY), the yuan this journal's writers
//! mean; yen are written `JPY`.

use serde::Serialize;

/// A currency: its code, ISO 4217's minor digits, and the digits it is paid in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Currency {
    pub code: String,
    pub minor_digits: u32,
    pub paid_digits: u32,
}

/// The currencies casebook knows the digits of; another three-letter code
/// is taken as written, with 2 digits.
const KNOWN: &[(&str, u32, u32)] = &[
    ("TWD", 2, 0),
    ("CNY", 2, 2),
    ("HKD", 2, 2),
    ("MOP", 2, 2),
    ("USD", 2, 2),
    ("SGD", 2, 2),
    ("MYR", 2, 2),
    ("EUR", 2, 2),
    ("GBP", 2, 2),
    ("JPY", 0, 0),
    ("KRW", 0, 0),
];

/// Signs and words that name one currency, before or after the number.
const NAMES: &[(&str, &str)] = &[
    ("NT$", "TWD"),
    ("NTD", "TWD"),
    ("新臺幣", "TWD"),
    ("新台幣", "TWD"),
    ("新台币", "TWD"),
    ("臺幣", "TWD"),
    ("台幣", "TWD"),
    ("台币", "TWD"),
    ("US$", "USD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("HK$", "HKD"),
    ("港幣", "HKD"),
    ("港币", "HKD"),
    ("港元", "HKD"),
    ("MOP$", "MOP"),
    ("S$", "SGD"),
    ("RMB", "CNY"),
    ("人民幣", "CNY"),
    ("人民币", "CNY"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("€", "EUR"),
    ("歐元", "EUR"),
    ("欧元", "EUR"),
    ("£", "GBP"),
    ("日圓", "JPY"),
    ("日元", "JPY"),
];

/// Signs and words several currencies share.
const AMBIGUOUS: &[(&str, Ambiguity)] = &[
    ("$", Ambiguity::Dollar),
    ("＄", Ambiguity::Dollar),
    ("元", Ambiguity::Yuan),
    ("圓", Ambiguity::Yuan),
    ("圆", Ambiguity::Yuan),
    ("塊", Ambiguity::Yuan),
    ("块", Ambiguity::Yuan),
    ("塊錢", Ambiguity::Yuan),
    ("块钱", Ambiguity::Yuan),
    ("dollars", Ambiguity::Dollar),
    ("dollar", Ambiguity::Dollar),
];

pub use crate::diagnostics::MoneyAmbiguity as Ambiguity;

/// What is wrong with a written amount (see [`crate::diagnostics::Problem`]'s `Award…` kinds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    Negative,
    /// More decimals than the currency has cents for.
    Decimals,
    /// Decimals in a currency paid in whole units (TWD, JPY).
    NotWhole {
        currency: String,
    },
    Ambiguous(Ambiguity),
    UnknownCurrency,
}

/// An amount of money in minor units of its currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub struct Money {
    pub currency: String,
    /// In ISO 4217 minor units: 33400 for 334 TWD, 3334 for 33.34 USD.
    pub minor: i64,
}

impl Currency {
    /// The currency of a code (`twd`, `TWD`), or `None` for what is no code.
    pub fn of(code: &str) -> Option<Currency> {
        let upper = code.trim().to_ascii_uppercase();
        let (minor_digits, paid_digits) = match KNOWN.iter().find(|(c, _, _)| *c == upper) {
            Some(&(_, minor, paid)) => (minor, paid),
            // Another ISO code: kept as written, with cents.
            None if upper.len() == 3 && upper.bytes().all(|b| b.is_ascii_uppercase()) => (2, 2),
            None => return None,
        };
        Some(Currency { code: upper, minor_digits, paid_digits })
    }

    /// How many minor units one paid unit is: 100 for TWD (whole dollars), 1 for USD (cents).
    pub fn paid_step(&self) -> i64 {
        10i64.pow(self.minor_digits - self.paid_digits)
    }
}

impl Money {
    pub fn currency_info(&self) -> Currency {
        Currency::of(&self.currency).unwrap_or(Currency {
            code: self.currency.clone(),
            minor_digits: 2,
            paid_digits: 2,
        })
    }

    /// The amount without its currency: `500`, `333.34`, `0`; decimals only when it is not whole.
    pub fn amount(&self) -> String {
        let digits = self.currency_info().minor_digits;
        let unit = 10i64.pow(digits);
        let (whole, part) = (self.minor / unit, self.minor % unit);
        if part == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{part:0width$}", width = digits as usize)
        }
    }

    /// Whole units with thousands separated, for a table: `1,000`, `33.34`.
    pub fn amount_grouped(&self) -> String {
        let plain = self.amount();
        let (whole, rest) = plain.split_once('.').map_or((plain.as_str(), None), |(w, r)| (w, Some(r)));
        let grouped = group_thousands(whole);
        rest.map_or(grouped.clone(), |r| format!("{grouped}.{r}"))
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount(), self.currency)
    }
}

/// `1800` → `1,800`.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount written with its currency apart (`{amount: 500, currency: TWD}`).
pub fn from_parts(amount: &str, currency: &str) -> Result<Money, MoneyError> {
    let named = currency.trim();
    let code = match name_of(named) {
        Some(Named::One(code)) => code.to_string(),
        Some(Named::Ambiguous(why)) => return Err(MoneyError::Ambiguous(why)),
        None => match Currency::of(named) {
            Some(c) => c.code,
            None => return Err(MoneyError::UnknownCurrency),
        },
    };
    amount_in(amount.trim(), &code)
}

/// What a text award is: money, a prize name (`Ok(None)`), or money written
/// so that it cannot be paid as it stands.
pub fn from_text(text: &str) -> Result<Option<Money>, MoneyError> {
    let t: String = text.trim().chars().map(half_width).collect();
    if t.is_empty() {
        return Ok(None);
    }
    if is_numberish(&t) {
        return Err(MoneyError::Ambiguous(Ambiguity::NoCurrency));
    }
    // A sign or code, then the number; or the number, then a sign or code.
    let split_at_number = t.find(|c: char| c.is_ascii_digit() || c == '-');
    let split_after_number = t.rfind(|c: char| c.is_ascii_digit()).map(|i| i + 1);
    let cut = [split_at_number.map(|i| (&t[..i], &t[i..])), split_after_number.map(|i| (&t[i..], &t[..i]))];
    for (name, number) in cut.into_iter().flatten() {
        let (name, number) = (name.trim(), number.trim());
        if name.is_empty() || !is_numberish(number) {
            continue;
        }
        let code = match name_of(name) {
            Some(Named::One(code)) => code.to_string(),
            Some(Named::Ambiguous(why)) => return Err(MoneyError::Ambiguous(why)),
            None if name.len() == 3 && name.bytes().all(|b| b.is_ascii_alphabetic()) => name.to_ascii_uppercase(),
            None => continue,
        };
        return amount_in(number, &code).map(Some);
    }
    Ok(None)
}

enum Named {
    One(&'static str),
    Ambiguous(Ambiguity),
}

fn name_of(name: &str) -> Option<Named> {
    let lower = name.to_lowercase();
    if let Some((_, code)) = NAMES.iter().find(|(n, _)| n.to_lowercase() == lower) {
        return Some(Named::One(code));
    }
    if let Some((code, _, _)) = KNOWN.iter().find(|(c, _, _)| c.eq_ignore_ascii_case(name)) {
        return Some(Named::One(code));
    }
    AMBIGUOUS.iter().find(|(n, _)| *n == lower).map(|(_, why)| Named::Ambiguous(*why))
}

/// Full-width digits and signs as ASCII: `５００` → `500`.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        '－' => '-',
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Digits, with commas and a point among them, maybe a minus first: what
/// someone meant as a number (whether or not it is a good one).
fn is_numberish(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    body.starts_with(|c: char| c.is_ascii_digit()) && body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// `number` (`1,000`, `33.34`) in `code`'s minor units, checked against the digits it is paid in.
fn amount_in(number: &str, code: &str) -> Result<Money, MoneyError> {
    let currency = Currency::of(code).ok_or(MoneyError::UnknownCurrency)?;
    if number.starts_with('-') {
        return Err(if is_numberish(number) { MoneyError::Negative } else { MoneyError::NotANumber });
    }
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let grouped_well = !whole.contains(',') || {
        let groups: Vec<&str> = whole.split(',').collect();
        (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)
    };
    let whole = whole.replace(',', "");
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !grouped_well || !digits(&whole) || !(fraction.is_empty() || digits(fraction)) {
        return Err(MoneyError::NotANumber);
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > currency.paid_digits as usize {
        return Err(if currency.paid_digits == 2 && fraction.len() > 2 {
            MoneyError::Decimals
        } else {
            MoneyError::NotWhole { currency: currency.code.clone() }
        });
    }
    let unit = 10i64.pow(currency.minor_digits);
    let part = format!("{fraction:0<width$}", width = currency.minor_digits as usize);
    let minor = whole
        .parse::<i64>()
        .ok()
        .and_then(|w| w.checked_mul(unit))
        .and_then(|w| w.checked_add(if part.is_empty() { 0 } else { part.parse::<i64>().ok()? }))
        .ok_or(MoneyError::NotANumber)?;
    Ok(Money { currency: currency.code, minor })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(code: &str, minor: i64) -> Money {
        Money { currency: code.to_string(), minor }
    }

    #[test]
    fn money_written_as_text() {
        let cases: &[(&str, Result<Option<Money>, MoneyError>)] = &[
            ("500 CNY", Ok(Some(money("CNY", 50_000)))),
            ("CNY 500", Ok(Some(money("CNY", 50_000)))),
            ("cny500", Ok(Some(money("CNY", 50_000)))),
            ("NT$800", Ok(Some(money("TWD", 80_000)))),
            ("NT$ 1,200", Ok(Some(money("TWD", 120_000)))),
            ("800 TWD", Ok(Some(money("TWD", 80_000)))),
            ("800 新台幣", Ok(Some(money("TWD", 80_000)))),
            ("¥500", Ok(Some(money("CNY", 50_000)))),
            ("￥５００", Ok(Some(money("CNY", 50_000)))),
            ("US$20", Ok(Some(money("USD", 2_000)))),
            ("US$19.99", Ok(Some(money("USD", 1_999)))),
            ("HK$ 0.5", Ok(Some(money("HKD", 50)))),
            ("3000 JPY", Ok(Some(money("JPY", 3_000)))),
            ("20 PHP", Ok(Some(money("PHP", 2_000)))),
            ("800.00 TWD", Ok(Some(money("TWD", 80_000)))),
            // Prizes stay prizes, digits or not.
            ("月度最佳心得", Ok(None)),
            ("2026 年度最佳案例", Ok(None)),
            ("100 元禮券", Ok(None)),
            ("Top 3 of the year", Ok(None)),
            // Refused, with what to write.
            ("$20", Err(MoneyError::Ambiguous(Ambiguity::Dollar))),
            ("20 dollars", Err(MoneyError::Ambiguous(Ambiguity::Dollar))),
            ("500元", Err(MoneyError::Ambiguous(Ambiguity::Yuan))),
            ("500 塊", Err(MoneyError::Ambiguous(Ambiguity::Yuan))),
            ("500", Err(MoneyError::Ambiguous(Ambiguity::NoCurrency))),
            ("1,5 TWD", Err(MoneyError::NotANumber)),
            ("12,34,567 TWD", Err(MoneyError::NotANumber)),
            ("-5 USD", Err(MoneyError::Negative)),
            ("312.5 TWD", Err(MoneyError::NotWhole { currency: "TWD".into() })),
            ("1.5 JPY", Err(MoneyError::NotWhole { currency: "JPY".into() })),
            ("0.125 USD", Err(MoneyError::Decimals)),
            ("99999999999999999999 USD", Err(MoneyError::NotANumber)),
        ];
        for (text, want) in cases {
            assert_eq!(&from_text(text), want, "{text}");
        }
    }

    #[test]
    fn money_written_in_parts() {
        assert_eq!(from_parts("500", "twd"), Ok(money("TWD", 50_000)));
        assert_eq!(from_parts("12.5", "usd"), Ok(money("USD", 1_250)));
        assert_eq!(from_parts("500", "人民幣"), Ok(money("CNY", 50_000)));
        assert_eq!(from_parts("500", "元"), Err(MoneyError::Ambiguous(Ambiguity::Yuan)));
        assert_eq!(from_parts("500", "dollars!"), Err(MoneyError::UnknownCurrency));
        assert_eq!(from_parts("abc", "TWD"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn amounts_are_shown_with_the_digits_they_need() {
        assert_eq!(money("TWD", 50_000).to_string(), "500 TWD");
        assert_eq!(money("USD", 3_334).to_string(), "33.34 USD");
        assert_eq!(money("USD", 5).to_string(), "0.05 USD");
        assert_eq!(money("USD", 0).to_string(), "0 USD");
        assert_eq!(money("JPY", 3_000).to_string(), "3000 JPY");
        assert_eq!(money("TWD", 180_000).amount_grouped(), "1,800");
        assert_eq!(money("USD", 123_456_789).amount_grouped(), "1,234,567.89");
        assert_eq!(group_thousands("100"), "100");
    }
}
