//! casebook turns a journal of customer-service cases and essays, written as
//! Markdown files in a git repository, into a static intranet site.
//!
//! The pipeline, one module per stage, in the order a build runs them
//! ([`build`] ties them together):
//!
//! [`config`] → [`content`] → [`history`] → [`markdown`] → [`validate`] →
//! [`graph`] → [`render`] → [`search`] → [`output`]
//!
//! A stage uses only the stages before it. Above them, [`incremental`]
//! keeps what one build can give the next, [`build`] runs the stages,
//! [`serve`] rebuilds after each save, [`import`] writes a journal from
//! another tool's site and [`cmd`] is the command line.
//! Below them, used by all: [`diagnostics`] (problems at a file and line),
//! [`paths`] and [`limits`] (reading files safely), [`site_file`] (a file of the built site as a value), [`yaml`], [`fold`]
//! (text that compares equal), [`urls`] (every address), [`keys`] and
//! [`profile`]; [`lang`] names the three languages casebook speaks. A problem is a [`diagnostics::Problem`] with a stable kind.
//! `tests/suite/layers.rs` fails when an import goes backwards.

// Used by every stage.
pub mod diagnostics;
pub mod fold;
pub mod keys;
pub mod lang;
pub mod limits;
pub mod paths;
pub mod profile;
pub mod site_file;
pub mod urls;
pub mod yaml;

// The stages, in order.
pub mod config;
pub mod content;
pub mod history;
pub mod markdown;
pub mod validate;
pub mod graph;
pub mod render;
pub mod search;
pub mod output;

// Running them.
pub mod incremental;
pub mod build;
pub mod serve;
pub mod import;
pub mod cmd;
