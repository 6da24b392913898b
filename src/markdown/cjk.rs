//! Emphasis that works in Chinese: `**拆封不等於不能退。**下次`,
//! `**「引號」**後面` and `前面**『書名』**` are bold, as the CJK-friendly
//! amendment to CommonMark's flanking rules reads them
//! (<https://github.com/tats-u/markdown-cjk-friendly>, CommonMark spec issue 650).
//!
//! CommonMark decides whether a `*` run can open or close emphasis by the
//! characters on either side of it, treating every punctuation mark as it
//! treats `.` or `(` between English words. The amendment treats Chinese,
//! Japanese and Korean punctuation (`。`, `「`) like letters, and a CJK
//! character before a run like a space. pulldown-cmark has no option for
//! it, so [`prepare`] works at the level of delimiter runs, before parsing:
//! where the amendment and CommonMark disagree about a `*` run, a character
//! beside it is replaced by a stand-in of the class that makes
//! pulldown-cmark decide as the amendment does (a private-use character for
//! a letter, a Braille or Byzantine musical sign for punctuation, of the
//! same length in bytes so that every offset stays true). [`StandIns::restore`]
//! puts the written characters back into every event, so the stand-ins never
//! show. Emphasis with `_` keeps CommonMark's rules: an underscore inside
//! Chinese text stays an underscore.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A body with stand-ins, and the written character of each stand-in.
pub(super) struct StandIns {
    pub text: String,
    written: HashMap<char, char>,
}

/// What a character beside a delimiter run counts as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    /// Punctuation (or a symbol) that is not CJK: `.`, `(`, `“`.
    Punct,
    /// CJK punctuation: `。`, `「`, `，`.
    CjkPunct,
    /// A CJK character that is not punctuation: `漢`, `か`, `한`.
    Cjk,
    Other,
}

/// The body with stand-ins where the amendment needs them, or `None` when
/// it reads every `*` run as CommonMark does (most bodies).
pub(super) fn prepare(markdown: &str) -> Option<StandIns> {
    if markdown.is_ascii() || !markdown.contains('*') {
        return None;
    }
    let chars: Vec<(usize, char)> = markdown.char_indices().collect();
    let runs = star_runs(&chars);
    let beside = beside(&runs);
    // Stand-ins assigned so far: char index → the class it must have.
    let mut assigned: HashMap<usize, Class> = HashMap::default();
    for run in &runs {
        if let Some((i, class)) = plan(&chars, &runs, &beside, run, &assigned) {
            assigned.insert(i, class);
        }
    }
    settle(&chars, &runs, &beside, &mut assigned);
    if assigned.is_empty() {
        return None;
    }
    substitute(markdown, &chars, &assigned)
}

/// A run of `*`: the index of its first and one past its last character.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: usize,
    end: usize,
}

/// Every run of unescaped `*` (code spans included: stand-ins there are
/// put back like everywhere else).
fn star_runs(chars: &[(usize, char)]) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i].1 {
            '\\' => i += 2,
            '*' => {
                let first = i;
                while i < chars.len() && chars[i].1 == '*' {
                    i += 1;
                }
                runs.push(Run { first, end: i });
            }
            _ => i += 1,
        }
    }
    runs
}

/// Character index → the runs it is beside (at most two).
fn beside(runs: &[Run]) -> HashMap<usize, Vec<usize>> {
    let mut beside: HashMap<usize, Vec<usize>> = HashMap::default();
    for (r, run) in runs.iter().enumerate() {
        for i in [run.first.checked_sub(1), Some(run.end)].into_iter().flatten() {
            beside.entry(i).or_default().push(r);
        }
    }
    beside
}

/// Whether `run` reads as written or as the amendment means, with `assigned`.
fn reads_either(chars: &[(usize, char)], run: &Run, assigned: &HashMap<usize, Class>) -> bool {
    let now = reads(chars, run, assigned);
    now == meant(chars, run) || now == reads(chars, run, &HashMap::default())
}

/// The class of the character at `i` (a space outside the text), as
/// written or as its stand-in would be read.
fn class_at(chars: &[(usize, char)], i: Option<usize>, assigned: &HashMap<usize, Class>) -> Class {
    let Some(i) = i.filter(|&i| i < chars.len()) else {
        return Class::Space;
    };
    if let Some(&c) = assigned.get(&i) {
        return c;
    }
    let c = chars[i].1;
    // A variation selector after a CJK character is part of it.
    if ('\u{FE00}'..='\u{FE0E}').contains(&c) && i > 0 {
        let base = class_of(chars[i - 1].1);
        if matches!(base, Class::Cjk | Class::CjkPunct) {
            return base;
        }
    }
    if ('\u{E0100}'..='\u{E01EF}').contains(&c) {
        return Class::Cjk;
    }
    class_of(c)
}

fn class_of(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if is_punctuation(c) {
        if is_cjk(c) {
            Class::CjkPunct
        } else {
            Class::Punct
        }
    } else if is_cjk(c) {
        Class::Cjk
    } else {
        Class::Other
    }
}

/// Whether a `*` run between `before` and `after` can open and close
/// emphasis by CommonMark's rules (any punctuation alike).
fn commonmark(before: Class, after: Class) -> (bool, bool) {
    let punct = |c: Class| matches!(c, Class::Punct | Class::CjkPunct);
    let left = after != Class::Space && (!punct(after) || before == Class::Space || punct(before));
    let right = before != Class::Space && (!punct(before) || after == Class::Space || punct(after));
    (left, right)
}

/// The same by the CJK-friendly amendment: only non-CJK punctuation counts
/// as punctuation, and a CJK character before a run, or after it, counts as
/// a space would where punctuation is next to the run.
fn amended(before: Class, after: Class) -> (bool, bool) {
    let cjk = |c: Class| matches!(c, Class::Cjk | Class::CjkPunct);
    let left = after != Class::Space
        && (after != Class::Punct || matches!(before, Class::Space | Class::Punct) || cjk(before));
    let right = before != Class::Space
        && (before != Class::Punct || matches!(after, Class::Space | Class::Punct) || cjk(after));
    (left, right)
}

/// How `run` reads as pulldown-cmark will see it: CommonMark's rules over
/// the characters as written or replaced.
fn reads(chars: &[(usize, char)], run: &Run, assigned: &HashMap<usize, Class>) -> (bool, bool) {
    let before = run.first.checked_sub(1);
    commonmark(class_at(chars, before, assigned), class_at(chars, Some(run.end), assigned))
}

/// The run as the amendment reads it, from the characters as written.
fn meant(chars: &[(usize, char)], run: &Run) -> (bool, bool) {
    let none = HashMap::default();
    let before = run.first.checked_sub(1);
    amended(class_at(chars, before, &none), class_at(chars, Some(run.end), &none))
}

/// The stand-in that makes pulldown-cmark read `run` as the amendment does
/// (both ways, in every case where the two disagree): the side read as
/// punctuation becomes a letter, or else the other side punctuation, as
/// long as the other run beside that character still reads as written or
/// as meant. Only characters beyond ASCII are replaced, and none next to
/// `_`, `~` or `$`.
fn plan(
    chars: &[(usize, char)],
    runs: &[Run],
    beside: &HashMap<usize, Vec<usize>>,
    run: &Run,
    assigned: &HashMap<usize, Class>,
) -> Option<(usize, Class)> {
    let want = meant(chars, run);
    if reads(chars, run, assigned) == want || want != (true, true) {
        return None;
    }
    let before = run.first.checked_sub(1)?;
    let after = run.end;
    let punct = |i: usize| matches!(class_at(chars, Some(i), assigned), Class::Punct | Class::CjkPunct);
    let (punct_side, letter_side) = if punct(after) { (after, before) } else { (before, after) };
    let far = |i: usize| if i == before { i.checked_sub(1) } else { Some(i + 1) };
    let replaceable = |i: usize| {
        let Some(&(_, c)) = chars.get(i) else { return false };
        let far_char = far(i).and_then(|f| chars.get(f)).map(|(_, c)| *c);
        !c.is_ascii() && c.len_utf8() >= 3 && !assigned.contains_key(&i) && !matches!(far_char, Some('_' | '~' | '$'))
    };
    [(punct_side, Class::Other), (letter_side, Class::Punct)].into_iter().find(|&(i, class)| {
        if !replaceable(i) {
            return false;
        }
        let mut tried = assigned.clone();
        tried.insert(i, class);
        reads(chars, run, &tried) == want
            && beside.get(&i).into_iter().flatten().all(|&r| reads_either(chars, &runs[r], &tried))
    })
}

/// Takes back the stand-ins beside any run that now reads neither as
/// written nor as the amendment means (a character between two runs may
/// suit one and not the other), until every run reads one of the two ways.
/// Only the runs beside a changed character are looked at again.
fn settle(
    chars: &[(usize, char)],
    runs: &[Run],
    beside: &HashMap<usize, Vec<usize>>,
    assigned: &mut HashMap<usize, Class>,
) {
    let mut todo: Vec<usize> = assigned.keys().flat_map(|i| beside.get(i).into_iter().flatten().copied()).collect();
    while let Some(r) = todo.pop() {
        let run = &runs[r];
        if reads_either(chars, run, assigned) {
            continue;
        }
        for i in [run.first.checked_sub(1), Some(run.end)].into_iter().flatten() {
            if assigned.remove(&i).is_some() {
                todo.extend(beside.get(&i).into_iter().flatten().copied());
            }
        }
    }
}

/// The body with each assigned character replaced by a stand-in of its
/// class and length; `None` if the stand-ins run out.
fn substitute(markdown: &str, chars: &[(usize, char)], assigned: &HashMap<usize, Class>) -> Option<StandIns> {
    let present: HashSet<char> = chars.iter().map(|(_, c)| *c).collect();
    let mut pools = Pools::default();
    let mut chosen: HashMap<(char, bool), char> = HashMap::default();
    let mut written: HashMap<char, char> = HashMap::default();
    let mut text = String::with_capacity(markdown.len());
    let mut order: Vec<usize> = assigned.keys().copied().collect();
    order.sort_unstable();
    let mut last = 0;
    for i in order {
        let (at, c) = chars[i];
        let as_punct = assigned[&i] == Class::Punct;
        let stand_in = match chosen.get(&(c, as_punct)) {
            Some(&s) => s,
            None => {
                let s = pools.next(c.len_utf8(), as_punct, &present)?;
                chosen.insert((c, as_punct), s);
                written.insert(s, c);
                s
            }
        };
        text.push_str(&markdown[last..at]);
        text.push(stand_in);
        last = at + c.len_utf8();
    }
    text.push_str(&markdown[last..]);
    Some(StandIns { text, written })
}

/// The stand-ins not yet used, by length and class.
#[derive(Default)]
struct Pools {
    used: [u32; 4],
}

impl Pools {
    /// Private-use characters are letters to pulldown-cmark; Braille
    /// patterns and Byzantine musical symbols are punctuation (symbols).
    const RANGES: [(u32, u32); 4] = [(0xE000, 0xF8FF), (0x2800, 0x28FF), (0xF0000, 0xFFFFD), (0x1D000, 0x1D0F5)];

    fn next(&mut self, len: usize, as_punct: bool, present: &HashSet<char>) -> Option<char> {
        let pool = match (len, as_punct) {
            (3, false) => 0,
            (3, true) => 1,
            (4, false) => 2,
            (4, true) => 3,
            _ => return None,
        };
        let (start, end) = Self::RANGES[pool];
        loop {
            let cp = start + self.used[pool];
            if cp > end {
                return None;
            }
            self.used[pool] += 1;
            match char::from_u32(cp) {
                Some(c) if !present.contains(&c) => return Some(c),
                _ => continue,
            }
        }
    }
}

impl StandIns {
    /// `event` with the written characters in place of the stand-ins.
    pub(super) fn restore<'a>(&self, event: Event<'a>) -> Event<'a> {
        let s = |t: CowStr<'a>| self.restore_str(t);
        match event {
            Event::Text(t) => Event::Text(s(t)),
            Event::Code(t) => Event::Code(s(t)),
            Event::InlineMath(t) => Event::InlineMath(s(t)),
            Event::DisplayMath(t) => Event::DisplayMath(s(t)),
            Event::Html(t) => Event::Html(s(t)),
            Event::InlineHtml(t) => Event::InlineHtml(s(t)),
            Event::FootnoteReference(t) => Event::FootnoteReference(s(t)),
            Event::Start(tag) => Event::Start(self.restore_tag(tag)),
            other => other,
        }
    }

    fn restore_tag<'a>(&self, tag: Tag<'a>) -> Tag<'a> {
        let s = |t: CowStr<'a>| self.restore_str(t);
        match tag {
            Tag::Link { link_type, dest_url, title, id } => {
                Tag::Link { link_type, dest_url: s(dest_url), title: s(title), id: s(id) }
            }
            Tag::Image { link_type, dest_url, title, id } => {
                Tag::Image { link_type, dest_url: s(dest_url), title: s(title), id: s(id) }
            }
            Tag::Heading { level, id, classes, attrs } => Tag::Heading {
                level,
                id: id.map(s),
                classes: classes.into_iter().map(s).collect(),
                attrs: attrs.into_iter().map(|(k, v)| (s(k), v.map(s))).collect(),
            },
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => Tag::CodeBlock(CodeBlockKind::Fenced(s(info))),
            Tag::FootnoteDefinition(label) => Tag::FootnoteDefinition(s(label)),
            other => other,
        }
    }

    fn restore_str<'a>(&self, t: CowStr<'a>) -> CowStr<'a> {
        if !t.chars().any(|c| self.written.contains_key(&c)) {
            return t;
        }
        t.chars().map(|c| self.written.get(&c).copied().unwrap_or(c)).collect::<String>().into()
    }
}

/// Punctuation and symbols (Unicode P* and S*), as CommonMark counts them,
/// for the characters Chinese text uses; ASCII exactly.
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(c,
        '\u{A1}'..='\u{A9}' | '\u{AB}' | '\u{AC}' | '\u{AE}'..='\u{B1}' | '\u{B4}' | '\u{B6}'..='\u{B8}'
        | '\u{BB}' | '\u{BF}' | '\u{D7}' | '\u{F7}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{20A0}'..='\u{20C0}'
        | '\u{2190}'..='\u{2449}' | '\u{2500}'..='\u{2775}' | '\u{2794}'..='\u{2BFF}' | '\u{2E00}'..='\u{2E5D}'
        | '\u{2E80}'..='\u{2FFF}' | '\u{3001}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}'
        | '\u{3036}' | '\u{3037}' | '\u{303D}'..='\u{303F}' | '\u{309B}' | '\u{309C}' | '\u{30A0}' | '\u{30FB}'
        | '\u{3190}' | '\u{3191}' | '\u{3196}'..='\u{319F}' | '\u{31C0}'..='\u{31E5}'
        | '\u{3200}'..='\u{321E}' | '\u{322A}'..='\u{3247}' | '\u{3250}' | '\u{3260}'..='\u{327F}'
        | '\u{328A}'..='\u{32B0}' | '\u{32C0}'..='\u{33FF}'
        | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE52}' | '\u{FE54}'..='\u{FE66}' | '\u{FE68}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
        | '\u{FFE0}'..='\u{FFEE}' | '\u{1F000}'..='\u{1FBCA}')
}

/// A CJK character by the amendment: East Asian Width wide, full-width or
/// half-width and not an emoji, or Hangul.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115F}' | '\u{2E80}'..='\u{303E}' | '\u{3041}'..='\u{33FF}' | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}' | '\u{A000}'..='\u{A4CF}' | '\u{A960}'..='\u{A97F}' | '\u{AC00}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FE10}'..='\u{FE19}' | '\u{FE30}'..='\u{FE6F}' | '\u{FF00}'..='\u{FFEE}'
        | '\u{16FE0}'..='\u{16FFF}' | '\u{17000}'..='\u{18CFF}' | '\u{1B000}'..='\u{1B2FF}'
        | '\u{20000}'..='\u{2FFFD}' | '\u{30000}'..='\u{3FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::RawHtml;
    use crate::diagnostics::LinkProblem;
    use crate::markdown::{heading_ids, render, LinkResolver, NoLinks, ResolvedLink, Settings};
    use crate::urls::SlugMode;

    const SETTINGS: Settings<'static> =
        Settings { slug_mode: SlugMode::Unicode, raw_html: RawHtml::Clean, language: "zh-Hant", title: "" };

    /// The HTML of one paragraph, without `<p>` and the line end.
    fn inline(md: &str) -> String {
        let html = render(md, &SETTINGS, &NoLinks).html;
        html.trim_end().trim_start_matches("<p>").trim_end_matches("</p>").to_string()
    }

    #[test]
    fn bold_next_to_chinese_punctuation() {
        let table = [
            // The three of issue 16.
            ("**拆封不等於不能退。**下次", "<strong>拆封不等於不能退。</strong>下次"),
            ("**「引號」**後面", "<strong>「引號」</strong>後面"),
            ("前面**『書名』**", "前面<strong>『書名』</strong>"),
            ("前面**『書名』**後面", "前面<strong>『書名』</strong>後面"),
            ("說：**「我要找老闆。」**同事", "說：<strong>「我要找老闆。」</strong>同事"),
            ("*斜體，*不會漏掉", "<em>斜體，</em>不會漏掉"),
            ("***又粗又斜。***後面", "<em><strong>又粗又斜。</strong></em>後面"),
            // Simplified, and the amendment's own kinds of cases: a CJK
            // character outside, non-CJK punctuation inside.
            ("**该星号会被识别。**这是因为", "<strong>该星号会被识别。</strong>这是因为"),
            ("我想强调**这个`code`**吗", "我想强调<strong>这个<code>code</code></strong>吗"),
            ("中文**\"引號\"**中文", "中文<strong>\"引號\"</strong>中文"),
            ("**Note:**請先確認", "<strong>Note:</strong>請先確認"),
            ("**強調できますか（Can I?）？**残念", "<strong>強調できますか（Can I?）？</strong>残念"),
            ("**이 용어(This term)**를 강조", "<strong>이 용어(This term)</strong>를 강조"),
            // One character between two runs suits both.
            ("甲**。**乙", "甲<strong>。</strong>乙"),
            ("甲**。**(乙)", "甲<strong>。</strong>(乙)"),
            // Nothing changes where CommonMark already reads them.
            ("**粗體**。後面", "<strong>粗體</strong>。後面"),
            ("這是**粗體**文字", "這是<strong>粗體</strong>文字"),
            ("**bold**text and a**\"b\"**c", "<strong>bold</strong>text and a**\"b\"**c"),
            // Underscores keep CommonMark's rules.
            ("__「引號」__後面", "__「引號」__後面"),
            // In code, written as is.
            ("`**「引號」**後面`", "<code>**「引號」**後面</code>"),
        ];
        for (md, want) in table {
            assert_eq!(inline(md), want, "{md}");
        }
    }

    #[test]
    fn any_mix_of_runs_and_characters_reads_without_stand_ins() {
        // Every string of up to five pieces from these, in a fixed order.
        let pieces = ["**", "*", "。", "「", "」", "甲", "a", "(", " ", "_", "`", "\n", "𠀀"];
        let mut seed: u64 = 16;
        let mut replaced = 0;
        for _ in 0..3000 {
            let mut md = String::new();
            for _ in 0..5 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                md.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            replaced += usize::from(prepare(&md).is_some());
            let r = render(&md, &SETTINGS, &NoLinks);
            let stand_in = |c: &char| {
                [(0xE000, 0xF8FF), (0x2800, 0x28FF), (0xF0000, 0xFFFFD), (0x1D000, 0x1D0F5)]
                    .iter()
                    .any(|&(a, b)| (a..=b).contains(&(*c as u32)))
            };
            assert!(!r.html.chars().any(|c| stand_in(&c)), "{md:?}: {}", r.html);
            let plain: String = md.chars().filter(|c| !"*_`\n ".contains(*c)).collect();
            let shown: String = r.text.chars().filter(|c| !"*_`\n ".contains(*c)).collect();
            assert_eq!(shown, plain, "{md:?}");
        }
        assert!(replaced > 100, "{replaced}");
    }

    #[test]
    fn where_the_rules_differ_the_amendment_reads_both_ways() {
        use Class::*;
        let all = [Space, Punct, CjkPunct, Cjk, Other];
        for before in all {
            for after in all {
                let (cm, cjk) = (commonmark(before, after), amended(before, after));
                // The amendment only adds: a run CommonMark reads one way
                // is read that way too, and where they differ both ways.
                assert!(cjk.0 >= cm.0 && cjk.1 >= cm.1, "{before:?} {after:?}");
                if cm != cjk {
                    assert_eq!(cjk, (true, true), "{before:?} {after:?}");
                }
            }
        }
    }

    #[test]
    fn stand_ins_never_show_and_places_stay_true() {
        struct Broken;
        impl LinkResolver for Broken {
            fn resolve(&self, dest: &str, _: bool) -> Result<Option<ResolvedLink>, LinkProblem> {
                Err(LinkProblem::NoSuchName { name: dest.into(), suggestion: None })
            }
        }
        // A private-use character the writer wrote stays itself.
        let md = "\u{E000}**「重要」**看[這裡](走了.md)。\n\n## **注意。**說明\n";
        let r = render(md, &SETTINGS, &Broken);
        assert!(r.html.contains("\u{E000}<strong>「重要」</strong>看"), "{}", r.html);
        assert_eq!((r.broken[0].0.line, r.broken[0].0.col), (1, 11));
        assert_eq!(r.toc[0].title, "注意。說明");
        assert_eq!(heading_ids(md, SlugMode::Unicode), [r.toc[0].id.clone()]);
        assert!(!r
            .text
            .chars()
            .any(|c| ('\u{E001}'..='\u{F8FF}').contains(&c) || ('\u{2800}'..='\u{28FF}').contains(&c)));
        assert!(prepare("ascii **only**").is_none());
        assert!(prepare("**粗體**文字").is_none());
        assert!(prepare("已遮蔽的 0912-***-678 與 138****5678。").is_none());
    }
}
