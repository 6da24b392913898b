//! `casebook import` from sources that try to make it read or write where
//! it should not: links out of the source, `..` addresses, odd and long
//! names, huge files, and journals that are the source, inside it, a
//! folder of something else or reached through a link.

use std::path::Path;

use crate::{build, casebook, read, stderr, tree};

/// Writes `files` (path, text) under `dir`.
fn write(dir: &Path, files: &[(&str, &str)]) {
    for (rel, text) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn import(source: &Path, journal: &Path) -> std::process::Output {
    let args = ["import", "--force", "--from", "markdown", source.to_str().unwrap(), journal.to_str().unwrap()];
    casebook(&args)
}

#[cfg(unix)]
#[test]
fn nothing_outside_the_source_is_read_or_copied() {
    let tmp = tempfile::tempdir().unwrap();
    let (source, outside, journal) =
        (tmp.path().join("source"), tmp.path().join("outside"), tmp.path().join("journal"));
    write(&outside, &[("secret.md", "# 機密\n"), ("secret.png", "secret"), ("dir/a.md", "# 外面\n")]);
    write(
        &source,
        &[
            ("notes/a.md", "# 甲\n\n![](../../outside/secret.png) ![](linked.png) ![](inside.png)\n"),
            ("notes/inside.png", "png"),
        ],
    );
    std::os::unix::fs::symlink(outside.join("secret.md"), source.join("notes/linked.md")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.png"), source.join("notes/linked.png")).unwrap();
    std::os::unix::fs::symlink(outside.join("dir"), source.join("notes/linked-dir")).unwrap();
    let o = import(&source, &journal);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("Imported 1 articles"), "{report}");
    for address in ["../../outside/secret.png", "linked.png"] {
        let want = format!("notes/a.md:3: `{address}` leads outside the source folder (through `..` or a symbolic link); it was not copied");
        assert!(report.contains(&want), "{want}\n{report}");
    }
    let written: Vec<String> = tree(&journal).into_keys().collect();
    assert_eq!(written, ["casebook.yaml", "content/notes/notes/a.md", "content/notes/notes/inside.png"]);
    let all: Vec<Vec<u8>> = tree(&journal).into_values().collect();
    assert!(!all.iter().any(|b| b == b"secret" || String::from_utf8_lossy(b).contains("機密")));
}

#[test]
fn odd_long_and_huge_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (source, journal) = (tmp.path().join("source"), tmp.path().join("journal"));
    let long = format!("{}.md", "退".repeat(80)); // 242 bytes
    write(
        &source,
        &[
            ("a\u{1b}[31mb.md", "# 控制字元\n"),
            (long.as_str(), "# 很長的名字\n"),
            ("a..b.md", "# 兩點\n"),
            ("huge.md", &format!("# 很大\n\n{}", "字".repeat(400_000))),
        ],
    );
    let o = import(&source, &journal);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains("Imported 3 articles"), "{report}");
    assert!(
        report.contains(
            "huge.md:1: this file is 1172 KB, more than the 1024 KB casebook reads for an article; it was not imported"
        ),
        "{report}"
    );
    assert!(read(&journal, "content/notes/a-[31mb.md").contains("title: \"控制字元\""));
    assert!(read(&journal, "content/notes/a..b.md").contains("title: \"兩點\""));
    // The report shows the control character, it does not send it.
    assert!(report.contains("a\\u{1b}[31mb.md:1: no date") && !report.contains('\u{1b}'), "{report}");
    let names: Vec<String> = tree(&journal).into_keys().collect();
    let short = names.iter().find(|n| n.contains("退退")).unwrap();
    assert!(short.len() < "content/notes/".len() + 240 && short.ends_with(".md"), "{short}");
    let o = build(&journal, &tmp.path().join("site"), &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_journal_must_be_a_journal_or_new_and_outside_the_source() {
    let tmp = tempfile::tempdir().unwrap();
    let source = tmp.path().join("source");
    write(&source, &[("a.md", "# 甲\n")]);
    let before = tree(&source);
    for (journal, why) in [
        (source.clone(), "is the source folder or inside it"),
        (source.join("journal"), "is the source folder or inside it"),
        (source.join("."), "is the source folder or inside it"),
    ] {
        let o = import(&source, &journal);
        assert!(!o.status.success());
        assert!(stderr(&o).contains(why), "{}", stderr(&o));
    }
    assert_eq!(tree(&source), before, "nothing was written into the source");
    // A folder of something else.
    let other = tmp.path().join("other");
    write(&other, &[("README.md", "mine")]);
    let o = import(&source, &other);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("already holds files and is not a casebook journal"), "{}", stderr(&o));
    assert_eq!(tree(&other).len(), 1);
    // A new git repository is fine.
    let repo = tmp.path().join("repo");
    write(&repo, &[(".git/HEAD", "ref: refs/heads/main\n")]);
    let o = import(&source, &repo);
    assert!(o.status.success(), "{}", stderr(&o));
    // The source inside the journal's content/.
    let journal = tmp.path().join("j");
    write(&journal, &[("casebook.yaml", "title: x\n"), ("content/old/a.md", "# 甲\n")]);
    let o = import(&journal.join("content/old"), &journal);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is inside the journal's content/"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn nothing_is_written_through_a_link_in_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let (source, journal, elsewhere) =
        (tmp.path().join("source"), tmp.path().join("journal"), tmp.path().join("elsewhere"));
    write(&source, &[("a.md", "# 甲\n")]);
    write(&journal, &[("casebook.yaml", "title: x\n")]);
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, journal.join("content")).unwrap();
    let o = import(&source, &journal);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("is a symbolic link; the import writes only inside the journal"), "{}", stderr(&o));
    assert!(tree(&elsewhere).is_empty());
    // A journal that is itself a link.
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let o = import(&source, &link);
    assert!(!o.status.success() && tree(&elsewhere).is_empty(), "{}", stderr(&o));
}
