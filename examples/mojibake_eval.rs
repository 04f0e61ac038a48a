//! Prints the figures of the mojibake evaluation set:
//! `cargo run --release --example mojibake_eval [-- --misses]`.

#![allow(clippy::print_stdout, reason = "a report for the terminal")]

#[path = "../tests/support/mojibake_eval.rs"]
mod eval;

fn main() {
    let source = include_str!("../fixtures/encoding/eval/clean.txt");
    let clean = eval::lines(source);
    let report = eval::evaluate(&clean);
    println!(
        "{:<58} {:>6} {:>9} {:>7}",
        "chain", "cases", "detected", "exact"
    );
    for (name, t) in &report.by_chain {
        println!("{name:<58} {:>6} {:>9} {:>7}", t.cases, t.detected, t.exact);
    }
    let total = report.total();
    println!(
        "{:<58} {:>6} {:>9} {:>7}",
        "all", total.cases, total.detected, total.exact
    );
    println!(
        "clean lines: {}, flagged: {}",
        report.clean_lines,
        report.clean_flagged.len()
    );
    println!(
        "precision {:.4}  recall {:.4}  F1 {:.4}  exact repair {:.4}",
        report.precision(),
        report.recall(),
        report.f1(),
        report.exact_rate()
    );
    for line in &report.clean_flagged {
        println!("FALSE POSITIVE: {line}");
    }
    if std::env::args().any(|a| a == "--misses") {
        for (chain, damaged, repaired) in &report.misses {
            println!("MISS [{chain}]\n  damaged:  {damaged}\n  repaired: {repaired}");
        }
    }
}
