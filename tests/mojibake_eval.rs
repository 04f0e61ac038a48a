//! The mojibake evaluation set (see `support/mojibake_eval.rs`) held to a
//! floor: no clean line flagged, and detection and exact repair at least
//! as good as when the floor was set. `cargo run --release --example
//! mojibake_eval` prints the figures. The finder is also run over random
//! text, which must never break it.

#[path = "support/mojibake_eval.rs"]
mod eval;

use mtlint::mojibake::find;

#[test]
fn mojibake_evaluation_set_meets_its_floor() {
    let source = include_str!("../fixtures/encoding/eval/clean.txt");
    let clean = eval::lines(source);
    assert!(clean.len() >= 90);
    let report = eval::evaluate(&clean);
    assert_eq!(
        report.clean_flagged,
        Vec::<String>::new(),
        "clean lines were flagged"
    );
    let total = report.total();
    assert!(total.cases > 1000, "only {} damaged lines", total.cases);
    assert!(report.recall() >= 0.98, "recall {:.4}", report.recall());
    assert!(report.f1() >= 0.98, "F1 {:.4}", report.f1());
    assert!(
        report.exact_rate() >= 0.92,
        "exact repair {:.4}",
        report.exact_rate()
    );
    // Every chain without a translator's spaces repairs nearly every line.
    for (chain, tally) in &report.by_chain {
        if chain.contains("translator") {
            continue;
        }
        assert!(
            tally.exact * 100 >= tally.cases * 75,
            "{chain}: {} of {} repaired exactly",
            tally.exact,
            tally.cases
        );
    }
}

/// Random text from characters that take part in mojibake: no panic,
/// findings on character boundaries, in order and apart, and repairs
/// that settle.
#[test]
fn random_text_never_breaks_the_finder() {
    let pool: Vec<char> =
        "aZ .,-’“”«»°±©®™€ÃÂâÐÑРСВГДЕЁєЅІіїЄЇЎўĂĹÄÅŚ�\u{81}\u{9d}\u{a0}\nкнаПривет"
            .chars()
            .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let text: String = (0..len)
            .map(|_| pool[(next() % pool.len() as u64) as usize])
            .collect();
        let found = find(&text);
        let mut last_end = 0;
        for f in &found {
            assert!(
                f.start >= last_end && f.start < f.end && f.end <= text.len(),
                "{text:?}"
            );
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            last_end = f.end;
        }
        // Repairing again and again settles within a few rounds.
        let mut current = text.clone();
        let settled = (0..4).any(|_| {
            let next = eval::repair(&current);
            let same = next == current;
            current = next;
            same
        });
        assert!(settled, "{text:?} keeps changing: {current:?}");
    }
}
