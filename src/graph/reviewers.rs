//! The people named in review and co-author trailers, as people: git can
//! name one reviewer by id and by display name (`Reviewed-by: lin <lin@example.com>`,
//! `Reviewed-by: 林怡君 <lin@example.com>`); each is found in
//! data/authors.yaml ([`Authors::find_person`]: by e-mail address, id or name,
//! ignoring letter case) and shown once, under the author's display name.
//! People not in the file are one person per e-mail address (else per name,
//! ignoring letter case), shown under the first name written.

use crate::content::authors::{Author, Authors};
use crate::history::History;

/// Who a name from a trailer is: a key that is the same for every way of
/// naming one person, and the name to show.
fn identify(name: &str, history: &History, authors: &Authors) -> (String, String) {
    let email = history.emails.get(name).map(String::as_str);
    match authors.find_person(name, email) {
        Some(a) => (format!("author:{}", a.id), a.name.clone()),
        None => match email {
            Some(e) => (format!("email:{}", e.to_lowercase()), name.to_string()),
            None => (format!("name:{}", name.to_lowercase()), name.to_string()),
        },
    }
}

/// An article's reviewers or co-authors (as `FileHistory` names them), each
/// person once, in the order first named.
pub fn names(history: &History, people: &[String], authors: &Authors) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for r in people {
        let (key, name) = identify(r, history, authors);
        if !seen.contains(&key) {
            seen.push(key);
            out.push(name);
        }
    }
    out
}

/// How many commits `author` reviewed, under every name the trailers give
/// them: a commit naming them twice is one review.
pub fn count(history: &History, authors: &Authors, author: &Author) -> usize {
    let mine = if author.known { format!("author:{}", author.id) } else { identify(&author.name, history, authors).0 };
    let is_mine = |name: &String| identify(name, history, authors).0 == mine;
    history.reviews.iter().filter(|(names, _)| names.iter().any(is_mine)).map(|(_, n)| n).sum()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn one_person_under_several_names_is_one_reviewer() {
        let (authors, _) = Authors::parse(
            "lin:\n  name: 林怡君\ntsai:\n  name: 蔡宇涵\n  email: yuhan@example.com\n",
            Path::new("data/authors.yaml"),
        );
        let mut history = History::default();
        for (name, email, reviews) in [
            ("lin", Some("lin@example.com"), 2),
            ("林怡君", Some("lin@example.com"), 1),
            ("LIN", None, 1),
            ("Yuhan", Some("YUHAN@example.com"), 1),
            ("Wang", Some("wang@example.com"), 1),
            ("王小明", Some("wang@example.com"), 2),
            ("guest", None, 1),
            ("Guest", None, 1),
        ] {
            history.reviews.insert(vec![name.to_string()], reviews);
            if let Some(e) = email {
                history.emails.insert(name.to_string(), e.to_string());
            }
        }
        // One commit naming lin twice, by id and by display name, with a guest.
        history.reviews.insert(["LIN", "guest", "林怡君"].map(String::from).to_vec(), 1);
        let raw: Vec<String> =
            ["lin", "Wang", "Yuhan", "林怡君", "王小明", "guest", "LIN", "Guest"].map(String::from).to_vec();
        assert_eq!(names(&history, &raw, &authors), ["林怡君", "Wang", "蔡宇涵", "guest"]);

        let author = |named: &str| authors.resolve(named);
        assert_eq!(count(&history, &authors, &author("lin")), 5);
        assert_eq!(count(&history, &authors, &author("tsai")), 1);
        // Guests named in front matter: by the address the trailers give their name, else by name.
        assert_eq!(count(&history, &authors, &author("王小明")), 3);
        assert_eq!(count(&history, &authors, &author("GUEST")), 3);
        assert_eq!(count(&history, &authors, &author("nobody")), 0);
    }
}
