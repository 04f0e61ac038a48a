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
use crate::kb::{Kb, Person, Term};
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

/// The one person the base knows to have held an office the title names
/// on `day`, of the title's country, else of the country the phrase
/// implies, else of the country where `person` held it.
fn holder_of<'k>(
    kb: &'k Kb,
    person: &Person,
    offices: &[(&str, Option<&str>)],
    country: Option<&str>,
    day: Date,
) -> Option<&'k Person> {
    let mut found: Vec<&Person> = Vec::new();
    for &(id, implied) in offices {
        let Some(of) = country.or(implied).or_else(|| {
            person
                .office
                .iter()
                .find(|t| t.office == id)
                .map(|t| t.country.as_str())
        }) else {
            continue;
        };
        // Generated records miss the short terms between two editions of
        // their source: only a curated holder is named.
        found.extend(kb.people.iter().filter(|p| {
            p.source.is_none()
                && p.office
                    .iter()
                    .any(|t| t.office == id && kb.country_within(&t.country, of) && t.covers(day))
        }));
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found.dedup_by(|a, b| a.name == b.name);
    match found.as_slice() {
        [one] if one.name != person.name => Some(*one),
        _ => None,
    }
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
            // kind can it say the title is wrong; or where the title names a
            // country that none of the person's known offices were of (the
            // president of Timor-Leste was no minister of Russia's).
            let foreign = |p: &Person| {
                country.is_some_and(|c| {
                    !p.office.is_empty()
                        && p.office.iter().all(|t| !kb.country_within(&t.country, c))
                })
            };
            let covered = people.iter().all(|p| {
                p.complete
                    || foreign(p)
                    || (p.source.is_some()
                        && offices.iter().all(|(id, _)| HEAD_OFFICES.contains(id))
                        && date.is_none_or(|d| kb.source_covers(p, d)))
            });
            if !covered {
                continue;
            }
            // A surname two people share: the one curated for the news.
            let curated: Vec<&Person> = people
                .iter()
                .copied()
                .filter(|p| p.source.is_none())
                .collect();
            let person = match (people.as_slice(), curated.as_slice()) {
                ([person], _) | (_, [person]) => *person,
                _ => continue,
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
            // Neither the office nor any other of that country's fits the
            // person then: the name may be the wrong one ("Russian Foreign
            // Minister Guterres", "Vice President Mike Pence" in 2025), and
            // the base may know who held the office.
            let holder = match (date, now) {
                (Some(d), None) => holder_of(kb, person, &offices, country, d),
                _ => None,
            };
            let message = match holder {
                Some(h) => format!("{message}; {} was {said} then", h.name),
                None => message,
            };
            let mut diagnostic = META.diagnostic(flagged, message);
            if let Some(h) = holder {
                let at = mention.name.as_ptr() as usize - text.as_ptr() as usize;
                let name_range = TextRange::from_usize(at, at + mention.name.len());
                let written = if words.len() == 1 {
                    &h.surname
                } else {
                    &h.name
                };
                diagnostic = diagnostic.with_fix(Fix::unsafe_(
                    format!("Write `{written}`, who held the office then"),
                    vec![Edit::replace(name_range, written.clone())],
                ));
            }
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
mod tests;
