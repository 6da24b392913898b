//! Runs the JavaScript tests in tests/browser/ (node's test runner): the
//! browser tokenizer on the shared vectors, and search in headless Chromium.
//!
//! They need node, `npm ci` in tests/browser and Debian's chromium, which
//! `.ci/run` installs. Elsewhere, if any is missing, this test says what to
//! install and passes; under CI (`CI` set) it fails instead.

use std::path::Path;
use std::process::Command;

#[test]
fn javascript_tokenizer_and_browser_search() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let missing: Vec<&str> = [
        (Command::new("node").arg("--version").output().is_err(), "node"),
        (!dir.join("node_modules/playwright-core").exists(), "playwright-core (npm ci --prefix tests/browser)"),
        (!Path::new(&chromium).exists(), "chromium (apt-get install chromium)"),
    ]
    .into_iter()
    .filter_map(|(gone, what)| gone.then_some(what))
    .collect();
    if !missing.is_empty() {
        let msg = format!("the browser tests need {}; .ci/run installs them", missing.join(", "));
        assert!(std::env::var_os("CI").is_none(), "{msg}");
        eprintln!("skipped: {msg}");
        return;
    }
    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .current_dir(&dir)
        .env("CASEBOOK_BIN", env!("CARGO_BIN_EXE_casebook"))
        .output()
        .expect("node runs");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "JavaScript tests failed:\n{report}");
}
