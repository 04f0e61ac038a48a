//! `name.house-spelling`: another accepted spelling of a name that the
//! house spells its own way, set in `mtlint.toml`:
//!
//! ```toml
//! spellings = ["Sergei Lavrov", "Kiev"]
//! ```
//!
//! A house spelling overrides the knowledge base for its person or place:
//! the knowledge base's own spelling and its other accepted variants are
//! flagged here with a safe fix to the house form ("Sergey Lavrov" →
//! "Sergei Lavrov"); the other name rules never flag the house form itself
//! (a house that writes "Kiev" gets no `name.deprecated-spelling`), and
//! their fixes write the house form where they would have written the
//! knowledge base's. Without `spellings` the rule finds nothing. Each
//! spelling must name a person or place the knowledge base knows; for
//! other names, `allow` is the setting.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::analysis::names::inside_longer_name;
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity};
use crate::document::Document;
use crate::kb::{fold, Kb};
use crate::rule::{Check, Context, RuleMeta};
use crate::suppress::AllowList;
use crate::text::{is_whole_word, TextRange};

pub struct HouseSpelling;

static META: RuleMeta = RuleMeta::builtin(
    "name.house-spelling",
    Category::Name,
    Severity::Warning,
    "A name spelled otherwise than the house spelling set in mtlint.toml.",
    true,
);

/// One house spelling and the forms it replaces.
#[derive(Debug)]
struct Entry {
    house: String,
    /// The knowledge base's spelling, which other rules' fixes write.
    canonical: String,
    /// A place, whose name inside a longer name ("Kyiv Post", "Dynamo
    /// Kyiv") belongs to that name and is left alone.
    place: bool,
}

/// The house spellings of a config, compiled once.
#[derive(Debug)]
pub struct HouseSpellings {
    entries: Vec<Entry>,
    /// The house forms themselves, which no name rule may flag.
    house_forms: AllowList,
    /// (form, entry) for every accepted form that is not the house form.
    others: Vec<(String, usize)>,
    automaton: Option<AhoCorasick>,
}

impl HouseSpellings {
    /// Looks each spelling up in the knowledge base. An unknown name is an
    /// error, so a typo in the config does not pass silently.
    pub fn new(spellings: &[String]) -> Result<Option<Arc<Self>>, String> {
        if spellings.is_empty() {
            return Ok(None);
        }
        let kb = Kb::builtin();
        let mut entries = Vec::new();
        let mut others = Vec::new();
        for house in spellings {
            let key = fold(house);
            let matches = |form: &String| fold(form) == key;
            // Through a known wrong form, to the form it corrects.
            let right = kb
                .wrong_forms
                .iter()
                .find(|w| matches(&w.wrong))
                .map(|w| fold(&w.right));
            let found = |form: &String| matches(form) || right.as_deref() == Some(&fold(form));
            let (canonical, accepted, place) = if let Some(person) = kb.people.iter().find(|p| {
                found(&p.name) || p.variants.iter().any(found) || p.misspellings.iter().any(matches)
            }) {
                let mut accepted = vec![person.name.clone()];
                accepted.extend(person.variants.iter().cloned());
                (person.name.clone(), accepted, false)
            } else if let Some(place) = kb.places.iter().find(|p| {
                found(&p.name)
                    || p.deprecated.iter().any(found)
                    || p.misspellings.iter().any(matches)
            }) {
                let mut accepted = vec![place.name.clone()];
                accepted.extend(place.deprecated.iter().cloned());
                (place.name.clone(), accepted, true)
            } else {
                return Err(format!(
                    "spellings: the knowledge base knows no person or place `{house}` (for other names, use `allow`)"
                ));
            };
            let index = entries.len();
            // Only a form of as many words: "Sergey Viktorovich Lavrov" is a
            // fuller name, not another spelling of "Sergei Lavrov".
            let words = house.split_whitespace().count();
            for form in accepted {
                if form != *house
                    && form.split_whitespace().count() == words
                    && !others.iter().any(|(f, _)| *f == form)
                {
                    others.push((form, index));
                }
            }
            entries.push(Entry {
                house: house.clone(),
                canonical,
                place,
            });
        }
        let automaton = (!others.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(others.iter().map(|(f, _)| f))
                .expect("literal names always compile")
        });
        Ok(Some(Arc::new(Self {
            house_forms: AllowList::new(spellings),
            entries,
            others,
            automaton,
        })))
    }

    /// The whole-word occurrences of non-house forms: (range, entry).
    fn occurrences<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (TextRange, &'t Entry)> + 't {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_iter(text))
            .filter(move |m| is_whole_word(text, m.start(), m.end()))
            .map(|m| {
                let entry = &self.entries[self.others[m.pattern().as_usize()].1];
                (TextRange::from_usize(m.start(), m.end()), entry)
            })
            .filter(move |(range, entry)| {
                !(entry.place
                    && inside_longer_name(
                        crate::lexicon::builtin(),
                        text,
                        range.start().to_usize(),
                        range.end().to_usize(),
                    ))
            })
    }

    /// Makes the other name rules' findings agree with the house: drops
    /// those on a house form and those this rule reports instead, and
    /// turns fixes that write the knowledge base's form into the house's.
    pub fn apply(&self, text: &str, diagnostics: &mut Vec<Diagnostic>) {
        let house_ranges = self.house_forms.occurrences(text);
        let reported: Vec<TextRange> = self.occurrences(text).map(|(r, _)| r).collect();
        diagnostics.retain(|d| {
            d.category != Category::Name
                || d.rule == META.id
                || !(house_ranges.iter().any(|h| h.contains_range(d.range))
                    || (d.rule == "name.inconsistent" && reported.contains(&d.range)))
        });
        for d in diagnostics
            .iter_mut()
            .filter(|d| d.category == Category::Name)
        {
            let Some(fix) = &mut d.fix else { continue };
            for edit in &mut fix.edits {
                if let Some(entry) = self
                    .entries
                    .iter()
                    .find(|e| e.canonical == edit.replacement)
                {
                    edit.replacement = entry.house.clone();
                    fix.description = format!("Write `{}` (the house spelling)", entry.house);
                }
            }
        }
    }
}

impl Check for HouseSpelling {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let Some(house) = cx.settings.house.clone() else {
            return;
        };
        for (range, entry) in house.occurrences(doc.text) {
            let diagnostic = META
                .diagnostic(
                    range,
                    format!(
                        "The house spells `{}` as `{}` (`spellings` in mtlint.toml)",
                        doc.slice(range),
                        entry.house
                    ),
                )
                .with_fix(Fix::safe(
                    format!("Write `{}`", entry.house),
                    vec![Edit::replace(range, entry.house.clone())],
                ));
            cx.report(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Linter;
    use crate::rule::Settings;
    use crate::rules::Registry;

    fn linter(spellings: &[&str]) -> Linter {
        let spellings: Vec<String> = spellings.iter().map(|s| s.to_string()).collect();
        let registry = Registry::builtin().unwrap();
        let enabled = registry.select(&["name".to_owned()], &[]).unwrap();
        let settings = Settings {
            house: HouseSpellings::new(&spellings).unwrap(),
            ..Default::default()
        };
        Linter::new(registry, enabled, settings)
    }

    fn found(linter: &Linter, text: &str) -> Vec<String> {
        linter
            .lint(text)
            .iter()
            .map(|d| format!("{} {}", d.rule, &text[d.range.to_std()]))
            .collect()
    }

    #[test]
    fn flags_the_other_spellings_and_never_the_house_form() {
        let house = linter(&["Sergei Lavrov", "Kiev"]);
        let text =
            "Sergey Lavrov flew to Kyiv. Sergei Lavrov spoke in Kiev. Sergey Viktorovich Lavrov.\n";
        assert_eq!(
            found(&house, text),
            [
                "name.house-spelling Sergey Lavrov",
                "name.house-spelling Kyiv"
            ]
        );
        let fixed = house.fix(text, false).text;
        assert_eq!(
            fixed,
            "Sergei Lavrov flew to Kiev. Sergei Lavrov spoke in Kiev. Sergey Viktorovich Lavrov.\n",
            "a fuller name is no other spelling"
        );
        // Without house spellings the knowledge base decides.
        let plain = linter(&[]);
        assert_eq!(found(&plain, text), ["name.deprecated-spelling Kiev"]);
    }

    #[test]
    fn other_rules_fix_to_the_house_form() {
        // A house that kept "Izyum": the misspelling "Izum" is fixed to it,
        // and the knowledge base's "Izium" is the house-spelling finding.
        let house = linter(&["Izyum"]);
        let text = "Shelling in Izum. Izium and Izyum are one town.\n";
        assert_eq!(
            found(&house, text),
            ["name.misspelling Izum", "name.house-spelling Izium"]
        );
        assert_eq!(
            house.fix(text, false).text,
            "Shelling in Izyum. Izyum and Izyum are one town.\n"
        );
        // Found through a known wrong form: a house that drops diacritics.
        let house = linter(&["Antonio Guterres"]);
        let text = "Antonio Guterres met António Guterres.\n";
        assert_eq!(
            found(&house, text),
            ["name.house-spelling António Guterres"]
        );
    }

    #[test]
    fn unknown_names_are_errors() {
        let error = HouseSpellings::new(&["Jon Doe".to_owned()]).unwrap_err();
        assert!(error.contains("`Jon Doe`"), "{error}");
        assert!(HouseSpellings::new(&[]).unwrap().is_none());
    }
}
