//! Where a process's first lint spends its time: each rule's first run on
//! a short text with a name and a title, which builds that rule's lazy
//! state (regexes, automata, the knowledge base). Run with
//! `cargo run --release --example startup`.

use std::time::Instant;

use mtlint::lint::Linter;
use mtlint::rules::Registry;

#[allow(clippy::print_stdout, reason = "an example prints its report")]
fn main() {
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
