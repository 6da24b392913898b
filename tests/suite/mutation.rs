//! Mutation testing over the fixture journals: every case changes one file
//! of a journal (front matter, body, data file or `casebook.yaml`) in a way a
//! careless or hostile writer could — invalid UTF-8, a cut-off file, deep
//! nesting, a huge value, stray syntax — and builds it. Each case must end
//! without a panic, with every problem reported at a file and a line, and
//! (checked with the real binary every few cases) a failed build must leave
//! the site that was there byte for byte as it was.
//!
//! The cases come from a fixed seed, so a failure names a case that can be
//! run again: `CASEBOOK_MUTATION_CASE=N cargo test --test suite mutation`.
//! `CASEBOOK_MUTATIONS=N` sets how many cases run (default 2,400).
//!
//! A case that runs longer than the safety limit fails the test: it is there
//! to catch hangs, not to time anything.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use casebook::build::{build, BuildOptions};

use crate::{copy_dir, fixture, stderr, tree};

/// Far above what any case needs (a few milliseconds); only a hang reaches it.
const SAFETY_LIMIT: Duration = Duration::from_secs(60);

const FIXTURES: &[&str] = &["basic", "links", "editorial", "privacy", "search"];

/// Every how many cases the real binary builds into an existing site.
const BINARY_EVERY: usize = 40;

/// xorshift64*: a fixed, dependency-free sequence so every case can be replayed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Snippets that break YAML, Markdown, links or templates in interesting ways.
const SNIPPETS: &[&str] = &[
    "---",
    "+++",
    "```",
    "~~~rust",
    "[[",
    "]]",
    "[[#",
    "[x](../",
    "[x](/cases/none.md#nowhere)",
    "![](../../../../etc/passwd)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[a](javascript:alert(1))",
    "{{ config }}",
    "{% raw %}",
    "&a [1, *a]",
    "*a",
    "<<: *a",
    "!!binary AAAA",
    "!!python/object:os.system",
    "? [a, b]",
    "%YAML 1.2",
    "\t",
    "\r",
    "\0",
    "\u{FEFF}",
    "\u{202E}",
    "：",
    "title:",
    "date: 2026-13-45",
    "date: 99999-01-01",
    "tags: {",
    "slug: ../../../../tmp/x",
    "slug: \"\"",
    "draft: maybe",
    "responds_to: 不存在",
    "series_order: -99999999999999999999",
    "satisfaction: 1e400",
    "| a | b |\n|---|---|\n| 1 |",
    "<!-- casebook:allow-pii -->",
    "13812345678",
    "[^1]",
    "$$",
    "# ",
];

/// One change to one file, described so a failure can be read.
fn mutate(original: &[u8], rng: &mut Rng) -> (Vec<u8>, String) {
    let mut bytes = original.to_vec();
    let at = rng.below(bytes.len() + 1);
    let lines: Vec<&[u8]> = original.split(|b| *b == b'\n').collect();
    let line = rng.below(lines.len());
    let line_start: usize = lines[..line].iter().map(|l| l.len() + 1).sum();
    match rng.below(12) {
        0 => {
            bytes.truncate(at);
            (bytes, format!("cut at byte {at}"))
        }
        1 => {
            let bad: &[u8] = [&[0xFFu8][..], &[0xC3], &[0xE4, 0xB8], &[0xED, 0xA0, 0x80]][rng.below(4)];
            bytes.splice(at..at, bad.iter().copied());
            (bytes, format!("invalid UTF-8 {bad:02X?} at byte {at}"))
        }
        2 => {
            let end = (line_start + lines[line].len() + 1).min(bytes.len());
            bytes.drain(line_start..end);
            (bytes, format!("line {} deleted", line + 1))
        }
        3 => {
            let copy = [lines[line], b"\n"].concat();
            let times = [1, 2, 500, 3000][rng.below(4)];
            let repeated: Vec<u8> = copy.iter().copied().cycle().take(copy.len() * times).collect();
            bytes.splice(line_start..line_start, repeated);
            (bytes, format!("line {} repeated {times} times", line + 1))
        }
        4 => {
            let depth = [50, 500, 5000, 50_000][rng.below(4)];
            let nest = match rng.below(5) {
                0 => format!("k: {}", "[".repeat(depth)),
                1 => format!("k: {}", "{a: ".repeat(depth)),
                2 => (0..depth.min(3000)).map(|i| format!("{}a{i}:\n", " ".repeat(i))).collect(),
                3 => format!("{}x\n", "> ".repeat(depth)),
                _ => (0..depth.min(3000)).map(|i| format!("{}- x\n", "  ".repeat(i))).collect(),
            };
            bytes.splice(line_start..line_start, nest.bytes().chain(*b"\n"));
            (bytes, format!("nesting {depth} deep before line {}", line + 1))
        }
        5 => {
            let size = [300, 70_000, 1_000_000][rng.below(3)];
            let unit = ["案", "a", "[", "*", "#", "`", "\\", "&amp;", "<b>"][rng.below(9)];
            let value = unit.repeat(size / unit.len());
            let key = ["title: ", "tags: ", "product: ", "slug: ", "series: ", "summary: ", ""][rng.below(7)];
            let text = format!("{key}{value}\n");
            bytes.splice(line_start..line_start, text.bytes());
            (bytes, format!("{} bytes of {unit:?} after {key:?} before line {}", size, line + 1))
        }
        6 => {
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 1 << rng.below(8);
            }
            (bytes, format!("bit flipped at byte {at}"))
        }
        7 | 8 => {
            let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
            bytes.splice(at..at, snippet.bytes());
            (bytes, format!("{snippet:?} inserted at byte {at}"))
        }
        9 => {
            let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
            let text = format!("{snippet}\n");
            bytes.splice(line_start..line_start, text.bytes());
            (bytes, format!("{snippet:?} as a line before line {}", line + 1))
        }
        10 => {
            let other = rng.below(lines.len());
            let mut ls: Vec<&[u8]> = lines.clone();
            ls.swap(line, other);
            (ls.join(&b'\n'), format!("lines {} and {} swapped", line + 1, other + 1))
        }
        _ => (Vec::new(), "emptied".to_string()),
    }
}

/// The files a writer or an editor can change: Markdown, data and config.
fn mutable_files(journal: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(journal)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "yaml" || x == "yml"))
        .collect();
    files.sort();
    files
}

struct Journal {
    name: &'static str,
    dir: PathBuf,
    files: Vec<(PathBuf, Vec<u8>)>,
}

fn run_case(
    case: usize,
    journal: &Journal,
    out: &Path,
    site: &std::collections::BTreeMap<String, Vec<u8>>,
) -> Result<(), String> {
    let mut rng = Rng::new(case as u64 + 1);
    let (file, original) = &journal.files[rng.below(journal.files.len())];
    let (mutated, what) = mutate(original, &mut rng);
    std::fs::write(file, &mutated).unwrap();
    let rel = file.strip_prefix(&journal.dir).unwrap().display().to_string();
    let label = format!("case {case}: {}/{rel}: {what}", journal.name);
    let check = case.is_multiple_of(2);
    if std::env::var_os("CASEBOOK_MUTATION_TIMES").is_some() {
        eprintln!("{label}");
    }

    // In the library, under a watchdog: no panic, no hang, every problem placed.
    let (tx, rx) = mpsc::channel();
    let root = journal.dir.clone();
    std::thread::spawn(move || {
        let result = std::panic::catch_unwind(|| {
            let built = build(&BuildOptions { root, check, ..Default::default() });
            let unplaced: Vec<String> = built
                .diagnostics
                .iter()
                .filter(|d| d.path.as_os_str().is_empty() || d.line == 0)
                .map(ToString::to_string)
                .collect();
            (built.has_errors(), built.files.is_some(), unplaced)
        });
        let _ = tx.send(result);
    });
    let outcome = rx.recv_timeout(SAFETY_LIMIT);
    let restore = || std::fs::write(file, original).unwrap();
    let (has_errors, wrote, unplaced) = match outcome {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => {
            restore();
            return Err(format!("{label}: the build panicked"));
        }
        Err(_) => return Err(format!("{label}: the build did not end within {SAFETY_LIMIT:?}")),
    };
    if !unplaced.is_empty() {
        restore();
        return Err(format!("{label}: problems without a file and line:\n  {}", unplaced.join("\n  ")));
    }
    if has_errors == wrote {
        restore();
        return Err(format!("{label}: a build with errors must write nothing, one without must write"));
    }

    // The real binary, now and then: a failed build leaves the site untouched.
    if case.is_multiple_of(BINARY_EVERY) {
        let o = crate::build(&journal.dir, out, &[]);
        if o.status.success() {
            // Put the original site back for the next binary case.
            std::fs::write(file, original).unwrap();
            let o = crate::build(&journal.dir, out, &[]);
            if !o.status.success() {
                return Err(format!("{label}: the unchanged journal no longer builds: {}", stderr(&o)));
            }
        } else if tree(out) != *site {
            restore();
            return Err(format!("{label}: a failed build changed the site in {}", out.display()));
        }
    }
    restore();
    Ok(())
}

#[test]
fn mutated_journals_never_panic_hang_or_lose_the_site() {
    let count: usize = std::env::var("CASEBOOK_MUTATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(2400);
    let only: Option<usize> = std::env::var("CASEBOOK_MUTATION_CASE").ok().and_then(|v| v.parse().ok());
    let tmp = tempfile::tempdir().unwrap();
    let mut journals = Vec::new();
    for name in FIXTURES {
        let dir = tmp.path().join(name);
        copy_dir(&fixture(name), &dir);
        let files = mutable_files(&dir).into_iter().map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        });
        let journal = Journal { name, dir: dir.clone(), files: files.collect() };
        let out = tmp.path().join(format!("{name}-site"));
        let o = crate::build(&dir, &out, &[]);
        assert!(o.status.success(), "{name} must build before it is mutated: {}", stderr(&o));
        let site = tree(&out);
        journals.push((journal, out, site));
    }
    let cases: Vec<usize> = match only {
        Some(n) => vec![n],
        None => (0..count).collect(),
    };
    let mut failures = Vec::new();
    for case in cases {
        let (journal, out, site) = &journals[case % journals.len()];
        let started = std::time::Instant::now();
        if let Err(e) = run_case(case, journal, out, site) {
            failures.push(e);
        }
        if std::env::var_os("CASEBOOK_MUTATION_TIMES").is_some() {
            eprintln!("case {case}: {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    assert!(failures.is_empty(), "{} of the cases failed:\n{}", failures.len(), failures.join("\n"));
}
