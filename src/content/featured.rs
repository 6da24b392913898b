//! `data/featured.yaml`: the editors' picks (精選) by period, with the reason,
//! the award and the editor. Only editors may change it (`casebook init`
//! writes a CODEOWNERS entry for it).
//!
//! ```yaml
//! 2026-11:
//!   - article: 客戶要求退回已拆封耳機     # slug, path or title
//!     reason: 把「先檢測再談退貨」講清楚
//!     award: {amount: 500, currency: TWD} # or 500 TWD, NT$500; or a prize: award: 年度最佳案例
//!     editor: tsai-yuhan                  # an id from data/authors.yaml
//! ```

use std::path::Path;

use serde::Serialize;
use serde_norway::Value;

use crate::content::money::{self, Ambiguity, Money, MoneyError};
use crate::diagnostics::{Diagnostic, Problem};
use crate::yaml;

pub const FEATURED_FILE: &str = "data/featured.yaml";

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Award {
    /// Money, in its currency's minor units ([`crate::content::money`]).
    Amount(Money),
    /// A named prize.
    Prize(String),
}

impl Award {
    pub fn describe(&self) -> String {
        match self {
            Award::Amount(money) => money.to_string(),
            Award::Prize(name) => name.clone(),
        }
    }
}

/// One pick as written, with the line it starts on and where its article
/// and editor are written (line, column of the value), for the errors found
/// when they are looked up.
#[derive(Debug, Clone, Hash)]
pub struct RawPick {
    pub period: String,
    pub article: String,
    pub reason: Option<String>,
    pub award: Option<Award>,
    pub editor: Option<String>,
    pub line: usize,
    pub article_at: (usize, usize),
    pub editor_at: (usize, usize),
}

/// Reads the featured file; a missing file means no picks.
pub fn load(root: &Path, limits: &crate::limits::Limits) -> (Vec<RawPick>, Vec<Diagnostic>) {
    let rel = Path::new(FEATURED_FILE);
    match crate::content::read_data_file(root, rel, &limits.data) {
        Ok(Some(text)) => parse(&text, rel),
        Ok(None) => (Vec::new(), Vec::new()),
        Err(d) => (Vec::new(), vec![d]),
    }
}

pub fn parse(text: &str, rel: &Path) -> (Vec<RawPick>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if text.trim().is_empty() {
        return (Vec::new(), diags);
    }
    if let Err(r) = yaml::guard(text) {
        return (Vec::new(), vec![Diagnostic::error(rel, r.line, r.col, r.problem)]);
    }
    let value: Value = match serde_norway::from_str(text) {
        Ok(v) => v,
        Err(err) => {
            let (line, col, problem) = yaml::explain_error(&err, text);
            return (Vec::new(), vec![Diagnostic::error(rel, line, col, problem)]);
        }
    };
    if value.is_null() {
        return (Vec::new(), diags); // only comments: no picks yet
    }
    let Value::Mapping(periods) = value else {
        return (Vec::new(), vec![Diagnostic::error(rel, 1, 1, Problem::PicksNotPeriods)]);
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut picks = Vec::new();
    for (period, list) in periods {
        let period = match period {
            Value::String(s) => s,
            other => yaml::key_name(&other),
        };
        let period_line =
            lines.iter().position(|l| l.trim_start_matches(['"', '\'']).starts_with(&period)).map_or(1, |i| i + 1);
        if !valid_period(&period) {
            diags.push(Diagnostic::error(rel, period_line, 1, Problem::BadPeriod { period: period.clone() }));
        }
        let Value::Sequence(items) = list else {
            diags.push(Diagnostic::error(rel, period_line, 1, Problem::PeriodNotAList { period }));
            continue;
        };
        // The period's lines, and the n-th `- ` item line after the period's line.
        let block: Vec<(usize, &str)> = lines
            .iter()
            .enumerate()
            .skip(period_line)
            .take_while(|(_, l)| l.starts_with([' ', '-']) || l.trim().is_empty() || l.trim_start().starts_with('#'))
            .map(|(i, l)| (i + 1, *l))
            .collect();
        let item_lines: Vec<usize> =
            block.iter().filter(|(_, l)| l.trim_start().starts_with("- ")).map(|&(n, _)| n).collect();
        for (n, item) in items.into_iter().enumerate() {
            let line = item_lines.get(n).copied().unwrap_or(period_line);
            // A field's own line and column, found among the pick's lines; else the pick's first line.
            let end = item_lines.get(n + 1).copied().unwrap_or(usize::MAX);
            let field_at = |field: &str, in_name: bool| {
                block
                    .iter()
                    .filter(|&&(i, _)| i >= line && i < end)
                    .find_map(|&(i, l)| field_column(l, field, in_name).map(|c| (i, c)))
                    .unwrap_or((line, 1))
            };
            match pick(&period, item, line) {
                Ok(p) => picks.push(RawPick {
                    article_at: field_at("article", false),
                    editor_at: field_at("editor", false),
                    ..p
                }),
                Err(e) => {
                    let (line, col) = e.field.as_deref().map_or((line, 1), |f| field_at(f, e.in_name));
                    diags.push(Diagnostic::error(rel, line, col, e.problem));
                }
            }
        }
    }
    (picks, diags)
}

/// If `line` is the line of a pick's field `key` (`    award: …` or `  - article: …`), the column of its
/// value, or of the key itself when `in_name` or when the value starts on the next line.
fn field_column(line: &str, key: &str, in_name: bool) -> Option<usize> {
    let rest = line.trim_start_matches(' ');
    let rest = rest.strip_prefix("- ").map_or(rest, |r| r.trim_start_matches(' '));
    let indent = line.chars().count() - rest.chars().count();
    let (_, col) = yaml::key_position(rest, key)?;
    let value = rest.split_once(':').map_or("", |(_, v)| v.trim());
    Some(indent + if in_name || value.is_empty() || value.starts_with('#') { 1 } else { col })
}

/// A month (2026-11) or a quarter (2026-Q4).
pub fn valid_period(p: &str) -> bool {
    let b = p.as_bytes();
    let year = b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
    let month = b.len() == 7 && p[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    let quarter = b.len() == 7 && b[5] == b'Q' && (b'1'..=b'4').contains(&b[6]);
    year && (month || quarter)
}

/// A pick's problem: the field it is in (to report it at that field's line and value, or at its name when
/// the name is what is wrong) and what is wrong.
struct PickError {
    field: Option<String>,
    in_name: bool,
    problem: Box<Problem>,
}

impl PickError {
    fn whole(problem: Problem) -> PickError {
        PickError { field: None, in_name: false, problem: Box::new(problem) }
    }
}

fn pick(period: &str, item: Value, line: usize) -> Result<RawPick, PickError> {
    let Value::Mapping(map) = item else {
        return Err(PickError::whole(Problem::PickNotFields));
    };
    let mut p = RawPick {
        period: period.to_string(),
        article: String::new(),
        reason: None,
        award: None,
        editor: None,
        line,
        article_at: (line, 1),
        editor_at: (line, 1),
    };
    for (k, v) in map {
        let key = k.as_str().unwrap_or_default().to_string();
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let at = |problem: Box<Problem>| PickError { field: Some(key.clone()), in_name: false, problem };
        match key.as_str() {
            "article" => p.article = text(&v).ok_or_else(|| at(Box::new(Problem::PickBadArticle)))?,
            "reason" => p.reason = text(&v),
            "editor" => p.editor = text(&v),
            "award" => p.award = Some(award(v).map_err(at)?),
            other => {
                return Err(PickError {
                    in_name: true,
                    ..at(Box::new(Problem::PickUnknownField { field: other.to_string() }))
                })
            }
        }
    }
    if p.article.is_empty() {
        return Err(PickError::whole(Problem::PickNoArticle));
    }
    Ok(p)
}

/// `award: 月度最佳心得`, `award: 500 TWD` (see [`money::from_text`]) or
/// `award: {amount: 500, currency: TWD}`.
fn award(v: Value) -> Result<Award, Box<Problem>> {
    let m = match v {
        Value::String(s) => {
            return match money::from_text(&s) {
                Ok(Some(m)) => Ok(Award::Amount(m)),
                Ok(None) => Ok(Award::Prize(s)),
                Err(e) => Err(money_problem(e, s.trim())),
            }
        }
        // `award: 500`: a number with no currency.
        Value::Number(n) => return Err(money_problem(MoneyError::Ambiguous(Ambiguity::NoCurrency), &n.to_string())),
        Value::Mapping(m) => m,
        _ => return Err(Box::new(Problem::AwardBadShape)),
    };
    let (Some(written), Some(currency)) = (m.get("amount"), m.get("currency").and_then(Value::as_str)) else {
        return Err(Box::new(Problem::AwardIncomplete));
    };
    let amount = match written {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return Err(Box::new(Problem::AwardNotANumber { found: yaml::describe(written) })),
    };
    money::from_parts(&amount, currency).map(Award::Amount).map_err(|e| match e {
        MoneyError::NotANumber => Box::new(Problem::AwardNotANumber { found: yaml::describe(written) }),
        MoneyError::Negative => Box::new(Problem::AwardNegative { found: yaml::describe(written) }),
        MoneyError::Decimals => Box::new(Problem::AwardDecimals { found: yaml::describe(written) }),
        MoneyError::UnknownCurrency | MoneyError::Ambiguous(_) => {
            money_problem(e, &format!("{amount} {}", currency.trim()))
        }
        MoneyError::NotWhole { .. } => money_problem(e, &format!("{amount} {}", currency.trim())),
    })
}

/// The problem with money written as `found`.
fn money_problem(e: MoneyError, found: &str) -> Box<Problem> {
    let value = || crate::diagnostics::Found::Value(found.to_string());
    // The number in what was written, for what to write instead.
    let number: String = found.chars().filter(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).collect::<String>();
    let number = number.trim_matches(|c| c == '.' || c == ',').to_string();
    Box::new(match e {
        MoneyError::NotANumber => Problem::AwardNotANumber { found: value() },
        MoneyError::Negative => Problem::AwardNegative { found: value() },
        MoneyError::Decimals => Problem::AwardDecimals { found: value() },
        MoneyError::NotWhole { currency } => Problem::AwardNotWhole {
            found: found.to_string(),
            whole: number.split('.').next().unwrap_or_default().to_string(),
            currency,
        },
        MoneyError::Ambiguous(why) => Problem::AwardAmbiguous { found: found.to_string(), amount: number, why },
        MoneyError::UnknownCurrency => {
            Problem::AwardUnknownCurrency { found: found.rsplit(' ').next().unwrap_or(found).to_string() }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_picks_with_lines() {
        let text = "2026-11:\n  - article: 退貨-耳機\n    reason: 清楚\n    award: {amount: 500, currency: TWD}\n    editor: tsai\n  - article: 帳單\n    award: 最佳案例獎\n2026-13:\n  - article: x\n";
        let (picks, diags) = parse(text, Path::new(FEATURED_FILE));
        assert_eq!(picks.len(), 3);
        assert_eq!(picks[0].award, Some(Award::Amount(Money { minor: 50_000, currency: "TWD".into() })));
        assert_eq!(picks[1].award, Some(Award::Prize("最佳案例獎".into())));
        assert_eq!((picks[0].line, picks[1].line, picks[2].line), (2, 6, 9));
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].to_string().starts_with("data/featured.yaml:8:1: error: `2026-13` is not a period"),
            "{diags:?}"
        );
    }

    #[test]
    fn a_bad_field_is_reported_at_its_own_line() {
        let text = "2026-11:\n  - article: 甲\n    reason: 清楚\n    award: {amount: abc, currency: TWD}\n    editor: tsai\n  - award: [1]\n    article: 乙\n  - article: 丙\n    award:\n      amount: -5\n      currency: usd\n  - article: 丁\n    award: {amount: 0.125, currency: USD}\n  - article: 戊\n    award: {amount: \"12.5\", currency: usd}\n";
        let (picks, diags) = parse(text, Path::new(FEATURED_FILE));
        let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "data/featured.yaml:4:12: error: the award amount `abc` is not a number; write it in digits, like {amount: 500, currency: TWD}",
                "data/featured.yaml:6:12: error: `award` must be a prize name or {amount: 500, currency: TWD}",
                "data/featured.yaml:9:5: error: the award amount `-5` is below 0; write the amount paid",
                "data/featured.yaml:13:12: error: the award amount `0.125` has more than 2 decimals; money is paid in cents, so write at most 2, like 312.50",
            ]
        );
        assert_eq!(picks.len(), 1);
        assert_eq!(picks[0].award, Some(Award::Amount(Money { minor: 1_250, currency: "USD".into() })));
    }

    #[test]
    fn awards_written_as_text_are_money_or_prizes_or_errors_at_their_value() {
        let text = "2026-11:\n  - article: 甲\n    award: 500 CNY\n  - article: 乙\n    award: NT$800\n  - article: 丙\n    award: 2026 年度最佳\n  - article: 丁\n    award: $20\n  - article: 戊\n    award: 800\n";
        let (picks, diags) = parse(text, Path::new(FEATURED_FILE));
        let awards: Vec<_> = picks.iter().map(|p| p.award.clone()).collect();
        assert_eq!(
            awards,
            [
                Some(Award::Amount(Money { minor: 50_000, currency: "CNY".into() })),
                Some(Award::Amount(Money { minor: 80_000, currency: "TWD".into() })),
                Some(Award::Prize("2026 年度最佳".into())),
            ]
        );
        let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "data/featured.yaml:9:12: error: `$20` could be New Taiwan, US or Hong Kong dollars; write NT$20, US$20 or HK$20 (or 20 TWD, 20 USD)",
                "data/featured.yaml:11:12: error: the award `800` has no currency; write 800 TWD, 800 CNY or {amount: 800, currency: TWD}",
            ]
        );
    }
}
