//! Which curated people a capitalised word, written alone, is a slip of
//! the surname of: a search over the people who share its initial, made
//! once per word and run (see [`crate::memo`]), since a folder of news
//! writes the same words again and again. And the same for a pair of
//! words that may be a slip of a whole name (`name.near-miss`).

use super::spelling::{initial, probe_slips, Part, Probe};
use super::Kb;

/// How many words' answers a run remembers, and how many pairs': about a
/// hundred bytes an answer, some megabytes each at most.
pub(super) const REMEMBERED_WORDS: usize = 1 << 16;
pub(super) const REMEMBERED_PAIRS: usize = 1 << 16;

/// What `name.near-miss` finds for a pair of capitalised words against
/// the knowledge base alone, as indexes into [`Kb::people`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PairSlip {
    /// The one person the pair is a slip of.
    pub slip: Option<usize>,
    /// Else the one curated person it may be a garbled form of, if the
    /// article is about them.
    pub garbled: Option<usize>,
}

impl Kb {
    /// `name.near-miss`'s answer for a pair (`"First Last"`), worked out
    /// by `compute` the first time the run meets the pair and remembered
    /// with this base, which it depends on alone.
    pub fn pair_slip(&self, pair: &str, compute: impl FnOnce() -> PairSlip) -> PairSlip {
        self.pair_slips.get_or_compute(pair, compute)
    }

    /// The index in [`Kb::people`] of a person of this base.
    pub fn index_of(&self, person: &super::Person) -> Option<usize> {
        self.people.iter().position(|p| std::ptr::eq(p, person))
    }

    /// The curated people whose surname `word` is a slip of, in the
    /// order of the base (see [`probe_slips`]); a plural, possessive or
    /// feminine ending on the right surname is no slip ("Bidens",
    /// "Lavrova").
    pub fn surname_slip_candidates(&self, word: &str) -> Vec<usize> {
        self.surname_slips
            .get_or_compute(word, || slip_candidates(self, word))
    }
}

fn slip_candidates(kb: &Kb, word: &str) -> Vec<usize> {
    let Some(first) = initial(word) else {
        return Vec::new();
    };
    let Some(people) = kb.curated_surnames_by_initial().get(&first) else {
        return Vec::new();
    };
    let probe = Probe::new(word);
    people
        .iter()
        .copied()
        .filter(|&i| {
            let p = &kb.people[i];
            !inflected(word, &p.surname) && probe_slips(p, Part::Surname, &probe)
        })
        .collect()
}

/// Whether `word` is `surname` with an ending that makes another word of
/// it: a plural or a possessive ("the Bidens"), a feminine form
/// ("Lavrova").
fn inflected(word: &str, surname: &str) -> bool {
    word.strip_prefix(surname)
        .is_some_and(|rest| matches!(rest, "s" | "a" | "es"))
}
