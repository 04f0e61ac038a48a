//! `title.inconsistent`: one person given two different offices in one
//! article ("Russian President Lavrov" in the headline, "Russian Foreign
//! Minister Sergey Lavrov" in the body). Works without the knowledge base;
//! where the base knows the person, title.wrong-office says which title is
//! wrong, so this rule stays quiet about them.

use std::collections::BTreeMap;

use crate::analysis::offices::resolve;
use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::kb::fold;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct Inconsistent;

/// One mention: office id, office range, office as written, folded given
/// name if there was one.
struct Use<'t> {
    office: String,
    range: TextRange,
    written: &'t str,
    given: Option<String>,
}

static META: RuleMeta = RuleMeta::builtin(
    "title.inconsistent",
    Category::Title,
    Severity::Warning,
    "One person given two different offices in the same article.",
    true,
);

impl Check for Inconsistent {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, _doc: &Document, cx: &mut Context) {
        let kb = cx.kb();
        let mut by_person: BTreeMap<String, Vec<Use<'_>>> = BTreeMap::new();
        for m in cx.analysis().title_mentions() {
            let words: Vec<&str> = m.name.split_whitespace().collect();
            // The base decides for people it knows completely.
            if resolve(kb, &words)
                .iter()
                .any(|p| p.complete || p.source.is_some())
            {
                continue;
            }
            let Some(office) = kb
                .offices_named(m.office.as_str())
                .first()
                .map(|o| o.0.to_owned())
            else {
                continue;
            };
            let Some(surname) = words.last() else {
                continue;
            };
            // "President Kim" and "Prime Minister Kim" may be two Kims.
            if words.len() == 1 && kb.is_common_surname(surname) {
                continue;
            }
            let given = (words.len() > 1).then(|| fold(words[0]));
            let range = TextRange::from_usize(m.office.start(), m.office.end());
            by_person.entry(fold(surname)).or_default().push(Use {
                office,
                range,
                written: m.office.as_str(),
                given,
            });
        }
        for uses in by_person.values() {
            // Two people with one surname (different first names) are not
            // one person with two titles.
            let givens: Vec<&String> = uses.iter().filter_map(|u| u.given.as_ref()).collect();
            if givens.windows(2).any(|w| w[0] != w[1]) {
                continue;
            }
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for u in uses {
                *counts.entry(u.office.as_str()).or_default() += 1;
            }
            if counts.len() < 2 {
                continue;
            }
            let max = counts.values().copied().max().unwrap_or(0);
            let leaders: Vec<&str> = counts
                .iter()
                .filter(|(_, &n)| n == max)
                .map(|(o, _)| *o)
                .collect();
            let majority = (leaders.len() == 1).then(|| leaders[0]);
            let first = &uses[0];
            for u in uses {
                let keep = majority.map_or(u.office == first.office, |m| u.office == m);
                if keep {
                    continue;
                }
                let other = uses
                    .iter()
                    .find(|x| x.office != u.office)
                    .map_or("", |x| x.written);
                let message = format!(
                    "The same person is called `{}` here and `{other}` elsewhere in this article",
                    u.written
                );
                let mut diagnostic = META.diagnostic(u.range, message);
                if let Some(m) = majority {
                    let phrase = uses
                        .iter()
                        .find(|x| x.office == m)
                        .map_or("", |x| x.written);
                    diagnostic = diagnostic.with_fix(Fix::unsafe_(
                        format!("Write `{phrase}`, as most of the article does"),
                        vec![Edit::replace(u.range, phrase)],
                    ));
                }
                cx.report(diagnostic);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    #[test]
    fn flags_two_offices_for_one_person() {
        assert_fixes(
            &Inconsistent,
            "Defence Minister Ivan Petrenko spoke. Later Defence Minister Petrenko left. President Petrenko waved.",
            "Defence Minister Ivan Petrenko spoke. Later Defence Minister Petrenko left. Defence Minister Petrenko waved.",
        );
        assert_flags(
            &Inconsistent,
            "Prime Minister Ivan Petrenko spoke. Later Defence Minister Petrenko left.",
            &["Defence Minister"],
        );
    }

    #[test]
    fn allows_one_title_two_people_and_known_people() {
        for text in [
            "Defence Minister Ivan Petrenko spoke. Later Defence Minister Petrenko left.",
            "President Ivan Petrenko and Prime Minister Olha Petrenko met.",
            "Russian President Lavrov; Russian Foreign Minister Sergey Lavrov.",
            "former President Petrenko and Prime Minister Petrenko.",
        ] {
            assert_clean(&Inconsistent, text);
        }
    }
}
