//! Office titles given to names ("Russian President Lavrov", "Sergei
//! Lavrov, Russia's foreign minister,"), and the people a name after a
//! title refers to: what the title rules share.

use crate::kb::offices::{Shape, Span};
use crate::kb::{fold, Kb, Person};
use crate::knowledge::Knowledge;

/// A title given to a name in a text.
#[derive(Clone, Copy, Debug)]
pub struct Mention<'t> {
    /// Where the mention starts and ends (title and name).
    pub start: usize,
    pub end: usize,
    pub office: Phrase<'t>,
    pub name: &'t str,
    /// The country the adjective or the possessive names.
    pub country: Option<&'t str>,
}

/// The office phrase of a mention, as written.
#[derive(Clone, Copy, Debug)]
pub struct Phrase<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Phrase<'t> {
    fn new(text: &'t str, span: Span) -> Self {
        Self {
            text,
            start: span.start,
            end: span.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// Every office title given to a name, without those after "former",
/// "Deputy" and the like, or with an adjective that names no country.
pub fn mentions<'t>(knowledge: &'t Knowledge, text: &'t str) -> Vec<Mention<'t>> {
    let kb = knowledge.kb();
    let mut out = Vec::new();
    // A text that names no office (most lines an editor lints alone)
    // needs no more.
    if !kb.office_prefilter().get().is_match(text) {
        return out;
    }
    let modifiers = knowledge.lexicons().get("office-modifiers");
    let slice = |span: Span| &text[span.start..span.end];
    for title in kb.office_index().titles(text) {
        let office = title.office;
        let name = Phrase::new(text, title.name);
        let adjective = title.adjective.or(title.country);
        let name_first = title.shape == Shape::NameFirst;
        // A name before its title may follow other capitalised words
        // ("Meanwhile Sergei Lavrov, Russia's ..."): the last words that
        // name someone are the name.
        let (name_start, name) = if name_first {
            // "... in Kyiv. Sergei Lavrov, Russia's ...": the name starts
            // after the sentence end.
            let from = after_sentence_end(name.as_str());
            let words = &name.as_str()[from..];
            if words.is_empty() {
                continue;
            }
            let (start, found) = trailing_name(kb, words);
            (name.start() + from + start, found)
        } else {
            (name.start(), before_sentence_end(name.as_str()))
        };
        let start = if name_first {
            name_start
        } else {
            title.whole.start
        };
        // An apposition is closed by punctuation: "the president, Blinken
        // said" and "Lavrov, the president and the premier" are a clause
        // and a list, and "Kuleba, the president of the debating society"
        // names another office.
        let apposition = title.shape != Shape::TitleFirst;
        let closed_at = if name_first {
            title.whole.end
        } else {
            name_start + name.len()
        };
        if apposition && !text[closed_at..].starts_with([',', '.', ';', ')', '\n']) {
            continue;
        }
        // "former President", "Deputy Prime Minister", "ex-President".
        let title_start = adjective
            .map_or(office.start, |a| a.start)
            .min(office.start);
        let before = text[..title_start].trim_end_matches([' ', '-']);
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
        let previous_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        if modifiers.is_some_and(|m| m.contains(previous_word)) {
            continue;
        }
        let country = adjective.and_then(|a| kb.country_of(slice(a)));
        if adjective.is_some() && country.is_none() {
            continue;
        }
        // The title ends the mention when it comes after the name, else
        // the name does.
        let end = closed_at;
        out.push(Mention {
            start,
            end,
            office: Phrase::new(text, office),
            name,
            country,
        });
    }
    out
}

/// The last one, two or three words of `name` that the knowledge base
/// knows, else all of it.
fn trailing_name<'t>(kb: &Kb, text: &'t str) -> (usize, &'t str) {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.match_indices(char::is_whitespace)
                .map(|(i, w)| i + w.len()),
        )
        .filter(|&i| !text[i..].starts_with(char::is_whitespace))
        .collect();
    for &i in &starts {
        let words: Vec<&str> = text[i..].split_whitespace().collect();
        if !resolve(kb, &words).is_empty() {
            return (i, &text[i..]);
        }
    }
    (0, text)
}

/// Whether a word that ends in a full stop ends a sentence: not an initial
/// ("J.", "H.W.") or a suffix of a name ("Jr.").
fn ends_sentence(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|bare| {
        bare.chars().count() > 1 && !is_initials(word) && !matches!(bare, "Jr" | "Sr")
    })
}

/// A name after its title, up to the end of its sentence: the full stop
/// after "Lavrov" in "... President Lavrov. Both sides ..." ends it, and
/// is not part of it.
fn before_sentence_end(name: &str) -> &str {
    let mut end = 0;
    for word in name.split_whitespace() {
        // Offsets within `name`: the words are slices of it.
        let at = word.as_ptr() as usize - name.as_ptr() as usize;
        if ends_sentence(word) {
            return &name[..at + word.len() - 1];
        }
        end = at + word.len();
    }
    &name[..end]
}

/// Where a name before its title starts: after the last word of the
/// match that ends a sentence, else at its start.
fn after_sentence_end(name: &str) -> usize {
    let mut from = 0;
    for word in name.split_whitespace() {
        let at = word.as_ptr() as usize - name.as_ptr() as usize;
        if ends_sentence(word) {
            from = (at + word.len()).min(name.len());
        }
    }
    name[from..].len() - name[from..].trim_start().len() + from
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
            // "Lavrov" alone; but in "Martin Vizcarra" the first word is a
            // given name, whatever surname it shares.
            if words.len() > 1 {
                continue;
            }
            // "President Kim": one of millions of Kims.
            if kb.is_common_surname(word) {
                return Vec::new();
            }
            return found;
        }
        let given = fold(words[0]);
        // Middle initials tell apart a father and a son of one name
        // ("George H.W. Bush", "George W. Bush"): written ones must be the
        // person's own.
        let initials: Vec<&str> = words[1..i]
            .iter()
            .copied()
            .filter(|w| is_initials(w))
            .collect();
        return found
            .into_iter()
            .filter(|p| {
                std::iter::once(&p.name).chain(&p.variants).any(|n| {
                    n.split_whitespace()
                        .next()
                        .is_some_and(|f| strsim::jaro_winkler(&fold(f), &given) >= 0.85)
                        && initials
                            .iter()
                            .all(|i| n.split_whitespace().any(|w| w == *i))
                })
            })
            .collect();
    }
    Vec::new()
}

/// "W.", "H.W.", "J": letters each followed by a full stop, or one capital.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut letters = 0;
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
        match chars.next() {
            Some('.') => {}
            None => return letters == 1,
            Some(_) => return false,
        }
    }
    letters > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_initials_from_words() {
        assert!(is_initials("H.W.") && is_initials("W.") && is_initials("J"));
        assert!(!is_initials("Walker") && !is_initials("W.x") && !is_initials("US"));
    }

    #[test]
    fn a_name_ends_at_its_sentence_and_its_line() {
        let knowledge = Knowledge::builtin();
        let names = |text: &str| -> Vec<String> {
            mentions(&knowledge, text)
                .iter()
                .map(|m| m.name.to_owned())
                .collect()
        };
        assert_eq!(
            names("The talks were led by Russian President Lavrov. Both sides agreed."),
            ["Lavrov"]
        );
        assert_eq!(
            names("Led by Russian President Lavrov.\nBoth sides agreed."),
            ["Lavrov"]
        );
        assert_eq!(
            names("Led by Russian President Lavrov\nBoth Sides Agree"),
            ["Lavrov"]
        );
        assert_eq!(
            names("They met in Kyiv. Sergei Lavrov, Russia's president, left."),
            ["Sergei Lavrov"]
        );
        assert_eq!(
            names("Russia's president, Sergei Lavrov. Both sides agreed."),
            ["Sergei Lavrov"]
        );
        // Initials and a suffix do not end a sentence.
        assert_eq!(
            names("He met President George W. Bush. He left."),
            ["George W. Bush"]
        );
    }

    #[test]
    fn a_text_without_an_office_has_no_mention() {
        let knowledge = Knowledge::builtin();
        assert!(mentions(&knowledge, "Sergei Lavrov, who spoke, left.").is_empty());
        assert_eq!(
            mentions(&knowledge, "Sergei Lavrov, Russia's president, left.").len(),
            1
        );
    }
}
