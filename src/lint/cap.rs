//! What one rule may report on one text: the first [`MAX_PER_RULE`]
//! findings, then one that says how many more there are, as compilers stop
//! repeating an error. A damaged dump (a scraper's table of one cell
//! repeated, a whole file of mojibake) would otherwise bury the report in
//! millions of findings. Fixing is not capped: `--fix` applies every fix.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;

/// The findings of one rule reported on one text (an article, or a window
/// of a file read by windows).
pub const MAX_PER_RULE: usize = 1000;

/// Keeps the first [`MAX_PER_RULE`] findings of each rule in `diagnostics`
/// (in order of position) and adds, for a rule that had more, one finding
/// without a fix at the first one left out, which counts them.
pub(super) fn cap_per_rule(diagnostics: &mut Vec<Diagnostic>) {
    if diagnostics.len() <= MAX_PER_RULE {
        return;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut first_left_out: Vec<Diagnostic> = Vec::new();
    diagnostics.retain(|d| {
        let count = seen.entry(d.rule.clone()).or_default();
        *count += 1;
        if *count == MAX_PER_RULE + 1 {
            first_left_out.push(d.clone());
        }
        *count <= MAX_PER_RULE
    });
    if first_left_out.is_empty() {
        return;
    }
    for mut summary in first_left_out {
        let more = seen[&summary.rule] - MAX_PER_RULE;
        summary.message = format!(
            "{more} more `{}` findings after this point are not reported: \
             mtlint reports the first {MAX_PER_RULE} of a rule in one text",
            summary.rule
        );
        summary.fix = None;
        diagnostics.push(summary);
    }
    diagnostics.sort_by(|a, b| {
        (a.range.start(), a.range.end(), &a.rule).cmp(&(b.range.start(), b.range.end(), &b.rule))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Edit, Fix, Severity};
    use crate::text::TextRange;

    fn finding(rule: &str, at: usize) -> Diagnostic {
        let range = TextRange::from_usize(at, at + 1);
        Diagnostic {
            rule: rule.to_owned(),
            category: Category::Typography,
            severity: Severity::Warning,
            message: "m".to_owned(),
            range,
            fix: Some(Fix::safe("f", vec![Edit::delete(range)])),
        }
    }

    #[test]
    fn a_rule_past_the_cap_ends_with_one_summary() {
        let mut found: Vec<Diagnostic> = (0..2500).map(|i| finding("a.b", i * 2)).collect();
        found.push(finding("c.d", 7));
        found.sort_by_key(|d| d.range.start());
        cap_per_rule(&mut found);
        let of = |rule: &str| found.iter().filter(|d| d.rule == rule).count();
        assert_eq!((of("a.b"), of("c.d")), (MAX_PER_RULE + 1, 1));
        let summary = found.iter().find(|d| d.fix.is_none()).unwrap();
        assert_eq!(summary.range, TextRange::from_usize(2000, 2001));
        assert!(
            summary.message.starts_with("1500 more `a.b` findings"),
            "{}",
            summary.message
        );
        assert!(found
            .windows(2)
            .all(|w| w[0].range.start() <= w[1].range.start()));
    }

    #[test]
    fn up_to_the_cap_nothing_changes() {
        let mut found: Vec<Diagnostic> = (0..MAX_PER_RULE).map(|i| finding("a.b", i)).collect();
        found.extend((0..MAX_PER_RULE).map(|i| finding("c.d", i)));
        let before = found.clone();
        cap_per_rule(&mut found);
        assert_eq!(found, before);
    }
}
