//! The knowledge base's office index: one automaton over every office
//! phrase (as written, in lower case and with a capital), country name and
//! country adjective, and the matcher that finds the titles given to names
//! on its matches (`Kb::office_index`).
//!
//! A title with a name has three shapes: `<Adjective>? <office> <Name>`
//! ("Russian President Lavrov"), `<Name>, <Country>'s <office>` / `<Name>,
//! the <Adjective>? <office>` ("Sergei Lavrov, Russia's president"), and
//! `<Country>'s <office>, <Name>` / `the <Adjective>? <office>, <Name>`
//! ("the country's foreign minister, Sergei Lavrov"). They were once one
//! regex that repeated the word lists in each of its slots; compiling it
//! took a one-article run about 5 ms, on the path to its first finding.
//! The matcher below finds what that regex found, match for match and
//! part for part (its tests hold it to the regex, kept in
//! `offices/oracle.rs`): the leftmost title first, of two at one place the
//! shape listed first, of two phrases at one place the longer, a name as
//! long as its words go.

use aho_corasick::{AhoCorasick, MatchKind};

use super::Kb;

/// What a phrase of the automaton is (a bit each: a phrase can be more).
const OFFICE: u8 = 1;
const ADJECTIVE: u8 = 2;
const COUNTRY: u8 = 4;

/// Lower-case particles inside a name: "Ursula von der Leyen".
const PARTICLES: [&str; 17] = [
    "von", "van", "der", "den", "de", "del", "da", "dos", "du", "di", "le", "la", "bin", "ibn",
    "al", "el", "ter",
];

/// Every office phrase, country and country adjective, as one automaton.
#[derive(Debug)]
pub struct OfficeIndex {
    automaton: AhoCorasick,
    /// For each phrase of the automaton, what it is.
    kinds: Vec<u8>,
}

/// Where something is in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// Which of the three shapes a title takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// "Russia's foreign minister, Sergei Lavrov".
    Apposed,
    /// "Sergei Lavrov, Russia's foreign minister".
    NameFirst,
    /// "Russian Foreign Minister Sergei Lavrov".
    TitleFirst,
}

/// A title given to a name, as the matcher finds it: its parts are spans
/// of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Title {
    pub shape: Shape,
    pub whole: Span,
    pub office: Span,
    pub name: Span,
    /// The country adjective before the office ("Russian").
    pub adjective: Option<Span>,
    /// The country before "'s" ("Russia's").
    pub country: Option<Span>,
}

impl OfficeIndex {
    pub(super) fn new(kb: &Kb) -> Self {
        let mut phrases: std::collections::BTreeMap<String, u8> = Default::default();
        let mut add = |phrase: String, kind: u8| {
            if !phrase.is_empty() {
                *phrases.entry(phrase).or_default() |= kind;
            }
        };
        for office in &kb.offices {
            for p in &office.phrases {
                let lower = p.to_lowercase();
                let mut first_cap = lower.clone();
                if let Some(f) = first_cap.get_mut(0..1) {
                    f.make_ascii_uppercase();
                }
                add(p.clone(), OFFICE);
                add(lower, OFFICE);
                add(first_cap, OFFICE);
            }
        }
        for country in &kb.countries {
            add(country.name.clone(), COUNTRY);
            for adjective in &country.adjectives {
                add(adjective.clone(), ADJECTIVE | COUNTRY);
            }
        }
        let (patterns, kinds): (Vec<String>, Vec<u8>) = phrases.into_iter().unzip();
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("the office phrases build an automaton");
        Self { automaton, kinds }
    }

    /// Every title given to a name in `text`, in order, none overlapping.
    pub fn titles(&self, text: &str) -> Vec<Title> {
        let mut hits: Vec<Hit> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                kind: self.kinds[m.pattern().as_usize()],
            })
            .collect();
        // By place, and of two phrases at one place the longer first.
        hits.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let matcher = Matcher { text, hits };
        let mut out = Vec::new();
        let mut at = 0;
        // A name that is not followed by its title at one place is not
        // followed by it at any later place in the same word.
        let mut no_name_first_before = 0;
        while at < text.len() {
            let found = matcher.apposed(at).or_else(|| {
                if at < no_name_first_before {
                    return None;
                }
                matcher.name_first(at).or_else(|| {
                    if matcher.name_start(at) {
                        no_name_first_before = matcher.word_end(at);
                    }
                    None
                })
            });
            let found = found.or_else(|| matcher.title_first(at));
            match found {
                Some(title) => {
                    at = title.whole.end;
                    out.push(title);
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
        }
        out
    }
}

/// A phrase of the automaton found in the text.
#[derive(Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    kind: u8,
}

/// The matcher of one text: the text and the phrases found in it.
struct Matcher<'t> {
    text: &'t str,
    hits: Vec<Hit>,
}

/// A character a name can start with: a capital of the Latin script, with
/// the diacritics of European languages and Vietnamese (Latin-1, Latin
/// Extended-A/B and Additional), as the knowledge base's names are
/// written.
fn starts_name(c: char) -> bool {
    matches!(c, 'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' | '\u{100}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

/// A character inside a name's word: a letter of those ranges, an
/// apostrophe, a full stop or a hyphen.
fn in_name(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '’' | '\'' | '.' | '-')
}

/// The spaces between the words of a name: a name stays on its line.
fn inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}')
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Matcher<'_> {
    /// The ends of the phrases of `kind` that start at `at`, longest first.
    fn phrases(&self, at: usize, kind: u8) -> impl Iterator<Item = usize> + '_ {
        let first = self.hits.partition_point(|h| h.start < at);
        self.hits[first..]
            .iter()
            .take_while(move |h| h.start == at)
            .filter(move |h| h.kind & kind != 0)
            .map(|h| h.end)
    }

    /// An ASCII word boundary: the adjectives and offices are ASCII.
    fn boundary(&self, at: usize) -> bool {
        let bytes = self.text.as_bytes();
        let before = at > 0 && is_word_byte(bytes[at - 1]);
        let after = at < bytes.len() && is_word_byte(bytes[at]);
        before != after
    }

    fn next_char(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|rest| rest.chars().next())
    }

    /// The end of a run of one or more characters that `class` takes,
    /// from `at`.
    fn run(&self, at: usize, class: fn(char) -> bool) -> Option<usize> {
        let rest = self.text.get(at..)?;
        let len = rest.find(|c: char| !class(c)).unwrap_or(rest.len());
        (len > 0).then_some(at + len)
    }

    /// White space (one character or more) from `at`: where it ends.
    fn spaces(&self, at: usize) -> Option<usize> {
        self.run(at, char::is_whitespace)
    }

    /// "the " or "The " (and more white space) from `at`: where it ends.
    fn the(&self, at: usize) -> Option<usize> {
        let rest = self.text.get(at..)?;
        if !self.boundary(at) || !(rest.starts_with("the") || rest.starts_with("The")) {
            return None;
        }
        self.spaces(at + 3)
    }

    /// "'s " or "’s " from `at`: where the white space after it ends.
    fn possessive(&self, at: usize) -> Option<usize> {
        let rest = self.text.get(at..)?;
        let len = ["'s", "’s"].iter().find(|p| rest.starts_with(*p))?.len();
        self.spaces(at + len)
    }

    fn name_start(&self, at: usize) -> bool {
        self.next_char(at).is_some_and(starts_name)
    }

    /// The end of the name's word that `at` is in.
    fn word_end(&self, at: usize) -> usize {
        self.run(at, in_name).unwrap_or(at)
    }

    /// A particle and the spaces after it, from `at`: where they end.
    fn particle(&self, at: usize) -> Option<usize> {
        let rest = self.text.get(at..)?;
        PARTICLES
            .iter()
            .filter(|p| rest.starts_with(*p))
            .find_map(|p| self.run(at + p.len(), inline_space))
    }

    /// The end of a name of one to three words from `at` (which starts
    /// one), with up to two particles before each word after the first:
    /// as many words as there are.
    fn name(&self, at: usize) -> usize {
        let mut end = self.word_end(at);
        for _ in 0..2 {
            let Some(next) = self.run(end, inline_space) else {
                break;
            };
            let one = self.particle(next);
            let two = one.and_then(|p| self.particle(p));
            // As many particles as leave a word after them.
            match [two, one, Some(next)]
                .into_iter()
                .flatten()
                .find(|&p| self.name_start(p))
            {
                Some(word) => end = self.word_end(word),
                None => break,
            }
        }
        end
    }

    /// An office at `at`, then a comma, white space and a name.
    fn office_then_name(
        &self,
        start: usize,
        at: usize,
        adjective: Option<Span>,
        country: Option<Span>,
    ) -> Option<Title> {
        self.phrases(at, OFFICE).find_map(|office_end| {
            let rest = &self.text[office_end..];
            let name_at = self
                .spaces(office_end + 1)
                .filter(|_| rest.starts_with(','))?;
            if !self.name_start(name_at) {
                return None;
            }
            let name_end = self.name(name_at);
            Some(Title {
                shape: Shape::Apposed,
                whole: Span {
                    start,
                    end: name_end,
                },
                office: Span {
                    start: at,
                    end: office_end,
                },
                name: Span {
                    start: name_at,
                    end: name_end,
                },
                adjective,
                country,
            })
        })
    }

    /// "Russia's president, Lavrov", "the Russian president, Lavrov",
    /// "the country's president, Lavrov", "the president, Lavrov".
    fn apposed(&self, at: usize) -> Option<Title> {
        if !self.boundary(at) {
            return None;
        }
        let owned = self.phrases(at, COUNTRY).find_map(|end| {
            let office = self.possessive(end)?;
            self.office_then_name(at, office, None, Some(Span { start: at, end }))
        });
        if owned.is_some() {
            return owned;
        }
        let after_the = self.the(at)?;
        self.phrases(after_the, ADJECTIVE)
            .find_map(|end| {
                let office = self.spaces(end)?;
                let adjective = Span {
                    start: after_the,
                    end,
                };
                self.office_then_name(at, office, Some(adjective), None)
            })
            .or_else(|| {
                let rest = &self.text[after_the..];
                let office = self
                    .possessive(after_the + "country".len())
                    .filter(|_| rest.starts_with("country"))?;
                self.office_then_name(at, office, None, None)
            })
            .or_else(|| self.office_then_name(at, after_the, None, None))
    }

    /// An office at `at` between two word boundaries: where it ends.
    fn bounded_office(&self, at: usize) -> Option<usize> {
        if !self.boundary(at) {
            return None;
        }
        self.phrases(at, OFFICE).find(|&end| self.boundary(end))
    }

    /// "Lavrov, Russia's president", "Lavrov, the Russian president".
    fn name_first(&self, at: usize) -> Option<Title> {
        if !self.name_start(at) {
            return None;
        }
        let name_end = self.name(at);
        if !self.text[name_end..].starts_with(',') {
            return None;
        }
        let owner = self.spaces(name_end + 1)?;
        let title = |office: usize, office_end: usize, adjective, country| Title {
            shape: Shape::NameFirst,
            whole: Span {
                start: at,
                end: office_end,
            },
            office: Span {
                start: office,
                end: office_end,
            },
            name: Span {
                start: at,
                end: name_end,
            },
            adjective,
            country,
        };
        if self.boundary(owner) {
            let owned = self.phrases(owner, COUNTRY).find_map(|end| {
                let office = self.possessive(end)?;
                let office_end = self.bounded_office(office)?;
                Some(title(
                    office,
                    office_end,
                    None,
                    Some(Span { start: owner, end }),
                ))
            });
            if owned.is_some() {
                return owned;
            }
        }
        let after_the = self.the(owner)?;
        self.phrases(after_the, ADJECTIVE)
            .find_map(|end| {
                let office = self.spaces(end)?;
                let office_end = self.bounded_office(office)?;
                let adjective = Span {
                    start: after_the,
                    end,
                };
                Some(title(office, office_end, Some(adjective), None))
            })
            .or_else(|| {
                let office_end = self.bounded_office(after_the)?;
                Some(title(after_the, office_end, None, None))
            })
    }

    /// "Russian President Lavrov", "President Lavrov".
    fn title_first(&self, at: usize) -> Option<Title> {
        if !self.boundary(at) {
            return None;
        }
        let title = |office: usize, adjective: Option<Span>| {
            self.phrases(office, OFFICE).find_map(|office_end| {
                let name_at = self.spaces(office_end)?;
                if !self.name_start(name_at) {
                    return None;
                }
                let name_end = self.name(name_at);
                Some(Title {
                    shape: Shape::TitleFirst,
                    whole: Span {
                        start: at,
                        end: name_end,
                    },
                    office: Span {
                        start: office,
                        end: office_end,
                    },
                    name: Span {
                        start: name_at,
                        end: name_end,
                    },
                    adjective,
                    country: None,
                })
            })
        };
        self.phrases(at, ADJECTIVE)
            .find_map(|end| {
                let office = self.spaces(end).filter(|&o| self.boundary(o))?;
                title(office, Some(Span { start: at, end }))
            })
            .or_else(|| title(at, None))
    }
}

/// Every office phrase, in any ASCII case: a text without one has no
/// mention.
pub(super) fn office_prefilter(kb: &Kb) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(kb.offices.iter().flat_map(|o| &o.phrases))
        .expect("the office phrases build an automaton")
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;
