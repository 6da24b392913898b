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
    tokens_of(&fold(text)).into_iter().map(str::to_string).collect()
}

/// The tokens of text already [`fold`]ed, as slices of it: a CJK run's
/// bigrams and its last character are side by side in it, and so are a
/// word's characters. The index tokenizes this way, with no string per token.
pub fn tokens_of(folded: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    // Where each character of the current CJK run starts, and where it ends.
    let mut run: Vec<usize> = Vec::new();
    let mut run_end = 0;
    // Where the current word starts, how many characters it has, and where
    // its first MAX_TOKEN_CHARS characters end.
    let mut word: Option<(usize, usize, usize)> = None;
    for (at, c) in folded.char_indices() {
        let end = at + c.len_utf8();
        if is_cjk(c) {
            push_word(folded, &mut word, &mut tokens);
            run.push(at);
            run_end = end;
        } else {
            push_run(folded, &mut run, run_end, &mut tokens);
            if c.is_alphanumeric() {
                let w = word.get_or_insert((at, 0, at));
                w.1 += 1;
                if w.1 <= MAX_TOKEN_CHARS {
                    w.2 = end;
                }
            } else {
                push_word(folded, &mut word, &mut tokens);
            }
        }
    }
    push_run(folded, &mut run, run_end, &mut tokens);
    push_word(folded, &mut word, &mut tokens);
    tokens
}

fn push_run<'a>(folded: &'a str, run: &mut Vec<usize>, run_end: usize, tokens: &mut Vec<&'a str>) {
    for i in 0..run.len().saturating_sub(1) {
        let end = run.get(i + 2).copied().unwrap_or(run_end);
        tokens.push(&folded[run[i]..end]);
    }
    if let Some(&last) = run.last() {
        tokens.push(&folded[last..run_end]);
    }
    run.clear();
}

fn push_word<'a>(folded: &'a str, word: &mut Option<(usize, usize, usize)>, tokens: &mut Vec<&'a str>) {
    if let Some((start, _, end)) = word.take() {
        tokens.push(&folded[start..end]);
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
