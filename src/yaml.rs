//! YAML helpers shared by the config, the front matter and the data files:
//! positions of top-level keys, and parser messages turned into plain words.
//!
//! serde's YAML errors carry positions in the coordinates of the YAML text;
//! callers add the offset of the text inside the file (the front-matter fence).

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
/// means in plain words. The parser's own "at line N column M" is dropped (it
/// is in the wrong coordinates); where the parser names the place a quote or
/// bracket was opened, that place is reported, since that is what to fix.
pub fn explain_error(err: &serde_norway::Error, yaml: &str) -> (usize, usize, String) {
    let raw = err.to_string();
    let (mut line, mut col) = err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    let opened = raw.split(", while ").nth(1).and_then(|w| {
        let (what, pos) = w.split_once(" at line ")?;
        let (l, c) = pos.split_once(" column ")?;
        Some((what.to_string(), l.trim().parse::<usize>().ok()?, c.trim().parse::<usize>().ok()?))
    });
    let head = raw.split(" at line ").next().unwrap_or(&raw).split(", while ").next().unwrap_or(&raw).to_string();
    let message = match opened {
        Some((what, l, c)) if what.contains("quoted scalar") => {
            (line, col) = (l, c);
            "this quote is never closed; put the matching quote at the end of the value".to_string()
        }
        Some((what, l, c)) if what.contains("flow sequence") => {
            (line, col) = (l, c);
            "this list is never closed; write it like [退貨, 耳機] with a `]` at the end".to_string()
        }
        Some((what, l, c)) if what.contains("flow mapping") => {
            (line, col) = (l, c);
            "this `{` is never closed; if it is not meant as a set of fields, put the value in quotes".to_string()
        }
        _ if head.starts_with("duplicate entry with key") => {
            let key = head.split('"').nth(1).unwrap_or_default().to_string();
            let lines: Vec<usize> = yaml
                .lines()
                .enumerate()
                .filter(|(_, l)| key_position(l, &key).is_some())
                .map(|(i, _)| i + 1)
                .collect();
            if let Some(&second) = lines.get(1) {
                (line, col) = (second, 1);
            }
            format!("`{key}` is written twice; keep only one `{key}:` line")
        }
        _ if head.contains("mapping values are not allowed") => format!(
            "the YAML could not be read: {head}; a value that contains `: ` must be put in quotes, like title: \"退貨: 耳機\", and a field must not be indented"
        ),
        _ if head.contains("did not find expected") || head.contains("could not find expected") => {
            format!("the YAML could not be read: {head}; check that this line is indented like the lines around it")
        }
        _ if head.contains("found character that cannot start any token") => {
            format!("the YAML could not be read: {head}; a value starting with @, ` or a tab must be put in quotes")
        }
        _ => format!("the YAML could not be read: {head}"),
    };
    (line, col, message)
}

/// Position (1-based line, 1-based column) of a YAML error inside the YAML.
pub fn error_position(err: &serde_norway::Error) -> (usize, usize) {
    err.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1))
}

/// Describes a YAML value for a message: `found 22/11/2026` or `found a list`.
pub fn describe(value: &serde_norway::Value) -> String {
    use serde_norway::Value;
    match value {
        Value::Null => "nothing".to_string(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("`{n}`"),
        Value::String(s) => format!("`{s}`"),
        Value::Sequence(_) => "a list".to_string(),
        Value::Mapping(_) => "a set of `key: value` lines".to_string(),
        Value::Tagged(t) => describe(&t.value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn explain(t: &str) -> (usize, usize, String) {
        let e = serde_norway::from_str::<serde_norway::Value>(t).unwrap_err();
        explain_error(&e, t)
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
    fn finds_keys_and_value_columns() {
        let y = "title: 退貨\ndate:   2026-11-22\n\"tags\": [a]\n  nested: x\n";
        assert_eq!(key_position(y, "title"), Some((0, 8)));
        assert_eq!(key_position(y, "date"), Some((1, 9)));
        assert_eq!(key_position(y, "tags"), Some((2, 9)));
        assert_eq!(key_position(y, "nested"), None);
        assert_eq!(key_position(y, "tit"), None);
    }
}
