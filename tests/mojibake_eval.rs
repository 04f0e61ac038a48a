//! The mojibake evaluation set (see `mtlint::mojibake::eval`) held to a
//! floor: no clean line flagged, and detection and exact repair at least
//! as good as when the floor was set. `cargo run --release --example
//! mojibake_eval` prints the figures.

use mtlint::mojibake::eval;

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
