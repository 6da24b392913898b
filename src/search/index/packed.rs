//! How the search files travel: zlib-compressed (`.bin`), and each article
//! in two parts.
//!
//! Every search file but the manifest is written with zlib (levels 7 and
//! 9, see [`INDEX_LEVEL`]; the same bytes for the same text, every build), so a server
//! without gzip sends as little as one with it. `search.js` inflates them
//! with the browser's `DecompressionStream("deflate")`, or, where there is
//! none, with `inflate.js` (a vendored copy of the npm package fflate),
//! which it loads only then. The name `.bin` keeps servers from announcing
//! them as gzip (as some do for `.gz` or `.z`), which would make the
//! browser inflate them once too often.
//!
//! A search result shows an article's title, facts and a snippet around the
//! first match. `search/a/<id>.bin` holds all but the text, and the text's
//! first [`HEAD_CHARS`] characters, where most snippets are found; the rest
//! of the text is in `search/a/<id>-r.bin` (plain text), fetched only when
//! the snippet is not in the head (`"r": 1` says there is a rest).

use std::io::Write;

use super::{facets, SearchDoc};
use crate::site_file::{Body, OutputFile};

/// Characters of an article's text in its first file.
pub const HEAD_CHARS: usize = 400;

/// zlib's level for the index files (shards, starts, folding, facets). At
/// 10,000 articles level 7 makes the shards in 2.3 s, 28.1 MB; level 9 in
/// 3.2 s, 28.4 MB (its long match chains find nothing more); level 6 in
/// 1.2 s, 29.3 MB.
const INDEX_LEVEL: u32 = 7;

/// zlib's level for the article files, small and read at every result:
/// level 9 makes them 28.9 MB in 1.2 s, levels 6-8 30.0 MB in 0.9 s.
const ARTICLE_LEVEL: u32 = 9;

/// `bytes` compressed with zlib at `level`.
pub fn deflate(bytes: &[u8], level: u32) -> Vec<u8> {
    let mut z =
        flate2::write::ZlibEncoder::new(Vec::with_capacity(bytes.len() / 2 + 64), flate2::Compression::new(level));
    // Writing to a Vec cannot fail.
    let _ = z.write_all(bytes);
    z.finish().unwrap_or_default()
}

/// The bytes a [`deflate`]d file holds, or `None` if it is not zlib data.
pub fn inflate(bytes: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(bytes.len() * 4);
    flate2::read::ZlibDecoder::new(bytes).read_to_end(&mut out).ok()?;
    Some(out)
}

/// A compressed file of `text` at `path`.
pub fn file(path: String, text: &str) -> OutputFile {
    compressed(path, text, INDEX_LEVEL)
}

fn compressed(path: String, text: &str, level: u32) -> OutputFile {
    OutputFile { path: path.into(), body: Body::Bytes(deflate(text.as_bytes(), level).into()) }
}

/// Article `i`'s files (its head, and its rest if the text is longer than
/// [`HEAD_CHARS`]), and the text they were made of, for the build's hash.
pub fn article_files(i: usize, d: &SearchDoc) -> (Vec<OutputFile>, String) {
    let text = &*d.body;
    let cut = text.char_indices().nth(HEAD_CHARS).map_or(text.len(), |(at, _)| at);
    let (head, rest) = text.split_at(cut);
    let mut json = serde_json::json!({
        "t": d.title, "u": d.url, "s": d.section_title, "k": d.kind_label,
        "d": d.date, "g": d.tags, "a": d.authors, "x": head,
    });
    if !rest.is_empty() {
        json["r"] = serde_json::json!(1);
    }
    // The case facts a result shows, label and value (only cases have them).
    let shown: Vec<[&str; 2]> =
        d.facts.iter().filter(|f| facets::SHOWN.contains(&f.key.as_str())).map(|f| [&*f.label, &*f.value]).collect();
    if !shown.is_empty() {
        json["c"] = serde_json::json!(shown);
    }
    let json = json.to_string();
    let mut files = vec![compressed(format!("search/a/{i}.bin"), &json, ARTICLE_LEVEL)];
    if !rest.is_empty() {
        files.push(compressed(format!("search/a/{i}-r.bin"), rest, ARTICLE_LEVEL));
    }
    (files, json + rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_is_cut_after_its_head() {
        let body: String = "退貨".repeat(HEAD_CHARS);
        let d = SearchDoc { title: "退貨".into(), body: body.clone().into(), url: "x/".into(), ..Default::default() };
        let (files, _) = article_files(7, &d);
        let read = |f: &OutputFile| String::from_utf8(inflate(&f.bytes().unwrap()).unwrap()).unwrap();
        assert_eq!(files.iter().map(|f| &*f.path).collect::<Vec<_>>(), ["search/a/7.bin", "search/a/7-r.bin"]);
        let head: serde_json::Value = serde_json::from_str(&read(&files[0])).unwrap();
        assert_eq!(head["r"], 1);
        assert_eq!(head["x"].as_str().unwrap().chars().count(), HEAD_CHARS);
        assert_eq!(format!("{}{}", head["x"].as_str().unwrap(), read(&files[1])), body);
        // A short text is whole in the head.
        let d = SearchDoc { body: "短".into(), ..d };
        let (files, _) = article_files(7, &d);
        assert_eq!(files.len(), 1);
        assert!(read(&files[0]).contains(r#""x":"短""#) && !read(&files[0]).contains(r#""r""#));
    }

    #[test]
    fn compression_is_deterministic_and_reversible() {
        let text = "客戶來電表示商品到貨後發現外盒破損".repeat(50);
        assert_eq!(deflate(text.as_bytes(), INDEX_LEVEL), deflate(text.as_bytes(), INDEX_LEVEL));
        assert_eq!(inflate(&deflate(text.as_bytes(), INDEX_LEVEL)).unwrap(), text.as_bytes());
        assert!(deflate(text.as_bytes(), INDEX_LEVEL).len() < text.len() / 4);
        assert_eq!(inflate(b"{}"), None);
    }
}
