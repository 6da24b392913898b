//! Which term follows which, so that a query's phrase matches only where its
//! pieces stand next to each other: `串流複製` needs 串流, 流复 and 复制
//! one after the other, not anywhere in the article; `pg_dump` needs `pg`
//! right before `dump`.
//!
//! Every posting carries a mask of [`BITS`] bits: for each place the term
//! stands in the field, the bit ([`bit`]) of the term after it. The terms
//! read in order are the tokenizer's, without the character it adds at
//! the end of each run of two or more (a bigram is followed by the next
//! bigram of its run, or by what comes after the run). A term is known by
//! its first two characters, so a word is known whether or not it goes on
//! (`dump` is `du`, as `dumpall` is). `search.js` computes the same bit.

use rustc_hash::FxHashMap as HashMap;

use crate::fold::is_cjk;

/// Bits in each posting's mask.
pub const BITS: u32 = 16;

/// The bit of a term that follows another: FNV-1a over the code points of
/// its first two characters, modulo [`BITS`].
pub fn bit(term: &str) -> u16 {
    let mut h: u32 = 0x811c_9dc5;
    for c in term.chars().take(2) {
        h ^= c as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    1 << (h % BITS)
}

/// Each term of `tokens` (the tokenizer's output for one field) with the
/// bits of the terms that follow it.
pub fn masks<S: AsRef<str>>(tokens: &[S]) -> HashMap<&str, u16> {
    let mut out: HashMap<&str, u16> = HashMap::default();
    let mut prev: Option<&str> = None;
    for (i, t) in tokens.iter().enumerate() {
        let t = t.as_ref();
        if i > 0 && is_run_end(tokens[i - 1].as_ref(), t) {
            continue;
        }
        if let Some(p) = prev {
            *out.entry(p).or_default() |= bit(t);
        }
        prev = Some(t);
    }
    out
}

/// Whether `t` is the character the tokenizer adds after the last bigram
/// `before` of a run (a run's end always follows its last bigram).
fn is_run_end(before: &str, t: &str) -> bool {
    let mut tc = t.chars();
    let (Some(c), None) = (tc.next(), tc.next()) else {
        return false;
    };
    let mut b = before.chars();
    matches!((b.next(), b.next(), b.next()), (Some(b0), Some(b1), None) if is_cjk(c) && is_cjk(b0) && b1 == c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::tokenize::tokenize;

    #[test]
    fn each_term_knows_what_follows_it() {
        let tokens = tokenize("串流複製 pg_dumpall，備份 備");
        let m = masks(&tokens);
        assert_eq!(m["串流"], bit("流复"));
        assert_eq!(m["流复"], bit("复制"));
        // The run's end (制) is left out: 复制 is followed by the next word.
        assert_eq!(m["复制"], bit("pg"));
        assert_eq!(m["pg"], bit("dump"));
        assert_eq!(bit("dumpall"), bit("du"));
        assert_eq!(m["dumpall"], bit("备份"));
        assert_eq!(m["备份"], bit("备"));
        assert!(!m.contains_key("备"));
        // The same number search.js computes (tokenizer.test.js).
        assert_eq!(bit("流复"), 1 << 3);
    }
}
