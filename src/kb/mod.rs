//! The knowledge base: people and the offices they held, places, countries,
//! office names, first-name equivalents and names with digits, read from
//! `rules/kb/**/*.toml` (embedded in the binary) and compiled once per
//! process into the indexes and automata the `name` and `title` rules use.

mod offices;
pub mod spelling;

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Deserialize;

use crate::date::Date;
use crate::embedded::KB_JSON;
use crate::lexicon::{FastMap, FastSet};
pub use spelling::{fold, strip_diacritics};
use spelling::{initial, skeleton};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct KbFile {
    #[serde(default)]
    person: Vec<Person>,
    #[serde(default)]
    place: Vec<Place>,
    #[serde(default)]
    office: Vec<OfficeName>,
    #[serde(default)]
    country: Vec<Country>,
    #[serde(default, rename = "first-name")]
    first_name: Vec<FirstName>,
    #[serde(default)]
    name: Vec<DigitName>,
    #[serde(default)]
    other: Vec<OtherName>,
    #[serde(default)]
    romanisation: Vec<Romanisation>,
    #[serde(default)]
    gap: Vec<Gap>,
    #[serde(default, rename = "common-surname")]
    common_surname: Vec<CommonSurname>,
}

/// A family name so widespread that, alone after a title ("President
/// Kim"), it names no one in particular.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommonSurname {
    name: String,
    #[allow(dead_code, reason = "kept in the data for the reader")]
    note: String,
}

/// Dates on which a source's facts are not to be trusted: the Factbook
/// archive has no editions for 2018-2020.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub source: String,
    #[serde(deserialize_with = "date")]
    pub from: Date,
    #[serde(deserialize_with = "date")]
    pub to: Date,
}

/// The spellings of one Russian first name in the common transliterations
/// (Dmitry, Dmitriy, Dmitrii): one name to the lookups.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Romanisation {
    #[allow(dead_code, reason = "kept in the data for the reader")]
    cyrillic: String,
    forms: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub surname: String,
    /// Other correct spellings.
    #[serde(default)]
    pub variants: Vec<String>,
    /// Known wrong forms of the whole name.
    #[serde(default)]
    pub misspellings: Vec<String>,
    /// Whether `office` lists every office the title checks know that the
    /// person held (from 2014 on).
    #[serde(default)]
    pub complete: bool,
    /// Where a curated fact is to be checked.
    #[serde(default)]
    pub check: Option<String>,
    /// Where generated facts come from.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub office: Vec<Term>,
}

impl Person {
    /// The first word of the name when it is not the surname ("Wang Yi" has
    /// none: the surname comes first).
    pub fn first_name(&self) -> Option<&str> {
        first_word(&self.name, &self.surname)
    }
}

fn first_word<'a>(name: &'a str, surname: &str) -> Option<&'a str> {
    name.split_whitespace().next().filter(|f| *f != surname)
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub country: String,
    pub office: String,
    #[serde(deserialize_with = "date")]
    pub from: Date,
    #[serde(default, deserialize_with = "optional_date")]
    pub to: Option<Date>,
}

impl Term {
    /// Whether the term covers `day` (the first day in, the last day out).
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }
}

fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    let text = String::deserialize(d)?;
    text.parse().map_err(serde::de::Error::custom)
}

fn optional_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    date(d).map(Some)
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub name: String,
    pub country: String,
    /// Spellings from another language's romanisation ("Kiev").
    #[serde(default)]
    pub deprecated: Vec<String>,
    /// Wrong forms ("Butcha").
    #[serde(default)]
    pub misspellings: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeName {
    pub id: String,
    /// The country whose usage this is ("Secretary of State": US).
    #[serde(default)]
    pub country: Option<String>,
    /// The form a fix writes.
    pub phrase: String,
    pub phrases: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub name: String,
    pub adjectives: Vec<String>,
    /// The larger body this one belongs to: the European Commission's
    /// president is a president of the European Union's.
    #[serde(default)]
    pub within: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstName {
    pub name: String,
    pub russian: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DigitName {
    pub form: String,
}

/// The name of something else that a wrong form would otherwise flag
/// ("Bunge", a company, is also a Russian spelling of a Ukrainian town).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherName {
    pub name: String,
    pub what: String,
}

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

/// An error in a knowledge-base file.
#[derive(Debug)]
pub struct KbError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for KbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The compiled knowledge base.
#[derive(Debug)]
pub struct Kb {
    pub people: Vec<Person>,
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
    office_prefilter: OnceLock<AhoCorasick>,
    office_pattern: OnceLock<Regex>,
    curated_by_initials: OnceLock<FastMap<(char, char), Vec<CuratedName>>>,
}

/// A curated person (one not from a generated source) with the skeletons
/// of their first name and surname and their folded name, made once.
#[derive(Debug)]
pub struct CuratedName {
    /// The person's index in [`Kb::people`].
    pub person: usize,
    pub first: String,
    pub last: String,
    pub folded: String,
}

impl Kb {
    /// The built-in knowledge base, loaded once per process.
    pub fn builtin() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| {
            // The embedded files are checked by `tests::builtin_kb_loads`;
            // build.rs made the JSON from them.
            Kb::load_json(KB_JSON)
                .unwrap_or_else(|e| panic!("built-in knowledge base is invalid: {e}"))
        })
    }

    /// Loads knowledge-base files in TOML: (path for errors, contents).
    pub fn load(files: &[(&str, &str)]) -> Result<Kb, KbError> {
        Kb::build(files, |text| {
            toml::from_str(text).map_err(|e| e.to_string())
        })
    }

    /// Loads knowledge-base files that build.rs turned into JSON.
    pub fn load_json(files: &[(&str, &str)]) -> Result<Kb, KbError> {
        Kb::build(files, |text| {
            serde_json::from_str(text).map_err(|e| e.to_string())
        })
    }

    fn build(
        files: &[(&str, &str)],
        parse: impl Fn(&str) -> Result<KbFile, String>,
    ) -> Result<Kb, KbError> {
        let mut all = KbFile::default();
        for (path, contents) in files {
            let file: KbFile = parse(contents).map_err(|message| KbError {
                path: (*path).to_owned(),
                message,
            })?;
            all.person.extend(file.person);
            all.place.extend(file.place);
            all.office.extend(file.office);
            all.country.extend(file.country);
            all.first_name.extend(file.first_name);
            all.name.extend(file.name);
            all.other.extend(file.other);
            all.romanisation.extend(file.romanisation);
            all.gap.extend(file.gap);
            all.common_surname.extend(file.common_surname);
        }
        let first_forms = first_forms(&all.romanisation);
        let key = |name: &str| name_key(&first_forms, name);
        // A curated entry replaces a generated one of the same person, so
        // that one entry holds all that is known of them.
        let curated: std::collections::HashSet<String> = all
            .person
            .iter()
            .filter(|p| p.source.is_none())
            .flat_map(|p| std::iter::once(&p.name).chain(&p.variants))
            .map(|n| key(n))
            .collect();
        all.person.retain(|p| {
            p.source.is_none()
                || !std::iter::once(&p.name)
                    .chain(&p.variants)
                    .any(|n| curated.contains(&key(n)))
        });
        let mut by_surname: FastMap<String, Vec<usize>> = FastMap::default();
        let mut by_name: FastMap<String, Vec<usize>> = FastMap::default();
        let mut by_first: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, p) in all.person.iter().enumerate() {
            by_surname.entry(fold(&p.surname)).or_default().push(i);
            for n in std::iter::once(&p.name).chain(&p.variants) {
                let list = by_name.entry(key(n)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
                if let Some(first) = first_word(n, &p.surname) {
                    let list = by_first.entry(key(first)).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        let wrong_forms = wrong_forms(&all);
        let wrong_automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(wrong_forms.iter().map(|w| &w.wrong))
            .map_err(|e| KbError {
                path: "rules/kb".to_owned(),
                message: e.to_string(),
            })?;
        let wrong_set = wrong_forms.iter().map(|w| w.wrong.clone()).collect();
        let place_names = all.place.iter().map(|p| p.name.clone()).collect();
        let country_names = all
            .country
            .iter()
            .map(|c| c.name.clone())
            .chain(
                all.person
                    .iter()
                    .flat_map(|p| &p.office)
                    .map(|t| t.country.clone()),
            )
            .collect();
        let common_surnames = all.common_surname.iter().map(|c| fold(&c.name)).collect();
        Ok(Kb {
            people: all.person,
            places: all.place,
            offices: all.office,
            countries: all.country,
            digit_names: all.name.into_iter().map(|n| n.form).collect(),
            gaps: all.gap,
            wrong_forms,
            wrong_automaton,
            by_surname,
            by_name,
            by_first,
            wrong_set,
            place_names,
            country_names,
            common_surnames,
            first_forms,
            office_prefilter: OnceLock::new(),
            office_pattern: OnceLock::new(),
            curated_by_initials: OnceLock::new(),
        })
    }

    /// Every office phrase, in any ASCII case: a text without one has no
    /// office title.
    pub fn office_prefilter(&self) -> &AhoCorasick {
        self.office_prefilter
            .get_or_init(|| offices::office_prefilter(self))
    }

    /// The pattern of an office title given to a name (`offices.rs`). It
    /// takes milliseconds to compile: a run whose texts name no office
    /// never builds it.
    pub fn office_pattern(&self) -> &Regex {
        self.office_pattern
            .get_or_init(|| offices::office_pattern(self))
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
                let Some(first) = p.first_name() else {
                    continue;
                };
                let (Some(a), Some(b)) = (initial(first), initial(&p.surname)) else {
                    continue;
                };
                out.entry((a, b)).or_default().push(CuratedName {
                    person: index,
                    first: skeleton(first),
                    last: skeleton(&p.surname),
                    folded: fold(&p.name),
                });
            }
            out
        })
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

/// Folded spelling → the key of its group (the group's first spelling).
fn first_forms(romanisations: &[Romanisation]) -> FastMap<String, String> {
    let mut out = FastMap::default();
    for r in romanisations {
        let Some(head) = r.forms.first() else {
            continue;
        };
        for form in &r.forms {
            out.insert(fold(form), fold(head));
        }
    }
    out
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

fn wrong_forms(all: &KbFile) -> Vec<WrongForm> {
    // Every spelling of a Russian name a first-name entry lists: its
    // romanisation group, else the name as written.
    let spellings = |russian: &String| -> Vec<String> {
        all.romanisation
            .iter()
            .find(|r| r.forms.contains(russian))
            .map_or_else(|| vec![russian.clone()], |r| r.forms.clone())
    };
    let mut out: Vec<WrongForm> = Vec::new();
    let mut push =
        |wrong: &str, right: &str, kind: WrongKind, what: String, context: Vec<String>| {
            if wrong != right && !out.iter().any(|w| w.wrong == wrong) {
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
    let right: std::collections::HashSet<&str> = all
        .person
        .iter()
        .flat_map(|p| std::iter::once(p.name.as_str()).chain(p.variants.iter().map(String::as_str)))
        .chain(all.place.iter().map(|p| p.name.as_str()))
        .chain(all.other.iter().map(|o| o.name.as_str()))
        .collect();
    let curated_right: std::collections::HashSet<&str> = all
        .person
        .iter()
        .filter(|p| p.source.is_none())
        .flat_map(|p| std::iter::once(p.name.as_str()).chain(p.variants.iter().map(String::as_str)))
        .collect();
    for p in &all.person {
        let what = describe(p);
        for wrong in &p.misspellings {
            push(
                wrong,
                &p.name,
                WrongKind::Misspelling,
                what.clone(),
                Vec::new(),
            );
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
                            push(
                                &wrong,
                                &p.name,
                                WrongKind::Misspelling,
                                what.clone(),
                                Vec::new(),
                            );
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
                push(
                    &plain,
                    &p.name,
                    WrongKind::Diacritics,
                    what.clone(),
                    Vec::new(),
                );
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
                    what.clone(),
                    full_names,
                );
            }
        }
    }
    for place in &all.place {
        let what = format!("a place in {}", place.country);
        for wrong in place
            .misspellings
            .iter()
            .filter(|w| !right.contains(w.as_str()))
        {
            push(
                wrong,
                &place.name,
                WrongKind::Misspelling,
                what.clone(),
                Vec::new(),
            );
        }
        for wrong in place
            .deprecated
            .iter()
            .filter(|w| !right.contains(w.as_str()))
        {
            push(
                wrong,
                &place.name,
                WrongKind::Deprecated,
                what.clone(),
                Vec::new(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedded::KB_FILES;

    #[test]
    fn builtin_kb_loads() {
        let kb = Kb::builtin();
        assert!(kb.people.len() > 1000);
        assert!(kb
            .people_named("Sergei Lavrov")
            .any(|p| p.name == "Sergey Lavrov"));
        assert!(kb.people_with_surname("CAPUTOVA").count() >= 1);
        assert_eq!(kb.country_of("Russian"), Some("Russia"));
        // Listed, and known from its offices only.
        assert!(kb.is_country("Russia") && kb.is_country("Iceland"));
        assert!(!kb.is_country("Russian"));
        assert_eq!(
            kb.office_phrase("foreign-minister", "United States"),
            Some("Secretary of State")
        );
        assert_eq!(
            kb.office_phrase("foreign-minister", "Russia"),
            Some("Foreign Minister")
        );
    }

    #[test]
    fn json_and_toml_load_alike() {
        let toml = Kb::load(KB_FILES).unwrap();
        let json = Kb::builtin();
        assert_eq!(toml.people.len(), json.people.len());
        assert_eq!(toml.places.len(), json.places.len());
        let forms = |kb: &Kb| {
            kb.wrong_forms
                .iter()
                .map(|w| (w.wrong.clone(), w.right.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(forms(&toml), forms(json));
    }

    #[test]
    fn knowledge_base_is_consistent() {
        let kb = Kb::builtin();
        let office_ids: std::collections::HashSet<&str> =
            kb.offices.iter().map(|o| o.id.as_str()).collect();
        let countries: std::collections::HashSet<&str> =
            kb.countries.iter().map(|c| c.name.as_str()).collect();
        for p in kb.people.iter().filter(|p| p.source.is_none()) {
            assert!(p.check.is_some(), "{}: curated facts need `check`", p.name);
            assert!(
                p.name.ends_with(&p.surname) || p.name.starts_with(&p.surname),
                "{}",
                p.name
            );
            for t in &p.office {
                assert!(
                    office_ids.contains(t.office.as_str()),
                    "{}: office {}",
                    p.name,
                    t.office
                );
                assert!(
                    countries.contains(t.country.as_str()),
                    "{}: country {}",
                    p.name,
                    t.country
                );
                assert!(
                    t.to.is_none_or(|to| t.from < to),
                    "{}: term ends before it starts",
                    p.name
                );
            }
        }
        // No wrong form is also a right form, and no chain a → b → c.
        let wrong: std::collections::HashSet<&str> =
            kb.wrong_forms.iter().map(|w| w.wrong.as_str()).collect();
        for w in &kb.wrong_forms {
            assert!(
                !wrong.contains(w.right.as_str()),
                "{} → {} is a chain",
                w.wrong,
                w.right
            );
        }
    }

    #[test]
    fn files_are_sorted() {
        for (path, contents) in KB_FILES {
            let file: KbFile = toml::from_str(contents).unwrap();
            let names: Vec<String> = file
                .person
                .iter()
                .map(|p| p.name.clone())
                .chain(file.place.iter().map(|p| p.name.clone()))
                .chain(file.country.iter().map(|c| c.name.clone()))
                .chain(file.first_name.iter().map(|f| f.name.clone()))
                .chain(file.other.iter().map(|o| o.name.clone()))
                .chain(file.common_surname.iter().map(|c| c.name.clone()))
                .collect();
            let mut sorted = names.clone();
            sorted.sort_by_key(|n| fold(n));
            sorted.dedup();
            assert_eq!(names, sorted, "{path}: entries must be sorted and unique");
        }
    }

    #[test]
    fn places_are_unique_and_others_never_wrong() {
        let kb = Kb::builtin();
        let mut seen = std::collections::HashSet::new();
        for p in &kb.places {
            assert!(
                seen.insert(&p.name),
                "{} is in the knowledge base twice",
                p.name
            );
        }
        assert!(kb.places.len() > 400, "the generated towns are loaded");
        for w in ["Bunge", "Sumi", "Borislav"] {
            assert!(!kb.is_known_wrong(w), "{w} names something else");
        }
        let w = kb
            .wrong_forms
            .iter()
            .find(|w| w.wrong == "Gorlovka")
            .unwrap();
        assert_eq!(
            (w.right.as_str(), w.kind),
            ("Horlivka", WrongKind::Deprecated)
        );
    }

    #[test]
    fn russian_first_names_are_one_name_in_any_transliteration() {
        let kb = Kb::builtin();
        for name in ["Dmitry Medvedev", "Dmitrii Medvedev", "dmitriy medvedev"] {
            assert!(
                kb.people_named(name).any(|p| p.surname == "Medvedev"),
                "{name}"
            );
        }
        assert!(kb
            .people_with_first_name("Sergej")
            .any(|p| p.surname == "Lavrov"));
        assert!(kb.people_named("Dmitry Lavrov").next().is_none());
        for wrong in ["Dmitrii Kuleba", "Dmitriy Kuleba", "Dmitri Kuleba"] {
            assert!(kb.is_known_wrong(wrong), "{wrong}");
        }
    }

    #[test]
    fn generates_russian_forms_of_ukrainian_names() {
        let kb = Kb::builtin();
        let w = kb
            .wrong_forms
            .iter()
            .find(|w| w.wrong == "Dmitry Kuleba")
            .unwrap();
        assert_eq!(w.right, "Dmytro Kuleba");
        let w = kb
            .wrong_forms
            .iter()
            .find(|w| w.wrong == "Mariusz Blaszczak")
            .unwrap();
        assert_eq!(w.kind, WrongKind::Diacritics, "ł has no combining mark");
        let w = kb
            .wrong_forms
            .iter()
            .find(|w| w.wrong == "Antonio Guterres")
            .unwrap();
        assert_eq!(
            (w.right.as_str(), w.kind),
            ("António Guterres", WrongKind::Diacritics)
        );
    }
}
