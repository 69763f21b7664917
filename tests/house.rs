//! The shape of the repository: imports point one way, down the pipeline,
//! and the docs describe the product as it is.

use std::fs;
use std::path::{Path, PathBuf};

use regex::Regex;

/// The crate's top modules, bottom first: a module may use those before it
/// (and those of its own rank), never one after it.
const LAYERS: &[&[&str]] = &[
    &["error"],
    &["types", "util", "bilou"],
    &["text"],
    &["recognize"],
    &["kb"],
    &["document"],
    &["tag"],
    &["names"],
    &["transformer"],
    &["coref"],
    &["link"],
    &["pipeline"],
    &["eval"],
];

/// Where the names the crate root re-exports are defined.
const ROOT_NAMES: &[(&str, &str)] = &[
    ("Error", "error"),
    ("ErrorKind", "error"),
    ("Label", "types"),
    ("Span", "types"),
    ("CharSpan", "types"),
    ("TokenSpan", "types"),
    ("Token", "text"),
    ("KbId", "kb"),
    ("KnowledgeBase", "kb"),
    ("EntityId", "document"),
    ("OwnedDocument", "document"),
    ("BatchText", "pipeline"),
    ("Document", "document"),
    ("Entity", "document"),
    ("Mention", "document"),
    ("Currency", "recognize"),
    ("Money", "recognize"),
    ("Site", "recognize"),
    ("NameRule", "names"),
    ("Pipeline", "pipeline"),
    ("PipelineBuilder", "pipeline"),
    ("Decimal", ""),
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top module a source file belongs to (`src/kb/wikidata.rs` -> `kb`).
fn top_module(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    Path::new(first)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

#[test]
fn imports_point_down_the_pipeline() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let path = Regex::new(r"crate::(?:\{\s*)?([A-Za-z_]+)").unwrap();
    let mut wrong = Vec::new();
    for file in &files {
        let module = top_module(&src, file);
        let is_test_file = file.file_stem().is_some_and(|s| s == "tests");
        if module == "lib" || is_test_file {
            continue;
        }
        let own = rank(&module).unwrap_or_else(|| panic!("{module} is in no layer"));
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Unit tests, at the end of a file, may use the whole crate.
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            if line.trim_start().starts_with("//") {
                continue;
            }
            for c in path.captures_iter(line) {
                let name = &c[1];
                let target = ROOT_NAMES
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(name, |(_, m)| m);
                if target.is_empty() {
                    continue;
                }
                let Some(theirs) = rank(target) else {
                    panic!("{}:{}: crate::{name} is in no layer", file.display(), n + 1);
                };
                if theirs > own {
                    wrong.push(format!(
                        "{}:{}: {module} uses {target}: {}",
                        file.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn docs_describe_the_product_as_it_is() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    // (The published crate leaves training/ and scripts/ out.)
    for dir in ["docs", "training", "models", "scripts", "benches"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let text_file = path
                .extension()
                .is_some_and(|e| ["md", "sh", "py", "rs"].iter().any(|x| e == *x));
            if path.is_file() && text_file {
                files.push(path);
            }
        }
    }
    // Numbered rounds of work, issue numbers, before-and-after narration.
    let history = Regex::new(
        r"(?i)\bsessions? [0-9]+|\bissues? #?[0-9]+|\brounds? [0-9]+|\bwas [^.\n]{0,40}, now\b|\bshipped until\b",
    )
    .unwrap();
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if let Some(m) = history.find(line) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, m.as_str()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "history in the docs:\n{}",
        found.join("\n")
    );
}
