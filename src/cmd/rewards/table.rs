//! A plain-text table for a terminal: columns padded to the widest cell as
//! a terminal shows it (a Chinese character takes two columns, see
//! `unicode-width`), two spaces between columns, no spaces at line ends.

use unicode_width::UnicodeWidthStr;

enum Line {
    Cells(Vec<String>),
    /// Dashes under each column.
    Rule,
}

#[derive(Default)]
pub struct Table {
    lines: Vec<Line>,
}

impl Table {
    pub fn row(&mut self, cells: Vec<String>) {
        self.lines.push(Line::Cells(cells));
    }

    pub fn rule(&mut self) {
        self.lines.push(Line::Rule);
    }

    /// The table, one line per row, each ending in a newline.
    pub fn render(&self) -> String {
        let mut widths: Vec<usize> = Vec::new();
        for line in &self.lines {
            if let Line::Cells(cells) = line {
                for (i, c) in cells.iter().enumerate() {
                    let w = c.width();
                    match widths.get_mut(i) {
                        Some(max) => *max = (*max).max(w),
                        None => widths.push(w),
                    }
                }
            }
        }
        let mut out = String::new();
        for line in &self.lines {
            let text = match line {
                Line::Rule => widths.iter().map(|&w| "-".repeat(w)).collect::<Vec<_>>().join("  "),
                Line::Cells(cells) => cells
                    .iter()
                    .zip(&widths)
                    .map(|(c, &w)| format!("{c}{}", " ".repeat(w - c.width())))
                    .collect::<Vec<_>>()
                    .join("  "),
            };
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }
}

/// A cell as a terminal can show it: line breaks and tabs as spaces, other
/// control characters left out (a title cannot move the cursor).
pub fn cell(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_by_display_width() {
        let mut t = Table::default();
        t.row(vec!["期別".into(), "Author".into(), "x".into()]);
        t.rule();
        t.row(vec!["2026-10".into(), "陳美玲（chen）".into(), "".into()]);
        assert_eq!(t.render(), "期別     Author          x\n-------  --------------  -\n2026-10  陳美玲（chen）\n");
        assert_eq!(cell("a\tb\u{1b}[2Jc\n"), "a b[2Jc ");
    }
}
