//! `casebook init DIR`: writes a new journal that builds as it is.
//!
//! It never overwrites: if any file it would write already exists, it stops
//! before writing anything.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

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

const FILES: [(&str, &str); 14] = [
    ("casebook.yaml", include_str!("skeleton/casebook.yaml")),
    ("data/authors.yaml", include_str!("skeleton/authors.yaml")),
    ("archetypes/case.md", CASE_ARCHETYPE),
    ("archetypes/essay.md", ESSAY_ARCHETYPE),
    ("archetypes/response.md", RESPONSE_ARCHETYPE),
    ("content/cases/客戶要求退回已拆封耳機.md", include_str!("skeleton/sample-case.md")),
    ("content/essays/為什麼要把案例寫下來.md", include_str!("skeleton/sample-essay.md")),
    (".gitignore", include_str!("skeleton/gitignore")),
    ("static/.keep", ""),
    ("data/featured.yaml", "# 每期精選與獎勵（只有編輯可以修改）。例如：\n# 2026-11:\n#   - article: 客戶要求退回已拆封耳機\n#     reason: 把「先檢測再談退貨」講清楚\n#     award: {amount: 500, currency: TWD}\n#     editor: lin-yating\n"),
    (".github/workflows/journal.yml", include_str!("skeleton/github-workflow.yml")),
    (".gitlab-ci.yml", include_str!("skeleton/gitlab-ci.yml")),
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
    eprintln!("{}", Said::JournalReady { dir: dir.display().to_string() }.words(lang));
    Ok(ExitCode::SUCCESS)
}
