//! What the command line says besides problems (progress, summaries, the
//! errors that stop a command), in the three languages: one [`Said`]
//! variant per line, its words in each language in one `match` with no
//! catch-all, like [`super::Problem`]'s. `cmd` and `serve` build a variant
//! and print [`Said::words`].

use crate::lang::Lang;

/// A line the command line prints, with the values it names.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// `main`: what comes before the last error's text.
    ErrorPrefix,
    /// `CASEBOOK_LANG` names no language casebook speaks.
    UnknownLanguage {
        written: String,
        using: Lang,
    },
    NoJournalFolder {
        dir: String,
    },
    // build
    WaitingForBuild {
        output: String,
        lock: String,
    },
    Building {
        root: String,
    },
    NothingWritten {
        output: String,
    },
    RemovedLeftovers {
        names: String,
    },
    DraftsLeftOut {
        count: usize,
    },
    /// The seconds: all, then reading, git history, Markdown, pages, links
    /// and related, search index.
    Built {
        articles: usize,
        files: usize,
        output: String,
        seconds: [f64; 7],
        terms: usize,
        shards: usize,
    },
    FilesLeftOut {
        count: usize,
    },
    // the output folder
    OutputIsRoot {
        suggestion: String,
    },
    OutputHoldsJournal {
        output: String,
        suggestion: String,
    },
    OutputInContent {
        output: String,
    },
    OutputIsInputFolder {
        output: String,
        folder: String,
    },
    OutputIsAFile {
        output: String,
    },
    OutputNotOurs {
        output: String,
    },
    InTheWay {
        path: String,
    },
    // the search export (`build --search-export`)
    /// The export folder is the site's output folder, inside it or holds it.
    ExportDirAndSite {
        dir: String,
        output: String,
    },
    ExportDirNotOurs {
        dir: String,
    },
    SearchExported {
        documents: usize,
        files: usize,
        dir: String,
    },
    /// The build cache on disk was not used (issue 19): the build starts from nothing.
    CacheIgnored {
        path: String,
        why: CacheUnused,
    },
    /// The build cache could not be written (the build itself succeeded).
    CacheNotSaved {
        dir: String,
        error: String,
    },
    /// `--cache-dir` names a folder that may not hold the cache (an error).
    CacheDirRefused {
        dir: String,
        why: CachePlace,
    },
    /// The default cache folder may not hold the cache: the build runs
    /// without one.
    CacheDirSkipped {
        dir: String,
        why: CachePlace,
    },
    // check
    UnknownIgnoredKind {
        kind: String,
        suggestion: Option<String>,
    },
    NoProblems {
        articles: usize,
        warnings: bool,
    },
    GitFailed {
        args: String,
        stderr: String,
    },
    // import
    NoSourceFolder {
        dir: String,
    },
    WouldOverwrite {
        journal: String,
    },
    NothingImported,
    BuildItWith {
        journal: String,
    },
    /// The refusals of `import` before anything is read or written
    /// (`import::check_folders`, the write guard).
    SourceUnreadable {
        dir: String,
        error: String,
    },
    JournalInsideSource {
        journal: String,
        source: String,
    },
    SourceInsideJournal {
        source: String,
    },
    JournalIsLink {
        journal: String,
    },
    JournalIsFile {
        journal: String,
    },
    /// An existing folder with files and no casebook.yaml.
    NotAJournalFolder {
        journal: String,
    },
    /// A planned path (`path`, relative to the journal) that is not plainly inside it.
    NotInsideJournal {
        path: String,
    },
    /// A planned path reached through a symbolic link (`link`) in the journal.
    WriteThroughLink {
        path: String,
        link: String,
    },
    // init
    AlreadyAJournal {
        dir: String,
        existing: String,
    },
    CouldNotCreate {
        path: String,
    },
    CouldNotWrite {
        path: String,
    },
    JournalReady {
        dir: String,
    },
    GitStarted {
        dir: String,
        branch: String,
    },
    GitAlreadyThere {
        dir: String,
        repo: String,
    },
    /// git is not installed (`error: None`) or failed.
    NoGit {
        dir: String,
        branch: String,
        error: Option<String>,
    },
    // new
    NewEmptyTitle,
    NotAJournal {
        root: String,
    },
    ResponseNeedsTo,
    BadSectionFolder,
    AlreadyExists {
        path: String,
    },
    /// A problem's line, then that nothing was written.
    NotWritten {
        why: String,
    },
    Wrote {
        path: String,
    },
    // rewards
    NoPicks {
        period: Option<String>,
    },
    CouldNotWriteList,
    /// `陳美玲（chen-meiling，電話客服一組）` in the table of rewards.
    RewardAuthor {
        name: String,
        author: String,
        team: Option<String>,
    },
    RewardEditor {
        editor: String,
    },
    RewardTotals,
    // serve
    CouldNotStartServer,
    CouldNotListen {
        address: String,
        error: String,
    },
    CouldNotSetUpSocket,
    NoServerAddress,
    CouldNotWatch {
        path: Option<String>,
    },
    Serving {
        url: String,
    },
    Exposed {
        bind: String,
        port: u16,
        drafts: bool,
        reach: Option<String>,
    },
    ServeBuilt {
        articles: usize,
        millis: [u128; 6],
    },
    DraftsNotShown {
        count: usize,
    },
    LastGoodSite,
    OpenInBrowser {
        url: String,
    },
    // serve's pages
    /// The title of the page served where the site has none (yet).
    NoSuchPage,
    NoSuchPageYet,
    /// Over the page, above the problems of the last save.
    OverlayHeading,
    // issue 18 (preview)
    /// Over the page, when the last save made the pages (around the
    /// articles with errors) and there are problems to show.
    OverlayUpdated {
        errors: usize,
        warnings: usize,
    },
    /// Over the page and on the page served, when no save has made a site yet.
    OverlayNoSiteYet,
    /// The title of the page served at the address of an article that
    /// could not be made into a page, and what it says above its problems.
    ArticleNotShown {
        file: String,
    },
    /// On the terminal: the pages were made around the articles with errors.
    PreviewAroundErrors,
}

/// Why the build cache file was not used (see `incremental::disk`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheUnused {
    /// Made by another casebook (another version or another build of the
    /// program), or for other settings or templates.
    OtherKey,
    /// Cut short, changed, a link, or not a cache file.
    Damaged,
    TooLarge,
    /// Could not be read (the system's words).
    Unreadable(String),
}

/// Why a folder may not hold the build cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CachePlace {
    /// The output folder or inside it: every build replaces it whole, and it is published.
    InOutput { output: String },
    /// One of the journal's folders that casebook reads or publishes (`content`, `static`, …), or inside one.
    InJournalFolder { folder: String },
    /// The default folder is a symbolic link (a journal could point it anywhere).
    Link,
}

impl Said {
    /// The line in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match lang {
            Lang::Hant => self.hant(),
            Lang::Hans => self.hans(),
            Lang::En => self.english(),
        }
    }

    fn english(&self) -> String {
        use Said::*;
        match self {
            ErrorPrefix => "error: ".to_string(),
            UnknownLanguage { written, using } => format!(
                "CASEBOOK_LANG={written} is not a language casebook speaks (zh-Hant, zh-Hans or en); using {}",
                using.code()
            ),
            NoJournalFolder { dir } => {
                format!("the journal folder {dir} does not exist; give the right one with --root")
            }
            WaitingForBuild { output, lock } => format!(
                "Another casebook build is writing into {output}; waiting for it to finish (it holds {lock}) …"
            ),
            Building { root } => format!("Building the journal in {root} …"),
            NothingWritten { output } => format!("Nothing was written; {output} is unchanged."),
            RemovedLeftovers { names } => format!("Removed what stopped builds had left beside the output: {names}"),
            DraftsLeftOut { count } => format!("{} left out; build with --drafts to include them.", english_count(*count, "draft", "drafts")),
            Built { articles, files, output, seconds: [all, load, history, markdown, render, graph, search], terms, shards } => format!(
                "Built {articles} articles into {files} files in {output} in {all:.2} s (reading {load:.2} s, git history {history:.2} s, Markdown {markdown:.2} s, pages {render:.2} s, of which links and related {graph:.2} s and search index {search:.2} s: {terms} terms in {shards} shards)."
            ),
            FilesLeftOut { count } => match count {
                1 => "1 file with errors was left out of the site:".to_string(),
                _ => format!("{count} files with errors were left out of the site:"),
            },
            OutputIsRoot { suggestion } => {
                format!("the output folder cannot be `/`; choose a folder such as {suggestion}")
            }
            OutputHoldsJournal { output, suggestion } => format!(
                "the output folder {output} holds the journal itself; choose a folder of its own such as {suggestion}"
            ),
            OutputInContent { output } => {
                format!("the output folder {output} is inside content/; choose a folder outside it such as public/")
            }
            OutputIsInputFolder { output, folder } => {
                format!("the output folder {output} is the journal's {folder}/ folder; choose another such as public/")
            }
            OutputIsAFile { output } => format!("the output {output} is a file, not a folder"),
            OutputNotOurs { output } => format!(
                "the folder {output} already exists and was not made by casebook, so it will not be replaced; empty it, or choose another --output"
            ),
            InTheWay { path } => format!(
                "{path} is in the way of the new site and was not made by casebook; move it away and build again"
            ),
            ExportDirAndSite { dir, output } => format!(
                "the search export folder {dir} is the site's output folder {output}, inside it or around it; choose a folder of its own beside it, such as search-export/"
            ),
            ExportDirNotOurs { dir } => format!(
                "the folder {dir} already exists and was not made by casebook, so it will not be replaced; empty it, or choose another --search-export folder"
            ),
            SearchExported { documents, files, dir } => format!(
                "Wrote the search documents of {} for other search engines: {} in {dir}",
                english_count(*documents, "article", "articles"),
                english_count(*files, "file", "files")
            ),
            CacheIgnored { path, why } => {
                let why = match why {
                    CacheUnused::OtherKey => "it was made by another casebook (another version or build of the program) or for other settings or templates".to_string(),
                    CacheUnused::Damaged => "it is damaged or cut short".to_string(),
                    CacheUnused::TooLarge => "it is larger than 1 GiB".to_string(),
                    CacheUnused::Unreadable(e) => format!("it could not be read ({e})"),
                };
                format!("Note: the build cache {path} was not used, {why}; building from nothing (it is written again after this run).")
            }
            CacheNotSaved { dir, error } => {
                format!("Note: the build cache could not be written into {dir} ({error}); the next run builds from nothing.")
            }
            CacheDirRefused { dir, why } => format!(
                "the cache folder {dir} {}; choose a folder of its own outside the site and the journal's folders, such as .casebook-cache",
                cache_place_en(why)
            ),
            CacheDirSkipped { dir, why } => format!(
                "Note: the build cache in {dir} was neither read nor written, it {}; building from nothing (--cache-dir names another folder).",
                cache_place_en(why)
            ),
            UnknownIgnoredKind { kind, suggestion } => {
                let hint = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "write a kind like `link/broken` or a group like `privacy/`".to_string(),
                };
                format!("`--ignore {kind}` names no kind of problem; {hint}")
            }
            NoProblems { articles, warnings } => format!(
                "No problems found in {articles} articles{}.",
                if *warnings { " (warnings above)" } else { "" }
            ),
            GitFailed { args, stderr } => format!(
                "git {args} failed: {stderr}; --changed-since needs a git repository and a revision like origin/main"
            ),
            NoSourceFolder { dir } => format!("the source folder {dir} does not exist"),
            WouldOverwrite { journal } => {
                format!("These files of {journal} hold something else and would be overwritten:")
            }
            NothingImported => {
                "Nothing was written. Import into an empty folder, or add --force to replace them.".to_string()
            }
            BuildItWith { journal } => format!("Build it with: casebook build --root {journal}"),
            SourceUnreadable { dir, error } => format!("cannot read the source folder {dir}: {error}"),
            JournalInsideSource { journal, source } => format!(
                "the journal {journal} is the source folder or inside it; import into a folder outside {source}"
            ),
            SourceInsideJournal { source } => {
                format!("the source folder {source} is inside the journal's content/; move it out first")
            }
            JournalIsLink { journal } => {
                format!("the journal {journal} is a symbolic link; name the folder itself")
            }
            JournalIsFile { journal } => format!("the journal {journal} is a file, not a folder"),
            NotAJournalFolder { journal } => format!(
                "{journal} already holds files and is not a casebook journal (it has no casebook.yaml); import into a new or empty folder"
            ),
            NotInsideJournal { path } => format!("refusing to write {path}: not a path inside the journal"),
            WriteThroughLink { path, link } => format!(
                "refusing to write {path}: {link} is a symbolic link; the import writes only inside the journal"
            ),
            AlreadyAJournal { dir, existing } => format!(
                "{dir} already holds a journal ({existing} already there); nothing was changed. Choose a new folder name."
            ),
            CouldNotCreate { path } => format!("could not create {path}"),
            CouldNotWrite { path } => format!("could not write {path}"),
            JournalReady { dir } => format!(
                "A new journal is ready in {dir}.\nNext:\n  cd {dir}\n  casebook new case \"客戶來電詢問帳單\"   # write a case\n  casebook build                          # make the site in public/"
            ),
            GitStarted { dir, branch } => format!(
                "Started a git repository in {dir} on the branch {branch}, which the CI files publish from. Nothing is committed yet: put your editors in place of @journal-editors in CODEOWNERS, then commit:\n  git add -A\n  git commit -m \"新的案例集\""
            ),
            GitAlreadyThere { dir, repo } => format!(
                "{dir} is inside the git repository {repo} already, so no new one was started; the journal's history is that repository's."
            ),
            NoGit { dir, branch, error } => format!(
                "{}. The journal builds without git, but each article's history (revisions, pull requests, reviewers) needs it: {}in {dir} run\n  git init -b {branch}",
                error.as_ref().map_or("git is not installed, so no repository was started".to_string(), |e| format!("git could not start a repository ({e})")),
                if error.is_none() { "install git, then " } else { "" }
            ),
            NewEmptyTitle => {
                "the title is empty; write it in quotes, like: casebook new case \"客戶要求退回已拆封耳機\"".to_string()
            }
            NotAJournal { root } => format!(
                "{root} is not a journal (it has no casebook.yaml and no content/ folder); run this in your journal's folder, or give it with --root"
            ),
            ResponseNeedsTo => "name the case this critique answers with --to, like: casebook new response \"點評：退貨案例\" --to 客戶要求退回已拆封耳機".to_string(),
            BadSectionFolder => "--section must be a folder name under content/, like cases".to_string(),
            AlreadyExists { path } => format!("{path} already exists and was left as it is; choose another title"),
            NotWritten { why } => format!("{why}: nothing was written"),
            Wrote { path } => {
                format!("Wrote {path}. Fill in the fields, remove `draft: true` when it is ready, and build.")
            }
            NoPicks { period } => format!(
                "No picks{} in data/featured.yaml.",
                period.as_ref().map(|p| format!(" for {p}")).unwrap_or_default()
            ),
            CouldNotWriteList => "could not write the list".to_string(),
            RewardAuthor { name, author, team: Some(team) } => format!("{name} ({author}, {team})"),
            RewardAuthor { name, author, team: None } => format!("{name} ({author})"),
            RewardEditor { editor } => format!("editor: {editor}"),
            RewardTotals => "Totals".to_string(),
            CouldNotStartServer => "could not start the web server".to_string(),
            CouldNotListen { address, error } => format!("could not listen on {address}: {error}; try another --port"),
            CouldNotSetUpSocket => "could not set up the listening socket".to_string(),
            NoServerAddress => "the server has no address".to_string(),
            CouldNotWatch { path: Some(path) } => format!("could not watch {path}"),
            CouldNotWatch { path: None } => "could not watch the journal's files".to_string(),
            Serving { url } => format!("Serving the journal at {url} (Ctrl-C to stop)"),
            Exposed { bind, port, drafts, reach } => {
                let what = if *drafts {
                    "the whole site, drafts included (--drafts)"
                } else {
                    "the whole site (every article but drafts)"
                };
                let who = match reach {
                    None => format!("anyone who can reach this computer on port {port}, at any of its addresses"),
                    Some(reach) => format!("anyone who can reach {reach}"),
                };
                format!(
                    "Warning: --bind {bind} serves {what} to {who}, with no password. They open http://<this computer's address>:{port}/ (to let them use its name, add --allow-host NAME). To keep it to this computer, leave out --bind."
                )
            }
            ServeBuilt { articles, millis: [all, load, markdown, graph, pages, search] } => format!(
                "Built {articles} articles in {all} ms (reading {load}, Markdown {markdown}, links and related {graph}, pages {pages}, search {search})."
            ),
            DraftsNotShown { count } => format!(
                "{} not shown (articles with `draft: true`, as `casebook new` writes them); start with --drafts to see them.",
                match count {
                    1 => "1 draft is".to_string(),
                    _ => format!("{count} drafts are"),
                }
            ),
            LastGoodSite => "The last good site is still served; fix the problems above and save again.".to_string(),
            OpenInBrowser { url } => format!("Open {url} in your browser."),
            NoSuchPage => "Page not found".to_string(),
            NoSuchPageYet => {
                "There is no such page; if the site is not built yet, the problems are listed below.".to_string()
            }
            OverlayHeading => {
                "The last save has problems; the site still shows the last version that built:".to_string()
            }
            OverlayUpdated { errors, warnings } => format!(
                "The pages are up to date, with {} and {} to see to; casebook check does not pass while there are errors:",
                english_count(*errors, "error", "errors"),
                english_count(*warnings, "warning", "warnings")
            ),
            OverlayNoSiteYet => {
                "There is no version that built yet: the site cannot be made until these problems are fixed. Save again after fixing them:".to_string()
            }
            ArticleNotShown { file } => {
                format!("{file} cannot be shown until the problems below are fixed; save it again after fixing them.")
            }
            PreviewAroundErrors => {
                "The pages were made around the problems above: broken links are marked, and articles that cannot be shown list their problems.".to_string()
            }
        }
    }

    fn hant(&self) -> String {
        use Said::*;
        match self {
            ErrorPrefix => "錯誤：".to_string(),
            UnknownLanguage { written, using } => format!(
                "CASEBOOK_LANG={written} 不是 casebook 支援的語言（zh-Hant、zh-Hans 或 en）；改用 {}",
                using.code()
            ),
            NoJournalFolder { dir } => format!("日誌資料夾 {dir} 不存在；請用 --root 指定正確的資料夾"),
            WaitingForBuild { output, lock } => {
                format!("另一個 casebook 建置正在寫入 {output}；等它完成（它鎖住了 {lock}）…")
            }
            Building { root } => format!("正在建置 {root} 的日誌…"),
            NothingWritten { output } => format!("沒有寫入任何檔案；{output} 維持原樣。"),
            RemovedLeftovers { names } => format!("已刪除中斷的建置留在輸出資料夾旁的檔案：{names}"),
            DraftsLeftOut { count } => format!("有 {count} 篇草稿沒有放進網站；加上 --drafts 建置就會包含它們。"),
            Built { articles, files, output, seconds: [all, load, history, markdown, render, graph, search], terms, shards } => format!(
                "已建置 {articles} 篇文章，共 {files} 個檔案，寫入 {output}，耗時 {all:.2} 秒（讀取 {load:.2} 秒、git 歷史 {history:.2} 秒、Markdown {markdown:.2} 秒、頁面 {render:.2} 秒，其中連結與相關文章 {graph:.2} 秒、搜尋索引 {search:.2} 秒：{terms} 個詞，分成 {shards} 份）。"
            ),
            FilesLeftOut { count } => format!("有 {count} 個檔案因為有錯誤沒有放進網站："),
            OutputIsRoot { suggestion } => format!("輸出資料夾不能是 `/`；請選一個資料夾，例如 {suggestion}"),
            OutputHoldsJournal { output, suggestion } => {
                format!("輸出資料夾 {output} 裡面就是日誌本身；請選一個獨立的資料夾，例如 {suggestion}")
            }
            OutputInContent { output } => {
                format!("輸出資料夾 {output} 在 content/ 裡面；請選 content/ 外面的資料夾，例如 public/")
            }
            OutputIsInputFolder { output, folder } => {
                format!("輸出資料夾 {output} 是日誌的 {folder}/ 資料夾；請選別的資料夾，例如 public/")
            }
            OutputIsAFile { output } => format!("輸出位置 {output} 是檔案，不是資料夾"),
            OutputNotOurs { output } => format!(
                "資料夾 {output} 已經存在，而且不是 casebook 建立的，所以不會被取代；請清空它，或用 --output 選別的資料夾"
            ),
            InTheWay { path } => format!("{path} 擋住了新網站，而且不是 casebook 建立的；請把它移走後重新建置"),
            ExportDirAndSite { dir, output } => format!(
                "搜尋匯出資料夾 {dir} 就是網站的輸出資料夾 {output}，或在它裡面、或包著它；請在旁邊另選一個資料夾，例如 search-export/"
            ),
            ExportDirNotOurs { dir } => format!(
                "資料夾 {dir} 已經存在，而且不是 casebook 建立的，所以不會被取代；請清空它，或用 --search-export 選別的資料夾"
            ),
            SearchExported { documents, files, dir } => {
                format!("已為其他搜尋引擎寫出 {documents} 篇文章的搜尋資料：{dir} 裡的 {files} 個檔案")
            }
            CacheIgnored { path, why } => {
                let why = match why {
                    CacheUnused::OtherKey => "它是另一個 casebook（別的版本或另一次編譯的程式）或別的設定、範本留下的".to_string(),
                    CacheUnused::Damaged => "它已損壞或不完整".to_string(),
                    CacheUnused::TooLarge => "它大於 1 GiB".to_string(),
                    CacheUnused::Unreadable(e) => format!("無法讀取它（{e}）"),
                };
                format!("提醒：沒有使用建置快取 {path}，因為{why}；這次從頭建置（建置後會重新寫入快取）。")
            }
            CacheNotSaved { dir, error } => {
                format!("提醒：無法把建置快取寫入 {dir}（{error}）；下次會從頭建置。")
            }
            CacheDirRefused { dir, why } => format!(
                "快取資料夾 {dir} {}；請選一個在網站和日誌資料夾以外、專門放快取的資料夾，例如 .casebook-cache",
                cache_place_hant(why)
            ),
            CacheDirSkipped { dir, why } => format!(
                "提醒：沒有讀取也沒有寫入 {dir} 裡的建置快取，因為它{}；這次從頭建置（可以用 --cache-dir 指定別的資料夾）。",
                cache_place_hant(why)
            ),
            UnknownIgnoredKind { kind, suggestion } => {
                let hint = match suggestion {
                    Some(s) => format!("您是不是要寫 `{s}`？"),
                    None => "請寫一種問題，例如 `link/broken`，或一組，例如 `privacy/`".to_string(),
                };
                format!("`--ignore {kind}` 不是任何一種問題；{hint}")
            }
            NoProblems { articles, warnings } => format!(
                "檢查了 {articles} 篇文章，沒有發現問題{}。",
                if *warnings { "（警告見上方）" } else { "" }
            ),
            GitFailed { args, stderr } => format!(
                "git {args} 執行失敗：{stderr}；--changed-since 需要 git 儲存庫和一個版本，例如 origin/main"
            ),
            NoSourceFolder { dir } => format!("來源資料夾 {dir} 不存在"),
            WouldOverwrite { journal } => format!("{journal} 裡的這些檔案已有其他內容，會被覆寫："),
            NothingImported => "沒有寫入任何檔案。請匯入到空的資料夾，或加上 --force 取代這些檔案。".to_string(),
            BuildItWith { journal } => format!("建置網站：casebook build --root {journal}"),
            SourceUnreadable { dir, error } => format!("無法讀取來源資料夾 {dir}：{error}"),
            JournalInsideSource { journal, source } => {
                format!("日誌 {journal} 就是來源資料夾，或在它裡面；請匯入到 {source} 以外的資料夾")
            }
            SourceInsideJournal { source } => format!("來源資料夾 {source} 在日誌的 content/ 裡面；請先把它移出來"),
            JournalIsLink { journal } => format!("日誌 {journal} 是符號連結；請寫出資料夾本身的路徑"),
            JournalIsFile { journal } => format!("日誌 {journal} 是檔案，不是資料夾"),
            NotAJournalFolder { journal } => format!(
                "{journal} 裡已經有檔案，而且不是 casebook 日誌（沒有 casebook.yaml）；請匯入到新的或空的資料夾"
            ),
            NotInsideJournal { path } => format!("不寫入 {path}：這不是日誌裡的路徑"),
            WriteThroughLink { path, link } => {
                format!("不寫入 {path}：{link} 是符號連結；匯入只會寫在日誌裡面")
            }
            AlreadyAJournal { dir, existing } => {
                format!("{dir} 裡已經有日誌（已有 {existing}）；沒有做任何變更。請換一個新的資料夾名稱。")
            }
            CouldNotCreate { path } => format!("無法建立 {path}"),
            CouldNotWrite { path } => format!("無法寫入 {path}"),
            JournalReady { dir } => format!(
                "新的日誌已建立在 {dir}。\n接下來：\n  cd {dir}\n  casebook new case \"客戶來電詢問帳單\"   # 寫一個案例\n  casebook build                          # 在 public/ 產生網站"
            ),
            GitStarted { dir, branch } => format!(
                "已在 {dir} 建立 git 儲存庫，分支是 {branch}（CI 設定檔從這個分支發佈）。還沒有提交任何東西：先把 CODEOWNERS 裡的 @journal-editors 換成你們的編輯，再提交：\n  git add -A\n  git commit -m \"新的案例集\""
            ),
            GitAlreadyThere { dir, repo } => {
                format!("{dir} 已經在 git 儲存庫 {repo} 裡，所以沒有另外建立；日誌的歷史就是那個儲存庫的歷史。")
            }
            NoGit { dir, branch, error } => format!(
                "{}。日誌不用 git 也能建置，但每篇文章的修訂紀錄、拉取請求與審閱者都要靠 git：{}到 {dir} 執行\n  git init -b {branch}",
                error.as_ref().map_or("沒有安裝 git，所以沒有建立儲存庫".to_string(), |e| format!("git 無法建立儲存庫（{e}）")),
                if error.is_none() { "請安裝 git，再" } else { "請" }
            ),
            NewEmptyTitle => "標題是空的；請用引號寫標題，例如：casebook new case \"客戶要求退回已拆封耳機\"".to_string(),
            NotAJournal { root } => format!(
                "{root} 不是日誌資料夾（沒有 casebook.yaml，也沒有 content/ 資料夾）；請在日誌資料夾裡執行，或用 --root 指定"
            ),
            ResponseNeedsTo => "請用 --to 寫這篇點評所回應的案例，例如：casebook new response \"點評：退貨案例\" --to 客戶要求退回已拆封耳機".to_string(),
            BadSectionFolder => "--section 必須是 content/ 底下的資料夾名稱，例如 cases".to_string(),
            AlreadyExists { path } => format!("{path} 已經存在，沒有變更；請換一個標題"),
            NotWritten { why } => format!("{why}：沒有寫入任何檔案"),
            Wrote { path } => format!("已寫入 {path}。請填好各欄位，完成後刪掉 `draft: true`，再建置。"),
            NoPicks { period } => match period {
                Some(p) => format!("data/featured.yaml 裡沒有 {p} 的精選。"),
                None => "data/featured.yaml 裡沒有精選。".to_string(),
            },
            CouldNotWriteList => "無法輸出清單".to_string(),
            RewardAuthor { name, author, team: Some(team) } => format!("{name}（{author}，{team}）"),
            RewardAuthor { name, author, team: None } => format!("{name}（{author}）"),
            RewardEditor { editor } => format!("編輯：{editor}"),
            RewardTotals => "合計".to_string(),
            CouldNotStartServer => "無法啟動網頁伺服器".to_string(),
            CouldNotListen { address, error } => format!("無法在 {address} 監聽：{error}；請用 --port 換一個連接埠"),
            CouldNotSetUpSocket => "無法設定監聽的連線".to_string(),
            NoServerAddress => "伺服器沒有位址".to_string(),
            CouldNotWatch { path: Some(path) } => format!("無法監看 {path}"),
            CouldNotWatch { path: None } => "無法監看日誌的檔案".to_string(),
            Serving { url } => format!("日誌網站在 {url}（按 Ctrl-C 停止）"),
            Exposed { bind, port, drafts, reach } => {
                let what = if *drafts { "整個網站，包括草稿（--drafts）" } else { "整個網站（草稿以外的所有文章）" };
                let who = match reach {
                    None => format!("任何能以任一位址連到這台電腦 {port} 連接埠的人"),
                    Some(reach) => format!("任何能連到 {reach} 的人"),
                };
                format!(
                    "警告：--bind {bind} 會把{what}提供給{who}，而且不需要密碼。他們開啟 http://<這台電腦的位址>:{port}/ 即可（要讓他們用電腦名稱開啟，請加上 --allow-host 名稱）。只給這台電腦看的話，請拿掉 --bind。"
                )
            }
            ServeBuilt { articles, millis: [all, load, markdown, graph, pages, search] } => format!(
                "已建置 {articles} 篇文章，耗時 {all} 毫秒（讀取 {load}、Markdown {markdown}、連結與相關文章 {graph}、頁面 {pages}、搜尋 {search}）。"
            ),
            DraftsNotShown { count } => format!(
                "有 {count} 篇草稿沒有顯示（開頭設定區有 `draft: true` 的文章，`casebook new` 寫的就是草稿）；加上 --drafts 啟動就能看到。"
            ),
            LastGoodSite => "仍在提供上一次成功建置的網站；請修正上面的問題後再儲存。".to_string(),
            OpenInBrowser { url } => format!("請在瀏覽器開啟 {url}。"),
            NoSuchPage => "找不到這一頁".to_string(),
            NoSuchPageYet => "找不到這一頁；如果網站還沒建好，問題會列在下方。".to_string(),
            OverlayHeading => "這次存檔有問題，網站仍顯示上一次成功的版本：".to_string(),
            OverlayUpdated { errors, warnings } => format!(
                "頁面已更新，還有 {errors} 個錯誤、{warnings} 個警告要處理；有錯誤時 casebook check 不會通過："
            ),
            OverlayNoSiteYet => "尚未有成功的版本：修正下列問題之前，網站無法建置。修正後再存檔一次：".to_string(),
            ArticleNotShown { file } => format!("{file} 要先修正下列問題才能顯示；修正後再存檔一次。"),
            PreviewAroundErrors => {
                "頁面已避開上面的問題照常產生：失效的連結已標出，無法顯示的文章會列出它的問題。".to_string()
            }
        }
    }

    fn hans(&self) -> String {
        use Said::*;
        match self {
            ErrorPrefix => "错误：".to_string(),
            UnknownLanguage { written, using } => format!(
                "CASEBOOK_LANG={written} 不是 casebook 支持的语言（zh-Hant、zh-Hans 或 en）；改用 {}",
                using.code()
            ),
            NoJournalFolder { dir } => format!("案例库文件夹 {dir} 不存在；请用 --root 指定正确的文件夹"),
            WaitingForBuild { output, lock } => {
                format!("另一个 casebook 构建正在写入 {output}；等待它完成（它锁定了 {lock}）…")
            }
            Building { root } => format!("正在构建 {root} 的案例库…"),
            NothingWritten { output } => format!("没有写入任何文件；{output} 保持不变。"),
            RemovedLeftovers { names } => format!("已删除中断的构建留在输出文件夹旁的文件：{names}"),
            DraftsLeftOut { count } => format!("有 {count} 篇草稿没有放进网站；加上 --drafts 构建就会包含它们。"),
            Built { articles, files, output, seconds: [all, load, history, markdown, render, graph, search], terms, shards } => format!(
                "已构建 {articles} 篇文章，共 {files} 个文件，写入 {output}，耗时 {all:.2} 秒（读取 {load:.2} 秒、git 历史 {history:.2} 秒、Markdown {markdown:.2} 秒、页面 {render:.2} 秒，其中链接与相关文章 {graph:.2} 秒、搜索索引 {search:.2} 秒：{terms} 个词，分为 {shards} 份）。"
            ),
            FilesLeftOut { count } => format!("有 {count} 个文件因为有错误没有放进网站："),
            OutputIsRoot { suggestion } => format!("输出文件夹不能是 `/`；请选一个文件夹，例如 {suggestion}"),
            OutputHoldsJournal { output, suggestion } => {
                format!("输出文件夹 {output} 里面就是案例库本身；请选一个单独的文件夹，例如 {suggestion}")
            }
            OutputInContent { output } => {
                format!("输出文件夹 {output} 在 content/ 里面；请选 content/ 外面的文件夹，例如 public/")
            }
            OutputIsInputFolder { output, folder } => {
                format!("输出文件夹 {output} 是案例库的 {folder}/ 文件夹；请选别的文件夹，例如 public/")
            }
            OutputIsAFile { output } => format!("输出位置 {output} 是文件，不是文件夹"),
            OutputNotOurs { output } => format!(
                "文件夹 {output} 已经存在，而且不是 casebook 创建的，所以不会被替换；请清空它，或用 --output 选别的文件夹"
            ),
            InTheWay { path } => format!("{path} 挡住了新网站，而且不是 casebook 创建的；请把它移走后重新构建"),
            ExportDirAndSite { dir, output } => format!(
                "搜索导出文件夹 {dir} 就是网站的输出文件夹 {output}，或在它里面、或包含它；请在旁边另选一个文件夹，例如 search-export/"
            ),
            ExportDirNotOurs { dir } => format!(
                "文件夹 {dir} 已经存在，而且不是 casebook 创建的，所以不会被替换；请清空它，或用 --search-export 选别的文件夹"
            ),
            SearchExported { documents, files, dir } => {
                format!("已为其他搜索引擎写出 {documents} 篇文章的搜索文档：{dir} 里的 {files} 个文件")
            }
            CacheIgnored { path, why } => {
                let why = match why {
                    CacheUnused::OtherKey => "它是另一个 casebook（别的版本或另一次编译的程序）或别的设置、模板留下的".to_string(),
                    CacheUnused::Damaged => "它已损坏或不完整".to_string(),
                    CacheUnused::TooLarge => "它大于 1 GiB".to_string(),
                    CacheUnused::Unreadable(e) => format!("无法读取它（{e}）"),
                };
                format!("提示：没有使用构建缓存 {path}，因为{why}；这次从头构建（构建后会重新写入缓存）。")
            }
            CacheNotSaved { dir, error } => {
                format!("提示：无法把构建缓存写入 {dir}（{error}）；下次会从头构建。")
            }
            CacheDirRefused { dir, why } => format!(
                "缓存文件夹 {dir} {}；请选一个在网站和日志文件夹以外、专门放缓存的文件夹，例如 .casebook-cache",
                cache_place_hans(why)
            ),
            CacheDirSkipped { dir, why } => format!(
                "提示：没有读取也没有写入 {dir} 里的构建缓存，因为它{}；这次从头构建（可以用 --cache-dir 指定别的文件夹）。",
                cache_place_hans(why)
            ),
            UnknownIgnoredKind { kind, suggestion } => {
                let hint = match suggestion {
                    Some(s) => format!("是不是想写 `{s}`？"),
                    None => "请写一种问题，例如 `link/broken`，或一组，例如 `privacy/`".to_string(),
                };
                format!("`--ignore {kind}` 不是任何一种问题；{hint}")
            }
            NoProblems { articles, warnings } => format!(
                "检查了 {articles} 篇文章，没有发现问题{}。",
                if *warnings { "（警告见上方）" } else { "" }
            ),
            GitFailed { args, stderr } => format!(
                "git {args} 运行失败：{stderr}；--changed-since 需要 git 仓库和一个版本，例如 origin/main"
            ),
            NoSourceFolder { dir } => format!("源文件夹 {dir} 不存在"),
            WouldOverwrite { journal } => format!("{journal} 里的这些文件已有其他内容，会被覆盖："),
            NothingImported => "没有写入任何文件。请导入到空文件夹，或加上 --force 替换这些文件。".to_string(),
            BuildItWith { journal } => format!("构建网站：casebook build --root {journal}"),
            SourceUnreadable { dir, error } => format!("无法读取源文件夹 {dir}：{error}"),
            JournalInsideSource { journal, source } => {
                format!("案例库 {journal} 就是源文件夹，或在它里面；请导入到 {source} 以外的文件夹")
            }
            SourceInsideJournal { source } => format!("源文件夹 {source} 在案例库的 content/ 里面；请先把它移出来"),
            JournalIsLink { journal } => format!("案例库 {journal} 是符号链接；请写出文件夹本身的路径"),
            JournalIsFile { journal } => format!("案例库 {journal} 是文件，不是文件夹"),
            NotAJournalFolder { journal } => format!(
                "{journal} 里已经有文件，而且不是 casebook 案例库（没有 casebook.yaml）；请导入到新的或空的文件夹"
            ),
            NotInsideJournal { path } => format!("不写入 {path}：这不是案例库里的路径"),
            WriteThroughLink { path, link } => {
                format!("不写入 {path}：{link} 是符号链接；导入只会写在案例库里面")
            }
            AlreadyAJournal { dir, existing } => {
                format!("{dir} 里已经有案例库（已有 {existing}）；没有做任何修改。请换一个新的文件夹名称。")
            }
            CouldNotCreate { path } => format!("无法创建 {path}"),
            CouldNotWrite { path } => format!("无法写入 {path}"),
            JournalReady { dir } => format!(
                "新的案例库已创建在 {dir}。\n接下来：\n  cd {dir}\n  casebook new case \"客户来电询问账单\"   # 写一个案例\n  casebook build                          # 在 public/ 生成网站"
            ),
            GitStarted { dir, branch } => format!(
                "已在 {dir} 创建 git 仓库，分支是 {branch}（CI 配置文件从这个分支发布）。还没有提交任何内容：先把 CODEOWNERS 里的 @journal-editors 换成你们的编辑，再提交：\n  git add -A\n  git commit -m \"新的案例库\""
            ),
            GitAlreadyThere { dir, repo } => {
                format!("{dir} 已经在 git 仓库 {repo} 里，所以没有另外创建；案例库的历史就是那个仓库的历史。")
            }
            NoGit { dir, branch, error } => format!(
                "{}。案例库不用 git 也能构建，但每篇文章的修订记录、拉取请求与审阅者都要靠 git：{}到 {dir} 运行\n  git init -b {branch}",
                error.as_ref().map_or("没有安装 git，所以没有创建仓库".to_string(), |e| format!("git 无法创建仓库（{e}）")),
                if error.is_none() { "请安装 git，再" } else { "请" }
            ),
            NewEmptyTitle => "标题是空的；请用引号写标题，例如：casebook new case \"客户要求退回已拆封耳机\"".to_string(),
            NotAJournal { root } => format!(
                "{root} 不是案例库文件夹（没有 casebook.yaml，也没有 content/ 文件夹）；请在案例库文件夹里运行，或用 --root 指定"
            ),
            ResponseNeedsTo => "请用 --to 写这篇点评所回应的案例，例如：casebook new response \"点评：退货案例\" --to 客户要求退回已拆封耳机".to_string(),
            BadSectionFolder => "--section 必须是 content/ 下的文件夹名称，例如 cases".to_string(),
            AlreadyExists { path } => format!("{path} 已经存在，没有修改；请换一个标题"),
            NotWritten { why } => format!("{why}：没有写入任何文件"),
            Wrote { path } => format!("已写入 {path}。请填好各字段，完成后删掉 `draft: true`，再构建。"),
            NoPicks { period } => match period {
                Some(p) => format!("data/featured.yaml 里没有 {p} 的精选。"),
                None => "data/featured.yaml 里没有精选。".to_string(),
            },
            CouldNotWriteList => "无法输出列表".to_string(),
            RewardAuthor { name, author, team: Some(team) } => format!("{name}（{author}，{team}）"),
            RewardAuthor { name, author, team: None } => format!("{name}（{author}）"),
            RewardEditor { editor } => format!("编辑：{editor}"),
            RewardTotals => "合计".to_string(),
            CouldNotStartServer => "无法启动网页服务器".to_string(),
            CouldNotListen { address, error } => format!("无法在 {address} 监听：{error}；请用 --port 换一个端口"),
            CouldNotSetUpSocket => "无法设置监听的连接".to_string(),
            NoServerAddress => "服务器没有地址".to_string(),
            CouldNotWatch { path: Some(path) } => format!("无法监视 {path}"),
            CouldNotWatch { path: None } => "无法监视案例库的文件".to_string(),
            Serving { url } => format!("案例库网站在 {url}（按 Ctrl-C 停止）"),
            Exposed { bind, port, drafts, reach } => {
                let what = if *drafts { "整个网站，包括草稿（--drafts）" } else { "整个网站（草稿以外的所有文章）" };
                let who = match reach {
                    None => format!("任何能通过任一地址访问这台电脑 {port} 端口的人"),
                    Some(reach) => format!("任何能访问 {reach} 的人"),
                };
                format!(
                    "警告：--bind {bind} 会把{what}提供给{who}，而且不需要密码。他们打开 http://<这台电脑的地址>:{port}/ 即可（要让他们用电脑名称访问，请加上 --allow-host 名称）。只给这台电脑看的话，请去掉 --bind。"
                )
            }
            ServeBuilt { articles, millis: [all, load, markdown, graph, pages, search] } => format!(
                "已构建 {articles} 篇文章，耗时 {all} 毫秒（读取 {load}、Markdown {markdown}、链接与相关文章 {graph}、页面 {pages}、搜索 {search}）。"
            ),
            DraftsNotShown { count } => format!(
                "有 {count} 篇草稿没有显示（开头设置区有 `draft: true` 的文章，`casebook new` 写的就是草稿）；加上 --drafts 启动就能看到。"
            ),
            LastGoodSite => "仍在提供上一次成功构建的网站；请修改上面的问题后再保存。".to_string(),
            OpenInBrowser { url } => format!("请在浏览器打开 {url}。"),
            NoSuchPage => "找不到这一页".to_string(),
            NoSuchPageYet => "找不到这一页；如果网站还没构建好，问题会列在下方。".to_string(),
            OverlayHeading => "这次保存有问题，网站仍显示上一次成功的版本：".to_string(),
            OverlayUpdated { errors, warnings } => format!(
                "页面已更新，还有 {errors} 个错误、{warnings} 个警告要处理；有错误时 casebook check 不会通过："
            ),
            OverlayNoSiteYet => "还没有成功的版本：修改下列问题之前，网站无法构建。修改后再保存一次：".to_string(),
            ArticleNotShown { file } => format!("{file} 要先修改下列问题才能显示；修改后再保存一次。"),
            PreviewAroundErrors => {
                "页面已避开上面的问题照常生成：失效的链接已标出，无法显示的文章会列出它的问题。".to_string()
            }
        }
    }
}

/// `1 draft`, `2 drafts`: a count with the English noun in its form.
pub(super) fn english_count(count: usize, one: &str, many: &str) -> String {
    match count {
        1 => format!("1 {one}"),
        _ => format!("{count} {many}"),
    }
}

fn cache_place_en(why: &CachePlace) -> String {
    match why {
        CachePlace::InOutput { output } => {
            format!("is inside the output folder {output}, which every build replaces whole and which is published")
        }
        CachePlace::InJournalFolder { folder } => {
            format!("is inside the journal's {folder}/ folder, whose files casebook reads or publishes")
        }
        CachePlace::Link => "is a symbolic link".to_string(),
    }
}

fn cache_place_hant(why: &CachePlace) -> String {
    match why {
        CachePlace::InOutput { output } => format!("在輸出資料夾 {output} 裡面，每次建置都會整個換掉，也會公開"),
        CachePlace::InJournalFolder { folder } => {
            format!("在日誌的 {folder}/ 資料夾裡面，casebook 會讀取或公開那裡的檔案")
        }
        CachePlace::Link => "是一個符號連結".to_string(),
    }
}

fn cache_place_hans(why: &CachePlace) -> String {
    match why {
        CachePlace::InOutput { output } => format!("在输出文件夹 {output} 里面，每次构建都会整个替换，也会公开"),
        CachePlace::InJournalFolder { folder } => {
            format!("在日志的 {folder}/ 文件夹里面，casebook 会读取或公开那里的文件")
        }
        CachePlace::Link => "是一个符号链接".to_string(),
    }
}
