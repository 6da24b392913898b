//! `casebook serve`: see the journal as readers will, while writing.

use std::net::IpAddr;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::diagnostics::Said;
use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    #[arg(long)]
    pub open: bool,
    #[arg(long)]
    pub drafts: bool,
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
