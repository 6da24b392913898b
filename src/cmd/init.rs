//! `casebook init DIR`: writes a new journal that builds as it is, and
//! starts a git repository for it.
//!
//! It never overwrites: if any file it would write already exists, it stops
//! before writing anything.
//!
//! The repository (`git init`, on the branch [`BRANCH`] that the CI files
//! publish from) is what gives articles their history and reviewers. It is
//! started only when `DIR` is not already inside a git work tree, and
//! nothing is committed: the first commit is the editors' to make, once
//! they have put their own names in CODEOWNERS and casebook.yaml (and git
//! may not know who they are yet). Without git the journal is still
//! written, and the message says how to start the repository later.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

use crate::diagnostics::Said;
use crate::lang::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// The built-in templates `new` falls back to when a journal has no archetypes/.
pub const CASE_ARCHETYPE: &str = include_str!("skeleton/case.md");
pub const ESSAY_ARCHETYPE: &str = include_str!("skeleton/essay.md");
pub const RESPONSE_ARCHETYPE: &str = include_str!("skeleton/response.md");

/// The branch `git init` starts on: the one the CI files check against and
/// publish from.
pub const BRANCH: &str = "main";

/// The CI files, also read by the tests.
pub const GITHUB_WORKFLOW: &str = include_str!("skeleton/github-workflow.yml");
pub const GITLAB_CI: &str = include_str!("skeleton/gitlab-ci.yml");

const FILES: [(&str, &str); 15] = [
    ("casebook.yaml", include_str!("skeleton/casebook.yaml")),
    ("data/authors.yaml", include_str!("skeleton/authors.yaml")),
    ("data/tags.yaml", include_str!("skeleton/tags.yaml")),
    ("archetypes/case.md", CASE_ARCHETYPE),
    ("archetypes/essay.md", ESSAY_ARCHETYPE),
    ("archetypes/response.md", RESPONSE_ARCHETYPE),
    ("content/cases/客戶要求退回已拆封耳機.md", include_str!("skeleton/sample-case.md")),
    ("content/essays/為什麼要把案例寫下來.md", include_str!("skeleton/sample-essay.md")),
    (".gitignore", include_str!("skeleton/gitignore")),
    ("static/.keep", ""),
    ("data/featured.yaml", "# 每期精選與獎勵（只有編輯可以修改）。例如：\n# 2026-11:\n#   - article: 客戶要求退回已拆封耳機\n#     reason: 把「先檢測再談退貨」講清楚\n#     award: {amount: 500, currency: TWD}\n#     editor: lin-yating\n"),
    (".github/workflows/journal.yml", GITHUB_WORKFLOW),
    (".gitlab-ci.yml", GITLAB_CI),
    ("CODEOWNERS", include_str!("skeleton/CODEOWNERS")),
    (".github/pull_request_template.md", include_str!("skeleton/pull_request_template.md")),
];

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    let dir = if args.dir.is_absolute() { args.dir.clone() } else { root.join(&args.dir) };
    let existing: Vec<String> =
        FILES.iter().filter(|(p, _)| dir.join(p).exists()).map(|(p, _)| p.to_string()).collect();
    if !existing.is_empty() {
        bail!(Said::AlreadyAJournal { dir: dir.display().to_string(), existing: existing.join(", ") }.words(lang));
    }
    for (rel, text) in FILES {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| Said::CouldNotCreate { path: parent.display().to_string() }.words(lang))?;
        }
        std::fs::write(&path, text)
            .with_context(|| Said::CouldNotWrite { path: path.display().to_string() }.words(lang))?;
    }
    let shown = dir.display().to_string();
    let git = match start_git(&dir) {
        Git::Started => Said::GitStarted { dir: shown.clone(), branch: BRANCH.to_string() },
        Git::AlreadyInside(repo) => Said::GitAlreadyThere { dir: shown.clone(), repo },
        Git::NotStarted(error) => Said::NoGit { dir: shown.clone(), branch: BRANCH.to_string(), error },
    };
    eprintln!("{}", Said::JournalReady { dir: shown }.words(lang));
    eprintln!("{}", git.words(lang));
    Ok(ExitCode::SUCCESS)
}

/// What became of the journal's git repository.
enum Git {
    Started,
    /// `dir` is in this repository already (a journal in a folder of a
    /// larger one): left as it is.
    AlreadyInside(String),
    /// git is not installed (`None`), or failed with this message.
    NotStarted(Option<String>),
}

/// Starts a repository in `dir` on [`BRANCH`] unless `dir` is inside one.
fn start_git(dir: &Path) -> Git {
    let git = |args: &[&str]| Command::new("git").arg("-C").arg(dir).args(args).output();
    match git(&["rev-parse", "--is-inside-work-tree"]) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Git::NotStarted(None),
        Err(e) => return Git::NotStarted(Some(e.to_string())),
        // "true" in a work tree, "false" inside a .git folder: either way, not a new one.
        Ok(out) if out.status.success() => {
            let top = git(&["rev-parse", "--show-toplevel"]).ok().filter(|o| o.status.success());
            let top = top.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
            return Git::AlreadyInside(top.unwrap_or_else(|| dir.display().to_string()));
        }
        Ok(_) => {}
    }
    // `git init -b` needs git 2.28; pointing HEAD at the branch works with any.
    let head = format!("refs/heads/{BRANCH}");
    for args in [&["init", "--quiet"][..], &["symbolic-ref", "HEAD", &head]] {
        match git(args) {
            Ok(out) if out.status.success() => {}
            Ok(out) => return Git::NotStarted(Some(String::from_utf8_lossy(&out.stderr).trim().to_string())),
            Err(e) => return Git::NotStarted(Some(e.to_string())),
        }
    }
    Git::Started
}
