//! Setting a journal up: `init` starts its git repository (or says how),
//! writes a tag list the build reads, and CI files that parse, check pull
//! requests, install casebook once per version and publish privately by
//! default; the demo journal reads no git history.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_norway::Value;

use crate::*;

/// `casebook init DIR` with the messages in `lang` and, when given, this
/// `PATH` (an empty folder: no git).
fn init(dir: &Path, lang: &str, path: Option<&Path>) -> Output {
    let mut cmd = crate::casebook_command();
    cmd.args(["init", dir.to_str().unwrap()]).env("CASEBOOK_LANG", lang).env("GIT_CONFIG_NOSYSTEM", "1");
    if let Some(path) = path {
        cmd.env("PATH", path);
    }
    cmd.output().expect("the casebook binary runs")
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

/// Whether git can be run; if not, says the test is skipped (CI has git).
fn has_git(test: &str) -> bool {
    let found = Command::new("git").arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("skipped: {test} (git is not installed)");
    }
    found
}

#[test]
fn init_starts_a_git_repository_on_main_and_commits_nothing() {
    if !has_git("init_starts_a_git_repository_on_main_and_commits_nothing") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    let o = init(&root, "zh-Hant", None);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&format!("已在 {} 建立 git 儲存庫，分支是 main", root.display())), "{err}");
    assert!(err.contains("git add -A"), "{err}");
    assert!(root.join(".git").is_dir());
    let head = git(&root, &["symbolic-ref", "HEAD"]);
    assert_eq!(String::from_utf8_lossy(&head.stdout).trim(), "refs/heads/main");
    // Nothing committed: the editors make the first commit.
    assert!(!git(&root, &["rev-parse", "--verify", "--quiet", "HEAD"]).status.success());
    // The build cache stays out of git.
    let ignored = std::fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(ignored.lines().any(|l| l == ".casebook-cache/"), "{ignored}");
    let o = crate::casebook_command().env_remove("CASEBOOK_NO_CACHE").args(["check", "--root"]).arg(&root).output();
    assert!(o.unwrap().status.success());
    assert!(root.join(".casebook-cache/check.bin").is_file());
    let status = git(&root, &["status", "--porcelain", "--untracked-files=all"]);
    assert!(!String::from_utf8_lossy(&status.stdout).contains(".casebook-cache"));
}

#[test]
fn init_inside_a_repository_starts_no_other() {
    if !has_git("init_inside_a_repository_starts_no_other") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let outer = tmp.path().join("team");
    std::fs::create_dir_all(&outer).unwrap();
    assert!(git(&outer, &["init", "-q"]).status.success());
    let root = outer.join("journal");
    let o = init(&root, "zh-Hans", None);
    assert!(o.status.success(), "{}", stderr(&o));
    let repo = outer.canonicalize().unwrap();
    let said = format!("{} 已经在 git 仓库 {} 里，所以没有另外创建", root.display(), repo.display());
    assert!(stderr(&o).contains(&said), "{}", stderr(&o));
    assert!(!root.join(".git").exists());
    assert!(root.join("casebook.yaml").is_file());
}

#[test]
fn init_without_git_writes_the_journal_and_says_how_to_start_history() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("no-programs");
    std::fs::create_dir_all(&empty).unwrap();
    let root = tmp.path().join("j");
    let o = init(&root, "en", Some(&empty));
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("git is not installed, so no repository was started"), "{err}");
    assert!(err.contains(&format!("install git, then in {} run\n  git init -b main", root.display())), "{err}");
    assert!(!root.join(".git").exists());
    assert!(root.join("data/tags.yaml").is_file());
}

#[test]
fn a_new_journal_builds_without_warnings_and_its_tag_list_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("j");
    let o = init(&root, "en", None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = tmp.path().join("site");
    let o = build(&root, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    // The descriptions of data/tags.yaml are on the tag pages.
    assert!(read(&out, "tags/退換貨/index.html").contains("退貨、換貨、七天鑑賞期與初期不良換新。"));
    let r = root.to_str().unwrap();
    let o = casebook(&["check", "--root", r]);
    assert!(o.status.success(), "a new journal passes check: {}", stderr(&o));

    // What the pull-request template says of the list is what check does:
    // an alias is the listed tag, a tag off the list is pointed out.
    let template = std::fs::read_to_string(root.join(".github/pull_request_template.md")).unwrap();
    assert!(template.contains("data/tags.yaml") && template.contains("`casebook check` 會指出"), "{template}");
    let case = root.join("content/cases/客戶要求退回已拆封耳機.md");
    let text = std::fs::read_to_string(&case).unwrap();
    std::fs::write(&case, text.replace("tags: [退換貨, 保固維修]", "tags: [退货, 保固維修, 保固服務]")).unwrap();
    let o = casebook(&["check", "--root", r]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("保固服務") && err.contains("data/tags.yaml"), "{err}");
    assert!(!err.contains("退货"), "an alias, in Simplified characters, is the listed tag: {err}");
}

fn skeleton(name: &str) -> (String, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cmd/skeleton").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let value = serde_norway::from_str(&text).unwrap_or_else(|e| panic!("{name} is not YAML: {e}"));
    (text, value)
}

/// Each shell script parses (`bash -n`, `sh -n`) where the shell is there.
fn scripts_parse(shell: &str, scripts: &[&str]) {
    assert!(!scripts.is_empty());
    for script in scripts {
        let Ok(o) = Command::new(shell).args(["-n", "-c", script]).output() else {
            eprintln!("skipped: the scripts' syntax ({shell} is not installed)");
            return;
        };
        assert!(o.status.success(), "{shell} -n: {}\n{script}", stderr(&o));
    }
}

/// The lines that are not comments: what CI runs.
fn live(text: &str) -> String {
    text.lines().filter(|l| !l.trim_start().starts_with('#')).collect::<Vec<_>>().join("\n")
}

/// The words of the comments, one space between each.
fn comments(text: &str) -> String {
    let lines = text.lines().filter_map(|l| l.trim_start().strip_prefix('#'));
    lines.flat_map(str::split_whitespace).collect::<Vec<_>>().join(" ")
}

#[test]
fn the_github_workflow_checks_pull_requests_installs_once_and_keeps_the_site_private() {
    let (text, w) = skeleton("github-workflow.yml");
    assert!(w["on"].get("pull_request").is_some(), "runs on pull requests");
    assert_eq!(w["env"]["CASEBOOK_VERSION"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    let steps = w["jobs"]["journal"]["steps"].as_sequence().unwrap();
    let step = |pred: &dyn Fn(&Value) -> bool| steps.iter().find(|s| pred(s)).cloned().unwrap_or(Value::Null);
    let uses = |s: &Value, what: &str| s["uses"].as_str() == Some(what);
    let run = |s: &Value, what: &str| s["run"].as_str().is_some_and(|r| r.contains(what));

    // casebook cached under its version, installed only on a miss.
    let cache = step(&|s| uses(s, "actions/cache@v4") && s["with"]["path"].as_str() == Some("~/.casebook-bin"));
    assert!(cache["with"]["key"].as_str().unwrap().contains("${{ env.CASEBOOK_VERSION }}"), "{cache:?}");
    let install = step(&|s| run(s, "cargo install"));
    assert_eq!(install["if"].as_str(), Some("steps.casebook-cache.outputs.cache-hit != 'true'"));
    assert!(run(&install, "CASEBOOK_VERSION") && run(&install, "DOWNLOAD_URL"));
    // The history cache, and the build cache under casebook's version and
    // the settings and templates, the newest restored.
    assert!(step(&|s| uses(s, "actions/cache@v4") && s["with"]["path"].as_str() == Some(".git/casebook")).is_mapping());
    let build_cache = step(&|s| uses(s, "actions/cache@v4") && s["with"]["path"].as_str() == Some(".casebook-cache"));
    let key = build_cache["with"]["key"].as_str().unwrap();
    for part in
        ["${{ env.CASEBOOK_VERSION }}", "hashFiles('casebook.yaml', 'templates/**', 'themes/**')", "${{ github.sha }}"]
    {
        assert!(key.contains(part), "{key}");
    }
    let restore = build_cache["with"]["restore-keys"].as_str().unwrap();
    assert!(key.starts_with(restore) && restore.ends_with('-'), "{restore}");
    let position = |pred: &dyn Fn(&Value) -> bool| steps.iter().position(pred).unwrap();
    assert!(
        position(&|s| s["with"]["path"].as_str() == Some(".casebook-cache")) < position(&|s| run(s, "casebook check")),
        "restored before the first command"
    );
    assert!(!text.contains("Reserved for issue 19"));

    let check = step(&|s| run(s, "casebook check --format github --changed-since"));
    assert_eq!(check["if"].as_str(), Some("github.event_name == 'pull_request'"));
    assert!(run(&step(&|s| s["name"].as_str() == Some("Build")), "casebook build --output public"));
    let artifact = step(&|s| uses(s, "actions/upload-artifact@v4"));
    assert_eq!(artifact["with"]["path"].as_str(), Some("public"));
    let deploy = step(&|s| run(s, "rsync"));
    assert!(deploy["if"].as_str().unwrap().contains("vars.CASEBOOK_DEPLOY_HOST != ''"), "{deploy:?}");

    // GitHub Pages only as a commented-out option, with its warning.
    let live = live(&text);
    for pages in ["deploy-pages", "upload-pages-artifact", "pages: write", "github-pages"] {
        assert!(text.contains(pages) && !live.contains(pages), "{pages}");
    }
    assert!(comments(&text)
        .contains("WARNING: a Pages site can be public on the internet even when this repository is private"));
    let scripts: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    scripts_parse("bash", &scripts);
}

#[test]
fn the_gitlab_file_checks_merge_requests_installs_once_and_keeps_the_site_private() {
    let (text, c) = skeleton("gitlab-ci.yml");
    assert_eq!(c["variables"]["CASEBOOK_VERSION"].as_str(), Some(env!("CARGO_PKG_VERSION")));
    let caches = c[".casebook"]["cache"].as_sequence().unwrap();
    assert_eq!(caches[0]["key"].as_str(), Some("casebook-bin-$CASEBOOK_VERSION"));
    assert_eq!(caches[1]["paths"][0].as_str(), Some(".git/casebook"));
    assert_eq!(caches[2]["key"].as_str(), Some("casebook-build-$CASEBOOK_VERSION"));
    assert_eq!(caches[2]["paths"][0].as_str(), Some(".casebook-cache/"));
    assert!(!text.contains("Reserved for issue 19"));
    let install = c[".casebook"]["before_script"][0].as_str().unwrap();
    assert!(install.starts_with("if [ ! -x .casebook-bin/bin/casebook ]") && install.contains("cargo install"));

    assert_eq!(c["check"]["rules"][0]["if"].as_str(), Some("$CI_PIPELINE_SOURCE == \"merge_request_event\""));
    assert_eq!(c["check"]["extends"].as_str(), Some(".casebook"));
    assert!(c["check"]["script"][1].as_str().unwrap().starts_with("casebook check --changed-since"));
    assert_eq!(c["build"]["artifacts"]["paths"][0].as_str(), Some("public"));
    assert!(c["deploy"]["rules"][0]["if"].as_str().unwrap().contains("$CASEBOOK_DEPLOY_HOST"));
    // A job named `pages` would publish with GitLab Pages: only in comments.
    assert!(c.get("pages").is_none() && text.contains("\n# pages:\n"));
    assert!(comments(&text)
        .contains("WARNING: a Pages site can be reached by anyone who has its address, even for a private project"));

    let mut scripts = Vec::new();
    for job in [".casebook", "check", "build", "deploy"] {
        for part in ["before_script", "script"] {
            scripts.extend(c[job][part].as_sequence().into_iter().flatten().filter_map(Value::as_str));
        }
    }
    scripts_parse("sh", &scripts);
}

fn demo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The demo lives in casebook's own repository: its pages show none of the
/// program's commits as revisions.
#[test]
fn the_demo_journal_shows_no_development_commits() {
    let config = std::fs::read_to_string(demo().join("casebook.yaml")).unwrap();
    assert!(config.contains("\nhistory: off\n"));
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let o = build(&demo(), &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    for page in tree(&out).keys().filter(|p| p.ends_with(".html")) {
        let html = read(&out, page);
        assert!(!html.contains("class=\"history\"") && !html.contains("修訂紀錄"), "{page}");
    }
}
