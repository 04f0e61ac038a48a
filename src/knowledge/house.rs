//! House spellings (`spellings` in `mtlint.toml`): an overlay on the
//! knowledge base, as typos layers a user's words over its dictionary.
//!
//! ```toml
//! spellings = ["Sergei Lavrov", "Kiev"]
//! ```
//!
//! A house spelling overrides the knowledge base for its person or place.
//! The name rules ask the overlay, through their `Knowledge` and the
//! article's `Analysis`: no name rule flags the house form itself (a house
//! that writes "Kiev" gets no `name.deprecated-spelling`), a fix that
//! would write the knowledge base's spelling writes the house's
//! ([`crate::knowledge::Knowledge::name_fix`]), and `name.house-spelling`
//! flags the knowledge base's spelling and its other accepted variants.
//! Each spelling must name a person or place the knowledge base knows; for
//! other names, `allow` is the setting.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::allow::AllowList;
use crate::kb::{fold, Kb};
use crate::text::{is_whole_word, TextRange};

/// A form the house does not write, found in a text.
#[derive(Clone, Copy, Debug)]
pub struct Occurrence<'t> {
    pub range: TextRange,
    /// The house's form of the name.
    pub house: &'t str,
    /// A place, whose name inside a longer name ("Kyiv Post", "Dynamo
    /// Kyiv") belongs to that name.
    pub place: bool,
}

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
    pub fn new(kb: &Kb, spellings: &[String]) -> Result<Option<Arc<Self>>, String> {
        if spellings.is_empty() {
            return Ok(None);
        }
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

    /// The whole-word occurrences of the forms the house does not write.
    pub fn occurrences<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Occurrence<'t>> + 't {
        self.automaton
            .iter()
            .flat_map(move |a| a.find_iter(text))
            .filter(move |m| is_whole_word(text, m.start(), m.end()))
            .map(|m| {
                let entry = &self.entries[self.others[m.pattern().as_usize()].1];
                Occurrence {
                    range: TextRange::from_usize(m.start(), m.end()),
                    house: &entry.house,
                    place: entry.place,
                }
            })
    }

    /// The ranges of the house's own forms in `text`, which no name rule
    /// flags.
    pub fn house_form_ranges(&self, text: &str) -> Vec<TextRange> {
        self.house_forms.occurrences(text)
    }

    /// The house's spelling of a name the knowledge base spells `spelling`,
    /// if the house overrides it.
    pub fn house_form_of(&self, spelling: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.canonical == spelling)
            .map(|e| e.house.as_str())
    }
}
