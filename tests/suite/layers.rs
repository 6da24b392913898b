//! The code's layout is the pipeline: `src/lib.rs` lists the modules used by
//! every stage, then the stages in the order a build runs them, then what
//! runs them. A stage may use only the stages before it (and the shared
//! modules); a shared module uses no stage. This test reads every source
//! file and fails on an import that goes backwards, naming file and line.

use std::collections::HashMap;
use std::path::Path;

/// The modules of `src/lib.rs` by group, in order.
fn groups(lib: &str) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for line in lib.lines() {
        if let Some(title) = line.strip_prefix("// ") {
            groups.push((title.to_string(), Vec::new()));
        } else if let Some(name) = line.strip_prefix("pub mod ").and_then(|l| l.strip_suffix(';')) {
            groups.last_mut().expect("a `// group` comment before the first module").1.push(name.to_string());
        }
    }
    groups
}

/// `crate::name` in code (not in comments) of one line.
fn uses(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with("$") {
            continue;
        }
        let name: String = code[at + 7..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            found.push(name);
        }
    }
    // `use crate::{a, b}`
    if let Some(rest) = code.trim_start().strip_prefix("use crate::{") {
        found.extend(rest.split([',', '}']).map(|p| p.trim().split("::").next().unwrap_or("").to_string()));
    }
    found.retain(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    found
}

#[test]
fn no_module_imports_from_a_stage_that_runs_after_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let groups = groups(&lib);
    let titles: Vec<&str> = groups.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(titles, ["Used by every stage.", "The stages, in order.", "Running them."], "the groups of src/lib.rs");
    // Shared modules are rank 0; then each stage and runner in order.
    let mut rank: HashMap<&str, usize> = HashMap::new();
    for m in &groups[0].1 {
        rank.insert(m, 0);
    }
    for (i, m) in groups[1].1.iter().chain(&groups[2].1).enumerate() {
        rank.insert(m, i + 1);
    }
    // The chain in lib.rs's documentation names the stages in the same order.
    let chain: Vec<String> = lib
        .lines()
        .filter(|l| l.starts_with("//! [`") && l.contains("→"))
        .flat_map(|l| {
            l.split('→').map(|p| p.trim().trim_start_matches("//!").trim().trim_matches(['[', ']', '`']).to_string())
        })
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(chain, groups[1].1, "src/lib.rs documents the stages in the order it declares them");

    let mut backwards = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
        let module = first.trim_end_matches(".rs");
        let Some(&own) = rank.get(module) else {
            assert!(["lib", "main"].contains(&module), "{} is not declared in src/lib.rs", rel.display());
            continue;
        };
        let text = std::fs::read_to_string(path).unwrap();
        // Tests beside the code may use anything.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            for used in uses(line) {
                let Some(&theirs) = rank.get(used.as_str()) else { continue };
                let wrong = if own == 0 { theirs != 0 } else { theirs > own };
                if wrong && used != module {
                    backwards.push(format!("src/{}:{}: {module} uses {used}", rel.display(), n + 1));
                }
            }
        }
    }
    assert!(backwards.is_empty(), "imports that go backwards (see the order in src/lib.rs):\n{}", backwards.join("\n"));
}

#[test]
fn the_layers_test_sees_uses_in_code_and_not_in_comments() {
    assert_eq!(uses("use crate::render::theme::Source;"), ["render"]);
    assert_eq!(uses("    let x = crate::graph::links::content_path(p); // crate::output"), ["graph"]);
    assert_eq!(uses("/// see crate::graph::reviewers"), Vec::<String>::new());
    assert_eq!(uses("use crate::{config, content::Article};"), ["config", "content"]);
}
