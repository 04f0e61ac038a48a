//! Applying fixes to a text, as a compiler applies suggestions: edits in
//! order, a fix that overlaps one already taken is skipped (its diagnostic
//! stays), and nothing outside the edits changes.

use crate::diagnostic::Fix;
use crate::text::TextRange;

/// Applies the fixes that do not overlap each other, in order of position.
/// Returns the new text and how many fixes were applied.
pub fn apply_fixes(text: &str, fixes: &[&Fix]) -> (String, usize) {
    let mut ordered: Vec<&Fix> = fixes
        .iter()
        .copied()
        .filter(|f| !f.edits.is_empty())
        .collect();
    ordered.sort_by_key(|f| f.span().map(|s| (s.start(), s.end())));
    let mut taken: Vec<TextRange> = Vec::new();
    let mut edits = Vec::new();
    let mut applied = 0;
    for fix in ordered {
        let valid = fix.edits.iter().all(|e| {
            e.range.end().to_usize() <= text.len()
                && text.is_char_boundary(e.range.start().to_usize())
                && text.is_char_boundary(e.range.end().to_usize())
        });
        let clashes = fix.edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| t.overlaps(e.range) || (t.is_empty() && *t == e.range))
        });
        if !valid || clashes {
            continue;
        }
        // An identical fix reported twice (two rules, one remedy) counts once.
        taken.extend(fix.edits.iter().map(|e| e.range));
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
    fn ignores_edits_that_are_not_on_char_boundaries() {
        let text = "Київ";
        let (out, n) = apply_fixes(text, &[&fix(1, 2, "x")]);
        assert_eq!((out.as_str(), n), ("Київ", 0));
    }
}
