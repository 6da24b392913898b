//! How long reading a journal's git history takes: cold (no history cache,
//! as on a fresh clone) and warm (the cache up to date), and after one new
//! commit.
//!
//!     cargo bench --bench history -- --files 10000 --commits 20000 --keep /tmp/hist
//!     cargo bench --bench history -- --repo /tmp/hist
//!
//! The generated repository is a journal of `--files` articles in two
//! folders (three quarters in content/cases, as flat folders are the hard
//! case for git), made by `git fast-import`: the articles arrive over the
//! first fifth of the commits, then every commit edits one article; every
//! tenth is a squashed pull request with a review trailer. It is packed
//! with `git repack -ad` as a clone's pack is.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

// As the casebook binary does (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git").arg("-C").arg(dir).args(args).status().map(|s| s.success());
    assert!(matches!(ok, Ok(true)), "git {args:?} failed");
}

fn generate(dir: &Path, files: usize, commits: usize) {
    std::fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    let mut import = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import runs");
    let mut out = std::io::BufWriter::new(import.stdin.take().unwrap());
    let path = |n: usize| {
        if n % 4 == 3 {
            format!("content/essays/{n:05}.md")
        } else {
            format!("content/cases/{n:05}.md")
        }
    };
    let mut texts: Vec<String> = (0..files)
        .map(|n| format!("---\ntitle: 案例 {n}\ndate: 2026-01-01\n---\n\n客戶來電詢問退貨流程，第 {n} 號。\n"))
        .collect();
    let adding = (commits / 5).max(1);
    let mut added = 0;
    let t0 = 1_767_225_600u64;
    for c in 0..commits {
        let when = t0 + c as u64 * 600;
        let who = format!("Writer {}", c % 40);
        let message = if c % 10 == 9 {
            format!("修改第 {c} 次 (#{c})\n\nReviewed-by: Editor {} <e{}@example.com>\n", c % 5, c % 5)
        } else {
            format!("修改第 {c} 次\n")
        };
        writeln!(out, "commit refs/heads/main\nmark :{}", c + 1).unwrap();
        writeln!(out, "author {who} <w@example.com> {when} +0800\ncommitter {who} <w@example.com> {when} +0800")
            .unwrap();
        writeln!(out, "data {}\n{message}", message.len()).unwrap();
        if c > 0 {
            writeln!(out, "from :{c}").unwrap();
        }
        // The articles arrive over the first fifth of the commits.
        let target = if c < adding { (files * (c + 1)).div_ceil(adding) } else { added };
        let mut changed = Vec::new();
        while added < target {
            changed.push(added);
            added += 1;
        }
        if changed.is_empty() {
            let n = (c * 7919) % files;
            texts[n].push_str(&format!("\n修訂 {c}。\n"));
            changed.push(n);
        }
        for n in changed {
            writeln!(out, "M 100644 inline {}\ndata {}\n{}", path(n), texts[n].len(), texts[n]).unwrap();
        }
        writeln!(out).unwrap();
    }
    drop(out);
    assert!(import.wait().unwrap().success());
    git(dir, &["reset", "-q", "--hard", "main"]);
    git(dir, &["repack", "-adq"]);
}

fn time_read(dir: &Path, what: &str) {
    let start = Instant::now();
    let history = casebook::history::read(dir).expect("a git repository");
    println!("{what}: {:.2} s ({} files with history)", start.elapsed().as_secs_f64(), history.files.len());
}

fn main() {
    let repo = match arg("--repo") {
        Some(r) => PathBuf::from(r),
        None => {
            let files: usize = arg("--files").map_or(10_000, |v| v.parse().unwrap());
            let commits: usize = arg("--commits").map_or(20_000, |v| v.parse().unwrap());
            let dir =
                arg("--keep").map(PathBuf::from).unwrap_or_else(|| std::env::temp_dir().join("casebook-history-bench"));
            let _ = std::fs::remove_dir_all(&dir);
            let start = Instant::now();
            generate(&dir, files, commits);
            println!(
                "made {files} files in {commits} commits in {:.1} s: {}",
                start.elapsed().as_secs_f64(),
                dir.display()
            );
            dir
        }
    };
    let cache = repo.join(".git/casebook");
    let _ = std::fs::remove_dir_all(&cache);
    time_read(&repo, "cold (no history cache)");
    time_read(&repo, "warm (HEAD unchanged)");
    git(&repo, &["commit", "-q", "--allow-empty", "-m", "one more"]);
    time_read(&repo, "one new commit");
    git(&repo, &["reset", "-q", "--hard", "HEAD~1"]);
}
