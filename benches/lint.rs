//! Throughput of the linter: `cargo bench`.
//!
//! - `seed`: each seed article alone, one thread (parse + every rule);
//! - `decode`: reading bytes into text (UTF-8, and the same article stored
//!   as windows-1251 by a legacy scraper, which is detected and decoded);
//! - `document`: parsing alone, on the largest seed;
//! - `output`: the findings of a seed written as JSON Lines;
//! - `corpus`: a generated corpus of about 32 MB (the seeds, varied and
//!   repeated into 4,000 articles), linted in parallel as `mtlint check` does.
//!
//! Divan reports bytes per second for each.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use mtlint::document::Document;
use mtlint::lint::Linter;
use rayon::prelude::*;

const SEEDS: [(&str, &str); 3] = [
    (
        "000",
        include_str!("../fixtures/seeds/000_e160c3318e904e56.txt"),
    ),
    (
        "002",
        include_str!("../fixtures/seeds/002_ad30357bf8158d07.txt"),
    ),
    (
        "004",
        include_str!("../fixtures/seeds/004_aab6597beca0ec2e.txt"),
    ),
];

const CORPUS_ARTICLES: usize = 4_000;

fn main() {
    divan::main();
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::builtin(&[]).expect("the built-in rules load"))
}

/// Articles made from the seeds: each a different rotation of a seed's
/// paragraphs, with a numbered line so no two are equal.
fn corpus() -> &'static [String] {
    static CORPUS: OnceLock<Vec<String>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        (0..CORPUS_ARTICLES)
            .map(|i| {
                let seed = SEEDS[i % SEEDS.len()].1;
                let paragraphs: Vec<&str> = seed.split("\n\n").collect();
                let turn = i % paragraphs.len();
                let mut article = format!("Article {i}: a generated copy for the benchmark.\n\n");
                for p in paragraphs[turn..].iter().chain(&paragraphs[..turn]) {
                    article.push_str(p);
                    article.push_str("\n\n");
                }
                // Repeat to about 8 KB, the size of a long news article.
                while article.len() < 8_000 {
                    article.push_str(paragraphs[i % paragraphs.len()]);
                    article.push_str("\n\n");
                }
                article
            })
            .collect()
    })
}

#[divan::bench(args = ["000", "002", "004"])]
fn seed(bencher: Bencher, name: &str) {
    let text = SEEDS.iter().find(|(n, _)| *n == name).expect("a seed").1;
    let linter = linter();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| linter.lint(black_box(text)));
}

#[divan::bench]
fn document(bencher: Bencher) {
    let text = SEEDS
        .iter()
        .map(|(_, t)| *t)
        .max_by_key(|t| t.len())
        .expect("seeds");
    bencher.counter(BytesCount::of_str(text)).bench(|| {
        Document::new(black_box(text), mtlint::lexicon::builtin())
            .tokens
            .len()
    });
}

#[divan::bench(args = ["utf-8", "windows-1251"])]
fn decode(bencher: Bencher, kind: &str) {
    let text = SEEDS[2].1;
    let bytes: Vec<u8> = match kind {
        "utf-8" => text.as_bytes().to_vec(),
        _ => encoding_rs::WINDOWS_1251.encode(text).0.into_owned(),
    };
    bencher.counter(BytesCount::new(bytes.len())).bench(|| {
        match mtlint::source::SourceFile::from_bytes("seed.txt".into(), black_box(&bytes)) {
            Ok(mtlint::source::Loaded::Text(file)) => file.text.len(),
            _ => 0,
        }
    });
}

#[divan::bench]
fn output(bencher: Bencher) {
    let text = SEEDS[2].1;
    let diagnostics = linter().lint(text);
    let report =
        mtlint::output::FileReport::new("seed.txt".to_owned(), text.to_owned(), 0, diagnostics, 0);
    let mut out = Vec::new();
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        out.clear();
        mtlint::output::json::write_jsonl_file(&mut out, black_box(&report))
            .expect("writing to memory");
        out.len()
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn corpus_parallel(bencher: Bencher) {
    let corpus = corpus();
    let linter = linter();
    let bytes: usize = corpus.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        corpus
            .par_iter()
            .map(|article| linter.lint(article).len())
            .sum::<usize>()
    });
}

/// Text for the mojibake benchmarks, about 64 KB each.
fn mojibake_input(kind: &str) -> &'static str {
    static INPUTS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let inputs = INPUTS.get_or_init(|| {
        let clean = include_str!("../fixtures/encoding/eval/clean.txt");
        let cyrillic: Vec<&str> = clean
            .lines()
            .filter(|l| l.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)))
            .collect();
        let damaged: Vec<String> = cyrillic
            .iter()
            .map(|l| {
                l.bytes()
                    .map(|b| mtlint::mojibake::CodePage::Windows1251.decode_byte(b))
                    .collect()
            })
            .collect();
        let fill = |parts: &[&str]| {
            let mut text = String::new();
            while text.len() < 64_000 {
                for p in parts {
                    text.push_str(p);
                    text.push('\n');
                }
            }
            text
        };
        let ascii: Vec<&str> = SEEDS
            .iter()
            .flat_map(|(_, t)| t.lines())
            .filter(|l| l.is_ascii())
            .collect();
        let typographic: Vec<&str> = SEEDS.iter().flat_map(|(_, t)| t.lines()).collect();
        let damaged: Vec<&str> = damaged.iter().map(String::as_str).collect();
        vec![
            ("ascii", fill(&ascii)),
            ("typographic", fill(&typographic)),
            ("cyrillic", fill(&cyrillic)),
            ("mojibake", fill(&damaged)),
        ]
    });
    &inputs
        .iter()
        .find(|(k, _)| *k == kind)
        .expect("a known input")
        .1
}

/// `encoding.mojibake` alone: English without (ascii) and with
/// (typographic) curly quotes and dashes, real Cyrillic, and Cyrillic that
/// is all mojibake. The pre-filter makes the first nearly free.
#[divan::bench(args = ["ascii", "typographic", "cyrillic", "mojibake"])]
fn mojibake_find(bencher: Bencher, kind: &str) {
    let text = mojibake_input(kind);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| mtlint::mojibake::find(black_box(text)).len());
}

/// Loading and compiling the knowledge base (people, offices, places, the
/// wrong-form automaton): paid once per process.
#[divan::bench(sample_count = 20)]
fn kb_load() -> usize {
    let files = mtlint::embedded::KB_IMAGE;
    mtlint::kb::Kb::load_image(black_box(files))
        .expect("the knowledge base loads")
        .people
        .len()
}

/// One rule at a time on the longest seed: where the time goes.
#[divan::bench(args = [
    "encoding.mojibake", "name.misspelling", "name.near-miss", "name.inconsistent",
    "name.digit-placeholder", "title.wrong-office", "title.misspelled-office",
    "typography.missing-space", "typography.doubled-word",
    "typography.space-before-punctuation", "junk.scraper-line", "junk.mt-disclaimer",
    "translation.stray-capital", "translation.untranslated", "translation.scrambled-date",
    "title.inconsistent",
])]
fn rule(bencher: Bencher, id: &str) {
    let linter = Linter::builtin(&[id.to_owned()]).expect("a known rule");
    let text = SEEDS[2].1;
    linter.lint(text);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| linter.lint(black_box(text)).len());
}
