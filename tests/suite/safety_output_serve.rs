//! The output swap: what killed builds left is cleaned up, and two builds
//! into one output take turns.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::*;

#[test]
fn leftovers_of_killed_builds_are_removed_by_the_next_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    assert!(build(&fixture("basic"), &out, &[]).status.success());
    // As a build killed while writing, and one killed before removing the old site, leave them.
    for left in [".site.casebook-new-4000001", ".site.casebook-old-4000002"] {
        copy_dir(&out, &tmp.path().join(left));
    }
    // Not casebook's: kept.
    std::fs::create_dir(tmp.path().join(".site.casebook-new-4000003")).unwrap();
    std::fs::write(tmp.path().join(".site.casebook-new-4000003/notes.txt"), "mine").unwrap();
    let before = tree(&out);

    let o = build(&fixture("basic"), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("Removed what stopped builds had left beside the output:"), "{}", stderr(&o));
    let mut names: Vec<String> =
        std::fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(names, [".site.casebook-new-4000003", "site"]);
    assert_eq!(tree(&out), before, "the same site");
}

#[test]
fn a_second_build_into_the_same_output_waits_for_the_first() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    // A build in progress holds the lock beside the output.
    let lock = std::fs::File::create(tmp.path().join(".site.casebook-lock")).unwrap();
    lock.lock().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casebook"))
        .args(["build", "--root", fixture("basic").to_str().unwrap(), "--output", out.to_str().unwrap()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.starts_with(&format!(
            "Another casebook build is writing into {}; waiting for it to finish (it holds ",
            out.display()
        )),
        "{first}"
    );
    std::thread::sleep(Duration::from_millis(200));
    assert!(child.try_wait().unwrap().is_none() && !out.exists(), "still waiting");
    drop(lock);
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    assert!(child.wait().unwrap().success(), "{rest:?}");
    assert!(out.join("index.html").is_file());
}

#[test]
fn builds_started_together_into_one_output_both_succeed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_casebook"))
            .args(["build", "--root", fixture("basic").to_str().unwrap(), "--output", out.to_str().unwrap()])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let started = Instant::now();
    let builds: Vec<_> = (0..3).map(|_| start()).collect();
    for b in builds {
        let o = b.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    assert!(started.elapsed() < Duration::from_secs(120), "safety net");
    let expected = tree(&built("basic", &[]).1);
    assert_eq!(tree(&out), expected, "one whole site");
    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("casebook-new") || n.contains("casebook-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
