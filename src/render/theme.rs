//! Finds the templates and static files of the theme, with the journal's own
//! `templates/` and `static/` layered on top.
//!
//! The default theme is embedded in the binary, so a journal without a
//! `themes/` folder builds; a journal may copy it to `themes/default/` to
//! change it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::diagnostics::{display_path, Diagnostic, Problem};
use crate::site_file::Source;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

#[derive(Debug, Clone)]
pub struct Template {
    pub text: String,
    /// Shown in messages: `templates/article.html` or `(built-in theme)/...`.
    pub shown_path: PathBuf,
}

#[derive(Debug, Default)]
pub struct Theme {
    /// By template name: `article.html`.
    pub templates: BTreeMap<String, Template>,
    /// By site path: `style.css`.
    pub statics: BTreeMap<String, Source>,
}

pub fn load(root: &Path, theme: &str) -> (Theme, Vec<Diagnostic>) {
    let mut out = Theme::default();
    let mut diags = Vec::new();
    if theme.is_empty() || theme.contains(['/', '\\']) || theme.starts_with('.') {
        diags.push(Diagnostic::error(
            crate::config::CONFIG_FILE,
            0,
            0,
            Problem::BadThemeName { theme: theme.to_string() },
        ));
        add_embedded(&DEFAULT_THEME, &mut out);
        read_dir_into(root, &root.join("templates"), &mut out, &mut diags, true);
        read_dir_into(root, &root.join("static"), &mut out, &mut diags, false);
        return (out, diags);
    }
    let theme_dir = root.join("themes").join(theme);
    // A linked theme folder (or a `theme:` that climbs out with `..`) is not
    // used: the built-in theme stands in for `default`.
    let link = crate::paths::first_link(root, &theme_dir);
    if let Some(link) = &link {
        diags.push(link.warning());
    }
    if link.is_none() && theme_dir.is_dir() {
        read_dir_into(root, &theme_dir.join("templates"), &mut out, &mut diags, true);
        read_dir_into(root, &theme_dir.join("static"), &mut out, &mut diags, false);
    } else if theme == "default" {
        add_embedded(&DEFAULT_THEME, &mut out);
    } else {
        // At the `theme:` line (the config was read before; its text is read again only here).
        let (line, col) = std::fs::read_to_string(root.join(crate::config::CONFIG_FILE))
            .ok()
            .and_then(|text| crate::yaml::key_position(&text, "theme"))
            .map_or((0, 0), |(l, c)| (l + 1, c));
        diags.push(Diagnostic::error(
            crate::config::CONFIG_FILE,
            line,
            col,
            Problem::ThemeNotFound { theme: theme.to_string() },
        ));
        add_embedded(&DEFAULT_THEME, &mut out);
    }
    read_dir_into(root, &root.join("templates"), &mut out, &mut diags, true);
    read_dir_into(root, &root.join("static"), &mut out, &mut diags, false);
    (out, diags)
}

fn add_embedded(dir: &'static Dir<'static>, out: &mut Theme) {
    for entry in dir.entries() {
        if let Some(d) = entry.as_dir() {
            add_embedded(d, out);
        } else if let Some(f) = entry.as_file() {
            let path = display_path(f.path());
            if let Some(name) = path.strip_prefix("templates/") {
                out.templates.insert(
                    name.to_string(),
                    Template {
                        text: String::from_utf8_lossy(f.contents()).into_owned(),
                        shown_path: PathBuf::from("(built-in theme)").join(&path),
                    },
                );
            } else if let Some(site) = path.strip_prefix("static/") {
                out.statics.insert(site.to_string(), Source::Embedded(f.contents()));
            }
        }
    }
}

fn read_dir_into(root: &Path, dir: &Path, out: &mut Theme, diags: &mut Vec<Diagnostic>, templates: bool) {
    let walked = crate::paths::walk(root, dir, |e| {
        e.depth() == 0 || e.file_type().is_dir() || !e.file_name().to_string_lossy().starts_with('.')
    });
    diags.extend(walked.diags);
    for path in walked.files {
        let name = display_path(path.strip_prefix(dir).unwrap_or(&path));
        let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if templates {
            match crate::paths::read_checked(&path) {
                Ok(bytes) => match crate::content::frontmatter::decode(&bytes, &shown) {
                    Ok(text) => {
                        out.templates.insert(name, Template { text, shown_path: shown });
                    }
                    Err(d) => diags.push(d),
                },
                Err(e) => diags.push(Diagnostic::error(shown, 0, 0, crate::paths::unreadable(&e))),
            }
        } else {
            out.statics.insert(name, Source::File(path));
        }
    }
}
