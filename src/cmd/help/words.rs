//! The words of `--help` in the three languages: one row per command,
//! argument and value, keyed by where it sits in the command tree
//! (`build` for a command's about, `build.output` for its `--output`,
//! `check.format=json` for one of `--format`'s values, the bare id for
//! arguments every command has: `root`, `lang`, `help`, `version`). A
//! text's first paragraph is the short help (`-h`), the whole text the long
//! help (`--help`), as in clap's doc comments. The table is the only
//! place these words are written; `tests` walks the command tree and
//! fails when something has no row.

use crate::lang::Lang;

/// The words for `key` in `lang`, if the table has them.
pub fn words(key: &str, lang: Lang) -> Option<&'static str> {
    let [hant, hans, en] = TABLE.iter().find(|(k, _)| *k == key)?.1;
    Some(match lang {
        Lang::Hant => hant,
        Lang::Hans => hans,
        Lang::En => en,
    })
}

/// Traditional (Taiwan usage), Simplified (mainland usage), English.
pub(super) const TABLE: &[(&str, [&str; 3])] = &[
    // The frame of every help page.
    ("@usage", ["用法：", "用法：", "Usage: "]),
    ("@colon", ["：", "：", ": "]),
    ("@commands", ["指令：", "命令：", "Commands:"]),
    ("@arguments", ["引數：", "参数：", "Arguments:"]),
    ("@options", ["選項：", "选项：", "Options:"]),
    ("@OPTIONS", ["[選項]", "[选项]", "[OPTIONS]"]),
    ("@COMMAND", ["<指令>", "<命令>", "<COMMAND>"]),
    ("@COMMAND?", ["[指令]", "[命令]", "[COMMAND]"]),
    ("@default", ["[預設：{}]", "[默认：{}]", " [default: {}]"]),
    ("@values", ["[可選：{}]", "[可选：{}]", " [possible values: {}]"]),
    ("@values-long", ["可選的值：", "可选的值：", "Possible values:"]),
    ("@and", ["、", "、", ", "]),
    // The names of values in `<DIR>`, `--port <PORT>` and the like.
    ("@name:AUTHOR", ["作者", "作者", "AUTHOR"]),
    ("@name:BIND", ["位址", "地址", "BIND"]),
    ("@name:CASE", ["案例", "案例", "CASE"]),
    ("@name:CODE", ["語言代碼", "语言代码", "CODE"]),
    ("@name:DIR", ["資料夾", "文件夹", "DIR"]),
    ("@name:FORMAT", ["格式", "格式", "FORMAT"]),
    ("@name:FROM", ["來源種類", "来源类型", "FROM"]),
    ("@name:JOURNAL", ["日誌", "日志", "JOURNAL"]),
    ("@name:KIND", ["種類", "类型", "KIND"]),
    ("@name:NAME", ["名稱", "名称", "NAME"]),
    ("@name:PERIOD", ["期別", "期号", "PERIOD"]),
    ("@name:PORT", ["連接埠", "端口", "PORT"]),
    ("@name:REV", ["版本", "版本", "REV"]),
    ("@name:SECTION", ["分區", "栏目", "SECTION"]),
    ("@name:SOURCE", ["來源", "来源", "SOURCE"]),
    ("@name:TITLE", ["標題", "标题", "TITLE"]),
    ("@name:URL", ["網址", "网址", "URL"]),
    // Every command.
    (
        "",
        [
            "把客服案例日誌（放在 git 儲存庫裡的 Markdown 檔案）做成公司內部網站。\n\n\
用 `casebook init 我的日誌` 開一本新日誌，用\n`casebook new case \"客戶要求退回已拆封耳機\"` 寫一篇案例，再用 `casebook build` 建置網站。",
            "把客服案例日志（放在 git 仓库里的 Markdown 文件）做成公司内部网站。\n\n\
用 `casebook init 我的日志` 新建一本日志，用\n`casebook new case \"客户要求退回已拆封耳机\"` 写一篇案例，再用 `casebook build` 构建网站。",
            "Turns a journal of customer-service cases (Markdown files in a git repository) into an intranet site.\n\n\
Start a journal with `casebook init my-journal`, write a case with\n`casebook new case \"客戶要求退回已拆封耳機\"`, and build the site with `casebook build`.",
        ],
    ),
    (
        "root",
        [
            "日誌資料夾（放 casebook.yaml 和 content/ 的那個資料夾）。",
            "日志文件夹（放 casebook.yaml 和 content/ 的那个文件夹）。",
            "The journal folder (the one holding casebook.yaml and content/).",
        ],
    ),
    (
        "lang",
        [
            "訊息和說明的語言：zh-Hant、zh-Hans 或 en（也可以寫 zh-TW、zh-CN 等）。預設：有設定 CASEBOOK_LANG 就用它，否則用日誌的 `language:`（沒寫就是 zh-Hant）。",
            "提示信息和帮助的语言：zh-Hant、zh-Hans 或 en（也可以写 zh-TW、zh-CN 等）。默认：设置了 CASEBOOK_LANG 就用它，否则用日志的 `language:`（没写就是 zh-Hant）。",
            "The language of messages and help: zh-Hant, zh-Hans or en (also zh-TW, zh-CN, ...). Default: CASEBOOK_LANG if set, else the journal's `language:` (zh-Hant when it has none).",
        ],
    ),
    (
        "help",
        [
            "顯示說明（-h 是摘要，--help 是完整說明）",
            "显示帮助（-h 是摘要，--help 是完整帮助）",
            "Print help (-h: a summary, --help: all of it)",
        ],
    ),
    ("version", ["顯示版本", "显示版本", "Print version"]),
    (
        "@help-command",
        [
            "顯示這份說明，或某個指令的說明",
            "显示这份帮助，或某个命令的帮助",
            "Print this help, or the help of the given command",
        ],
    ),
    // build
    (
        "build",
        [
            "把網站建置到 public/（或 --output 指定的資料夾）。",
            "把网站构建到 public/（或 --output 指定的文件夹）。",
            "Build the site into public/ (or the folder given with --output).",
        ],
    ),
    (
        "build.output",
        [
            "網站要寫到哪個資料夾（預設：日誌裡的 public/）。",
            "网站写到哪个文件夹（默认：日志里的 public/）。",
            "Where to write the site (default: public/ inside the journal).",
        ],
    ),
    (
        "build.drafts",
        [
            "也放進標著 `draft: true` 的文章（預覽用）。",
            "也放进标着 `draft: true` 的文章（预览用）。",
            "Include articles marked `draft: true` (for previews).",
        ],
    ),
    (
        "build.base_url",
        [
            "用這個網址，不用 casebook.yaml 裡的 base_url。",
            "用这个网址，不用 casebook.yaml 里的 base_url。",
            "Use this address instead of base_url from casebook.yaml.",
        ],
    ),
    (
        "build.keep_going",
        [
            "用每篇沒問題的文章做出網站，有錯的文章和檔案先略過（會列出來）；最後仍然回報失敗。適合從別處搬來的日誌第一次建置。",
            "用每篇没问题的文章生成网站，有错的文章和文件先跳过（会列出来）；最后仍然报告失败。适合从别处搬来的日志第一次构建。",
            "Write the site from every article that is valid, leaving out the articles and files with errors (listed); still exits with failure. For the first build of a journal brought in from elsewhere.",
        ],
    ),
    (
        "build.search_export",
        [
            "另外把搜尋資料寫進這個資料夾，給 OpenSearch／Elasticsearch 和 Meilisearch 匯入（NDJSON，含繁簡統一後的文字和中文需要的索引設定）。不寫這個選項時，casebook.yaml 的 search.export 會把它們寫進網站的 search/export/。網站本身的搜尋不受影響。",
            "另外把搜索文档写进这个文件夹，给 OpenSearch／Elasticsearch 和 Meilisearch 导入（NDJSON，含繁简统一后的文本和中文需要的索引设置）。不写这个选项时，casebook.yaml 的 search.export 会把它们写进网站的 search/export/。网站本身的搜索不受影响。",
            "Also write the search documents into this folder, for OpenSearch/Elasticsearch and Meilisearch to import (NDJSON, with the text folded so Traditional and Simplified meet, and the index settings Chinese needs). Without it, search.export in casebook.yaml writes them into the site's search/export/. The site's own search is unchanged.",
        ],
    ),
    (
        "build.no_cache",
        [
            "不讀取也不寫入建置快取（日誌裡的 .casebook-cache/），從頭建置。",
            "不读取也不写入构建缓存（日志里的 .casebook-cache/），从头构建。",
            "Neither read nor write the build cache (.casebook-cache/ in the journal): build from nothing.",
        ],
    ),
    (
        "build.cache_dir",
        [
            "把建置快取放在這個資料夾（預設：日誌裡的 .casebook-cache/）。不能放在輸出資料夾或 content/、static/ 等日誌資料夾裡面。",
            "把构建缓存放在这个文件夹（默认：日志里的 .casebook-cache/）。不能放在输出文件夹或 content/、static/ 等日志文件夹里面。",
            "Keep the build cache in this folder (default: .casebook-cache/ in the journal). Not in the output folder, nor in content/, static/ or another folder of the journal.",
        ],
    ),
    (
        "build.quiet",
        ["只顯示問題，其他都不顯示。", "只显示问题，其他都不显示。", "Print nothing but problems."],
    ),
    // check
    (
        "check",
        [
            "檢查每篇文章、連結和資料檔，但不產生網站（給 pull request 用）。",
            "检查每篇文章、链接和数据文件，但不生成网站（给 pull request 用）。",
            "Check every article, link and data file without writing a site (for pull requests).",
        ],
    ),
    ("check.format", ["問題要用哪種格式顯示。", "问题用哪种格式显示。", "How to print the problems."]),
    (
        "check.format=human",
        [
            "檔案:行:欄: 哪裡有錯，給人看。",
            "文件:行:列: 哪里有错，给人看。",
            "file:line:col: what is wrong, for people.",
        ],
    ),
    (
        "check.format=github",
        [
            "GitHub Actions 的標註（::error file=...,line=...,title=種類::...）。",
            "GitHub Actions 的注释（::error file=...,line=...,title=类型::...）。",
            "GitHub Actions annotations (::error file=...,line=...,title=KIND::...).",
        ],
    ),
    (
        "check.format=json",
        [
            "每個問題一行 JSON，寫明問題的種類。",
            "每个问题一行 JSON，写明问题的类型。",
            "One JSON object per line, per problem, with its kind.",
        ],
    ),
    (
        "check.changed_since",
        [
            "只回報這個 git 版本之後改過的檔案裡的問題（以及連到這些檔案的失效連結），例如 origin/main。",
            "只报告这个 git 版本之后改过的文件里的问题（以及指向这些文件的失效链接），例如 origin/main。",
            "Report only problems in files changed since this git revision (and broken links into them), like origin/main.",
        ],
    ),
    (
        "check.drafts",
        [
            "草稿也當成文章檢查（連結、分區等）。草稿和 content/ 底下每個文字檔裡的客戶資料，一律都會檢查。",
            "草稿也当作文章检查（链接、栏目等）。草稿和 content/ 下每个文本文件里的客户数据，始终都会检查。",
            "Check drafts as articles too (links, sections, ...). Customer data in drafts and in every text file under content/ is always checked.",
        ],
    ),
    (
        "check.ignore",
        [
            "不回報這一種問題，例如 `link/broken-anchor`，或一整組，例如 `privacy/`（可以寫好幾次）。每個問題的種類寫在 json 格式的輸出裡，也寫在 github 標註的標題裡。",
            "不报告这一类问题，例如 `link/broken-anchor`，或一整组，例如 `privacy/`（可以写多次）。每个问题的类型写在 json 格式的输出里，也写在 github 注释的标题里。",
            "Leave out problems of this kind, like `link/broken-anchor`, or of a group, like `privacy/` (may be given more than once). Each problem's kind is in the json output and in the title of a github annotation.",
        ],
    ),
    (
        "check.no_cache",
        [
            "不讀取也不寫入建置快取（日誌裡的 .casebook-cache/），從頭檢查。",
            "不读取也不写入构建缓存（日志里的 .casebook-cache/），从头检查。",
            "Neither read nor write the build cache (.casebook-cache/ in the journal): check from nothing.",
        ],
    ),
    (
        "check.cache_dir",
        [
            "把建置快取放在這個資料夾（預設：日誌裡的 .casebook-cache/）。不能放在輸出資料夾或 content/、static/ 等日誌資料夾裡面。",
            "把构建缓存放在这个文件夹（默认：日志里的 .casebook-cache/）。不能放在输出文件夹或 content/、static/ 等日志文件夹里面。",
            "Keep the build cache in this folder (default: .casebook-cache/ in the journal). Not in the output folder, nor in content/, static/ or another folder of the journal.",
        ],
    ),
    // import
    (
        "import",
        [
            "從 Hexo、Hugo、Jekyll 或 GitBook 網站，或一個放 Markdown 筆記的資料夾，做出一本日誌。",
            "从 Hexo、Hugo、Jekyll 或 GitBook 网站，或一个放 Markdown 笔记的文件夹，生成一本日志。",
            "Write a journal from a Hexo, Hugo, Jekyll or GitBook site, or a folder of Markdown notes.",
        ],
    ),
    (
        "import.source",
        ["要搬進來的網站或筆記的資料夾。", "要导入的网站或笔记的文件夹。", "The folder of the site or notes to bring in."],
    ),
    (
        "import.journal",
        [
            "要寫出的日誌資料夾（不存在就建立）。",
            "要生成的日志文件夹（不存在就新建）。",
            "The journal folder to write (made if it does not exist).",
        ],
    ),
    (
        "import.from",
        [
            "來源是哪一種（不寫就從它的檔案判斷）。",
            "来源是哪一种（不写就根据它的文件判断）。",
            "What the source is (found from its files when left out).",
        ],
    ),
    ("import.from=hexo", ["Hexo 網站", "Hexo 网站", "A Hexo site"]),
    ("import.from=hugo", ["Hugo 網站", "Hugo 网站", "A Hugo site"]),
    ("import.from=jekyll", ["Jekyll 網站", "Jekyll 网站", "A Jekyll site"]),
    ("import.from=gitbook", ["GitBook 書", "GitBook 书", "A GitBook book"]),
    ("import.from=markdown", ["放 Markdown 筆記的資料夾", "放 Markdown 笔记的文件夹", "A folder of Markdown notes"]),
    (
        "import.force",
        [
            "日誌裡已經有別的內容的檔案，也直接取代。",
            "日志里已有其他内容的文件，也直接替换。",
            "Replace files in the journal that hold something else.",
        ],
    ),
    // init
    (
        "init",
        [
            "建立一個新的日誌資料夾，馬上就能開始寫；不在 git 儲存庫裡時，也替它建立一個（分支 main）。",
            "新建一个日志文件夹，马上就能开始写；不在 git 仓库里时，也为它创建一个（分支 main）。",
            "Create a new journal folder, ready to write in, and a git repository for it (branch main) unless it is inside one.",
        ],
    ),
    (
        "init.dir",
        [
            "要建立日誌的資料夾（可以已經存在，但裡面不能已經有日誌）。",
            "要新建日志的文件夹（可以已经存在，但里面不能已经有日志）。",
            "The folder to create the journal in (it may exist, but must not hold a journal).",
        ],
    ),
    // new
    (
        "new",
        [
            "用日誌的範本寫一篇新的案例或心得，日期是今天。",
            "用日志的模板写一篇新的案例或心得，日期是今天。",
            "Write a new case or essay from the journal's template, dated today.",
        ],
    ),
    ("new.kind", ["要寫哪一種。", "要写哪一种。", "What to write."]),
    (
        "new.kind=case",
        [
            "客服案例：背景、處理過程、結果、根本原因、經驗教訓。",
            "客服案例：背景、处理过程、结果、根本原因、经验教训。",
            "A customer case: 背景, 處理過程, 結果, 根本原因, 經驗教訓.",
        ],
    ),
    (
        "new.kind=essay",
        ["心得：工作反思、筆記、教訓。", "心得：工作反思、笔记、教训。", "An essay: work reflections, notes, lessons."],
    ),
    (
        "new.kind=response",
        [
            "對一篇已發表案例的點評；用 --to 指出是哪一篇。",
            "对一篇已发表案例的点评；用 --to 指出是哪一篇。",
            "A critique (點評) of a published case; name the case with --to.",
        ],
    ),
    (
        "new.title",
        [
            "標題，用引號括起來：\"客戶要求退回已拆封耳機\"。",
            "标题，用引号括起来：\"客户要求退回已拆封耳机\"。",
            "The title, in quotes: \"客戶要求退回已拆封耳機\".",
        ],
    ),
    (
        "new.section",
        [
            "放在 content/ 底下的哪個資料夾（預設：cases 或 essays）。",
            "放在 content/ 下的哪个文件夹（默认：cases 或 essays）。",
            "The folder under content/ (default: cases or essays).",
        ],
    ),
    (
        "new.to",
        [
            "點評用：它回應的案例的 slug、路徑或標題。",
            "点评用：它回应的案例的 slug、路径或标题。",
            "For a response: the slug, path or title of the case it answers.",
        ],
    ),
    (
        "new.author",
        [
            "作者的 id 或名字（預設：你的 git user.name）。",
            "作者的 id 或名字（默认：你的 git user.name）。",
            "The author id or name (default: your git user.name).",
        ],
    ),
    // rewards
    (
        "rewards",
        [
            "列出編輯精選和獎勵（data/featured.yaml），附上每期、每種幣別和每位作者的合計；\
加上 --candidates 則列出還沒被選的文章，供編輯挑選。\n\n\
獎金寫成 {amount: 500, currency: TWD}，或寫成一段文字：500 CNY、CNY 500、NT$800、800 TWD、¥500（人民幣）、US$20。\
會混淆的寫法不接受：$20（新臺幣、美元還是港幣？）、500 元（新臺幣還是人民幣？）、沒有幣別的 500。\n\n\
獎金由文章的作者平分：每人分到一樣多，除不盡的零頭給文章列出的第一位作者，所以各人的份加起來一定等於獎金。\
新臺幣（TWD）和日圓以整數發放，所以分到元：1000 TWD 由 3 位作者分是 334、333 和 333；\
其他幣別分到分：100 USD 由 3 位分是 33.34、33.33 和 33.33。JSON 的金額是整數的最小單位（amount_minor，\
依 ISO 4217：TWD 和 USD 是分，所以 334 TWD 寫成 33400），並在 currencies 裡註明位數。獎品（不是金額的獎）每位作者各得一份。\n\n\
編輯選了自己寫的文章時會發出警告。CSV 和 JSON 含理由、拉取請求、審閱者、data/authors.yaml 的 staff_id，\
以及可直接閱讀的完整網址（base_url 只是路徑時請加 --base-url）。",
            "列出编辑精选和奖励（data/featured.yaml），附上每期、每种币种和每位作者的合计；\
加上 --candidates 则列出还没被选的文章，供编辑挑选。\n\n\
奖金写成 {amount: 500, currency: TWD}，或写成一段文字：500 CNY、CNY 500、NT$800、800 TWD、¥500（人民币）、US$20。\
会混淆的写法不接受：$20（新台币、美元还是港币？）、500 元（新台币还是人民币？）、没有币种的 500。\n\n\
奖金由文章的作者平分：每人分到一样多，除不尽的零头给文章列出的第一位作者，所以各人的份额加起来一定等于奖金。\
新台币（TWD）和日元按整数发放，所以分到元：1000 TWD 由 3 位作者分是 334、333 和 333；\
其他币种分到分：100 USD 由 3 位分是 33.34、33.33 和 33.33。JSON 的金额是整数的最小单位（amount_minor，\
按 ISO 4217：TWD 和 USD 是分，所以 334 TWD 写成 33400），并在 currencies 里注明位数。奖品（不是金额的奖）每位作者各得一份。\n\n\
编辑选了自己写的文章时会发出警告。CSV 和 JSON 含理由、拉取请求、审阅者、data/authors.yaml 的 staff_id，\
以及可直接阅读的完整网址（base_url 只是路径时请加 --base-url）。",
            "Print the editors' picks and their awards (data/featured.yaml), with totals per period, \
currency and author; with --candidates, the articles not picked yet, for the editors to choose from.\n\n\
An award is {amount: 500, currency: TWD}, or one text: 500 CNY, CNY 500, NT$800, 800 TWD, ¥500 (renminbi), US$20. \
What could be read two ways is refused: $20 (New Taiwan, US or Hong Kong dollars?), 500 元 (TWD or CNY?), \
a bare 500.\n\n\
A money award is divided equally among the article's authors: each gets the same, and what does not \
divide evenly goes to the first author the article names, so the shares always add up to the award. \
New Taiwan dollars (TWD) and yen are paid in whole units, so they are divided in whole units: 1000 TWD \
among 3 is 334, 333 and 333; other currencies in cents: 100 USD among 3 is 33.34, 33.33 and 33.33. \
JSON amounts are whole minor units (amount_minor, as ISO 4217 counts them: cents for TWD and USD, so \
334 TWD is 33400), with the digits under currencies. A named prize goes to each author.\n\n\
An editor picking an article they wrote is warned about. CSV and JSON have the reason, the pull \
requests, the reviewers, the staff_id from data/authors.yaml and a full, readable address (give \
--base-url when base_url is only a path).",
        ],
    ),
    (
        "rewards.period",
        [
            "只看這一期，例如 2026-11（預設：每一期）。",
            "只看这一期，例如 2026-11（默认：每一期）。",
            "Only this period, like 2026-11 (default: every period).",
        ],
    ),
    (
        "rewards.base_url",
        [
            "網站的完整網址，清單裡的連結以它開頭（預設：casebook.yaml 的 base_url）。",
            "网站的完整网址，列表里的链接以它开头（默认：casebook.yaml 的 base_url）。",
            "The site's full address, which the list's links start with (default: base_url in casebook.yaml).",
        ],
    ),
    (
        "rewards.candidates",
        [
            "列出這一期（--period，預設：最近幾期）還沒被選的文章，依點評、被引用、審閱者核准、修訂次數和字數排序，並列出理由。",
            "列出这一期（--period，默认：最近几期）还没被选的文章，按点评、被引用、审阅者批准、修订次数和字数排序，并列出理由。",
            "List the period's articles not picked yet (--period; default: the latest periods), ranked by critiques, links from other articles, reviewers' approvals, revisions and length, with the reasons.",
        ],
    ),
    ("rewards.format", ["清單要用哪種格式顯示。", "列表用哪种格式显示。", "How to print the list."]),
    ("rewards.format=table", ["在終端機裡看的表格。", "在终端里看的表格。", "Columns for reading in a terminal."]),
    (
        "rewards.format=csv",
        [
            "用逗號分隔，給試算表用（UTF-8 加上 BOM，Excel 才認得）。",
            "用逗号分隔，给电子表格用（UTF-8 加上 BOM，Excel 才能识别）。",
            "Comma-separated, for a spreadsheet (UTF-8 with a byte-order mark, for Excel).",
        ],
    ),
    (
        "rewards.format=json",
        [
            "一個 JSON 物件，含每一列和總額。",
            "一个 JSON 对象，含每一行和总额。",
            "One JSON object with the rows and the totals.",
        ],
    ),
    // serve
    (
        "serve",
        [
            "建置日誌，在這台電腦上開網站，每次存檔後自動重新建置。",
            "构建日志，在这台电脑上打开网站，每次保存后自动重新构建。",
            "Build the journal, serve it on this computer and rebuild after every save.",
        ],
    ),
    (
        "serve.port",
        [
            "使用的連接埠（0 代表自動挑一個沒人用的）。",
            "使用的端口（0 表示自动选一个空闲的）。",
            "The port to listen on (0 picks a free one).",
        ],
    ),
    (
        "serve.bind",
        [
            "要在哪個位址接受連線；預設只有這台電腦連得到。",
            "在哪个地址接受连接；默认只有这台电脑能访问。",
            "The address to listen on; only this computer by default.",
        ],
    ),
    ("serve.open", ["在瀏覽器裡開啟網站。", "在浏览器里打开网站。", "Open the site in the browser."]),
    (
        "serve.drafts",
        ["也放進標著 `draft: true` 的文章。", "也放进标着 `draft: true` 的文章。", "Include articles marked `draft: true`."],
    ),
    (
        "serve.allow_hosts",
        [
            "也接受用這個名稱連進來的請求（這台電腦在網路上的名稱，搭配 --bind）；其他名稱一律拒絕。要允許更多名稱就多寫幾次。",
            "也接受用这个名称访问的请求（这台电脑在网络上的名称，配合 --bind）；其他名称一律拒绝。要允许更多名称就多写几次。",
            "Also answer requests addressed to this name (this computer's name on the network, with --bind); others are refused. Repeat for more names.",
        ],
    ),
];
