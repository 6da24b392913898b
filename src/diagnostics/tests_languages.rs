//! The catalogue in three languages: every kind has words in each (the
//! completeness test), the Chinese ones are Chinese in the right script and
//! the right words, and the formats keep their shape in every language.

use super::format::{count_line, github_annotation, json_line};
use super::tests::examples;
use super::*;

/// Characters that differ between the scripts: (Traditional, Simplified).
const SCRIPT_PAIRS: &[(char, char)] = &[
    ('這', '这'),
    ('個', '个'),
    ('為', '为'),
    ('請', '请'),
    ('們', '们'),
    ('會', '会'),
    ('數', '数'),
    ('寫', '写'),
    ('標', '标'),
    ('題', '题'),
    ('頁', '页'),
    ('錯', '错'),
    ('誤', '误'),
    ('設', '设'),
    ('檔', '档'),
    ('連', '连'),
    ('結', '结'),
    ('與', '与'),
    ('資', '资'),
    ('開', '开'),
    ('還', '还'),
    ('從', '从'),
    ('變', '变'),
    ('讀', '读'),
    ('過', '过'),
    ('說', '说'),
    ('時', '时'),
    ('網', '网'),
    ('顯', '显'),
    ('選', '选'),
    ('刪', '删'),
    ('執', '执'),
    ('檢', '检'),
    ('號', '号'),
    ('電', '电'),
    ('單', '单'),
    ('圖', '图'),
    ('層', '层'),
    ('見', '见'),
    ('處', '处'),
    ('歷', '历'),
    ('發', '发'),
    ('無', '无'),
    ('沒', '没'),
    ('給', '给'),
    ('機', '机'),
];

/// Words a Taiwan writer would not use in Traditional, and a mainland
/// writer would not use in Simplified (a character-by-character
/// conversion leaves these behind).
const NOT_TAIWAN: &[&str] = &["文件", "設置", "鏈接", "數據", "默認", "信息", "構建", "文件夾", "項目"];
const NOT_MAINLAND: &[&str] =
    &["档案", "资料夹", "设定", "连结", "程式", "预设", "讯息", "网路", "建置", "透过", "清单"];

fn cjk(text: &str) -> std::collections::BTreeSet<char> {
    text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect()
}

/// What a message says in its own words: the Chinese characters it has
/// that the English one (which holds the same values) has not.
fn own_words(message: &str, english: &str) -> String {
    let given = cjk(english);
    message.chars().filter(|c| !given.contains(c)).collect()
}

fn check_chinese(lang: Lang, said: &str, english: &str, what: &str) {
    assert!(!said.is_empty() && !said.ends_with(' ') && said != english, "{what} in {lang:?}: {said:?}");
    let own = own_words(said, english);
    assert!(!cjk(&own).is_empty(), "{what} in {lang:?} is not in Chinese: {said:?}");
    for (trad, simp) in SCRIPT_PAIRS {
        let wrong = if lang == Lang::Hant { simp } else { trad };
        assert!(!own.contains(*wrong), "{what} in {lang:?} has `{wrong}`: {said}");
    }
    let (words, place) = if lang == Lang::Hant { (NOT_TAIWAN, "Taiwan") } else { (NOT_MAINLAND, "mainland") };
    for word in words {
        assert!(
            !said.contains(word) || english.contains(word),
            "{what} in {lang:?}: `{word}` is not {place} usage: {said}"
        );
    }
}

#[test]
fn every_kind_has_words_in_every_language() {
    for p in examples() {
        let english = p.message_in(Lang::En);
        assert_eq!(english, p.message(), "{p:?}");
        assert!(!english.is_empty() && !english.ends_with(' '), "{p:?}");
        for lang in [Lang::Hant, Lang::Hans] {
            check_chinese(lang, &p.message_in(lang), &english, p.kind());
        }
    }
}

#[test]
fn the_completeness_test_fails_on_a_message_left_in_english_or_the_other_script() {
    let english = "the front matter has no `title`";
    let fails =
        |lang, said: &'static str| std::panic::catch_unwind(|| check_chinese(lang, said, english, "test")).is_err();
    assert!(fails(Lang::Hant, english));
    assert!(fails(Lang::Hant, "开头设置区没有 `title`"));
    assert!(fails(Lang::Hans, "開頭設定區沒有 `title`"));
    assert!(fails(Lang::Hans, "开头设定区没有 `title`"));
    assert!(!fails(Lang::Hant, "開頭設定區沒有 `title`"));
    assert!(!fails(Lang::Hans, "开头设置区没有 `title`"));
}

/// One of each line the command line says.
fn said_examples() -> Vec<Said> {
    use super::console::{CachePlace, CacheUnused};
    use Said::*;
    let s = |t: &str| t.to_string();
    vec![
        ErrorPrefix,
        UnknownLanguage { written: s("fr"), using: Lang::Hant },
        NoJournalFolder { dir: s("journal") },
        WaitingForBuild { output: s("public"), lock: s("public.lock") },
        Building { root: s(".") },
        NothingWritten { output: s("public") },
        RemovedLeftovers { names: s("public.new") },
        DraftsLeftOut { count: 2 },
        Built { articles: 3, files: 40, output: s("public"), seconds: [0.5; 7], terms: 9, shards: 1 },
        FilesLeftOut { count: 1 },
        OutputIsRoot { suggestion: s("/j/public") },
        OutputHoldsJournal { output: s("/j"), suggestion: s("/j/public") },
        OutputInContent { output: s("/j/content/x") },
        OutputIsInputFolder { output: s("/j/data"), folder: s("data") },
        OutputIsAFile { output: s("/j/x") },
        OutputNotOurs { output: s("/j/x") },
        InTheWay { path: s("/j/.public.casebook-new-1") },
        ExportDirAndSite { dir: s("/j/public/x"), output: s("/j/public") },
        ExportDirNotOurs { dir: s("/srv/x") },
        SearchExported { documents: 3, files: 5, dir: s("/j/public/search/export") },
        CacheIgnored { path: s("/j/.casebook-cache/build.bin"), why: CacheUnused::OtherKey },
        CacheIgnored { path: s("/j/.casebook-cache/build.bin"), why: CacheUnused::Damaged },
        CacheIgnored { path: s("/j/.casebook-cache/build.bin"), why: CacheUnused::TooLarge },
        CacheIgnored { path: s("/j/.casebook-cache/build.bin"), why: CacheUnused::Unreadable(s("permission denied")) },
        CacheDirRefused { dir: s("/j/public/c"), why: CachePlace::InOutput { output: s("/j/public") } },
        CacheDirRefused { dir: s("/j/content/c"), why: CachePlace::InJournalFolder { folder: s("content") } },
        CacheDirSkipped { dir: s("/j/.casebook-cache"), why: CachePlace::Link },
        CacheNotSaved { dir: s("/j/.casebook-cache"), error: s("read-only") },
        UnknownIgnoredKind { kind: s("links/"), suggestion: Some(s("link/")) },
        UnknownIgnoredKind { kind: s("zzz"), suggestion: None },
        NoProblems { articles: 3, warnings: true },
        NoProblems { articles: 3, warnings: false },
        GitFailed { args: s("diff"), stderr: s("fatal: bad revision") },
        NoSourceFolder { dir: s("old") },
        WouldOverwrite { journal: s("j") },
        NothingImported,
        BuildItWith { journal: s("j") },
        SourceUnreadable { dir: s("blog"), error: s("permission denied") },
        JournalInsideSource { journal: s("blog/j"), source: s("/home/a/blog") },
        SourceInsideJournal { source: s("/home/a/j/content/blog") },
        JournalIsLink { journal: s("j") },
        JournalIsFile { journal: s("j") },
        NotAJournalFolder { journal: s("j") },
        NotInsideJournal { path: s("../x.md") },
        WriteThroughLink { path: s("content/a.md"), link: s("j/content") },
        AlreadyAJournal { dir: s("j"), existing: s("casebook.yaml") },
        CouldNotCreate { path: s("content") },
        CouldNotWrite { path: s("content/a.md") },
        JournalReady { dir: s("j") },
        GitStarted { dir: s("j"), branch: s("main") },
        GitAlreadyThere { dir: s("team/j"), repo: s("/home/a/team") },
        NoGit { dir: s("j"), branch: s("main"), error: None },
        NoGit { dir: s("j"), branch: s("main"), error: Some(s("fatal: cannot mkdir .git")) },
        NewEmptyTitle,
        NotAJournal { root: s(".") },
        ResponseNeedsTo,
        BadSectionFolder,
        AlreadyExists { path: s("content/cases/a.md") },
        NotWritten { why: s("archetypes/case.md: error") },
        Wrote { path: s("content/cases/a.md") },
        NoPicks { period: Some(s("2026-11")) },
        NoPicks { period: None },
        CouldNotWriteList,
        RewardEditor { editor: s("lin-yating") },
        RewardTotals,
        CouldNotStartServer,
        CouldNotListen { address: s("127.0.0.1:1111"), error: s("Address in use") },
        CouldNotSetUpSocket,
        NoServerAddress,
        CouldNotWatch { path: Some(s("content")) },
        CouldNotWatch { path: None },
        Serving { url: s("http://127.0.0.1:1111/") },
        Exposed { bind: s("0.0.0.0"), port: 1111, drafts: true, reach: None },
        Exposed { bind: s("10.0.0.2"), port: 1111, drafts: false, reach: Some(s("10.0.0.2:1111")) },
        ServeBuilt { articles: 3, millis: [5; 6] },
        DraftsNotShown { count: 1 },
        LastGoodSite,
        OpenInBrowser { url: s("http://127.0.0.1:1111/") },
        NoSuchPage,
        NoSuchPageYet,
        OverlayHeading,
        // issue 18 (preview)
        OverlayUpdated { errors: 1, warnings: 2 },
        OverlayNoSiteYet,
        ArticleNotShown { file: s("content/cases/退貨.md") },
        PreviewAroundErrors,
    ]
}

#[test]
fn every_line_of_the_command_line_has_words_in_every_language() {
    for said in said_examples() {
        let english = said.words(Lang::En);
        assert!(!english.trim().is_empty(), "{said:?}");
        for lang in [Lang::Hant, Lang::Hans] {
            let words = said.words(lang);
            check_chinese(lang, words.trim_end(), &english, &format!("{said:?}"));
        }
    }
}

#[test]
fn messages_read_naturally_in_each_language() {
    let cases = [
        (
            Problem::MissingTitle,
            "開頭設定區沒有 `title`；請加一行，例如 `title: 客戶要求退回已拆封耳機`",
            "开头设置区没有 `title`；请加一行，例如 `title: 客户要求退回已拆封耳机`",
        ),
        (
            Problem::BrokenLink { why: LinkProblem::NoSuchName { name: "退貨".into(), suggestion: None } },
            "連結失效：沒有文章的標題或 slug 是 `退貨`",
            "链接失效：没有文章的标题或 slug 是 `退貨`",
        ),
        (
            Problem::CustomerData { data: CustomerData::MobilePhone, masked: "0912-***-678".into(), markdown: true },
            "這看起來像客戶的手機號碼（0912-***-678）；請刪除或遮蔽，如果不是客戶資料，請在這一行最後加上 <!-- casebook:allow-pii -->（在開頭設定區裡則加 # casebook:allow-pii）",
            "这看起来像客户的手机号码（0912-***-678）；请删除或打码，如果不是客户数据，请在这一行最后加上 <!-- casebook:allow-pii -->（在开头设置区里则加 # casebook:allow-pii）",
        ),
    ];
    for (p, hant, hans) in cases {
        assert_eq!(p.message_in(Lang::Hant), hant);
        assert_eq!(p.message_in(Lang::Hans), hans);
    }
}

#[test]
fn formats_keep_their_shape_in_every_language() {
    let d = Diagnostic::error("content/cases/退貨.md", 3, 8, Problem::MissingTitle);
    assert_eq!(d.human(Lang::Hant), format!("content/cases/退貨.md:3:8: 錯誤：{}", d.message_in(Lang::Hant)));
    assert_eq!(d.human(Lang::Hans), format!("content/cases/退貨.md:3:8: 错误：{}", d.message_in(Lang::Hans)));
    assert_eq!(d.human(Lang::En), d.to_string());
    let w = Diagnostic::warning("casebook.yaml", 0, 0, Problem::BadPaginate);
    assert!(w.human(Lang::Hant).starts_with("casebook.yaml: 警告："));
    assert_eq!(
        count_line(&[d.clone(), w.clone()], Lang::Hant).as_deref(),
        Some("發現 1 個錯誤、1 個警告；請修正上面各行後重新建置。")
    );
    assert_eq!(
        count_line(&[d.clone(), w], Lang::Hans).as_deref(),
        Some("发现 1 个错误、1 个警告；请修改上面各行后重新构建。")
    );
    // A tool reads the same kind, severity and fields in every language.
    assert_eq!(
        github_annotation(&d, Lang::Hans),
        format!(
            "::error file=content/cases/退貨.md,line=3,col=8,title=front-matter/missing-title::{}",
            d.message_in(Lang::Hans)
        )
    );
    let json: serde_json::Value = serde_json::from_str(&json_line(&d, Lang::Hant)).unwrap();
    assert_eq!(json["severity"], "error");
    assert_eq!(json["kind"], "front-matter/missing-title");
    assert_eq!(json["message"], d.message_in(Lang::Hant).as_str());
}

#[test]
fn every_line_of_an_import_report_has_words_in_every_language() {
    use super::imported::{AddressTaken, ImportSaid, Todo};
    let s = |t: &str| t.to_string();
    let todos = [
        Todo::NotInSummary,
        Todo::DateNotUnderstood { key: s("date"), written: s("昨天") },
        Todo::NoDate,
        Todo::NotAFileOfSource { address: s("img/a.png") },
        Todo::ActiveDrawing { address: s("a.svg"), what: SvgContent::Element(s("script")) },
        Todo::ActiveDrawing { address: s("a.svg"), what: SvgContent::Address(s("javascript:")) },
        Todo::ActiveDrawing { address: s("a.svg"), what: SvgContent::EventAttribute(s("onload")) },
        Todo::ActiveDrawing { address: s("a.svg"), what: SvgContent::CharacterReferences },
        Todo::TemplateCode { code: s("{% youtube abc %}") },
        Todo::Unreadable { error: s("permission denied") },
        Todo::FrontMatterUnreadable { why: s("the front matter is never closed") },
        Todo::OldAddressLeftOut { address: s("/a/"), why: AddressTaken::ByAnotherArticle },
        Todo::OldAddressLeftOut { address: s("/a/"), why: AddressTaken::ByCasebook },
        Todo::OldAddressLeftOut { address: s("/a/"), why: AddressTaken::ByAnEarlierArticle },
        Todo::ChinaTimeAssumed,
        Todo::HexoIdNotKept { pattern: s(":year/:id/") },
        Todo::HtmlPage,
        Todo::LeadsOutside { address: s("../../secret.png") },
        Todo::TooLarge { kb: 2048, limit_kb: 1024 },
        Todo::NotRead { problem: Box::new(super::Problem::NotUtf8) },
    ];
    for todo in todos {
        let english = todo.words(Lang::En);
        for lang in [Lang::Hant, Lang::Hans] {
            check_chinese(lang, &todo.words(lang), &english, &format!("{todo:?}"));
        }
    }
    let said = [
        ImportSaid::Imported { articles: 3, from: s("Hexo"), journal: s("j"), copied: 2 },
        ImportSaid::FieldsMapped { counts: None },
        ImportSaid::FieldsMapped { counts: Some(s("title 3")) },
        ImportSaid::Converted { counts: s("raw <img> 1") },
        ImportSaid::FieldsDropped { counts: s("layout 3") },
        ImportSaid::FilesLeftOut { counts: s("HTML rendered from R Markdown 2") },
        ImportSaid::NothingForAPerson,
        ImportSaid::ForAPerson { count: 2 },
    ];
    for line in said {
        let english = line.words(Lang::En);
        for lang in [Lang::Hant, Lang::Hans] {
            check_chinese(lang, &line.words(lang), &english, &format!("{line:?}"));
        }
    }
}

#[test]
fn every_label_of_an_import_report_has_words_in_every_language() {
    use super::imported::{Conversion, LeftOut};
    // A new kind of conversion stops this match until it is listed in ALL.
    let index = |c: Conversion| match c {
        Conversion::RMarkdown => 0,
        Conversion::IndexAsSection => 1,
        Conversion::PageRelativeLink => 2,
        Conversion::RawImg => 3,
        Conversion::AssetImg => 4,
        Conversion::Hint => 5,
        Conversion::PostLink => 6,
        Conversion::PostUrl => 7,
        Conversion::Figure => 8,
        Conversion::Ref => 9,
    };
    for (i, c) in Conversion::ALL.into_iter().enumerate() {
        assert_eq!(index(c), i, "{c:?}");
        let english = c.words(Lang::En);
        for lang in [Lang::Hant, Lang::Hans] {
            if english.starts_with('{') {
                // The source tool's template tags read as written.
                assert_eq!(c.words(lang), english, "{c:?} in {lang:?}");
            } else {
                check_chinese(lang, c.words(lang), english, &format!("{c:?}"));
            }
        }
    }
    for w in LeftOut::ALL {
        // A new reason stops this match until it is listed in ALL.
        match w {
            LeftOut::RenderedHtml | LeftOut::RMarkdownBesideRendered => {}
        }
        for lang in [Lang::Hant, Lang::Hans] {
            check_chinese(lang, w.words(lang), w.words(Lang::En), &format!("{w:?}"));
        }
    }
    // The report lists labels in the order of their English words, in
    // every language (the order English reports always had).
    let english: Vec<&str> = Conversion::ALL.iter().map(|c| c.words(Lang::En)).collect();
    assert!(english.windows(2).all(|w| w[0] < w[1]) && Conversion::ALL.windows(2).all(|w| w[0] < w[1]));
    let english: Vec<&str> = LeftOut::ALL.iter().map(|w| w.words(Lang::En)).collect();
    assert!(english.windows(2).all(|w| w[0] < w[1]) && LeftOut::ALL.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn every_line_of_the_rewards_command_has_words_in_every_language() {
    use super::rewarded::{RewardSaid, AWARD_COLUMNS, CANDIDATE_COLUMNS};
    let s = |t: &str| t.to_string();
    let mut said: Vec<RewardSaid> = AWARD_COLUMNS.iter().map(|&c| RewardSaid::Column(c)).collect();
    said.extend(CANDIDATE_COLUMNS.iter().map(|&c| RewardSaid::CandidateColumn(c)));
    said.extend([
        RewardSaid::PeriodTotal { period: s("2026-11") },
        RewardSaid::GrandTotal,
        RewardSaid::Prizes { count: 1 },
        RewardSaid::Prizes { count: 2 },
        RewardSaid::PerAuthor,
        RewardSaid::BaseUrlIsAPath { base_url: s("/") },
        RewardSaid::BadBaseUrl { given: s("intranet/journal") },
        RewardSaid::CandidatesFor { period: s("2026-11") },
        RewardSaid::NoCandidates { period: s("2026-11") },
        RewardSaid::NothingToRank,
    ]);
    for line in said {
        let english = line.words(Lang::En);
        for lang in [Lang::Hant, Lang::Hans] {
            // `#` is the same everywhere.
            if english != "#" {
                check_chinese(lang, &line.words(lang), &english, &format!("{line:?}"));
            }
        }
    }
}
