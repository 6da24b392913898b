//! Tests of the kinds, the words and the three formats.

use super::format::{count_line, github_annotation, json_line};
use super::problem::*;
use super::values::*;
use super::*;

fn s(text: &str) -> String {
    text.to_string()
}

fn link(outside: bool) -> LinkTarget {
    LinkTarget { target: s("/etc"), written: None, outside, exists: true }
}

/// One or more values of every variant (and of every kind).
pub(super) fn examples() -> Vec<Problem> {
    use Problem::*;
    let why = |w: LinkProblem| BrokenLink { why: w };
    vec![
        Unreadable { error: s("permission denied") },
        Removed,
        NotOpened { why: super::NotOpened::NowALink },
        NotOpened { why: super::NotOpened::NotAFile },
        NotOpened { why: super::NotOpened::BehindALink { real: s("/tmp/a.md") } },
        NotUtf8,
        ArticleTooLarge { kb: 4, limit_kb: 3 },
        DataTooLarge { kb: 4, limit_kb: 3 },
        ConfigTooLarge { kb: 4, limit_kb: 3 },
        SymlinkSkipped { link: link(false) },
        SymlinkOutside { link: link(true) },
        ConfigNotUtf8,
        UnknownSetting { key: s("titel"), suggestion: Some(s("title")), known: vec![s("title")] },
        UnknownSetting { key: s("zzz"), suggestion: None, known: vec![s("title"), s("theme")] },
        SettingWrongType { key: s("paginate"), wanted: Wanted::WholeNumber, found: s("ten") },
        BadBaseUrl { found: s("intranet") },
        BadSlugify { found: s("pinyin") },
        BadLinksSetting { found: s("maybe") },
        BadRawHtml { found: s("yes") },
        UnknownSearchField { field: s("x"), fields: vec![s("title")] },
        BadTimezone { found: s("Asia/Taipei") },
        BadPrivacyPattern { name: s("member"), error: s("unclosed group") },
        BadPaginate,
        BadLimit { key: s("data_kb") },
        BadSectionKind { section: s("cases"), found: s("story") },
        BadTaxonomy { key: s("page") },
        BadThemeName { theme: s("../x") },
        ThemeNotFound { theme: s("dark") },
        YamlTooDeep { max: 64 },
        YamlAliasLoop { name: s("a") },
        YamlAliasTooLarge { name: s("a"), kb: 64 },
        YamlUnclosedQuote,
        YamlUnclosedList,
        YamlUnclosedBrace,
        YamlDuplicateKey { key: s("title") },
        YamlColonInValue { parser: s("mapping values are not allowed in this context") },
        YamlBadIndentation { parser: s("did not find expected key") },
        YamlReservedCharacter { parser: s("found character that cannot start any token") },
        YamlUnreadable { parser: s("invalid trailing content") },
        EmptyFile,
        NoFrontMatter,
        FrontMatterUnclosed,
        FullWidthColon { key: s("title") },
        NoSpaceAfterColon { key: s("channel"), value: s("phone") },
        SpecialFirstCharacter { key: s("title"), first: '[', value: s("[急件] \"耳機\"") },
        FrontMatterNotFields,
        EmptyTitle,
        MissingTitle,
        MissingDate,
        BadKind { found: s("story") },
        BadDraft { found: Found::Value(s("yes")) },
        EmptyRespondsTo,
        BadSatisfaction { found: 9 },
        UnknownCompetency { name: s("溝通"), suggestion: None, all: vec![s("甲"), s("乙")] },
        MisspelledField { key: s("chanel"), known: s("channel") },
        CommentInValue { key: s("title"), raw: s("#3 耳機"), kept: None },
        CommentInValue { key: s("title"), raw: s("耳機 #3"), kept: Some(s("耳機")) },
        NotText { key: s("title"), found: Found::List },
        NotAList { key: s("tags"), found: Found::Fields },
        BadListItem { key: s("tags"), found: Found::List },
        NotAllowed { key: s("channel"), value: s("fone"), suggestion: Some(s("phone")), allowed: vec![s("phone")] },
        NotANumber { key: s("series_order"), found: Found::Value(s("three")) },
        ImpossibleDate { key: s("date"), written: s("2026-02-30"), why: DateError::NoDay { month: 2, day: s("30") } },
        BadDate { key: s("date"), found: Found::Value(s("22/11/2026")) },
        RespondsToItself,
        RespondsToNotFound { why: LinkProblem::NoSuchName { name: s("退貨"), suggestion: None } },
        SlugTooLong { bytes: 300, max: 255 },
        NameTooLong { bytes: 300, max: 255, folder: true },
        AddressTaken { prefix: s("cases/"), wanted: s("a"), given: s("a-2") },
        NoContentFolder,
        SameTermAddress {
            other: s("AI"),
            name: s("ai"),
            taxonomy: s("tags"),
            slug: s("ai"),
            published: s("ai-2"),
            title: s("標籤"),
        },
        AuthorBadField { parser: s("unknown field `nmae`") },
        AuthorBadId { id: s("..") },
        TagsBadField { parser: s("unknown field `tag`") },
        TagInTwoPlaces { spelling: s("退款"), other: s("退貨"), name: s("退費") },
        TagNotListed { tag: s("退貨"), suggestion: None, file: s("data/tags.yaml") },
        PicksNotPeriods,
        BadPeriod { period: s("2026-13") },
        PeriodNotAList { period: s("2026-11") },
        PickNotFields,
        PickBadArticle,
        PickUnknownField { field: s("why") },
        PickNoArticle,
        AwardBadShape,
        AwardIncomplete,
        AwardDecimals { found: Found::Value(s("0.125")) },
        AwardNegative { found: Found::Value(s("-5")) },
        AwardNotANumber { found: Found::Value(s("abc")) },
        PickArticleNotFound { period: s("2026-11"), why: LinkProblem::OutsideContent { name: s("../a.md") } },
        PickRepeated { period: s("2026-11"), first_line: 2 },
        PickNoEditor,
        UnknownEditor { name: s("tsai") },
        HeadingWithoutSpace { text: s("##背景"), fixed: s("## 背景") },
        BoldNotRead,
        DuplicateHeading { id: s("背景-2") },
        UnsafeLinkAddress { address: s("javascript:x"), image: true },
        HtmlRemovedWithContent { tag: s("script") },
        HtmlTagRemoved { tag: s("font") },
        HtmlEventAttribute { tag: s("img"), attr: s("onerror") },
        HtmlAttributeRemoved { tag: s("img"), attr: s("srcset") },
        HtmlAddressRemoved { tag: s("a"), attr: s("href"), address: s("javascript:x") },
        HtmlStyleRemoved { tag: s("p") },
        HtmlClassRemoved { tag: s("p"), value: s("big") },
        why(LinkProblem::OutsideContent { name: s("../a.md") }),
        why(LinkProblem::ClimbsOut { path: s("../../a.md") }),
        why(LinkProblem::AmbiguousTitle {
            name: s("退貨"),
            sources: vec![s("a.md"), s("b.md")],
            example: s("cases/a"),
        }),
        why(LinkProblem::AmbiguousSlug { name: s("a"), sources: vec![s("a.md"), s("b.md")], example: s("cases/a") }),
        why(LinkProblem::NoSuchName { name: s("退貨"), suggestion: Some(s("退貨-耳機")) }),
        why(LinkProblem::MissingFile { written: s("a.md"), resolved: s("cases/a.md"), suggestion: None }),
        why(LinkProblem::ThroughSymlink {
            written: s("x/a.md"),
            resolved: s("x/a.md"),
            at: Some(s("content/x")),
            link: Box::new(link(true)),
        }),
        why(LinkProblem::NoHeading { source: s("a.md"), wanted: s("x"), suggestion: None, headings: vec![], more: 0 }),
        why(LinkProblem::NoHeading {
            source: s("a.md"),
            wanted: s("x"),
            suggestion: None,
            headings: vec![s("背景"), s("結果")],
            more: 0,
        }),
        why(LinkProblem::NoHeading {
            source: s("a.md"),
            wanted: s("x"),
            suggestion: None,
            headings: vec![s("a"), s("b"), s("c"), s("d"), s("e")],
            more: 35,
        }),
        ActiveSvg { what: SvgContent::EventAttribute(s("onload")) },
        ShallowClone,
        TemplateInvalid { detail: s("unexpected `}`") },
        TemplateFailed {
            detail: s("Variable `article.extra.ticket` not found"),
            page: Some(PageOf { source: s("content/cases/a.md"), missing_field: Some(s("ticket")) }),
            others: 2,
        },
        UnwritablePath { path: s("a/../b"), why: PathProblem::TooLong { bytes: 3201, max: 3072 } },
        UnwritablePath { path: s("a/../b"), why: PathProblem::BadFolderName { part: s("..") } },
        UnwritablePath { path: s("a"), why: PathProblem::NameTooLong { part: s("a"), bytes: 300, max: 255 } },
        FileWhereFolderNeeded { file: s("cases/a"), inside: s("cases/a/index.html"), from: None },
        InsideAFile { inside: s("cases/a/x.png"), file: s("cases/a"), from: Some(s("content/cases/a")) },
        MissingSections {
            missing: s("結果"),
            like: None,
            after: Some(s("背景")),
            before: None,
            all: vec![s("背景"), s("結果")],
        },
        MissingSections {
            missing: s("結果"),
            like: Some(s("## 結論")),
            after: None,
            before: None,
            all: vec![s("背景"), s("結果")],
        },
        MissingSections {
            missing: s("背景"),
            like: None,
            after: None,
            before: Some(s("結果")),
            all: vec![s("背景"), s("結果")],
        },
        MissingSections { missing: s("背景"), like: None, after: None, before: None, all: vec![s("背景")] },
        MisspelledAllowMarker {
            written: s("casebook:allowpii"),
            meant: s("casebook:allow-pii"),
            in_front_matter: true,
        },
        CustomerData { data: super::CustomerData::MobilePhone, masked: s("0912***678"), markdown: true },
        CustomerData { data: super::CustomerData::Landline, masked: s("(02)****-6789"), markdown: false },
        CustomerData { data: super::CustomerData::Email, masked: s("a***@example.com"), markdown: true },
        CustomerData { data: super::CustomerData::ResidentId, masked: s("A1*****789"), markdown: true },
        CustomerData { data: super::CustomerData::BankCard, masked: s("6222 **** **** 1234"), markdown: true },
        CustomerData { data: super::CustomerData::Custom(s("member number")), masked: s("VIP-**3456"), markdown: true },
        UncheckedFileType,
        TooLargeToCheck { kb: 2048, limit_kb: 1024 },
        // issue 15 (md)
        UnclosedCodeFence { fence: s("```") },
        MathShownAsWritten,
        // issue 15 (fm)
        LooseBoolean { key: s("draft"), written: s("yes"), meant: true },
        TitleFromHeading { title: s("退貨") },
        BackslashInQuotes { key: s("title"), value: s("C:\\Users\\me") },
        FrontMatterUnclosedToml,
        TomlUnreadable { parser: s("invalid string") },
        JsonUnreadable { parser: s("expected `,` or `}`") },
        SkippedFolder { folder: s("content/_posts"), markdown: 3, publish_as: s("posts") },
        // issue 15 (imp)
        BadAlias { alias: s("../x/") },
        AliasTaken { alias: s("/cases/a/"), by: s("content/cases/a.md") },
        ArticleSkipped { errors: 2 },
        // issue 15 (finish)
        why(LinkProblem::LeftOut { written: s("a.md"), source: s("content/cases/a.md") }),
        // issue 16 (msg)
        UnknownLanguage { found: s("chinese") },
        // issue 16 (help)
        UnknownInterfaceWord { key: s("zzz") },
        // issue 18 (setup)
        BadHistorySetting { found: s("maybe") },
        // issue 17 (ndjson)
        UnknownExportFormat { found: s("solr"), formats: vec![s("opensearch"), s("meilisearch")] },
        BadExportIndex { found: s("Casebook!") },
        // issue 18 (rewards)
        AwardAmbiguous { found: s("$20"), amount: s("20"), why: MoneyAmbiguity::Dollar },
        AwardAmbiguous { found: s("500元"), amount: s("500"), why: MoneyAmbiguity::Yuan },
        AwardAmbiguous { found: s("500"), amount: s("500"), why: MoneyAmbiguity::NoCurrency },
        AwardNotWhole { found: s("312.5 TWD"), currency: s("TWD"), whole: s("312") },
        AwardUnknownCurrency { found: s("元元") },
        SelfPick { editor: s("蔡宇涵"), article: s("三人合寫"), award: Some(s("1000 TWD")) },
        SelfPick { editor: s("蔡宇涵"), article: s("三人合寫"), award: None },
        // issue 18 (preview)
        Placeholder { text: s("說說你對這個案例的看法"), field: None },
        Placeholder { text: s("一兩句話說明這個案例。"), field: Some(s("summary")) },
    ]
}

/// Which variant `p` is: a match with no catch-all, so a new variant does
/// not compile until it is listed here, and then fails
/// [`every_variant_has_an_example`] until it has an example.
fn variant(p: &Problem) -> usize {
    use Problem::*;
    match p {
        Unreadable { .. } => 0,
        Removed => 1,
        NotOpened { .. } => 2,
        NotUtf8 => 3,
        ArticleTooLarge { .. } => 4,
        DataTooLarge { .. } => 5,
        ConfigTooLarge { .. } => 6,
        SymlinkSkipped { .. } => 7,
        SymlinkOutside { .. } => 8,
        ConfigNotUtf8 => 9,
        UnknownSetting { .. } => 10,
        SettingWrongType { .. } => 11,
        BadBaseUrl { .. } => 12,
        BadSlugify { .. } => 13,
        BadLinksSetting { .. } => 14,
        BadRawHtml { .. } => 15,
        UnknownSearchField { .. } => 16,
        BadTimezone { .. } => 17,
        BadPrivacyPattern { .. } => 18,
        BadPaginate => 19,
        BadLimit { .. } => 20,
        BadSectionKind { .. } => 21,
        BadTaxonomy { .. } => 22,
        BadThemeName { .. } => 23,
        ThemeNotFound { .. } => 24,
        YamlTooDeep { .. } => 25,
        YamlAliasLoop { .. } => 26,
        YamlAliasTooLarge { .. } => 27,
        YamlUnclosedQuote => 28,
        YamlUnclosedList => 29,
        YamlUnclosedBrace => 30,
        YamlDuplicateKey { .. } => 31,
        YamlColonInValue { .. } => 32,
        YamlBadIndentation { .. } => 33,
        YamlReservedCharacter { .. } => 34,
        YamlUnreadable { .. } => 35,
        EmptyFile => 36,
        NoFrontMatter => 37,
        FrontMatterUnclosed => 38,
        FullWidthColon { .. } => 39,
        NoSpaceAfterColon { .. } => 40,
        SpecialFirstCharacter { .. } => 41,
        FrontMatterNotFields => 42,
        EmptyTitle => 43,
        MissingTitle => 44,
        MissingDate => 45,
        BadKind { .. } => 46,
        BadDraft { .. } => 47,
        EmptyRespondsTo => 48,
        BadSatisfaction { .. } => 49,
        UnknownCompetency { .. } => 50,
        MisspelledField { .. } => 51,
        CommentInValue { .. } => 52,
        NotText { .. } => 53,
        NotAList { .. } => 54,
        BadListItem { .. } => 55,
        NotAllowed { .. } => 56,
        NotANumber { .. } => 57,
        ImpossibleDate { .. } => 58,
        BadDate { .. } => 59,
        RespondsToItself => 60,
        RespondsToNotFound { .. } => 61,
        SlugTooLong { .. } => 62,
        NameTooLong { .. } => 63,
        AddressTaken { .. } => 64,
        NoContentFolder => 65,
        SameTermAddress { .. } => 66,
        AuthorBadField { .. } => 67,
        AuthorBadId { .. } => 68,
        TagsBadField { .. } => 69,
        TagInTwoPlaces { .. } => 70,
        TagNotListed { .. } => 71,
        PicksNotPeriods => 72,
        BadPeriod { .. } => 73,
        PeriodNotAList { .. } => 74,
        PickNotFields => 75,
        PickBadArticle => 76,
        PickUnknownField { .. } => 77,
        PickNoArticle => 78,
        AwardBadShape => 79,
        AwardIncomplete => 80,
        AwardDecimals { .. } => 81,
        AwardNegative { .. } => 82,
        AwardNotANumber { .. } => 83,
        PickArticleNotFound { .. } => 84,
        PickRepeated { .. } => 85,
        PickNoEditor => 86,
        UnknownEditor { .. } => 87,
        HeadingWithoutSpace { .. } => 88,
        BoldNotRead => 89,
        DuplicateHeading { .. } => 90,
        UnsafeLinkAddress { .. } => 91,
        HtmlRemovedWithContent { .. } => 92,
        HtmlTagRemoved { .. } => 93,
        HtmlEventAttribute { .. } => 94,
        HtmlAttributeRemoved { .. } => 95,
        HtmlAddressRemoved { .. } => 96,
        HtmlStyleRemoved { .. } => 97,
        HtmlClassRemoved { .. } => 98,
        BrokenLink { .. } => 99,
        ActiveSvg { .. } => 100,
        ShallowClone => 101,
        TemplateInvalid { .. } => 102,
        TemplateFailed { .. } => 103,
        UnwritablePath { .. } => 104,
        FileWhereFolderNeeded { .. } => 105,
        InsideAFile { .. } => 106,
        MissingSections { .. } => 107,
        MisspelledAllowMarker { .. } => 108,
        CustomerData { .. } => 109,
        UncheckedFileType => 110,
        TooLargeToCheck { .. } => 111,
        // issue 15 (md)
        UnclosedCodeFence { .. } => 112,
        MathShownAsWritten => 113,
        // issue 15 (fm)
        LooseBoolean { .. } => 114,
        TitleFromHeading { .. } => 115,
        BackslashInQuotes { .. } => 116,
        FrontMatterUnclosedToml => 117,
        TomlUnreadable { .. } => 118,
        JsonUnreadable { .. } => 119,
        SkippedFolder { .. } => 120,
        // issue 15 (imp)
        BadAlias { .. } => 121,
        AliasTaken { .. } => 122,
        ArticleSkipped { .. } => 123,
        // issue 16 (msg)
        UnknownLanguage { .. } => 124,
        // issue 16 (help)
        UnknownInterfaceWord { .. } => 125,
        // issue 18 (setup)
        BadHistorySetting { .. } => 126,
        // issue 17 (ndjson)
        UnknownExportFormat { .. } => 127,
        BadExportIndex { .. } => 128,
        // issue 18 (rewards)
        AwardAmbiguous { .. } => 129,
        AwardNotWhole { .. } => 130,
        AwardUnknownCurrency { .. } => 131,
        SelfPick { .. } => 132,
        // issue 18 (preview)
        Placeholder { .. } => 133,
    }
}

const VARIANTS: usize = 134;

#[test]
fn every_variant_has_an_example() {
    let seen: std::collections::BTreeSet<usize> = examples().iter().map(variant).collect();
    let missing: Vec<usize> = (0..VARIANTS).filter(|i| !seen.contains(i)).collect();
    assert!(missing.is_empty(), "variants without an example: {missing:?}");
}

#[test]
fn kinds_are_unique_group_slash_name_and_all_listed() {
    let mut unique = std::collections::BTreeSet::new();
    for kind in Problem::ALL_KINDS {
        assert!(unique.insert(*kind), "{kind} is listed twice");
        let (group, name) = kind.split_once('/').unwrap_or_else(|| panic!("{kind} is not group/name"));
        for part in [group, name] {
            assert!(
                !part.is_empty()
                    && !part.starts_with('-')
                    && !part.ends_with('-')
                    && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{kind}: lowercase words joined by hyphens"
            );
        }
    }
    let made: std::collections::BTreeSet<&str> = examples().iter().map(Problem::kind).collect();
    assert_eq!(made, unique, "ALL_KINDS and the kinds the examples have differ");
}

#[test]
fn every_example_has_words() {
    for p in examples() {
        let m = p.message();
        assert!(!m.is_empty() && !m.ends_with(' '), "{p:?}: {m:?}");
    }
}

#[test]
fn words_are_made_from_the_values() {
    let cases = [
        (Problem::MissingTitle, "the front matter has no `title`; add a line like `title: 客戶要求退回已拆封耳機`"),
        (
            Problem::BadDate { key: s("date"), found: Found::Value(s("22/11/2026")) },
            "`date` must look like 2026-11-22 (year-month-day), found `22/11/2026`",
        ),
        (
            Problem::BadDate { key: s("date"), found: Found::List },
            "`date` must look like 2026-11-22 (year-month-day), found `a list`",
        ),
        (
            Problem::NotText { key: s("title"), found: Found::List },
            "`title` must be a single line of text (a title, like `title: 客戶要求退回已拆封耳機`), found a list",
        ),
        (
            Problem::SpecialFirstCharacter { key: s("title"), first: '[', value: s("[急件] \"耳機\"") },
            "the value of `title` starts with `[`, which has a special meaning in YAML; put the whole value in double quotes: title: \"[急件] \\\"耳機\\\"\"",
        ),
        (
            Problem::BrokenLink {
                why: LinkProblem::NoHeading {
                    source: s("a.md"),
                    wanted: s("x"),
                    suggestion: Some(s("y")),
                    headings: vec![],
                    more: 0,
                },
            },
            "broken link: a.md has no heading `#x`; did you mean `#y`?",
        ),
        (
            Problem::TemplateFailed { detail: s("boom"), page: None, others: 0 },
            "the template failed while making a page: boom",
        ),
        (
            Problem::MissingSections {
                missing: s("處理過程"),
                like: Some(s("## 處理經過")),
                after: None,
                before: None,
                all: vec![s("背景"), s("處理過程")],
            },
            "`## 處理經過` is not one of a case's sections; did you mean `## 處理過程`? A case has the sections 背景, 處理過程",
        ),
        (
            Problem::MissingSections {
                missing: s("結果"),
                like: None,
                after: Some(s("## 處理過程")),
                before: Some(s("## 根本原因")),
                all: vec![s("背景"), s("結果")],
            },
            "this case has no `## 結果` section; add it after the section `## 處理過程`, before `## 根本原因` (a case has the sections 背景, 結果, in this order)",
        ),
    ];
    for (p, want) in cases {
        assert_eq!(p.message(), want, "{p:?}");
    }
}

#[test]
fn human_lines_have_file_line_col() {
    let d = Diagnostic::error("content/cases/退貨.md", 3, 8, Problem::MissingTitle);
    assert_eq!(d.to_string(), format!("content/cases/退貨.md:3:8: error: {}", Problem::MissingTitle.message()));
    let d = Diagnostic::warning("casebook.yaml", 0, 0, Problem::BadPaginate);
    assert_eq!(d.to_string(), format!("casebook.yaml: warning: {}", Problem::BadPaginate.message()));
    let d = Diagnostic::warning("casebook.yaml", 2, 0, Problem::BadPaginate);
    assert!(d.to_string().starts_with("casebook.yaml:2: warning: "));
    assert_eq!(count_line(std::slice::from_ref(&d), Lang::En), None);
    let e = Diagnostic::error("a.md", 1, 1, Problem::MissingTitle);
    assert_eq!(
        count_line(&[e.clone(), d.clone()], Lang::En).as_deref(),
        Some("1 error and 1 warning found; fix the lines above and build again.")
    );
    assert_eq!(
        count_line(&[e.clone(), e, d.clone(), d], Lang::En).as_deref(),
        Some("2 errors and 2 warnings found; fix the lines above and build again.")
    );
}

#[test]
fn annotations_are_escaped_and_titled_with_the_kind() {
    let d = Diagnostic::error("content/cases/a,b.md", 3, 7, Problem::Unreadable { error: s("bad: 50%\nsecond line") });
    assert_eq!(
        github_annotation(&d, Lang::En),
        "::error file=content/cases/a%2Cb.md,line=3,col=7,title=file/unreadable::could not be read: bad: 50%25%0Asecond line"
    );
    let w = Diagnostic::warning("casebook.yaml", 0, 0, Problem::BadPaginate);
    assert!(github_annotation(&w, Lang::En).starts_with("::warning file=casebook.yaml,title=config/bad-paginate::"));
}

#[test]
fn json_lines_carry_the_kind() {
    let d = Diagnostic::error("content/cases/a,b.md", 3, 7, Problem::Unreadable { error: s("bad: 50%\nsecond line") });
    assert_eq!(
        json_line(&d, Lang::En),
        r#"{"column":7,"kind":"file/unreadable","line":3,"message":"could not be read: bad: 50%\nsecond line","path":"content/cases/a,b.md","severity":"error"}"#
    );
}

#[test]
fn sorted_by_place_then_words_and_repeats_dropped() {
    let mut all = Diagnostics::default();
    let at = |line, problem| Diagnostic::error("b.md", line, 1, problem);
    all.push(at(2, Problem::MissingTitle));
    all.push(at(1, Problem::NoFrontMatter));
    all.push(at(1, Problem::EmptyTitle));
    all.push(Diagnostic::warning("a.md", 9, 1, Problem::BoldNotRead));
    all.push(at(2, Problem::MissingTitle));
    let sorted: Vec<String> = all.into_sorted().iter().map(|d| format!("{}:{}", d.line, d.kind())).collect();
    // By path, line, then the words: "`title` is empty" before "the file does not start".
    assert_eq!(
        sorted,
        [
            "9:markdown/unread-bold",
            "1:front-matter/empty-title",
            "1:front-matter/missing",
            "2:front-matter/missing-title"
        ]
    );
}

#[test]
fn kinds_match_whole_or_by_group() {
    assert!(kind_matches("privacy/email", "privacy/"));
    assert!(kind_matches("privacy/email", "privacy/email"));
    assert!(!kind_matches("privacy/email", "privacy"));
    assert!(!kind_matches("privacy/email", "privacy/e"));
    assert!(Problem::is_kind_pattern("link/"));
    assert!(Problem::is_kind_pattern("link/broken-anchor"));
    assert!(!Problem::is_kind_pattern("links/"));
    let nowhere: Vec<&str> = examples().iter().filter(|p| p.leads_nowhere()).map(Problem::kind).collect();
    assert!(nowhere.contains(&"link/broken") && nowhere.contains(&"featured/article-not-found"), "{nowhere:?}");
    assert!(nowhere.iter().all(|k| k.starts_with("link/") || k.ends_with("not-found")), "{nowhere:?}");
}

#[test]
fn line_col_counts_characters() {
    let t = "ab\n退貨x";
    assert_eq!(line_col(t, 0), (1, 1));
    assert_eq!(line_col(t, 3), (2, 1));
    assert_eq!(line_col(t, 9), (2, 3));
}

#[test]
fn closest_suggests_typos_only() {
    let c = ["phone", "chat", "email", "social", "walk-in"];
    assert_eq!(closest("phon", c), Some("phone"));
    assert_eq!(closest("e-mail", c), Some("email"));
    assert_eq!(closest("zzzzzzzz", c), None);
}
