//! Surnames written alone that are a slip of a known person's ("Pompeop",
//! "Grinner’s"), found where the article supports the reading: a word one
//! slip from a surname is usually somebody else's name, or a word, unless
//! the article is about that person. `name.near-miss` reports them, and
//! `name.inconsistent` leaves them to it.

use crate::document::{Document, TokenKind};
use crate::kb::spelling::fold;
use crate::kb::{Kb, Person};
use crate::knowledge::Knowledge;
use crate::lexicon::{FastMap, FastSet};
use crate::text::{is_whole_word, TextRange};

/// What in the article ties a word to the person it is a slip for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tie {
    /// The article also writes the surname right: this form.
    Named(String),
    /// An office title the person held comes right before it.
    Title(String),
    /// The article names the person's country, or a word of their field.
    Topic(String),
    /// The article has another slip of the same surname.
    Twice(String),
}

/// A surname written alone as a slip of a known person's.
#[derive(Clone, Debug)]
pub struct SurnameSlip {
    pub range: TextRange,
    pub found: String,
    /// The person's index in [`Kb::people`].
    pub person: usize,
    /// The surname to write: the article's own right form, else the base's.
    pub right: String,
    pub tie: Tie,
}

/// A capitalised word of five letters or more and nothing else, without a
/// possessive `’s`.
fn bare_name(word: &str) -> Option<&str> {
    let word = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word);
    let mut chars = word.chars();
    (word.chars().count() >= 5
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase))
    .then_some(word)
}

/// Whether `needle` stands in `text` as whole words.
fn has_words(text: &str, needle: &str) -> bool {
    text.match_indices(needle)
        .any(|(i, m)| is_whole_word(text, i, i + m.len()))
}

/// One occurrence of a word.
#[derive(Clone, Copy)]
struct Use<'k> {
    range: TextRange,
    /// Opens a sentence or stands in a headline.
    opens: bool,
    /// A capitalised word before it (no honorific, no office title) or
    /// after it: the occurrence is part of a longer name ("Arye Mekel",
    /// "Peace Prize").
    in_longer_name: bool,
    /// The office title right before it ("Secretary of State Pompeop").
    title: Option<&'k str>,
}

/// Where a capitalised word stands: its sentence and its token there.
#[derive(Clone, Copy)]
struct At {
    sentence: usize,
    token: usize,
}

/// Every surname written alone that is a slip of one curated person's,
/// with what ties it to them. The cheap tests come first: most
/// capitalised words are known names or slip from no one's, and only the
/// others' occurrences are looked at closely.
pub fn surname_slips(doc: &Document, knowledge: &Knowledge) -> Vec<SurnameSlip> {
    let kb = knowledge.kb();
    let usual = knowledge.word_list("usually-lowercase");
    let common = |w: &str| usual.is_some_and(|u| u.contains(w.to_lowercase().as_str()));
    let mut lower: FastSet<&str> = FastSet::default();
    let mut words: FastMap<&str, Vec<At>> = FastMap::default();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        for (i, t) in doc.tokens[sentence.tokens.clone()].iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let text = doc.slice(t.range);
            if text.starts_with(char::is_lowercase) {
                lower.insert(text);
            } else if let Some(word) = bare_name(text) {
                words.entry(word).or_default().push(At {
                    sentence: index,
                    token: i,
                });
            }
        }
    }
    let honorifics = knowledge.lexicons().get("honorifics");
    // How the occurrence at `at` stands in its sentence.
    let use_at = |word: &str, at: At| -> Use {
        let tokens = &doc.tokens[doc.sentences[at.sentence].tokens.clone()];
        let (i, t) = (at.token, tokens[at.token]);
        let start = t.range.start().to_usize();
        let range = TextRange::from_usize(start, start + word.len());
        let opens_at = |j: usize| tokens[..j].iter().all(|t| t.kind == TokenKind::Punct);
        let opens = opens_at(i) || doc.is_headline_at(t.range.start());
        // A capitalised word of a name: no honorific, and no English word
        // that opens the sentence ("Later Pompeop said").
        let capital_word = |j: usize| {
            tokens.get(j).is_some_and(|n| {
                let w = doc.slice(n.range);
                n.kind == TokenKind::Word
                    && w.starts_with(char::is_uppercase)
                    && !honorifics.is_some_and(|h| h.contains(w))
                    && !(opens_at(j) && common(w))
            })
        };
        let spaced =
            |a: TextRange, b: TextRange| doc.slice(TextRange::new(a.end(), b.start())) == " ";
        let title = title_before(kb, &doc.text[..start]);
        let before =
            i > 0 && capital_word(i - 1) && spaced(tokens[i - 1].range, t.range) && title.is_none();
        let after = capital_word(i + 1) && spaced(t.range, tokens[i + 1].range);
        Use {
            range,
            opens,
            in_longer_name: before || after,
            title,
        }
    };
    let census = knowledge.word_list("census-surnames");
    let mut list: Vec<(&str, &Vec<At>)> = words.iter().map(|(w, at)| (*w, at)).collect();
    list.sort_unstable_by_key(|(_, at)| (at[0].sentence, at[0].token));
    let mut found: Vec<(&str, Vec<Use>, usize)> = Vec::new();
    for (word, at) in list {
        if kb.people_with_surname(word).next().is_some()
            || kb.people_with_first_name(word).next().is_some()
            || kb.is_place(word)
            || kb.is_country(word)
            || kb.country_of(word).is_some()
            || kb.is_known_wrong(word)
            || lower.contains(word.to_lowercase().as_str())
        {
            continue;
        }
        let mut people = kb.surname_slip_candidates(word);
        people.dedup();
        let [person] = people.as_slice() else {
            continue;
        };
        // A name written alone: not inside a longer name. An English word
        // is a name only inside a sentence ("the tall Greener"); at a
        // sentence's start or in a headline it is the word.
        let english = common(word);
        let uses: Vec<Use> = at.iter().map(|&at| use_at(word, at)).collect();
        if uses
            .iter()
            .any(|u| !(u.in_longer_name || (english && u.opens)))
        {
            found.push((word, uses, *person));
        }
    }
    let mut out = Vec::new();
    for (i, (word, uses, index)) in found.iter().enumerate() {
        let person = &kb.people[*index];
        let other_slip = || {
            found
                .iter()
                .enumerate()
                .find(|(j, (_, _, other))| *j != i && other == index)
                .map(|(_, (w, _, _))| *w)
        };
        let titles: Vec<&str> = uses.iter().filter_map(|u| u.title).collect();
        let Some(tie) = tie(doc, kb, person, &titles, other_slip) else {
            continue;
        };
        // An English word, or a surname common in the US census
        // ("Johnston" beside Johnson, "Anderson" beside Andersson), is
        // somebody else's name or the word unless the article writes the
        // person's own surname too, or slips on it twice.
        let english = common(word);
        let ordinary = english || census.is_some_and(|c| c.contains(fold(word).as_str()));
        if ordinary && !matches!(tie, Tie::Named(_) | Tie::Twice(_)) {
            continue;
        }
        let right = match &tie {
            Tie::Named(form) => form.clone(),
            _ => person.surname.clone(),
        };
        for u in uses
            .iter()
            .filter(|u| !(u.in_longer_name || (english && u.opens)))
        {
            out.push(SurnameSlip {
                range: u.range,
                found: (*word).to_owned(),
                person: *index,
                right: right.clone(),
                tie: tie.clone(),
            });
        }
    }
    out.sort_by_key(|s| s.range.start());
    out
}

/// What ties a slip of `person`'s surname to them in this article, if
/// anything.
fn tie<'a>(
    doc: &Document,
    kb: &Kb,
    person: &Person,
    titles: &[&str],
    other_slip: impl FnOnce() -> Option<&'a str>,
) -> Option<Tie> {
    let text = doc.text;
    if let Some(surname) = person.surnames().iter().find(|s| has_words(text, s)) {
        return Some(Tie::Named(surname.clone()));
    }
    // A title of the person's, of their country: the phrase implies it
    // ("Secretary of State") or the article names it.
    for term in &person.office {
        let country_named = names_country(kb, text, &term.country);
        for office in kb.offices.iter().filter(|o| o.id == term.office) {
            let implied = office.country.as_deref() == Some(term.country.as_str());
            if !implied && !country_named {
                continue;
            }
            if let Some(phrase) = office
                .phrases
                .iter()
                .find(|p| titles.iter().any(|t| t.eq_ignore_ascii_case(p)))
            {
                return Some(Tie::Title(phrase.clone()));
            }
        }
    }
    topic(kb, text, person).or_else(|| other_slip().map(|w| Tie::Twice(w.to_owned())))
}

/// What ties a person without an office to an article: the country they
/// are tied to in the news, or a word of their field ("WNBA"). An office
/// holder's country is no tie: an article that names Germany names many
/// people whose surname is one slip from Merkel's.
pub fn topic(kb: &Kb, text: &str, person: &Person) -> Option<Tie> {
    if let Some(country) = person
        .country
        .as_deref()
        .filter(|c| names_country(kb, text, c))
    {
        return Some(Tie::Topic(country.to_owned()));
    }
    person
        .context
        .iter()
        .find(|w| has_words(text, w))
        .map(|w| Tie::Topic(w.clone()))
}

/// Whether the text names a country, or writes one of its adjectives.
fn names_country(kb: &Kb, text: &str, country: &str) -> bool {
    kb.countries
        .iter()
        .filter(|c| c.name == country)
        .flat_map(|c| &c.adjectives)
        .map(String::as_str)
        .chain(std::iter::once(country))
        .any(|name| has_words(text, name))
}

/// The office phrase `before` ends with, followed by one space.
fn title_before<'k>(kb: &'k Kb, before: &str) -> Option<&'k str> {
    let before = before.strip_suffix(' ')?;
    kb.offices
        .iter()
        .flat_map(|o| &o.phrases)
        .find(|p| {
            before.len() >= p.len()
                && before.is_char_boundary(before.len() - p.len())
                && before[before.len() - p.len()..].eq_ignore_ascii_case(p)
                && !before[..before.len() - p.len()].ends_with(char::is_alphanumeric)
        })
        .map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slips(text: &str) -> Vec<(String, String)> {
        let knowledge = Knowledge::builtin();
        let doc = Document::new(text, knowledge.lexicons());
        surname_slips(&doc, &knowledge)
            .into_iter()
            .map(|s| (s.found, s.right))
            .collect()
    }

    #[test]
    fn a_slip_with_its_right_form_in_the_article() {
        assert_eq!(
            slips("Mike Pompeo spoke in Kyiv. Later Pompeop said aid would go on."),
            [("Pompeop".to_owned(), "Pompeo".to_owned())]
        );
    }

    #[test]
    fn a_slip_after_a_title_of_the_person() {
        assert_eq!(
            slips("The talks were led by Secretary of State Pompeio on Friday."),
            [("Pompeio".to_owned(), "Pompeo".to_owned())]
        );
    }

    #[test]
    fn no_tie_no_finding() {
        assert!(slips("The band played in Pompeio on Friday.").is_empty());
    }

    #[test]
    fn leaves_words_and_other_names_alone() {
        for text in [
            "Mike Pompeo met Lavrov. Greener pastures, he said.",
            "Sergei Lavrov met Lavrova, and the Bidens met in Lima.",
            "Mike Pompeo met Arye Pompeio and Pompeio Ltd in Rome.",
        ] {
            assert!(slips(text).is_empty(), "{text}: {:?}", slips(text));
        }
    }
}
