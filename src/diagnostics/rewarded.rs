//! The words of `casebook rewards` besides the problems: the table's
//! headings and totals, and what it says about addresses and candidates,
//! in the three languages, one exhaustive `match` per language like
//! [`super::Said`]'s. The reasons a candidate is shown are interface words
//! (`candidate_critiques`…, [`crate::config::i18n`]), shared with the
//! preview's page.

use crate::lang::Lang;

/// A line or a cell `casebook rewards` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RewardSaid {
    /// The award table's headings, in [`AWARD_COLUMNS`] order.
    Column(AwardColumn),
    /// The candidates table's headings.
    CandidateColumn(CandidateColumn),
    /// The row after a period's awards.
    PeriodTotal {
        period: String,
    },
    /// The row after every period.
    GrandTotal,
    /// Named prizes in a total.
    Prizes {
        count: usize,
    },
    /// The heading over the totals per author.
    PerAuthor,
    /// `base_url` is a path and no `--base-url` was given: the list holds paths.
    BaseUrlIsAPath {
        base_url: String,
    },
    /// `--base-url` that is not a full address.
    BadBaseUrl {
        given: String,
    },
    CandidatesFor {
        period: String,
    },
    NoCandidates {
        period: String,
    },
    /// No article could be a candidate in any period.
    NothingToRank,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardColumn {
    Period,
    Author,
    Team,
    Article,
    Award,
    Editor,
}

/// The award table's columns, left to right.
pub const AWARD_COLUMNS: [AwardColumn; 6] = [
    AwardColumn::Period,
    AwardColumn::Author,
    AwardColumn::Team,
    AwardColumn::Article,
    AwardColumn::Award,
    AwardColumn::Editor,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateColumn {
    Rank,
    Score,
    Article,
    Authors,
    Reasons,
}

/// The candidates table's columns, left to right.
pub const CANDIDATE_COLUMNS: [CandidateColumn; 5] = [
    CandidateColumn::Rank,
    CandidateColumn::Score,
    CandidateColumn::Article,
    CandidateColumn::Authors,
    CandidateColumn::Reasons,
];

impl RewardSaid {
    pub fn words(&self, lang: Lang) -> String {
        match lang {
            Lang::Hant => self.hant(),
            Lang::Hans => self.hans(),
            Lang::En => self.english(),
        }
    }

    fn english(&self) -> String {
        use RewardSaid::*;
        match self {
            Column(c) => match c {
                AwardColumn::Period => "Period",
                AwardColumn::Author => "Author",
                AwardColumn::Team => "Team",
                AwardColumn::Article => "Article",
                AwardColumn::Award => "Award",
                AwardColumn::Editor => "Editor",
            }
            .to_string(),
            CandidateColumn(c) => match c {
                self::CandidateColumn::Rank => "#",
                self::CandidateColumn::Score => "Score",
                self::CandidateColumn::Article => "Article",
                self::CandidateColumn::Authors => "Authors",
                self::CandidateColumn::Reasons => "Why",
            }
            .to_string(),
            PeriodTotal { period } => format!("{period} total"),
            GrandTotal => "All periods".to_string(),
            Prizes { count: 1 } => "1 prize".to_string(),
            Prizes { count } => format!("{count} prizes"),
            PerAuthor => "Totals per author".to_string(),
            BaseUrlIsAPath { base_url } => format!(
                "base_url in casebook.yaml is `{base_url}`, a path, so the list's addresses are paths; give the site's full address with --base-url, like --base-url https://intranet.example{base_url}"
            ),
            BadBaseUrl { given } => format!(
                "--base-url must be the site's full address, starting with http:// or https://, like https://intranet.example/journal/; found `{given}`"
            ),
            CandidatesFor { period } => format!("Candidates for {period} (articles not picked yet, best first)"),
            NoCandidates { period } => format!("No article of {period} is left to pick."),
            NothingToRank => "No article is left to pick.".to_string(),
        }
    }

    fn hant(&self) -> String {
        use RewardSaid::*;
        match self {
            Column(c) => match c {
                AwardColumn::Period => "期別",
                AwardColumn::Author => "作者",
                AwardColumn::Team => "團隊",
                AwardColumn::Article => "文章",
                AwardColumn::Award => "獎勵",
                AwardColumn::Editor => "編輯",
            }
            .to_string(),
            CandidateColumn(c) => match c {
                self::CandidateColumn::Rank => "名次",
                self::CandidateColumn::Score => "分數",
                self::CandidateColumn::Article => "文章",
                self::CandidateColumn::Authors => "作者",
                self::CandidateColumn::Reasons => "理由",
            }
            .to_string(),
            PeriodTotal { period } => format!("{period} 小計"),
            GrandTotal => "各期合計".to_string(),
            Prizes { count } => format!("{count} 項獎品"),
            PerAuthor => "每位作者合計".to_string(),
            BaseUrlIsAPath { base_url } => format!(
                "casebook.yaml 的 base_url 是 `{base_url}`，只是路徑，所以清單裡的網址也只是路徑；請用 --base-url 寫出網站的完整網址，例如 --base-url https://intranet.example{base_url}"
            ),
            BadBaseUrl { given } => format!(
                "--base-url 必須是網站的完整網址，以 http:// 或 https:// 開頭，例如 https://intranet.example/journal/；現在是 `{given}`"
            ),
            CandidatesFor { period } => format!("{period} 的精選候選（還沒被選的文章，依分數排序）"),
            NoCandidates { period } => format!("{period} 沒有還沒被選的文章。"),
            NothingToRank => "沒有還沒被選的文章。".to_string(),
        }
    }

    fn hans(&self) -> String {
        use RewardSaid::*;
        match self {
            Column(c) => match c {
                AwardColumn::Period => "期号",
                AwardColumn::Author => "作者",
                AwardColumn::Team => "团队",
                AwardColumn::Article => "文章",
                AwardColumn::Award => "奖励",
                AwardColumn::Editor => "编辑",
            }
            .to_string(),
            CandidateColumn(c) => match c {
                self::CandidateColumn::Rank => "名次",
                self::CandidateColumn::Score => "分数",
                self::CandidateColumn::Article => "文章",
                self::CandidateColumn::Authors => "作者",
                self::CandidateColumn::Reasons => "理由",
            }
            .to_string(),
            PeriodTotal { period } => format!("{period} 小计"),
            GrandTotal => "各期合计".to_string(),
            Prizes { count } => format!("{count} 项奖品"),
            PerAuthor => "每位作者合计".to_string(),
            BaseUrlIsAPath { base_url } => format!(
                "casebook.yaml 的 base_url 是 `{base_url}`，只是路径，所以列表里的网址也只是路径；请用 --base-url 写出网站的完整网址，例如 --base-url https://intranet.example{base_url}"
            ),
            BadBaseUrl { given } => format!(
                "--base-url 必须是网站的完整网址，以 http:// 或 https:// 开头，例如 https://intranet.example/journal/；现在是 `{given}`"
            ),
            CandidatesFor { period } => format!("{period} 的精选候选（还没被选的文章，按分数排序）"),
            NoCandidates { period } => format!("{period} 没有还没被选的文章。"),
            NothingToRank => "没有还没被选的文章。".to_string(),
        }
    }
}
