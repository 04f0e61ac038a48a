//! Tests of `title.wrong-office`.

use super::*;
use crate::rule::Settings;
use crate::rules::test::{assert_clean, assert_fixes};
use crate::source::Encoding;

fn on(date: &str, text: &str) -> Vec<String> {
    let settings = Settings {
        date: Some(date.parse().unwrap()),
        ..Settings::default()
    };
    crate::rules::test::run(&WrongOffice, text, &settings, Encoding::Utf8)
        .into_iter()
        .map(|d| d.message)
        .collect()
}

#[test]
fn flags_an_office_never_held() {
    assert_fixes(
        &WrongOffice,
        "Secretary of State Blinken and Russian President Lavrov face off at UN",
        "Secretary of State Blinken and Russian Foreign Minister Lavrov face off at UN",
    );
}

#[test]
fn flags_a_title_in_apposition() {
    assert_fixes(
        &WrongOffice,
        "Meanwhile Sergei Lavrov, Russia's president, said talks were over.",
        "Meanwhile Sergei Lavrov, Russia's foreign minister, said talks were over.",
    );
    assert_fixes(
        &WrongOffice,
        "He met Lavrov, the Russian prime minister, in Delhi.",
        "He met Lavrov, the Russian foreign minister, in Delhi.",
    );
    assert_fixes(
        &WrongOffice,
        "The country's president, Dmytro Kuleba, arrived.",
        "The country's foreign minister, Dmytro Kuleba, arrived.",
    );
    let found = on("2021-03-03", "He met Foreign Secretary Jeremy Hunt.");
    assert_eq!(found.len(), 1, "a name that ends a sentence: {found:?}");
    assert_fixes(
        &WrongOffice,
        "Ukraine's prime minister, Dmytro Kuleba, arrived.",
        "Ukraine's foreign minister, Dmytro Kuleba, arrived.",
    );
}

#[test]
fn flags_an_office_not_held_at_the_date() {
    let found = on(
        "2024-06-01",
        "Foreign Secretary James Cleverly met his counterpart.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("home secretary"), "{}", found[0]);
    assert!(on(
        "2022-09-21",
        "Foreign Secretary James Cleverly met his counterpart."
    )
    .is_empty());
}

#[test]
fn judges_a_title_at_the_year_its_sentence_names() {
    assert!(on(
        "2019-05-01",
        "In 2010, Russia's Prime Minister Putin met the miners."
    )
    .is_empty());
    assert!(on(
        "2023-11-06",
        "President George W. Bush named her to the court in January 2006."
    )
    .is_empty());
    assert!(on(
        "2024-02-01",
        "In the 2000s President George W. Bush came twice."
    )
    .is_empty());
    // A year in which the title was wrong too, and a year that is a
    // number: judged at the article's date.
    assert_eq!(
        on(
            "2019-05-01",
            "In 2003, Russia's Prime Minister Putin met the miners."
        )
        .len(),
        1
    );
    assert_eq!(
        on(
            "2019-05-01",
            "Russia's Prime Minister Putin met 2,010 miners."
        )
        .len(),
        1
    );
}

#[test]
fn middle_initials_tell_a_father_from_his_son() {
    // The knowledge base has George W. Bush only: George H.W. Bush is
    // another man, and no one it can judge.
    assert!(on("2023-11-06", "He said President George H.W. Bush called.").is_empty());
    assert_eq!(
        on("2012-01-01", "He said President George W. Bush called.").len(),
        1
    );
}

#[test]
fn a_curated_entry_replaces_the_generated_one() {
    // Cameron is in the Factbook as prime minister and curated with
    // both offices: one entry, so a title he did not hold is judged.
    let found = on("2015-03-01", "Foreign Secretary David Cameron spoke.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(on("2015-03-01", "Prime Minister David Cameron spoke.").is_empty());
    assert!(on("2024-01-10", "Foreign Secretary David Cameron spoke.").is_empty());
}

#[test]
fn generated_heads_are_not_judged_in_the_sources_gap() {
    // The Factbook archive has no 2018-2020 editions: Pashinyan shows
    // only his 2021 reappointment, Babis only his 2025 return.
    for (date, text) in [
        (
            "2019-06-01",
            "Armenian Prime Minister Nikol Pashinyan spoke.",
        ),
        ("2019-03-01", "Czech Prime Minister Andrej Babis spoke."),
        ("2019-08-01", "Moldovan Prime Minister Maia Sandu spoke."),
        (
            "2019-01-01",
            "Slovak Prime Minister Peter Pellegrini spoke.",
        ),
        (
            "2021-06-01",
            "Armenian Prime Minister Nikol Pashinyan spoke.",
        ),
    ] {
        assert!(on(date, text).is_empty(), "{date}: {text}");
    }
    // Outside the gap the same facts decide.
    assert_eq!(
        on(
            "2023-06-01",
            "Slovak Prime Minister Peter Pellegrini spoke."
        )
        .len(),
        1
    );
}

#[test]
fn a_first_name_is_not_taken_for_a_surname() {
    // "Martin" is Paul Martin's surname, not Vizcarra's.
    assert!(on("2019-06-01", "President Martin Vizcarra spoke.").is_empty());
    assert!(on(
        "2018-07-01",
        "Turkish President Recep Tayyip Erdogan spoke."
    )
    .is_empty());
}

#[test]
fn a_common_family_name_alone_names_no_one() {
    // Park Geun-hye left office in 2017; "President Park" in 2025 may
    // be any Park. With the given name, the base decides.
    assert!(on("2025-09-01", "President Park spoke to Premier Li.").is_empty());
    assert_eq!(on("2025-09-01", "President Park Geun-hye spoke.").len(), 1);
    // A family name news uses alone for one leader is still judged.
    assert_eq!(on("2023-06-01", "Chinese Premier Xi spoke.").len(), 1);
}

#[test]
fn judges_ministers_named_family_name_first_or_with_particles() {
    for (date, text) in [
        (
            "2023-03-01",
            "South Korean Foreign Minister Park Jin spoke.",
        ),
        ("2019-05-01", "Defense Minister Jeong Kyeong-doo spoke."),
        (
            "2023-05-01",
            "Saudi Defense Minister Khalid bin Salman spoke.",
        ),
        (
            "2020-05-01",
            "Saudi Defense Minister Mohammed bin Salman spoke.",
        ),
        (
            "2024-02-01",
            "Saudi Prime Minister Mohammed bin Salman spoke.",
        ),
        (
            "2021-11-01",
            "Austrian Chancellor Alexander Schallenberg spoke.",
        ),
        (
            "2023-03-01",
            "Austrian Foreign Minister Alexander Schallenberg spoke.",
        ),
    ] {
        assert!(on(date, text).is_empty(), "{date}: {text}");
    }
    for (date, text) in [
        (
            "2023-03-01",
            "South Korean Defense Minister Park Jin spoke.",
        ),
        (
            "2023-05-01",
            "Saudi Defense Minister Mohammed bin Salman spoke.",
        ),
        (
            "2023-03-01",
            "Austrian Chancellor Alexander Schallenberg spoke.",
        ),
    ] {
        assert_eq!(on(date, text).len(), 1, "{date}: {text}");
    }
}

#[test]
fn an_institution_is_judged_within_its_union() {
    for text in [
        "EU President Ursula von der Leyen spoke.",
        "EU Commission President von der Leyen spoke.",
        "European Council President Charles Michel spoke.",
    ] {
        assert!(on("2022-05-01", text).is_empty(), "{text}");
    }
    // A name with particles is read whole, and judged.
    let found = on(
        "2022-05-01",
        "European Council President Ursula von der Leyen spoke.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("Ursula von der Leyen"), "{}", found[0]);
}

#[test]
fn allows_right_titles() {
    for text in [
        "Russian President Vladimir Putin and Russian Foreign Minister Sergey Lavrov.",
        "Indian Foreign Minister Subrahmanyam Jaishankar and Chinese Foreign Minister Wang Yi.",
        "US Secretary of State Anthony Blinken and Ukrainian foreign minister Dmytro Kuleba.",
        "Slovakian President Zuzana Caputova and UN Secretary-General Antonio Guterres.",
        "Belarusian Foreign Minister Vladimir Makei and French Foreign Minister Catherine Colonna.",
        "former Foreign Secretary James Cleverly; Deputy Prime Minister Lavrov Smith.",
        "President Biden and Prime Minister Narendra Modi; President Putin Warns West.",
        "Russian Foreign Ministry spokeswoman Maria Zakharova said so.",
        "Sergei Lavrov, Russia's foreign minister, and Vladimir Putin, the Russian president, met.",
        "The country's foreign minister, Dmytro Kuleba, and Lavrov, the former president of nothing.",
        "Lavrov, the former prime minister's guest, spoke; Russia's president, Vladimir Putin, too.",
        "Kuleba, the president of the debating society, spoke.",
        "Kuleba briefed the president, Blinken said; present were Lavrov, the president and the premier.",
        "Chancellor Rishi Sunak and Chancellor Jeremy Hunt presented budgets.",
    ] {
        assert_clean(&WrongOffice, text);
    }
}
