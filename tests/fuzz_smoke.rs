//! A short run of the fuzz targets' invariants on every `cargo test`: the
//! seed corpus, then a few hundred inputs mutated from it by a fixed
//! pseudo-random sequence (so a failure reproduces). The long runs are
//! `scripts/fuzz.sh <target>` under libFuzzer; what they find is added to
//! `fuzz/corpus/` and so is checked here from then on.

use std::path::{Path, PathBuf};

#[path = "../fuzz/src/lib.rs"]
mod checks;

use crate::root;

fn files(dir: &Path, ext: Option<&str>, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, ext, out);
        } else if ext.is_none_or(|ext| path.extension().is_some_and(|e| e == ext))
            && std::fs::metadata(&path).unwrap().len() < 64 * 1024
        {
            out.push(path);
        }
    }
}

/// xorshift64*: enough to mutate bytes reproducibly without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes that break text in interesting ways: line endings, a BOM, NUL,
/// a lone UTF-8 lead byte, a surrogate's bytes, mojibake, a placeholder.
const PIECES: &[&[u8]] = &[
    b"\r\n",
    b"\r",
    b"\n\n",
    b"\xEF\xBB\xBF",
    b"\x00",
    b"\xD0",
    b"\xED\xA0\x80",
    "Р ° Р".as_bytes(),
    "â€™".as_bytes(),
    b"XNUMX",
    b"<!-- mtlint-disable-next-line -->",
    "\u{201C}".as_bytes(),
    b" ",
    b".",
];

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 => bytes.truncate(at),
            1 => {
                let piece = PIECES[rng.below(PIECES.len())];
                bytes.splice(at..at, piece.iter().copied());
            }
            2 if at < bytes.len() => bytes[at] ^= 1 << rng.below(8),
            _ => {
                let end = (at + rng.below(16)).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

fn run(target: fn(&[u8]), seeds: &[PathBuf], mutations: usize, seed: u64) {
    let inputs: Vec<Vec<u8>> = seeds.iter().map(|p| std::fs::read(p).unwrap()).collect();
    for (path, input) in seeds.iter().zip(&inputs) {
        let result = std::panic::catch_unwind(|| target(input));
        assert!(
            result.is_ok(),
            "the seed {} broke an invariant",
            path.display()
        );
    }
    let mut rng = Rng(seed);
    for i in 0..mutations {
        let pick = rng.below(inputs.len());
        let input = mutate(&mut rng, &inputs[pick]);
        let result = std::panic::catch_unwind(|| target(&input));
        assert!(
            result.is_ok(),
            "mutation {i} broke an invariant; the input was {:?}",
            String::from_utf8_lossy(&input)
        );
    }
}

fn text_seeds() -> Vec<PathBuf> {
    let mut seeds = Vec::new();
    files(&root().join("fuzz/corpus/text"), None, &mut seeds);
    files(&root().join("fixtures"), Some("txt"), &mut seeds);
    seeds
}

#[test]
fn lint_invariants_hold_on_the_seeds_and_their_mutations() {
    run(checks::lint, &text_seeds(), 150, 0x6d74_6c69_6e74);
}

#[test]
fn fix_invariants_hold_on_the_seeds_and_their_mutations() {
    run(checks::fix, &text_seeds(), 60, 0x0066_6978);
}

#[test]
fn rule_file_invariants_hold_on_the_seeds_and_their_mutations() {
    let mut seeds = Vec::new();
    files(&root().join("fuzz/corpus/rule_file"), None, &mut seeds);
    files(&root().join("rules"), Some("toml"), &mut seeds);
    run(checks::rule_file, &seeds, 150, 0x7275_6c65);
}
