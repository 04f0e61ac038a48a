//! The knowledge base: people and the offices they held, places, countries,
//! office names, first-name equivalents and names with digits, read from
//! `rules/kb/**/*.toml` (embedded in the binary) and compiled once per
//! process into the indexes and automata the `name` and `title` rules use.

mod load;
mod model;
pub mod offices;
mod slips;
pub use slips::PairSlip;
pub mod spelling;
#[cfg(test)]
mod tests;
mod wrong_forms;

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use crate::automaton::Adaptive;
use crate::date::Date;
use crate::lexicon::{FastMap, FastSet};
use crate::memo::Memo;
pub use load::KbError;
pub use model::{
    Country, DigitName, FirstName, Gap, OfficeName, Organisation, Origin, OtherName, Person, Place,
    Term,
};
use offices::OfficeIndex;
use spelling::initial;
pub use spelling::{fold, strip_diacritics};
pub use wrong_forms::{WrongForm, WrongKind};

/// The compiled knowledge base.
#[derive(Debug)]
pub struct Kb {
    pub people: Vec<Person>,
    /// Organisations named by their acronym.
    pub organisations: Vec<Organisation>,
    pub places: Vec<Place>,
    pub offices: Vec<OfficeName>,
    pub countries: Vec<Country>,
    pub digit_names: Vec<String>,
    /// Where generated sources have no data.
    pub gaps: Vec<Gap>,
    pub wrong_forms: Vec<WrongForm>,
    /// All `wrong_forms`, case-sensitive, leftmost-longest.
    pub wrong_automaton: AhoCorasick,
    /// Folded surname → people.
    by_surname: FastMap<String, Vec<usize>>,
    /// Folded full name or variant → people.
    by_name: FastMap<String, Vec<usize>>,
    /// Folded first word of the name or a variant → people.
    by_first: FastMap<String, Vec<usize>>,
    wrong_set: FastSet<String>,
    place_names: FastSet<String>,
    /// The countries the base names: those it lists, and those of the
    /// offices it knows.
    country_names: FastSet<String>,
    /// Folded family names that alone identify no one.
    common_surnames: FastSet<String>,
    /// Folded spelling of a Russian first name → the key all its
    /// spellings share.
    first_forms: FastMap<String, String>,
    /// Compiled the first time a text needs them (see `offices.rs`).
    office_prefilter: OnceLock<Adaptive>,
    office_index: OnceLock<OfficeIndex>,
    curated_by_initials: OnceLock<FastMap<(char, char), Vec<CuratedName>>>,
    curated_surnames: OnceLock<FastMap<char, Vec<usize>>>,
    /// Each word asked about → the curated people its surname slips from
    /// (`slips.rs`).
    surname_slips: Memo<Vec<usize>>,
    /// Each pair of words `name.near-miss` asked about → its answer.
    pair_slips: Memo<PairSlip>,
}

/// A curated person (one not from a generated source) with their folded
/// spellings, made once.
#[derive(Debug)]
pub struct CuratedName {
    /// The person's index in [`Kb::people`].
    pub person: usize,
    pub folded: Vec<String>,
}

impl Kb {
    /// Every office phrase, in any ASCII case: a text without one has no
    /// office title.
    pub fn office_prefilter(&self) -> &Adaptive {
        self.office_prefilter
            .get_or_init(|| offices::office_prefilter(self))
    }

    /// Every office phrase, country and country adjective as one
    /// automaton, and the matcher of titles given to names that works on
    /// its matches (`offices.rs`).
    pub fn office_index(&self) -> &OfficeIndex {
        self.office_index.get_or_init(|| OfficeIndex::new(self))
    }

    /// The curated people by the initials of first name and surname: a
    /// slip keeps both initials, so a name is compared with one small
    /// bucket.
    pub fn curated_by_initials(&self) -> &FastMap<(char, char), Vec<CuratedName>> {
        self.curated_by_initials.get_or_init(|| {
            let mut out: FastMap<(char, char), Vec<CuratedName>> = FastMap::default();
            for (index, p) in self.people.iter().enumerate() {
                if p.source.is_some() {
                    continue;
                }
                // Romanisations may start with other letters (Yevgeny,
                // Evgenii): a bucket for each pair of initials.
                let mut keys: Vec<(char, char)> = Vec::new();
                for first in p.first_names() {
                    for last in p.surnames() {
                        if let (Some(a), Some(b)) = (initial(first), initial(last)) {
                            keys.push((a, b));
                        }
                    }
                }
                keys.sort_unstable();
                keys.dedup();
                for key in keys {
                    out.entry(key).or_default().push(CuratedName {
                        person: index,
                        folded: p.spellings().map(|s| fold(s)).collect(),
                    });
                }
            }
            out
        })
    }

    /// The curated people whose surname, written alone, can name them (five
    /// letters or more, and no common surname such as "Kim"), by the first
    /// letter of each of their surname's spellings: a slip keeps it.
    pub fn curated_surnames_by_initial(&self) -> &FastMap<char, Vec<usize>> {
        self.curated_surnames.get_or_init(|| {
            let mut out: FastMap<char, Vec<usize>> = FastMap::default();
            for (index, p) in self.people.iter().enumerate() {
                if p.source.is_some()
                    || p.surname.chars().count() < 5
                    || self.is_common_surname(&p.surname)
                {
                    continue;
                }
                let mut letters: Vec<char> =
                    p.surnames().iter().filter_map(|s| initial(s)).collect();
                letters.sort_unstable();
                letters.dedup();
                for letter in letters {
                    out.entry(letter).or_default().push(index);
                }
            }
            out
        })
    }

    /// The organisation whose acronym `word` is with two neighbouring
    /// letters swapped ("WBNA"), when `word` is no acronym itself.
    pub fn swapped_acronym(&self, word: &str) -> Option<&Organisation> {
        if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        if self.organisations.iter().any(|o| o.acronym == word) {
            return None;
        }
        let bytes = word.as_bytes();
        let mut found = self.organisations.iter().filter(|o| {
            let a = o.acronym.as_bytes();
            a.len() == bytes.len()
                && (0..a.len() - 1).any(|i| {
                    a[i] != a[i + 1]
                        && a[i] == bytes[i + 1]
                        && a[i + 1] == bytes[i]
                        && a[..i] == bytes[..i]
                        && a[i + 2..] == bytes[i + 2..]
                })
        });
        let one = found.next()?;
        found.next().is_none().then_some(one)
    }

    /// People whose full name or a variant is `name` (any case, with or
    /// without diacritics).
    pub fn people_named(&self, name: &str) -> impl Iterator<Item = &Person> {
        self.by_name
            .get(&name_key(&self.first_forms, name))
            .into_iter()
            .flatten()
            .map(|&i| &self.people[i])
    }

    /// Whether what a generated person's `source` says holds on `day`:
    /// false in a gap of that source.
    pub fn source_covers(&self, person: &Person, day: Date) -> bool {
        !self.gaps.iter().any(|g| {
            person.source.as_deref() == Some(g.source.as_str()) && g.from <= day && day < g.to
        })
    }

    /// Whether `text` is a known wrong form (reported by name.misspelling
    /// and its kin).
    pub fn is_known_wrong(&self, text: &str) -> bool {
        self.wrong_set.contains(text)
    }

    /// Whether `name` is a place the base knows, as it spells it.
    pub fn is_place(&self, name: &str) -> bool {
        self.place_names.contains(name)
    }

    /// Whether `name` is a country the base knows, as it spells it: one
    /// it lists, or one whose offices it knows ("Iceland").
    pub fn is_country(&self, name: &str) -> bool {
        self.country_names.contains(name)
    }

    /// Whether `surname` alone names no one in particular ("Kim", "Li").
    pub fn is_common_surname(&self, surname: &str) -> bool {
        self.common_surnames.contains(&fold(surname))
    }

    /// People with this surname.
    pub fn people_with_surname(&self, surname: &str) -> impl Iterator<Item = &Person> {
        self.by_surname
            .get(&fold(surname))
            .into_iter()
            .flatten()
            .map(|&i| &self.people[i])
    }

    /// People whose name or a variant starts with this first name.
    pub fn people_with_first_name(&self, first: &str) -> impl Iterator<Item = &Person> {
        self.by_first
            .get(&name_key(&self.first_forms, first))
            .into_iter()
            .flatten()
            .map(|&i| &self.people[i])
    }

    /// The country an adjective or short form names ("Russian" → Russia).
    pub fn country_of(&self, adjective: &str) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.adjectives.iter().any(|a| a == adjective) || c.name == adjective)
            .map(|c| c.name.as_str())
    }

    /// Whether a term held in `held` is a term in `said`: the same
    /// country, or a body within it ("EU President von der Leyen").
    pub fn country_within(&self, held: &str, said: &str) -> bool {
        held == said
            || self
                .countries
                .iter()
                .any(|c| c.name == held && c.within.as_deref() == Some(said))
    }

    /// The office ids a phrase names, with the country the phrase implies.
    pub fn offices_named(&self, phrase: &str) -> Vec<(&str, Option<&str>)> {
        self.offices
            .iter()
            .filter(|o| o.phrases.iter().any(|p| p.eq_ignore_ascii_case(phrase)))
            .map(|o| (o.id.as_str(), o.country.as_deref()))
            .collect()
    }

    /// How to write `office` for `country` in a fix: the country's own
    /// usage if it has one ("Secretary of State"), else the general form.
    pub fn office_phrase(&self, office: &str, country: &str) -> Option<&str> {
        let of = |o: &&OfficeName| o.id == office;
        self.offices
            .iter()
            .filter(of)
            .find(|o| o.country.as_deref() == Some(country))
            .or_else(|| self.offices.iter().filter(of).find(|o| o.country.is_none()))
            .map(|o| o.phrase.as_str())
    }
}

/// The lookup key of a name: folded, with a Russian first name's spelling
/// replaced by its group's ("Dmitry Medvedev" and "Dmitriy Medvedev" are
/// one key).
fn name_key(first_forms: &FastMap<String, String>, name: &str) -> String {
    let folded = fold(name);
    let (first, rest) = folded.split_once(' ').unwrap_or((folded.as_str(), ""));
    match first_forms.get(first) {
        Some(head) if rest.is_empty() => head.clone(),
        Some(head) => format!("{head} {rest}"),
        None => folded,
    }
}

/// A short description of a person for messages: their latest office.
pub fn describe(person: &Person) -> String {
    describe_on(person, None)
}

/// A short description of a person as of `day`: the office they held then,
/// else the last one before, else their latest.
pub fn describe_on(person: &Person, day: Option<Date>) -> String {
    let latest = || person.office.iter().max_by_key(|t| t.from);
    let term = match day {
        Some(d) => person
            .office
            .iter()
            .filter(|t| t.from <= d)
            .max_by_key(|t| (t.covers(d), t.from))
            .or_else(latest),
        None => latest(),
    };
    match term {
        Some(term) => format!("{} of {}", term.office.replace('-', " "), term.country),
        None => "a person in the news".to_owned(),
    }
}
