//! `data/featured.yaml`: the editors' picks (精選) by period, with the reason,
//! the award and the editor. Only editors may change it (`casebook init`
//! writes a CODEOWNERS entry for it).
//!
//! ```yaml
//! 2026-11:
//!   - article: 客戶要求退回已拆封耳機     # slug, path or title
//!     reason: 把「先檢測再談退貨」講清楚
//!     award: {amount: 500, currency: TWD} # or a named prize: award: 年度最佳案例
//!     editor: tsai-yuhan                  # an id from data/authors.yaml
//! ```

use std::path::Path;

use serde::Serialize;
use serde_norway::Value;

use crate::diagnostics::Diagnostic;
use crate::yaml;

pub const FEATURED_FILE: &str = "data/featured.yaml";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Award {
    /// Money, in the currency's units (500 TWD).
    Amount { amount: f64, currency: String },
    /// A named prize.
    Prize(String),
}

impl Award {
    pub fn describe(&self) -> String {
        match self {
            Award::Amount { amount, currency } => format!("{} {currency}", format_amount(*amount)),
            Award::Prize(name) => name.clone(),
        }
    }
}

/// 500 → "500", 312.5 → "312.50".
pub fn format_amount(amount: f64) -> String {
    if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount:.2}")
    }
}

/// One pick as written, with the line it starts on.
#[derive(Debug, Clone)]
pub struct RawPick {
    pub period: String,
    pub article: String,
    pub reason: Option<String>,
    pub award: Option<Award>,
    pub editor: Option<String>,
    pub line: usize,
}

/// Reads the featured file; a missing file means no picks.
pub fn load(root: &Path) -> (Vec<RawPick>, Vec<Diagnostic>) {
    let rel = Path::new(FEATURED_FILE);
    match crate::content::read_data_file(root, rel) {
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
    let value: Value = match serde_norway::from_str(text) {
        Ok(v) => v,
        Err(err) => {
            let (line, col, message) = yaml::explain_error(&err, text);
            return (Vec::new(), vec![Diagnostic::error(rel, line, col, message)]);
        }
    };
    if value.is_null() {
        return (Vec::new(), diags); // only comments: no picks yet
    }
    let Value::Mapping(periods) = value else {
        return (
            Vec::new(),
            vec![Diagnostic::error(rel, 1, 1, "the file must list periods like `2026-11:`, each with its picks")],
        );
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut picks = Vec::new();
    for (period, list) in periods {
        let period = match period {
            Value::String(s) => s,
            other => yaml::describe(&other).trim_matches('`').to_string(),
        };
        let period_line =
            lines.iter().position(|l| l.trim_start_matches(['"', '\'']).starts_with(&period)).map_or(1, |i| i + 1);
        if !valid_period(&period) {
            diags.push(Diagnostic::error(
                rel,
                period_line,
                1,
                format!("`{period}` is not a period; write a month like 2026-11 or a quarter like 2026-Q4"),
            ));
        }
        let Value::Sequence(items) = list else {
            diags.push(Diagnostic::error(
                rel,
                period_line,
                1,
                format!("under `{period}:` list the picks, each starting with `- article:`"),
            ));
            continue;
        };
        // The n-th `- ` item line after the period's line.
        let item_lines: Vec<usize> = lines
            .iter()
            .enumerate()
            .skip(period_line)
            .take_while(|(_, l)| l.starts_with([' ', '-']) || l.trim().is_empty() || l.trim_start().starts_with('#'))
            .filter(|(_, l)| l.trim_start().starts_with("- "))
            .map(|(i, _)| i + 1)
            .collect();
        for (n, item) in items.into_iter().enumerate() {
            let line = item_lines.get(n).copied().unwrap_or(period_line);
            match pick(&period, item, line) {
                Ok(p) => picks.push(p),
                Err(message) => diags.push(Diagnostic::error(rel, line, 1, message)),
            }
        }
    }
    (picks, diags)
}

/// A month (2026-11) or a quarter (2026-Q4).
pub fn valid_period(p: &str) -> bool {
    let b = p.as_bytes();
    let year = b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
    let month = b.len() == 7 && p[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    let quarter = b.len() == 7 && b[5] == b'Q' && (b'1'..=b'4').contains(&b[6]);
    year && (month || quarter)
}

fn pick(period: &str, item: Value, line: usize) -> Result<RawPick, String> {
    let Value::Mapping(map) = item else {
        return Err("each pick is a set of fields: `- article: ...`, `reason:`, `award:`, `editor:`".into());
    };
    let mut p =
        RawPick { period: period.to_string(), article: String::new(), reason: None, award: None, editor: None, line };
    for (k, v) in map {
        let key = k.as_str().unwrap_or_default().to_string();
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        match key.as_str() {
            "article" => {
                p.article = text(&v).ok_or("`article` must be the slug, path or title of the picked article")?
            }
            "reason" => p.reason = text(&v),
            "editor" => p.editor = text(&v),
            "award" => {
                p.award = Some(match v {
                    Value::String(s) => Award::Prize(s),
                    Value::Mapping(m) => {
                        let amount = m
                            .get("amount")
                            .and_then(|a| a.as_f64().or_else(|| a.as_str().and_then(|s| s.trim().parse().ok())));
                        let currency = m.get("currency").and_then(|c| c.as_str()).map(str::to_string);
                        match (amount, currency) {
                            (Some(amount), Some(currency)) if amount >= 0.0 => {
                                Award::Amount { amount, currency: currency.trim().to_uppercase() }
                            }
                            _ => return Err("`award` must be a prize name or {amount: 500, currency: TWD}".into()),
                        }
                    }
                    _ => return Err("`award` must be a prize name or {amount: 500, currency: TWD}".into()),
                })
            }
            other => {
                return Err(format!("a pick has no field `{other}`; its fields are article, reason, award and editor"))
            }
        }
    }
    if p.article.is_empty() {
        return Err("this pick has no `article:`; name the picked article by its slug, path or title".into());
    }
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_picks_with_lines() {
        let text = "2026-11:\n  - article: 退貨-耳機\n    reason: 清楚\n    award: {amount: 500, currency: TWD}\n    editor: tsai\n  - article: 帳單\n    award: 最佳案例獎\n2026-13:\n  - article: x\n";
        let (picks, diags) = parse(text, Path::new(FEATURED_FILE));
        assert_eq!(picks.len(), 3);
        assert_eq!(picks[0].award, Some(Award::Amount { amount: 500.0, currency: "TWD".into() }));
        assert_eq!(picks[1].award, Some(Award::Prize("最佳案例獎".into())));
        assert_eq!((picks[0].line, picks[1].line, picks[2].line), (2, 6, 9));
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].to_string().starts_with("data/featured.yaml:8:1: error: `2026-13` is not a period"),
            "{diags:?}"
        );
    }
}
