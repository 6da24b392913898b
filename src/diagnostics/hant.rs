//! The words of every message in Traditional Chinese, as writers in Taiwan
//! say them (檔案, 資料夾, 連結, 設定, 文章): one arm per kind of
//! [`Problem`], the same values as [`super::english`], no catch-all.

use super::problem::Problem;
use super::values::{
    CustomerData, DateError, Found, LinkProblem, LinkTarget, MoneyAmbiguity, NotOpened, PageOf, PathProblem,
    SvgContent, Wanted,
};

/// The start of an article, shown where a file has none.
const EXAMPLE: &str = "---\ntitle: 客戶要求退回已拆封耳機\ndate: 2026-11-22\n---";

/// Which addresses survive cleaning.
const ADDRESSES: &str = "只有相對網址、http(s) 和 mailto: 網址（圖片另可用 data:image/...）會發布";

/// What to write for a prize or a money award.
const AWARD_SHAPE: &str = "`award` 必須是獎項名稱，或像 {amount: 500, currency: TWD} 這樣的金額";

/// What the allow marker is, in an article or another text file.
const ALLOW_IN_MARKDOWN: &str =
    "在這一行最後加上 <!-- casebook:allow-pii -->（在開頭設定區裡則加 # casebook:allow-pii）";
const ALLOW_ELSEWHERE: &str = "在同一行加上 casebook:allow-pii（檔案格式有註解時，寫在註解裡）";

impl Problem {
    /// What is wrong and what to change, in Traditional Chinese.
    pub(super) fn hant(&self) -> String {
        use Problem::*;
        match self {
            Unreadable { error } => format!("無法讀取：{error}"),
            Removed => "無法讀取：檔案已被刪除".to_string(),
            NotOpened { why } => format!("無法讀取：{}", not_opened(why)),
            NotUtf8 => "這個檔案不是 UTF-8 文字（可能是 Big5 或 GBK）；請用編輯器開啟，以「UTF-8」編碼另存".to_string(),
            ArticleTooLarge { kb, limit_kb } => format!(
                "這個檔案有 {kb} KB，超過 casebook 讀取文章的上限 {limit_kb} KB；請拆成幾篇較短的文章，或在 casebook.yaml 寫 `limits: {{article_kb: {kb}}}` 提高上限"
            ),
            DataTooLarge { kb, limit_kb } => format!(
                "這個檔案有 {kb} KB，超過 casebook 讀取資料檔的上限 {limit_kb} KB；請縮小檔案，或在 casebook.yaml 寫 `limits: {{data_kb: {kb}}}` 提高上限"
            ),
            ConfigTooLarge { kb, limit_kb } => format!(
                "這個檔案有 {kb} KB，超過 casebook 讀取設定檔的上限 {limit_kb} KB；casebook.yaml 只放設定，請刪掉不是設定的內容"
            ),
            SymlinkSkipped { link } => format!(
                "這是{}：casebook 不跟隨符號連結，所以它不會放進網站；請把檔案本身放在這裡，不要用連結",
                describe_link(link)
            ),
            SymlinkOutside { link } => format!(
                "這是{}：不會透過它讀取任何檔案，它也不會放進網站；請把檔案本身放進日誌，不要用連結",
                describe_link(link)
            ),
            ConfigNotUtf8 => "這個檔案從這裡開始不是 UTF-8 文字（可能是 Big5 或 GBK）；請用編輯器開啟，以「UTF-8」編碼另存".to_string(),
            UnknownSetting { key, suggestion: Some(s), .. } => format!("沒有 `{key}` 這個設定；您是不是要寫 `{s}`？"),
            UnknownSetting { key, suggestion: None, known } => {
                format!("沒有 `{key}` 這個設定；可用的設定有：{}", known.join("、"))
            }
            SettingWrongType { key, wanted, found } => format!("`{key}` 必須是{}，這裡寫的是 `{found}`", wanted_words(*wanted)),
            BadBaseUrl { found } => format!("`base_url` 必須是完整網址，例如 https://intranet.example/journal/（網站在伺服器根目錄時寫 /），這裡寫的是 `{found}`"),
            BadSlugify { found } => format!("`slugify` 必須是 `unicode`（網址保留中文）或 `ascii`，這裡寫的是 `{found}`"),
            BadLinksSetting { found } => format!("`links` 必須是 `error`（有失效連結就停止建置）或 `warn`（只提出警告），這裡寫的是 `{found}`"),
            BadRawHtml { found } => format!("`raw_html` 必須是 `clean`（清理 HTML，不執行任何程式碼）或 `allow`（照原樣發布，包括程式碼），這裡寫的是 `{found}`"),
            UnknownSearchField { field, fields } => {
                format!("`search.weights` 沒有 `{field}` 這個欄位；可用的欄位有：{}", fields.join("、"))
            }
            BadTimezone { found } => format!("`timezone` 必須是與 UTC 的時差，例如 \"+08:00\"（要加引號），這裡寫的是 `{found}`"),
            BadPrivacyPattern { name, error } => {
                format!("隱私規則 `{name}` 不是正確的正規表示式（{error}）")
            }
            BadPaginate => "`paginate` 必須是 1 以上的整數（每個列表頁的文章數）".to_string(),
            BadLimit { key } => format!("`limits.{key}` 必須是 1 以上的整數（單位是 KB）"),
            BadSectionKind { section, found } => {
                format!("分區 `{section}`：`kind` 必須是 `case` 或 `essay`，這裡寫的是 `{found}`")
            }
            BadTaxonomy { key } => format!("`{key}` 不能當作分類方式：請寫開頭設定區的欄位名稱，例如 `tags` 或 `channel`"),
            BadThemeName { theme } => format!("`theme: {theme}` 必須是 themes/ 裡的資料夾名稱，例如 `theme: default`"),
            ThemeNotFound { theme } => format!("找不到佈景主題 `{theme}`：沒有 themes/{theme}/ 這個資料夾；刪掉 `theme:` 就會使用內建主題"),
            YamlTooDeep { max } => format!(
                "這裡的層次超過 {max} 層（清單或 `key: value` 一層包一層）；casebook 最多讀 {max} 層，請減少層次"
            ),
            YamlAliasLoop { name } => format!(
                "`*{name}` 用在它所重複的值（`&{name}`）裡面，會無止境地重複；請直接寫出這個值"
            ),
            YamlAliasTooLarge { name, kb } => format!(
                "這個檔案裡的 `*` 參照會重複超過 {kb} KB 的文字（`&{name}` 標記一個值，`*{name}` 重複它）；請直接寫出這些值，不要用重複"
            ),
            YamlUnclosedQuote => "這個引號沒有結束；請在值的最後補上對應的引號".to_string(),
            YamlUnclosedList => "這個清單沒有結束；請寫成 [退貨, 耳機]，最後加上 `]`".to_string(),
            YamlUnclosedBrace => "這個 `{` 沒有結束；如果不是要寫一組欄位，請把整個值放在引號裡".to_string(),
            YamlDuplicateKey { key } => format!("`{key}` 寫了兩次；只保留一行 `{key}:`"),
            YamlColonInValue { parser } => format!(
                "無法讀取 YAML：{parser}；值裡面有 `: ` 時要加引號，例如 title: \"退貨: 耳機\"，而且欄位不能縮排"
            ),
            YamlBadIndentation { parser } => format!("無法讀取 YAML：{parser}；請確認這一行的縮排和前後行一致"),
            YamlReservedCharacter { parser } => format!("無法讀取 YAML：{parser}；以 @、` 或 Tab 開頭的值要加引號"),
            YamlUnreadable { parser } => format!("無法讀取 YAML：{parser}"),
            EmptyFile => format!("檔案是空的；文章的開頭是設定區，例如\n{EXAMPLE}\n接著才是內文"),
            NoFrontMatter => format!("檔案開頭沒有設定區；請把這幾行放在最上面（第一行必須剛好是 `---`）：\n{EXAMPLE}"),
            FrontMatterUnclosed => "從第 1 行開始的設定區沒有結束；請在最後一個欄位後面加一行 `---`".to_string(),
            FullWidthColon { key } => format!("`{key}` 後面是全形冒號 `：`；請改成半形冒號加一個空格：`{key}: ...`"),
            NoSpaceAfterColon { key, value } => format!("冒號後面要加一個空格：`{key}: {value}`"),
            SpecialFirstCharacter { key, first, value } => format!(
                "`{key}` 的值以 `{first}` 開頭，這在 YAML 裡有特殊意義；請把整個值放在雙引號裡：{key}: \"{}\"",
                value.replace('"', "\\\"")
            ),
            FrontMatterNotFields => "開頭設定區必須是一行一個 `key: value`，例如 `title: 客戶要求退回已拆封耳機`".to_string(),
            EmptyTitle => "`title` 是空的；請在 `title:` 後面寫文章標題".to_string(),
            MissingTitle => "開頭設定區沒有 `title`；請加一行，例如 `title: 客戶要求退回已拆封耳機`".to_string(),
            MissingDate => "開頭設定區沒有 `date`；請加一行，例如 `date: 2026-11-22`（撰寫的日期）".to_string(),
            BadKind { found } => format!("`kind` 必須是 `case`、`essay` 或 `response`，這裡寫的是 `{found}`"),
            BadDraft { found } => format!("`draft` 必須是 `true` 或 `false`（不加引號），這裡寫的是{}", describe(found)),
            EmptyRespondsTo => "`responds_to` 是空的；請寫這篇點評所回應案例的 slug、路徑或標題".to_string(),
            BadSatisfaction { found } => format!("`satisfaction` 必須是 1 到 5 的整數，這裡寫的是 `{found}`"),
            UnknownCompetency { name, suggestion, all } => {
                let hint = match suggestion {
                    Some(s) => format!("您是不是要寫 `{s}`？"),
                    None => format!("請用其中一項：{}", all.join("、")),
                };
                format!("`{name}` 不是八項能力之一；{hint}")
            }
            MisspelledField { key, known } => format!("casebook 不認得 `{key}` 這個欄位；您是不是要寫 `{known}`？（不認得的欄位只會傳給模板）"),
            CommentInValue { key, raw, kept } => format!(
                "YAML 把這裡的 `#` 當成註解的開頭，所以 `{key}` {}；請把整個值放在雙引號裡：{key}: \"{raw}\"",
                match kept {
                    None => "變成空的".to_string(),
                    Some(kept) => format!("只讀到 `{kept}`"),
                }
            ),
            NotText { key, found } => format!(
                "`{key}` 必須是一行文字（{}），這裡寫的是{}",
                text_field_hint(key),
                describe(found)
            ),
            NotAList { key, found } => format!("`{key}` 必須是清單，例如 `{key}: [退貨, 耳機]`，這裡寫的是{}", describe(found)),
            BadListItem { key, found } => format!(
                "`{key}` 的每一項都必須是簡短文字，這裡寫的是{}；請寫成 `{key}: [退貨, 耳機]`",
                describe(found)
            ),
            NotAllowed { key, value, suggestion, allowed } => {
                let hint = match suggestion {
                    Some(c) => format!("您是不是要寫 `{c}`？"),
                    None => format!("請用其中一個：{}", allowed.join("、")),
                };
                format!("`{key}` 不能是 `{value}`；{hint}")
            }
            NotANumber { key, found } => {
                let what = match key.as_str() {
                    "series_order" => "整數，例如 `series_order: 3`",
                    "satisfaction" => "1 到 5 的整數",
                    _ => "整數",
                };
                format!("`{key}` 必須是{what}，這裡寫的是{}", describe(found))
            }
            ImpossibleDate { key, written, why } => {
                let why = match why {
                    DateError::NoMonth(month) => format!("沒有 {month} 月"),
                    DateError::NoDay { month, day } => format!(" {month} 月沒有 {day} 日"),
                };
                format!("`{key}` 寫的是 {written}，但{why}；請檢查月份和日期")
            }
            BadDate { key, found } => {
                let shown = match found {
                    Found::Value(v) => v.clone(),
                    other => describe(other),
                };
                format!("`{key}` 必須寫成 2026-11-22（年-月-日），這裡寫的是 `{shown}`")
            }
            RespondsToItself => "`responds_to` 寫的是這篇文章自己；請寫它所回應的案例".to_string(),
            RespondsToNotFound { why } => {
                format!("找不到這篇點評所回應的文章：{}", link_problem(why))
            }
            SlugTooLong { bytes, max } => format!(
                "`slug` 太長：它產生的網址{}；請縮短到最多 85 個中文字或 {max} 個英文字母",
                address_size(*bytes, *max)
            ),
            NameTooLong { bytes, max, folder } => {
                let what = if *folder { "資料夾" } else { "檔案" };
                format!(
                    "這個{what}名稱讓文章網址{}；請把{what}改成較短的名稱，或在開頭設定區寫較短的 `slug:`",
                    address_size(*bytes, *max)
                )
            }
            AddressTaken { prefix, wanted, given } => format!(
                "已經有另一篇文章的網址是 {prefix}{wanted}/，所以這篇發布在 {prefix}{given}/；請在它的開頭設定區寫 `slug:` 自訂名稱"
            ),
            NoContentFolder => "沒有 `content` 資料夾，所以網站沒有文章；請把 Markdown 檔案放在 content/cases/ 或 content/essays/".to_string(),
            SameTermAddress { other, name, taxonomy, slug, published, title } => format!(
                "`{other}` 和 `{name}` 的網址都會是 {taxonomy}/{slug}/，所以 `{other}` 發布在 {taxonomy}/{published}/；如果它們是同一個{title}，請寫成一樣"
            ),
            AuthorBadField { parser } => format!("{parser}；每位作者的寫法是\nchen-meiling:\n  name: 陳美玲\n  team: 電話客服一組\n  bio: 一句介紹\n  email: meiling.chen@example.com  # 可省略：在 git 裡用的電子郵件\n  staff_id: E1001  # 可省略：發薪用的員工編號"),
            AuthorBadId { id } => format!("作者代號 `{id}` 是作者頁面的資料夾名稱（authors/{id}/），所以不能是空的、`.` 或 `..`，也不能有 `/` 或 `\\`；請用英文字母、數字和 `-`，例如 `chen-meiling`"),
            TagsBadField { parser } => format!("{parser}；這個檔案有 `strict:` 和 `tags:`，每個標籤可以有 `description:` 和 `aliases:`"),
            TagInTwoPlaces { spelling, other, name } => {
                format!("`{spelling}` 同時屬於 `{other}` 和 `{name}`；請只放在其中一個底下")
            }
            TagNotListed { tag, suggestion, file } => {
                let hint = match suggestion {
                    Some(s) => format!("您是不是要寫 `{s}`？"),
                    None => "請用那裡列出的標籤".to_string(),
                };
                format!("標籤 `{tag}` 不在 {file} 裡；{hint}（要新增標籤，請加到 {file}）")
            }
            PicksNotPeriods => "這個檔案必須列出期別，例如 `2026-11:`，每期底下是精選".to_string(),
            BadPeriod { period } => format!("`{period}` 不是期別；請寫月份，例如 2026-11，或季度，例如 2026-Q4"),
            PeriodNotAList { period } => format!("請在 `{period}:` 底下列出精選，每一項以 `- article:` 開頭"),
            PickNotFields => "每項精選是一組欄位：`- article: ...`、`reason:`、`award:`、`editor:`".to_string(),
            PickBadArticle => "`article` 必須是被選文章的 slug、路徑或標題".to_string(),
            PickUnknownField { field } => format!("精選沒有 `{field}` 這個欄位；可用的欄位有 article、reason、award 和 editor"),
            PickNoArticle => "這項精選沒有 `article:`；請寫被選文章的 slug、路徑或標題".to_string(),
            AwardBadShape => AWARD_SHAPE.to_string(),
            AwardIncomplete => format!("{AWARD_SHAPE}；這裡少了金額或幣別"),
            AwardDecimals { found } => format!(
                "獎金金額{} 超過兩位小數；金額以分計算，最多寫兩位，例如 312.50",
                describe(found)
            ),
            AwardNegative { found } => format!("獎金金額{} 小於 0；請寫實際發放的金額", describe(found)),
            AwardNotANumber { found } => format!(
                "獎金金額{} 不是數字；請用數字寫，例如 {{amount: 500, currency: TWD}}",
                describe(found)
            ),
            PickArticleNotFound { period, why } => format!("找不到 {period} 這項精選所寫的文章：{}", link_problem(why)),
            PickRepeated { period, first_line } => format!(
                "這篇文章在第 {first_line} 行已經是 {period} 的精選；請只保留一項（獎金是按每項精選發放）"
            ),
            PickNoEditor => "這項精選沒有 `editor:`；請寫選出它的編輯的代號".to_string(),
            UnknownEditor { name } => format!("編輯 `{name}` 不在 data/authors.yaml 裡；請用那個檔案裡的編輯代號"),
            HeadingWithoutSpace { text, fixed } => format!("`{text}` 不是標題；請在 # 後面加一個空格：`{fixed}`"),
            BoldNotRead => "`**` 沒有變成粗體；遇到中文標點時，請把標點放在記號外面：寫 **造成的**。 而不是 **造成的。**".to_string(),
            DuplicateHeading { id } => format!("前面有一個標題的文字相同，所以這個標題的連結是 #{id}；換一個標題會讓連結更清楚"),
            UnsafeLinkAddress { address, image } => {
                let what = if *image { "圖片" } else { "連結" };
                format!("這個{what}的網址 `{address}` 已被移除：{ADDRESSES}")
            }
            HtmlRemovedWithContent { tag } => format!(
                "`<{tag}>` 連同內容一起被移除：會執行程式碼、嵌入其他網頁或改變網站樣式的 HTML 不會發布；要展示這類程式碼，請放在程式碼區塊裡（```html）"
            ),
            HtmlTagRemoved { tag } => format!("`<{tag}>` 已被移除（文字保留）：文章裡的 HTML 只能用文章排版的標記，例如表格、details、kbd、sup、sub、圖片和連結"),
            HtmlEventAttribute { tag, attr } => {
                format!("`<{tag}>` 的 `{attr}` 屬性已被移除：會執行程式碼的 HTML 不會發布")
            }
            HtmlAttributeRemoved { tag, attr } => format!("`<{tag}>` 的 `{attr}` 屬性已被移除：文章裡的 HTML 只能用文章排版的屬性，例如 href、src、alt、title 和 id"),
            HtmlAddressRemoved { tag, attr, address } => {
                format!("`<{tag} {attr}>` 的網址 `{address}` 已被移除：{ADDRESSES}")
            }
            HtmlStyleRemoved { tag } => format!("`<{tag}>` 的 `style` 屬性已被移除：文章的外觀由網站的佈景主題決定"),
            HtmlClassRemoved { tag, value } => format!("`<{tag}>` 的一個 class 已被移除（`{value}`）：文章的外觀由網站的佈景主題決定"),
            BrokenLink { why: why @ LinkProblem::LeftOut { .. } } => format!("這次建置略過了連結：{}", link_problem(why)),
            BrokenLink { why } => format!("連結失效：{}", link_problem(why)),
            ActiveSvg { what } => {
                let what = match what {
                    SvgContent::Element(e) => format!("`<{e}>` 元素"),
                    SvgContent::Address(scheme) => format!("`{scheme}` 網址"),
                    SvgContent::EventAttribute(name) => format!("事件屬性 `{name}`"),
                    SvgContent::CharacterReferences => "用字元參照寫成的網址".to_string(),
                };
                format!("這張圖裡有{what}，單獨開啟檔案時會當成程式碼執行，所以不會發布；請刪掉它，或重新匯出成單純的 SVG 或 PNG")
            }
            ShallowClone => "這是淺層複製（CI 常這樣做）：從 git 取得的首次發布日期和修訂紀錄可能不完整；請複製完整歷史（fetch-depth: 0）".to_string(),
            TemplateInvalid { detail } => format!("無法讀取模板：{detail}"),
            TemplateFailed { detail, page, others } => {
                let mut m = format!("模板產生頁面時出錯：{detail}");
                match page {
                    Some(PageOf { source, missing_field: Some(field) }) => m.push_str(&format!(
                        "（正在產生 {source} 的頁面，它的開頭設定區沒有 `{field}`：請加上 `{field}:`，或在模板裡用到它的地方外面包上 {{% if article.extra.{field} %}}）"
                    )),
                    Some(PageOf { source, missing_field: None }) => m.push_str(&format!("（正在產生 {source} 的頁面）")),
                    None => {}
                }
                if *others > 0 {
                    m.push_str(&format!("（另有 {others} 個文章頁面也一樣）"));
                }
                m
            }
            UnwritablePath { path, why } => {
                let why = match why {
                    PathProblem::TooLong { bytes, max } => {
                        format!("路徑有 {bytes} 位元組，最多只能 {max}；請用較短的資料夾或檔案名稱")
                    }
                    PathProblem::BadFolderName { part } => {
                        format!("`{part}` 不能當資料夾名稱（會指到網站外面）；請改名")
                    }
                    PathProblem::NameTooLong { part, bytes, max } => format!(
                        "名稱 `{part}` 有 {bytes} 位元組（一個中文字佔 3 位元組），檔案系統最多允許 {max}；請改成較短的名稱"
                    ),
                };
                format!("網站會在 `{path}` 產生一個檔案，但無法寫入：{why}")
            }
            FileWhereFolderNeeded { file, inside, from } => format!(
                "這會發布成檔案 `{file}`，但網站需要同名的資料夾來放 `{inside}`（{}）；請把其中一個改名",
                made_from(from)
            ),
            InsideAFile { inside, file, from } => format!(
                "這會發布在 `{inside}`，但 `{file}` 已經是網站裡的一個檔案（{}）；請把資料夾或檔案改名",
                made_from(from)
            ),
            MissingSections { missing, like: Some(like), all, .. } => {
                format!("`{like}` 不是案例的段落名稱；是不是要寫成 `## {missing}`？案例的段落有 {}", all.join("、"))
            }
            MissingSections { missing, after, before, all, .. } => {
                let place = match (after, before) {
                    (Some(a), Some(b)) => format!("請加在 `{a}` 這一段之後、`{b}` 之前"),
                    (Some(a), None) => format!("請加在 `{a}` 這一段之後，也就是文章最後"),
                    (None, Some(b)) => format!("請加在 `{b}` 之前"),
                    (None, None) => "請在正文加上這一段".to_string(),
                };
                format!("這個案例缺少 `## {missing}` 段落；{place}（案例的段落依序是 {}）", all.join("、"))
            }
            MisspelledAllowMarker { written, meant, in_front_matter } => {
                let what = if meant.ends_with("next-line") { "下一行" } else { "這一行" };
                let (open, close) = if *in_front_matter { ("# ", "") } else { ("<!-- ", " -->") };
                format!(
                    "允許標記 `{written}` 的寫法 casebook 讀不懂，所以{what}仍會檢查客戶資料；請一字不差地寫成 {open}{meant}{close}"
                )
            }
            CustomerData { data, masked, markdown } => {
                let hint = if *markdown { ALLOW_IN_MARKDOWN } else { ALLOW_ELSEWHERE };
                format!(
                    "這看起來像客戶的{}（{masked}）；請刪除或遮蔽，如果不是客戶資料，請{hint}",
                    data_words(data)
                )
            }
            UncheckedFileType => "casebook 看不到這種檔案的內容（Word、Excel、PowerPoint、PDF 或壓縮檔），所以沒有檢查客戶資料；請打開確認裡面沒有客戶的電話、身分證字號、電子郵件或卡號，或把文字放進 .txt 或 .csv 檔案，這兩種會被檢查".to_string(),
            TooLargeToCheck { kb, limit_kb } => format!(
                "這個檔案有 {kb} KB，超過 casebook 讀取的上限 {limit_kb} KB，所以沒有檢查客戶資料；請確認裡面沒有客戶資料，或在 casebook.yaml 寫 `limits: {{data_kb: {kb}}}` 提高上限"
            ),
            // issue 15 (md)
            UnclosedCodeFence { fence } => format!(
                "以 {fence} 開始的程式碼區塊沒有結束，後面的內容全都會顯示成程式碼；請在程式碼結束的地方加一行 {fence}"
            ),
            MathShownAsWritten => "$ 符號之間的數學式會照原樣顯示：casebook 不排版公式（每次建置只在第一個出現的地方提醒一次）；要顯示成程式碼，請放在反引號 ` 之間".to_string(),
            // issue 15 (fm)
            LooseBoolean { key, written, meant } => format!(
                "`{key}: {written}` 會被當成 `{key}: {meant}`；請寫 `{key}: {meant}`（casebook 只認得不加引號的 `true` 和 `false`）"
            ),
            TitleFromHeading { title } => format!(
                "開頭設定區沒有 `title`，所以用了第一個標題 `# {title}`；請在開頭設定區加一行 `title: {title}`"
            ),
            BackslashInQuotes { key, value } => format!(
                "雙引號裡的反斜線 `\\` 是跳脫字元的開頭（例如 `\\n` 代表換行），所以無法讀取 `{key}`；請改用單引號：{key}: '{value}'，或把每個反斜線寫兩次：`\\\\`"
            ),
            FrontMatterUnclosedToml => "第 1 行以 `+++` 開始的 TOML 設定區沒有結束；請在最後一個欄位後面加一行 `+++`".to_string(),
            TomlUnreadable { parser } => format!("無法讀取 TOML 設定區：{parser}；文字值要加引號，例如 title = \"退貨\""),
            JsonUnreadable { parser } => format!("無法讀取 JSON 設定區：{parser}；它必須是一個 {{ ... }} 區塊，裡面是用逗號分隔的 \"key\": value"),
            SkippedFolder { folder, markdown, publish_as } => format!(
                "資料夾 `{folder}` 裡有 {markdown} 個 Markdown 檔案，但名稱以 `_` 或 `.` 開頭的資料夾不會發布；要發布它們，請把資料夾改名為 `{publish_as}`"
            ),
            // issue 15 (imp)
            BadAlias { alias } => format!(
                "`aliases` 裡的 `{alias}` 不能當作這篇文章的舊網址：請寫成網站上的路徑，例如 /2017/04/退貨/ 或 old/page.html（不能有 `..`，也不能是其他網站）"
            ),
            AliasTaken { alias, by } => {
                let by = match by.as_str() {
                    super::english::MADE_BY_CASEBOOK => "casebook 產生的頁面".to_string(),
                    path => format!("{path} "),
                };
                format!("`aliases` 裡的 `{alias}` 已經是 {by}的網址；請從這裡或那裡的 `aliases` 刪掉")
            }
            ArticleSkipped { errors } => format!(
                "這個檔案因為這裡列出的 {errors} 個錯誤沒有放進網站（build --keep-going）；請修正後重新建置"
            ),
            // issue 16 (msg)
            UnknownLanguage { found } => format!(
                "`language` 必須是 zh-Hant（繁體中文）、zh-Hans（簡體中文）或 en（英文），這裡寫的是 `{found}`；在改正之前，網站和訊息都使用繁體中文"
            ),
            // issue 16 (help)
            UnknownInterfaceWord { key } => {
                format!("沒有 `{key}` 這個介面文字；可以用的名稱請看 README 裡「The interface's language」那一節")
            }
            // issue 18 (setup)
            BadHistorySetting { found } => format!(
                "`history` 必須是 `git`（頁面從 git 顯示每篇文章的修訂紀錄、拉取請求與審閱者）或 `off`（不讀 git），這裡寫的是 `{found}`"
            ),
            // issue 17 (ndjson)
            UnknownExportFormat { found, formats } => format!(
                "`search.export` 沒有 `{found}` 這種搜尋引擎；請寫以下一個或多個：{}（elasticsearch 和 opensearch 相同）",
                formats.join("、")
            ),
            BadExportIndex { found } => format!(
                "`search.export_index` 只能用小寫英文字母 a-z、數字、`-` 和 `_`，開頭必須是字母或數字（最多 100 個），例如 `casebook`；這裡寫的是 `{found}`"
            ),
            // issue 18 (rewards)
            AwardAmbiguous { found, amount, why } => match why {
                MoneyAmbiguity::Dollar => format!(
                    "`{found}` 可能是新臺幣、美元或港幣；請寫 NT${amount}、US${amount} 或 HK${amount}（或 {amount} TWD、{amount} USD）"
                ),
                MoneyAmbiguity::Yuan => format!("`{found}` 可能是新臺幣或人民幣；請寫 {amount} TWD 或 {amount} CNY"),
                MoneyAmbiguity::NoCurrency => format!(
                    "獎金 `{found}` 沒有寫幣別；請寫 {amount} TWD、{amount} CNY 或 {{amount: {amount}, currency: TWD}}"
                ),
            },
            AwardNotWhole { found, currency, whole } => format!(
                "獎金 `{found}` 有小數，但 {currency} 以整數發放；請寫整數金額，例如 {whole} {currency}"
            ),
            AwardUnknownCurrency { found } => {
                format!("`{found}` 不是幣別；請寫三個英文字母的幣別代碼，例如 TWD、CNY、USD 或 HKD")
            }
            SelfPick { editor, article, award } => format!(
                "{editor} 選了自己寫的〈{article}〉{}；這項精選應由另一位編輯決定（把他的代號寫在 `editor:`）",
                award.as_ref().map(|a| format!("，並給予 {a} 獎勵")).unwrap_or_default()
            ),
            // issue 18 (preview)
            Placeholder { text, field: Some(field) } => {
                format!("`{field}` 還是範本裡的示範文字（「{text}」）；請改寫成你自己的內容")
            }
            Placeholder { text, field: None } => {
                format!("這一行還是範本裡的示範文字（「{text}」）；請改寫成你自己的內容，或刪掉這一行")
            }
        }
    }
}

fn not_opened(why: &NotOpened) -> String {
    match why {
        NotOpened::NowALink => "它現在是符號連結，而 casebook 不跟隨連結".to_string(),
        NotOpened::NotAFile => "它不是一般檔案".to_string(),
        NotOpened::BehindALink { real } => {
            format!("它要經過符號連結才能找到（實際位置是 {real}），而 casebook 不跟隨連結")
        }
    }
}

/// A YAML value for "這裡寫的是...".
fn describe(found: &Found) -> String {
    match found {
        Found::Nothing => "空白".to_string(),
        Found::Value(v) => format!(" `{v}`"),
        Found::List => "一個清單".to_string(),
        Found::Fields => "一組 `key: value`".to_string(),
    }
}

/// "一個指向 `/etc` 的符號連結，它在日誌外面".
fn describe_link(link: &LinkTarget) -> String {
    let to = match &link.written {
        Some(w) => format!("一個指向 `{w}`（{}）的符號連結", link.target),
        None => format!("一個指向 `{}` 的符號連結", link.target),
    };
    match (link.outside, link.exists) {
        (true, _) => format!("{to}，它在日誌外面"),
        (false, false) => format!("{to}，它指向的地方不存在"),
        (false, true) => to,
    }
}

/// Why a link leads nowhere.
fn link_problem(why: &LinkProblem) -> String {
    match why {
        LinkProblem::OutsideContent { name } => format!("`{name}` 指到 content/ 外面"),
        LinkProblem::ClimbsOut { path } => {
            format!("`{path}` 跑出了 content 資料夾；請改從 content 開始寫路徑，例如 /cases/退貨.md")
        }
        LinkProblem::AmbiguousTitle { name, sources, example } => format!(
            "有 {} 篇文章的標題是「{name}」：{}；請改用路徑連到其中一篇，例如 [[{example}]]",
            sources.len(),
            sources.join("、")
        ),
        LinkProblem::AmbiguousSlug { name, sources, example } => format!(
            "有 {} 篇文章的 slug 是 `{name}`：{}；請改用路徑連到其中一篇，例如 [[{example}]]",
            sources.len(),
            sources.join("、")
        ),
        LinkProblem::NoSuchName { name, suggestion: Some(s) } => {
            format!("沒有文章的標題或 slug 是 `{name}`；您是不是要寫 [[{s}]]？")
        }
        LinkProblem::NoSuchName { name, suggestion: None } => format!("沒有文章的標題或 slug 是 `{name}`"),
        LinkProblem::MissingFile { written, resolved, suggestion: Some(s) } => {
            format!("`{written}` 指向 content/{resolved}，但這個檔案不存在；您是不是要寫 content/{s}？")
        }
        LinkProblem::MissingFile { written, resolved, suggestion: None } => {
            format!("`{written}` 指向 content/{resolved}，但這個檔案不存在")
        }
        LinkProblem::ThroughSymlink { written, resolved, at, link } => {
            let what = match at {
                None => "它是".to_string(),
                Some(at) => format!("而 {at} 是"),
            };
            format!(
                "`{written}` 指向 content/{resolved}，{what}{}；casebook 不會發布經過連結的檔案，請把檔案本身放在那裡，不要用連結",
                describe_link(link)
            )
        }
        LinkProblem::NoHeading { source, wanted, suggestion: Some(s), .. } => {
            format!("{source} 沒有 `#{wanted}` 這個標題；您是不是要寫 `#{s}`？")
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, .. } if headings.is_empty() => {
            format!("{source} 沒有任何標題，所以 `#{wanted}` 連不到任何地方")
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, more: 0 } => {
            format!("{source} 沒有 `#{wanted}` 這個標題；它的標題有：{}", headings.join("、"))
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, more } => {
            format!("{source} 沒有 `#{wanted}` 這個標題；最接近的標題有：{}（另外還有 {more} 個）", headings.join("、"))
        }
        // issue 15 (finish)
        LinkProblem::LeftOut { written, source } => {
            format!("`{written}` 指向 {source}，但它有自己的錯誤，這次建置沒有包含它；等它的錯誤修好，這個連結就會正常")
        }
    }
}

fn wanted_words(wanted: Wanted) -> &'static str {
    match wanted {
        Wanted::WholeNumber => "整數，例如 20",
        Wanted::Number => "數字",
        Wanted::List => "清單，例如 [tags, channel]",
        Wanted::Fields => "縮排在它底下的 `name: value` 幾行",
        Wanted::TrueOrFalse => " true 或 false",
        Wanted::Text => "文字",
    }
}

/// What a front-matter field of text holds.
fn text_field_hint(key: &str) -> &'static str {
    match key {
        "title" => "標題，例如 `title: 客戶要求退回已拆封耳機`",
        "kind" => "`case`、`essay` 或 `response`",
        "summary" => "一兩句話",
        "slug" => "網址的最後一段，例如 `slug: 退貨-耳機`",
        "product" => "產品名稱",
        "series" => "系列名稱，例如 `series: 每日一案例`",
        "lang" => "語言代碼，例如 zh-Hant、zh-Hans 或 en",
        "responds_to" => "所回應文章的 slug、路徑或標題",
        // `channel`, `outcome`, `priority`.
        _ => "一個詞",
    }
}

fn address_size(bytes: usize, max: usize) -> String {
    format!("有 {bytes} 位元組（一個中文字佔 3 位元組），而網址裡的一段名稱最多只能 {max} 位元組")
}

/// "來自 content/x.md", or what makes a page no one file makes.
fn made_from(from: &Option<String>) -> String {
    match from {
        Some(p) => format!("來自 {p}"),
        None => "casebook 產生的頁面".to_string(),
    }
}

fn data_words(data: &CustomerData) -> String {
    let words = match data {
        CustomerData::MobilePhone => "手機號碼",
        CustomerData::Landline => "市話號碼",
        CustomerData::Email => "電子郵件地址",
        CustomerData::ResidentId => "身分證字號",
        CustomerData::BankCard => "銀行卡號",
        CustomerData::Custom(name) => return format!("「{name}」"),
    };
    words.to_string()
}
