//! Fixing converges: for every fixture, applying all fixes (safe and unsafe)
//! reaches a fixed point, and fixing the result again changes nothing.

use std::fs;

use mtlint::lint::Linter;
use mtlint::rule::Settings;
use mtlint::rules::Registry;
use mtlint::source::{Loaded, SourceFile};

use crate::root;

#[test]
fn fixing_every_fixture_twice_changes_nothing_the_second_time() {
    let registry = Registry::builtin().unwrap();
    let enabled = registry.select(&[], &[]).unwrap();
    let linter = Linter::new(registry, enabled, Settings::default());
    let mut files = 0;
    for entry in walk(&root().join("fixtures")) {
        let Loaded::Text(source) = SourceFile::read(&entry).unwrap() else {
            continue;
        };
        files += 1;
        let once = linter.fix(&source.text, true);
        assert!(
            once.converged,
            "{}: the fixes did not converge",
            entry.display()
        );
        let twice = linter.fix(&once.text, true);
        assert_eq!(
            twice.fixed,
            0,
            "{}: a second --fix changed it",
            entry.display()
        );
        assert_eq!(twice.text, once.text);
    }
    assert!(files >= 3);
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}
