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
//! shape listed first, of two phrases at one place the longer, a name of
//! up to three words as long as they go.

use super::Kb;
use crate::automaton::Adaptive;
use matcher::{in_name, inline_space, is_word_byte, Hit, Matcher, Tail};

/// What a phrase of the automaton is (a bit each: a phrase can be more).
const OFFICE: u8 = 1;
const ADJECTIVE: u8 = 2;
const COUNTRY: u8 = 4;

/// Lower-case particles inside a name: "Ursula von der Leyen".
const PARTICLES: [&str; 17] = [
    "von", "van", "der", "den", "de", "del", "da", "dos", "du", "di", "le", "la", "bin", "ibn",
    "al", "el", "ter",
];

/// Every office phrase, country and country adjective, as one automaton:
/// a run searches its first few texts with its NFA and the rest with its
/// DFA, which searches faster ([`Adaptive`]).
#[derive(Debug)]
pub struct OfficeIndex {
    automaton: Adaptive,
    /// For each phrase of the automaton, what it is.
    kinds: Vec<u8>,
}

/// Where something is in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
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
        let automaton =
            Adaptive::new(&patterns, false).expect("the office phrases build an automaton");
        Self { automaton, kinds }
    }

    /// Every title given to a name in `text`, in order, none overlapping.
    pub fn titles(&self, text: &str) -> Vec<Title> {
        let bytes = text.as_bytes();
        // A phrase inside a word ("US" in "USUSUS", "PM" in "RPM") starts
        // no shape: each wants a word boundary or white space before it.
        let inside_word =
            |at: usize| at > 0 && is_word_byte(bytes[at - 1]) && is_word_byte(bytes[at]);
        let mut hits: Vec<Hit> = self
            .automaton
            .get()
            .find_overlapping_iter(text)
            .filter(|m| !inside_word(m.start()))
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                kind: self.kinds[m.pattern().as_usize()],
            })
            .collect();
        // By place, and of two phrases at one place the longer first.
        hits.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let matcher = Matcher { text, hits };
        // The commas a title follows (", Russia's president"): a name
        // before its title ends at one, and starts in the run of name
        // characters and spaces before it.
        let tails: Vec<(usize, usize, Tail)> = text
            .match_indices(',')
            .filter_map(|(comma, _)| {
                let tail = matcher.tail(comma)?;
                let run = text[..comma]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| in_name(c) || inline_space(c))
                    .last()
                    .map_or(comma, |(i, _)| i);
                Some((run, comma, tail))
            })
            .collect();
        // Where "the" or "The" starts.
        let thes: Vec<usize> = text
            .match_indices("he")
            .filter(|&(i, _)| i > 0 && matches!(bytes[i - 1], b't' | b'T'))
            .map(|(i, _)| i - 1)
            .collect();
        let mut out = Vec::new();
        let mut at = 0;
        let (mut hit, mut the, mut tail) = (0, 0, 0);
        // A name that does not reach its title from one place does not
        // from any later place in the same word.
        let mut no_name_first_before = 0;
        loop {
            while hit < matcher.hits.len() && matcher.hits[hit].start < at {
                hit += 1;
            }
            while the < thes.len() && thes[the] < at {
                the += 1;
            }
            while tail < tails.len() && tails[tail].1 < at {
                tail += 1;
            }
            // Each shape starts with a phrase, "the", or a name before a
            // comma a title follows: the next place one of them can start.
            let next = [
                matcher.hits.get(hit).map(|h| h.start),
                thes.get(the).copied(),
                tails.get(tail).map(|t| t.0.max(at)),
            ]
            .into_iter()
            .flatten()
            .min();
            let Some(next) = next else { break };
            at = next;
            let phrase_here = matcher.hits.get(hit).is_some_and(|h| h.start == at);
            let the_here = thes.get(the) == Some(&at);
            let mut found = None;
            if phrase_here || the_here {
                found = matcher.apposed(at);
            }
            if found.is_none() && at >= no_name_first_before {
                if let Some(&(run, comma, found_tail)) = tails.get(tail) {
                    if at >= run && matcher.name_start(at) {
                        found = matcher.name_first(at, comma, found_tail);
                        if found.is_none() {
                            no_name_first_before = matcher.word_end(at);
                        }
                    }
                }
            }
            if found.is_none() && phrase_here {
                found = matcher.title_first(at);
            }
            match found {
                Some(title) => {
                    at = title.whole.end;
                    out.push(title);
                }
                None => at += text[at..].chars().next().map_or(1, char::len_utf8),
            }
            if at >= text.len() {
                break;
            }
        }
        out
    }
}

/// Every office phrase, in any ASCII case: a text without one has no
/// mention.
pub(super) fn office_prefilter(kb: &Kb) -> Adaptive {
    Adaptive::new(kb.offices.iter().flat_map(|o| &o.phrases), true)
        .expect("the office phrases build an automaton")
}

mod matcher;
#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;
