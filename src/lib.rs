//! casebook turns a journal of customer-service cases and essays, written as
//! Markdown files in a git repository, into a static intranet site.
//!
//! The pipeline, one module per stage:
//! [`config`] → [`content`] → [`markdown`] → [`graph`] → [`render`] →
//! [`output`], tied together by [`build`]. Problems are collected as
//! [`diagnostics::Diagnostic`] values that name file, line and column, and
//! what is wrong as a [`diagnostics::Problem`] with a stable kind.

pub mod build;
pub mod cache;
pub mod check;
pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fold;
pub mod graph;
pub mod history;
pub mod limits;
pub mod markdown;
pub mod output;
pub mod paths;
pub mod render;
pub mod search;
pub mod serve;
pub mod slug;
pub mod yaml;
