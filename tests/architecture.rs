//! Holds the structure ARCHITECTURE.md describes: every `use crate::…`
//! (and `super::…`) path of every source file points to its own layer or
//! one below, no rule imports another rule, no two files import each
//! other, directly or around a cycle, and no source file is over 500
//! lines.
//!
//! The layers are read from ARCHITECTURE.md itself (between
//! `<!-- layers:start -->` and `<!-- layers:end -->`), so the document
//! and the test cannot disagree.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::root;

/// A module path inside the crate: `["rules", "name", "near_miss"]`.
type Module = Vec<String>;

struct SourceFile {
    module: Module,
    /// The code without comments and without the `#[cfg(test)] mod tests`
    /// block that ends most files (tests may reach up to build a linter).
    code: String,
    /// Whether the file implements a rule (`impl Check for`).
    is_rule: bool,
}

fn source_files() -> Vec<SourceFile> {
    let src = root().join("src");
    let mut paths = Vec::new();
    collect(&src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let module = module_of(&src, &path);
            // Test-only modules: helpers and test files.
            let name = path.file_name()?.to_str()?;
            if name == "tests.rs" || module == ["rules", "test"] {
                return None;
            }
            let text = fs::read_to_string(&path).expect("source files are UTF-8");
            let is_rule = path.starts_with(src.join("rules")) && text.contains("impl Check for");
            Some(SourceFile {
                module,
                code: strip(&text),
                is_rule,
            })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/rules/name/mod.rs` → `rules::name`; `src/lib.rs` → the root.
fn module_of(src: &Path, path: &Path) -> Module {
    let relative = path.strip_prefix(src).expect("under src");
    let mut parts: Module = relative
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// The code of a file without its comment lines and its trailing test
/// module.
fn strip(text: &str) -> String {
    let code = match text.find("\n#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    code.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a file imports, as written after `crate::` or `super::`,
/// resolved to an absolute module path.
fn imports(file: &SourceFile) -> BTreeSet<Module> {
    let mut found = BTreeSet::new();
    let code = &file.code;
    // `use` statements, with their braces expanded.
    let mut rest = code.as_str();
    while let Some(at) = rest.find("use ") {
        let before_ok = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let tail = &rest[at + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        if before_ok {
            for path in expand(tail[..end].trim()) {
                if let Some(module) = absolute(file, &path) {
                    found.insert(module);
                }
            }
        }
        rest = &tail[end.min(tail.len())..];
    }
    // Paths written in the code: `crate::kb::Kb::builtin()`.
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let path: String = code[at..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        // The head of a `use` tree, read whole above.
        if code[at + path.len()..].starts_with('{') {
            continue;
        }
        if let Some(module) = absolute(file, path.trim_end_matches(':')) {
            found.insert(module);
        }
    }
    found
}

/// `crate::{a, b::{c, d}}` → `crate::a`, `crate::b::c`, `crate::b::d`.
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.split_whitespace().collect();
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.is_empty())
        .flat_map(|item| expand(&format!("{prefix}{item}")))
        .collect()
}

/// The absolute module path of an import of `file`, or `None` for one of
/// another crate.
fn absolute(file: &SourceFile, path: &str) -> Option<Module> {
    let mut parts = path.split("::").filter(|p| !p.is_empty());
    let mut module: Module = match parts.next()? {
        "crate" => Vec::new(),
        "super" => {
            let mut parent = file.module.clone();
            parent.pop();
            parent
        }
        "self" => file.module.clone(),
        _ => return None,
    };
    for part in parts {
        if part == "super" {
            module.pop();
        } else if part != "self" {
            module.push(part.to_owned());
        }
    }
    Some(module)
}

/// The longest prefix of `path` that is a module of the crate.
fn resolve<'m>(modules: &'m BTreeSet<Module>, path: &Module) -> Option<&'m Module> {
    (1..=path.len())
        .rev()
        .find_map(|n| modules.get(&path[..n].to_vec()))
}

/// The layers of ARCHITECTURE.md, bottom first: top-level module → rank.
fn layers() -> BTreeMap<String, usize> {
    let text = fs::read_to_string(root().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let start = text
        .find("<!-- layers:start -->")
        .expect("a layers:start marker");
    let end = text
        .find("<!-- layers:end -->")
        .expect("a layers:end marker");
    let mut layers = BTreeMap::new();
    let mut rank = 0;
    for line in text[start..end].lines() {
        let Some((number, rest)) = line.split_once(". ") else {
            continue;
        };
        if number.trim().parse::<usize>().is_err() {
            continue;
        }
        rank += 1;
        // The modules are the code spans before the colon.
        let names = rest.split(':').next().unwrap_or_default();
        for name in names.split('`').skip(1).step_by(2) {
            let previous = layers.insert(name.to_owned(), rank);
            assert!(previous.is_none(), "ARCHITECTURE.md lists `{name}` twice");
        }
    }
    assert!(rank > 3, "ARCHITECTURE.md lists too few layers: {rank}");
    layers
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "the crate root".to_owned()
    } else {
        module.join("::")
    }
}

#[test]
fn imports_point_down_and_rules_never_import_rules() {
    let files = source_files();
    let layers = layers();
    let modules: BTreeSet<Module> = files.iter().map(|f| f.module.clone()).collect();
    let rule_files: BTreeSet<&Module> = files
        .iter()
        .filter(|f| f.is_rule)
        .map(|f| &f.module)
        .collect();
    let layer_of = |module: &Module| -> Option<usize> {
        module.first().map(|top| {
            *layers.get(top).unwrap_or_else(|| {
                panic!("module `{top}` is in no layer: add it to ARCHITECTURE.md's layer list")
            })
        })
    };

    let mut wrong = Vec::new();
    for file in &files {
        let Some(own) = layer_of(&file.module) else {
            continue; // lib.rs and main.rs sit above every layer.
        };
        for import in imports(file) {
            let Some(target) = resolve(&modules, &import) else {
                continue;
            };
            if *target == file.module || target.is_empty() {
                continue;
            }
            let Some(theirs) = layer_of(target) else {
                continue;
            };
            if theirs > own {
                wrong.push(format!(
                    "{} imports {} (a layer above its own)",
                    name(&file.module),
                    name(target)
                ));
            }
            if file.is_rule && rule_files.contains(target) {
                wrong.push(format!(
                    "rule {} imports rule {} (shared code goes in `analysis`)",
                    name(&file.module),
                    name(target)
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn no_two_files_import_each_other() {
    let files = source_files();
    let modules: BTreeSet<Module> = files.iter().map(|f| f.module.clone()).collect();
    let mut graph: BTreeMap<&Module, BTreeSet<&Module>> = BTreeMap::new();
    for file in &files {
        let targets = imports(file)
            .iter()
            .filter_map(|i| resolve(&modules, i))
            .filter(|t| **t != file.module)
            .collect();
        graph.insert(&file.module, targets);
    }
    // Depth-first search, colouring each file while it is on the path.
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        OnPath,
        Done,
    }
    fn visit<'m>(
        module: &'m Module,
        graph: &BTreeMap<&'m Module, BTreeSet<&'m Module>>,
        state: &mut BTreeMap<&'m Module, State>,
        path: &mut Vec<&'m Module>,
    ) -> Option<Vec<String>> {
        match state.get(module) {
            Some(State::Done) => return None,
            Some(State::OnPath) => {
                let from = path.iter().position(|m| *m == module).unwrap_or(0);
                let mut cycle: Vec<String> = path[from..].iter().map(|m| name(m)).collect();
                cycle.push(name(module));
                return Some(cycle);
            }
            None => {}
        }
        state.insert(module, State::OnPath);
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(module, State::Done);
        None
    }
    let mut state = BTreeMap::new();
    for module in graph.keys() {
        if let Some(cycle) = visit(module, &graph, &mut state, &mut Vec::new()) {
            panic!("an import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_import_reader_reads_what_it_must() {
    assert_eq!(
        expand("crate::{a, b::{c, d}}"),
        ["crate::a", "crate::b::c", "crate::b::d"]
    );
    let file = SourceFile {
        module: vec!["rules".into(), "name".into(), "near_miss".into()],
        code: "use crate::kb::{fold, Kb};\nuse super::known_forms::X;\nlet k = crate::lexicon::builtin();\nuse std::fmt;".into(),
        is_rule: true,
    };
    let found: Vec<String> = imports(&file).iter().map(|m| m.join("::")).collect();
    assert_eq!(
        found,
        [
            "kb::Kb",
            "kb::fold",
            "lexicon::builtin",
            "rules::name::known_forms::X"
        ]
    );
}

/// ARCHITECTURE.md: "No source file is over 500 lines." A longer module is
/// split along its seams.
#[test]
fn no_source_file_is_over_500_lines() {
    let mut paths = Vec::new();
    collect(&root().join("src"), &mut paths);
    let long: Vec<String> = paths
        .iter()
        .filter_map(|path| {
            let lines = fs::read_to_string(path).ok()?.lines().count();
            (lines > 500).then(|| format!("{} has {lines} lines", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}
