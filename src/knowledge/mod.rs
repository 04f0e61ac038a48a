//! The knowledge a run reads articles with: the knowledge base of people,
//! places and offices, the lexicons, and the generated word lists.
//!
//! Rules and the shared analyses are given a [`Knowledge`] (through their
//! `Context`) and never fetch the built-in data themselves, so a rule can
//! be tested against a small knowledge base of its own. The built-in data
//! is loaded the first time it is read, once per process: a run whose rules
//! read no name never parses the knowledge base.
//!
//! The house spellings of a config ([`house`]) are an overlay on the
//! knowledge base: a name rule asks the knowledge which spelling to write.

pub mod house;

use std::sync::Arc;

use crate::diagnostic::{Edit, Fix, Safety};
use crate::kb::Kb;
use crate::lexicon::{self, Lexicons};
use crate::text::TextRange;
use house::HouseSpellings;

pub struct Knowledge {
    kb: Source<Kb>,
    house: Option<Arc<HouseSpellings>>,
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
            house: None,
        }
    }

    /// Another knowledge base (a test's small one), with the built-in
    /// lexicons.
    pub fn with_kb(kb: Kb) -> Self {
        Self {
            kb: Source::Given(kb),
            house: None,
        }
    }

    /// The same knowledge with the house spellings of a config over it.
    pub fn with_house(mut self, house: Option<Arc<HouseSpellings>>) -> Self {
        self.house = house;
        self
    }

    pub fn kb(&self) -> &Kb {
        self.kb.get()
    }

    /// The house spellings over the knowledge base, if the config sets any.
    pub fn house(&self) -> Option<&HouseSpellings> {
        self.house.as_deref()
    }

    /// The fix of a name rule that writes `spelling`, a name as the
    /// knowledge base spells it, over `range`: with the house's spelling
    /// instead where the config overrides that name.
    pub fn name_fix(
        &self,
        description: impl Into<String>,
        safety: Safety,
        range: TextRange,
        spelling: String,
    ) -> Fix {
        match self.house().and_then(|h| h.house_form_of(&spelling)) {
            Some(house) => Fix::new(
                format!("Write `{house}` (the house spelling)"),
                safety,
                vec![Edit::replace(range, house.to_owned())],
            ),
            None => Fix::new(description, safety, vec![Edit::replace(range, spelling)]),
        }
    }

    /// The lexicons: always the built-in ones, which rules may keep
    /// references to for the whole run.
    pub fn lexicons(&self) -> &'static Lexicons {
        lexicon::builtin()
    }

    /// A generated word list (`rules/lexicon/generated/<name>.txt`),
    /// searched in place.
    pub fn word_list(&self, name: &str) -> Option<lexicon::WordList> {
        lexicon::builtin_word_list(name)
    }

    /// Loads, in the calling thread, what the first article would otherwise
    /// wait for: see `rules::warm_up_in_background`.
    pub fn warm_up_kb(&self) {
        let kb = self.kb();
        kb.office_prefilter();
        kb.office_index();
    }
}

impl Default for Knowledge {
    fn default() -> Self {
        Self::builtin()
    }
}
