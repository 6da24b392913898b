//! The values a [`super::Problem`] carries besides names and numbers: what
//! YAML found, why a link leads nowhere, what kind of customer data was
//! found... Plain data, no words: those are in [`super::english`].

/// Why a file listed earlier was not opened (see `paths::open_checked`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NotOpened {
    /// It became a symbolic link since it was listed.
    NowALink,
    NotAFile,
    /// It is reached through a symbolic link; it is really at `real`.
    BehindALink {
        real: String,
    },
}

/// A value as YAML read it, for "found ...".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Found {
    Nothing,
    /// Text, a number or true/false, as written.
    Value(String),
    List,
    Fields,
}

/// What a setting must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Wanted {
    WholeNumber,
    Number,
    List,
    Fields,
    TrueOrFalse,
    Text,
}

/// Why a date written as year-month-day cannot exist.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DateError {
    NoMonth(u32),
    NoDay { month: u32, day: String },
}

/// A symbolic link and where it leads, as a writer can find it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct LinkTarget {
    /// Relative to the journal root when inside it, else absolute.
    pub target: String,
    /// The target as written in the link, when that differs from `target`.
    pub written: Option<String>,
    pub outside: bool,
    pub exists: bool,
}

/// Why a link (or `responds_to:`, or a pick's `article:`) leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LinkProblem {
    /// A `[[...md]]` path that climbs out of content/.
    OutsideContent {
        name: String,
    },
    ClimbsOut {
        path: String,
    },
    AmbiguousTitle {
        name: String,
        sources: Vec<String>,
        example: String,
    },
    AmbiguousSlug {
        name: String,
        sources: Vec<String>,
        example: String,
    },
    NoSuchName {
        name: String,
        suggestion: Option<String>,
    },
    /// `written` leads to content/`resolved`, which does not exist.
    MissingFile {
        written: String,
        resolved: String,
        suggestion: Option<String>,
    },
    /// `written` leads to content/`resolved`, which is (or is under, at
    /// `at`) a symbolic link that was skipped.
    ThroughSymlink {
        written: String,
        resolved: String,
        at: Option<String>,
        link: Box<LinkTarget>,
    },
    /// `source` has no heading `wanted`; `headings` are at most the 5
    /// closest to it, `more` how many others it has.
    NoHeading {
        source: String,
        wanted: String,
        suggestion: Option<String>,
        headings: Vec<String>,
        more: usize,
    },
    // issue 15 (finish)
    /// `written` leads to `source`, which `build --keep-going` left out
    /// for its own errors: a warning, so the linking file is kept.
    LeftOut {
        written: String,
        source: String,
    },
}

impl LinkProblem {
    /// Whether the target exists but was left out of this build.
    pub fn is_left_out(&self) -> bool {
        matches!(self, LinkProblem::LeftOut { .. })
    }
}

/// What makes an SVG drawing run script.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SvgContent {
    Element(String),
    Address(String),
    EventAttribute(String),
    CharacterReferences,
}

/// What kind of customer data was found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CustomerData {
    MobilePhone,
    Landline,
    Email,
    ResidentId,
    BankCard,
    /// A `privacy.patterns` entry, by its name.
    Custom(String),
}

/// The article page a template failed on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageOf {
    pub source: String,
    /// The `article.extra` field the template read and the article lacks.
    pub missing_field: Option<String>,
}

/// Why a site path cannot be written to disk.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PathProblem {
    TooLong { bytes: usize, max: usize },
    BadFolderName { part: String },
    NameTooLong { part: String, bytes: usize, max: usize },
}

/// Why a written award amount names no one currency (`content::money`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum MoneyAmbiguity {
    /// `$20`: New Taiwan, US or Hong Kong dollars.
    Dollar,
    /// `500 元`: New Taiwan dollars or renminbi.
    Yuan,
    /// `500`: no currency at all.
    NoCurrency,
}
