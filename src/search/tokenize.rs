//! The search tokenizer, written once here and once in JavaScript
//! (`themes/default/static/search.js`); `tests/search_vectors.json` holds the
//! cases both must pass, so the two cannot drift apart.
//!
//! In order: Unicode NFKC, lowercase, Traditional → Simplified folding; then
//! each run of CJK characters becomes its overlapping bigrams plus the run's
//! last character (so a one-character query finds it), and each run of other
//! letters and digits becomes one token, cut at [`MAX_TOKEN_CHARS`].

use elasticlunr::pipeline::Pipeline;
use elasticlunr::Language;

use crate::fold::fold;
use crate::fold::is_cjk;

pub const MAX_TOKEN_CHARS: usize = 32;

pub fn tokenize(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut tokens = Vec::new();
    let mut run: Vec<char> = Vec::new();
    let mut word = String::new();
    for c in folded.chars() {
        if is_cjk(c) {
            push_word(&mut word, &mut tokens);
            run.push(c);
        } else {
            push_run(&mut run, &mut tokens);
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                push_word(&mut word, &mut tokens);
            }
        }
    }
    push_run(&mut run, &mut tokens);
    push_word(&mut word, &mut tokens);
    tokens
}

fn push_run(run: &mut Vec<char>, tokens: &mut Vec<String>) {
    for pair in run.windows(2) {
        tokens.push(pair.iter().collect());
    }
    if let Some(last) = run.last() {
        tokens.push(last.to_string());
    }
    run.clear();
}

fn push_word(word: &mut String, tokens: &mut Vec<String>) {
    if !word.is_empty() {
        tokens.push(word.chars().take(MAX_TOKEN_CHARS).collect());
        word.clear();
    }
}

/// The tokenizer as an elasticlunr-rs language, with no stemming or stop
/// words (neither means anything for Chinese bigrams).
pub struct CasebookLanguage;

impl Language for CasebookLanguage {
    fn name(&self) -> String {
        "casebook".into()
    }

    fn code(&self) -> String {
        "casebook".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Vector {
        input: String,
        tokens: Vec<String>,
    }

    /// The vectors shared with the JavaScript tokenizer.
    #[test]
    fn shared_vectors() {
        let text = include_str!("../../tests/search_vectors.json");
        let vectors: Vec<Vector> = serde_json::from_str(text).expect("tests/search_vectors.json is valid");
        assert!(vectors.len() >= 20);
        for v in vectors {
            assert_eq!(tokenize(&v.input), v.tokens, "input: {:?}", v.input);
        }
    }
}
