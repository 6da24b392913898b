//! `casebook serve`: see the journal as readers will, while writing.

use std::net::IpAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::diagnostics::Said;
use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; only this computer by default.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
    /// Include articles marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Also answer requests addressed to this name (this computer's name on
    /// the network, with --bind); others are refused. Repeat for more names.
    #[arg(long = "allow-host", value_name = "NAME")]
    pub allow_hosts: Vec<String>,
}

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    if !root.is_dir() {
        anyhow::bail!(Said::NoJournalFolder { dir: root.display().to_string() }.words(lang));
    }
    // Absolute, so the watcher's absolute paths can be matched against it.
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    crate::serve::run(crate::serve::ServeOptions {
        root,
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
        open: args.open,
        allow_hosts: args.allow_hosts,
        lang,
    })?;
    Ok(ExitCode::SUCCESS)
}
