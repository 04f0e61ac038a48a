//! What several rules read about an article, worked out by shared code
//! rather than by one rule for the others: office titles given to names
//! and the people they name, the article's own date, name skeletons, and
//! script tests. Rules read this layer; no rule imports another rule (a
//! test in `tests/architecture.rs` holds that).
//!
//! [`Analysis`] keeps, for one article, what is costly and read by more
//! than one rule, so it is found once.

pub mod dates;
pub mod names;
pub mod offices;
pub mod script;
pub mod surnames;

use std::sync::OnceLock;

use crate::document::Document;
use crate::knowledge::house::Occurrence;
use crate::knowledge::Knowledge;
use crate::text::TextRange;
use offices::Mention;

/// The shared analyses of one article, each found the first time a rule
/// asks for it.
pub struct Analysis<'a> {
    text: &'a str,
    knowledge: &'a Knowledge,
    title_mentions: OnceLock<Vec<Mention<'a>>>,
    house_forms: OnceLock<Vec<TextRange>>,
    house_occurrences: OnceLock<Vec<Occurrence<'a>>>,
    surname_slips: OnceLock<Vec<surnames::SurnameSlip>>,
    wrong_forms: OnceLock<Vec<WrongFormMatch>>,
}

/// Where one of the knowledge base's wrong forms is in an article.
#[derive(Clone, Copy, Debug)]
pub struct WrongFormMatch {
    /// The form's index in `Kb::wrong_forms`.
    pub form: usize,
    pub start: usize,
    pub end: usize,
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &Document<'a>, knowledge: &'a Knowledge) -> Self {
        Self {
            text: doc.text,
            knowledge,
            title_mentions: OnceLock::new(),
            house_forms: OnceLock::new(),
            house_occurrences: OnceLock::new(),
            surname_slips: OnceLock::new(),
            wrong_forms: OnceLock::new(),
        }
    }

    pub fn knowledge(&self) -> &'a Knowledge {
        self.knowledge
    }

    /// The office titles given to names ([`offices::mentions`]), for the
    /// two title rules.
    pub fn title_mentions(&self) -> &[Mention<'a>] {
        self.title_mentions
            .get_or_init(|| offices::mentions(self.knowledge, self.text))
    }

    /// Whether `range` lies on a house spelling of the config, which no
    /// name rule flags.
    pub fn on_house_form(&self, range: TextRange) -> bool {
        let Some(house) = self.knowledge.house() else {
            return false;
        };
        self.house_forms
            .get_or_init(|| house.house_form_ranges(self.text))
            .iter()
            .any(|h| h.contains_range(range))
    }

    /// The names written otherwise than the house spells them, for
    /// `name.house-spelling`; a place's name inside a longer name ("Dynamo
    /// Kyiv") is left out.
    pub fn house_occurrences(&self) -> &[Occurrence<'a>] {
        self.house_occurrences.get_or_init(|| {
            let Some(house) = self.knowledge.house() else {
                return Vec::new();
            };
            let lexicons = self.knowledge.lexicons();
            house
                .occurrences(self.text)
                .filter(|o| {
                    !(o.place
                        && names::inside_longer_name(
                            lexicons,
                            self.text,
                            o.range.start().to_usize(),
                            o.range.end().to_usize(),
                        ))
                })
                .collect()
        })
    }

    /// The surnames written alone as slips of a known person's
    /// ([`surnames::surname_slips`]), for `name.near-miss`, which reports
    /// them, and `name.inconsistent`, which leaves them to it.
    /// `doc` is the article this analysis is of.
    pub fn surname_slips(&self, doc: &Document) -> &[surnames::SurnameSlip] {
        debug_assert!(std::ptr::eq(doc.text, self.text), "another article");
        self.surname_slips
            .get_or_init(|| surnames::surname_slips(doc, self.knowledge))
    }

    /// The knowledge base's wrong forms in the article, leftmost longest,
    /// in order: for the name rules that report them and `name.inconsistent`,
    /// which leaves them to those.
    pub fn wrong_forms(&self) -> &[WrongFormMatch] {
        self.wrong_forms.get_or_init(|| {
            self.knowledge
                .kb()
                .wrong_automaton
                .find_iter(self.text)
                .map(|m| WrongFormMatch {
                    form: m.pattern().as_usize(),
                    start: m.start(),
                    end: m.end(),
                })
                .collect()
        })
    }

    /// Whether `name.house-spelling` reports `range`: another name rule
    /// then says nothing more there.
    pub fn house_reports(&self, range: TextRange) -> bool {
        self.house_occurrences().iter().any(|o| o.range == range)
    }
}
