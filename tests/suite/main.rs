//! End-to-end tests: build the fixture journals in tests/fixtures/ with the
//! real binary and look at what was written (or, for the invalid ones, at the
//! exact messages). One test binary, one module per feature.

mod build;
mod build_cache;
mod check;
mod cli_help;
mod editorial;
mod export;
mod forgiving;
mod history;
mod html;
mod import;
mod import_hostile;
mod incremental;
mod interface;
mod interface_page;
mod layers;
mod limits;
mod links;
mod markdown_forgiving;
mod messages;
mod mutation;
mod names;
mod paths;
mod rewards;
mod safety_output_serve;
mod serve;
mod setup;
mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// The casebook binary as the tests run it: without the system's git
/// settings, and without the build cache on disk (`CASEBOOK_NO_CACHE`:
/// tests running at once build the same fixtures, which are not theirs to
/// write in; `build_cache.rs` gives `--cache-dir`).
pub fn casebook_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casebook"));
    cmd.env("GIT_CONFIG_NOSYSTEM", "1").env("CASEBOOK_NO_CACHE", "1");
    cmd
}

pub fn casebook(args: &[&str]) -> Output {
    casebook_command().env("CASEBOOK_LANG", "en").args(args).output().expect("the casebook binary runs")
}

pub fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    casebook(&args)
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file under `dir` with its bytes, by relative path.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

pub fn built_basic(extra: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture("basic"), &out, extra);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out, stderr(&o))
}

pub fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from).into_iter().filter_map(Result::ok) {
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

#[test]
fn colliding_tags_and_headings_are_reported_with_their_line() {
    let (_tmp, out, err) = built_basic(&[]);
    assert!(
        err.contains("content/essays/標籤撞名.md:4:7: warning: `團隊-管理` and `團隊 管理` would have the same address tags/團隊-管理/, so `團隊-管理` is published at tags/團隊-管理-2/; if they are one 標籤, write them the same way"),
        "{err}"
    );
    assert!(out.join("tags/團隊-管理-2/index.html").is_file());
    assert!(
        err.contains("content/essays/標籤撞名.md:11:1: warning: an earlier heading has the same text, so this one's link is #說明-1"),
        "{err}"
    );
    let page = read(&out, "essays/標籤撞名/index.html");
    assert!(page.contains("<h2 id=\"說明-1\">"));
}

/// Builds a fixture into a temporary folder; panics with the messages if it fails.
pub fn built(name: &str, extra: &[&str]) -> (tempfile::TempDir, PathBuf, String) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&fixture(name), &out, extra);
    assert!(o.status.success(), "{}", stderr(&o));
    (tmp, out, stderr(&o))
}
