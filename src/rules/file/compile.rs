//! Compiling a rule as it is loaded: its regex or its substitution table
//! (checked against every other table), its message and replacement
//! templates, and its examples.

use std::borrow::Cow;

use crate::diagnostic::Safety;
use crate::rule::RuleMeta;
use crate::text::TextSize;

use super::lazy::{build, LazyRegex};
use super::parse::{parse_id, Kind, Locator, RawRule, RuleFileError};
use super::{fold, LoadedRules};

/// A message or replacement template: literal text and placeholders.
#[derive(Clone, Debug)]
pub(super) struct Template(Vec<Piece>);

#[derive(Clone, Debug)]
enum Piece {
    Text(String),
    Slot(String),
}

impl Template {
    /// Parses `{name}` placeholders; `{{` and `}}` are literal braces.
    fn parse(source: &str, known: &dyn Fn(&str) -> bool) -> Result<Self, String> {
        let mut pieces = Vec::new();
        let mut text = String::new();
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    if !known(&name) {
                        return Err(format!(
                            "the template has a placeholder `{{{name}}}` that nothing fills"
                        ));
                    }
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Slot(name));
                }
                '}' => return Err("a lone `}` in the template; write `}}` for a brace".into()),
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Ok(Self(pieces))
    }

    pub(super) fn render(&self, fill: &dyn Fn(&str) -> String) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(name) => out.push_str(&fill(name)),
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
pub(super) struct PatternRule {
    pub(super) meta_index: usize,
    pub(super) regex: LazyRegex,
    pub(super) message: Template,
    pub(super) replacement: Option<Template>,
    pub(super) safety: Safety,
    pub(super) fix_description: Option<String>,
}

#[derive(Clone, Debug)]
pub(super) struct Substitution {
    pub(super) meta_index: usize,
    pub(super) wrong: String,
    pub(super) right: String,
    pub(super) case_sensitive: bool,
    pub(super) safety: Safety,
    pub(super) message: Template,
    pub(super) fix_description: Option<String>,
}

#[derive(Clone, Debug)]
pub(super) struct Example {
    pub(super) rule: usize,
    pub(super) path: String,
    pub(super) line: u32,
    pub(super) column: u32,
    pub(super) text: String,
    /// `Some(expected)` to flag (with `expected` fix or none), `None` to allow.
    pub(super) expect: Option<Option<String>>,
}

impl LoadedRules {
    pub(super) fn add_rule(
        &mut self,
        loc: &Locator,
        raw: RawRule,
        at: usize,
    ) -> Result<(), RuleFileError> {
        let id = raw.id.get_ref().as_str();
        let id_at = raw.id.span().start;
        let category = parse_id(id).map_err(|m| loc.error(id_at, m))?;
        if let Some(previous) = self.defined.get(id) {
            return Err(loc.error(
                id_at,
                format!("rule `{id}` is already defined at {previous}"),
            ));
        }
        let meta_index = self.metas.len();
        let fixable = match raw.kind {
            Kind::Pattern => raw.replacement.is_some(),
            Kind::Substitution => true,
        };
        let message_at = raw.message.span().start;
        match raw.kind {
            Kind::Pattern => {
                if raw.table.is_some() {
                    return Err(loc.error(
                        at,
                        format!("rule `{id}` is a pattern rule and cannot have a `table`"),
                    ));
                }
                let Some(pattern) = &raw.pattern else {
                    return Err(loc.error(
                        at,
                        format!("rule `{id}` is a pattern rule and needs a `pattern`"),
                    ));
                };
                // A built-in pattern is compiled on first use, unchecked
                // here (the tests check it); a user's is checked now.
                let regex = if self.lazy {
                    None
                } else {
                    Some(build(pattern.get_ref()).map_err(|e| {
                        loc.error(
                            pattern.span().start,
                            format!("rule `{id}`: the pattern does not compile: {e}"),
                        )
                    })?)
                };
                let names: Vec<Option<&str>> =
                    regex.iter().flat_map(|r| r.capture_names()).collect();
                let known = |slot: &str| {
                    regex.is_none()
                        || slot.parse::<usize>().is_ok_and(|n| n < names.len())
                        || names.contains(&Some(slot))
                };
                let message = Template::parse(raw.message.get_ref(), &known)
                    .map_err(|m| loc.error(message_at, format!("rule `{id}`: {m}")))?;
                let replacement = match &raw.replacement {
                    Some(r) => Some(
                        Template::parse(r.get_ref(), &known)
                            .map_err(|m| loc.error(r.span().start, format!("rule `{id}`: {m}")))?,
                    ),
                    None => None,
                };
                let regex = match regex {
                    Some(regex) => LazyRegex::compiled(regex),
                    None => LazyRegex::new(pattern.get_ref()),
                };
                self.patterns.push(PatternRule {
                    meta_index,
                    regex,
                    message,
                    replacement,
                    safety: raw.safety,
                    fix_description: raw.fix_description.clone(),
                });
            }
            Kind::Substitution => {
                if raw.pattern.is_some() || raw.replacement.is_some() {
                    return Err(loc.error(
                        at,
                        format!("rule `{id}` is a substitution rule: it takes a `table`, not `pattern` or `replacement`"),
                    ));
                }
                let Some(table) = &raw.table else {
                    return Err(loc.error(
                        at,
                        format!("rule `{id}` is a substitution rule and needs a `table`"),
                    ));
                };
                let known = |slot: &str| matches!(slot, "found" | "right");
                let message = Template::parse(raw.message.get_ref(), &known)
                    .map_err(|m| loc.error(message_at, format!("rule `{id}`: {m}")))?;
                let table_at = table.span().start;
                if table.get_ref().is_empty() {
                    return Err(loc.error(table_at, format!("rule `{id}`: the table is empty")));
                }
                for (wrong, right) in table.get_ref() {
                    let right_at = right.span().start;
                    let right = right.get_ref();
                    if wrong.trim().is_empty() || right.trim().is_empty() {
                        return Err(
                            loc.error(right_at, format!("rule `{id}`: an empty word in the table"))
                        );
                    }
                    if fold(wrong) == fold(right) && (!raw.case_sensitive || wrong == right) {
                        return Err(loc.error(
                            right_at,
                            format!("rule `{id}`: `{wrong}` is replaced by itself"),
                        ));
                    }
                    if let Some((other, where_)) = self.wrong_forms.get(&fold(wrong)) {
                        return Err(loc.error(
                            right_at,
                            format!("rule `{id}`: `{wrong}` is already in the table of `{other}` at {where_}"),
                        ));
                    }
                    let pos = loc
                        .index
                        .line_column(TextSize::from_usize(right_at), loc.text);
                    self.wrong_forms.insert(
                        fold(wrong),
                        (
                            id.to_owned(),
                            format!("{}:{}:{}", loc.path, pos.line, pos.column),
                        ),
                    );
                    self.substitutions.push(Substitution {
                        meta_index,
                        wrong: wrong.clone(),
                        right: right.clone(),
                        case_sensitive: raw.case_sensitive,
                        safety: raw.safety,
                        message: message.clone(),
                        fix_description: raw.fix_description.clone(),
                    });
                    self.examples.push(Example {
                        rule: meta_index,
                        path: loc.path.to_owned(),
                        line: pos.line,
                        column: pos.column,
                        text: wrong.clone(),
                        expect: Some(Some(right.clone())),
                    });
                }
                // A right form that is itself a wrong form makes a chain or a cycle.
                for (wrong, right) in table.get_ref() {
                    if let Some((other, _)) = self.wrong_forms.get(&fold(right.get_ref())) {
                        return Err(loc.error(
                            right.span().start,
                            format!(
                                "rule `{id}`: `{wrong}` → `{}`, which `{other}` replaces in turn; point straight at the final form",
                                right.get_ref()
                            ),
                        ));
                    }
                }
            }
        }
        if raw.flag.is_empty() || raw.allow.is_empty() {
            return Err(loc.error(
                at,
                format!(
                    "rule `{id}` needs examples on both sides: at least one `flag` and one `allow`"
                ),
            ));
        }
        for example in &raw.flag {
            let pos = loc
                .index
                .line_column(TextSize::from_usize(example.span().start), loc.text);
            let example = example.get_ref();
            self.examples.push(Example {
                rule: meta_index,
                path: loc.path.to_owned(),
                line: pos.line,
                column: pos.column,
                text: example.text.clone(),
                expect: Some(example.fixed.clone()),
            });
        }
        for example in &raw.allow {
            let pos = loc
                .index
                .line_column(TextSize::from_usize(example.span().start), loc.text);
            self.examples.push(Example {
                rule: meta_index,
                path: loc.path.to_owned(),
                line: pos.line,
                column: pos.column,
                text: example.get_ref().clone(),
                expect: None,
            });
        }
        let pos = loc.index.line_column(TextSize::from_usize(id_at), loc.text);
        self.defined.insert(
            id.to_owned(),
            format!("{}:{}:{}", loc.path, pos.line, pos.column),
        );
        self.metas.push(RuleMeta {
            id: Cow::Owned(id.to_owned()),
            category,
            severity: raw.severity,
            summary: Cow::Owned(raw.summary),
            fixable,
            origin: Cow::Owned(loc.path.to_owned()),
            opt_in: false,
        });
        Ok(())
    }
}
