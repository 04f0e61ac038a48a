//! Tests of the knowledge base: the built-in files load alike from TOML
//! and from their build-time image, are consistent and sorted, and
//! generate the expected forms.

use super::model::KbFile;

use super::*;
use crate::embedded::KB_FILES;

/// The office index skips an empty phrase, where the regex it replaced
/// would have matched one everywhere: the base has none.
#[test]
fn office_phrases_countries_and_adjectives_are_not_empty() {
    let kb = Kb::builtin();
    for office in &kb.offices {
        assert!(
            office.phrases.iter().all(|p| !p.trim().is_empty()),
            "{}",
            office.id
        );
    }
    for country in &kb.countries {
        assert!(!country.name.trim().is_empty());
        assert!(
            country.adjectives.iter().all(|a| !a.trim().is_empty()),
            "{}",
            country.name
        );
    }
}

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

/// Everything the base holds, in an order that does not depend on hashing
/// (the people without the name forms their first comparison derives).
fn contents(kb: &Kb) -> String {
    let sorted = |map: &FastMap<String, Vec<usize>>| {
        let mut entries: Vec<_> = map.iter().collect();
        entries.sort();
        format!("{entries:?}")
    };
    let sorted_set = |set: &FastSet<String>| {
        let mut entries: Vec<_> = set.iter().collect();
        entries.sort();
        format!("{entries:?}")
    };
    let people: Vec<String> = kb
        .people
        .iter()
        .map(|p| {
            format!(
                "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {} {:?} {:?} {:?}",
                p.name,
                p.surname,
                p.variants,
                p.misspellings,
                p.origin,
                p.native,
                p.context,
                p.country,
                p.romanised,
                p.origin_kind,
                p.complete,
                p.check,
                p.source,
                p.office
            )
        })
        .collect();
    let mut first_forms: Vec<_> = kb.first_forms.iter().collect();
    first_forms.sort();
    [
        people.join("\n"),
        format!("{:?}", kb.organisations),
        format!("{:?}", kb.places),
        format!("{:?}", kb.offices),
        format!("{:?}", kb.countries),
        format!("{:?}", kb.digit_names),
        format!("{:?}", kb.gaps),
        format!("{:?}", kb.wrong_forms),
        sorted(&kb.by_surname),
        sorted(&kb.by_name),
        sorted(&kb.by_first),
        sorted_set(&kb.wrong_set),
        sorted_set(&kb.place_names),
        sorted_set(&kb.country_names),
        sorted_set(&kb.common_surnames),
        format!("{first_forms:?}"),
    ]
    .join("\n")
}

/// The build-time image holds the records the TOML files do: the base
/// built from either is the same.
#[test]
fn image_and_toml_load_alike() {
    let toml = Kb::load(KB_FILES).unwrap();
    let image = Kb::load_image(crate::embedded::KB_IMAGE).unwrap();
    assert!(toml.people.len() > 1000 && !toml.wrong_forms.is_empty());
    let (toml, image) = (contents(&toml), contents(&image));
    assert!(toml == image, "the image differs from the TOML files");
}

/// The image writes a date as numbers, TOML as text; both read back the
/// same terms, with or without an end, and the image's numbers are held to
/// the calendar.
#[test]
fn dates_read_alike_from_text_and_numbers() {
    let text = "[[person]]\nname = \"Anna Ivanova\"\nsurname = \"Ivanova\"\n\
                office = [{ country = \"X\", office = \"y\", from = \"2020-02-29\" },\
                { country = \"X\", office = \"z\", from = \"2019-01-01\", to = \"2020-02-29\" }]\n";
    let file: KbFile = toml::from_str(text).unwrap();
    let image = postcard::to_allocvec(&file).unwrap();
    let read: KbFile = postcard::from_bytes(&image).unwrap();
    assert_eq!(format!("{:?}", read.person), format!("{:?}", file.person));
    let leap = crate::date::Date::new(2020, 2, 29);
    assert_eq!(read.person[0].office[0].from, leap.unwrap());
    assert_eq!(read.person[0].office[1].to, leap);
    let at = image
        .windows(4)
        .position(|w| w == [0xC8, 0x1F, 2, 29])
        .expect("2020 as a varint");
    let mut bad = image.clone();
    bad[at + 3] = 30;
    assert!(
        postcard::from_bytes::<KbFile>(&bad).is_err(),
        "no 30 February"
    );
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

#[test]
fn a_pair_is_worked_out_once_per_base() {
    let image = |kb: Result<Kb, KbError>| kb.expect("the built-in image loads");
    let (kb, other) = (
        image(Kb::load_image(crate::embedded::KB_IMAGE)),
        image(Kb::load_image(crate::embedded::KB_IMAGE)),
    );
    let calls = std::cell::Cell::new(0);
    let ask = |kb: &Kb, answer: PairSlip| {
        kb.pair_slip("Antony Blynken", || {
            calls.set(calls.get() + 1);
            answer
        })
    };
    let first = PairSlip {
        slip: Some(0),
        garbled: None,
    };
    assert_eq!(ask(&kb, first), first);
    assert_eq!(ask(&kb, PairSlip::default()), first);
    assert_eq!(calls.get(), 1);
    // Another base has its own answers.
    assert_eq!(ask(&other, PairSlip::default()), PairSlip::default());
    assert_eq!(calls.get(), 2);
}

#[test]
fn a_surname_slip_is_found_and_remembered_alike() {
    let kb = Kb::builtin();
    let people = kb.surname_slip_candidates("Pompeop");
    assert!(
        people.iter().any(|&i| kb.people[i].surname == "Pompeo"),
        "{people:?}"
    );
    assert_eq!(kb.surname_slip_candidates("Pompeop"), people);
    assert!(kb.surname_slip_candidates("Pompeo").is_empty());
}
