//! What a diagnostic is about: one [`Problem`] variant per kind of mistake,
//! carrying the plain values its message needs (names, values found,
//! suggestions), never words.
//!
//! Each problem has a stable kind, `group/name` in lowercase with hyphens
//! (`front-matter/missing-title`, `link/broken-anchor`): tools filter on it
//! (`check --ignore`), the JSON output and GitHub annotations name it, and
//! the words of each kind are made in one place from its values (see
//! [`super::english`]), so a stage builds a variant and never writes
//! message text.

use super::values::{
    CustomerData, DateError, Found, LinkProblem, LinkTarget, MoneyAmbiguity, NotOpened, PageOf, PathProblem,
    SvgContent, Wanted,
};

/// A problem found in a journal, with what its message needs.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Problem {
    // Reading files.
    /// An I/O error; `error` is the system's own text.
    Unreadable {
        error: String,
    },
    /// The file went away between listing and reading it.
    Removed,
    /// The file changed into something casebook does not read since it was listed.
    NotOpened {
        why: NotOpened,
    },
    NotUtf8,
    ArticleTooLarge {
        kb: u64,
        limit_kb: u64,
    },
    DataTooLarge {
        kb: u64,
        limit_kb: u64,
    },
    ConfigTooLarge {
        kb: u64,
        limit_kb: u64,
    },
    /// A symbolic link inside the journal that was skipped.
    SymlinkSkipped {
        link: LinkTarget,
    },
    /// A symbolic link leading outside the journal.
    SymlinkOutside {
        link: LinkTarget,
    },

    // casebook.yaml.
    ConfigNotUtf8,
    UnknownSetting {
        key: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    SettingWrongType {
        key: String,
        wanted: Wanted,
        found: String,
    },
    BadBaseUrl {
        found: String,
    },
    BadSlugify {
        found: String,
    },
    BadLinksSetting {
        found: String,
    },
    BadRawHtml {
        found: String,
    },
    UnknownSearchField {
        field: String,
        fields: Vec<String>,
    },
    BadTimezone {
        found: String,
    },
    /// `error` is the regex library's own text.
    BadPrivacyPattern {
        name: String,
        error: String,
    },
    BadPaginate,
    BadLimit {
        key: String,
    },
    BadSectionKind {
        section: String,
        found: String,
    },
    BadTaxonomy {
        key: String,
    },
    BadThemeName {
        theme: String,
    },
    ThemeNotFound {
        theme: String,
    },

    // YAML in any file. `parser` is the YAML parser's own text.
    YamlTooDeep {
        max: usize,
    },
    YamlAliasLoop {
        name: String,
    },
    YamlAliasTooLarge {
        name: String,
        kb: usize,
    },
    YamlUnclosedQuote,
    YamlUnclosedList,
    YamlUnclosedBrace,
    YamlDuplicateKey {
        key: String,
    },
    YamlColonInValue {
        parser: String,
    },
    YamlBadIndentation {
        parser: String,
    },
    YamlReservedCharacter {
        parser: String,
    },
    YamlUnreadable {
        parser: String,
    },

    // Front matter.
    EmptyFile,
    NoFrontMatter,
    FrontMatterUnclosed,
    FullWidthColon {
        key: String,
    },
    NoSpaceAfterColon {
        key: String,
        value: String,
    },
    SpecialFirstCharacter {
        key: String,
        first: char,
        value: String,
    },
    FrontMatterNotFields,
    EmptyTitle,
    MissingTitle,
    MissingDate,
    BadKind {
        found: String,
    },
    BadDraft {
        found: Found,
    },
    EmptyRespondsTo,
    BadSatisfaction {
        found: i64,
    },
    UnknownCompetency {
        name: String,
        suggestion: Option<String>,
        all: Vec<String>,
    },
    MisspelledField {
        key: String,
        known: String,
    },
    /// ` #` cut the value `raw`: to nothing (`kept` is `None`, an error) or after `kept`.
    CommentInValue {
        key: String,
        raw: String,
        kept: Option<String>,
    },
    /// Not a single line of text; what to write depends on `key`.
    NotText {
        key: String,
        found: Found,
    },
    NotAList {
        key: String,
        found: Found,
    },
    BadListItem {
        key: String,
        found: Found,
    },
    NotAllowed {
        key: String,
        value: String,
        suggestion: Option<String>,
        allowed: Vec<String>,
    },
    /// Not a whole number; which one depends on `key`.
    NotANumber {
        key: String,
        found: Found,
    },
    ImpossibleDate {
        key: String,
        written: String,
        why: DateError,
    },
    BadDate {
        key: String,
        found: Found,
    },
    RespondsToItself,
    RespondsToNotFound {
        why: LinkProblem,
    },

    // Addresses of articles and terms.
    SlugTooLong {
        bytes: usize,
        max: usize,
    },
    /// The file's (or, for an `index.md`, the folder's) name makes too long an address.
    NameTooLong {
        bytes: usize,
        max: usize,
        folder: bool,
    },
    /// Another article has `prefix` + `wanted`; this one got `prefix` + `given`.
    AddressTaken {
        prefix: String,
        wanted: String,
        given: String,
    },
    NoContentFolder,
    /// Two spellings of a term (`other`, `name`) slugify alike.
    SameTermAddress {
        other: String,
        name: String,
        taxonomy: String,
        slug: String,
        published: String,
        title: String,
    },

    // Data files.
    AuthorBadField {
        parser: String,
    },
    AuthorBadId {
        id: String,
    },
    TagsBadField {
        parser: String,
    },
    TagInTwoPlaces {
        spelling: String,
        other: String,
        name: String,
    },
    TagNotListed {
        tag: String,
        suggestion: Option<String>,
        file: String,
    },
    PicksNotPeriods,
    BadPeriod {
        period: String,
    },
    PeriodNotAList {
        period: String,
    },
    PickNotFields,
    PickBadArticle,
    PickUnknownField {
        field: String,
    },
    PickNoArticle,
    AwardBadShape,
    AwardIncomplete,
    AwardDecimals {
        found: Found,
    },
    AwardNegative {
        found: Found,
    },
    AwardNotANumber {
        found: Found,
    },
    PickArticleNotFound {
        period: String,
        why: LinkProblem,
    },
    PickRepeated {
        period: String,
        first_line: usize,
    },
    PickNoEditor,
    UnknownEditor {
        name: String,
    },

    // Markdown and raw HTML.
    HeadingWithoutSpace {
        text: String,
        fixed: String,
    },
    BoldNotRead,
    DuplicateHeading {
        id: String,
    },
    UnsafeLinkAddress {
        address: String,
        image: bool,
    },
    HtmlRemovedWithContent {
        tag: String,
    },
    HtmlTagRemoved {
        tag: String,
    },
    HtmlEventAttribute {
        tag: String,
        attr: String,
    },
    HtmlAttributeRemoved {
        tag: String,
        attr: String,
    },
    HtmlAddressRemoved {
        tag: String,
        attr: String,
        address: String,
    },
    HtmlStyleRemoved {
        tag: String,
    },
    HtmlClassRemoved {
        tag: String,
        value: String,
    },
    BrokenLink {
        why: LinkProblem,
    },
    ActiveSvg {
        what: SvgContent,
    },

    // The build.
    ShallowClone,
    /// `detail` is Tera's own text.
    TemplateInvalid {
        detail: String,
    },
    /// `detail` is Tera's own text; `page` the article page it failed on,
    /// `others` how many more article pages failed the same way.
    TemplateFailed {
        detail: String,
        page: Option<PageOf>,
        others: usize,
    },
    UnwritablePath {
        path: String,
        why: PathProblem,
    },
    /// This makes the file `file`, where `inside` (made `from`) needs a folder.
    FileWhereFolderNeeded {
        file: String,
        inside: String,
        from: Option<String>,
    },
    /// This makes `inside`, under `file` (made `from`), which is a file.
    InsideAFile {
        inside: String,
        file: String,
        from: Option<String>,
    },

    // `casebook check`.
    /// A case has no `## missing` section. `like`: the heading that looks
    /// like it (the problem is at that heading); else `after` and `before`:
    /// the headings around where it belongs (the problem is at `after`).
    MissingSections {
        missing: String,
        like: Option<String>,
        after: Option<String>,
        before: Option<String>,
        all: Vec<String>,
    },
    MisspelledAllowMarker {
        written: String,
        meant: String,
        in_front_matter: bool,
    },
    /// Customer data in an article (`markdown`) or another text file.
    CustomerData {
        data: CustomerData,
        masked: String,
        markdown: bool,
    },
    UncheckedFileType,
    TooLargeToCheck {
        kb: u64,
        limit_kb: u64,
    },
    // issue 15 (md)
    /// A code fence (`fence`, like ```` ``` ````) that no line closes.
    UnclosedCodeFence {
        fence: String,
    },
    /// Quotes or lists nested deeper than `limit` (`> > > …`): the deeper
    /// levels are shown at that depth.
    NestedTooDeep {
        limit: usize,
    },
    /// Math between `$` signs, said once per build.
    MathShownAsWritten,
    // issue 15 (fm)
    /// `draft: yes` or `draft: "false"`: read as `meant`, with what to write.
    LooseBoolean {
        key: String,
        written: String,
        meant: bool,
    },
    /// No `title:`; the first `# heading` was used.
    TitleFromHeading {
        title: String,
    },
    /// `"C:\Users"`: a backslash in double quotes starts an escape.
    BackslashInQuotes {
        key: String,
        value: String,
    },
    /// `+++` at the top with no closing `+++`.
    FrontMatterUnclosedToml,
    TomlUnreadable {
        parser: String,
    },
    JsonUnreadable {
        parser: String,
    },
    /// A `_` or `.` folder under content/ with `markdown` Markdown files,
    /// skipped; `publish_as` is the name it would be published under.
    SkippedFolder {
        folder: String,
        markdown: usize,
        publish_as: String,
    },
    // issue 15 (imp)
    /// An `aliases:` entry that cannot be an address of this site.
    BadAlias {
        alias: String,
    },
    /// An `aliases:` entry at an address another page already has.
    AliasTaken {
        alias: String,
        by: String,
    },
    /// `build --keep-going`: an article (or another file under content/) left out of the site for its errors.
    ArticleSkipped {
        errors: usize,
    },
    // issue 16 (msg)
    /// `language:` names none of the three languages casebook speaks.
    UnknownLanguage {
        found: String,
    },
    // issue 16 (help)
    /// A key under `strings:` (or in `i18n/<language>.yaml`) that is no
    /// interface word and close to none: the ~130 names would not help, the
    /// README's section does.
    UnknownInterfaceWord {
        key: String,
    },
    // issue 18 (setup)
    /// `history:` in casebook.yaml is neither `git` nor `off`.
    BadHistorySetting {
        found: String,
    },
    // issue 17 (ndjson)
    /// `search.export:` names an engine casebook does not write for.
    UnknownExportFormat {
        found: String,
        formats: Vec<String>,
    },
    /// `search.export_index:` is not a name both engines take as written.
    BadExportIndex {
        found: String,
    },
    // issue 18 (rewards)
    /// Money written so that it names no one currency (`$20`, `500 元`, a
    /// bare `500`); `amount` is its number, for what to write instead.
    AwardAmbiguous {
        found: String,
        amount: String,
        why: MoneyAmbiguity,
    },
    /// Decimals in a currency paid in whole units (TWD, JPY); `whole` is the amount without them.
    AwardNotWhole {
        found: String,
        currency: String,
        whole: String,
    },
    /// `{amount: 500, currency: …}` with something that is no currency.
    AwardUnknownCurrency {
        found: String,
    },
    /// The editor who picks an article is one of its authors (with the award, if any).
    SelfPick {
        editor: String,
        article: String,
        award: Option<String>,
    },
    // issue 18 (preview)
    /// Example text of the archetype the file was made from (`casebook new`),
    /// left as it was: `text` as written (cut), `field` the front-matter
    /// field it is in (`summary`), `None` in the text.
    Placeholder {
        text: String,
        field: Option<String>,
    },
}

impl Problem {
    /// Every kind [`Problem::kind`] returns.
    pub const ALL_KINDS: &'static [&'static str] = &[
        "file/unreadable",
        "file/removed",
        "file/now-a-link",
        "file/not-a-file",
        "file/behind-a-link",
        "file/not-utf8",
        "file/article-too-large",
        "file/data-too-large",
        "file/config-too-large",
        "symlink/skipped",
        "symlink/outside-journal",
        "config/not-utf8",
        "config/unknown-key",
        "config/wrong-type",
        "config/bad-base-url",
        "config/bad-slugify",
        "config/bad-links",
        "config/bad-raw-html",
        "config/unknown-search-field",
        "config/bad-timezone",
        "config/bad-privacy-pattern",
        "config/bad-paginate",
        "config/bad-limit",
        "config/bad-section-kind",
        "config/bad-taxonomy",
        "theme/bad-name",
        "theme/not-found",
        "yaml/too-deep",
        "yaml/alias-loop",
        "yaml/alias-too-large",
        "yaml/unclosed-quote",
        "yaml/unclosed-list",
        "yaml/unclosed-brace",
        "yaml/duplicate-key",
        "yaml/colon-in-value",
        "yaml/bad-indentation",
        "yaml/reserved-character",
        "yaml/syntax",
        "front-matter/empty-file",
        "front-matter/missing",
        "front-matter/unclosed",
        "front-matter/full-width-colon",
        "front-matter/no-space-after-colon",
        "front-matter/special-first-character",
        "front-matter/not-fields",
        "front-matter/empty-title",
        "front-matter/missing-title",
        "front-matter/missing-date",
        "front-matter/bad-kind",
        "front-matter/bad-draft",
        "front-matter/empty-responds-to",
        "front-matter/bad-satisfaction",
        "front-matter/unknown-competency",
        "front-matter/misspelled-field",
        "front-matter/comment-in-value",
        "front-matter/not-text",
        "front-matter/not-a-list",
        "front-matter/bad-list-item",
        "front-matter/unknown-value",
        "front-matter/not-a-number",
        "front-matter/impossible-date",
        "front-matter/bad-date",
        "front-matter/responds-to-itself",
        "front-matter/responds-to-not-found",
        "address/slug-too-long",
        "address/name-too-long",
        "address/taken",
        "content/no-folder",
        "taxonomy/same-address",
        "authors/bad-field",
        "authors/bad-id",
        "tags/bad-field",
        "tags/alias-conflict",
        "tags/not-listed",
        "featured/not-periods",
        "featured/bad-period",
        "featured/not-a-list",
        "featured/pick-not-fields",
        "featured/bad-article",
        "featured/unknown-field",
        "featured/missing-article",
        "featured/bad-award",
        "featured/award-incomplete",
        "featured/award-decimals",
        "featured/award-negative",
        "featured/award-not-a-number",
        "featured/article-not-found",
        "featured/duplicate-pick",
        "featured/missing-editor",
        "featured/unknown-editor",
        "markdown/heading-without-space",
        "markdown/unread-bold",
        "markdown/duplicate-heading",
        "markdown/unsafe-address",
        "html/removed-with-content",
        "html/removed-tag",
        "html/event-attribute",
        "html/removed-attribute",
        "html/unsafe-address",
        "html/removed-style",
        "html/removed-class",
        "link/outside-content",
        "link/ambiguous",
        "link/broken",
        "link/through-symlink",
        "link/broken-anchor",
        "svg/active-content",
        "git/shallow-clone",
        "template/invalid",
        "template/render-failed",
        "output/path-too-long",
        "output/bad-folder-name",
        "output/name-too-long",
        "output/file-where-folder-needed",
        "output/inside-a-file",
        "case/missing-sections",
        "privacy/misspelled-marker",
        "privacy/mobile-phone",
        "privacy/landline",
        "privacy/email",
        "privacy/resident-id",
        "privacy/bank-card",
        "privacy/custom-pattern",
        "privacy/unchecked-file",
        "privacy/too-large-to-check",
        // issue 15 (md)
        "markdown/unclosed-code-fence",
        "markdown/nested-too-deep",
        "markdown/math-as-written",
        // issue 15 (fm)
        "front-matter/loose-boolean",
        "front-matter/title-from-heading",
        "yaml/backslash-in-quotes",
        "front-matter/unclosed-toml",
        "toml/syntax",
        "json/syntax",
        "content/skipped-folder",
        // issue 15 (imp)
        "alias/bad",
        "alias/taken",
        "build/article-skipped",
        // issue 16 (msg)
        "config/bad-language",
        // issue 15 (finish)
        "link/left-out",
        // issue 18 (setup)
        "config/bad-history",
        // issue 17 (ndjson)
        "config/unknown-export-format",
        "config/bad-export-index",
        // issue 18 (rewards)
        "featured/ambiguous-money",
        "featured/award-not-whole",
        "featured/unknown-currency",
        "featured/self-pick",
        // issue 18 (preview)
        "content/placeholder",
    ];

    /// The stable name of this kind of problem: `group/name`.
    pub fn kind(&self) -> &'static str {
        use Problem::*;
        match self {
            Unreadable { .. } => "file/unreadable",
            Removed => "file/removed",
            NotOpened { why } => match why {
                self::NotOpened::NowALink => "file/now-a-link",
                self::NotOpened::NotAFile => "file/not-a-file",
                self::NotOpened::BehindALink { .. } => "file/behind-a-link",
            },
            NotUtf8 => "file/not-utf8",
            ArticleTooLarge { .. } => "file/article-too-large",
            DataTooLarge { .. } => "file/data-too-large",
            ConfigTooLarge { .. } => "file/config-too-large",
            SymlinkSkipped { .. } => "symlink/skipped",
            SymlinkOutside { .. } => "symlink/outside-journal",
            ConfigNotUtf8 => "config/not-utf8",
            UnknownSetting { .. } => "config/unknown-key",
            SettingWrongType { .. } => "config/wrong-type",
            BadBaseUrl { .. } => "config/bad-base-url",
            BadSlugify { .. } => "config/bad-slugify",
            BadLinksSetting { .. } => "config/bad-links",
            BadRawHtml { .. } => "config/bad-raw-html",
            UnknownSearchField { .. } => "config/unknown-search-field",
            BadTimezone { .. } => "config/bad-timezone",
            BadPrivacyPattern { .. } => "config/bad-privacy-pattern",
            BadPaginate => "config/bad-paginate",
            BadLimit { .. } => "config/bad-limit",
            BadSectionKind { .. } => "config/bad-section-kind",
            BadTaxonomy { .. } => "config/bad-taxonomy",
            BadThemeName { .. } => "theme/bad-name",
            ThemeNotFound { .. } => "theme/not-found",
            YamlTooDeep { .. } => "yaml/too-deep",
            YamlAliasLoop { .. } => "yaml/alias-loop",
            YamlAliasTooLarge { .. } => "yaml/alias-too-large",
            YamlUnclosedQuote => "yaml/unclosed-quote",
            YamlUnclosedList => "yaml/unclosed-list",
            YamlUnclosedBrace => "yaml/unclosed-brace",
            YamlDuplicateKey { .. } => "yaml/duplicate-key",
            YamlColonInValue { .. } => "yaml/colon-in-value",
            YamlBadIndentation { .. } => "yaml/bad-indentation",
            YamlReservedCharacter { .. } => "yaml/reserved-character",
            YamlUnreadable { .. } => "yaml/syntax",
            EmptyFile => "front-matter/empty-file",
            NoFrontMatter => "front-matter/missing",
            FrontMatterUnclosed => "front-matter/unclosed",
            FullWidthColon { .. } => "front-matter/full-width-colon",
            NoSpaceAfterColon { .. } => "front-matter/no-space-after-colon",
            SpecialFirstCharacter { .. } => "front-matter/special-first-character",
            FrontMatterNotFields => "front-matter/not-fields",
            EmptyTitle => "front-matter/empty-title",
            MissingTitle => "front-matter/missing-title",
            MissingDate => "front-matter/missing-date",
            BadKind { .. } => "front-matter/bad-kind",
            BadDraft { .. } => "front-matter/bad-draft",
            EmptyRespondsTo => "front-matter/empty-responds-to",
            BadSatisfaction { .. } => "front-matter/bad-satisfaction",
            UnknownCompetency { .. } => "front-matter/unknown-competency",
            MisspelledField { .. } => "front-matter/misspelled-field",
            CommentInValue { .. } => "front-matter/comment-in-value",
            NotText { .. } => "front-matter/not-text",
            NotAList { .. } => "front-matter/not-a-list",
            BadListItem { .. } => "front-matter/bad-list-item",
            NotAllowed { .. } => "front-matter/unknown-value",
            NotANumber { .. } => "front-matter/not-a-number",
            ImpossibleDate { .. } => "front-matter/impossible-date",
            BadDate { .. } => "front-matter/bad-date",
            RespondsToItself => "front-matter/responds-to-itself",
            RespondsToNotFound { .. } => "front-matter/responds-to-not-found",
            SlugTooLong { .. } => "address/slug-too-long",
            NameTooLong { .. } => "address/name-too-long",
            AddressTaken { .. } => "address/taken",
            NoContentFolder => "content/no-folder",
            SameTermAddress { .. } => "taxonomy/same-address",
            AuthorBadField { .. } => "authors/bad-field",
            AuthorBadId { .. } => "authors/bad-id",
            TagsBadField { .. } => "tags/bad-field",
            TagInTwoPlaces { .. } => "tags/alias-conflict",
            TagNotListed { .. } => "tags/not-listed",
            PicksNotPeriods => "featured/not-periods",
            BadPeriod { .. } => "featured/bad-period",
            PeriodNotAList { .. } => "featured/not-a-list",
            PickNotFields => "featured/pick-not-fields",
            PickBadArticle => "featured/bad-article",
            PickUnknownField { .. } => "featured/unknown-field",
            PickNoArticle => "featured/missing-article",
            AwardBadShape => "featured/bad-award",
            AwardIncomplete => "featured/award-incomplete",
            AwardDecimals { .. } => "featured/award-decimals",
            AwardNegative { .. } => "featured/award-negative",
            AwardNotANumber { .. } => "featured/award-not-a-number",
            PickArticleNotFound { .. } => "featured/article-not-found",
            PickRepeated { .. } => "featured/duplicate-pick",
            PickNoEditor => "featured/missing-editor",
            UnknownEditor { .. } => "featured/unknown-editor",
            HeadingWithoutSpace { .. } => "markdown/heading-without-space",
            BoldNotRead => "markdown/unread-bold",
            DuplicateHeading { .. } => "markdown/duplicate-heading",
            UnsafeLinkAddress { .. } => "markdown/unsafe-address",
            HtmlRemovedWithContent { .. } => "html/removed-with-content",
            HtmlTagRemoved { .. } => "html/removed-tag",
            HtmlEventAttribute { .. } => "html/event-attribute",
            HtmlAttributeRemoved { .. } => "html/removed-attribute",
            HtmlAddressRemoved { .. } => "html/unsafe-address",
            HtmlStyleRemoved { .. } => "html/removed-style",
            HtmlClassRemoved { .. } => "html/removed-class",
            BrokenLink { why } => match why {
                LinkProblem::OutsideContent { .. } | LinkProblem::ClimbsOut { .. } => "link/outside-content",
                LinkProblem::AmbiguousTitle { .. } | LinkProblem::AmbiguousSlug { .. } => "link/ambiguous",
                LinkProblem::NoSuchName { .. } | LinkProblem::MissingFile { .. } => "link/broken",
                LinkProblem::ThroughSymlink { .. } => "link/through-symlink",
                LinkProblem::NoHeading { .. } => "link/broken-anchor",
                // issue 15 (finish)
                LinkProblem::LeftOut { .. } => "link/left-out",
            },
            ActiveSvg { .. } => "svg/active-content",
            ShallowClone => "git/shallow-clone",
            TemplateInvalid { .. } => "template/invalid",
            TemplateFailed { .. } => "template/render-failed",
            UnwritablePath { why, .. } => match why {
                PathProblem::TooLong { .. } => "output/path-too-long",
                PathProblem::BadFolderName { .. } => "output/bad-folder-name",
                PathProblem::NameTooLong { .. } => "output/name-too-long",
            },
            FileWhereFolderNeeded { .. } => "output/file-where-folder-needed",
            InsideAFile { .. } => "output/inside-a-file",
            MissingSections { .. } => "case/missing-sections",
            MisspelledAllowMarker { .. } => "privacy/misspelled-marker",
            CustomerData { data, .. } => match data {
                self::CustomerData::MobilePhone => "privacy/mobile-phone",
                self::CustomerData::Landline => "privacy/landline",
                self::CustomerData::Email => "privacy/email",
                self::CustomerData::ResidentId => "privacy/resident-id",
                self::CustomerData::BankCard => "privacy/bank-card",
                self::CustomerData::Custom(_) => "privacy/custom-pattern",
            },
            UncheckedFileType => "privacy/unchecked-file",
            TooLargeToCheck { .. } => "privacy/too-large-to-check",
            // issue 15 (md)
            UnclosedCodeFence { .. } => "markdown/unclosed-code-fence",
            NestedTooDeep { .. } => "markdown/nested-too-deep",
            MathShownAsWritten => "markdown/math-as-written",
            // issue 15 (fm)
            LooseBoolean { .. } => "front-matter/loose-boolean",
            TitleFromHeading { .. } => "front-matter/title-from-heading",
            BackslashInQuotes { .. } => "yaml/backslash-in-quotes",
            FrontMatterUnclosedToml => "front-matter/unclosed-toml",
            TomlUnreadable { .. } => "toml/syntax",
            JsonUnreadable { .. } => "json/syntax",
            SkippedFolder { .. } => "content/skipped-folder",
            // issue 15 (imp)
            BadAlias { .. } => "alias/bad",
            AliasTaken { .. } => "alias/taken",
            ArticleSkipped { .. } => "build/article-skipped",
            // issue 16 (msg)
            UnknownLanguage { .. } => "config/bad-language",
            // issue 16 (help)
            UnknownInterfaceWord { .. } => "config/unknown-key",
            // issue 18 (setup)
            BadHistorySetting { .. } => "config/bad-history",
            // issue 17 (ndjson)
            UnknownExportFormat { .. } => "config/unknown-export-format",
            BadExportIndex { .. } => "config/bad-export-index",
            // issue 18 (rewards)
            AwardAmbiguous { .. } => "featured/ambiguous-money",
            AwardNotWhole { .. } => "featured/award-not-whole",
            AwardUnknownCurrency { .. } => "featured/unknown-currency",
            SelfPick { .. } => "featured/self-pick",
            // issue 18 (preview)
            Placeholder { .. } => "content/placeholder",
        }
    }

    /// A link, a critique's `responds_to:` or a pick's `article:` that leads
    /// to no article: a change can cause these in files it does not touch
    /// (by renaming or deleting the target).
    pub fn leads_nowhere(&self) -> bool {
        matches!(
            self,
            Problem::BrokenLink { .. } | Problem::RespondsToNotFound { .. } | Problem::PickArticleNotFound { .. }
        )
    }

    /// Whether `pattern` names a kind of problem: a whole kind
    /// (`link/broken`) or a group ending in `/` (`privacy/`).
    pub fn is_kind_pattern(pattern: &str) -> bool {
        Problem::ALL_KINDS.iter().any(|k| kind_matches(k, pattern))
    }
}

/// Whether `kind` is `pattern` or in the group `pattern` (which ends in `/`).
pub fn kind_matches(kind: &str, pattern: &str) -> bool {
    kind == pattern || (pattern.ends_with('/') && kind.starts_with(pattern))
}
