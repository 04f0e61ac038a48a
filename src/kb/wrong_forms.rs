//! The wrong forms the knowledge base knows: misspellings and
//! machine-translation forms, deprecated romanisations and names without
//! their diacritics, listed and generated.

use super::model::{KbFile, Person};
use super::{describe, strip_diacritics};
use crate::lexicon::FastSet;

/// What kind of wrong form a known form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrongKind {
    /// A misspelling or a machine-translation form ("Anthony Blinken",
    /// "Dmitry Kuleba", "Butcha").
    Misspelling,
    /// Another romanisation that house styles have dropped ("Kiev").
    Deprecated,
    /// The name without its diacritics ("Antonio Guterres").
    Diacritics,
}

/// A known wrong form and its right form.
#[derive(Clone, Debug)]
pub struct WrongForm {
    pub wrong: String,
    pub right: String,
    pub kind: WrongKind,
    /// What it names, for messages: "the US Secretary of State", "a town in
    /// Ukraine".
    pub what: String,
    /// A place name, which may take a plural `s` ("Bukhas").
    pub place: bool,
    /// When not empty, the form is wrong only in a text that also names
    /// the person in full with one of these: a surname without its
    /// diacritics ("Sanchez") is somebody else's surname too.
    pub context: Vec<String>,
}

pub(super) fn wrong_forms(all: &KbFile) -> Vec<WrongForm> {
    // Every spelling of a Russian name a first-name entry lists: its
    // romanisation group, else the name as written.
    let spellings = |russian: &String| -> Vec<String> {
        all.romanisation
            .iter()
            .find(|r| r.forms.contains(russian))
            .map_or_else(|| vec![russian.clone()], |r| r.forms.clone())
    };
    let mut out: Vec<WrongForm> = Vec::new();
    let mut listed: FastSet<String> = FastSet::default();
    // `what` describes the right name: made only for a form that is kept,
    // as most of the base's people and places have none.
    let mut push = |wrong: &str,
                    right: &str,
                    kind: WrongKind,
                    what: &dyn Fn() -> String,
                    context: Vec<String>| {
        if wrong != right && !listed.contains(wrong) {
            listed.insert(wrong.to_owned());
            let what = what();
            out.push(WrongForm {
                wrong: wrong.to_owned(),
                right: right.to_owned(),
                kind,
                place: what.starts_with("a place"),
                what,
                context,
            });
        }
    };
    // Names that are right somewhere are never wrong forms.
    // Sized for their names at the start, not grown name by name.
    fn names(p: &Person) -> impl Iterator<Item = &str> {
        std::iter::once(p.name.as_str()).chain(p.variants.iter().map(String::as_str))
    }
    let mut right: FastSet<&str> = FastSet::with_capacity_and_hasher(
        all.person
            .iter()
            .map(|p| 1 + p.variants.len())
            .sum::<usize>()
            + all.place.len()
            + all.other.len(),
        Default::default(),
    );
    right.extend(
        all.person
            .iter()
            .flat_map(names)
            .chain(all.place.iter().map(|p| p.name.as_str()))
            .chain(all.other.iter().map(|o| o.name.as_str())),
    );
    let curated = || all.person.iter().filter(|p| p.source.is_none());
    let mut curated_right: FastSet<&str> = FastSet::with_capacity_and_hasher(
        curated().map(|p| 1 + p.variants.len()).sum(),
        Default::default(),
    );
    curated_right.extend(curated().flat_map(names));
    for p in &all.person {
        let what = || describe(p);
        for wrong in &p.misspellings {
            push(wrong, &p.name, WrongKind::Misspelling, &what, Vec::new());
        }
        // The Russian form of a Ukrainian or Belarusian first name.
        let east_slavic = p
            .office
            .iter()
            .any(|t| t.country == "Ukraine" || t.country == "Belarus");
        if east_slavic {
            if let Some(rest) = p.name.strip_suffix(&p.surname) {
                let first = rest.trim();
                for f in all.first_name.iter().filter(|f| f.name == first) {
                    for russian in f.russian.iter().flat_map(spellings) {
                        let wrong = format!("{russian} {}", p.surname);
                        if !right.contains(wrong.as_str()) {
                            push(&wrong, &p.name, WrongKind::Misspelling, &what, Vec::new());
                        }
                    }
                }
            }
        }
        // The name without diacritics, for curated people only: the
        // generated names have none to lose (the Factbook drops them, so a
        // generated "Zuzana Caputova" does not make the plain form right).
        if p.source.is_none() {
            let plain = strip_diacritics(&p.name);
            if plain != p.name && !curated_right.contains(plain.as_str()) {
                push(&plain, &p.name, WrongKind::Diacritics, &what, Vec::new());
            }
            // The surname alone, unless the plain full name is accepted
            // ("Andrej Babis" is a variant, so "Babis" is right too).
            let plain_surname = strip_diacritics(&p.surname);
            if plain_surname != p.surname
                && plain_surname.chars().count() >= 5
                && !curated_right.contains(plain.as_str())
            {
                let full_names = std::iter::once(&p.name)
                    .chain(&p.variants)
                    .flat_map(|n| [n.clone(), strip_diacritics(n)])
                    .collect();
                push(
                    &plain_surname,
                    &p.surname,
                    WrongKind::Diacritics,
                    &what,
                    full_names,
                );
            }
        }
    }
    for place in &all.place {
        let what = || format!("a place in {}", place.country);
        for wrong in place
            .misspellings
            .iter()
            .filter(|w| !right.contains(w.as_str()))
        {
            push(
                wrong,
                &place.name,
                WrongKind::Misspelling,
                &what,
                Vec::new(),
            );
        }
        for wrong in place
            .deprecated
            .iter()
            .filter(|w| !right.contains(w.as_str()))
        {
            push(wrong, &place.name, WrongKind::Deprecated, &what, Vec::new());
        }
    }
    out
}
