//! `title.wrong-office`: a title given to a name (`<Country adjective>
//! <office> <Name>`, `<Name>, <Country>'s <office>,`, `the <office>, <Name>,`) checked
//! against the offices the knowledge base says the person held:
//! "Russian President Lavrov" (he is Russia's foreign minister), "Foreign
//! Secretary James Cleverly" in an article of June 2024 (he left that office
//! in November 2023).
//!
//! The date is `--date`, else a labelled date in the article's first lines
//! ("date 2022-09-21", "Published: 2022-09-21"), else none. Without a date
//! only an office the person never held is flagged: an archived article
//! must not be judged by today's cabinet.

use crate::analysis::dates::article_date;
use crate::analysis::offices::resolve;
use crate::date::Date;
use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::kb::{Person, Term};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct WrongOffice;

static META: RuleMeta = RuleMeta::builtin(
    "title.wrong-office",
    Category::Title,
    Severity::Warning,
    "A known person given an office they did not hold at the article's date.",
    true,
);

/// Offices that the generated heads-of-state data covers for everyone in it.
const HEAD_OFFICES: [&str; 4] = ["president", "prime-minister", "chancellor", "monarch"];

/// How far a date may fall outside a term and still be taken as in it: an
/// article about a handover, or a date that is the scraping day.
const GRACE_DAYS: i64 = 14;

fn near(term: &Term, date: Date) -> bool {
    let d = date.days_since_epoch();
    term.from.days_since_epoch() - GRACE_DAYS <= d
        && term
            .to
            .is_none_or(|to| d < to.days_since_epoch() + GRACE_DAYS)
}

/// The years a sentence names ("In 2010, ...", "... in January 2006", "in
/// the 1980s"), each as its first and last day: a title in that sentence
/// may be that time's, whatever the article's date.
fn years_named(sentence: &str) -> Vec<(Date, Date)> {
    let bytes = sentence.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let before = sentence[..start].chars().next_back();
        // "1,990" and "3.2006" are numbers, "A2006" a code.
        if i - start != 4 || before.is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '.') {
            continue;
        }
        let Ok(year) = sentence[start..i].parse::<i32>() else {
            continue;
        };
        if !(1900..=2100).contains(&year) {
            continue;
        }
        let decade = sentence[i..].starts_with('s') && year % 10 == 0;
        if sentence[i..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() && !decade)
        {
            continue;
        }
        let last = if decade { year + 9 } else { year };
        if let (Some(from), Some(to)) = (Date::new(year, 1, 1), Date::new(last, 12, 31)) {
            out.push((from, to));
        }
    }
    out
}

/// Whether a term overlaps a span of time.
fn overlaps(term: &Term, (from, to): (Date, Date)) -> bool {
    term.from <= to && term.to.is_none_or(|end| from <= end)
}

fn office_label(office: &str) -> String {
    office.replace('-', " ")
}

impl Check for WrongOffice {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let kb = cx.kb();
        let text = doc.text;
        let date = cx.settings.date.or_else(|| article_date(text));
        for &mention in cx.analysis().title_mentions() {
            let office_m = mention.office;
            let start = mention.start;
            let end = mention.end;
            let country = mention.country;
            let offices = kb.offices_named(office_m.as_str());
            let words: Vec<&str> = mention.name.split_whitespace().collect();
            let people = resolve(kb, &words);
            if people.is_empty() || offices.is_empty() {
                continue;
            }
            let fits = |t: &Term| {
                offices.iter().any(|(id, implied)| {
                    t.office == *id
                        && country.is_none_or(|c| kb.country_within(&t.country, c))
                        && implied.is_none_or(|c| kb.country_within(&t.country, c))
                })
            };
            // A sentence that dates its own event ("In 2010, Prime
            // Minister Putin said") is judged at that time too.
            let years = match date {
                Some(_) => {
                    let at = doc
                        .sentences
                        .partition_point(|s| s.range.end().to_usize() <= start);
                    doc.sentences
                        .get(at)
                        .map_or_else(Vec::new, |s| years_named(doc.slice(s.range)))
                }
                None => Vec::new(),
            };
            let held = |p: &Person| {
                p.office.iter().any(|t| {
                    fits(t)
                        && (date.is_none_or(|d| near(t, d))
                            || years.iter().any(|&span| overlaps(t, span)))
                })
            };
            if people.iter().any(|p| held(p)) {
                continue;
            }
            // Only where the base knows all of the person's offices of this
            // kind can it say the title is wrong.
            let covered = people.iter().all(|p| {
                p.complete
                    || (p.source.is_some()
                        && offices.iter().all(|(id, _)| HEAD_OFFICES.contains(id))
                        && date.is_none_or(|d| kb.source_covers(p, d)))
            });
            if !covered {
                continue;
            }
            let [person] = people.as_slice() else {
                continue;
            };
            let office_range = TextRange::from_usize(office_m.start(), office_m.end());
            let flagged = TextRange::from_usize(start, end);
            let found = &text[start..end];
            let terms_here: Vec<&Term> = person
                .office
                .iter()
                .filter(|t| country.is_none_or(|c| kb.country_within(&t.country, c)))
                .collect();
            let now = match date {
                Some(d) => terms_here.iter().find(|t| near(t, d)).copied(),
                None => terms_here.iter().max_by_key(|t| t.from).copied(),
            };
            let said = office_m.as_str();
            let message = match (date, now) {
                (Some(d), Some(t)) => format!(
                    "In `{found}`, {} was not {said} on {d}: {} was {} of {} then",
                    person.name,
                    person.surname,
                    office_label(&t.office),
                    t.country
                ),
                (Some(d), None) => {
                    format!("In `{found}`, {} was not {said} on {d}", person.name)
                }
                (None, Some(t)) => format!(
                    "In `{found}`, {} never held that office; {} {} {} of {}",
                    person.name,
                    person.surname,
                    // A term that has ended is history.
                    if t.to.is_some() { "was" } else { "is" },
                    office_label(&t.office),
                    t.country
                ),
                (None, None) => format!("In `{found}`, {} never held that office", person.name),
            };
            let mut diagnostic = META.diagnostic(flagged, message);
            if let Some(t) = now {
                if let Some(phrase) = kb.office_phrase(&t.office, &t.country) {
                    let phrase = if said.starts_with(char::is_lowercase) {
                        phrase.to_lowercase()
                    } else {
                        phrase.to_owned()
                    };
                    diagnostic = diagnostic.with_fix(Fix::unsafe_(
                        format!("Write `{phrase}`"),
                        vec![Edit::replace(office_range, phrase)],
                    ));
                }
            }
            cx.report(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
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
}
