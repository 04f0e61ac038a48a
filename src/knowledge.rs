//! The knowledge a run reads articles with: the knowledge base of people,
//! places and offices, the lexicons, and the generated word lists.
//!
//! Rules and the shared analyses are given a [`Knowledge`] (through their
//! `Context`) and never fetch the built-in data themselves, so a rule can
//! be tested against a small knowledge base of its own. The built-in data
//! is loaded the first time it is read, once per process: a run whose rules
//! read no name never parses the knowledge base.

use crate::kb::Kb;
use crate::lexicon::{self, FastSet, Lexicons};

pub struct Knowledge {
    kb: Source<Kb>,
}

/// Where one part of the knowledge comes from.
enum Source<T: 'static> {
    /// The built-in data, loaded on first use.
    Builtin(fn() -> &'static T),
    /// Data the caller built (a test's small knowledge base).
    Given(T),
}

impl<T> Source<T> {
    fn get(&self) -> &T {
        match self {
            Source::Builtin(load) => load(),
            Source::Given(data) => data,
        }
    }
}

impl Knowledge {
    /// The knowledge built into mtlint (`rules/kb/`, `rules/lexicon/`).
    pub fn builtin() -> Self {
        Self {
            kb: Source::Builtin(Kb::builtin),
        }
    }

    /// Another knowledge base (a test's small one), with the built-in
    /// lexicons.
    pub fn with_kb(kb: Kb) -> Self {
        Self {
            kb: Source::Given(kb),
        }
    }

    pub fn kb(&self) -> &Kb {
        self.kb.get()
    }

    /// The lexicons: always the built-in ones, which rules may keep
    /// references to for the whole run.
    pub fn lexicons(&self) -> &'static Lexicons {
        lexicon::builtin()
    }

    /// A generated word list (`rules/lexicon/generated/<name>.txt`), parsed
    /// the first time it is asked for.
    pub fn word_list(&self, name: &str) -> Option<&'static FastSet<&'static str>> {
        lexicon::builtin_word_list(name)
    }

    /// Loads, in the calling thread, what the first article would otherwise
    /// wait for: see `rules::warm_up_in_background`.
    pub fn warm_up_kb(&self) {
        let kb = self.kb();
        kb.office_prefilter();
        kb.office_pattern();
    }
}

impl Default for Knowledge {
    fn default() -> Self {
        Self::builtin()
    }
}
