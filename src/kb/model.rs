//! The knowledge base's records as its files hold them: people and their
//! terms of office, places, countries, office names, first names, names
//! with digits, other names, romanisations, data gaps and common surnames.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::date::Date;

#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct KbFile {
    #[serde(default)]
    pub(super) person: Vec<Person>,
    #[serde(default)]
    pub(super) place: Vec<Place>,
    #[serde(default)]
    pub(super) office: Vec<OfficeName>,
    #[serde(default)]
    pub(super) country: Vec<Country>,
    #[serde(default, rename = "first-name")]
    pub(super) first_name: Vec<FirstName>,
    #[serde(default)]
    pub(super) name: Vec<DigitName>,
    #[serde(default)]
    pub(super) other: Vec<OtherName>,
    #[serde(default)]
    pub(super) romanisation: Vec<Romanisation>,
    #[serde(default)]
    pub(super) gap: Vec<Gap>,
    #[serde(default, rename = "common-surname")]
    pub(super) common_surname: Vec<CommonSurname>,
    #[serde(default)]
    pub(super) spelling: Vec<Spelling>,
    #[serde(default)]
    pub(super) script: Vec<Script>,
    #[serde(default)]
    pub(super) organisation: Vec<Organisation>,
}

/// An organisation news text names by its acronym
/// (`rules/kb/organisations.toml`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub acronym: String,
    pub name: String,
}

/// The spellings of a name in its language's romanisation schemes
/// (`rules/kb/generated/romanised.toml`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Spelling {
    pub(super) native: String,
    pub(super) forms: Vec<String>,
}

/// A script other than the Latin one and the languages written in it
/// (`rules/kb/scripts.toml`).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Script {
    #[allow(dead_code, reason = "kept in the data for the reader")]
    pub(super) name: String,
    pub(super) languages: Vec<String>,
}

/// A family name so widespread that, alone after a title ("President
/// Kim"), it names no one in particular.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CommonSurname {
    pub(super) name: String,
    #[allow(dead_code, reason = "kept in the data for the reader")]
    pub(super) note: String,
}

/// Dates on which a source's facts are not to be trusted: the Factbook
/// archive has no editions for 2018-2020.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub source: String,
    #[serde(deserialize_with = "date", serialize_with = "date_text")]
    pub from: Date,
    #[serde(deserialize_with = "date", serialize_with = "date_text")]
    pub to: Date,
}

/// The spellings of one Russian first name in the common transliterations
/// (Dmitry, Dmitriy, Dmitrii): one name to the lookups.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Romanisation {
    #[allow(dead_code, reason = "kept in the data for the reader")]
    pub(super) cyrillic: String,
    pub(super) forms: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
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
    /// The language the name comes from, as an ISO 639-1 code ("en",
    /// "ru", "uk", "ar"): it decides which other spellings are variants
    /// (see [`Origin`]). None: not recorded, and spellings are
    /// compared as transliterations.
    #[serde(default)]
    pub origin: Option<String>,
    /// The name in its own script, in the order of `name` ("Сергей
    /// Лавров"), when that script is not Latin: the romanisation schemes
    /// make its variants from it.
    #[serde(default)]
    pub native: Option<String>,
    /// Words that, in an article, tie a surname written alone to this
    /// person when no office does ("basketball", "WNBA").
    #[serde(default)]
    pub context: Vec<String>,
    /// The country a person without an office is tied to in the news.
    #[serde(default)]
    pub country: Option<String>,
    /// The spellings of `native` in its language's schemes, filled in at
    /// load from `rules/kb/generated/romanised.toml`.
    #[serde(skip)]
    pub romanised: Vec<String>,
    /// How the name's other spellings are judged, set at load.
    #[serde(skip)]
    pub origin_kind: Origin,
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
    /// The right spellings of the name's parts, derived the first time a
    /// rule compares a name with this person's: most of the base's
    /// 1,800 people never are, in one article.
    #[serde(skip)]
    forms: OnceLock<NameForms>,
}

/// The right spellings of a surname and a first name, as written and
/// folded, derived once from a person's spellings: the name rules compare
/// every capitalised word of an article with them.
#[derive(Clone, Debug, Default)]
struct NameForms {
    surnames: Part,
    first_names: Part,
}

/// The right spellings of one part of a name, each list in its own order.
#[derive(Clone, Debug, Default)]
pub struct Part {
    /// As written.
    pub written: Vec<String>,
    /// The transliteration skeleton of each written form
    /// (`kb::spelling::skeleton`), in the same order.
    pub skeletons: Vec<String>,
    /// Folded (`kb::spelling::fold`), sorted, without repeats.
    pub folded: Vec<String>,
    /// Each folded form with its doubled letters written once, in the same
    /// order as `folded`.
    pub single: Vec<String>,
}

impl Part {
    fn new(mut written: Vec<String>) -> Self {
        use super::spelling::{fold, single_letters, skeleton};
        written.sort_unstable();
        written.dedup();
        let mut folded: Vec<String> = written.iter().map(|s| fold(s)).collect();
        folded.sort_unstable();
        folded.dedup();
        Part {
            skeletons: written.iter().map(|s| skeleton(s)).collect(),
            single: folded.iter().map(|s| single_letters(s)).collect(),
            written,
            folded,
        }
    }
}

/// How a name's other spellings are judged, from its origin.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Origin {
    /// Written in the Latin script at its origin: a letter off is a slip.
    Latin,
    /// Romanised by known schemes: their spellings and the listed
    /// variants are right, a letter off them is a slip.
    Schemes,
    /// Romanised from another script without known schemes, or not
    /// recorded (the generated heads of state): compared as
    /// transliterations.
    #[default]
    Transliterated,
}

impl Person {
    /// Every spelling of the whole name that is right: the name, its
    /// variants and its romanisations.
    pub fn spellings(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name)
            .chain(&self.variants)
            .chain(&self.romanised)
    }

    /// The right spellings of the surname and the first name, derived from
    /// the name, its variants and its romanisations.
    fn forms(&self) -> &NameForms {
        self.forms.get_or_init(|| self.derive_forms())
    }

    fn derive_forms(&self) -> NameForms {
        let mut surnames: Vec<String> = Vec::new();
        let mut first_names: Vec<String> = Vec::new();
        for s in self.spellings() {
            let Some(surname) = self.surname_in(s) else {
                continue;
            };
            surnames.push(surname.to_owned());
            // The surname comes first ("Wang Yi"), or is all of it.
            if !s.starts_with(surname) {
                first_names.extend(s.split_whitespace().next().map(str::to_owned));
            }
        }
        NameForms {
            surnames: Part::new(surnames),
            first_names: Part::new(first_names),
        }
    }

    /// The right spellings of the surname.
    pub fn surnames(&self) -> &[String] {
        &self.forms().surnames.written
    }

    /// The right spellings of the first name: the first word of each
    /// spelling that has one before the surname.
    pub fn first_names(&self) -> &[String] {
        &self.forms().first_names.written
    }

    /// The right spellings of the surname, in the forms names are compared
    /// in.
    pub fn surname_part(&self) -> &Part {
        &self.forms().surnames
    }

    /// The right spellings of the first name, in the forms names are
    /// compared in.
    pub fn first_name_part(&self) -> &Part {
        &self.forms().first_names
    }

    /// The surname as a spelling of the whole name writes it: its first
    /// words when the name starts with it ("Wang Yi"), else its last
    /// words, as many as the surname has.
    pub fn surname_in<'a>(&self, spelling: &'a str) -> Option<&'a str> {
        let words = self.surname.split_whitespace().count();
        let starts: Vec<usize> = spelling
            .char_indices()
            .filter(|&(i, c)| {
                !c.is_whitespace() && (i == 0 || spelling[..i].ends_with(char::is_whitespace))
            })
            .map(|(i, _)| i)
            .collect();
        if starts.len() < words || words == 0 {
            return None;
        }
        let first_words = match starts.get(words) {
            Some(&end) => spelling[..end].trim_end(),
            None => spelling,
        };
        if starts.len() > words
            && super::spelling::fold(first_words) == super::spelling::fold(&self.surname)
        {
            return Some(first_words);
        }
        Some(&spelling[starts[starts.len() - words]..])
    }

    /// The first word of the name when it is not the surname ("Wang Yi" has
    /// none: the surname comes first).
    pub fn first_name(&self) -> Option<&str> {
        first_word(&self.name, &self.surname)
    }
}

pub(super) fn first_word<'a>(name: &'a str, surname: &str) -> Option<&'a str> {
    name.split_whitespace().next().filter(|f| *f != surname)
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub country: String,
    pub office: String,
    #[serde(deserialize_with = "date", serialize_with = "date_text")]
    pub from: Date,
    #[serde(
        default,
        deserialize_with = "optional_date",
        serialize_with = "optional_date_text"
    )]
    pub to: Option<Date>,
}

impl Term {
    /// Whether the term covers `day` (the first day in, the last day out).
    pub fn covers(&self, day: Date) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }
}

/// A date as TOML writes it (`YYYY-MM-DD`), or as the build-time image
/// does: its year, month and day as numbers, which need no parsing.
fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
    if !d.is_human_readable() {
        let (year, month, day) = <(i32, u8, u8)>::deserialize(d)?;
        return Date::new(year, month, day)
            .ok_or_else(|| serde::de::Error::custom("not a date of the calendar"));
    }
    let text = String::deserialize(d)?;
    text.parse().map_err(serde::de::Error::custom)
}

/// An absent date is no date (in TOML), or `None` (in the build-time
/// image, which writes every field).
fn optional_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapped(#[serde(deserialize_with = "date")] Date);
    Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(date)| date))
}

fn date_text<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.collect_str(date)
    } else {
        (date.year, date.month, date.day).serialize(s)
    }
}

fn optional_date_text<S: serde::Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Wrapped<'a>(#[serde(serialize_with = "date_text")] &'a Date);
    date.as_ref().map(Wrapped).serialize(s)
}

#[derive(Clone, Debug, Deserialize, Serialize)]
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

#[derive(Clone, Debug, Deserialize, Serialize)]
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

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub name: String,
    pub adjectives: Vec<String>,
    /// The larger body this one belongs to: the European Commission's
    /// president is a president of the European Union's.
    #[serde(default)]
    pub within: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FirstName {
    pub name: String,
    pub russian: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DigitName {
    pub form: String,
}

/// The name of something else that a wrong form would otherwise flag
/// ("Bunge", a company, is also a Russian spelling of a Ukrainian town).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OtherName {
    pub name: String,
    pub what: String,
}
