//! Client-side search that works in Chinese.
//!
//! [`tokenize`] is the tokenizer shared with the browser; [`index`] builds
//! the elasticlunr-rs index and splits it into term shards, a manifest and
//! per-article files, all returned as [`crate::output::OutputFile`]s.

pub mod index;
pub mod tokenize;
