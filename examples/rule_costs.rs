//! What each rule costs over a folder of articles, one thread: every rule
//! alone, and the parse that all of them share. Run with
//! `cargo run --release --example rule_costs -- DIR` (for instance on the
//! corpus `scripts/bench.sh` generates); the slowest rules come first.

use std::time::Instant;

use mtlint::document::Document;
use mtlint::lint::Linter;
use mtlint::rules::Registry;

fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            texts(&path, out);
        } else if let Ok(text) = std::fs::read_to_string(&path) {
            out.push(text);
        }
    }
}

#[allow(clippy::print_stdout, reason = "an example prints its report")]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "fixtures".to_owned());
    let mut all = Vec::new();
    texts(std::path::Path::new(&dir), &mut all);
    let bytes: usize = all.iter().map(String::len).sum();
    println!("{} files, {:.1} MB", all.len(), bytes as f64 / 1e6);
    let seconds = |f: &dyn Fn(&str)| {
        let t = Instant::now();
        for text in &all {
            f(text);
        }
        t.elapsed().as_secs_f64()
    };
    let parse = seconds(&|t| {
        std::hint::black_box(Document::new(t, mtlint::lexicon::builtin()).tokens.len());
    });
    let mut costs = Vec::new();
    let ids: Vec<String> = Registry::builtin()
        .expect("the built-in rules load")
        .rules()
        .map(|r| r.id.to_string())
        .collect();
    for id in ids {
        let linter = Linter::builtin(std::slice::from_ref(&id)).expect("a known rule");
        linter.lint("Warm-up text, Kyiv. Привет.");
        let s = seconds(&|t| {
            std::hint::black_box(linter.lint(t).len());
        });
        costs.push((s - parse, id));
    }
    costs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let linter = Linter::builtin(&[]).expect("the built-in rules load");
    let every = seconds(&|t| {
        std::hint::black_box(linter.lint(t).len());
    });
    let rate = |s: f64| bytes as f64 / s / 1e6;
    println!("{every:>8.3} s  {:>6.1} MB/s  every rule", rate(every));
    println!("{parse:>8.3} s  {:>6.1} MB/s  the parse alone", rate(parse));
    println!("each rule alone, less the parse (shared work, such as the mojibake");
    println!("scan or an unused-suppression rule's category, counts in each):");
    for (s, id) in costs {
        println!("{s:>8.3} s  {id}");
    }
}
