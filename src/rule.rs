//! The rule interface: what a rule declares about itself ([`RuleMeta`]),
//! what it implements ([`Check`]), and where it reports ([`Context`]).

use std::borrow::Cow;
use std::collections::HashSet;

use crate::analysis::Analysis;
use crate::date::Date;
use crate::diagnostic::{Category, Diagnostic, Fix, Severity};
use crate::document::Document;
use crate::kb::Kb;
use crate::knowledge::Knowledge;
use crate::lexicon::Lexicons;
use crate::recurring::LineCounts;
use crate::source::Encoding;
use crate::text::TextRange;

/// What a rule is, as `mtlint rules` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// `<category>.<kebab-name>`.
    pub id: Cow<'static, str>,
    pub category: Category,
    pub severity: Severity,
    /// One line, for the rule table.
    pub summary: Cow<'static, str>,
    /// Whether the rule can offer a fix.
    pub fixable: bool,
    /// Where the rule is defined: `built-in` or the rule file's path.
    pub origin: Cow<'static, str>,
    /// Whether the rule runs only when named by its id (`--select`,
    /// `--extend-select`): a house-style check, not damage.
    pub opt_in: bool,
}

impl RuleMeta {
    pub const fn builtin(
        id: &'static str,
        category: Category,
        severity: Severity,
        summary: &'static str,
        fixable: bool,
    ) -> Self {
        Self {
            id: Cow::Borrowed(id),
            category,
            severity,
            summary: Cow::Borrowed(summary),
            fixable,
            origin: Cow::Borrowed("built-in"),
            opt_in: false,
        }
    }

    /// The same rule, run only when selected by its id.
    pub const fn opt_in(mut self) -> Self {
        self.opt_in = true;
        self
    }

    pub fn diagnostic(&self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            rule: self.id.to_string(),
            category: self.category,
            severity: self.severity,
            message: message.into(),
            range,
            fix: None,
        }
    }
}

impl Diagnostic {
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// One pass over a document that reports for one or more rules. A built-in
/// detector is a `Check` with one rule; a compiled set of rule files is one
/// `Check` for all its rules, so the text is scanned once per set.
pub trait Check: Send + Sync {
    fn rules(&self) -> &[RuleMeta];
    fn check(&self, doc: &Document, cx: &mut Context);
}

/// Settings that rules may read, the same for every file of a run.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The article's date from `--date`, for facts that change over time.
    pub date: Option<Date>,
    /// The house spellings of the config (`spellings`), which the linter
    /// lays over the knowledge base (`Knowledge::with_house`).
    pub house: Option<std::sync::Arc<crate::knowledge::house::HouseSpellings>>,
}

/// What a check reads besides the document (the settings, the knowledge,
/// the shared analyses) and where it reports. Diagnostics of rules that are
/// not selected are dropped here, so a check that serves many rules need
/// not know the selection.
pub struct Context<'s, 'a> {
    pub settings: &'s Settings,
    /// How the article was stored before it was decoded.
    pub encoding: Encoding,
    /// How many articles of the run carry each line, when the run lints
    /// many.
    pub recurring: Option<&'s LineCounts>,
    analysis: &'s Analysis<'a>,
    enabled: Option<&'s HashSet<String>>,
    diagnostics: Vec<Diagnostic>,
}

impl<'s, 'a> Context<'s, 'a> {
    /// `enabled`: the rule ids to keep, or `None` for all.
    pub fn new(
        settings: &'s Settings,
        analysis: &'s Analysis<'a>,
        enabled: Option<&'s HashSet<String>>,
    ) -> Self {
        Self {
            settings,
            encoding: Encoding::Utf8,
            recurring: None,
            analysis,
            enabled,
            diagnostics: Vec::new(),
        }
    }

    /// The shared analyses of the article.
    pub fn analysis(&self) -> &'s Analysis<'a> {
        self.analysis
    }

    pub fn knowledge(&self) -> &'a Knowledge {
        self.analysis.knowledge()
    }

    pub fn kb(&self) -> &'a Kb {
        self.knowledge().kb()
    }

    pub fn lexicons(&self) -> &'static Lexicons {
        self.knowledge().lexicons()
    }

    /// A generated word list (`rules/lexicon/generated/<name>.txt`),
    /// searched in place.
    pub fn word_list(&self, name: &str) -> Option<crate::lexicon::WordList> {
        self.knowledge().word_list(name)
    }

    /// The same context for an article stored in `encoding`.
    pub fn with_encoding(mut self, encoding: Encoding) -> Self {
        self.encoding = encoding;
        self
    }

    /// The same context in a run whose articles' lines were counted.
    pub fn with_recurring(mut self, recurring: Option<&'s LineCounts>) -> Self {
        self.recurring = recurring;
        self
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        self.enabled.is_none_or(|set| set.contains(id))
    }

    pub fn report(&mut self, diagnostic: Diagnostic) {
        if self.is_enabled(&diagnostic.rule) {
            self.diagnostics.push(diagnostic);
        }
    }

    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
