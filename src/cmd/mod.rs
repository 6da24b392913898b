//! One file per subcommand. Each defines its arguments and an `execute`
//! function; the work itself lives in the library modules.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod new;
pub mod rewards;
pub mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diagnostics::Said;
use crate::lang::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "casebook",
    version,
    about = "Turns a journal of customer-service cases (Markdown files in a git repository) into an intranet site.",
    long_about = "Turns a journal of customer-service cases (Markdown files in a git repository) into an intranet site.\n\n\
Start a journal with `casebook init my-journal`, write a case with\n`casebook new case \"客戶要求退回已拆封耳機\"`, and build the site with `casebook build`."
)]
pub struct Cli {
    /// The journal folder (the one holding casebook.yaml and content/).
    #[arg(long, global = true, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,

    /// The language of messages: zh-Hant, zh-Hans or en (also zh-TW,
    /// zh-CN, ...). Default: CASEBOOK_LANG if set, else the journal's
    /// `language:` (zh-Hant when it has none).
    #[arg(long, global = true, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into public/ (or the folder given with --output).
    Build(build::Args),
    /// Check every article, link and data file without writing a site (for pull requests).
    Check(check::Args),
    /// Write a journal from a Hexo, Hugo, Jekyll or GitBook site, or a folder of Markdown notes.
    Import(import::Args),
    /// Create a new journal folder, ready to write in.
    Init(init::Args),
    /// Write a new case or essay from the journal's template, dated today.
    New(new::Args),
    /// Build the journal, serve it on this computer and rebuild after every save.
    Serve(serve::Args),
    /// Print the editors' picks and their awards (data/featured.yaml), with totals per author.
    ///
    /// A money award is divided equally among the article's authors, in cents:
    /// each gets the same whole number of cents, and the cents that do not
    /// divide evenly go to the first author the article names, so the shares
    /// always add up to the award. 1000 TWD among 3 authors: 333.34, 333.33
    /// and 333.33; 100 USD among 3: 33.34, 33.33 and 33.33. An amount is shown
    /// without decimals when it is whole (250), else with 2 (333.34). A named
    /// prize goes to each author.
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
        if let Some(lang) = self.lang {
            return (lang, None);
        }
        let journal = || crate::config::load(&self.root).0.lang();
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
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("`{code}` is not zh-Hant, zh-Hans or en"))
}
