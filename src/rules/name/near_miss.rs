//! `name.near-miss`: a name one slip away from a person in the knowledge
//! base, when the rest agrees: the surname is right and the first name is
//! near ("Ulmas Reinsalu") or garbled before a surname no one else has
//! ("Rusni Sunak"), the first name is right and the surname near ("Denys
//! Shmyal", "Jens Stoltenbreg"), or both are near and the whole is very
//! close ("Subramaniam Jashankar", "Britney Greiner").
//!
//! What counts as near depends on where the name comes from (its
//! `origin`): a name written in the Latin script at its origin has no
//! variants, so "Justyn Trudeau" and "Antony Blynken" are slips; a
//! Russian or Ukrainian name has the spellings of its language's
//! romanisation schemes (`rules/kb/generated/romanised.toml`) and its
//! listed variants, and "Denis Shmygal" is no scheme's; other names are
//! compared as transliterations (kh/h, y/i/j, ts/c, doubled letters).
//!
//! It also reports a surname written alone one slip from a curated
//! person's when the article ties it to them (`analysis::surnames`:
//! "Pompeop" beside "Pompeo", "Grinner" in a text about the WNBA), and an
//! organisation's acronym with two letters swapped ("WBNA"). The fix is a
//! "did you mean" (unsafe).

use crate::analysis::dates::article_date;
use crate::analysis::surnames::{self, Tie};
use crate::diagnostic::{Category, Edit, Fix, Safety, Severity};
use crate::document::{Document, TokenKind};
use crate::kb::spelling::{fold, initial, probe_slips, Part, Probe};
use crate::kb::{describe_on, Kb, PairSlip, Person};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

use crate::lexicon::FastMap;

pub struct NearMiss;

static META: RuleMeta = RuleMeta::builtin(
    "name.near-miss",
    Category::Name,
    Severity::Warning,
    "A name one slip away from a person in the knowledge base, when the rest of the name agrees.",
    true,
);

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '’' || c == '\'')
}

/// Whether `found` is a first name garbled beyond a slip ("Rusni" for
/// "Rishi"): two edits at most, the same first letter, about the length.
/// `right`: the folded spellings.
fn garbled(found: &str, right: &[String]) -> bool {
    let found = fold(found);
    right.iter().any(|r| {
        initial(r) == initial(&found)
            && r.chars().count().abs_diff(found.chars().count()) <= 1
            && strsim::damerau_levenshtein(&found, r) <= 2
    })
}

/// The one person `first last` is a slip for, if any.
fn slip_for<'k>(kb: &'k Kb, first: &str, last: &str, full: &str) -> Option<&'k Person> {
    if kb.people_named(full).next().is_some() || kb.is_known_wrong(full) {
        return None;
    }
    let mut matches: Vec<&Person> = Vec::new();
    let (first_probe, last_probe) = (Probe::new(first), Probe::new(last));
    // The surname is right, the first name slipped.
    if first.chars().count() >= 4 {
        matches.extend(
            kb.people_with_surname(last)
                .filter(|p| probe_slips(p, Part::FirstName, &first_probe)),
        );
    }
    // The first name is right, the surname slipped.
    if last.chars().count() >= 5 {
        matches.extend(kb.people_with_first_name(first).filter(|p| {
            p.surname.chars().count() >= 5 && probe_slips(p, Part::Surname, &last_probe)
        }));
    }
    // Both slipped, and the whole is very close (curated people).
    let bucket = initial(first)
        .zip(initial(last))
        .and_then(|key| kb.curated_by_initials().get(&key));
    if let (true, Some(bucket)) = (matches.is_empty(), bucket) {
        let folded = fold(full);
        matches.extend(
            bucket
                .iter()
                .filter(|c| {
                    let person = &kb.people[c.person];
                    probe_slips(person, Part::FirstName, &first_probe)
                        && probe_slips(person, Part::Surname, &last_probe)
                        && c.folded
                            .iter()
                            .any(|f| strsim::jaro_winkler(&folded, f) >= 0.9)
                })
                .map(|c| &kb.people[c.person]),
        );
    }
    // A first name garbled beyond a slip, before a surname that one
    // curated person has and that names no one else ("Rusni Sunak"): the
    // first name must be no one's in the base.
    if matches.is_empty()
        && first.chars().count() >= 4
        && last.chars().count() >= 5
        && !kb.is_common_surname(last)
        && kb.people_with_first_name(first).next().is_none()
    {
        let people: Vec<&Person> = kb.people_with_surname(last).collect();
        if let [person] = people.as_slice() {
            if person.source.is_none() && garbled(first, &person.first_name_part().folded) {
                matches.push(person);
            }
        }
    }
    matches.sort_by(|x, y| x.name.cmp(&y.name));
    matches.dedup_by(|x, y| x.name == y.name);
    match matches.as_slice() {
        [person] => Some(person),
        _ => None,
    }
}

/// The one curated person `first last` may be a garbled form of: the
/// first name right or a slip of theirs, the surname two edits off
/// ("Britney Greene"). It is, in an article about them (their field or
/// country, see [`surnames::topic`]): in a text about the WNBA.
fn garbled_candidate<'k>(kb: &'k Kb, first: &str, last: &str) -> Option<&'k Person> {
    let full = format!("{first} {last}");
    if last.chars().count() < 5
        || kb.people_with_surname(last).next().is_some()
        || kb.is_known_wrong(&full)
    {
        return None;
    }
    let folded = fold(&full);
    let first_probe = Probe::new(first);
    let folded_first = fold(first);
    let key = initial(first).zip(initial(last))?;
    let mut found: Vec<&Person> = kb
        .curated_by_initials()
        .get(&key)?
        .iter()
        .filter(|c| {
            let p = &kb.people[c.person];
            (p.first_name_part().folded.contains(&folded_first)
                || probe_slips(p, Part::FirstName, &first_probe))
                && garbled(last, &p.surname_part().folded)
                && c.folded
                    .iter()
                    .any(|s| strsim::jaro_winkler(&folded, s) >= 0.85)
        })
        .map(|c| &kb.people[c.person])
        .collect();
    found.dedup_by(|a, b| a.name == b.name);
    match found.as_slice() {
        [person] => Some(person),
        _ => None,
    }
}

/// What a pair of words is a slip of, against the base alone: asked once
/// per pair and run (see [`Kb::pair_slip`]).
fn pair_slip(kb: &Kb, first: &str, last: &str) -> PairSlip {
    let full = format!("{first} {last}");
    kb.pair_slip(&full, || {
        let slip = slip_for(kb, first, last, &full).and_then(|p| kb.index_of(p));
        PairSlip {
            slip,
            garbled: slip
                .is_none()
                .then(|| garbled_candidate(kb, first, last))
                .flatten()
                .and_then(|p| kb.index_of(p)),
        }
    })
}

impl Check for NearMiss {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let kb = cx.kb();
        let tokens = &doc.tokens;
        let date = cx.settings.date.or_else(|| article_date(doc.text));
        let mut reported: Vec<TextRange> = Vec::new();
        let mut memo: FastMap<(&str, &str), Option<&Person>> = FastMap::default();
        for pair in tokens.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
                continue;
            }
            // One space between the two words.
            if doc.slice(TextRange::new(a.range.end(), b.range.start())) != " " {
                continue;
            }
            let (first, last) = (doc.slice(a.range), doc.slice(b.range));
            if !is_name_word(first) || !is_name_word(last) || last.chars().count() < 4 {
                continue;
            }
            // An article repeats its names: each pair is judged once.
            let found = *memo.entry((first, last)).or_insert_with(|| {
                let PairSlip { slip, garbled } = pair_slip(kb, first, last);
                let garbled = garbled
                    .map(|i| &kb.people[i])
                    .filter(|p| surnames::topic(kb, doc.text, p).is_some());
                slip.map(|i| &kb.people[i]).or(garbled)
            });
            let Some(person) = found else {
                continue;
            };
            let full = format!("{first} {last}");
            let range = TextRange::new(a.range.start(), b.range.end());
            if cx.analysis().on_house_form(range) {
                continue;
            }
            reported.push(range);
            cx.report(
                META.diagnostic(
                    range,
                    format!(
                        "`{full}` looks like a slip for `{}` ({})",
                        person.name,
                        describe_on(person, date)
                    ),
                )
                .with_fix(cx.knowledge().name_fix(
                    format!("Did you mean `{}`?", person.name),
                    Safety::Unsafe,
                    range,
                    person.name.clone(),
                )),
            );
        }
        // An acronym with two letters swapped ("WBNA").
        for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = doc.slice(t.range);
            let Some(org) = kb.swapped_acronym(word) else {
                continue;
            };
            let message = format!(
                "`{word}` looks like `{}` ({}) with two letters swapped",
                org.acronym, org.name
            );
            let fix = Fix::unsafe_(
                format!("Did you mean `{}`?", org.acronym),
                vec![Edit::replace(t.range, org.acronym.clone())],
            );
            cx.report(META.diagnostic(t.range, message).with_fix(fix));
        }
        for slip in cx.analysis().surname_slips(doc) {
            if reported.iter().any(|r| r.contains_range(slip.range))
                || cx.analysis().on_house_form(slip.range)
            {
                continue;
            }
            let person = &kb.people[slip.person];
            let because = match &slip.tie {
                Tie::Named(form) => format!("the article also writes `{form}`"),
                Tie::Title(title) => format!("after the title `{title}`"),
                Tie::Topic(word) => format!("the article names `{word}`"),
                Tie::Twice(other) => format!("the article also has `{other}`"),
            };
            let message = format!(
                "`{}` looks like a slip for `{}` ({}, {}); {because}",
                slip.found,
                slip.right,
                person.name,
                describe_on(person, date)
            );
            let fix = cx.knowledge().name_fix(
                format!("Did you mean `{}`?", slip.right),
                Safety::Unsafe,
                slip.range,
                slip.right.clone(),
            );
            cx.report(META.diagnostic(slip.range, message).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests;
