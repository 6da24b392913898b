//! `casebook new case|essay TITLE`: writes a new article from the journal's
//! `archetypes/` (or the built-in ones), dated today, never overwriting.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context, Result};

use crate::config::{self, Kind};
use crate::content::authors::Authors;
use crate::diagnostics::Said;
use crate::lang::Lang;
use crate::urls::slugify;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum NewKind {
    Case,
    Essay,
    Response,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    pub kind: NewKind,
    pub title: String,
    #[arg(long, value_name = "SECTION")]
    pub section: Option<String>,
    #[arg(long, value_name = "CASE")]
    pub to: Option<String>,
    #[arg(long)]
    pub author: Option<String>,
}

pub fn execute(root: &Path, args: Args, lang: Lang) -> Result<ExitCode> {
    if args.title.trim().is_empty() {
        bail!(Said::NewEmptyTitle.words(lang));
    }
    if !root.join(config::CONFIG_FILE).is_file() && !root.join(crate::content::CONTENT_DIR).is_dir() {
        bail!(Said::NotAJournal { root: root.display().to_string() }.words(lang));
    }
    // Resolved, so that links under it can be told apart (see crate::paths).
    let root = &crate::paths::root(root);
    let (config, diags) = config::load(root);
    if let Some(d) = diags.iter().find(|d| d.is_error()) {
        bail!(d.human(lang));
    }
    let kind = match args.kind {
        NewKind::Case => Kind::Case,
        NewKind::Essay => Kind::Essay,
        NewKind::Response => Kind::Response,
    };
    if kind == Kind::Response && args.to.is_none() {
        bail!(Said::ResponseNeedsTo.words(lang));
    }
    let section = args.section.clone().unwrap_or_else(|| {
        config.sections.iter().find(|(_, s)| s.kind == kind).map(|(name, _)| name.clone()).unwrap_or_else(|| match kind
        {
            Kind::Case => "cases".into(),
            Kind::Essay => "essays".into(),
            Kind::Response => "responses".into(),
        })
    });
    if section.contains("..") || section.starts_with('/') {
        bail!(Said::BadSectionFolder.words(lang));
    }
    let slug = slugify(&args.title, config.slugify);
    let path: PathBuf = root.join(crate::content::CONTENT_DIR).join(&section).join(format!("{slug}.md"));
    if path.exists() {
        bail!(Said::AlreadyExists { path: path.display().to_string() }.words(lang));
    }
    if let Some(link) = crate::paths::first_link(root, &path) {
        bail!(Said::NotWritten { why: link.warning().human(lang) }.words(lang));
    }
    let archetype = crate::content::archetypes::read(root, kind).map_err(|d| anyhow!(d.human(lang)))?;
    let author = args.author.clone().or_else(git_user_name).map(|name| {
        let (authors, _) = Authors::load(root, &config.limits);
        let a = authors.resolve(&name);
        if a.known {
            a.id
        } else {
            name
        }
    });
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let text = archetype
        .replace("{{title}}", &yaml_string(args.title.trim()))
        .replace("{{date}}", &today)
        .replace("{{responds_to}}", &args.to.as_deref().map(yaml_string).unwrap_or_default())
        .replace("{{author}}", &author.as_deref().map(yaml_string).unwrap_or_default());
    // The message says to remove `draft: true`: an archetype without it gets it.
    let text = with_draft_line(&text);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| Said::CouldNotCreate { path: parent.display().to_string() }.words(lang))?;
    }
    // create_new: never overwrite, even if the file appeared meanwhile.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| Said::CouldNotCreate { path: path.display().to_string() }.words(lang))?;
    std::io::Write::write_all(&mut file, text.as_bytes())
        .with_context(|| Said::CouldNotWrite { path: path.display().to_string() }.words(lang))?;
    println!("{}", path.display());
    eprintln!("{}", Said::Wrote { path: path.display().to_string() }.words(lang));
    Ok(ExitCode::SUCCESS)
}

/// `text` with `draft: true` as the last line of its front matter, unless
/// the front matter already has a `draft:` line (or there is none).
fn with_draft_line(text: &str) -> String {
    let Some(rest) = text.strip_prefix("---\n") else { return text.to_string() };
    let Some(end) = rest.find("\n---") else { return text.to_string() };
    if rest[..end].lines().any(|l| l.trim_start().starts_with("draft:")) {
        return text.to_string();
    }
    let at = 4 + end + 1;
    format!("{}draft: true\n{}", &text[..at], &text[at..])
}

/// A YAML scalar for `s`: plain when safe, else double-quoted (JSON quoting
/// is valid YAML).
fn yaml_string(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.contains([':', '#', '[', ']', '{', '}', ',', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`'])
        && !s.starts_with(['-', '?', ' '])
        && !s.ends_with(' ');
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn git_user_name() -> Option<String> {
    let out = std::process::Command::new("git").args(["config", "user.name"]).output().ok()?;
    let name = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_new_article_is_a_draft() {
        let made = super::with_draft_line("---\ntitle: a\n---\n\ntext\n");
        assert_eq!(made, "---\ntitle: a\ndraft: true\n---\n\ntext\n");
        assert_eq!(super::with_draft_line(&made), made);
        assert_eq!(super::with_draft_line("no front matter"), "no front matter");
    }
}
