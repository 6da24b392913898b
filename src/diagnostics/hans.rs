//! The words of every message in Simplified Chinese, as writers on the
//! mainland say them (文件, 文件夹, 链接, 设置, 文章, 构建): one arm per
//! kind of [`Problem`], the same values as [`super::english`], no
//! catch-all. Written as mainland usage, not converted from
//! [`super::hant`] character by character.

use super::problem::Problem;
use super::values::{
    CustomerData, DateError, Found, LinkProblem, LinkTarget, MoneyAmbiguity, NotOpened, PageOf, PathProblem,
    SvgContent, Wanted,
};

/// The start of an article, shown where a file has none.
const EXAMPLE: &str = "---\ntitle: 客户要求退回已拆封耳机\ndate: 2026-11-22\n---";

/// Which addresses survive cleaning.
const ADDRESSES: &str = "只有相对网址、http(s) 和 mailto: 网址（图片另可用 data:image/...）会发布";

/// What to write for a prize or a money award.
const AWARD_SHAPE: &str = "`award` 必须是奖项名称，或像 {amount: 500, currency: TWD} 这样的金额";

/// What the allow marker is, in an article or another text file.
const ALLOW_IN_MARKDOWN: &str =
    "在这一行最后加上 <!-- casebook:allow-pii -->（在开头设置区里则加 # casebook:allow-pii）";
const ALLOW_ELSEWHERE: &str = "在同一行加上 casebook:allow-pii（文件格式有注释时，写在注释里）";

impl Problem {
    /// What is wrong and what to change, in Simplified Chinese.
    pub(super) fn hans(&self) -> String {
        use Problem::*;
        match self {
            Unreadable { error } => format!("无法读取：{error}"),
            Removed => "无法读取：文件已被删除".to_string(),
            NotOpened { why } => format!("无法读取：{}", not_opened(why)),
            NotUtf8 => "这个文件不是 UTF-8 文本（可能是 Big5 或 GBK）；请用编辑器打开，以“UTF-8”编码另存".to_string(),
            ArticleTooLarge { kb, limit_kb } => format!(
                "这个文件有 {kb} KB，超过 casebook 读取文章的上限 {limit_kb} KB；请拆成几篇较短的文章，或在 casebook.yaml 写 `limits: {{article_kb: {kb}}}` 提高上限"
            ),
            DataTooLarge { kb, limit_kb } => format!(
                "这个文件有 {kb} KB，超过 casebook 读取数据文件的上限 {limit_kb} KB；请缩小文件，或在 casebook.yaml 写 `limits: {{data_kb: {kb}}}` 提高上限"
            ),
            ConfigTooLarge { kb, limit_kb } => format!(
                "这个文件有 {kb} KB，超过 casebook 读取配置文件的上限 {limit_kb} KB；casebook.yaml 只放设置，请删掉不是设置的内容"
            ),
            SymlinkSkipped { link } => format!(
                "这是{}：casebook 不跟随符号链接，所以它不会放进网站；请把文件本身放在这里，不要用链接",
                describe_link(link)
            ),
            SymlinkOutside { link } => format!(
                "这是{}：不会通过它读取任何文件，它也不会放进网站；请把文件本身放进案例库文件夹，不要用链接",
                describe_link(link)
            ),
            ConfigNotUtf8 => "这个文件从这里开始不是 UTF-8 文本（可能是 Big5 或 GBK）；请用编辑器打开，以“UTF-8”编码另存".to_string(),
            UnknownSetting { key, suggestion: Some(s), .. } => format!("没有 `{key}` 这个设置；是不是想写 `{s}`？"),
            UnknownSetting { key, suggestion: None, known } => {
                format!("没有 `{key}` 这个设置；可用的设置有：{}", known.join("、"))
            }
            SettingWrongType { key, wanted, found } => format!("`{key}` 必须是{}，这里写的是 `{found}`", wanted_words(*wanted)),
            BadBaseUrl { found } => format!("`base_url` 必须是完整网址，例如 https://intranet.example/journal/（网站在服务器根目录时写 /），这里写的是 `{found}`"),
            BadSlugify { found } => format!("`slugify` 必须是 `unicode`（网址保留中文）或 `ascii`，这里写的是 `{found}`"),
            BadLinksSetting { found } => format!("`links` 必须是 `error`（有失效链接就停止构建）或 `warn`（只提出警告），这里写的是 `{found}`"),
            BadRawHtml { found } => format!("`raw_html` 必须是 `clean`（清理 HTML，不运行任何代码）或 `allow`（按原样发布，包括代码），这里写的是 `{found}`"),
            UnknownSearchField { field, fields } => {
                format!("`search.weights` 没有 `{field}` 这个字段；可用的字段有：{}", fields.join("、"))
            }
            BadTimezone { found } => format!("`timezone` 必须是与 UTC 的时差，例如 \"+08:00\"（要加引号），这里写的是 `{found}`"),
            BadPrivacyPattern { name, error } => {
                format!("隐私规则 `{name}` 不是正确的正则表达式（{error}）")
            }
            BadPaginate => "`paginate` 必须是 1 以上的整数（每个列表页的文章数）".to_string(),
            BadLimit { key } => format!("`limits.{key}` 必须是 1 以上的整数（单位是 KB）"),
            BadSectionKind { section, found } => {
                format!("栏目 `{section}`：`kind` 必须是 `case` 或 `essay`，这里写的是 `{found}`")
            }
            BadTaxonomy { key } => format!("`{key}` 不能当作分类方式：请写开头设置区的字段名称，例如 `tags` 或 `channel`"),
            BadThemeName { theme } => format!("`theme: {theme}` 必须是 themes/ 里的文件夹名称，例如 `theme: default`"),
            ThemeNotFound { theme } => format!("找不到主题 `{theme}`：没有 themes/{theme}/ 这个文件夹；删掉 `theme:` 就会使用内置主题"),
            YamlTooDeep { max } => format!(
                "这里的层级超过 {max} 层（列表或 `key: value` 一层包一层）；casebook 最多读 {max} 层，请减少层级"
            ),
            YamlAliasLoop { name } => format!(
                "`*{name}` 用在它所重复的值（`&{name}`）里面，会无止境地重复；请直接写出这个值"
            ),
            YamlAliasTooLarge { name, kb } => format!(
                "这个文件里的 `*` 引用会重复超过 {kb} KB 的文本（`&{name}` 标记一个值，`*{name}` 重复它）；请直接写出这些值，不要用重复"
            ),
            YamlUnclosedQuote => "这个引号没有结束；请在值的最后补上对应的引号".to_string(),
            YamlUnclosedList => "这个列表没有结束；请写成 [退货, 耳机]，最后加上 `]`".to_string(),
            YamlUnclosedBrace => "这个 `{` 没有结束；如果不是要写一组字段，请把整个值放在引号里".to_string(),
            YamlDuplicateKey { key } => format!("`{key}` 写了两次；只保留一行 `{key}:`"),
            YamlColonInValue { parser } => format!(
                "无法读取 YAML：{parser}；值里面有 `: ` 时要加引号，例如 title: \"退货: 耳机\"，而且字段不能缩进"
            ),
            YamlBadIndentation { parser } => format!("无法读取 YAML：{parser}；请确认这一行的缩进和前后行一致"),
            YamlReservedCharacter { parser } => format!("无法读取 YAML：{parser}；以 @、` 或 Tab 开头的值要加引号"),
            YamlUnreadable { parser } => format!("无法读取 YAML：{parser}"),
            EmptyFile => format!("文件是空的；文章的开头是设置区，例如\n{EXAMPLE}\n接着才是正文"),
            NoFrontMatter => format!("文件开头没有设置区；请把这几行放在最上面（第一行必须刚好是 `---`）：\n{EXAMPLE}"),
            FrontMatterUnclosed => "从第 1 行开始的设置区没有结束；请在最后一个字段后面加一行 `---`".to_string(),
            FullWidthColon { key } => format!("`{key}` 后面是全角冒号 `：`；请改成半角冒号加一个空格：`{key}: ...`"),
            NoSpaceAfterColon { key, value } => format!("冒号后面要加一个空格：`{key}: {value}`"),
            SpecialFirstCharacter { key, first, value } => format!(
                "`{key}` 的值以 `{first}` 开头，这在 YAML 里有特殊意义；请把整个值放在双引号里：{key}: \"{}\"",
                value.replace('"', "\\\"")
            ),
            FrontMatterNotFields => "开头设置区必须是一行一个 `key: value`，例如 `title: 客户要求退回已拆封耳机`".to_string(),
            EmptyTitle => "`title` 是空的；请在 `title:` 后面写文章标题".to_string(),
            MissingTitle => "开头设置区没有 `title`；请加一行，例如 `title: 客户要求退回已拆封耳机`".to_string(),
            MissingDate => "开头设置区没有 `date`；请加一行，例如 `date: 2026-11-22`（撰写的日期）".to_string(),
            BadKind { found } => format!("`kind` 必须是 `case`、`essay` 或 `response`，这里写的是 `{found}`"),
            BadDraft { found } => format!("`draft` 必须是 `true` 或 `false`（不加引号），这里写的是{}", describe(found)),
            EmptyRespondsTo => "`responds_to` 是空的；请写这篇点评所回应案例的 slug、路径或标题".to_string(),
            BadSatisfaction { found } => format!("`satisfaction` 必须是 1 到 5 的整数，这里写的是 `{found}`"),
            UnknownCompetency { name, suggestion, all } => {
                let hint = match suggestion {
                    Some(s) => format!("是不是想写 `{s}`？"),
                    None => format!("请用其中一项：{}", all.join("、")),
                };
                format!("`{name}` 不是八项能力之一；{hint}")
            }
            MisspelledField { key, known } => format!("casebook 不识别 `{key}` 这个字段；是不是想写 `{known}`？（不识别的字段只会传给模板）"),
            CommentInValue { key, raw, kept } => format!(
                "YAML 把这里的 `#` 当成注释的开头，所以 `{key}` {}；请把整个值放在双引号里：{key}: \"{raw}\"",
                match kept {
                    None => "变成空的".to_string(),
                    Some(kept) => format!("只读到 `{kept}`"),
                }
            ),
            NotText { key, found } => format!(
                "`{key}` 必须是一行文本（{}），这里写的是{}",
                text_field_hint(key),
                describe(found)
            ),
            NotAList { key, found } => format!("`{key}` 必须是列表，例如 `{key}: [退货, 耳机]`，这里写的是{}", describe(found)),
            BadListItem { key, found } => format!(
                "`{key}` 的每一项都必须是简短文本，这里写的是{}；请写成 `{key}: [退货, 耳机]`",
                describe(found)
            ),
            NotAllowed { key, value, suggestion, allowed } => {
                let hint = match suggestion {
                    Some(c) => format!("是不是想写 `{c}`？"),
                    None => format!("请用其中一个：{}", allowed.join("、")),
                };
                format!("`{key}` 不能是 `{value}`；{hint}")
            }
            NotANumber { key, found } => {
                let what = match key.as_str() {
                    "series_order" => "整数，例如 `series_order: 3`",
                    "satisfaction" => "1 到 5 的整数",
                    _ => "整数",
                };
                format!("`{key}` 必须是{what}，这里写的是{}", describe(found))
            }
            ImpossibleDate { key, written, why } => {
                let why = match why {
                    DateError::NoMonth(month) => format!("没有 {month} 月"),
                    DateError::NoDay { month, day } => format!(" {month} 月没有 {day} 日"),
                };
                format!("`{key}` 写的是 {written}，但{why}；请检查月份和日期")
            }
            BadDate { key, found } => {
                let shown = match found {
                    Found::Value(v) => v.clone(),
                    other => describe(other),
                };
                format!("`{key}` 必须写成 2026-11-22（年-月-日），这里写的是 `{shown}`")
            }
            RespondsToItself => "`responds_to` 写的是这篇文章自己；请写它所回应的案例".to_string(),
            RespondsToNotFound { why } => {
                format!("找不到这篇点评所回应的文章：{}", link_problem(why))
            }
            SlugTooLong { bytes, max } => format!(
                "`slug` 太长：它生成的网址{}；请缩短到最多 85 个中文字或 {max} 个英文字母",
                address_size(*bytes, *max)
            ),
            NameTooLong { bytes, max, folder } => {
                let what = if *folder { "文件夹" } else { "文件" };
                format!(
                    "这个{what}名称让文章网址{}；请把{what}改成较短的名称，或在开头设置区写较短的 `slug:`",
                    address_size(*bytes, *max)
                )
            }
            AddressTaken { prefix, wanted, given } => format!(
                "已经有另一篇文章的网址是 {prefix}{wanted}/，所以这篇发布在 {prefix}{given}/；请在它的开头设置区写 `slug:` 自定义名称"
            ),
            NoContentFolder => "没有 `content` 文件夹，所以网站没有文章；请把 Markdown 文件放在 content/cases/ 或 content/essays/".to_string(),
            SameTermAddress { other, name, taxonomy, slug, published, title } => format!(
                "`{other}` 和 `{name}` 的网址都会是 {taxonomy}/{slug}/，所以 `{other}` 发布在 {taxonomy}/{published}/；如果它们是同一个{title}，请写成一样"
            ),
            AuthorBadField { parser } => format!("{parser}；每位作者的写法是\nchen-meiling:\n  name: 陈美玲\n  team: 电话客服一组\n  bio: 一句介绍\n  email: meiling.chen@example.com  # 可省略：在 git 里用的邮箱\n  staff_id: E1001  # 可省略：发薪用的员工编号"),
            AuthorBadId { id } => format!("作者 ID `{id}` 是作者页面的文件夹名称（authors/{id}/），所以不能是空的、`.` 或 `..`，也不能有 `/` 或 `\\`；请用英文字母、数字和 `-`，例如 `chen-meiling`"),
            TagsBadField { parser } => format!("{parser}；这个文件有 `strict:` 和 `tags:`，每个标签可以有 `description:` 和 `aliases:`"),
            TagInTwoPlaces { spelling, other, name } => {
                format!("`{spelling}` 同时属于 `{other}` 和 `{name}`；请只放在其中一个下面")
            }
            TagNotListed { tag, suggestion, file } => {
                let hint = match suggestion {
                    Some(s) => format!("是不是想写 `{s}`？"),
                    None => "请用那里列出的标签".to_string(),
                };
                format!("标签 `{tag}` 不在 {file} 里；{hint}（要添加标签，请加到 {file}）")
            }
            PicksNotPeriods => "这个文件必须列出评选周期，例如 `2026-11:`，每期下面列出精选".to_string(),
            BadPeriod { period } => format!("`{period}` 不是评选周期；请写月份，例如 2026-11，或季度，例如 2026-Q4"),
            PeriodNotAList { period } => format!("请在 `{period}:` 下面列出精选，每一项以 `- article:` 开头"),
            PickNotFields => "每项精选是一组字段：`- article: ...`、`reason:`、`award:`、`editor:`".to_string(),
            PickBadArticle => "`article` 必须是被选文章的 slug、路径或标题".to_string(),
            PickUnknownField { field } => format!("精选没有 `{field}` 这个字段；可用的字段有 article、reason、award 和 editor"),
            PickNoArticle => "这项精选没有 `article:`；请写被选文章的 slug、路径或标题".to_string(),
            AwardBadShape => AWARD_SHAPE.to_string(),
            AwardIncomplete => format!("{AWARD_SHAPE}；这里少了金额或币种"),
            AwardDecimals { found } => format!(
                "奖金金额{} 超过两位小数；金额以分计算，最多写两位，例如 312.50",
                describe(found)
            ),
            AwardNegative { found } => format!("奖金金额{} 小于 0；请写实际发放的金额", describe(found)),
            AwardNotANumber { found } => format!(
                "奖金金额{} 不是数字；请用数字写，例如 {{amount: 500, currency: TWD}}",
                describe(found)
            ),
            PickArticleNotFound { period, why } => format!("找不到 {period} 这项精选所写的文章：{}", link_problem(why)),
            PickRepeated { period, first_line } => format!(
                "这篇文章在第 {first_line} 行已经是 {period} 的精选；请只保留一项（奖金是按每项精选发放）"
            ),
            PickNoEditor => "这项精选没有 `editor:`；请写选出它的编辑的 ID".to_string(),
            UnknownEditor { name } => format!("编辑 `{name}` 不在 data/authors.yaml 里；请用那个文件里的编辑 ID"),
            HeadingWithoutSpace { text, fixed } => format!("`{text}` 不是标题；请在 # 后面加一个空格：`{fixed}`"),
            BoldNotRead => "`**` 没有变成粗体；遇到中文标点时，请把标点放在记号外面：写 **造成的**。 而不是 **造成的。**".to_string(),
            DuplicateHeading { id } => format!("前面有一个标题的文字相同，所以这个标题的链接是 #{id}；换一个标题会让链接更清楚"),
            UnsafeLinkAddress { address, image } => {
                let what = if *image { "图片" } else { "链接" };
                format!("这个{what}的网址 `{address}` 已被移除：{ADDRESSES}")
            }
            HtmlRemovedWithContent { tag } => format!(
                "`<{tag}>` 连同内容一起被移除：会运行代码、嵌入其他网页或改变网站样式的 HTML 不会发布；要展示这类代码，请放在代码块里（```html）"
            ),
            HtmlTagRemoved { tag } => format!("`<{tag}>` 已被移除（文本保留）：文章里的 HTML 只能用文章排版的标记，例如表格、details、kbd、sup、sub、图片和链接"),
            HtmlEventAttribute { tag, attr } => {
                format!("`<{tag}>` 的 `{attr}` 属性已被移除：会运行代码的 HTML 不会发布")
            }
            HtmlAttributeRemoved { tag, attr } => format!("`<{tag}>` 的 `{attr}` 属性已被移除：文章里的 HTML 只能用文章排版的属性，例如 href、src、alt、title 和 id"),
            HtmlAddressRemoved { tag, attr, address } => {
                format!("`<{tag} {attr}>` 的网址 `{address}` 已被移除：{ADDRESSES}")
            }
            HtmlStyleRemoved { tag } => format!("`<{tag}>` 的 `style` 属性已被移除：文章的外观由网站的主题决定"),
            HtmlClassRemoved { tag, value } => format!("`<{tag}>` 的一个 class 已被移除（`{value}`）：文章的外观由网站的主题决定"),
            BrokenLink { why: why @ LinkProblem::LeftOut { .. } } => format!("这次构建跳过了链接：{}", link_problem(why)),
            BrokenLink { why } => format!("链接失效：{}", link_problem(why)),
            ActiveSvg { what } => {
                let what = match what {
                    SvgContent::Element(e) => format!("`<{e}>` 元素"),
                    SvgContent::Address(scheme) => format!("`{scheme}` 网址"),
                    SvgContent::EventAttribute(name) => format!("事件属性 `{name}`"),
                    SvgContent::CharacterReferences => "用字符引用写成的网址".to_string(),
                };
                format!("这张图里有{what}，单独打开文件时会当成代码运行，所以不会发布；请删掉它，或重新导出成普通的 SVG 或 PNG")
            }
            ShallowClone => "这是浅克隆（CI 常这样做）：从 git 获取的首次发布日期和修订记录可能不完整；请克隆完整历史（fetch-depth: 0）".to_string(),
            TemplateInvalid { detail } => format!("无法读取模板：{detail}"),
            TemplateFailed { detail, page, others } => {
                let mut m = format!("模板生成页面时出错：{detail}");
                match page {
                    Some(PageOf { source, missing_field: Some(field) }) => m.push_str(&format!(
                        "（正在生成 {source} 的页面，它的开头设置区没有 `{field}`：请加上 `{field}:`，或在模板里用到它的地方外面包上 {{% if article.extra.{field} %}}）"
                    )),
                    Some(PageOf { source, missing_field: None }) => m.push_str(&format!("（正在生成 {source} 的页面）")),
                    None => {}
                }
                if *others > 0 {
                    m.push_str(&format!("（另有 {others} 个文章页面也一样）"));
                }
                m
            }
            UnwritablePath { path, why } => {
                let why = match why {
                    PathProblem::TooLong { bytes, max } => {
                        format!("路径有 {bytes} 字节，最多只能 {max}；请用较短的文件夹或文件名称")
                    }
                    PathProblem::BadFolderName { part } => {
                        format!("`{part}` 不能当文件夹名称（会指到网站外面）；请改名")
                    }
                    PathProblem::NameTooLong { part, bytes, max } => format!(
                        "名称 `{part}` 有 {bytes} 字节（一个中文字占 3 字节），文件系统最多允许 {max}；请改成较短的名称"
                    ),
                };
                format!("网站会在 `{path}` 生成一个文件，但无法写入：{why}")
            }
            FileWhereFolderNeeded { file, inside, from } => format!(
                "这会发布成文件 `{file}`，但网站需要同名的文件夹来放 `{inside}`（{}）；请把其中一个改名",
                made_from(from)
            ),
            InsideAFile { inside, file, from } => format!(
                "这会发布在 `{inside}`，但 `{file}` 已经是网站里的一个文件（{}）；请把文件夹或文件改名",
                made_from(from)
            ),
            MissingSections { missing, like: Some(like), all, .. } => {
                format!("`{like}` 不是案例的段落名称；是不是要写成 `## {missing}`？案例的段落有 {}", all.join("、"))
            }
            MissingSections { missing, after, before, all, .. } => {
                let place = match (after, before) {
                    (Some(a), Some(b)) => format!("请加在 `{a}` 这一段之后、`{b}` 之前"),
                    (Some(a), None) => format!("请加在 `{a}` 这一段之后，也就是文章最后"),
                    (None, Some(b)) => format!("请加在 `{b}` 之前"),
                    (None, None) => "请在正文加上这一段".to_string(),
                };
                format!("这个案例缺少 `## {missing}` 段落；{place}（案例的段落依次是 {}）", all.join("、"))
            }
            MisspelledAllowMarker { written, meant, in_front_matter } => {
                let what = if meant.ends_with("next-line") { "下一行" } else { "这一行" };
                let (open, close) = if *in_front_matter { ("# ", "") } else { ("<!-- ", " -->") };
                format!(
                    "允许标记 `{written}` 的写法 casebook 读不懂，所以{what}仍会检查客户数据；请一字不差地写成 {open}{meant}{close}"
                )
            }
            CustomerData { data, masked, markdown } => {
                let hint = if *markdown { ALLOW_IN_MARKDOWN } else { ALLOW_ELSEWHERE };
                format!(
                    "这看起来像客户的{}（{masked}）；请删除或打码，如果不是客户数据，请{hint}",
                    data_words(data)
                )
            }
            UncheckedFileType => "casebook 看不到这种文件的内容（Word、Excel、PowerPoint、PDF 或压缩包），所以没有检查客户数据；请打开确认里面没有客户的电话、身份证号、邮箱或卡号，或把文本放进 .txt 或 .csv 文件，这两种会被检查".to_string(),
            TooLargeToCheck { kb, limit_kb } => format!(
                "这个文件有 {kb} KB，超过 casebook 读取的上限 {limit_kb} KB，所以没有检查客户数据；请确认里面没有客户数据，或在 casebook.yaml 写 `limits: {{data_kb: {kb}}}` 提高上限"
            ),
            // issue 15 (md)
            UnclosedCodeFence { fence } => format!(
                "以 {fence} 开始的代码块没有结束，后面的内容全都会显示成代码；请在代码结束的地方加一行 {fence}"
            ),
            MathShownAsWritten => "$ 符号之间的数学公式会按原样显示：casebook 不排版公式（每次构建只在第一个出现的地方提醒一次）；要显示成代码，请放在反引号 ` 之间".to_string(),
            // issue 15 (fm)
            LooseBoolean { key, written, meant } => format!(
                "`{key}: {written}` 会被当成 `{key}: {meant}`；请写 `{key}: {meant}`（casebook 只识别不加引号的 `true` 和 `false`）"
            ),
            TitleFromHeading { title } => format!(
                "开头设置区没有 `title`，所以用了第一个标题 `# {title}`；请在开头设置区加一行 `title: {title}`"
            ),
            BackslashInQuotes { key, value } => format!(
                "双引号里的反斜杠 `\\` 是转义字符的开头（例如 `\\n` 代表换行），所以无法读取 `{key}`；请改用单引号：{key}: '{value}'，或把每个反斜杠写两次：`\\\\`"
            ),
            FrontMatterUnclosedToml => "第 1 行以 `+++` 开始的 TOML 设置区没有结束；请在最后一个字段后面加一行 `+++`".to_string(),
            TomlUnreadable { parser } => format!("无法读取 TOML 设置区：{parser}；文本值要加引号，例如 title = \"退货\""),
            JsonUnreadable { parser } => format!("无法读取 JSON 设置区：{parser}；它必须是一个 {{ ... }} 块，里面是用逗号分隔的 \"key\": value"),
            SkippedFolder { folder, markdown, publish_as } => format!(
                "文件夹 `{folder}` 里有 {markdown} 个 Markdown 文件，但名称以 `_` 或 `.` 开头的文件夹不会发布；要发布它们，请把文件夹改名为 `{publish_as}`"
            ),
            // issue 15 (imp)
            BadAlias { alias } => format!(
                "`aliases` 里的 `{alias}` 不能当作这篇文章的旧网址：请写成网站上的路径，例如 /2017/04/退货/ 或 old/page.html（不能有 `..`，也不能是其他网站）"
            ),
            AliasTaken { alias, by } => {
                let by = match by.as_str() {
                    super::english::MADE_BY_CASEBOOK => "casebook 生成的页面".to_string(),
                    path => format!("{path} "),
                };
                format!("`aliases` 里的 `{alias}` 已经是 {by}的网址；请从这里或那里的 `aliases` 删掉")
            }
            ArticleSkipped { errors } => format!(
                "这个文件因为这里列出的 {errors} 个错误没有放进网站（build --keep-going）；请修正后重新构建"
            ),
            // issue 16 (msg)
            UnknownLanguage { found } => format!(
                "`language` 必须是 zh-Hant（繁体中文）、zh-Hans（简体中文）或 en（英文），这里写的是 `{found}`；改正之前，网站和提示信息都使用繁体中文"
            ),
            // issue 16 (help)
            UnknownInterfaceWord { key } => {
                format!("没有 `{key}` 这个界面文字；可以用的名称请看 README 里「The interface's language」那一节")
            }
            // issue 18 (setup)
            BadHistorySetting { found } => format!(
                "`history` 必须是 `git`（页面从 git 显示每篇文章的修订记录、拉取请求与审阅者）或 `off`（不读 git），这里写的是 `{found}`"
            ),
            // issue 17 (ndjson)
            UnknownExportFormat { found, formats } => format!(
                "`search.export` 没有 `{found}` 这种搜索引擎；请写以下一个或多个：{}（elasticsearch 和 opensearch 相同）",
                formats.join("、")
            ),
            BadExportIndex { found } => format!(
                "`search.export_index` 只能用小写英文字母 a-z、数字、`-` 和 `_`，开头必须是字母或数字（最多 100 个），例如 `casebook`；这里写的是 `{found}`"
            ),
            // issue 18 (rewards)
            AwardAmbiguous { found, amount, why } => match why {
                MoneyAmbiguity::Dollar => format!(
                    "`{found}` 可能是新台币、美元或港币；请写 NT${amount}、US${amount} 或 HK${amount}（或 {amount} TWD、{amount} USD）"
                ),
                MoneyAmbiguity::Yuan => format!("`{found}` 可能是新台币或人民币；请写 {amount} TWD 或 {amount} CNY"),
                MoneyAmbiguity::NoCurrency => format!(
                    "奖金 `{found}` 没有写币种；请写 {amount} TWD、{amount} CNY 或 {{amount: {amount}, currency: TWD}}"
                ),
            },
            AwardNotWhole { found, currency, whole } => format!(
                "奖金 `{found}` 有小数，但 {currency} 按整数发放；请写整数金额，例如 {whole} {currency}"
            ),
            AwardUnknownCurrency { found } => {
                format!("`{found}` 不是币种；请写三个英文字母的币种代码，例如 TWD、CNY、USD 或 HKD")
            }
            SelfPick { editor, article, award } => format!(
                "{editor} 选了自己写的《{article}》{}；这项精选应由另一位编辑决定（把他的 ID 写在 `editor:`）",
                award.as_ref().map(|a| format!("，并给予 {a} 奖励")).unwrap_or_default()
            ),
            // issue 18 (preview)
            Placeholder { text, field: Some(field) } => {
                format!("`{field}` 还是模板里的示范文字（「{text}」）；请改写成你自己的内容")
            }
            Placeholder { text, field: None } => {
                format!("这一行还是模板里的示范文字（「{text}」）；请改写成你自己的内容，或删掉这一行")
            }
        }
    }
}

fn not_opened(why: &NotOpened) -> String {
    match why {
        NotOpened::NowALink => "它现在是符号链接，而 casebook 不跟随链接".to_string(),
        NotOpened::NotAFile => "它不是一般文件".to_string(),
        NotOpened::BehindALink { real } => {
            format!("它要经过符号链接才能找到（实际位置是 {real}），而 casebook 不跟随链接")
        }
    }
}

/// A YAML value for "这里写的是...".
fn describe(found: &Found) -> String {
    match found {
        Found::Nothing => "空白".to_string(),
        Found::Value(v) => format!(" `{v}`"),
        Found::List => "一个列表".to_string(),
        Found::Fields => "一组 `key: value`".to_string(),
    }
}

/// "一个指向 `/etc` 的符号链接，它在案例库文件夹外面".
fn describe_link(link: &LinkTarget) -> String {
    let to = match &link.written {
        Some(w) => format!("一个指向 `{w}`（{}）的符号链接", link.target),
        None => format!("一个指向 `{}` 的符号链接", link.target),
    };
    match (link.outside, link.exists) {
        (true, _) => format!("{to}，它在案例库文件夹外面"),
        (false, false) => format!("{to}，它指向的地方不存在"),
        (false, true) => to,
    }
}

/// Why a link leads nowhere.
fn link_problem(why: &LinkProblem) -> String {
    match why {
        LinkProblem::OutsideContent { name } => format!("`{name}` 指到 content/ 外面"),
        LinkProblem::ClimbsOut { path } => {
            format!("`{path}` 跑出了 content 文件夹；请改从 content 开始写路径，例如 /cases/退货.md")
        }
        LinkProblem::AmbiguousTitle { name, sources, example } => format!(
            "有 {} 篇文章的标题是“{name}”：{}；请改用路径链接到其中一篇，例如 [[{example}]]",
            sources.len(),
            sources.join("、")
        ),
        LinkProblem::AmbiguousSlug { name, sources, example } => format!(
            "有 {} 篇文章的 slug 是 `{name}`：{}；请改用路径链接到其中一篇，例如 [[{example}]]",
            sources.len(),
            sources.join("、")
        ),
        LinkProblem::NoSuchName { name, suggestion: Some(s) } => {
            format!("没有文章的标题或 slug 是 `{name}`；是不是想写 [[{s}]]？")
        }
        LinkProblem::NoSuchName { name, suggestion: None } => format!("没有文章的标题或 slug 是 `{name}`"),
        LinkProblem::MissingFile { written, resolved, suggestion: Some(s) } => {
            format!("`{written}` 指向 content/{resolved}，但这个文件不存在；是不是想写 content/{s}？")
        }
        LinkProblem::MissingFile { written, resolved, suggestion: None } => {
            format!("`{written}` 指向 content/{resolved}，但这个文件不存在")
        }
        LinkProblem::ThroughSymlink { written, resolved, at, link } => {
            let what = match at {
                None => "它是".to_string(),
                Some(at) => format!("而 {at} 是"),
            };
            format!(
                "`{written}` 指向 content/{resolved}，{what}{}；casebook 不会发布经过链接的文件，请把文件本身放在那里，不要用链接",
                describe_link(link)
            )
        }
        LinkProblem::NoHeading { source, wanted, suggestion: Some(s), .. } => {
            format!("{source} 没有 `#{wanted}` 这个标题；是不是想写 `#{s}`？")
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, .. } if headings.is_empty() => {
            format!("{source} 没有任何标题，所以 `#{wanted}` 无法跳转到任何位置")
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, more: 0 } => {
            format!("{source} 没有 `#{wanted}` 这个标题；它的标题有：{}", headings.join("、"))
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, more } => {
            format!("{source} 没有 `#{wanted}` 这个标题；最接近的标题有：{}（另外还有 {more} 个）", headings.join("、"))
        }
        // issue 15 (finish)
        LinkProblem::LeftOut { written, source } => {
            format!("`{written}` 指向 {source}，但它有自己的错误，这次构建没有包含它；等它的错误修好，这个链接就会正常")
        }
    }
}

fn wanted_words(wanted: Wanted) -> &'static str {
    match wanted {
        Wanted::WholeNumber => "整数，例如 20",
        Wanted::Number => "数字",
        Wanted::List => "列表，例如 [tags, channel]",
        Wanted::Fields => "缩进在它下面的几行 `name: value`",
        Wanted::TrueOrFalse => " true 或 false",
        Wanted::Text => "文字",
    }
}

/// What a front-matter field of text holds.
fn text_field_hint(key: &str) -> &'static str {
    match key {
        "title" => "标题，例如 `title: 客户要求退回已拆封耳机`",
        "kind" => "`case`、`essay` 或 `response`",
        "summary" => "一两句话",
        "slug" => "网址的最后一段，例如 `slug: 退货-耳机`",
        "product" => "产品名称",
        "series" => "系列名称，例如 `series: 每日一案例`",
        "lang" => "语言代码，例如 zh-Hant、zh-Hans 或 en",
        "responds_to" => "所回应文章的 slug、路径或标题",
        // `channel`, `outcome`, `priority`.
        _ => "一个词",
    }
}

fn address_size(bytes: usize, max: usize) -> String {
    format!("有 {bytes} 字节（一个中文字占 3 字节），而网址里的一段名称最多只能 {max} 字节")
}

/// "来自 content/x.md", or what makes a page no one file makes.
fn made_from(from: &Option<String>) -> String {
    match from {
        Some(p) => format!("来自 {p}"),
        None => "casebook 生成的页面".to_string(),
    }
}

fn data_words(data: &CustomerData) -> String {
    let words = match data {
        CustomerData::MobilePhone => "手机号码",
        CustomerData::Landline => "座机号码",
        CustomerData::Email => "邮箱地址",
        CustomerData::ResidentId => "身份证号",
        CustomerData::BankCard => "银行卡号",
        CustomerData::Custom(name) => return format!("“{name}”"),
    };
    words.to_string()
}
