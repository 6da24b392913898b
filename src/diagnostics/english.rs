//! The words of every message in English: one arm per kind of [`Problem`],
//! made from the values the problem carries. [`super::hant`] and
//! [`super::hans`] say the same in Traditional and Simplified Chinese, and
//! [`Problem::message`] picks one (see [`super::catalogue`]).

use super::problem::Problem;
use super::values::{
    CustomerData, DateError, Found, LinkProblem, LinkTarget, MoneyAmbiguity, NotOpened, PageOf, PathProblem,
    SvgContent, Wanted,
};

/// The start of an article, shown where a file has none.
const EXAMPLE: &str = "---\ntitle: 客戶要求退回已拆封耳機\ndate: 2026-11-22\n---";

/// Which addresses survive cleaning.
const ADDRESSES: &str = "only relative, http(s) and mailto: addresses (and data:image/... for images) are published";

/// What `AliasTaken`'s `by` holds when no one file makes the page that has
/// the address (render's words: the other languages say it their way).
pub const MADE_BY_CASEBOOK: &str = "a page casebook makes";

/// What to write for a prize or a money award.
const AWARD_SHAPE: &str = "`award` must be a prize name or {amount: 500, currency: TWD}";

impl Problem {
    /// What is wrong and what to change, in plain English. One arm per kind,
    /// with no catch-all, so a new kind cannot be left without words: a
    /// table more than a function, hence its length.
    pub(super) fn english(&self) -> String {
        use Problem::*;
        match self {
            Unreadable { error } => format!("could not be read: {error}"),
            Removed => "could not be read: it was removed".to_string(),
            NotOpened { why } => format!("could not be read: {why}"),
            NotUtf8 => "this file is not UTF-8 text (perhaps Big5 or GBK); open it in your editor and save it with the encoding \"UTF-8\"".to_string(),
            ArticleTooLarge { kb, limit_kb } => format!(
                "this file is {kb} KB, more than the {limit_kb} KB casebook reads for an article; split it into smaller articles, or raise the limit in casebook.yaml with `limits: {{article_kb: {kb}}}`"
            ),
            DataTooLarge { kb, limit_kb } => format!(
                "this file is {kb} KB, more than the {limit_kb} KB casebook reads for a data file; make it smaller, or raise the limit in casebook.yaml with `limits: {{data_kb: {kb}}}`"
            ),
            ConfigTooLarge { kb, limit_kb } => format!(
                "this file is {kb} KB, more than the {limit_kb} KB casebook reads for its settings; casebook.yaml holds settings only, so remove what is not a setting"
            ),
            SymlinkSkipped { link } => format!(
                "this is {}: casebook follows no links, so it is left out of the site; put the file itself here instead of a link",
                describe_link(link)
            ),
            SymlinkOutside { link } => format!(
                "this is {}: nothing is read through it and it is left out of the site; put the files themselves in the journal instead of a link",
                describe_link(link)
            ),
            ConfigNotUtf8 => "this file is not UTF-8 text (perhaps Big5 or GBK) from here on; open it in your editor and save it with the encoding \"UTF-8\"".to_string(),
            UnknownSetting { key, suggestion: Some(s), .. } => format!("unknown setting `{key}`; did you mean `{s}`?"),
            UnknownSetting { key, suggestion: None, known } => {
                format!("unknown setting `{key}`; the settings are: {}", known.join(", "))
            }
            SettingWrongType { key, wanted, found } => format!("`{key}` must be {}, found `{found}`", wanted_words(*wanted)),
            BadBaseUrl { found } => format!("`base_url` must be a full address like https://intranet.example/journal/ (or / for a site at the server's root), found `{found}`"),
            BadSlugify { found } => format!("`slugify` must be `unicode` (keep Chinese in addresses) or `ascii`, found `{found}`"),
            BadLinksSetting { found } => format!("`links` must be `error` (a broken link stops the build) or `warn` (it is only reported), found `{found}`"),
            BadRawHtml { found } => format!("`raw_html` must be `clean` (raw HTML is cleaned, no script runs) or `allow` (published as written, script included), found `{found}`"),
            UnknownSearchField { field, fields } => {
                format!("`search.weights` has no field `{field}`; the fields are: {}", fields.join(", "))
            }
            BadTimezone { found } => format!("`timezone` must be an offset from UTC like \"+08:00\" (in quotes), found `{found}`"),
            BadPrivacyPattern { name, error } => {
                format!("the privacy pattern `{name}` is not a valid regular expression ({error})")
            }
            BadPaginate => "`paginate` must be 1 or more (articles per list page)".to_string(),
            BadLimit { key } => format!("`limits.{key}` must be 1 or more (a size in KB)"),
            BadSectionKind { section, found } => {
                format!("section `{section}`: `kind` must be `case` or `essay`, found `{found}`")
            }
            BadTaxonomy { key } => format!("`{key}` cannot be a taxonomy: use a front-matter field name such as `tags` or `channel`"),
            BadThemeName { theme } => format!("`theme: {theme}` must be the name of a folder in themes/, like `theme: default`"),
            ThemeNotFound { theme } => format!("the theme `{theme}` was not found: there is no folder themes/{theme}/; remove `theme:` to use the built-in theme"),
            YamlTooDeep { max } => format!(
                "this is nested more than {max} levels deep (lists or `key: value` sets inside one another); casebook reads at most {max} levels, so write it with less nesting"
            ),
            YamlAliasLoop { name } => format!(
                "`*{name}` is used inside the value it repeats (`&{name}`), which would repeat without end; write the value out instead"
            ),
            YamlAliasTooLarge { name, kb } => format!(
                "the `*` references in this file would repeat more than {kb} KB of text (`&{name}` marks a value and `*{name}` repeats it); write the values out instead of repeating them"
            ),
            YamlUnclosedQuote => "this quote is never closed; put the matching quote at the end of the value".to_string(),
            YamlUnclosedList => "this list is never closed; write it like [退貨, 耳機] with a `]` at the end".to_string(),
            YamlUnclosedBrace => "this `{` is never closed; if it is not meant as a set of fields, put the value in quotes".to_string(),
            YamlDuplicateKey { key } => format!("`{key}` is written twice; keep only one `{key}:` line"),
            YamlColonInValue { parser } => format!(
                "the YAML could not be read: {parser}; a value that contains `: ` must be put in quotes, like title: \"退貨: 耳機\", and a field must not be indented"
            ),
            YamlBadIndentation { parser } => format!("the YAML could not be read: {parser}; check that this line is indented like the lines around it"),
            YamlReservedCharacter { parser } => format!("the YAML could not be read: {parser}; a value starting with @, ` or a tab must be put in quotes"),
            YamlUnreadable { parser } => format!("the YAML could not be read: {parser}"),
            EmptyFile => format!("the file is empty; an article starts with its front matter, like\n{EXAMPLE}\nthen its text"),
            NoFrontMatter => format!("the file does not start with front matter; put these lines at the very top (the first line must be exactly `---`):\n{EXAMPLE}"),
            FrontMatterUnclosed => "the front matter that starts on line 1 is never closed; add a line `---` after its last field".to_string(),
            FullWidthColon { key } => format!("`{key}` is followed by a full-width colon `：`; type a normal colon and a space: `{key}: ...`"),
            NoSpaceAfterColon { key, value } => format!("put a space after the colon: `{key}: {value}`"),
            SpecialFirstCharacter { key, first, value } => format!(
                "the value of `{key}` starts with `{first}`, which has a special meaning in YAML; put the whole value in double quotes: {key}: \"{}\"",
                value.replace('"', "\\\"")
            ),
            FrontMatterNotFields => "the front matter must be `key: value` lines, like `title: 客戶要求退回已拆封耳機`".to_string(),
            EmptyTitle => "`title` is empty; write the article's title after `title:`".to_string(),
            MissingTitle => "the front matter has no `title`; add a line like `title: 客戶要求退回已拆封耳機`".to_string(),
            MissingDate => "the front matter has no `date`; add a line like `date: 2026-11-22` (the day it was written)".to_string(),
            BadKind { found } => format!("`kind` must be `case`, `essay` or `response`, found `{found}`"),
            BadDraft { found } => format!("`draft` must be `true` or `false` (without quotes), found {}", describe(found)),
            EmptyRespondsTo => "`responds_to` is empty; write the slug, path or title of the case this critique answers".to_string(),
            BadSatisfaction { found } => format!("`satisfaction` must be a whole number from 1 to 5, found `{found}`"),
            UnknownCompetency { name, suggestion, all } => {
                let hint = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("use one of: {}", all.join("、")),
                };
                format!("`{name}` is not one of the eight competencies; {hint}")
            }
            MisspelledField { key, known } => format!("`{key}` is not a field casebook knows; did you mean `{known}`? (unknown fields are only passed to templates)"),
            CommentInValue { key, raw, kept } => format!(
                "YAML reads `#` here as the start of a comment, so `{key}` {}; put the whole value in double quotes: {key}: \"{raw}\"",
                match kept {
                    None => "is empty".to_string(),
                    Some(kept) => format!("stops at `{kept}`"),
                }
            ),
            NotText { key, found } => format!(
                "`{key}` must be a single line of text ({}), found {}",
                text_field_hint(key),
                describe(found)
            ),
            NotAList { key, found } => format!("`{key}` must be a list like `{key}: [退貨, 耳機]`, found {}", describe(found)),
            BadListItem { key, found } => format!(
                "each item of `{key}` must be a short text, found {}; write `{key}: [退貨, 耳機]`",
                describe(found)
            ),
            NotAllowed { key, value, suggestion, allowed } => {
                let hint = match suggestion {
                    Some(c) => format!("did you mean `{c}`?"),
                    None => format!("use one of: {}", allowed.join(", ")),
                };
                format!("`{key}` cannot be `{value}`; {hint}")
            }
            NotANumber { key, found } => {
                let what = match key.as_str() {
                    "series_order" => "a whole number, like `series_order: 3`",
                    "satisfaction" => "a whole number from 1 to 5",
                    _ => "a whole number",
                };
                format!("`{key}` must be {what}, found {}", describe(found))
            }
            ImpossibleDate { key, written, why } => {
                let why = match why {
                    DateError::NoMonth(month) => format!("there is no month {month}"),
                    DateError::NoDay { month, day } => format!("month {month} has no day {day}"),
                };
                format!("`{key}` is {written}, but {why}; check the month and the day")
            }
            BadDate { key, found } => {
                let shown = match found {
                    Found::Value(v) => v.clone(),
                    other => describe(other),
                };
                format!("`{key}` must look like 2026-11-22 (year-month-day), found `{shown}`")
            }
            RespondsToItself => "`responds_to` names this article itself; name the case it answers".to_string(),
            RespondsToNotFound { why } => {
                format!("this critique answers an article that cannot be found: {}", link_problem(why))
            }
            SlugTooLong { bytes, max } => format!(
                "`slug` is too long: the address it makes is {}; shorten it to at most 85 Chinese characters or {max} letters",
                address_size(*bytes, *max)
            ),
            NameTooLong { bytes, max, folder } => {
                let what = if *folder { "folder" } else { "file" };
                format!(
                    "the {what} name makes this article's address {}; give the {what} a shorter name, or write a shorter `slug:` in the front matter",
                    address_size(*bytes, *max)
                )
            }
            AddressTaken { prefix, wanted, given } => format!(
                "another article already has the address {prefix}{wanted}/, so this one is published at {prefix}{given}/; set `slug:` in its front matter to choose a name"
            ),
            NoContentFolder => "there is no `content` folder, so the site has no articles; put Markdown files in content/cases/ or content/essays/".to_string(),
            SameTermAddress { other, name, taxonomy, slug, published, title } => format!(
                "`{other}` and `{name}` would have the same address {taxonomy}/{slug}/, so `{other}` is published at {taxonomy}/{published}/; if they are one {title}, write them the same way"
            ),
            AuthorBadField { parser } => format!("{parser}; each author is written as\nchen-meiling:\n  name: 陳美玲\n  team: 電話客服一組\n  bio: 一句介紹\n  email: meiling.chen@example.com  # optional: the address used in git\n  staff_id: E1001  # optional: the number payroll knows them by"),
            AuthorBadId { id } => format!("the author id `{id}` names the folder of the author's page (authors/{id}/), so it cannot be empty, `.` or `..`, or contain `/` or `\\`; use letters, digits and `-`, like `chen-meiling`"),
            TagsBadField { parser } => format!("{parser}; the file has `strict:` and `tags:`, and each tag may have `description:` and `aliases:`"),
            TagInTwoPlaces { spelling, other, name } => {
                format!("`{spelling}` belongs to both `{other}` and `{name}`; keep it under one of them")
            }
            TagNotListed { tag, suggestion, file } => {
                let hint = match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "use one of the tags listed there".to_string(),
                };
                format!("the tag `{tag}` is not in {file}; {hint} (to add a new tag, add it to {file})")
            }
            PicksNotPeriods => "the file must list periods like `2026-11:`, each with its picks".to_string(),
            BadPeriod { period } => format!("`{period}` is not a period; write a month like 2026-11 or a quarter like 2026-Q4"),
            PeriodNotAList { period } => format!("under `{period}:` list the picks, each starting with `- article:`"),
            PickNotFields => "each pick is a set of fields: `- article: ...`, `reason:`, `award:`, `editor:`".to_string(),
            PickBadArticle => "`article` must be the slug, path or title of the picked article".to_string(),
            PickUnknownField { field } => format!("a pick has no field `{field}`; its fields are article, reason, award and editor"),
            PickNoArticle => "this pick has no `article:`; name the picked article by its slug, path or title".to_string(),
            AwardBadShape => AWARD_SHAPE.to_string(),
            AwardIncomplete => format!("{AWARD_SHAPE}; this one lacks its amount or its currency"),
            AwardDecimals { found } => format!(
                "the award amount {} has more than 2 decimals; money is paid in cents, so write at most 2, like 312.50",
                describe(found)
            ),
            AwardNegative { found } => format!("the award amount {} is below 0; write the amount paid", describe(found)),
            AwardNotANumber { found } => format!(
                "the award amount {} is not a number; write it in digits, like {{amount: 500, currency: TWD}}",
                describe(found)
            ),
            PickArticleNotFound { period, why } => format!(
                "the pick for {period} names an article that cannot be found: {}",
                link_problem(why)
            ),
            PickRepeated { period, first_line } => format!(
                "this article is already picked for {period} on line {first_line}; keep one pick (an award is paid per pick)"
            ),
            PickNoEditor => "this pick has no `editor:`; write the id of the editor who chose it".to_string(),
            UnknownEditor { name } => format!("the editor `{name}` is not in data/authors.yaml; use an editor's id from that file"),
            HeadingWithoutSpace { text, fixed } => format!("`{text}` is not a heading; put a space after the #: `{fixed}`"),
            BoldNotRead => "`**` was not read as bold; close it with another `**` in the same paragraph, or write `\\*\\*` to show the asterisks".to_string(),
            DuplicateHeading { id } => format!("an earlier heading has the same text, so this one's link is #{id}; give it a different title to make its link clearer"),
            UnsafeLinkAddress { address, image } => {
                let what = if *image { "image" } else { "link" };
                format!("the address `{address}` was removed from this {what}: {ADDRESSES}")
            }
            HtmlRemovedWithContent { tag } => format!(
                "`<{tag}>` was removed with its content: raw HTML that runs script, embeds another page or restyles the site is not published; to show such code, put it in a code block (```html)"
            ),
            HtmlTagRemoved { tag } => format!("`<{tag}>` was removed (its text is kept): raw HTML may use only article markup, such as tables, details, kbd, sup, sub, images and links"),
            HtmlEventAttribute { tag, attr } => {
                format!("the `{attr}` attribute of `<{tag}>` was removed: raw HTML that runs script is not published")
            }
            HtmlAttributeRemoved { tag, attr } => format!("the `{attr}` attribute of `<{tag}>` was removed: raw HTML may use only the attributes of article markup, such as href, src, alt, title and id"),
            HtmlAddressRemoved { tag, attr, address } => {
                format!("the address `{address}` of `<{tag} {attr}>` was removed: {ADDRESSES}")
            }
            HtmlStyleRemoved { tag } => format!(
                "the `style` attribute of `<{tag}>` was removed: articles take their look from the site's theme"
            ),
            HtmlClassRemoved { tag, value } => format!(
                "a class of `<{tag}>` was removed (`{value}`): articles take their look from the site's theme"
            ),
            BrokenLink { why: why @ LinkProblem::LeftOut { .. } } => format!("link left out: {}", link_problem(why)),
            BrokenLink { why } => format!("broken link: {}", link_problem(why)),
            ActiveSvg { what } => {
                let what = match what {
                    SvgContent::Element(e) => format!("a `<{e}>` element"),
                    SvgContent::Address(scheme) => format!("a `{scheme}` address"),
                    SvgContent::EventAttribute(name) => format!("an event attribute `{name}`"),
                    SvgContent::CharacterReferences => "an address written with character references".to_string(),
                };
                format!("this drawing contains {what}, which would run as script when the file is opened on its own, so it is not published; remove it, or export the drawing again as a plain SVG or PNG")
            }
            ShallowClone => "this is a shallow clone (CI makes those): first-published dates and revision lists from git may be incomplete; clone with full history (fetch-depth: 0) for complete ones".to_string(),
            TemplateInvalid { detail } => format!("the template could not be read: {detail}"),
            TemplateFailed { detail, page, others } => {
                let mut m = format!("the template failed while making a page: {detail}");
                match page {
                    Some(PageOf { source, missing_field: Some(field) }) => m.push_str(&format!(
                        " (making the page of {source}, whose front matter has no `{field}`: add `{field}:` to it, or write {{% if article.extra.{field} %}} around its use in the template)"
                    )),
                    Some(PageOf { source, missing_field: None }) => m.push_str(&format!(" (making the page of {source})")),
                    None => {}
                }
                if *others > 0 {
                    m.push_str(&format!(" (and {others} other article pages)"));
                }
                m
            }
            UnwritablePath { path, why } => {
                let why = match why {
                    PathProblem::TooLong { bytes, max } => format!(
                        "the path is {bytes} bytes long and can be at most {max}; use shorter folder or file names"
                    ),
                    PathProblem::BadFolderName { part } => {
                        format!("`{part}` cannot be a folder name (it would lead outside the site); rename it")
                    }
                    PathProblem::NameTooLong { part, bytes, max } => format!(
                        "the name `{part}` is {bytes} bytes long (a Chinese character takes 3 bytes), and file systems allow at most {max}; give it a shorter name"
                    ),
                };
                format!("the site would have a file at `{path}`, which cannot be written: {why}")
            }
            FileWhereFolderNeeded { file, inside, from } => format!(
                "this is published as the file `{file}`, but the site needs a folder of that name for `{inside}` ({}); rename one of them",
                made_from(from)
            ),
            InsideAFile { inside, file, from } => format!(
                "this is published at `{inside}`, but `{file}` is already a file of the site ({}); rename the folder or the file",
                made_from(from)
            ),
            MissingSections { missing, like: Some(like), all, .. } => format!(
                "`{like}` is not one of a case's sections; did you mean `## {missing}`? A case has the sections {}",
                all.join(", ")
            ),
            MissingSections { missing, after, before, all, .. } => {
                let place = match (after, before) {
                    (Some(a), Some(b)) => format!("after the section `{a}`, before `{b}`"),
                    (Some(a), None) => format!("after the section `{a}`, at the end"),
                    (None, Some(b)) => format!("before `{b}`"),
                    (None, None) => "to the text".to_string(),
                };
                format!("this case has no `## {missing}` section; add it {place} (a case has the sections {}, in this order)", all.join(", "))
            }
            MisspelledAllowMarker { written, meant, in_front_matter } => {
                let what = if meant.ends_with("next-line") { "the next line" } else { "this line" };
                let (open, close) = if *in_front_matter { ("# ", "") } else { ("<!-- ", " -->") };
                format!(
                    "the allow marker `{written}` is not written the way casebook reads it, so {what} is still checked for customer data; write it exactly as {open}{meant}{close}"
                )
            }
            CustomerData { data, masked, markdown } => {
                let hint = if *markdown {
                    "add <!-- casebook:allow-pii --> at the end of the line (in the front matter: # casebook:allow-pii)"
                } else {
                    "add casebook:allow-pii on the same line (in a comment, where the format has one)"
                };
                format!(
                    "this looks like a customer's {} ({masked}); remove or mask it, or if it is not customer data {hint}",
                    data_words(data)
                )
            }
            UncheckedFileType => "casebook cannot look inside this kind of file (Word, Excel, PowerPoint, PDF or an archive), so it was not checked for customer data; open it and make sure it holds no customer's phone number, ID number, e-mail address or card number, or put its text in a .txt or .csv file, which is checked".to_string(),
            TooLargeToCheck { kb, limit_kb } => format!(
                "this file is {kb} KB, more than the {limit_kb} KB casebook reads, so it was not checked for customer data; make sure it holds none, or raise the limit in casebook.yaml with `limits: {{data_kb: {kb}}}`"
            ),
            // issue 15 (md)
            UnclosedCodeFence { fence } => format!(
                "this code block opened with {fence} is never closed, so everything after it shows as code; put a line with {fence} where the code ends"
            ),
            MathShownAsWritten => "math between $ signs is shown as written: casebook does not typeset formulas (said once per build, at the first place math appears); to show it as code, put it between backticks".to_string(),
            // issue 15 (fm)
            LooseBoolean { key, written, meant } => format!(
                "`{key}: {written}` is read as `{key}: {meant}`; write `{key}: {meant}` (casebook reads only `true` and `false`, without quotes)"
            ),
            TitleFromHeading { title } => format!(
                "the front matter has no `title`, so the first heading `# {title}` is used; add a line `title: {title}` to the front matter"
            ),
            BackslashInQuotes { key, value } => format!(
                "a backslash `\\` inside double quotes starts an escape (like `\\n` for a new line), so `{key}` cannot be read; put the value in single quotes, {key}: '{value}', or write each backslash twice: `\\\\`"
            ),
            FrontMatterUnclosedToml => "the TOML front matter that starts with `+++` on line 1 is never closed; add a line `+++` after its last field".to_string(),
            TomlUnreadable { parser } => format!("the TOML front matter could not be read: {parser}; a text value must be in quotes, like title = \"退貨\""),
            JsonUnreadable { parser } => format!("the JSON front matter could not be read: {parser}; it must be one {{ ... }} block with \"key\": value pairs separated by commas"),
            SkippedFolder { folder, markdown, publish_as } => format!(
                "the folder `{folder}` holds {}, but folders whose name starts with `_` or `.` are not published; to publish them, rename the folder to `{publish_as}`",
                super::console::english_count(*markdown, "Markdown file", "Markdown files")
            ),
            // issue 15 (imp)
            BadAlias { alias } => format!(
                "`{alias}` in `aliases` cannot be an old address of this article: write the old address as a path on the site, like /2017/04/退貨/ or old/page.html (no `..`, no other web site)"
            ),
            AliasTaken { alias, by } => format!(
                "`{alias}` in `aliases` is already the address of {by}; remove it from `aliases` here or there"
            ),
            ArticleSkipped { errors } => format!(
                "this file was left out of the site (build --keep-going) because of its {} listed here; fix them and build again",
                super::console::english_count(*errors, "error", "errors")
            ),
            // issue 16 (msg)
            UnknownLanguage { found } => format!(
                "`language` must be zh-Hant (Traditional Chinese), zh-Hans (Simplified Chinese) or en (English), found `{found}`; the site and its messages are in Traditional Chinese until it names one of them"
            ),
            // issue 16 (help)
            UnknownInterfaceWord { key } => format!(
                "`{key}` is not one of the interface's words; their names are in the README, under \"The interface's language\""
            ),
            // issue 18 (setup)
            BadHistorySetting { found } => format!(
                "`history` must be `git` (pages show each article's revisions, pull requests and reviewers from git) or `off` (git is not read), found `{found}`"
            ),
            // issue 17 (ndjson)
            UnknownExportFormat { found, formats } => format!(
                "`search.export` has no engine `{found}`; write one or more of: {} (elasticsearch is the same as opensearch)",
                formats.join(", ")
            ),
            BadExportIndex { found } => format!(
                "`search.export_index` must be a name of lowercase letters a-z, digits, `-` and `_`, starting with a letter or digit (at most 100), such as `casebook`; found `{found}`"
            ),
            // issue 18 (rewards)
            AwardAmbiguous { found, amount, why } => match why {
                MoneyAmbiguity::Dollar => format!(
                    "`{found}` could be New Taiwan, US or Hong Kong dollars; write NT${amount}, US${amount} or HK${amount} (or {amount} TWD, {amount} USD)"
                ),
                MoneyAmbiguity::Yuan => format!(
                    "`{found}` could be New Taiwan dollars or renminbi; write {amount} TWD or {amount} CNY"
                ),
                MoneyAmbiguity::NoCurrency => format!(
                    "the award `{found}` has no currency; write {amount} TWD, {amount} CNY or {{amount: {amount}, currency: TWD}}"
                ),
            },
            AwardNotWhole { found, currency, whole } => format!(
                "the award `{found}` has decimals, but {currency} is paid in whole units; write a whole amount, like {whole} {currency}"
            ),
            AwardUnknownCurrency { found } => format!(
                "`{found}` is not a currency; write a three-letter code such as TWD, CNY, USD or HKD"
            ),
            SelfPick { editor, article, award } => format!(
                "{editor} picks “{article}”, which they wrote{}; another editor should make this pick (write their id in `editor:`)",
                award.as_ref().map(|a| format!(", and awards it {a}")).unwrap_or_default()
            ),
            // issue 18 (preview)
            Placeholder { text, field: Some(field) } => format!(
                "`{field}` is still the example of the template (`{text}`); write your own in its place"
            ),
            Placeholder { text, field: None } => format!(
                "this is still the example text of the template (`{text}`); write your own in its place, or delete the line"
            ),
        }
    }
}

/// Why a file was not opened: also the text of the I/O error that carries
/// it, where it is shown outside a diagnostic.
impl std::fmt::Display for NotOpened {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotOpened::NowALink => write!(f, "it is now a link, and casebook follows no links"),
            NotOpened::NotAFile => write!(f, "it is not a plain file"),
            NotOpened::BehindALink { real } => {
                write!(f, "it is reached through a link (it is really {real}), and casebook follows no links")
            }
        }
    }
}

impl std::error::Error for NotOpened {}

/// A YAML value for "found ...": `found 22/11/2026`, `found a list`.
pub fn describe(found: &Found) -> String {
    match found {
        Found::Nothing => "nothing".to_string(),
        Found::Value(v) => format!("`{v}`"),
        Found::List => "a list".to_string(),
        Found::Fields => "a set of `key: value` lines".to_string(),
    }
}

/// "a link to `/etc`, which is outside the journal".
pub fn describe_link(link: &LinkTarget) -> String {
    let to = match &link.written {
        Some(w) => format!("a link to `{w}` ({})", link.target),
        None => format!("a link to `{}`", link.target),
    };
    match (link.outside, link.exists) {
        (true, _) => format!("{to}, which is outside the journal"),
        (false, false) => format!("{to}, which does not exist"),
        (false, true) => to,
    }
}

/// Why a link leads nowhere.
fn link_problem(why: &LinkProblem) -> String {
    match why {
        LinkProblem::OutsideContent { name } => format!("`{name}` points outside content/"),
        LinkProblem::ClimbsOut { path } => format!(
            "`{path}` climbs out of the content folder; link from the content root instead, like /cases/退貨.md"
        ),
        LinkProblem::AmbiguousTitle { name, sources, example } => format!(
            "{} articles have the title 「{name}」: {}; link to one by its path instead, like [[{example}]]",
            sources.len(),
            sources.join(", ")
        ),
        LinkProblem::AmbiguousSlug { name, sources, example } => format!(
            "{} articles have the slug `{name}`: {}; link to one by its path instead, like [[{example}]]",
            sources.len(),
            sources.join(", ")
        ),
        LinkProblem::NoSuchName { name, suggestion: Some(s) } => {
            format!("no article has the title or slug `{name}`; did you mean [[{s}]]?")
        }
        LinkProblem::NoSuchName { name, suggestion: None } => format!("no article has the title or slug `{name}`"),
        LinkProblem::MissingFile { written, resolved, suggestion: Some(s) } => {
            format!("`{written}` leads to content/{resolved}, which does not exist; did you mean content/{s}?")
        }
        LinkProblem::MissingFile { written, resolved, suggestion: None } => {
            format!("`{written}` leads to content/{resolved}, which does not exist")
        }
        LinkProblem::ThroughSymlink { written, resolved, at, link } => {
            let what = match at {
                None => "which".to_string(),
                Some(at) => format!("and {at}"),
            };
            format!(
                "`{written}` leads to content/{resolved}, {what} is {}; casebook publishes nothing through links, so put the file itself there instead of the link",
                describe_link(link)
            )
        }
        LinkProblem::NoHeading { source, wanted, suggestion: Some(s), .. } => {
            format!("{source} has no heading `#{wanted}`; did you mean `#{s}`?")
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, .. } if headings.is_empty() => {
            format!("{source} has no headings, so `#{wanted}` leads nowhere")
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, more: 0 } => {
            format!("{source} has no heading `#{wanted}`; its headings are: {}", headings.join(", "))
        }
        LinkProblem::NoHeading { source, wanted, suggestion: None, headings, more } => format!(
            "{source} has no heading `#{wanted}`; the closest of its headings are: {} (and {more} more)",
            headings.join(", ")
        ),
        // issue 15 (finish)
        LinkProblem::LeftOut { written, source } => format!(
            "`{written}` leads to {source}, which was left out of this build because of its own errors; it will work once they are fixed"
        ),
    }
}

fn wanted_words(wanted: Wanted) -> &'static str {
    match wanted {
        Wanted::WholeNumber => "a whole number, like 20",
        Wanted::Number => "a number",
        Wanted::List => "a list, like [tags, channel]",
        Wanted::Fields => "`name: value` lines indented under it",
        Wanted::TrueOrFalse => "true or false",
        Wanted::Text => "text",
    }
}

/// What a front-matter field of text holds, for "must be a single line of text (...)".
fn text_field_hint(key: &str) -> &'static str {
    match key {
        "title" => "a title, like `title: 客戶要求退回已拆封耳機`",
        "kind" => "`case`, `essay` or `response`",
        "summary" => "one or two sentences",
        "slug" => "the last part of the address, like `slug: 退貨-耳機`",
        "product" => "the product's name",
        "series" => "the series' name, like `series: 每日一案例`",
        "lang" => "a language code like zh-Hant, zh-Hans or en",
        "responds_to" => "the slug, path or title of the article it answers",
        // `channel`, `outcome`, `priority`.
        _ => "one word",
    }
}

fn address_size(bytes: usize, max: usize) -> String {
    format!(
        "{bytes} bytes long (a Chinese character takes 3 bytes), and a name in an address can be at most {max} bytes"
    )
}

/// "from content/x.md", or what makes a page no one file makes.
fn made_from(from: &Option<String>) -> String {
    match from {
        Some(p) => format!("from {p}"),
        None => "a page casebook makes".to_string(),
    }
}

fn data_words(data: &CustomerData) -> &str {
    match data {
        CustomerData::MobilePhone => "mobile phone number",
        CustomerData::Landline => "landline number",
        CustomerData::Email => "e-mail address",
        CustomerData::ResidentId => "resident ID number",
        CustomerData::BankCard => "bank card number",
        CustomerData::Custom(name) => name,
    }
}
