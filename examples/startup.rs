//! Where a process's first lint spends its time: each built-in rule file
//! loaded alone (its patterns compiled), the registry, then each rule's
//! first run on a short text with a name and a title, which builds that
//! rule's lazy state (regexes, automata, the knowledge base). Run with
//! `cargo run --release --example startup`.

use std::time::Instant;

use mtlint::embedded::RULE_FILES;
use mtlint::lint::Linter;
use mtlint::rules::file::LoadedRules;
use mtlint::rules::Registry;

#[allow(clippy::print_stdout, reason = "an example prints its report")]
fn main() {
    for (path, contents) in RULE_FILES {
        let t = Instant::now();
        let mut loaded = LoadedRules::default();
        loaded
            .add_file(path, contents)
            .expect("a built-in rule file loads");
        println!("{:>8.2} ms  {path}", t.elapsed().as_secs_f64() * 1e3);
    }
    let t = Instant::now();
    let registry = Registry::builtin().expect("the built-in rules load");
    println!(
        "{:>8.2} ms  registry (rule files)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let ids: Vec<String> = registry.rules().map(|r| r.id.to_string()).collect();
    for id in ids {
        let linter = Linter::builtin(std::slice::from_ref(&id)).expect("a known rule");
        let t = Instant::now();
        linter.lint("Short text, Kyiv, said President Zelensky. Привет.");
        println!("{:>8.2} ms  {id}", t.elapsed().as_secs_f64() * 1e3);
    }
}
