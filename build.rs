//! Embeds every file under `rules/` in the binary, so mtlint works alone
//! from any directory: `rules/lexicon/*.toml` as word lists,
//! `rules/lexicon/**/*.txt` as plain word lists,
//! `rules/kb/**/*.toml` as the knowledge base, `*.signals.toml` as the
//! line signals of the junk scorer, `*.model.toml` as the weights of a
//! learned model, the rest as rule files.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/rules/junk/signal_gate.rs"]
mod signal_gate;
#[path = "src/word_table.rs"]
mod word_table;

#[path = "src/rules/file/gate.rs"]
mod pattern_gate;

#[allow(dead_code)]
#[path = "src/rules/screen/reading.rs"]
mod reading;

#[path = "src/rules/junk/furniture/file.rs"]
mod model_file;

// The knowledge base's records, read here as mtlint reads them, to write
// its build-time image (`kb_image`).
#[allow(dead_code)]
#[path = "src/date.rs"]
mod date;
#[allow(dead_code)]
#[path = "src/kb/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/kb/spelling.rs"]
mod spelling;
// What `spelling` reads from its parent module, `kb`, in mtlint.
use model::{Origin, Person};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml" || e == "txt") {
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
    let mut lexicon_table = String::new();
    let mut rule_files = String::new();
    let mut kb = String::new();
    let mut signals = String::new();
    let mut gates = String::new();
    let mut pattern_gates = String::new();
    let mut builtin_patterns = String::new();
    let mut kb_image = String::new();
    let mut word_lists = String::new();
    let mut models = String::new();
    // What the screens of the built-in patterns read: rule-file patterns
    // loosely in CRLF mode; the ungated line signals loosely (as one set)
    // and every line signal narrowly (each alone).
    let mut screened: Vec<(u8, String)> = Vec::new();
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let relative = path.strip_prefix(&rules).expect("collected under rules/");
        let name = relative.to_string_lossy().replace('\\', "/");
        let entry = format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("rules/{name}"),
            path.display().to_string()
        );
        if name.ends_with(".txt") {
            if name.starts_with("lexicon/") {
                word_lists.push_str(&format!(
                    "    ({:?}, include_str!({:?}), include_bytes!({:?})),\n",
                    format!("rules/{name}"),
                    path.display().to_string(),
                    word_table_file(&out_dir, &name, path).display().to_string()
                ));
            }
        } else if name.starts_with("lexicon/") {
            lexicons.push_str(&entry);
            lexicon_table.push_str(&lexicon_entries(path));
        } else if name.starts_with("kb/") {
            kb.push_str(&entry);
            kb_image.push_str(&image_entry::<model::KbFile>(&out_dir, &name, path));
        } else if name.ends_with(".model.toml") {
            models.push_str(&image_entry::<model_file::ModelFile>(&out_dir, &name, path));
        } else if name.ends_with(".signals.toml") {
            signals.push_str(&entry);
            gates.push_str(&signal_gates(path));
            for signal in entries(path, "signal") {
                if let Some(pattern) = signal.get("pattern").and_then(toml::Value::as_str) {
                    screened.push((
                        reading::key(false, reading::Reading::Narrow),
                        pattern.to_owned(),
                    ));
                    // A gated signal is never in the loose set.
                    if signal_gate::gate(pattern).is_none() {
                        screened.push((
                            reading::key(false, reading::Reading::Loose),
                            pattern.to_owned(),
                        ));
                    }
                }
            }
        } else {
            rule_files.push_str(&entry);
            pattern_gates.push_str(&pattern_gates_of(path));
            for rule in entries(path, "rule") {
                if let Some(pattern) = rule.get("pattern").and_then(toml::Value::as_str) {
                    builtin_patterns.push_str(&format!("    {pattern:?},\n"));
                    let key = reading::key(true, reading::Reading::Loose);
                    screened.push((key, pattern.to_owned()));
                }
            }
        }
    }
    let screen_patterns = prepared_patterns(screened);
    let code: String = format!(
        "/// Built-in rule files: (path as shown in errors, contents).\n\
         pub static RULE_FILES: &[(&str, &str)] = &[\n{rule_files}];\n\
         /// Built-in word lists: (path as shown in errors, contents).\n\
         pub static LEXICON_FILES: &[(&str, &str)] = &[\n{lexicons}];\n\
         /// Their lexicons, read here: (name, case-sensitive, language,\n\
         /// words, lower-cased unless case-sensitive).\n\
         pub static LEXICONS: &[(&str, bool, Option<&str>, &[&str])] = &[\n{lexicon_table}];\n\
         /// The knowledge base: (path as shown in errors, contents).\n\
         pub static KB_FILES: &[(&str, &str)] = &[\n{kb}];\n\
         /// The knowledge base's records as postcard, read from KB_FILES at\n\
         /// build time: (path as shown in errors, image).\n\
         pub static KB_IMAGE: &[(&str, &[u8])] = &[\n{kb_image}];\n\
         /// Line signals of the junk scorer: (path as shown in errors, contents).\n\
         pub static SIGNAL_FILES: &[(&str, &str)] = &[\n{signals}];\n\
         /// For each line signal, in order, the literals its matches start with.\n\
         pub static SIGNAL_GATES: &[Option<&[&[u8]]>] = &[\n{gates}];\n\
         /// For each built-in pattern with a gate, the sets of literals every\n\
         /// match has one of each (src/rules/file/gate.rs).\n\
         pub static PATTERN_GATES: &[(&str, &[&[&[u8]]])] = &[\n{pattern_gates}];\n\
         /// Every built-in pattern rule's pattern.\n\
         pub static BUILTIN_PATTERNS: &[&str] = &[\n{builtin_patterns}];\n\
         /// Plain word lists, one word a line: (path as shown in errors,\n\
         /// contents, hash table: src/word_table.rs).\n\
         pub static WORD_LIST_FILES: &[(&str, &str, &[u8])] = &[\n{word_lists}];\n\
         /// Learned models, read from their TOML and written as postcard:\n\
         /// (path as shown in errors, image).\n\
         pub static MODEL_FILES: &[(&str, &[u8])] = &[\n{models}];\n\
         /// The built-in patterns' syntax trees, as their screens read them\n\
         /// (src/rules/screen/reading.rs): (key of the reading, pattern,\n\
         /// prepared tree), in order of key and pattern.\n\
         pub static SCREEN_PATTERNS: &[(u8, &str, &[u8])] = &[\n{screen_patterns}];\n"
    );
    let code = code + &rule_docs(&root);
    let out = out_dir.join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// Writes the hash table of a word list (`src/word_table.rs`) and
/// returns the file's path.
fn word_table_file(out_dir: &Path, name: &str, path: &Path) -> PathBuf {
    let text = fs::read_to_string(path).expect("a word list is readable");
    let table = word_table::table(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let out = out_dir.join(format!("{}.table", name.replace('/', "__")));
    fs::write(&out, table).expect("OUT_DIR is writable");
    out
}

/// The `[[key]]` entries of a TOML file; none when it does not parse (the
/// library's loader then reports it).
fn entries(path: &Path, key: &str) -> Vec<toml::Value> {
    let text = fs::read_to_string(path).expect("a rule or signal file is readable");
    let Ok(mut value) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    match value.remove(key) {
        Some(toml::Value::Array(entries)) => entries,
        _ => Vec::new(),
    }
}

/// The table of prepared patterns, as Rust source entries, in order. A
/// pattern that does not parse, or whose prepared form would not build
/// the same tree, has no entry: its screen parses it.
fn prepared_patterns(mut screened: Vec<(u8, String)>) -> String {
    screened.sort();
    screened.dedup();
    let mut out = String::new();
    for (key, pattern) in screened {
        let (crlf, reading) = reading::from_key(key);
        if let Some(prepared) = reading::prepare(&pattern, crlf, reading) {
            out.push_str(&format!("    ({key}, {pattern:?}, &{prepared:?}),\n"));
        }
    }
    out
}

/// A lexicon file as the library's tests read it: build.rs refuses what
/// they refuse, naming the file.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    lexicon: Vec<LexiconEntry>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconEntry {
    name: String,
    #[allow(dead_code)]
    summary: String,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default)]
    language: Option<String>,
    words: Vec<String>,
}

/// The lexicons of a lexicon file, as Rust source entries of `LEXICONS`:
/// what `lexicon::builtin` would otherwise parse at run time. A file that
/// is not a lexicon file stops the build, naming it.
fn lexicon_entries(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let file: LexiconFile =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = String::new();
    for lexicon in file.lexicon {
        let LexiconEntry {
            name,
            case_sensitive,
            language,
            words,
            ..
        } = lexicon;
        let words: Vec<String> = if case_sensitive {
            words
        } else {
            words.iter().map(|w| w.to_lowercase()).collect()
        };
        out.push_str(&format!(
            "    ({name:?}, {case_sensitive}, {language:?}, &{words:?}),\n"
        ));
    }
    out
}

/// Byte strings as the Rust source of a slice of byte-string slices.
fn byte_strings(literals: &[Vec<u8>]) -> String {
    let literals: Vec<String> = literals
        .iter()
        .map(|l| format!("&{:?}", l.as_slice()))
        .collect();
    format!("&[{}]", literals.join(", "))
}

/// The gate of each signal in a signal file, as Rust source: its leading
/// literals (`signal_gate::gate`), or `None`.
fn signal_gates(path: &Path) -> String {
    let mut out = String::new();
    for signal in entries(path, "signal") {
        let pattern = signal.get("pattern").and_then(toml::Value::as_str);
        match pattern.and_then(signal_gate::gate) {
            Some(literals) => out.push_str(&format!("    Some({}),\n", byte_strings(&literals))),
            None => out.push_str("    None,\n"),
        }
    }
    out
}

/// The gate of each pattern of a rule file that has one, as Rust source
/// entries `(pattern, sets)` (`pattern_gate::gate`).
fn pattern_gates_of(path: &Path) -> String {
    let mut out = String::new();
    for rule in entries(path, "rule") {
        let Some(pattern) = rule.get("pattern").and_then(toml::Value::as_str) else {
            continue;
        };
        let Some(sets) = pattern_gate::gate(pattern) else {
            continue;
        };
        let sets: Vec<String> = sets.iter().map(|set| byte_strings(set)).collect();
        out.push_str(&format!("    ({pattern:?}, &[{}]),\n", sets.join(", ")));
    }
    out
}

/// `mtlint rules --explain`'s texts: for each built-in detector, the `//!`
/// documentation of the source file that defines it (a rule id on a line
/// of its own, as `RuleMeta::builtin` takes it), and its examples from
/// `fixtures/<category>/<name>.txt`.
fn rule_docs(root: &Path) -> String {
    println!("cargo:rerun-if-changed=src/rules");
    println!("cargo:rerun-if-changed=fixtures");
    let mut sources = Vec::new();
    collect_ext(&root.join("src/rules"), "rs", &mut sources);
    sources.sort();
    let mut docs = String::new();
    for path in &sources {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let body = text.split("#[cfg(test)]").next().unwrap_or_default();
        let doc: Vec<&str> = text
            .lines()
            .take_while(|line| line.starts_with("//!"))
            .map(|line| {
                line.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or(line.trim_start_matches("//!"))
            })
            .collect();
        for line in body.lines() {
            let line = line.trim();
            let Some(id) = line.strip_prefix('"').and_then(|l| l.strip_suffix("\",")) else {
                continue;
            };
            let is_id = id.split_once('.').is_some_and(|(category, name)| {
                CATEGORIES.contains(&category)
                    && !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            });
            if is_id {
                docs.push_str(&format!("    ({id:?}, {:?}),\n", doc.join("\n")));
            }
        }
    }
    let mut fixtures = String::new();
    for category in CATEGORIES {
        let dir = root.join("fixtures").join(category);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            // A fixture in a legacy encoding has no text to show.
            .filter(|p| p.extension().is_some_and(|e| e == "txt") && fs::read_to_string(p).is_ok())
            .collect();
        files.sort();
        for path in files {
            let name = path.file_stem().expect("a file name").to_string_lossy();
            fixtures.push_str(&format!(
                "    (\"{category}.{name}\", include_str!({:?})),\n",
                path.display().to_string()
            ));
        }
    }
    format!(
        "/// The documentation of each built-in detector: (rule id, text).\n\
         pub static RULE_DOCS: &[(&str, &str)] = &[\n{docs}];\n\
         /// Each rule's fixture file: (rule id, contents).\n\
         pub static RULE_FIXTURES: &[(&str, &str)] = &[\n{fixtures}];\n"
    )
}

const CATEGORIES: [&str; 6] = [
    "encoding",
    "name",
    "title",
    "junk",
    "translation",
    "typography",
];

fn collect_ext(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_ext(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// Reads a file under `rules/` into the records `T` mtlint reads it as
/// (a knowledge-base file, a learned model), writes them into OUT_DIR as
/// postcard, and returns the entry that embeds them: `(path as shown in
/// errors, image)`. Reading the image at run time skips the scanning and
/// key matching of a text format, and a model's numbers (which JSON took a
/// one-article run 2.6M instructions to parse). A file that does not read
/// as `T` stops the build, naming it.
fn image_entry<T: serde::de::DeserializeOwned + serde::Serialize>(
    out_dir: &Path,
    name: &str,
    path: &Path,
) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let records: T = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let image = out_dir
        .join(name.replace('/', "__"))
        .with_extension("postcard");
    let bytes = postcard::to_allocvec(&records).expect("the records serialise");
    fs::write(&image, bytes).expect("OUT_DIR is writable");
    format!(
        "    ({:?}, include_bytes!({:?})),\n",
        format!("rules/{name}"),
        image.display().to_string()
    )
}
