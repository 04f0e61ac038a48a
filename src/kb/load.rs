//! Loading the knowledge base from its files (TOML, or the image build.rs
//! made of them) and building its indexes and automaton.

use std::fmt;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::embedded::KB_IMAGE;
use crate::lexicon::{FastMap, FastSet};

use super::model::{first_word, KbFile, Origin, Romanisation};
use super::spelling::fold;
use super::wrong_forms::wrong_forms;
use super::{name_key, Kb};

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

impl Kb {
    /// The built-in knowledge base, loaded once per process.
    pub fn builtin() -> &'static Kb {
        static KB: OnceLock<Kb> = OnceLock::new();
        KB.get_or_init(|| {
            // The embedded files are checked by `tests::builtin_kb_loads`;
            // build.rs made the image from them.
            Kb::load_image(KB_IMAGE)
                .unwrap_or_else(|e| panic!("built-in knowledge base is invalid: {e}"))
        })
    }

    /// Loads knowledge-base files in TOML: (path for errors, contents).
    pub fn load(files: &[(&str, &str)]) -> Result<Kb, KbError> {
        Kb::build(files, |text| {
            toml::from_str(text).map_err(|e| e.to_string())
        })
    }

    /// Loads the records of knowledge-base files that build.rs read and
    /// wrote as postcard.
    pub fn load_image(files: &[(&str, &[u8])]) -> Result<Kb, KbError> {
        Kb::build(files, |bytes| {
            postcard::from_bytes(bytes).map_err(|e| e.to_string())
        })
    }

    fn build<T: ?Sized>(
        files: &[(&str, &T)],
        parse: impl Fn(&T) -> Result<KbFile, String>,
    ) -> Result<Kb, KbError> {
        let files: Vec<KbFile> = files
            .iter()
            .map(|(path, contents)| {
                parse(contents).map_err(|message| KbError {
                    path: (*path).to_owned(),
                    message,
                })
            })
            .collect::<Result<_, _>>()?;
        // The people, most of the base, are moved once, into a list of
        // their number: growing it file by file copied them again.
        let mut all = KbFile::default();
        all.person
            .reserve_exact(files.iter().map(|f| f.person.len()).sum());
        for file in files {
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
            all.spelling.extend(file.spelling);
            all.script.extend(file.script);
            all.organisation.extend(file.organisation);
        }
        set_origins(&mut all);
        let first_forms = first_forms(&all.romanisation);
        let key = |name: &str| name_key(&first_forms, name);
        // Each person's spellings as keys, made once: in the order of
        // `Person::spellings`, which starts with the name and its variants.
        let keys: Vec<Vec<String>> = all
            .person
            .iter()
            .map(|p| p.spellings().map(|n| key(n)).collect())
            .collect();
        // A curated entry replaces a generated one of the same person, so
        // that one entry holds all that is known of them.
        let curated_keys = || {
            all.person
                .iter()
                .zip(&keys)
                .filter(|(p, _)| p.source.is_none())
                .map(|(_, keys)| keys)
        };
        let mut curated: FastSet<&str> = FastSet::with_capacity_and_hasher(
            curated_keys().map(Vec::len).sum(),
            Default::default(),
        );
        curated.extend(curated_keys().flatten().map(String::as_str));
        let kept: Vec<bool> = all
            .person
            .iter()
            .zip(&keys)
            .map(|(p, keys)| {
                p.source.is_none()
                    || !keys[..=p.variants.len()]
                        .iter()
                        .any(|k| curated.contains(k.as_str()))
            })
            .collect();
        drop(curated);
        let mut keep = kept.iter();
        all.person
            .retain(|_| *keep.next().expect("one flag a person"));
        let keys: Vec<Vec<String>> = keys
            .into_iter()
            .zip(&kept)
            .filter_map(|(keys, &kept)| kept.then_some(keys))
            .collect();
        // Sized for their keys at the start: a table that grows hashes its
        // keys again and touches a new table at each step.
        let sized = |n: usize| FastMap::with_capacity_and_hasher(n, Default::default());
        let spellings: usize = keys.iter().map(Vec::len).sum();
        let mut by_surname: FastMap<String, Vec<usize>> = sized(all.person.len());
        let mut by_name: FastMap<String, Vec<usize>> = sized(spellings);
        let mut by_first: FastMap<String, Vec<usize>> = sized(spellings);
        for (i, (p, keys)) in all.person.iter().zip(keys).enumerate() {
            by_surname.entry(fold(&p.surname)).or_default().push(i);
            for form in &p.romanised {
                if let Some(surname) = p.surname_in(form) {
                    let list = by_surname.entry(fold(surname)).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
            for (n, key_of_n) in p.spellings().zip(keys) {
                let list = by_name.entry(key_of_n).or_default();
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
            organisations: all.organisation,
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
            office_index: OnceLock::new(),
            curated_by_initials: OnceLock::new(),
            curated_surnames: OnceLock::new(),
            surname_slips: crate::memo::Memo::new(super::slips::REMEMBERED_WORDS),
            pair_slips: crate::memo::Memo::new(super::slips::REMEMBERED_PAIRS),
        })
    }
}

/// Each person's kind of origin, and the romanisations of a native name.
fn set_origins(all: &mut KbFile) {
    let other_script: FastSet<&str> = all
        .script
        .iter()
        .flat_map(|s| &s.languages)
        .map(String::as_str)
        .collect();
    let forms: FastMap<&str, &Vec<String>> = all
        .spelling
        .iter()
        .map(|s| (s.native.as_str(), &s.forms))
        .collect();
    for p in &mut all.person {
        let romanised = p.native.as_deref().and_then(|n| forms.get(n));
        p.origin_kind = match p.origin.as_deref() {
            None => Origin::Transliterated,
            Some(_) if romanised.is_some() => Origin::Schemes,
            Some(code) if other_script.contains(code) => Origin::Transliterated,
            Some(_) => Origin::Latin,
        };
        if let Some(forms) = romanised {
            p.romanised = forms
                .iter()
                .filter(|f| **f != p.name && !p.variants.contains(f))
                .cloned()
                .collect();
        }
    }
}

/// Folded spelling → the key of its group (the group's first spelling).
fn first_forms(romanisations: &[Romanisation]) -> FastMap<String, String> {
    let forms = romanisations.iter().map(|r| r.forms.len()).sum();
    let mut out = FastMap::with_capacity_and_hasher(forms, Default::default());
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
