//! The build cache on disk (issue 19): each `build` and `check` here is a
//! process of its own, reading what the last one left in the cache folder.
//! After every kind of edit, a build with the cache writes the same bytes
//! and prints the same problems as a `--no-cache` build into another
//! folder, and `check --changed-since` says the same with and without it.
//! A cache file that is damaged, cut short, made by another casebook or for
//! other settings, or not a file at all, is said in one line and not used.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::{stderr, tree};
use crate::serve::demo_copy;

/// A change made to the journal or its cache between two builds.
type Edit<'a> = Box<dyn Fn() + 'a>;

/// The note a build prints when its cache file was there but not used.
const NOT_USED: &str = "Note: the build cache ";

/// `casebook ARGS` with the build cache on (the other tests turn it off).
fn run(args: &[&str]) -> Output {
    crate::casebook_command()
        .env_remove("CASEBOOK_NO_CACHE")
        .env("CASEBOOK_LANG", "en")
        .args(args)
        .output()
        .expect("the casebook binary runs")
}

/// The problems printed, without the notes about the cache.
fn problems(o: &Output) -> String {
    stderr(o).lines().filter(|l| !l.starts_with(NOT_USED)).map(|l| format!("{l}\n")).collect()
}

/// The notes about the cache a run printed.
fn notes(o: &Output) -> Vec<String> {
    stderr(o).lines().filter(|l| l.starts_with(NOT_USED)).map(str::to_string).collect()
}

/// A copy of the demo journal in a git repository of its own, with its
/// cache in `cache` and two output folders beside it.
struct Journal {
    root: PathBuf,
    cache: PathBuf,
    cached_site: PathBuf,
    clean_site: PathBuf,
    home: PathBuf,
}

impl Journal {
    fn new(dir: &Path) -> Journal {
        let root = demo_copy(dir).canonicalize().unwrap();
        let home = dir.join("home");
        std::fs::create_dir_all(&home).unwrap();
        let j = Journal {
            cache: dir.join("cache"),
            cached_site: dir.join("cached-site"),
            clean_site: dir.join("clean-site"),
            home,
            root,
        };
        j.git(&["init", "-q", "-b", "main"]);
        j.git(&["config", "user.name", "測試者"]);
        j.git(&["config", "user.email", "tester@example.com"]);
        j.git(&["config", "commit.gpgsign", "false"]);
        j.commit_all("the demo journal");
        j
    }

    fn git(&self, args: &[&str]) {
        let o = std::process::Command::new("git")
            .args(args)
            .current_dir(&self.root)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", &self.home)
            .output()
            .expect("git runs");
        assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    }

    fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-qm", message]);
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.path(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel}: {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    fn append(&self, rel: &str, more: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        std::fs::write(self.path(rel), text + more).unwrap();
    }

    fn root(&self) -> &str {
        self.root.to_str().unwrap()
    }

    /// `build` with the cache, then with `--no-cache` into the other folder:
    /// the same exit, problems and files. Returns the cached build's run.
    fn build_both(&self, what: &str) -> Output {
        let cache = self.cache.to_str().unwrap();
        let site = self.cached_site.to_str().unwrap();
        let cached = run(&["build", "-q", "--root", self.root(), "--output", site, "--cache-dir", cache]);
        let site = self.clean_site.to_str().unwrap();
        let clean = run(&["build", "-q", "--root", self.root(), "--output", site, "--no-cache"]);
        assert_eq!(cached.status.code(), clean.status.code(), "{what}: {}{}", stderr(&cached), stderr(&clean));
        let site = |o: &Output, folder: &Path| problems(o).replace(folder.to_str().unwrap(), "SITE");
        assert_eq!(site(&cached, &self.cached_site), site(&clean, &self.clean_site), "{what}: the same problems");
        assert!(notes(&clean).is_empty(), "{what}: --no-cache reads no cache: {}", stderr(&clean));
        if clean.status.success() {
            let (a, b) = (tree(&self.cached_site), tree(&self.clean_site));
            assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "{what}: the same files");
            let differing: Vec<&String> = a.keys().filter(|p| a[*p] != b[*p]).collect();
            assert!(differing.is_empty(), "{what}: these differ from a clean build: {differing:?}");
        }
        cached
    }

    /// `check --changed-since REV --format json` with the cache and without.
    fn check_both(&self, rev: &str, what: &str) {
        let cache = self.cache.to_str().unwrap();
        let base = ["check", "--root", self.root(), "--format", "json", "--changed-since", rev];
        let cached = run(&[&base[..], &["--cache-dir", cache]].concat());
        let clean = run(&[&base[..], &["--no-cache"]].concat());
        assert_eq!(cached.status.code(), clean.status.code(), "{what}: {}{}", stderr(&cached), stderr(&clean));
        assert_eq!(cached.stdout, clean.stdout, "{what}: the same problems");
        assert_eq!(problems(&cached), problems(&clean), "{what}");
    }
}

#[test]
fn builds_from_the_cache_of_the_last_process_match_clean_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let j = Journal::new(tmp.path());
    let first = j.build_both("the first build");
    assert!(notes(&first).is_empty(), "no cache yet is nothing to say: {}", stderr(&first));
    assert!(j.cache.join("build.bin").is_file(), "the cache is written");
    assert_eq!(std::fs::read_to_string(j.cache.join(".gitignore")).unwrap(), casebook::incremental::disk::GITIGNORE);
    let home = j.cached_site.join("index.html");
    let before = std::fs::metadata(&home).unwrap();
    let again = j.build_both("nothing changed");
    assert!(notes(&again).is_empty(), "the cache is used: {}", stderr(&again));
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let after = std::fs::metadata(&home).unwrap();
        assert_eq!(after.ino(), before.ino(), "an unchanged page is linked into the new output, not written");
    }
    // Pages of the output changed by hand are made again: one longer, one
    // as long but written later, one replaced by another file.
    let pages: Vec<PathBuf> = tree(&j.cached_site)
        .keys()
        .filter(|p| p.starts_with("cases/") && p.ends_with("index.html"))
        .take(3)
        .map(|p| j.cached_site.join(p))
        .collect();
    std::fs::write(&pages[0], "changed by hand").unwrap();
    let text = std::fs::read(&pages[1]).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&pages[1], text.iter().map(|b| if *b == b'<' { b'[' } else { *b }).collect::<Vec<u8>>()).unwrap();
    let text = std::fs::read(&pages[2]).unwrap();
    std::fs::remove_file(&pages[2]).unwrap();
    std::fs::write(&pages[2], text).unwrap();
    j.build_both("pages of the output changed by hand");

    let article = "content/cases/咖啡機漏水換貨.md";
    let linked = "content/cases/退款遲遲未入帳.md";
    // (what, the edit, whether the cache is made for other settings after it)
    let steps: Vec<(&str, Edit, bool)> = vec![
        ("an article's body", Box::new(|| j.append(article, "\n補充：客戶後來又來電確認。\n")), false),
        ("an article's title", Box::new(|| j.edit(article, "title:", "title: 改名")), false),
        ("a heading added", Box::new(|| j.append(article, "\n## 後續追蹤\n\n客戶滿意。\n")), false),
        (
            "error: a link to a page that does not exist",
            Box::new(|| j.append(linked, "\n見[這篇](不存在的案例.md)。\n")),
            false,
        ),
        (
            "the missing page written (the link resolves)",
            Box::new(|| {
                std::fs::write(
                    j.path("content/cases/不存在的案例.md"),
                    "---\ntitle: 後來寫的案例\ndate: 2026-11-20\nauthors: [lin-zhiwei]\ntags: [退換貨]\n---\n\n## 背景\n\n客戶要求退貨。\n",
                )
                .unwrap()
            }),
            false,
        ),
        (
            "an article renamed",
            Box::new(|| {
                std::fs::rename(j.path("content/cases/阿嬤打來問路由器燈號.md"), j.path("content/cases/路由器燈號.md"))
                    .unwrap()
            }),
            false,
        ),
        (
            "error: the article linked to deleted",
            Box::new(|| std::fs::remove_file(j.path("content/cases/不存在的案例.md")).unwrap()),
            false,
        ),
        ("the link removed too", Box::new(|| j.edit(linked, "\n見[這篇](不存在的案例.md)。\n", "")), false),
        (
            "a tag alias in data/tags.yaml",
            Box::new(|| j.edit("data/tags.yaml", "aliases: [退費]", "aliases: []")),
            false,
        ),
        (
            "the site's title in casebook.yaml",
            Box::new(|| j.edit("casebook.yaml", "title: 客服案例集", "title: 客服案例集（新）")),
            true,
        ),
        (
            "a template overridden",
            Box::new(|| {
                std::fs::create_dir_all(j.path("templates")).unwrap();
                std::fs::write(j.path("templates/404.html"), "<p>找不到這一頁</p>").unwrap();
            }),
            true,
        ),
        ("an article's body, with the new settings' cache", Box::new(|| j.append(article, "\n再補充。\n")), false),
        ("error: a front matter that does not parse", Box::new(|| j.edit(linked, "title: ", "title: [")), false),
        ("the front matter repaired", Box::new(|| j.edit(linked, "title: [", "title: ")), false),
        ("the edits committed (revision lists change)", Box::new(|| j.commit_all("the edits")), false),
        (
            "the commit amended with another author (no text changes)",
            Box::new(|| j.git(&["commit", "-q", "--amend", "--no-edit", "--author", "改過的作者 <a@example.com>"])),
            false,
        ),
        (
            "a commit of another article only",
            Box::new(|| {
                j.append(linked, "\n補記。\n");
                j.commit_all("補記");
            }),
            false,
        ),
    ];
    let mut last = Output { status: first.status, stdout: Vec::new(), stderr: Vec::new() };
    for (what, edit, other_settings) in steps {
        edit();
        let cached = j.build_both(what);
        assert_eq!(cached.status.success(), !what.starts_with("error: "), "{what}: {}", stderr(&cached));
        last = cached.clone();
        let said = notes(&cached);
        if other_settings {
            assert!(
                said.len() == 1 && said[0].contains("was not used, it was made by another casebook"),
                "{what}: {said:?}"
            );
        } else {
            assert!(said.is_empty(), "{what}: {said:?}");
        }
    }
    assert!(last.status.success());
    let pages = tree(&j.cached_site);
    assert!(
        pages.values().any(|page| String::from_utf8_lossy(page).contains("改過的作者")),
        "the amended author is shown in a revision list"
    );
}

#[test]
fn check_changed_since_says_the_same_with_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let j = Journal::new(tmp.path());
    j.check_both("HEAD", "nothing changed, no cache yet");
    assert!(j.cache.join("check.bin").is_file() && !j.cache.join("build.bin").exists());
    j.check_both("HEAD", "nothing changed");
    // A pull request's commit: a broken link, customer data and a changed title.
    j.append("content/cases/咖啡機漏水換貨.md", "\n見[這篇](不存在的案例.md)。客戶電話 0912-345-678。\n");
    j.edit("content/cases/退款遲遲未入帳.md", "title:", "title: 改名");
    j.commit_all("a pull request");
    j.check_both("HEAD~1", "after a commit with problems");
    // Then the problems are fixed without committing.
    j.edit("content/cases/咖啡機漏水換貨.md", "見[這篇](不存在的案例.md)。客戶電話 0912-345-678。", "已處理。");
    j.check_both("HEAD~1", "the problems fixed");
    std::fs::remove_file(j.path("content/cases/退款遲遲未入帳.md")).unwrap();
    j.check_both("HEAD~1", "an article linked to is deleted");
}

/// Builds the basic journal with the cache in `cache` (given), returning the run.
fn build_basic(root: &Path, out: &Path, cache: Option<&Path>) -> Output {
    let mut args = vec!["build", "-q", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()];
    if let Some(c) = cache {
        args.extend(["--cache-dir", c.to_str().unwrap()]);
    }
    run(&args)
}

#[test]
fn damaged_or_foreign_cache_files_are_said_and_not_used() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    crate::copy_dir(&crate::fixture("basic"), &root);
    let (out, clean) = (tmp.path().join("site"), tmp.path().join("clean"));
    let o = run(&["build", "-q", "--root", root.to_str().unwrap(), "--output", clean.to_str().unwrap(), "--no-cache"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let want = tree(&clean);
    // The default folder, in the journal.
    let o = build_basic(&root, &out, None);
    assert!(o.status.success() && notes(&o).is_empty(), "{}", stderr(&o));
    let file = root.join(".casebook-cache/build.bin");
    let good = std::fs::read(&file).expect("the cache is in .casebook-cache/ in the journal");
    assert_eq!(tree(&out), want);

    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    let mut other_key = good.clone();
    other_key[16] ^= 1;
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("empty", Box::new(|| std::fs::write(&file, b"").unwrap()), "it is damaged or cut short"),
        (
            "cut short",
            Box::new(|| std::fs::write(&file, &good[..good.len() / 2]).unwrap()),
            "it is damaged or cut short",
        ),
        ("cut in its header", Box::new(|| std::fs::write(&file, &good[..20]).unwrap()), "it is damaged or cut short"),
        ("a changed byte", Box::new(|| std::fs::write(&file, &flipped).unwrap()), "it is damaged or cut short"),
        ("not a cache file", Box::new(|| std::fs::write(&file, "<html>").unwrap()), "it is damaged or cut short"),
        (
            "made by another casebook or for other settings",
            Box::new(|| std::fs::write(&file, &other_key).unwrap()),
            "it was made by another casebook",
        ),
        (
            "a folder",
            Box::new(|| {
                std::fs::remove_file(&file).unwrap();
                std::fs::create_dir(&file).unwrap();
            }),
            "it is damaged or cut short",
        ),
    ];
    for (what, spoil, said) in cases {
        spoil();
        let o = build_basic(&root, &out, None);
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        assert!(notes(&o).iter().any(|n| n.contains(said)), "{what}: {}", stderr(&o));
        assert_eq!(tree(&out), want, "{what}: the site is a clean build's");
        if file.is_dir() {
            // Not replaced by the build: a folder in the way is left as it is.
            std::fs::remove_dir(&file).unwrap();
        }
        // A good one again for the next case.
        let o = build_basic(&root, &out, None);
        assert!(o.status.success(), "{what}: {}", stderr(&o));
        assert_eq!(std::fs::read(&file).unwrap().len(), good.len(), "{what}: written again");
    }

    // A link to a file, even a good cache, is not followed.
    let elsewhere = tmp.path().join("elsewhere.bin");
    std::fs::write(&elsewhere, &good).unwrap();
    std::fs::remove_file(&file).unwrap();
    symlink(&elsewhere, &file);
    let o = build_basic(&root, &out, None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(notes(&o).iter().any(|n| n.contains("it is damaged or cut short")), "{}", stderr(&o));
    assert_eq!(std::fs::read(&elsewhere).unwrap(), good, "the file it leads to is not written");
    assert!(std::fs::symlink_metadata(&file).unwrap().is_file(), "the link is replaced by a cache file");
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) {
    std::fs::copy(target, link).unwrap();
}

#[test]
fn the_cache_folder_is_never_in_the_site_or_the_journals_folders() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    crate::copy_dir(&crate::fixture("basic"), &root);
    let out = tmp.path().join("site");
    for (dir, said) in [
        (out.join("cache"), format!("is inside the output folder {}", out.display())),
        (out.clone(), format!("is inside the output folder {}", out.display())),
        (root.join("content/.cache"), "is inside the journal's content/ folder".to_string()),
        (root.join("static/x/../cache"), "is inside the journal's static/ folder".to_string()),
        (root.join("templates"), "is inside the journal's templates/ folder".to_string()),
    ] {
        let o = build_basic(&root, &out, Some(&dir));
        assert!(!o.status.success(), "{}", dir.display());
        assert!(stderr(&o).contains(&said), "{}: {}", dir.display(), stderr(&o));
        assert!(!out.exists(), "refused before anything is written");
    }
    let check = |dir: &Path| run(&["check", "--root", root.to_str().unwrap(), "--cache-dir", dir.to_str().unwrap()]);
    let o = check(&root.join("content/cache"));
    assert!(!o.status.success() && stderr(&o).contains("is inside the journal's content/ folder"), "{}", stderr(&o));
    assert!(!root.join("content/cache").exists());
    // (The basic journal has cases without their sections: check fails.)
    let o = check(&tmp.path().join("check-cache"));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(tmp.path().join("check-cache/check.bin").is_file());

    // The default folder as a link (a journal's repository can hold one)
    // is neither read nor written.
    let target = root.join("content/cases");
    let before = tree(&target);
    symlink(&target, &root.join(".casebook-cache"));
    let o = build_basic(&root, &out, None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("was neither read nor written, it is a symbolic link"), "{}", stderr(&o));
    assert_eq!(tree(&target), before, "nothing written where the link leads");

    // Both flags at once are refused.
    let o = run(&["build", "--root", root.to_str().unwrap(), "--no-cache", "--cache-dir", "x"]);
    assert!(!o.status.success() && stderr(&o).contains("--no-cache"), "{}", stderr(&o));
}

#[test]
fn no_cache_leaves_no_cache_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("journal");
    crate::copy_dir(&crate::fixture("basic"), &root);
    let out = tmp.path().join("site");
    let o = run(&["build", "-q", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap(), "--no-cache"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // (The basic journal has cases without their sections: check fails.)
    let o = run(&["check", "--root", root.to_str().unwrap(), "--no-cache"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!root.join(".casebook-cache").exists());
    // CASEBOOK_NO_CACHE (as the other tests run) works as --no-cache ...
    let o = crate::casebook(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!root.join(".casebook-cache").exists());
    // ... unless a folder is given.
    let c = tmp.path().join("c");
    let o = crate::casebook(&["check", "--root", root.to_str().unwrap(), "--cache-dir", c.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(c.join("check.bin").is_file());
}
