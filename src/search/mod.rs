//! Client-side search that works in Chinese.
//!
//! [`tokenize`] is the tokenizer shared with the browser; [`docs`] makes
//! what is indexed of each article from its view; [`index`] builds
//! the elasticlunr-rs index and splits it into term shards, a manifest and
//! per-article files, all returned as [`crate::site_file::OutputFile`]s;
//! [`export`] writes the same documents for OpenSearch and Meilisearch.

pub mod docs;
pub mod export;
pub mod index;
pub mod next;
pub mod tokenize;
