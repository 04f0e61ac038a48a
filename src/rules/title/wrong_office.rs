//! `title.wrong-office`: `<Country adjective> <office> <Name>` checked
//! against the offices the knowledge base says the person held:
//! "Russian President Lavrov" (he is Russia's foreign minister), "Foreign
//! Secretary James Cleverly" in an article of June 2024 (he left that office
//! in November 2023).
//!
//! The date is `--date`, else a labelled date in the article's first lines
//! ("date 2022-09-21", "Published: 2022-09-21"), else none. Without a date
//! only an office the person never held is flagged: an archived article
//! must not be judged by today's cabinet.

use std::sync::OnceLock;

use regex::Regex;

use crate::date::Date;
use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::kb::{fold, Kb, Person, Term};
use crate::lexicon;
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

fn pattern(kb: &Kb) -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut adjectives: Vec<String> = kb
            .countries
            .iter()
            .flat_map(|c| c.adjectives.iter().map(|a| regex::escape(a)))
            .collect();
        adjectives.sort_by_key(|a| std::cmp::Reverse(a.len()));
        let mut phrases: Vec<String> = Vec::new();
        for office in &kb.offices {
            for p in &office.phrases {
                let lower = p.to_lowercase();
                let mut first_cap = lower.clone();
                if let Some(f) = first_cap.get_mut(0..1) {
                    f.make_ascii_uppercase();
                }
                for form in [p.clone(), lower, first_cap] {
                    let escaped = regex::escape(&form);
                    if !phrases.contains(&escaped) {
                        phrases.push(escaped);
                    }
                }
            }
        }
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        let name = r"\p{Lu}[\p{L}’'.-]*";
        let source = format!(
            // ASCII word boundaries keep the pattern on the fast DFA: the
            // adjectives and office names are ASCII.
            r"(?:(?-u:\b)(?P<adj>{})\s+)?(?-u:\b)(?P<office>{})\s+(?P<name>{name}(?:\s+{name}){{0,2}})",
            adjectives.join("|"),
            phrases.join("|"),
        );
        Regex::new(&source).expect("the office pattern compiles")
    })
}

/// A labelled date near the top of the article: "date 2022-09-21",
/// "Published: 2022-09-21". A bare date in a page header may be the day the
/// page was scraped, so it is not taken.
pub fn article_date(text: &str) -> Option<Date> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:date|published|posted|updated)\b:?\s+(\d{4}-\d{2}-\d{2})\b")
            .expect("a valid regex")
    });
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    re.captures(&head).and_then(|c| c[1].parse().ok())
}

fn near(term: &Term, date: Date) -> bool {
    let d = date.days_since_epoch();
    term.from.days_since_epoch() - GRACE_DAYS <= d
        && term
            .to
            .is_none_or(|to| d < to.days_since_epoch() + GRACE_DAYS)
}

/// `<Adjective>? <office> <Name>` in a text.
pub struct Mention<'t> {
    /// Where the mention starts (the adjective, else the office).
    pub start: usize,
    pub office: regex::Match<'t>,
    pub name: regex::Match<'t>,
    /// The country the adjective names.
    pub country: Option<&'static str>,
}

/// Every office title followed by a name, without those after "former",
/// "Deputy" and the like, or after an adjective that names no country.
pub fn mentions<'t>(kb: &'static Kb, text: &'t str) -> Vec<Mention<'t>> {
    let modifiers = lexicon::builtin().get("office-modifiers");
    let mut out = Vec::new();
    for caps in pattern(kb).captures_iter(text) {
        let office = caps.name("office").expect("the group is not optional");
        let name = caps.name("name").expect("the group is not optional");
        let adjective = caps.name("adj");
        let start = adjective.map_or(office.start(), |a| a.start());
        // "former President", "Deputy Prime Minister", "ex-President".
        let before = text[..start].trim_end_matches([' ', '-']);
        let previous_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if modifiers.is_some_and(|m| m.contains(previous_word)) {
            continue;
        }
        let country = adjective.and_then(|a| kb.country_of(a.as_str()));
        if adjective.is_some() && country.is_none() {
            continue;
        }
        out.push(Mention {
            start,
            office,
            name,
            country,
        });
    }
    out
}

/// The people a name after an office title refers to.
pub fn resolve<'k>(kb: &'k Kb, words: &[&str]) -> Vec<&'k Person> {
    for n in (2..=words.len()).rev() {
        let full = words[..n].join(" ");
        let found: Vec<&Person> = kb.people_named(&full).collect();
        if !found.is_empty() {
            return found;
        }
    }
    // `Lavrov`, or `Sergey Lavrov` with a given name the base spells
    // differently: the surname decides if the given name agrees.
    for (i, word) in words.iter().enumerate().take(3) {
        let found: Vec<&Person> = kb.people_with_surname(word).collect();
        if found.is_empty() {
            continue;
        }
        if i == 0 {
            return found;
        }
        let given = fold(words[0]);
        return found
            .into_iter()
            .filter(|p| {
                std::iter::once(&p.name).chain(&p.variants).any(|n| {
                    n.split_whitespace()
                        .next()
                        .is_some_and(|f| strsim::jaro_winkler(&fold(f), &given) >= 0.85)
                })
            })
            .collect();
    }
    Vec::new()
}

fn office_label(office: &str) -> String {
    office.replace('-', " ")
}

impl Check for WrongOffice {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let kb = Kb::builtin();
        let text = doc.text;
        let date = cx.settings.date.or_else(|| article_date(text));
        for mention in mentions(kb, text) {
            let office_m = mention.office;
            let name_m = mention.name;
            let start = mention.start;
            let country = mention.country;
            let offices = kb.offices_named(office_m.as_str());
            let words: Vec<&str> = name_m.as_str().split_whitespace().collect();
            let people = resolve(kb, &words);
            if people.is_empty() || offices.is_empty() {
                continue;
            }
            let fits = |t: &Term| {
                offices.iter().any(|(id, implied)| {
                    t.office == *id
                        && country.is_none_or(|c| t.country == c)
                        && implied.is_none_or(|c| t.country == c)
                })
            };
            let held = |p: &Person| {
                p.office
                    .iter()
                    .any(|t| fits(t) && date.is_none_or(|d| near(t, d)))
            };
            if people.iter().any(|p| held(p)) {
                continue;
            }
            // Only where the base knows all of the person's offices of this
            // kind can it say the title is wrong.
            let covered = people.iter().all(|p| {
                p.complete
                    || (p.source.is_some()
                        && offices.iter().all(|(id, _)| HEAD_OFFICES.contains(id)))
            });
            if !covered {
                continue;
            }
            let [person] = people.as_slice() else {
                continue;
            };
            let office_range = TextRange::from_usize(office_m.start(), office_m.end());
            let flagged = TextRange::from_usize(start, name_m.end());
            let found = &text[start..name_m.end()];
            let terms_here: Vec<&Term> = person
                .office
                .iter()
                .filter(|t| country.is_none_or(|c| t.country == c))
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
                    "In `{found}`, {} never held that office; {} is {} of {}",
                    person.name,
                    person.surname,
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

    fn on(date: &str, text: &str) -> Vec<String> {
        let doc = Document::new(text);
        let settings = Settings {
            date: Some(date.parse().unwrap()),
        };
        let mut cx = Context::new(&settings, None);
        WrongOffice.check(&doc, &mut cx);
        cx.into_diagnostics()
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
    fn reads_a_labelled_date_from_the_article() {
        assert_eq!(
            article_date(" date 2022-09-21 Contributors\nPolitics"),
            Some("2022-09-21".parse().unwrap())
        );
        assert_eq!(article_date("Scraped 2024-01-01 12:00\nText"), None);
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
        ] {
            assert_clean(&WrongOffice, text);
        }
    }
}
