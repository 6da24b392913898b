//! The `casebook` command: parses the command line and hands over to
//! [`casebook::cmd`]; prints the last error in plain words.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = casebook::cmd::Cli::parse();
    match casebook::cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
