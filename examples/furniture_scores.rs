//! Prints the page-furniture model's probability for each non-blank line
//! of a text, with its strongest reasons: for looking into what
//! `junk.page-furniture` flags and misses.
//!
//! `cargo run --release --example furniture_scores < article.txt`

use std::io::Read;

use mtlint::lexicon;
use mtlint::rules::junk::furniture;
use mtlint::rules::junk::scraper_line::furniture_features;

#[allow(clippy::print_stdout, reason = "an example prints its report")]
fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("standard input is text");
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let model = furniture::builtin();
    let features = furniture_features(&lines, lexicon::builtin(), &model.vocabulary);
    println!("threshold {:.3}", model.threshold);
    for (line, x) in lines.iter().zip(&features) {
        let p = model.probability(x);
        let mark = if p >= model.threshold { '*' } else { ' ' };
        let shown: String = line.chars().take(60).collect();
        println!(
            "{mark} {p:.3}  {shown:<60}  {}",
            model.reasons(x, 3).join(", ")
        );
    }
}
