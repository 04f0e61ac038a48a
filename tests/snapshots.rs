//! Whole-report snapshots of the seed articles: every diagnostic the
//! built-in rules give on three real scraped, machine-translated articles.

use crate::{code, mtlint, stderr, stdout};

fn seed_report(name: &str) -> String {
    let path = format!("fixtures/seeds/{name}.txt");
    let out = mtlint(&["check", &path]);
    assert!(code(&out) < 2, "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn seed_000() {
    insta::assert_snapshot!(seed_report("000_e160c3318e904e56"));
}

#[test]
fn seed_002() {
    insta::assert_snapshot!(seed_report("002_ad30357bf8158d07"));
}

#[test]
fn seed_004() {
    insta::assert_snapshot!(seed_report("004_aab6597beca0ec2e"));
}
