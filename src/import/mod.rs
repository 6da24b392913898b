//! `casebook import`: writes a casebook journal from a Hexo, Hugo, Jekyll
//! or GitBook site, or a folder of Markdown notes.
//!
//! Each kind of source has its own file, which reads the source's settings
//! and finds its posts ([`Source`]): where each goes under `content/`, its
//! old addresses (from the source's permalink settings) and the conversions
//! of the source's own syntax that have a plain Markdown equivalent. What
//! they share is here and in [`post`]: front matter rewritten to casebook's
//! fields, titles from the first `#` heading, dates in casebook's form,
//! images and attachments copied beside their articles, and the report.
//!
//! Nothing is written until the whole journal is planned ([`Plan`]), and a
//! file that exists with other content is not replaced without `force`.

mod addresses;
mod git_dates;
pub mod gitbook;
pub mod hexo;
pub mod hugo;
pub mod jekyll;
pub mod markdown;
mod permalinks;
pub mod post;
mod safety;

pub use permalinks::{date_tokens, permalink};
pub use safety::check_folders;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use post::Post;

use crate::diagnostics::imported::{Conversion, ImportSaid, LeftOut, Todo};
use crate::diagnostics::{Said, SvgContent};
use crate::lang::Lang;

/// The kinds of source `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum From {
    Hexo,
    Hugo,
    Jekyll,
    Gitbook,
    Markdown,
}

/// What the source looks like: Hexo's `_config.yml` names hexo or has
/// `source/_posts`, Hugo has a `config.toml|yaml` (or `hugo.*`) and
/// `content/`, Jekyll a `_config.yml` and `_posts/`, GitBook a
/// `SUMMARY.md`; anything else is Markdown notes.
pub fn detect(source: &Path) -> From {
    let config = std::fs::read_to_string(source.join("_config.yml")).unwrap_or_default();
    let any = |names: &[&str]| names.iter().any(|n| source.join(n).is_file());
    if source.join("source/_posts").is_dir() || (!config.is_empty() && config.contains("hexo")) {
        From::Hexo
    } else if any(&["config.toml", "config.yaml", "config.yml", "hugo.toml", "hugo.yaml"])
        && source.join("content").is_dir()
    {
        From::Hugo
    } else if source.join("_config.yml").is_file() && source.join("_posts").is_dir() {
        From::Jekyll
    } else if source.join("SUMMARY.md").is_file() {
        From::Gitbook
    } else {
        From::Markdown
    }
}

/// A section of the journal: its title and the description the source gave.
#[derive(Debug, Default, Clone)]
pub struct SectionInfo {
    pub title: String,
    pub description: Option<String>,
}

/// A section the import names itself (the source gives no title), titled
/// in the journal's language (Traditional when the source names none).
#[derive(Debug, Clone, Copy)]
pub enum OwnSection {
    Posts,
    Pages,
    Book,
}

impl OwnSection {
    pub fn info(self, lang: Option<Lang>) -> SectionInfo {
        use OwnSection::*;
        let title = match (self, lang.unwrap_or_default()) {
            (Posts, Lang::Hant | Lang::Hans) => "文章",
            (Posts, Lang::En) => "Posts",
            (Pages, Lang::Hant) => "頁面",
            (Pages, Lang::Hans) => "页面",
            (Pages, Lang::En) => "Pages",
            (Book, Lang::Hant) => "書",
            (Book, Lang::Hans) => "书",
            (Book, Lang::En) => "Book",
        };
        SectionInfo { title: title.to_string(), description: None }
    }
}

/// What a kind of source found.
#[derive(Debug, Default)]
pub struct Source {
    pub title: Option<String>,
    /// The language the source's settings name, when it is one of casebook's.
    pub language: Option<Lang>,
    /// Authors named in the source's settings.
    pub authors: Vec<String>,
    pub sections: BTreeMap<String, SectionInfo>,
    pub posts: Vec<Post>,
    /// Where addresses starting with `/` are found (Hugo's `static/`).
    pub static_root: PathBuf,
}

/// What an import did and what is left for a person.
#[derive(Debug, Default)]
pub struct Report {
    /// The journal's language, from the source's settings (`None`: not
    /// said, or none casebook speaks).
    pub language: Option<Lang>,
    pub articles: usize,
    pub copied: usize,
    pub mapped: BTreeMap<String, usize>,
    pub dropped: BTreeMap<String, usize>,
    pub converted: BTreeMap<Conversion, usize>,
    /// Files of the source left out on purpose, by why.
    pub skipped: BTreeMap<LeftOut, usize>,
    /// What to do, at `file:line`.
    pub todo: Vec<(String, usize, Todo)>,
}

impl Report {
    pub fn mapped(&mut self, key: &str) {
        *self.mapped.entry(key.to_string()).or_default() += 1;
    }
    pub fn dropped(&mut self, key: &str) {
        *self.dropped.entry(key.to_string()).or_default() += 1;
    }
    pub fn converted(&mut self, what: Conversion) {
        *self.converted.entry(what).or_default() += 1;
    }
    pub fn skipped(&mut self, why: LeftOut) {
        *self.skipped.entry(why).or_default() += 1;
    }
    pub fn todo(&mut self, file: &str, line: usize, what: Todo) {
        self.todo.push((file.to_string(), line, what));
    }

    /// The report as printed.
    /// The report as printed, in `lang`.
    pub fn text(&self, from: From, journal: &Path, lang: Lang) -> String {
        let mut lines = vec![ImportSaid::Imported {
            articles: self.articles,
            from: format!("{from:?}"),
            journal: journal.display().to_string(),
            copied: self.copied,
        }];
        let counts = (!self.mapped.is_empty()).then(|| post::counts(&self.mapped));
        lines.push(ImportSaid::FieldsMapped { counts });
        if !self.converted.is_empty() {
            lines.push(ImportSaid::Converted { counts: labelled(&self.converted, |c| c.words(lang)) });
        }
        if !self.dropped.is_empty() {
            lines.push(ImportSaid::FieldsDropped { counts: post::counts(&self.dropped) });
        }
        if !self.skipped.is_empty() {
            lines.push(ImportSaid::FilesLeftOut { counts: labelled(&self.skipped, |w| w.words(lang)) });
        }
        lines.push(match self.todo.len() {
            0 => ImportSaid::NothingForAPerson,
            count => ImportSaid::ForAPerson { count },
        });
        let mut t = String::new();
        for line in lines {
            let _ = writeln!(t, "{}", line.words(lang));
        }
        for (file, line, what) in &self.todo {
            // Control characters (a file name's, an address's) are shown
            // escaped (`\u{1b}`), so the report cannot drive the terminal.
            let text = format!("{file}:{line}: {}", what.words(lang));
            let shown: String = text
                .chars()
                .map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() })
                .collect();
            let _ = writeln!(t, "  {shown}");
        }
        t
    }
}

/// `label 2, label 1`: counts by their labels' words (in the order of the
/// labels, which is that of their English words).
fn labelled<K: Copy>(map: &BTreeMap<K, usize>, words: impl Fn(K) -> &'static str) -> String {
    map.iter().map(|(k, n)| format!("{} {n}", words(*k))).collect::<Vec<_>>().join(", ")
}

/// One file of the journal to write.
#[derive(Debug)]
pub enum Planned {
    Text(String),
    Copy(PathBuf),
}

/// The journal to write: paths relative to the journal folder.
pub type Plan = BTreeMap<PathBuf, Planned>;

/// Reads the source and plans the journal.
pub fn plan(source: &Path, from: From) -> anyhow::Result<(Plan, Report)> {
    let mut report = Report::default();
    let src = match from {
        From::Hexo => hexo::read(source, &mut report)?,
        From::Hugo => hugo::read(source, &mut report)?,
        From::Jekyll => jekyll::read(source, &mut report)?,
        From::Gitbook => gitbook::read(source, &mut report)?,
        From::Markdown => markdown::read(source, &mut report)?,
    };
    let mut plan = Plan::new();
    let mut authors: BTreeMap<String, String> = BTreeMap::new();
    for name in &src.authors {
        authors.insert(author_id(name), name.clone());
    }
    let addresses = addresses::Addresses::new(&src);
    let mut shared = Shared { names: HashMap::new(), authors, addresses, dateless: 0, first_commits: None };
    for (i, p) in src.posts.iter().enumerate() {
        let text = article(source, (i, p), &src, &mut plan, &mut shared, &mut report);
        plan.insert(Path::new("content").join(&p.target), Planned::Text(text));
        report.articles += 1;
    }
    plan.insert(PathBuf::from("casebook.yaml"), Planned::Text(config_text(&src)));
    report.language = src.language;
    if !shared.authors.is_empty() {
        let mut y = String::new();
        for (id, name) in &shared.authors {
            let _ = writeln!(y, "{id}:\n  name: {}", post::quoted(name));
        }
        plan.insert(PathBuf::from("data/authors.yaml"), Planned::Text(y));
    }
    Ok((plan, report))
}

/// What the articles of one import share: the copies of files made so
/// far, the authors named and the addresses taken.
struct Shared {
    names: HashMap<PathBuf, PathBuf>,
    authors: BTreeMap<String, String>,
    addresses: addresses::Addresses,
    /// Posts without a date so far: the first few ask git one by one,
    /// then the whole history is read once ([`git_dates`]).
    dateless: usize,
    first_commits: Option<git_dates::FirstCommits>,
}

/// The id of an author's name in data/authors.yaml (`張三` → `zhang-san`).
fn author_id(name: &str) -> String {
    crate::urls::slugify(name, crate::urls::SlugMode::Ascii)
}

/// The settings: the site's title, its language (when the source names
/// one of the three) and one section per folder.
fn config_text(src: &Source) -> String {
    let mut y = String::from("# Written by `casebook import`.\n");
    if let Some(t) = &src.title {
        let _ = writeln!(y, "title: {}", post::quoted(t));
    }
    if let Some(lang) = src.language {
        let _ = writeln!(y, "language: {}", lang.code());
    }
    if !src.sections.is_empty() {
        y += "sections:\n";
        for (name, s) in &src.sections {
            let _ = writeln!(y, "  {}:\n    title: {}\n    kind: essay", post::quoted(name), post::quoted(&s.title));
            if let Some(d) = &s.description {
                // casebook's sections have no description yet: kept for a person.
                for line in d.lines() {
                    let _ = writeln!(y, "    # {line}");
                }
            }
        }
    }
    y
}

/// The text of one article, planning the copies of its files.
fn article(
    source: &Path,
    (i, p): (usize, &Post),
    src: &Source,
    plan: &mut Plan,
    shared: &mut Shared,
    report: &mut Report,
) -> String {
    let (static_root, site_authors) = (&src.static_root, &src.authors);
    let Shared { names, authors, addresses, dateless, first_commits } = shared;
    let mut w = post::fields(p, report);
    w.aliases = addresses.keep(i, std::mem::take(&mut w.aliases), &p.shown, report);
    if w.authors.is_empty() {
        // A blog's `author:` setting is the author of every post that names none.
        w.authors = site_authors.to_vec();
    }
    // Files and template code are found before the heading is taken out,
    // so their lines are the source file's.
    let target_dir = Path::new("content").join(&p.target).parent().map(Path::to_path_buf).unwrap_or_default();
    let mut body = raw_images(&p.body, report);
    if let (true, Some(old)) = (p.page_relative, p.aliases.first()) {
        body = page_links(&body, old, report);
    }
    if let Some(bundle) = &p.bundle {
        copy_bundle(bundle, &target_dir, plan, report);
    }
    body = copy_files(source, p, &body, static_root, &target_dir, plan, names, report);
    leftovers(p, &body, report);
    // The same heading the build would take as the title.
    let heading = crate::content::frontmatter::first_heading(&body).map(|(line, text)| (text, line));
    if w.title.is_empty() {
        w.title = match (&heading, &p.fallback_title) {
            (Some((h, _)), _) if !h.is_empty() => h.clone(),
            (_, Some(t)) => t.clone(),
            _ => file_title(&p.target),
        };
    }
    if let Some((h, line)) = heading {
        if h == w.title {
            body = post::without_line(&body, line);
        }
    }
    if w.date.is_none() {
        *dateless += 1;
        let known = if *dateless <= 20 {
            None
        } else {
            first_commits.get_or_insert_with(|| git_dates::FirstCommits::read(source)).get(&p.file)
        };
        w.date = known.or_else(|| first_commit(&p.file)).or_else(|| {
            report.todo(&p.shown, 1, Todo::NoDate);
            modified(&p.file)
        });
    }
    w.authors = w
        .authors
        .iter()
        .map(|name| {
            let id = author_id(name);
            authors.entry(id.clone()).or_insert_with(|| name.clone());
            id
        })
        .collect();
    w.yaml() + &body
}

/// A title from the file name: `2016-05-01-hello.md` → `hello`, a folder's
/// `index.md` or `README.md` → the folder's name.
fn file_title(target: &str) -> String {
    let path = Path::new(target);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    if matches!(stem.to_lowercase().as_str(), "index" | "readme" | "_index") {
        if let Some(dir) = path.parent().and_then(Path::file_name) {
            return dir.to_string_lossy().into_owned();
        }
    }
    stem
}

/// The date of the first commit of `file`, when the source is a git
/// repository: for a file [`git_dates`] could not name.
fn first_commit(file: &Path) -> Option<String> {
    let dir = file.parent()?;
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["log", "--follow", "--format=%aI", "--"])
        .arg(file.file_name()?)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().last().and_then(post::date)
}

fn modified(file: &Path) -> Option<String> {
    let time: chrono::DateTime<chrono::Utc> = std::fs::metadata(file).ok()?.modified().ok()?.into();
    Some(time.format("%Y-%m-%d").to_string())
}

/// Raw `<img src="..." alt="...">` written on its own becomes a Markdown
/// image, so its address is checked and rewritten like any other.
fn raw_images(body: &str, report: &mut Report) -> String {
    let Ok(img) = regex::Regex::new(r#"<img\s[^>]*?/?>"#) else { return body.to_string() };
    let Ok(attr) = regex::Regex::new(r#"(\w+)\s*=\s*["']([^"']*)["']"#) else { return body.to_string() };
    img.replace_all(body, |c: &regex::Captures| {
        let tag = &c[0];
        let attrs: HashMap<&str, &str> =
            attr.captures_iter(tag).filter_map(|a| Some((a.get(1)?.as_str(), a.get(2)?.as_str()))).collect();
        match attrs.get("src") {
            Some(src) if post::is_local_file(src) => {
                report.converted(Conversion::RawImg);
                format!("![{}]({})", attrs.get("alt").copied().unwrap_or_default(), src.replace(' ', "%20"))
            }
            _ => tag.to_string(),
        }
    })
    .into_owned()
}

/// Links to pages written relative to the page's old address (`../options/`
/// on `/knitr/demo/x/`) made absolute (`/knitr/options/`), so they resolve
/// through the old addresses the import keeps.
fn page_links(body: &str, old: &str, report: &mut Report) -> String {
    let Ok(re) = regex::Regex::new(r#"\]\(([^)\s]+)"#) else { return body.to_string() };
    let base = if old.ends_with('/') {
        old.to_string()
    } else {
        old.rsplit_once('/').map(|(d, _)| format!("{d}/")).unwrap_or_default()
    };
    re.replace_all(body, |c: &regex::Captures| {
        let dest = &c[1];
        let path = dest.split(['#', '?']).next().unwrap_or_default();
        let keep = path.is_empty()
            || path.starts_with('/')
            || path.contains(':')
            || post::is_local_file(dest)
            || path.ends_with(".md")
            || path.ends_with(".markdown");
        if keep {
            return c[0].to_string();
        }
        let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
        for part in path.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let slash = if path.ends_with('/') { "/" } else { "" };
        report.converted(Conversion::PageRelativeLink);
        format!("](/{}{slash}{}", parts.join("/"), &dest[path.len()..])
    })
    .into_owned()
}

/// Copies every local file the body names beside the article and points
/// the address at the copy.
#[allow(clippy::too_many_arguments)]
fn copy_files(
    source: &Path,
    p: &Post,
    body: &str,
    static_root: &Path,
    target_dir: &Path,
    plan: &mut Plan,
    names: &mut HashMap<PathBuf, PathBuf>,
    report: &mut Report,
) -> String {
    let mut body = body.to_string();
    let dir = p.file.parent().unwrap_or(source);
    let source_root = std::fs::canonicalize(source).ok();
    for (line, address) in post::local_addresses(&body.clone()) {
        if !post::is_local_file(&address) {
            continue;
        }
        let path = address.split(['#', '?']).next().unwrap_or_default();
        let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy().into_owned();
        let found = match decoded.strip_prefix('/') {
            Some(rest) => static_root.join(rest),
            None => dir.join(&decoded),
        };
        let bundle = p.bundle.as_ref().and_then(|b| std::fs::canonicalize(b).ok());
        if found.exists() && !source_root.as_deref().is_some_and(|root| safety::inside(root, &found)) {
            let at = p.body_line + line;
            report.todo(&p.shown, at, Todo::LeadsOutside { address: address.to_string() });
            continue;
        }
        let Some(found) = std::fs::canonicalize(&found).ok().filter(|f| f.is_file()) else {
            let at = p.body_line + line;
            report.todo(&p.shown, at, Todo::NotAFileOfSource { address: address.to_string() });
            continue;
        };
        if bundle.as_ref().is_some_and(|b| found.starts_with(b)) {
            // Copied with its bundle, at the same place beside the article.
            continue;
        }
        let copy = names.entry(found.clone()).or_insert_with(|| {
            let name = found.file_name().map(|n| safety::plain_name(&n.to_string_lossy())).unwrap_or_default();
            let mut candidate = target_dir.join(&name);
            let mut n = 2;
            while plan.contains_key(&candidate) {
                candidate = target_dir.join(format!("{n}-{name}"));
                n += 1;
            }
            candidate
        });
        if !plan.contains_key(copy.as_path()) {
            plan.insert(copy.clone(), Planned::Copy(found.clone()));
            report.copied += 1;
            if let Some(what) = active_svg(&found) {
                let at = p.body_line + line;
                report.todo(&p.shown, at, Todo::ActiveDrawing { address: address.to_string(), what });
            }
        }
        let rel = relative(target_dir, copy);
        for (old, new) in [
            (format!("({address}"), format!("({rel}")),
            (format!("\"{address}\""), format!("\"{rel}\"")),
            (format!("<{address}>"), format!("<{rel}>")),
        ] {
            body = body.replace(&old, &new);
        }
    }
    body
}

/// What in an SVG file would run script (casebook refuses to publish it).
fn active_svg(file: &Path) -> Option<SvgContent> {
    if !file.extension().is_some_and(|x| x.eq_ignore_ascii_case("svg")) {
        return None;
    }
    let text = String::from_utf8_lossy(&std::fs::read(file).ok()?).into_owned();
    crate::markdown::svg::active_content(&text).map(|(_, _, what)| what)
}

/// The address of `file` from the folder `dir` (both under the journal).
fn relative(dir: &Path, file: &Path) -> String {
    let d: Vec<_> = dir.components().collect();
    let f: Vec<_> = file.components().collect();
    let common = d.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); d.len() - common];
    parts.extend(f[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/").replace(' ', "%20")
}

/// A page bundle's files (all but its Markdown) go beside the article.
fn copy_bundle(bundle: &Path, target_dir: &Path, plan: &mut Plan, report: &mut Report) {
    for e in walkdir::WalkDir::new(bundle).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
        let is_md = e.path().extension().is_some_and(|x| x == "md" || x == "markdown");
        if let (false, Ok(rel)) = (is_md, e.path().strip_prefix(bundle)) {
            let rel = safety::plain_path(&rel.to_string_lossy().replace('\\', "/"));
            plan.insert(target_dir.join(rel), Planned::Copy(e.path().to_path_buf()));
            report.copied += 1;
        }
    }
}

/// Template syntax no conversion took care of: each is listed.
fn leftovers(p: &Post, body: &str, report: &mut Report) {
    let mut fenced = false;
    for (i, line) in body.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        for (open, close) in [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{ ", "}}")] {
            if let Some(at) = line.find(open) {
                let end = line[at..].find(close).map(|e| at + e + close.len()).unwrap_or(line.len());
                let code = line[at..end].trim();
                report.todo(&p.shown, p.body_line + i, Todo::TemplateCode { code: code.to_string() });
                break;
            }
        }
    }
}

/// Whether `plan` would replace files in `journal` that hold something
/// else: those files, relative to the journal.
pub fn conflicts(plan: &Plan, journal: &Path) -> Vec<PathBuf> {
    plan.iter()
        .filter(|(rel, planned)| {
            let Ok(existing) = std::fs::read(journal.join(rel)) else { return false };
            match planned {
                Planned::Text(t) => existing != t.as_bytes(),
                Planned::Copy(from) => std::fs::read(from).map(|b| b != existing).unwrap_or(true),
            }
        })
        .map(|(rel, _)| rel.clone())
        .collect()
}

/// Writes the plan into `journal`: nothing is written when a file would
/// land outside it ([`safety::check_plan`]). Errors are in `lang`.
pub fn write(plan: &Plan, journal: &Path, lang: Lang) -> anyhow::Result<()> {
    use anyhow::Context as _;
    safety::check_plan(plan, journal).map_err(|said| anyhow::anyhow!(said.words(lang)))?;
    for (rel, planned) in plan {
        let to = journal.join(rel);
        if let Some(dir) = to.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| Said::CouldNotCreate { path: dir.display().to_string() }.words(lang))?;
        }
        match planned {
            Planned::Text(t) => std::fs::write(&to, t),
            Planned::Copy(from) => std::fs::copy(from, &to).map(|_| ()),
        }
        .with_context(|| Said::CouldNotWrite { path: to.display().to_string() }.words(lang))?;
    }
    Ok(())
}

/// Markdown files under `dir`, sorted, leaving out folders whose names
/// start with `.` or `_` (unless `underscore` allows those) and
/// `node_modules`.
pub fn markdown_files(dir: &Path, underscore: bool) -> Vec<PathBuf> {
    files_named(dir, underscore, &["md", "markdown"])
}

/// The files under `dir` whose extension is one of `extensions`, as
/// [`markdown_files`] finds them (symbolic links are not followed).
pub fn files_named(dir: &Path, underscore: bool, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0
                || !(name.starts_with('.') || (!underscore && name.starts_with('_')) || name == "node_modules")
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| extensions.iter().any(|e| x == *e)))
        .collect();
    files.sort();
    files
}

/// Reads one source file into a [`Post`] (front matter split off), or
/// reports why it cannot be.
pub fn read_post(root: &Path, file: &Path, target: String, report: &mut Report) -> Option<Post> {
    // `.markdown`, and R Markdown (`.Rmd`, `.Rmarkdown`), become `.md`.
    let target = match [".markdown", ".Rmd", ".Rmarkdown"].iter().find_map(|x| target.strip_suffix(x)) {
        Some(stem) => format!("{stem}.md"),
        None => target,
    };
    let shown = file.strip_prefix(root).unwrap_or(file).to_string_lossy().replace('\\', "/");
    let text = safety::read_text(file, &shown, report)?;
    let target = safety::plain_path(&target);
    match post::split(&text) {
        Ok((front, body, body_line)) => {
            Some(Post { shown, file: file.to_path_buf(), target, front, body, body_line, ..Default::default() })
        }
        Err(why) => {
            report.todo(&shown, 1, Todo::FrontMatterUnreadable { why });
            None
        }
    }
}

/// Settings read from a YAML, TOML or JSON file, as JSON values.
pub fn settings(file: &Path) -> serde_json::Map<String, serde_json::Value> {
    let Ok(text) = std::fs::read_to_string(file) else { return Default::default() };
    let ext = file.extension().map(|x| x.to_string_lossy().into_owned()).unwrap_or_default();
    let read = match ext.as_str() {
        "toml" => post::toml_fields(&text),
        "json" => serde_json::from_str(&text).map_err(|e| e.to_string()),
        _ => post::yaml_fields(&text),
    };
    read.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_relative_to_the_old_address() {
        let mut r = Report::default();
        let body = "[a](../../options/) [b](hooks#x) [c](x.md) [d](/y/) [e](a.png) [f](https://x/)";
        let want = "[a](/knitr/options/) [b](/knitr/demo/x/hooks#x) [c](x.md) [d](/y/) [e](a.png) [f](https://x/)";
        assert_eq!(page_links(body, "/knitr/demo/x/", &mut r), want);
        assert_eq!(page_links("[a](b.html)", "/old/page.html", &mut r), "[a](/old/b.html)");
    }

    #[test]
    fn relative_addresses() {
        assert_eq!(relative(Path::new("content/book/a"), Path::new("content/book/a/x.png")), "x.png");
        assert_eq!(relative(Path::new("content/book/a"), Path::new("content/book/x.png")), "../x.png");
    }

    #[test]
    fn raw_images_become_markdown() {
        let mut r = Report::default();
        let out =
            raw_images("a <img src=\"../.gitbook/assets/x.png\" alt=\"圖\"> b <img src=\"https://x/y.png\">", &mut r);
        assert_eq!(out, "a ![圖](../.gitbook/assets/x.png) b <img src=\"https://x/y.png\">");
    }
}
