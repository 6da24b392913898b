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

/// The 1-based line of a key, or of the first line if it is not written.
pub fn key_line(yaml: &str, key: &str) -> Option<usize> {
    key_position(yaml, key).map(|(i, _)| i + 1)
}

/// The parser's message without its own "at line N column M" (which would be
/// in the wrong coordinates), plus a hint for the mistakes writers make most.
pub fn plain_message(err: &serde_norway::Error) -> String {
    let raw = err.to_string();
    let msg = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    let hint = if msg.contains("mapping values are not allowed") {
        "; a value that contains `: ` must be put in quotes, like title: \"退貨: 耳機\""
    } else if msg.contains("did not find expected") || msg.contains("could not find expected") {
        "; check the indentation and that quotes and brackets are closed"
    } else if msg.contains("found character that cannot start any token") {
        "; a value starting with @, ` or a tab must be put in quotes"
    } else {
        ""
    };
    format!("the YAML could not be read: {msg}{hint}")
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
