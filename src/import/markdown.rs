//! A folder of Markdown notes: every `.md` file (folders starting with `.`
//! or `_` left out) goes under `content/notes/`, keeping its folders.

use std::path::Path;

use super::{markdown_files, read_post, Report, SectionInfo, Source};

pub fn read(root: &Path, report: &mut Report) -> anyhow::Result<Source> {
    let mut src = Source { static_root: root.to_path_buf(), ..Default::default() };
    for file in markdown_files(root, false) {
        let rel = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        if let Some(p) = read_post(root, &file, format!("notes/{rel}"), report) {
            src.posts.push(p);
        }
    }
    src.sections.insert("notes".into(), SectionInfo { title: "筆記".into(), description: None });
    Ok(src)
}
