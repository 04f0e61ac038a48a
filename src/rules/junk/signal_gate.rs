//! The literals a line signal's matches start with. Computed at build time
//! (`build.rs` includes this file) for the built-in signals, because
//! parsing the case-insensitive Unicode patterns took a one-article run
//! about 4 ms; the tests compute them again and compare.

use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::Look;

/// The literals every match of an anchored pattern starts with, folded to
/// ASCII lower case and without those another one begins; `None` when
/// there is no such short list (a pattern that starts with a class such as
/// `\p{Lu}` or `\d`, or that is not anchored at the start of the line).
pub fn gate(pattern: &str) -> Option<Vec<Vec<u8>>> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    if !hir.properties().look_set_prefix().contains(Look::Start) {
        return None;
    }
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let mut literals: Vec<Vec<u8>> = seq
        .literals()?
        .iter()
        .map(|l| l.as_bytes().to_ascii_lowercase())
        .collect();
    if literals.is_empty() || literals.iter().any(Vec::is_empty) {
        return None;
    }
    // Shortest first: a literal that another starts with adds nothing.
    literals.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for literal in literals {
        if !kept.iter().any(|k| literal.starts_with(k)) {
            kept.push(literal);
        }
    }
    Some(kept)
}
