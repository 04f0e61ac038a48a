//! Office titles given to names ("Russian President Lavrov", "Sergei
//! Lavrov, Russia's foreign minister,"), and the people a name after a
//! title refers to: what the title rules share.

use crate::kb::{fold, Kb, Person};
use crate::knowledge::Knowledge;

/// A title given to a name in a text.
#[derive(Clone, Copy, Debug)]
pub struct Mention<'t> {
    /// Where the mention starts and ends (title and name).
    pub start: usize,
    pub end: usize,
    pub office: regex::Match<'t>,
    pub name: &'t str,
    /// The country the adjective or the possessive names.
    pub country: Option<&'t str>,
}

/// Every office title given to a name, without those after "former",
/// "Deputy" and the like, or with an adjective that names no country.
pub fn mentions<'t>(knowledge: &'t Knowledge, text: &'t str) -> Vec<Mention<'t>> {
    let kb = knowledge.kb();
    let mut out = Vec::new();
    // The pattern takes milliseconds to compile: a text that names no
    // office (most lines an editor lints alone) never builds it.
    if !kb.office_prefilter().is_match(text) {
        return out;
    }
    let modifiers = knowledge.lexicons().get("office-modifiers");
    for caps in kb.office_pattern().captures_iter(text) {
        let whole = caps.get(0).expect("group 0 is the match");
        let group = |names: [&str; 3]| names.iter().find_map(|n| caps.name(n));
        let office = group(["office", "office2", "office3"]).expect("one branch matched");
        let name = group(["name", "name2", "name3"]).expect("one branch matched");
        let adjective =
            group(["adj", "adj2", "adj3"]).or_else(|| group(["country", "country2", "country"]));
        let name_first = caps.name("name2").is_some();
        // A name before its title may follow other capitalised words
        // ("Meanwhile Sergei Lavrov, Russia's ..."): the last words that
        // name someone are the name.
        let (name_start, name) = if name_first {
            trailing_name(kb, name)
        } else {
            (name.start(), name.as_str())
        };
        // The full stop after a name that ends a sentence ("... Jeremy
        // Hunt.") is not part of it; the one of an initial is ("J.").
        let name = match name.strip_suffix('.') {
            Some(bare)
                if bare
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| w.chars().count() > 1) =>
            {
                bare
            }
            _ => name,
        };
        let start = if name_first {
            name_start
        } else {
            whole.start()
        };
        // An apposition is closed by punctuation: "the president, Blinken
        // said" and "Lavrov, the president and the premier" are a clause
        // and a list, and "Kuleba, the president of the debating society"
        // names another office.
        let apposition = name_first || caps.name("name3").is_some();
        if apposition && !text[whole.end()..].starts_with([',', '.', ';', ')', '\n']) {
            continue;
        }
        // "former President", "Deputy Prime Minister", "ex-President".
        let title_start = adjective
            .map_or(office.start(), |a| a.start())
            .min(office.start());
        let before = text[..title_start].trim_end_matches([' ', '-']);
        let before = before.strip_suffix("the").unwrap_or(before).trim_end();
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
        // The title ends the mention when it comes after the name, else
        // the name does.
        let end = if name_first {
            whole.end()
        } else {
            name_start + name.len()
        };
        out.push(Mention {
            start,
            end,
            office,
            name,
            country,
        });
    }
    out
}

/// The last one, two or three words of `name` that the knowledge base
/// knows, else all of it.
fn trailing_name<'t>(kb: &Kb, name: regex::Match<'t>) -> (usize, &'t str) {
    let text = name.as_str();
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
            return (name.start() + i, &text[i..]);
        }
    }
    (name.start(), text)
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
    fn a_text_without_an_office_has_no_mention() {
        let knowledge = Knowledge::builtin();
        assert!(mentions(&knowledge, "Sergei Lavrov, who spoke, left.").is_empty());
        assert_eq!(
            mentions(&knowledge, "Sergei Lavrov, Russia's president, left.").len(),
            1
        );
    }
}
