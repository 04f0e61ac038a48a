//! Applying fixes to a text, as a compiler applies suggestions: edits in
//! order, a fix that overlaps one already taken is skipped (its diagnostic
//! stays), and nothing outside the edits changes.

use std::collections::BTreeSet;

use crate::diagnostic::Fix;
use crate::text::{TextRange, TextSize};

/// Applies the fixes that do not overlap each other, in order of position.
/// Returns the new text and how many fixes were applied. The time is
/// n log n in the number of fixes: a text with a million of them is fixed
/// in one go.
pub fn apply_fixes(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut ordered: Vec<&Fix> = fixes
        .iter()
        .copied()
        .filter(|f| !f.edits.is_empty())
        .collect();
    ordered.sort_by_key(|f| f.span().map(|s| (s.start(), s.end())));
    let mut taken = Taken::default();
    let mut edits = Vec::new();
    let mut applied = 0;
    for fix in ordered {
        let valid = fix.edits.iter().all(|e| {
            e.range.end().to_usize() <= text.len()
                && text.is_char_boundary(e.range.start().to_usize())
                && text.is_char_boundary(e.range.end().to_usize())
        });
        let clashes = fix.edits.iter().any(|e| taken.clashes(e.range));
        if !valid || clashes {
            continue;
        }
        // An identical fix reported twice (two rules, one remedy) counts once.
        for edit in &fix.edits {
            taken.0.insert((edit.range.start(), edit.range.end()));
        }
        edits.extend(fix.edits.iter());
        applied += 1;
    }
    edits.sort_by_key(|e| (e.range.start(), e.range.end()));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.range.start().to_usize()]);
        out.push_str(&edit.replacement);
        at = edit.range.end().to_usize();
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// The ranges of the edits taken so far, by start. They never overlap one
/// another, so their ends are in order too, and a new range can clash only
/// with the last one that starts before it or with those that start
/// within it.
#[derive(Default)]
struct Taken(BTreeSet<(TextSize, TextSize)>);

impl Taken {
    fn clashes(&self, range: TextRange) -> bool {
        let hits = |&(start, end): &(TextSize, TextSize)| {
            let taken = TextRange::new(start, end);
            taken.overlaps(range) || (taken.is_empty() && taken == range)
        };
        let (start, end) = (range.start(), range.end());
        let before = self.0.range(..(start, start)).next_back();
        before.is_some_and(hits) || self.0.range((start, start)..=(end, end)).any(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Edit;

    fn fix(start: usize, end: usize, with: &str) -> Fix {
        Fix::safe(
            "t",
            vec![Edit::replace(TextRange::from_usize(start, end), with)],
        )
    }

    #[test]
    fn applies_edits_and_keeps_everything_else() {
        let text = "the the cat.A dog";
        let (out, n) = apply_fixes(text, &[&fix(12, 12, " "), &fix(3, 7, "")]);
        assert_eq!((out.as_str(), n), ("the cat. A dog", 2));
    }

    #[test]
    fn skips_a_fix_that_overlaps_one_already_taken() {
        let text = "abcdef";
        let (out, n) = apply_fixes(text, &[&fix(1, 4, "X"), &fix(2, 5, "Y")]);
        assert_eq!((out.as_str(), n), ("aXef", 1));
    }

    #[test]
    fn an_insertion_clashes_only_inside_a_replaced_range() {
        let text = "abcdef";
        // At the start or the end of a replaced range: both apply.
        let (out, n) = apply_fixes(text, &[&fix(1, 3, "X"), &fix(1, 1, "<"), &fix(3, 3, ">")]);
        assert_eq!((out.as_str(), n), ("a<X>def", 3));
        // Inside it, or twice at one place: skipped.
        let (out, n) = apply_fixes(text, &[&fix(1, 4, "X"), &fix(2, 2, "<"), &fix(5, 5, "!")]);
        assert_eq!((out.as_str(), n), ("aXe!f", 2));
        let (out, n) = apply_fixes(text, &[&fix(2, 2, "<"), &fix(2, 2, "[")]);
        assert_eq!(n, 1, "{out}");
    }

    #[test]
    fn many_fixes_apply_in_one_go() {
        let text = "a ".repeat(200_000);
        let fixes: Vec<Fix> = (0..200_000).map(|i| fix(2 * i, 2 * i + 1, "b")).collect();
        let fixes: Vec<&Fix> = fixes.iter().collect();
        let (out, n) = apply_fixes(&text, &fixes);
        assert_eq!((out, n), ("b ".repeat(200_000), 200_000));
    }

    #[test]
    fn ignores_edits_that_are_not_on_char_boundaries() {
        let text = "Київ";
        let (out, n) = apply_fixes(text, &[&fix(1, 2, "x")]);
        assert_eq!((out.as_str(), n), ("Київ", 0));
    }
}
