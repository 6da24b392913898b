//! YAML helpers shared by the config, the front matter and the data files:
//! the guard every YAML text passes before it is parsed, positions of
//! top-level keys, and parser errors turned into [`Problem`]s.
//!
//! serde's YAML errors carry positions in the coordinates of the YAML text;
//! callers add the offset of the text inside the file (the front-matter fence).
//!
//! Why a guard: the parser's time grows with the square of the nesting depth
//! (100,000 `[` took 40 s), and the deserializer repeats the value of an
//! `&anchor` at every `*alias`, so a few hundred bytes of aliases to aliases
//! ("billion laughs") became gigabytes. [`guard`] reads the text once, in
//! time proportional to its length, and refuses both before the parser runs.

use crate::diagnostics::{Found, Problem};

/// The deepest nesting of lists and `key: value` sets a YAML text may have.
/// Journals need a handful of levels; serde's own limit is 128, but it is
/// checked only after the whole text was parsed.
pub const MAX_DEPTH: usize = 64;

/// What `*alias` references may add to a text, in bytes: four times the
/// text itself, and at least 64 KB.
fn alias_budget(text: &str) -> usize {
    (4 * text.len()).max(64 * 1024)
}

/// Why [`guard`] refused a YAML text: 1-based line and column in the text,
/// and what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub line: usize,
    pub col: usize,
    pub problem: Box<Problem>,
}

/// Refuses a YAML text nested deeper than [`MAX_DEPTH`], or whose aliases
/// would repeat more than a small multiple of its own size. It does not
/// parse YAML: it follows indentation, `- ` entries, brackets, quotes,
/// comments and block scalars just well enough to bound what the parser and
/// the deserializer will do, and leaves every other mistake to the parser
/// (which reports it better).
pub fn guard(text: &str) -> Result<(), Refused> {
    Guard::new(text).run()
}

/// One open level: a block level (with the indentation of its line) or a
/// bracket. Anchors opened from `anchors_from` on belong to it and close
/// with it.
struct Level {
    indent: Option<usize>,
    anchors_from: usize,
    /// A `key:` with nothing after it: `- ` entries at the same
    /// indentation are its children.
    awaits_list: bool,
}

struct Open<'a> {
    name: &'a str,
    start: usize,
    expanded_at_start: usize,
}

struct Guard<'a> {
    text: &'a str,
    b: &'a [u8],
    levels: Vec<Level>,
    open: Vec<Open<'a>>,
    /// Expanded size of each closed anchor (a later `&a` replaces an earlier one).
    sizes: std::collections::HashMap<&'a str, usize>,
    /// Bytes the aliases seen so far repeat.
    expanded: usize,
    budget: usize,
    /// Inside a quoted scalar that goes on over lines.
    quote: Option<u8>,
    /// Inside a `|` or `>` block scalar opened on a line with this indentation.
    block_scalar: Option<usize>,
    line: usize,
    line_start: usize,
}

impl<'a> Guard<'a> {
    fn new(text: &'a str) -> Self {
        Guard {
            text,
            b: text.as_bytes(),
            levels: Vec::new(),
            open: Vec::new(),
            sizes: Default::default(),
            expanded: 0,
            budget: alias_budget(text),
            quote: None,
            block_scalar: None,
            line: 0,
            line_start: 0,
        }
    }

    fn refuse(&self, at: usize, problem: Problem) -> Refused {
        let col = self.text.get(self.line_start..at).map_or(1, |t| t.chars().count() + 1);
        Refused { line: self.line, col, problem: Box::new(problem) }
    }

    fn run(mut self) -> Result<(), Refused> {
        let mut pos = 0;
        while pos < self.b.len() {
            let end = self.b[pos..].iter().position(|&c| c == b'\n').map_or(self.b.len(), |i| pos + i);
            self.line += 1;
            self.line_start = pos;
            self.scan_line(pos, end)?;
            pos = end + 1;
        }
        self.close_levels(0, self.b.len());
        Ok(())
    }

    fn scan_line(&mut self, start: usize, end: usize) -> Result<(), Refused> {
        let indent = self.b[start..end].iter().take_while(|&&c| c == b' ').count();
        let first = start + indent;
        let blank = self.b[first..end].iter().all(|c| c.is_ascii_whitespace()) || self.b[first] == b'#';
        if let Some(parent) = self.block_scalar {
            if blank || indent > parent {
                return Ok(());
            }
            self.block_scalar = None;
        }
        if self.quote.is_some() {
            let at = self.skip_quote(start, end);
            return match self.quote {
                Some(_) => Ok(()),
                None if self.in_flow() => self.flow(at, end),
                None => self.after_scalar(at, end, indent),
            };
        }
        if self.in_flow() {
            return self.flow(start, end);
        }
        if blank {
            return Ok(());
        }
        let rest = &self.b[first..end];
        if indent == 0 && (rest.starts_with(b"---") || rest.starts_with(b"...")) {
            self.close_levels(0, start);
            return Ok(());
        }
        let list_entry = rest.starts_with(b"- ") || rest == b"-";
        self.close_block(indent, list_entry, start);
        self.push(Some(indent), first)?;
        let mut pos = first;
        // `- - x`, `? key`, `: value`: each indicator after the first opens a level.
        let mut indicators = 0;
        while pos < end && matches!(self.b[pos], b'-' | b'?' | b':') && (pos + 1 == end || self.b[pos + 1] == b' ') {
            if indicators > 0 {
                self.push(Some(pos - start), pos)?;
            }
            indicators += 1;
            pos += 1;
            while pos < end && self.b[pos] == b' ' {
                pos += 1;
            }
        }
        if indicators > 0 && pos < end {
            // The entry's own content (a compact `key: value`) is one level deeper.
            self.push(Some(pos - start), pos)?;
        }
        self.node(pos, end, indent)
    }

    /// A block node from `pos`: properties, then a flow collection, a quoted
    /// or block scalar, an alias, or a plain scalar that may be a key.
    fn node(&mut self, mut pos: usize, end: usize, indent: usize) -> Result<(), Refused> {
        let mut anchor = None;
        loop {
            pos = self.skip_spaces(pos, end);
            if pos >= end {
                if let (Some(a), Some(level)) = (anchor, self.levels.last_mut()) {
                    // `key: &a` with the value on the next lines.
                    level.awaits_list = true;
                    self.open_anchor(a, pos);
                } else if let Some(level) = self.levels.last_mut() {
                    level.awaits_list = self.b[..pos].trim_ascii_end().ends_with(b":");
                }
                return Ok(());
            }
            match self.b[pos] {
                b'&' => {
                    let (name, next) = self.name(pos + 1, end);
                    anchor = Some(name);
                    pos = next;
                }
                b'!' => pos = self.word_end(pos, end),
                b'#' => pos = end,
                b'[' | b'{' => {
                    if let Some(a) = anchor {
                        self.open_anchor(a, pos);
                    }
                    let from = self.open.len() - usize::from(anchor.is_some());
                    self.push_flow(pos, from)?;
                    return self.flow(pos + 1, end);
                }
                b'"' | b'\'' => {
                    self.quote = Some(self.b[pos]);
                    let at = self.skip_quote(pos + 1, end);
                    if let Some(a) = anchor {
                        self.scalar_anchor(a, pos, at);
                    }
                    return match self.quote {
                        Some(_) => Ok(()),
                        None => self.after_scalar(at, end, indent),
                    };
                }
                b'|' | b'>' => {
                    if let Some(a) = anchor {
                        self.open_anchor(a, pos);
                    }
                    self.block_scalar = Some(indent);
                    return Ok(());
                }
                b'*' => {
                    let (name, next) = self.name(pos + 1, end);
                    self.alias(name, pos)?;
                    return self.after_scalar(next, end, indent);
                }
                _ => {
                    // A plain scalar; `key: value` if a `: ` follows on this line.
                    let mut at = pos;
                    while at < end {
                        let c = self.b[at];
                        if c == b':' && (at + 1 == end || self.b[at + 1] == b' ') {
                            if let Some(a) = anchor.take() {
                                self.scalar_anchor(a, pos, at);
                            }
                            pos = at + 1;
                            break;
                        }
                        if c == b'#' && self.b[at - 1] == b' ' {
                            at = end;
                            break;
                        }
                        at += 1;
                    }
                    if at >= end {
                        if let Some(a) = anchor {
                            self.scalar_anchor(a, pos, end);
                        }
                        return Ok(());
                    }
                }
            }
        }
    }

    /// After a quoted scalar or an alias: a `: value` makes it a key.
    fn after_scalar(&mut self, pos: usize, end: usize, indent: usize) -> Result<(), Refused> {
        let pos = self.skip_spaces(pos, end);
        if pos < end && self.b[pos] == b':' && (pos + 1 == end || self.b[pos + 1] == b' ') {
            return self.node(pos + 1, end, indent);
        }
        Ok(())
    }

    /// Inside brackets, from `pos` to the end of the line.
    fn flow(&mut self, mut pos: usize, end: usize) -> Result<(), Refused> {
        while pos < end {
            if self.quote.is_some() {
                pos = self.skip_quote(pos, end);
                continue;
            }
            let c = self.b[pos];
            let token_start = pos == self.line_start
                || matches!(self.b[pos - 1], b' ' | b'\t' | b'[' | b'{' | b',' | b':' | b'?' | b'-');
            match c {
                b'[' | b'{' => {
                    let from = self.open.len();
                    self.push_flow(pos, from)?;
                }
                b']' | b'}' => {
                    if self.in_flow() {
                        let keep = self.levels.len() - 1;
                        self.truncate(keep, pos + 1);
                    }
                    if !self.in_flow() {
                        return Ok(());
                    }
                }
                b'#' if pos == self.line_start || matches!(self.b[pos - 1], b' ' | b'\t') => return Ok(()),
                b'"' | b'\'' if token_start => {
                    self.quote = Some(c);
                    pos = self.skip_quote(pos + 1, end);
                    continue;
                }
                b'&' if token_start => {
                    let (name, next) = self.name(pos + 1, end);
                    let after = self.skip_spaces(next, end);
                    if after < end && matches!(self.b[after], b'[' | b'{') {
                        self.open_anchor(name, after);
                        let from = self.open.len() - 1;
                        self.push_flow(after, from)?;
                        pos = after + 1;
                    } else {
                        let scalar_end =
                            self.b[after..end].iter().position(|c| b",]}".contains(c)).map_or(end, |i| after + i);
                        self.scalar_anchor(name, pos, scalar_end);
                        pos = after;
                    }
                    continue;
                }
                b'*' if token_start => {
                    let (name, next) = self.name(pos + 1, end);
                    self.alias(name, pos)?;
                    pos = next;
                    continue;
                }
                _ => {}
            }
            pos += 1;
        }
        Ok(())
    }

    fn in_flow(&self) -> bool {
        self.levels.last().is_some_and(|l| l.indent.is_none())
    }

    fn push(&mut self, indent: Option<usize>, at: usize) -> Result<(), Refused> {
        let from = self.open.len();
        self.push_level(indent, at, from)
    }

    fn push_flow(&mut self, at: usize, anchors_from: usize) -> Result<(), Refused> {
        self.push_level(None, at, anchors_from)
    }

    fn push_level(&mut self, indent: Option<usize>, at: usize, anchors_from: usize) -> Result<(), Refused> {
        if self.levels.len() >= MAX_DEPTH {
            return Err(self.refuse(at, Problem::YamlTooDeep { max: MAX_DEPTH }));
        }
        self.levels.push(Level { indent, anchors_from, awaits_list: false });
        Ok(())
    }

    /// Closes the block levels a line with this indentation ends (a `- `
    /// entry under a `key:` at its own indentation stays inside it).
    fn close_block(&mut self, indent: usize, list_entry: bool, at: usize) {
        let keep = self
            .levels
            .iter()
            .rposition(|l| {
                let li = l.indent.unwrap_or(0);
                li < indent || (li == indent && l.awaits_list && list_entry)
            })
            .map_or(0, |i| i + 1);
        self.truncate(keep, at);
    }

    fn close_levels(&mut self, keep: usize, at: usize) {
        self.truncate(keep, at);
        self.quote = None;
        self.block_scalar = None;
    }

    /// Drops the levels from `keep` on, closing their anchors at `at`.
    fn truncate(&mut self, keep: usize, at: usize) {
        if let Some(level) = self.levels.get(keep) {
            let from = level.anchors_from.min(self.open.len());
            for a in self.open.drain(from..).rev() {
                let size = at.saturating_sub(a.start) + (self.expanded - a.expanded_at_start);
                self.sizes.insert(a.name, size);
            }
        }
        self.levels.truncate(keep);
    }

    fn open_anchor(&mut self, name: &'a str, at: usize) {
        self.open.push(Open { name, start: at, expanded_at_start: self.expanded });
    }

    /// An anchor on a scalar: closed where the scalar ends.
    fn scalar_anchor(&mut self, name: &'a str, start: usize, end: usize) {
        self.sizes.insert(name, end.saturating_sub(start));
    }

    fn alias(&mut self, name: &'a str, at: usize) -> Result<(), Refused> {
        if self.open.iter().any(|a| a.name == name) {
            return Err(self.refuse(at, Problem::YamlAliasLoop { name: name.to_string() }));
        }
        self.expanded += self.sizes.get(name).copied().unwrap_or(0);
        if self.expanded > self.budget {
            return Err(self.refuse(at, Problem::YamlAliasTooLarge { name: name.to_string(), kb: self.budget / 1024 }));
        }
        Ok(())
    }

    /// The name after `&` or `*`, and where it ends.
    fn name(&self, pos: usize, end: usize) -> (&'a str, usize) {
        let stop = self.b[pos..end].iter().position(|c| b" \t,[]{}".contains(c)).map_or(end, |i| pos + i);
        (self.text.get(pos..stop).unwrap_or(""), stop)
    }

    fn word_end(&self, pos: usize, end: usize) -> usize {
        self.b[pos..end].iter().position(|c| *c == b' ').map_or(end, |i| pos + i)
    }

    fn skip_spaces(&self, mut pos: usize, end: usize) -> usize {
        while pos < end && matches!(self.b[pos], b' ' | b'\t') {
            pos += 1;
        }
        pos
    }

    /// Moves past the closing quote of the open quoted scalar, if it is on
    /// this line (then the quote is closed); else to the end of the line.
    fn skip_quote(&mut self, mut pos: usize, end: usize) -> usize {
        let Some(q) = self.quote else { return pos };
        while pos < end {
            let c = self.b[pos];
            if q == b'"' && c == b'\\' {
                pos += 2;
                continue;
            }
            if c == q {
                if q == b'\'' && pos + 1 < end && self.b[pos + 1] == b'\'' {
                    pos += 2;
                    continue;
                }
                self.quote = None;
                return pos + 1;
            }
            pos += 1;
        }
        end
    }
}

/// The 0-based line index and the 1-based column of the value of top-level
/// `key` in `yaml`, if the key is written there.
pub fn key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let rest = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
            .or_else(|| line.strip_prefix(&format!("'{key}'")))?;
        let after = rest.trim_start_matches([' ', '\t']);
        let value = after.strip_prefix(':')?;
        let pad = value.chars().take_while(|c| *c == ' ' || *c == '\t').count();
        let key_chars = line.chars().count() - rest.chars().count();
        let col = key_chars + (rest.chars().count() - after.chars().count()) + 1 + pad + 1;
        Some((i, col))
    })
}

/// Where a YAML error is (1-based line and column inside `yaml`) and what it
/// means. The parser's own "at line N column M" is dropped (it is in the
/// wrong coordinates); where the parser names the place a quote or bracket
/// was opened, that place is reported, since that is what to fix.
pub fn explain_error(err: &serde_norway::Error, yaml: &str) -> (usize, usize, Problem) {
    let raw = err.to_string();
    let (mut line, mut col) = err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    let opened = raw.split(", while ").nth(1).and_then(|w| {
        let (what, pos) = w.split_once(" at line ")?;
        let (l, c) = pos.split_once(" column ")?;
        Some((what.to_string(), l.trim().parse::<usize>().ok()?, c.trim().parse::<usize>().ok()?))
    });
    let head = parser_text(err);
    let problem = match opened {
        Some((what, l, c)) if what.contains("quoted scalar") => {
            (line, col) = (l, c);
            Problem::YamlUnclosedQuote
        }
        Some((what, l, c)) if what.contains("flow sequence") => {
            (line, col) = (l, c);
            Problem::YamlUnclosedList
        }
        Some((what, l, c)) if what.contains("flow mapping") => {
            (line, col) = (l, c);
            Problem::YamlUnclosedBrace
        }
        _ if head.starts_with("duplicate entry with key") => {
            let key = head.split('"').nth(1).unwrap_or_default().to_string();
            let lines: Vec<usize> =
                yaml.lines().enumerate().filter(|(_, l)| key_position(l, &key).is_some()).map(|(i, _)| i + 1).collect();
            if let Some(&second) = lines.get(1) {
                (line, col) = (second, 1);
            }
            Problem::YamlDuplicateKey { key }
        }
        _ if head.contains("mapping values are not allowed") => Problem::YamlColonInValue { parser: head },
        _ if head.contains("did not find expected") || head.contains("could not find expected") => {
            Problem::YamlBadIndentation { parser: head }
        }
        _ if head.contains("found character that cannot start any token") => {
            Problem::YamlReservedCharacter { parser: head }
        }
        _ => Problem::YamlUnreadable { parser: head },
    };
    (line, col, problem)
}

/// The parser's own words for an error, without its position and without
/// what it was reading ("..., while scanning ...").
pub fn parser_text(err: &serde_norway::Error) -> String {
    let raw = err.to_string();
    raw.split(" at line ").next().unwrap_or(&raw).split(", while ").next().unwrap_or(&raw).to_string()
}

/// Position (1-based line, 1-based column) of a YAML error inside the YAML.
pub fn error_position(err: &serde_norway::Error) -> (usize, usize) {
    err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1))
}

/// A YAML value for a message: `22/11/2026` (as written) or a list.
pub fn describe(value: &serde_norway::Value) -> Found {
    use serde_norway::Value;
    match value {
        Value::Null => Found::Nothing,
        Value::Bool(b) => Found::Value(b.to_string()),
        Value::Number(n) => Found::Value(n.to_string()),
        Value::String(s) => Found::Value(s.clone()),
        Value::Sequence(_) => Found::List,
        Value::Mapping(_) => Found::Fields,
        Value::Tagged(t) => describe(&t.value),
    }
}

/// A key that is not text (`[a]: 1`), as a name: `a list`.
pub fn key_name(value: &serde_norway::Value) -> String {
    crate::diagnostics::describe(&describe(value)).trim_matches('`').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(t: &str) -> (usize, usize, String) {
        let e = serde_norway::from_str::<serde_norway::Value>(t).unwrap_err();
        let (l, c, p) = explain_error(&e, t);
        (l, c, p.message())
    }

    #[test]
    fn explains_common_mistakes_at_the_place_to_fix() {
        let (l, c, m) = explain("title: \"x\ndate: 2026-01-01\n");
        assert_eq!((l, c), (1, 8));
        assert!(m.starts_with("this quote is never closed"), "{m}");
        let (l, c, m) = explain("title: [a\ndate: x\n");
        assert_eq!((l, c), (1, 8));
        assert!(m.starts_with("this list is never closed"), "{m}");
        let (l, _, m) = explain("a: 1\nb: 2\na: 3\n");
        assert_eq!(l, 3);
        assert_eq!(m, "`a` is written twice; keep only one `a:` line");
        let (l, c, m) = explain("title: a: b\n");
        assert_eq!((l, c), (1, 9));
        assert!(m.contains("must be put in quotes"), "{m}");
    }

    #[test]
    fn guard_passes_what_journals_write() {
        let ok = [
            "title: 退貨\ntags: [退換貨, 耳機]\nsummary: \"[[[[[[\"\n",
            "a: |\n  [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nb: 1\n",
            "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\nx: 'it''s [ok'\n",
            "base: &base {channel: phone, tags: [a, b]}\none: *base\ntwo: *base\nlist:\n- &x 1\n- *x\n",
            "sections:\n  cases:\n    kind: case\n  essays: {kind: essay}\nprivacy:\n  patterns:\n    - name: member\n      regex: \"VIP-\\\\d{6}\"\n",
            "t: a[b]{c}\nflow: [a, [b, [c]], {d: [e]}]\n",
            "k: \"multi\n  line [[[[ quote\"\nafter: [x]\n",
        ];
        for text in ok {
            assert_eq!(guard(text), Ok(()), "{text}");
        }
        let nested: String = (0..MAX_DEPTH - 1).map(|_| '[').chain((0..MAX_DEPTH - 1).map(|_| ']')).collect();
        assert_eq!(guard(&format!("x: {nested}\n")), Ok(()));
    }

    #[test]
    fn guard_refuses_deep_nesting_where_it_starts() {
        let too_deep =
            |r: Result<(), Refused>| r.map_err(|r| (r.line, r.col, *r.problem == Problem::YamlTooDeep { max: 64 }));
        let flow: String = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(too_deep(guard(&format!("a: 1\nx: {flow}\n"))), Err((2, 67, true)));
        let mapping = "{a: ".repeat(70);
        assert_eq!(too_deep(guard(&format!("x: {mapping}\n"))), Err((1, 256, true)));
        let list = "- ".repeat(100_000);
        assert_eq!(too_deep(guard(&format!("x:\n  {list}a\n"))), Err((2, 129, true)));
        let indented: String = (0..600).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        assert_eq!(too_deep(guard(&indented)), Err((65, 65, true)));
        // Brackets opened over many lines count as much as on one.
        let lines = "[\n".repeat(200);
        assert_eq!(too_deep(guard(&format!("x: {lines}"))), Err((64, 1, true)));
    }

    #[test]
    fn guard_refuses_aliases_that_repeat_too_much() {
        let mut laughs = format!("a: &a {}1{}\n", "{a: ".repeat(50), "}".repeat(50));
        for (p, q) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            laughs.push_str(&format!("{q}: &{q} [{}]\n", vec![format!("*{p}"); 10].join(",")));
        }
        let r = guard(&laughs).unwrap_err();
        assert_eq!((r.line, r.col), (4, 11));
        assert_eq!(r.problem.message(), "the `*` references in this file would repeat more than 64 KB of text (`&c` marks a value and `*c` repeats it); write the values out instead of repeating them");
        // The same, written as block lists under `key:` lines.
        let mut block = format!("a: &a\n{}", (0..50).map(|i| format!("  k{i}: v\n")).collect::<String>());
        for (p, q) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            block.push_str(&format!("{q}: &{q}\n{}", format!("- *{p}\n").repeat(10)));
        }
        assert_eq!(guard(&block).unwrap_err().problem.kind(), "yaml/alias-too-large");
        let r = guard("a: &a [1, *a]\n").unwrap_err();
        assert_eq!((r.line, r.col), (1, 11));
        assert_eq!(*r.problem, Problem::YamlAliasLoop { name: "a".into() });
        assert!(r.problem.message().starts_with("`*a` is used inside the value it repeats"), "{:?}", r.problem);
    }

    #[test]
    fn finds_keys_and_value_columns() {
        let y = "title: 退貨\ndate:   2026-11-22\n\"tags\": [a]\n  nested: x\n";
        assert_eq!(key_position(y, "title"), Some((0, 8)));
        assert_eq!(key_position(y, "date"), Some((1, 9)));
        assert_eq!(key_position(y, "tags"), Some((2, 9)));
        assert_eq!(key_position(y, "nested"), None);
        assert_eq!(key_position(y, "tit"), None);
    }
}
