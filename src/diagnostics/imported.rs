//! The words of `casebook import`'s report, in the three languages: what
//! was brought in ([`ImportSaid`], with the labels of what was converted,
//! [`Conversion`], and of the files left out, [`LeftOut`]) and each thing
//! left for a person ([`Todo`]), one exhaustive `match` per language like
//! the problems'.

use super::values::SvgContent;
use crate::lang::Lang;

/// Something an import could not do itself, at a file and line of the new journal.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Todo {
    /// A GitBook page that SUMMARY.md does not list.
    NotInSummary,
    /// A date field (`key`) written as nothing casebook understands.
    DateNotUnderstood { key: String, written: String },
    /// No date anywhere: the file's modification time was used.
    NoDate,
    /// A link or image to `address`, which is no file of the source.
    NotAFileOfSource { address: String },
    /// A drawing that would run script.
    ActiveDrawing { address: String, what: SvgContent },
    /// Template code (`code`) of the source's tool, shown as text.
    TemplateCode { code: String },
    /// The file could not be read (`error` is the system's text).
    Unreadable { error: String },
    /// The front matter could not be read (`why` is the parser's text).
    FrontMatterUnreadable { why: String },
    /// An old address (`aliases`) that cannot be kept.
    OldAddressLeftOut { address: String, why: AddressTaken },
    /// Old addresses with `:hash`/`:timestamp` were made reading dates as China time.
    ChinaTimeAssumed,
    /// An old address pattern with Hexo's `:id`, which is not kept.
    HexoIdNotKept { pattern: String },
    /// A page written in HTML (Hugo), not imported.
    HtmlPage,
    /// A link or image leading outside the source folder; not copied.
    LeadsOutside { address: String },
    /// A file larger than casebook reads for an article.
    TooLarge { kb: u64, limit_kb: u64 },
    /// A file that was not read, for the reason the build would give.
    NotRead { problem: Box<super::Problem> },
}

/// What of the source's own syntax was converted to Markdown: a label
/// of the report's "Converted to Markdown" line. The source's template
/// tags read as written in every language.
///
/// Listed (and ordered, as the report lists them) in the order of their
/// English words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Conversion {
    /// An R Markdown page (blogdown) imported as Markdown.
    RMarkdown,
    /// A Hugo `_index.md` made the title and description of its section.
    IndexAsSection,
    /// A link relative to the page's old address (not its file).
    PageRelativeLink,
    /// An HTML `<img>` made a Markdown image.
    RawImg,
    /// Hexo's `{% asset_img %}`.
    AssetImg,
    /// GitBook's `{% hint %}`.
    Hint,
    /// Hexo's `{% post_link %}`.
    PostLink,
    /// Jekyll's `{% post_url %}`.
    PostUrl,
    /// Hugo's `{{< figure >}}`.
    Figure,
    /// Hugo's `{{< ref >}}` and `{{< relref >}}`.
    Ref,
}

impl Conversion {
    pub const ALL: [Conversion; 10] = [
        Conversion::RMarkdown,
        Conversion::IndexAsSection,
        Conversion::PageRelativeLink,
        Conversion::RawImg,
        Conversion::AssetImg,
        Conversion::Hint,
        Conversion::PostLink,
        Conversion::PostUrl,
        Conversion::Figure,
        Conversion::Ref,
    ];

    pub fn words(self, lang: Lang) -> &'static str {
        use Conversion::*;
        match self {
            RMarkdown => match lang {
                Lang::En => "R Markdown imported as Markdown (code chunks are shown, not run)",
                Lang::Hant => "R Markdown 當成 Markdown 匯入（程式碼區塊只顯示、不執行）",
                Lang::Hans => "R Markdown 当成 Markdown 导入（代码块只显示、不运行）",
            },
            IndexAsSection => match lang {
                Lang::En => "_index.md → section",
                Lang::Hant => "_index.md → 分區",
                Lang::Hans => "_index.md → 栏目",
            },
            PageRelativeLink => match lang {
                Lang::En => "link relative to the page's address",
                Lang::Hant => "相對於頁面網址的連結",
                Lang::Hans => "相对于页面网址的链接",
            },
            RawImg => match lang {
                Lang::En => "raw <img>",
                Lang::Hant => "HTML 的 <img> 標籤",
                Lang::Hans => "HTML 的 <img> 标签",
            },
            // The source tool's own tags, as written in every language.
            AssetImg => "{% asset_img %}",
            Hint => "{% hint %}",
            PostLink => "{% post_link %}",
            PostUrl => "{% post_url %}",
            Figure => "{{< figure >}}",
            Ref => "{{< ref >}}",
        }
    }
}

/// Why files of the source were left out on purpose: a label of the
/// report's "Files left out" line (ordered by its English words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum LeftOut {
    /// blogdown's `.html` rendered from an `.Rmd` that was imported.
    RenderedHtml,
    /// An `.Rmarkdown` beside the `.markdown` rendered from it, which was imported.
    RMarkdownBesideRendered,
}

impl LeftOut {
    pub const ALL: [LeftOut; 2] = [LeftOut::RenderedHtml, LeftOut::RMarkdownBesideRendered];

    pub fn words(self, lang: Lang) -> &'static str {
        use LeftOut::*;
        match (lang, self) {
            (Lang::En, RenderedHtml) => "HTML rendered from R Markdown (its source was imported)",
            (Lang::En, RMarkdownBesideRendered) => {
                "R Markdown beside the Markdown rendered from it (that was imported)"
            }
            (Lang::Hant, RenderedHtml) => "由 R Markdown 產生的 HTML（已匯入它的原始檔）",
            (Lang::Hant, RMarkdownBesideRendered) => "旁邊有它產生的 Markdown 的 R Markdown（匯入的是那個 Markdown）",
            (Lang::Hans, RenderedHtml) => "由 R Markdown 生成的 HTML（已导入它的源文件）",
            (Lang::Hans, RMarkdownBesideRendered) => "旁边有它生成的 Markdown 的 R Markdown（导入的是那个 Markdown）",
        }
    }
}

/// Why an old address cannot be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AddressTaken {
    ByAnotherArticle,
    ByCasebook,
    ByAnEarlierArticle,
}

/// The lines of the report around the list of [`Todo`]s.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ImportSaid {
    Imported {
        articles: usize,
        from: String,
        journal: String,
        copied: usize,
    },
    /// `None`: no field was mapped.
    FieldsMapped {
        counts: Option<String>,
    },
    Converted {
        counts: String,
    },
    FieldsDropped {
        counts: String,
    },
    /// Files of the source left out on purpose, by why ([`LeftOut`]'s words).
    FilesLeftOut {
        counts: String,
    },
    NothingForAPerson,
    ForAPerson {
        count: usize,
    },
}

impl Todo {
    pub fn words(&self, lang: Lang) -> String {
        use Todo::*;
        match lang {
            Lang::En => match self {
                NotInSummary => "this page is not in SUMMARY.md, so GitBook did not show it; it was imported outside the book's order".to_string(),
                DateNotUnderstood { key, written } => format!("the {key} `{written}` was not understood and was left out; add `{key}:` by hand"),
                NoDate => "no date in the file or in git; the file's modification time was used: check `date:`".to_string(),
                NotAFileOfSource { address } => format!("`{address}` is not a file of the source; fix or remove the link"),
                ActiveDrawing { address, what } => format!("the drawing `{address}` contains {}, which casebook does not publish; export it again as a plain SVG or PNG", svg_en(what)),
                TemplateCode { code } => format!("`{code}` is template code the source's tool ran; casebook shows it as text: replace it with Markdown"),
                Unreadable { error } => format!("could not be read ({error}); it was not imported"),
                FrontMatterUnreadable { why } => format!("{why}; it was not imported"),
                OldAddressLeftOut { address, why } => {
                    let why = match why {
                        AddressTaken::ByAnotherArticle => "another article has this address in the new site",
                        AddressTaken::ByCasebook => "casebook makes a page of its own there",
                        AddressTaken::ByAnEarlierArticle => "an earlier article already keeps it",
                    };
                    format!("the old address `{address}` was left out: {why}")
                }
                ChinaTimeAssumed => "the old addresses' `:hash` and `:timestamp` were made reading dates without a time zone as China time (UTC+8), as Hexo would on a machine set to it; if the old site was built elsewhere, set `timezone:` and import again".to_string(),
                HexoIdNotKept { pattern } => format!("the old address `{pattern}` uses `:id`, a number Hexo gives each post in its cache; it is not kept, so links to it need a person"),
                HtmlPage => "a page written in HTML, not imported: casebook articles are Markdown; write it as Markdown under content/ (or put the file under static/ to publish it as it is)".to_string(),
                LeadsOutside { address } => format!("`{address}` leads outside the source folder (through `..` or a symbolic link); it was not copied"),
                TooLarge { kb, limit_kb } => format!("this file is {kb} KB, more than the {limit_kb} KB casebook reads for an article; it was not imported: split it into smaller files"),
                NotRead { problem } => format!("{}; it was not imported", problem.message_in(Lang::En)),
            },
            Lang::Hant => match self {
                NotInSummary => "SUMMARY.md 沒有列出這一頁，所以 GitBook 不會顯示它；它已匯入，但不在書的順序裡".to_string(),
                DateNotUnderstood { key, written } => format!("看不懂 {key} `{written}`，已略過；請手動加上 `{key}:`"),
                NoDate => "檔案和 git 裡都沒有日期，已改用檔案的修改時間：請檢查 `date:`".to_string(),
                NotAFileOfSource { address } => format!("`{address}` 不是來源裡的檔案；請修正或刪掉這個連結"),
                ActiveDrawing { address, what } => format!("圖檔 `{address}` 裡有{}，casebook 不會發布；請重新匯出成單純的 SVG 或 PNG", svg_hant(what)),
                TemplateCode { code } => format!("`{code}` 是來源工具執行的模板程式碼，casebook 會把它當成文字顯示：請改寫成 Markdown"),
                Unreadable { error } => format!("無法讀取（{error}），沒有匯入"),
                FrontMatterUnreadable { why } => format!("{why}；沒有匯入"),
                OldAddressLeftOut { address, why } => {
                    let why = match why {
                        AddressTaken::ByAnotherArticle => "新網站裡另一篇文章用了這個網址",
                        AddressTaken::ByCasebook => "casebook 在那裡有自己的頁面",
                        AddressTaken::ByAnEarlierArticle => "前面的文章已經保留了它",
                    };
                    format!("舊網址 `{address}` 沒有保留：{why}")
                }
                ChinaTimeAssumed => "舊網址裡的 `:hash` 和 `:timestamp` 是把沒有時區的日期當成中國時間（UTC+8）算出來的，和 Hexo 在設成這個時區的電腦上一樣；如果舊網站是在別的時區建置的，請在設定裡寫 `timezone:` 再匯入一次".to_string(),
                HexoIdNotKept { pattern } => format!("舊網址 `{pattern}` 用了 `:id`，那是 Hexo 存在快取裡的編號，沒辦法保留；連到這些網址的連結需要人工處理"),
                HtmlPage => "這是用 HTML 寫的頁面，沒有匯入：casebook 的文章是 Markdown；請在 content/ 底下改寫成 Markdown（或把檔案放進 static/，原樣發布）".to_string(),
                LeadsOutside { address } => format!("`{address}` 指到來源資料夾外面（經過 `..` 或符號連結），沒有複製"),
                TooLarge { kb, limit_kb } => format!("這個檔案有 {kb} KB，超過 casebook 讀取一篇文章的上限 {limit_kb} KB，沒有匯入：請拆成幾個較小的檔案"),
                NotRead { problem } => format!("{}；沒有匯入", problem.message_in(Lang::Hant)),
            },
            Lang::Hans => match self {
                NotInSummary => "SUMMARY.md 没有列出这一页，所以 GitBook 不会显示它；它已导入，但不在书的顺序里".to_string(),
                DateNotUnderstood { key, written } => format!("无法识别 {key} `{written}`，已跳过；请手动加上 `{key}:`"),
                NoDate => "文件和 git 里都没有日期，已改用文件的修改时间：请检查 `date:`".to_string(),
                NotAFileOfSource { address } => format!("`{address}` 不是源文件夹里的文件；请修改或删掉这个链接"),
                ActiveDrawing { address, what } => format!("图片 `{address}` 里有{}，casebook 不会发布；请重新导出成普通的 SVG 或 PNG", svg_hans(what)),
                TemplateCode { code } => format!("`{code}` 是源工具运行的模板代码，casebook 会把它当成文本显示：请改写成 Markdown"),
                Unreadable { error } => format!("无法读取（{error}），没有导入"),
                FrontMatterUnreadable { why } => format!("{why}；没有导入"),
                OldAddressLeftOut { address, why } => {
                    let why = match why {
                        AddressTaken::ByAnotherArticle => "新网站里另一篇文章用了这个网址",
                        AddressTaken::ByCasebook => "casebook 在那里有自己的页面",
                        AddressTaken::ByAnEarlierArticle => "前面的文章已经保留了它",
                    };
                    format!("旧网址 `{address}` 没有保留：{why}")
                }
                ChinaTimeAssumed => "旧网址里的 `:hash` 和 `:timestamp` 是把没有时区的日期当成中国时间（UTC+8）算出来的，和 Hexo 在设成这个时区的电脑上一样；如果旧网站是在别的时区构建的，请在设置里写 `timezone:` 再导入一次".to_string(),
                HexoIdNotKept { pattern } => format!("旧网址 `{pattern}` 用了 `:id`，那是 Hexo 存在缓存里的编号，无法保留；指向这些网址的链接需要人工处理"),
                HtmlPage => "这是用 HTML 写的页面，没有导入：casebook 的文章是 Markdown；请在 content/ 下面改写成 Markdown（或把文件放进 static/，原样发布）".to_string(),
                LeadsOutside { address } => format!("`{address}` 指到源文件夹外面（经过 `..` 或符号链接），没有复制"),
                TooLarge { kb, limit_kb } => format!("这个文件有 {kb} KB，超过 casebook 读取一篇文章的上限 {limit_kb} KB，没有导入：请拆成几个较小的文件"),
                NotRead { problem } => format!("{}；没有导入", problem.message_in(Lang::Hans)),
            },
        }
    }
}

impl ImportSaid {
    pub fn words(&self, lang: Lang) -> String {
        use ImportSaid::*;
        match lang {
            Lang::En => match self {
                Imported { articles, from, journal, copied } => format!(
                    "Imported {articles} articles from a {from} source into {journal}, and copied {copied} files beside them."
                ),
                FieldsMapped { counts } => {
                    format!("Fields mapped (how many files): {}", counts.as_deref().unwrap_or("none"))
                }
                Converted { counts } => format!("Converted to Markdown: {counts}"),
                FieldsDropped { counts } => format!("Fields dropped (casebook has no such field): {counts}"),
                FilesLeftOut { counts } => format!("Files left out: {counts}"),
                NothingForAPerson => "Nothing needs a person.".to_string(),
                ForAPerson { count } => format!("{count} things need a person:"),
            },
            Lang::Hant => match self {
                Imported { articles, from, journal, copied } => {
                    format!("已從 {from} 來源匯入 {articles} 篇文章到 {journal}，並複製了 {copied} 個相關檔案。")
                }
                FieldsMapped { counts } => {
                    format!("對應的欄位（檔案數）：{}", counts.as_deref().unwrap_or("無"))
                }
                Converted { counts } => format!("已轉成 Markdown：{counts}"),
                FieldsDropped { counts } => format!("略過的欄位（casebook 沒有這些欄位）：{counts}"),
                FilesLeftOut { counts } => format!("略過的檔案：{counts}"),
                NothingForAPerson => "沒有需要人工處理的地方。".to_string(),
                ForAPerson { count } => format!("有 {count} 個地方需要人工處理："),
            },
            Lang::Hans => match self {
                Imported { articles, from, journal, copied } => {
                    format!("已从 {from} 源导入 {articles} 篇文章到 {journal}，并复制了 {copied} 个相关文件。")
                }
                FieldsMapped { counts } => {
                    format!("对应的字段（文件数）：{}", counts.as_deref().unwrap_or("无"))
                }
                Converted { counts } => format!("已转成 Markdown：{counts}"),
                FieldsDropped { counts } => format!("跳过的字段（casebook 没有这些字段）：{counts}"),
                FilesLeftOut { counts } => format!("跳过的文件：{counts}"),
                NothingForAPerson => "没有需要人工处理的地方。".to_string(),
                ForAPerson { count } => format!("有 {count} 个地方需要人工处理："),
            },
        }
    }
}

fn svg_en(what: &SvgContent) -> String {
    match what {
        SvgContent::Element(e) => format!("a `<{e}>` element"),
        SvgContent::Address(scheme) => format!("a `{scheme}` address"),
        SvgContent::EventAttribute(name) => format!("an event attribute `{name}`"),
        SvgContent::CharacterReferences => "an address written with character references".to_string(),
    }
}

fn svg_hant(what: &SvgContent) -> String {
    match what {
        SvgContent::Element(e) => format!("`<{e}>` 元素"),
        SvgContent::Address(scheme) => format!("`{scheme}` 網址"),
        SvgContent::EventAttribute(name) => format!("事件屬性 `{name}`"),
        SvgContent::CharacterReferences => "用字元參照寫成的網址".to_string(),
    }
}

fn svg_hans(what: &SvgContent) -> String {
    match what {
        SvgContent::Element(e) => format!("`<{e}>` 元素"),
        SvgContent::Address(scheme) => format!("`{scheme}` 网址"),
        SvgContent::EventAttribute(name) => format!("事件属性 `{name}`"),
        SvgContent::CharacterReferences => "用字符引用写成的网址".to_string(),
    }
}
