//! The `casebook` command: parses the command line and hands over to
//! [`casebook::cmd`]; prints the last error in plain words.

use std::process::ExitCode;

use clap::Parser;

// Builds and saves allocate many small values (strings, maps); mimalloc
// takes a fifth off a save at 10,000 articles, where glibc's allocator was
// the largest single cost.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
