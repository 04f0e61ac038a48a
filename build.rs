//! Embeds every file under `rules/` in the binary, so mtlint works alone
//! from any directory: `rules/lexicon/*.toml` as word lists,
//! `rules/kb/**/*.toml` as the knowledge base, `*.signals.toml` as the
//! line signals of the junk scorer, the rest as rule files.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let rules = root.join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&rules, &mut files);
    files.sort();
    let mut lexicons = String::new();
    let mut rule_files = String::new();
    let mut kb = String::new();
    let mut signals = String::new();
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&rules).expect("collected under rules/");
        let name = relative.to_string_lossy().replace('\\', "/");
        let entry = format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("rules/{name}"),
            path.display().to_string()
        );
        if name.starts_with("lexicon/") {
            lexicons.push_str(&entry);
        } else if name.starts_with("kb/") {
            kb.push_str(&entry);
        } else if name.ends_with(".signals.toml") {
            signals.push_str(&entry);
        } else {
            rule_files.push_str(&entry);
        }
    }
    let code = format!(
        "/// Built-in rule files: (path as shown in errors, contents).\n\
         pub static RULE_FILES: &[(&str, &str)] = &[\n{rule_files}];\n\
         /// Built-in word lists: (path as shown in errors, contents).\n\
         pub static LEXICON_FILES: &[(&str, &str)] = &[\n{lexicons}];\n\
         /// The knowledge base: (path as shown in errors, contents).\n\
         pub static KB_FILES: &[(&str, &str)] = &[\n{kb}];\n\
         /// Line signals of the junk scorer: (path as shown in errors, contents).\n\
         pub static SIGNAL_FILES: &[(&str, &str)] = &[\n{signals}];\n"
    );
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
