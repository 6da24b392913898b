//! Addresses: how a source path, slug or term becomes a site path, and how
//! one page links to another. Slugs and URLs keep Chinese text readable.
//!
//! The site's scheme, in one place:
//!
//! | page                | site path                        |
//! |---------------------|----------------------------------|
//! | article             | `<folder>/<slug>/` ([`article`]) |
//! | section             | `<section>/`                     |
//! | taxonomy, term      | `<key>/`, `<key>/<term slug>/`   |
//! | page 2 of a list    | `<list>/page/2/` ([`list_page`]) |
//! | series              | `series/`, `series/<slug>/`      |
//! | author              | `authors/<id>/` ([`author`])     |
//! | browse, search, featured | `browse/`, `search/`, `featured/` |
//! | old address (`aliases:`) | as written ([`alias`]): `2017/04/x/`, `old/x.html` |
//!
//! Every page links to every other with relative URLs ([`href`],
//! [`root_for`]), so the site works at any sub-path and opened from disk.
//!
//! A slug keeps letters and digits of every script (NFC-normalised, lowercase)
//! and turns everything else into `-`; `slugify: ascii` transliterates instead.
//! Site paths are kept as plain UTF-8 strings (`cases/退貨/`) and
//! percent-encoded only where they become an `href` or an absolute URL.
//!
//! Every part of an address is a file or folder name in the built site, and
//! file systems take names of at most [`MAX_NAME_BYTES`] bytes (UTF-8: a
//! Chinese character is 3). A term, series or author name longer than that
//! gets a shortened part ([`fit_name`]); an article's own name must fit, and
//! `check` says so at its `slug:` line.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SlugMode {
    #[default]
    Unicode,
    Ascii,
}

/// Turns a title, tag or heading into a slug. Never returns an empty string.
pub fn slugify(text: &str, mode: SlugMode) -> String {
    let normalized: String = match mode {
        SlugMode::Unicode => text.nfc().collect(),
        SlugMode::Ascii => deunicode::deunicode(&text.nfkc().collect::<String>()),
    };
    let mut out = String::with_capacity(normalized.len());
    let mut dash = false;
    for c in normalized.chars() {
        let keep = match mode {
            SlugMode::Unicode => c.is_alphanumeric() || c == '_',
            SlugMode::Ascii => c.is_ascii_alphanumeric() || c == '_',
        };
        if keep {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        "untitled".to_string()
    } else {
        out
    }
}

/// The longest file or folder name (one part of a path) that Linux, macOS
/// and Windows file systems accept, in UTF-8 bytes.
pub const MAX_NAME_BYTES: usize = 255;

/// The longest site path (relative to the output folder) a build writes,
/// in bytes: Linux takes paths of up to 4,096 bytes, which leaves 1 KB for
/// the output folder's own path.
pub const MAX_PATH_BYTES: usize = 3072;

/// How many bytes of a long name a shortened one keeps before its hash.
const KEPT_BYTES: usize = 180;

/// `name` made short enough to be one part of a path: unchanged when it
/// fits in [`MAX_NAME_BYTES`], else its first 180 bytes at most (cut between
/// characters) + `-` + 8 hex digits of a hash of the whole name. The hash
/// keeps two long names that start alike apart, and the same name always
/// gets the same address.
pub fn fit_name(name: String) -> String {
    if name.len() <= MAX_NAME_BYTES {
        return name;
    }
    let mut cut = KEPT_BYTES;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = name[..cut].trim_end_matches('-');
    format!("{prefix}-{:08x}", stable_hash(name.as_bytes()))
}

/// 32-bit FNV-1a: fixed by its definition, so an address made from it is
/// the same in every version of casebook and of Rust (the hashers in
/// `std` and `rustc-hash` promise no such thing).
fn stable_hash(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// Characters percent-encoded in a URL path: everything but unreserved ASCII
/// and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'/');

/// Percent-encodes a site path such as `cases/退貨/` for use in an href.
pub fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// Percent-encodes a fragment (heading id).
pub fn encode_fragment(id: &str) -> String {
    utf8_percent_encode(id, PATH).to_string()
}

/// Top-level names the site uses for its own pages (besides the
/// taxonomies): an article does not take them.
pub const RESERVED: [&str; 5] = ["authors/", "search/", "series/", "static/", "page/"];

/// Pages every site has, whatever its articles: the home page, the
/// authors, browse, featured, search and series pages.
pub const FIXED_PAGES: [&str; 6] = ["", "authors/", "browse/", "featured/", "search/", "series/"];

/// Whether `site_path` (`tags/`, `search/`, `` for the home page) is one of
/// the site's own pages rather than an article: a [`FIXED_PAGES`] page or
/// one of `lists` (the site paths of its sections, taxonomies and terms, as
/// [`list`] and [`term`] make them). A link may lead to any of them.
pub fn is_own_page(site_path: &str, lists: &std::collections::BTreeSet<String>) -> bool {
    FIXED_PAGES.contains(&site_path) || lists.contains(site_path)
}

/// An article's site path: its folder under `content/` and its slug.
pub fn article(folder: &str, slug: &str) -> String {
    if folder.is_empty() {
        format!("{slug}/")
    } else {
        format!("{folder}/{slug}/")
    }
}

/// Where an attachment of an article folder (`flow.svg`) is published:
/// beside the article's page.
pub fn attachment(page: &str, rel: &str) -> String {
    format!("{page}{rel}")
}

/// Where a file under `content/` that is not an article (an image, a PDF)
/// is published: at its path under `content/`.
pub fn content_file(rel: &std::path::Path) -> String {
    crate::diagnostics::display_path(rel)
}

/// The site path of a top-level list: a section or a taxonomy.
pub fn list(name: &str) -> String {
    format!("{name}/")
}

/// The site path of one term of a taxonomy: `tags/退貨/`.
pub fn term(taxonomy: &str, slug: &str) -> String {
    format!("{taxonomy}/{slug}/")
}

/// Page `n` (1-based) of a list at `base`: `base` itself, then `base/page/n/`.
pub fn list_page(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_string()
    } else {
        format!("{base}page/{n}/")
    }
}

/// The site path of a series' page.
pub fn series(slug: &str) -> String {
    format!("series/{slug}/")
}

/// The site path of an author's page: an id too long for a folder name
/// gets a shortened one (see [`fit_name`]).
pub fn author(id: &str) -> String {
    format!("authors/{}/", fit_name(id.to_string()))
}

/// `../../` for `cases/x/`, `./` at the top: from a page to the site root.
pub fn root_for(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// The link from the page at `page` to `site_path` (and a heading on it):
/// files beside the page (an article folder's images) stay short
/// (`flow.svg`), anything else goes through the site root.
pub fn href(page: &str, site_path: &str, fragment: Option<&str>) -> String {
    let frag = fragment.map(|f| format!("#{}", encode_fragment(f))).unwrap_or_default();
    match site_path.strip_prefix(page) {
        Some(rest) if !rest.is_empty() => format!("{}{frag}", encode_path(rest)),
        _ => format!("{}{}{frag}", root_for(page), encode_path(site_path)),
    }
}

/// An old address of an article (an entry of `aliases:`) as a site path:
/// `/cn/2017/04/退貨/`, `cn/2017/04/退貨` and `https://old.example/cn/2017/04/退貨/`
/// all give `cn/2017/04/退貨/`; a name with an extension (`old/page.html`)
/// stays a file. Percent-escapes are decoded and the text NFC-normalised,
/// like every other site path. `None` for the site's root, a path with `.`
/// or `..` parts, or a backslash.
pub fn alias(written: &str) -> Option<String> {
    let mut path = written.trim();
    if let Some((scheme, rest)) = path.split_once("://") {
        if scheme.is_empty() || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            return None;
        }
        path = rest.find('/').map(|at| &rest[at..]).unwrap_or("");
    }
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let decoded: String = percent_encoding::percent_decode_str(path).decode_utf8_lossy().nfc().collect();
    if decoded.contains('\\') {
        return None;
    }
    let parts: Vec<&str> = decoded.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() || parts.iter().any(|p| matches!(*p, "." | "..")) {
        return None;
    }
    let joined = parts.join("/");
    let last = parts[parts.len() - 1];
    // `page.html`, `post.php`: a file; `d.-sql-相容性` (a GitBook page's
    // name) is a folder, as is anything whose "extension" is not a short
    // word of letters and digits.
    let is_file = !decoded.ends_with('/')
        && last.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty() && (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric())
        });
    Some(if is_file { joined } else { format!("{joined}/") })
}

/// The file a page at `site_path` is written to: `index.html` inside a
/// folder address, the address itself for a file (`old/page.html`).
pub fn page_file(site_path: &str) -> String {
    if site_path.is_empty() || site_path.ends_with('/') {
        format!("{site_path}index.html")
    } else {
        site_path.to_string()
    }
}

/// An article's source path relative to `content/`, as links name it
/// (NFC, `/` on every platform).
pub fn content_path(source: &std::path::Path) -> String {
    let shown = crate::diagnostics::display_path(source);
    shown.strip_prefix(&format!("{}/", crate::paths::CONTENT_DIR)).unwrap_or(&shown).nfc().collect()
}

/// Names handed out so far: [`UniqueNames::claim`] gives `name`, or
/// `name-2`, `name-3`, ... when it is taken ([`UniqueNames::claim_heading`]
/// `name-1`, `name-2`, ...). Each name remembers the next
/// number to try, so 20,000 equal headings (or tags that slugify alike) take
/// linear time instead of trying `-2`, `-3`, ... from the start each time.
#[derive(Debug, Default)]
pub struct UniqueNames {
    taken: std::collections::HashSet<String>,
    /// For a name already taken, the smallest `n` that may give a free `name-n`.
    next: std::collections::HashMap<String, usize>,
}

impl UniqueNames {
    /// `name` if it is free, else `name-n` for the smallest free `n` from 2;
    /// records it.
    pub fn claim(&mut self, name: String) -> String {
        self.claim_shaped(name, 2, |s| s)
    }

    /// A heading's id: `name` if it is free, else `name-n` for the smallest
    /// free `n` from 1, as GitHub, Hugo, Zola and Hexo number a second
    /// `## 背景` (`背景-1`), so links written for them keep working.
    pub fn claim_heading(&mut self, name: String) -> String {
        self.claim_shaped(name, 1, |s| s)
    }

    /// [`claim`](Self::claim) for names that become file or folder names:
    /// each candidate (`name`, `name-2`, ...) is made to fit with [`fit_name`].
    pub fn claim_file_name(&mut self, name: String) -> String {
        self.claim_shaped(fit_name(name), 2, fit_name)
    }

    /// Every `n` below the remembered one was taken when it was tried, and
    /// names are never given back, so starting there finds the same name as
    /// trying from `first`. (One `UniqueNames` is used with one `first`.)
    fn claim_shaped(&mut self, name: String, first: usize, shape: impl Fn(String) -> String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let mut n = self.next.get(&name).copied().unwrap_or(first);
        let mut candidate = shape(format!("{name}-{n}"));
        while self.taken.contains(&candidate) {
            n += 1;
            candidate = shape(format!("{name}-{n}"));
        }
        self.taken.insert(candidate.clone());
        self.next.insert(name, n + 1);
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_scheme_in_one_place() {
        assert_eq!(article("cases/退換貨", "耳機"), "cases/退換貨/耳機/");
        assert_eq!(article("", "about"), "about/");
        assert_eq!(list("tags"), "tags/");
        assert_eq!(term("tags", "退貨"), "tags/退貨/");
        assert_eq!(list_page("tags/退貨/", 1), "tags/退貨/");
        assert_eq!(list_page("tags/退貨/", 3), "tags/退貨/page/3/");
        assert_eq!(series("耳機"), "series/耳機/");
        assert_eq!(author("chen"), "authors/chen/");
        assert_eq!(attachment("cases/a/", "flow.svg"), "cases/a/flow.svg");
        assert_eq!(content_path(std::path::Path::new("content/cases/退貨.md")), "cases/退貨.md");
    }

    #[test]
    fn own_pages_are_the_fixed_ones_and_the_lists() {
        let lists: std::collections::BTreeSet<String> = [list("cases"), list("tags"), term("tags", "退貨")].into();
        for page in ["", "search/", "browse/", "series/", "authors/", "featured/", "cases/", "tags/", "tags/退貨/"] {
            assert!(is_own_page(page, &lists), "{page}");
        }
        for page in ["essays/", "tags/換貨/", "static/", "search"] {
            assert!(!is_own_page(page, &lists), "{page}");
        }
        assert_eq!(href("cases/a/", "", None), "../../");
        assert_eq!(href("about/", "tags/", None), "../tags/");
    }

    #[test]
    fn old_addresses() {
        let table = [
            ("/cn/2017/04/退貨/", Some("cn/2017/04/退貨/")),
            ("cn/2017/04/退貨", Some("cn/2017/04/退貨/")),
            ("https://old.example/cn/2017/04/%E9%80%80%E8%B2%A8/", Some("cn/2017/04/退貨/")),
            ("old/page.html", Some("old/page.html")),
            ("/old/page.html?x=1#top", Some("old/page.html")),
            ("/v1.2/", Some("v1.2/")),
            ("appendixes/d.-sql-xiang-rong-xing", Some("appendixes/d.-sql-xiang-rong-xing/")),
            ("/", None),
            ("https://old.example", None),
            ("/a/../b/", None),
            ("a\\b", None),
        ];
        for (written, want) in table {
            assert_eq!(alias(written).as_deref(), want, "{written}");
        }
        assert_eq!(page_file("cn/2017/04/a/"), "cn/2017/04/a/index.html");
        assert_eq!(page_file("old/page.html"), "old/page.html");
        // A file address links back through its folder.
        assert_eq!(href("old/page.html", "cases/a/", None), "../cases/a/");
    }

    #[test]
    fn links_between_pages_are_relative() {
        assert_eq!(root_for(""), "./");
        assert_eq!(root_for("cases/x/"), "../../");
        assert_eq!(href("cases/a/", "cases/a/flow.svg", None), "flow.svg");
        assert_eq!(href("cases/a/", "cases/b/", Some("背景")), "../../cases/b/#%E8%83%8C%E6%99%AF");
        assert_eq!(href("cases/a/", "cases/a/", Some("x")), "../../cases/a/#x");
    }

    #[test]
    fn unicode_slugs_keep_chinese() {
        let cases = [
            ("客戶要求退回已拆封耳機", "客戶要求退回已拆封耳機"),
            ("退貨 / 換貨：規則", "退貨-換貨-規則"),
            ("VIP 客戶", "vip-客戶"),
            ("Error E1042!", "error-e1042"),
            ("  ", "untitled"),
            ("「處理過程」", "處理過程"),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input, SlugMode::Unicode), want, "{input}");
        }
    }

    #[test]
    fn nfc_normalises() {
        // e + combining acute becomes é
        assert_eq!(slugify("Cafe\u{301}", SlugMode::Unicode), "café");
    }

    #[test]
    fn ascii_slugs_transliterate() {
        assert_eq!(slugify("退貨 Policy", SlugMode::Ascii), "tui-huo-policy");
    }

    #[test]
    fn encodes_paths() {
        assert_eq!(encode_path("cases/退貨/"), "cases/%E9%80%80%E8%B2%A8/");
        assert_eq!(encode_path("a b/"), "a%20b/");
    }

    #[test]
    fn names_that_fit_are_kept() {
        let fits = "退".repeat(85); // 255 bytes
        assert_eq!(fit_name(fits.clone()), fits);
        assert_eq!(fit_name("a".repeat(255)), "a".repeat(255));
    }

    #[test]
    fn long_names_keep_a_prefix_and_a_hash() {
        let cases = [
            // 86 Chinese characters (258 bytes): 60 kept (180 bytes).
            ("退".repeat(86), "退".repeat(60)),
            // 179 ASCII bytes then characters of 3 bytes: cut before the one that does not fit.
            (format!("{}退退退退退退退退退退退退退退退退退退退退退退退退退退", "a".repeat(179)), "a".repeat(179)),
            // A cut just after a `-` drops it.
            (format!("{}-{}", "b".repeat(179), "c".repeat(100)), "b".repeat(179)),
        ];
        for (long, prefix) in cases {
            let short = fit_name(long.clone());
            assert!(short.len() <= MAX_NAME_BYTES, "{short}");
            let (kept, hash) = short.rsplit_once('-').unwrap();
            assert_eq!(kept, prefix);
            assert_eq!(hash.len(), 8);
            assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
            assert_eq!(fit_name(long), short, "the same name gets the same address");
        }
        // Names that differ only after the kept prefix differ in their hash.
        let a = fit_name(format!("{}甲", "退".repeat(90)));
        let b = fit_name(format!("{}乙", "退".repeat(90)));
        assert_ne!(a, b);
    }

    #[test]
    fn stable_hash_is_fnv1a() {
        // Published FNV-1a test vectors.
        assert_eq!(stable_hash(b""), 0x811c_9dc5);
        assert_eq!(stable_hash(b"a"), 0xe40c_292c);
        assert_eq!(stable_hash(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn unique_names_fit_too() {
        let mut taken = UniqueNames::default();
        let near = "a".repeat(254);
        assert_eq!(taken.claim_file_name(near.clone()), near);
        let second = taken.claim_file_name(near.clone());
        assert!(second.len() <= MAX_NAME_BYTES && second != near, "{second}");
        assert_eq!(taken.claim_file_name("b".into()), "b");
        assert_eq!(taken.claim_file_name("b".into()), "b-2");
    }

    /// The plain way, trying `-2`, `-3`, ... from the start each time: the
    /// oracle for [`UniqueNames`].
    fn unique(slug: String, taken: &mut std::collections::HashSet<String>) -> String {
        if taken.insert(slug.clone()) {
            return slug;
        }
        (2..).map(|n| format!("{slug}-{n}")).find(|s| taken.insert(s.clone())).unwrap_or(slug)
    }

    #[test]
    fn unique_appends_numbers() {
        let mut taken = UniqueNames::default();
        assert_eq!(taken.claim("a".into()), "a");
        assert_eq!(taken.claim("a".into()), "a-2");
        assert_eq!(taken.claim("a".into()), "a-3");
    }

    #[test]
    fn heading_ids_are_numbered_from_one() {
        let mut taken = UniqueNames::default();
        assert_eq!(taken.claim_heading("a".into()), "a");
        assert_eq!(taken.claim_heading("a".into()), "a-1");
        assert_eq!(taken.claim_heading("a-2".into()), "a-2");
        assert_eq!(taken.claim_heading("a".into()), "a-3");
    }

    #[test]
    fn unique_names_give_what_unique_gives() {
        // Names that collide with numbered ones: `a-2` written before the
        // second `a`, `a-2` asked for after it, and `a-2-2`.
        let wanted = ["a", "a-2", "a", "a", "a-2", "a-3", "a", "b", "a-2-2", "a-2", "a-2"];
        let mut old = Default::default();
        let mut new = UniqueNames::default();
        for w in wanted {
            assert_eq!(new.claim(w.to_string()), unique(w.to_string(), &mut old), "{w}");
        }
    }
}

/// A site path as people read it, for lists they copy from (`casebook
/// rewards`): Chinese and other letters as they are (`cases/退貨/`), and
/// percent-encoded only what cannot stand in an address (spaces, quotes,
/// `<>#?%`, control characters) or would hide in it (invisible and
/// direction-changing characters).
pub fn readable_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        let hidden =
            matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}');
        let unsafe_ascii = c.is_ascii() && (c.is_ascii_control() || " \"<>\\^`{|}%#?".contains(c));
        if hidden || unsafe_ascii || c.is_control() || (c.is_whitespace() && !c.is_ascii()) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod readable_tests {
    #[test]
    fn readable_paths_keep_chinese_and_encode_what_cannot_stand() {
        assert_eq!(super::readable_path("cases/退貨/"), "cases/退貨/");
        assert_eq!(super::readable_path("cases/a b#c?d%/"), "cases/a%20b%23c%3Fd%25/");
        assert_eq!(super::readable_path("cases/\u{202e}x\u{3000}/"), "cases/%E2%80%AEx%E3%80%80/");
    }
}
