//! Runs the JavaScript tests in tests/browser/ (node's test runner): the
//! browser tokenizer on the shared vectors, search and raw HTML in headless
//! Chromium, and live reload against `casebook serve`.
//!
//! They need node, `npm ci` in tests/browser and Debian's chromium (or the
//! one `CHROMIUM` names), which `.ci/run` installs. When one is missing the
//! test is skipped, and says so where people look: on its own line and in
//! the summary (`test result: ok. 0 passed; 0 failed; 1 skipped`). libtest
//! has no "skipped" and hides what a passing test prints, so this target has
//! its own `main` (`harness = false` in Cargo.toml) that prints libtest's
//! lines. Under CI (`CI` set, and not `false` or `0`) nothing is skipped: a
//! missing tool fails the test, naming what to install.
//!
//! It takes the arguments cargo passes to a test binary: name filters,
//! `--exact`, `--skip`, `--list`, `--ignored` (this test is not ignored, so
//! nothing runs), `-q` or `--format terse|json`, and `--nocapture` or
//! `--show-output` to print node's report of a passing run too. Other
//! libtest options are accepted and do nothing.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

const NAME: &str = "javascript_tokenizer_and_browser_search";

/// What the command line asks for.
#[derive(Default)]
struct Args {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    ignored_only: bool,
    bench: bool,
    format: Format,
    show_output: bool,
}

#[derive(Default, PartialEq)]
enum Format {
    #[default]
    Pretty,
    Terse,
    Json,
}

/// libtest's options that take a value (`--format terse` or `--format=terse`).
const WITH_VALUE: &[&str] = &["--format", "--color", "--test-threads", "--skip", "--logfile", "--shuffle-seed", "-Z"];

fn parse(mut raw: impl Iterator<Item = String>) -> Args {
    let mut args = Args::default();
    while let Some(arg) = raw.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let value = if WITH_VALUE.contains(&flag.as_str()) { inline.or_else(|| raw.next()) } else { None };
        match (flag.as_str(), value.as_deref()) {
            ("--list", _) => args.list = true,
            ("--exact", _) => args.exact = true,
            ("--ignored", _) => args.ignored_only = true,
            ("--bench", _) => args.bench = true,
            ("-q" | "--quiet", _) | ("--format", Some("terse")) => args.format = Format::Terse,
            ("--format", Some("json")) => args.format = Format::Json,
            ("--format", _) => args.format = Format::Pretty,
            ("--nocapture" | "--show-output", _) => args.show_output = true,
            ("--skip", Some(name)) => args.skip.push(name.to_string()),
            _ if arg.starts_with('-') => {} // --include-ignored, --test-threads 1, --color never, ...
            _ => args.filters.push(arg),
        }
    }
    args
}

impl Args {
    /// Whether the one test here is selected (libtest's rules: any filter
    /// matches, as a substring or with `--exact` the whole name; no `--skip`).
    fn selects(&self) -> bool {
        let matches = |f: &String| if self.exact { f == NAME } else { NAME.contains(f.as_str()) };
        !self.ignored_only
            && !self.bench
            && (self.filters.is_empty() || self.filters.iter().any(matches))
            && !self.skip.iter().any(matches)
    }
}

enum Outcome {
    Passed(String),
    Failed(String),
    Skipped(String),
}

fn main() -> ExitCode {
    let args = parse(std::env::args().skip(1));
    let selected = args.selects();
    if args.list {
        list(&args, selected);
        return ExitCode::SUCCESS;
    }
    let started = Instant::now();
    let count = usize::from(selected);
    match args.format {
        Format::Json => println!(r#"{{ "type": "suite", "event": "started", "test_count": {count} }}"#),
        _ => println!("\nrunning {count} test{}", if selected { "" } else { "s" }),
    }
    let outcome = selected.then(|| {
        if args.format == Format::Json {
            println!(r#"{{ "type": "test", "event": "started", "name": "{NAME}" }}"#);
        } else if args.format == Format::Pretty {
            print!("test {NAME} ... ");
            let _ = std::io::Write::flush(&mut std::io::stdout());
        }
        run()
    });
    report(&args, outcome.as_ref(), started);
    match outcome {
        Some(Outcome::Failed(_)) => ExitCode::from(101),
        _ => ExitCode::SUCCESS,
    }
}

fn list(args: &Args, selected: bool) {
    if args.format == Format::Json {
        if selected {
            println!(r#"{{ "type": "test", "event": "discovered", "name": "{NAME}" }}"#);
        }
        return;
    }
    if selected {
        println!("{NAME}: test");
    }
    if args.format == Format::Pretty {
        println!("\n{} test{}, 0 benchmarks", usize::from(selected), if selected { "" } else { "s" });
    }
}

/// Prints the test's line and the summary as libtest would, with "skipped".
fn report(args: &Args, outcome: Option<&Outcome>, started: Instant) {
    let took = started.elapsed().as_secs_f64();
    let [passed, failed, skipped] = match outcome {
        Some(Outcome::Passed(_)) => [1, 0, 0],
        Some(Outcome::Failed(_)) => [0, 1, 0],
        Some(Outcome::Skipped(_)) => [0, 0, 1],
        None => [0, 0, 0],
    };
    let filtered = 1 - passed - failed - skipped;
    let result = if failed > 0 { "FAILED" } else { "ok" };
    if args.format == Format::Json {
        let (event, text) = match outcome {
            Some(Outcome::Passed(r)) => ("ok", r),
            Some(Outcome::Failed(r)) => ("failed", r),
            // libtest's JSON has no "skipped"; "ignored" with the reason is closest.
            Some(Outcome::Skipped(why)) => ("ignored", why),
            None => ("", &String::new()),
        };
        if !event.is_empty() {
            let key = if event == "ignored" { "message" } else { "stdout" };
            println!(r#"{{ "type": "test", "name": "{NAME}", "event": "{event}", "{key}": {} }}"#, json(text));
        }
        println!(
            r#"{{ "type": "suite", "event": "{}", "passed": {passed}, "failed": {failed}, "ignored": {skipped}, "measured": 0, "filtered_out": {filtered}, "exec_time": {took} }}"#,
            if failed > 0 { "failed" } else { "ok" }
        );
        return;
    }
    let terse = args.format == Format::Terse;
    match outcome {
        Some(Outcome::Passed(_)) if terse => println!("."),
        Some(Outcome::Passed(_)) => println!("ok"),
        Some(Outcome::Failed(_)) if terse => println!("F"),
        Some(Outcome::Failed(_)) => println!("FAILED"),
        Some(Outcome::Skipped(why)) if terse => println!("test {NAME} ... skipped ({why})"),
        Some(Outcome::Skipped(why)) => println!("skipped ({why})"),
        None => {}
    }
    match outcome {
        Some(Outcome::Failed(text)) => {
            println!("\nfailures:\n\n---- {NAME} stdout ----\n{text}\n\nfailures:\n    {NAME}")
        }
        Some(Outcome::Passed(text)) if args.show_output => println!("\nsuccesses:\n\n---- {NAME} stdout ----\n{text}"),
        _ => {}
    }
    println!(
        "\ntest result: {result}. {passed} passed; {failed} failed; {skipped} skipped; {filtered} filtered out; finished in {took:.2}s\n"
    );
}

fn json(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// Whether `CI` says this is a CI run (set, and not empty, `false` or `0`).
fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim().to_ascii_lowercase().as_str(), "" | "false" | "0"))
}

/// Runs node's test runner in tests/browser, or says what is missing.
fn run() -> Outcome {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let missing: Vec<String> = [
        (Command::new("node").arg("--version").output().is_err(), "node".to_string()),
        (!dir.join("node_modules/playwright-core").exists(), "playwright-core (npm ci --prefix tests/browser)".into()),
        (!Path::new(&chromium).exists(), format!("chromium at {chromium} (apt-get install chromium)")),
    ]
    .into_iter()
    .filter_map(|(gone, what)| gone.then_some(what))
    .collect();
    if !missing.is_empty() {
        let why = format!("the browser tests need {}; .ci/run installs them", missing.join(", "));
        return match under_ci() {
            true => Outcome::Failed(format!("{why}. CI is set, so they are not skipped.")),
            false => Outcome::Skipped(why),
        };
    }
    let out = Command::new("node")
        // No test of theirs takes minutes: one that does has hung.
        .args(["--test", "--test-reporter=spec", "--test-timeout=300000"])
        .current_dir(&dir)
        .env("CASEBOOK_BIN", env!("CARGO_BIN_EXE_casebook"))
        // The fixtures are built in place: no build cache is left in them.
        .env("CASEBOOK_NO_CACHE", "1")
        .output();
    match out {
        Err(e) => Outcome::Failed(format!("could not run node --test in {}: {e}", dir.display())),
        Ok(out) => {
            let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
            // Kept after the run: a rare failure in a long `cargo test` can be read later.
            let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser-report.txt");
            let kept = match std::fs::write(&kept, &text) {
                Ok(()) => format!(" (this report is kept in {})", kept.display()),
                Err(_) => String::new(),
            };
            match out.status.success() {
                true => Outcome::Passed(text),
                false => Outcome::Failed(format!("JavaScript tests failed ({}){kept}:\n{text}", out.status)),
            }
        }
    }
}
