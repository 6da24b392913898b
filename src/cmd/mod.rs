//! One file per subcommand. Each defines its arguments and an `execute`
//! function; the work itself lives in the library modules.

pub mod build;
pub mod check;
pub mod help;
pub mod import;
pub mod init;
pub mod new;
pub mod rewards;
pub mod serve;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::Said;
use crate::lang::Lang;

/// The command line. Its help, in the three languages, is in
/// [`help`]'s table of words (one row per command, argument and value),
/// not in doc comments here: [`help::command`] builds it.
#[derive(Debug, Parser)]
#[command(name = "casebook", version)]
pub struct Cli {
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    #[arg(long, global = true, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(build::Args),
    Check(check::Args),
    Import(import::Args),
    Init(init::Args),
    New(new::Args),
    Serve(serve::Args),
    Rewards(rewards::Args),
}

/// Runs the command, with messages in `lang` (see [`Cli::language`]).
pub fn run(cli: Cli, lang: Lang) -> anyhow::Result<ExitCode> {
    let chosen = cli.chosen_language();
    match cli.command {
        Command::Build(args) => build::execute(&cli.root, args, lang),
        Command::Check(args) => check::execute(&cli.root, args, lang),
        Command::Import(args) => import::execute(&cli.root, args, lang, chosen),
        Command::Init(args) => init::execute(&cli.root, args, lang),
        Command::New(args) => new::execute(&cli.root, args, lang),
        Command::Rewards(args) => rewards::execute(&cli.root, args, lang),
        Command::Serve(args) => serve::execute(&cli.root, args, lang),
    }
}

impl Cli {
    /// The language `--lang` or `CASEBOOK_LANG` names, if either names one
    /// casebook speaks: what `import` prints in over the language its
    /// source's settings name.
    pub fn chosen_language(&self) -> Option<Lang> {
        self.lang.or_else(|| std::env::var("CASEBOOK_LANG").ok().and_then(|code| Lang::from_code(&code)))
    }

    /// The language of this terminal's messages: `--lang`, else
    /// `CASEBOOK_LANG`, else the journal's `language:` (so one person can
    /// read the messages in their language while the journal keeps its
    /// own). With it, the line to print when `CASEBOOK_LANG` names no
    /// language casebook speaks.
    pub fn language(&self) -> (Lang, Option<Said>) {
        language(self.lang, &self.root)
    }
}

/// [`Cli::language`] for `--lang` and `--root` as given.
fn language(flag: Option<Lang>, root: &Path) -> (Lang, Option<Said>) {
    if let Some(lang) = flag {
        return (lang, None);
    }
    let journal = || crate::config::load(root).0.lang();
    match std::env::var("CASEBOOK_LANG") {
        Ok(code) if !code.trim().is_empty() => match Lang::from_code(&code) {
            Some(lang) => (lang, None),
            None => {
                let using = journal();
                (using, Some(Said::UnknownLanguage { written: code, using }))
            }
        },
        _ => (journal(), None),
    }
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("`{code}` is not zh-Hant, zh-Hans or en"))
}
