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

use std::sync::OnceLock;

use crate::document::Document;
use crate::knowledge::Knowledge;
use offices::Mention;

/// The shared analyses of one article, each found the first time a rule
/// asks for it.
pub struct Analysis<'a> {
    text: &'a str,
    knowledge: &'a Knowledge,
    title_mentions: OnceLock<Vec<Mention<'a>>>,
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &Document<'a>, knowledge: &'a Knowledge) -> Self {
        Self {
            text: doc.text,
            knowledge,
            title_mentions: OnceLock::new(),
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
}
