//! Rule files: `[[rule]]` entries in TOML, of kind `pattern` (a regex) or
//! `substitution` (a table of wrong → right), compiled into one
//! [`RuleFileSet`] that scans a document once for all of them.
//!
//! The format is documented in `rules/README.md`. Every mistake in a rule
//! file is an error with `file:line:column`: unknown keys, wrong types, a
//! regex that does not compile, a placeholder the template cannot fill, a
//! table entry that conflicts with another, an example that fails.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::analysis::Analysis;
use crate::diagnostic::{Category, Edit, Fix, Safety, Severity};
use crate::document::Document;
use crate::knowledge::Knowledge;
use crate::rule::{Check, Context, RuleMeta, Settings};
use crate::text::{LineIndex, TextRange, TextSize};

/// A mistake in a rule file, located at `path:line:column`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{path}:{line}:{column}: {message}")]
pub struct RuleFileError {
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Pattern,
    Substitution,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    kind: Kind,
    #[serde(default = "default_severity")]
    severity: Severity,
    summary: String,
    /// A message template: `{0}` is the whole match, `{name}` or `{1}` a
    /// capture group; in a substitution, `{found}` and `{right}`.
    message: Spanned<String>,
    #[serde(default)]
    pattern: Option<Spanned<String>>,
    #[serde(default)]
    replacement: Option<Spanned<String>>,
    #[serde(default)]
    table: Option<Spanned<BTreeMap<String, Spanned<String>>>>,
    #[serde(default)]
    case_sensitive: bool,
    #[serde(default = "default_safety")]
    safety: Safety,
    #[serde(default)]
    fix_description: Option<String>,
    #[serde(default)]
    flag: Vec<Spanned<FlagExample>>,
    #[serde(default)]
    allow: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct FlagExample {
    text: String,
    /// The whole text after the rule's fix; absent when the rule offers no
    /// fix for this text.
    #[serde(default)]
    fixed: Option<String>,
}

fn default_severity() -> Severity {
    Severity::Warning
}

fn default_safety() -> Safety {
    Safety::Safe
}

/// A message or replacement template: literal text and placeholders.
#[derive(Clone, Debug)]
struct Template(Vec<Piece>);

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

    fn render(&self, fill: &dyn Fn(&str) -> String) -> String {
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
struct PatternRule {
    meta_index: usize,
    regex: Regex,
    /// The capture group that is flagged and replaced (`target`), else the
    /// whole match.
    target: Option<usize>,
    message: Template,
    replacement: Option<Template>,
    safety: Safety,
    fix_description: Option<String>,
}

#[derive(Clone, Debug)]
struct Substitution {
    meta_index: usize,
    wrong: String,
    right: String,
    case_sensitive: bool,
    safety: Safety,
    message: Template,
    fix_description: Option<String>,
}

#[derive(Clone, Debug)]
struct Example {
    rule: usize,
    path: String,
    line: u32,
    column: u32,
    text: String,
    /// `Some(expected)` to flag (with `expected` fix or none), `None` to allow.
    expect: Option<Option<String>>,
}

/// Rules loaded from files, before they are compiled.
#[derive(Clone, Debug, Default)]
pub struct LoadedRules {
    metas: Vec<RuleMeta>,
    patterns: Vec<PatternRule>,
    substitutions: Vec<Substitution>,
    examples: Vec<Example>,
    /// Where each rule id was defined, for duplicate errors.
    defined: HashMap<String, String>,
    /// Where each substitution's wrong form was defined (folded).
    wrong_forms: HashMap<String, (String, String)>,
}

struct Locator<'a> {
    path: &'a str,
    index: LineIndex,
    text: &'a str,
}

impl Locator<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> RuleFileError {
        let offset = offset.min(self.text.len());
        let mut at = offset;
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let pos = self.index.line_column(TextSize::from_usize(at), self.text);
        RuleFileError {
            path: self.path.to_owned(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
        }
    }
}

/// Lower case and NFC, as substitutions are matched.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().flat_map(char::to_lowercase).collect()
}

impl LoadedRules {
    pub fn metas(&self) -> &[RuleMeta] {
        &self.metas
    }

    /// The examples of rule `id`: (texts it flags, texts it leaves alone).
    pub fn examples(&self, id: &str) -> (Vec<&str>, Vec<&str>) {
        let mut flagged = Vec::new();
        let mut allowed = Vec::new();
        for example in &self.examples {
            if self.metas[example.rule].id == id {
                match example.expect {
                    Some(_) => flagged.push(example.text.as_str()),
                    None => allowed.push(example.text.as_str()),
                }
            }
        }
        (flagged, allowed)
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }

    /// Parses one rule file and adds its rules. `path` is how errors name it.
    pub fn add_file(&mut self, path: &str, contents: &str) -> Result<(), RuleFileError> {
        let loc = Locator {
            path,
            index: LineIndex::new(contents),
            text: contents,
        };
        let raw: RawFile = toml::from_str(contents).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            loc.error(offset, crate::toml_error::toml_message(contents, &e))
        })?;
        for rule in raw.rule {
            let span = rule.span();
            self.add_rule(&loc, rule.into_inner(), span.start)?;
        }
        Ok(())
    }

    /// Loads every `*.toml` under `dir`, in path order.
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), RuleDirError> {
        let mut files = Vec::new();
        collect_toml(dir, &mut files).map_err(|source| RuleDirError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        if files.is_empty() && !dir.is_dir() {
            return Err(RuleDirError::Io {
                path: dir.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such directory"),
            });
        }
        files.sort();
        for file in files {
            let contents = std::fs::read_to_string(&file).map_err(|source| RuleDirError::Io {
                path: file.display().to_string(),
                source,
            })?;
            self.add_file(&file.display().to_string(), &contents)?;
        }
        Ok(())
    }

    fn add_rule(&mut self, loc: &Locator, raw: RawRule, at: usize) -> Result<(), RuleFileError> {
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
                let regex = Regex::new(pattern.get_ref()).map_err(|e| {
                    loc.error(
                        pattern.span().start,
                        format!("rule `{id}`: the pattern does not compile: {e}"),
                    )
                })?;
                let names: Vec<Option<&str>> = regex.capture_names().collect();
                let known = |slot: &str| {
                    slot.parse::<usize>().is_ok_and(|n| n < names.len())
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
                let target = names.iter().position(|n| *n == Some("target"));
                self.patterns.push(PatternRule {
                    meta_index,
                    regex,
                    target,
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

    /// Runs every example of every rule against that rule alone. Returns
    /// one error per failing example, located at the example.
    pub fn verify_examples(&self) -> Vec<RuleFileError> {
        let mut failures = Vec::new();
        let settings = Settings::default();
        // Rule files read no knowledge: the built-in one is never loaded.
        let knowledge = Knowledge::builtin();
        for rule in 0..self.metas.len() {
            let alone = self.only(rule);
            let id = &self.metas[rule].id;
            for example in self.examples.iter().filter(|e| e.rule == rule) {
                let fail = |message: String| RuleFileError {
                    path: example.path.clone(),
                    line: example.line,
                    column: example.column,
                    message: format!("rule `{id}`: {message}"),
                };
                let doc = Document::new(&example.text, knowledge.lexicons());
                let analysis = Analysis::new(&doc, &knowledge);
                let mut cx = Context::new(&settings, &analysis, None);
                alone.check(&doc, &mut cx);
                let found = cx.into_diagnostics();
                match &example.expect {
                    None if !found.is_empty() => failures.push(fail(format!(
                        "the example `{}` must be left alone, but it is flagged at `{}`",
                        example.text,
                        doc.slice(found[0].range)
                    ))),
                    None => {}
                    Some(_) if found.is_empty() => failures.push(fail(format!(
                        "the example `{}` must be flagged, but it is not",
                        example.text
                    ))),
                    Some(expected) => {
                        let fixes: Vec<&Fix> =
                            found.iter().filter_map(|d| d.fix.as_ref()).collect();
                        let fixed = crate::fix::apply_fixes(&example.text, &fixes).0;
                        match expected {
                            Some(expected) if &fixed != expected => failures.push(fail(format!(
                                "the example `{}` must be fixed to `{expected}`, but the fix gives `{fixed}`",
                                example.text
                            ))),
                            None if !fixes.is_empty() => failures.push(fail(format!(
                                "the example `{}` has no `fixed`, but the rule fixes it to `{fixed}`",
                                example.text
                            ))),
                            _ => {}
                        }
                    }
                }
            }
        }
        failures
    }

    /// A copy holding only rule `index`, for checking its examples.
    fn only(&self, index: usize) -> RuleFileSet {
        let mut one = LoadedRules {
            metas: self.metas.clone(),
            ..LoadedRules::default()
        };
        one.patterns = self
            .patterns
            .iter()
            .filter(|p| p.meta_index == index)
            .cloned()
            .collect();
        one.substitutions = self
            .substitutions
            .iter()
            .filter(|s| s.meta_index == index)
            .cloned()
            .collect();
        RuleFileSet::compile(one)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RuleDirError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Rule(#[from] RuleFileError),
}

fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_toml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks that `id` is `<category>.<kebab-name>` and returns the category.
pub fn parse_id(id: &str) -> Result<Category, String> {
    let bad = || {
        format!("`{id}` is not a rule id: write `<category>.<name>` with a category of encoding, name, title, junk, translation or typography and a lower-case kebab-case name")
    };
    let (category, name) = id.split_once('.').ok_or_else(bad)?;
    let category: Category = category.parse().map_err(|()| bad())?;
    let kebab = !name.is_empty()
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if kebab {
        Ok(category)
    } else {
        Err(bad())
    }
}

/// All file rules, compiled: each pattern's own regex, and one Aho-Corasick
/// automaton for every substitution.
///
/// A `RegexSet` over all patterns was tried first, to learn which occur at
/// all: its overlapping search runs on the PikeVM whenever a pattern has a
/// Unicode `\b` and the text is not ASCII (most articles), and it cost five
/// times what running each regex does, whose literal prefilters skip most
/// of the text (`scripts/bench.sh`, `cargo bench --bench lint -- rule`).
pub struct RuleFileSet {
    metas: Vec<RuleMeta>,
    patterns: Vec<PatternRule>,
    substitutions: Vec<Substitution>,
    automaton: Option<AhoCorasick>,
}

impl RuleFileSet {
    pub fn compile(rules: LoadedRules) -> Self {
        // Each pattern was compiled on its own when it was loaded.
        let automaton = (!rules.substitutions.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(rules.substitutions.iter().map(|s| fold(&s.wrong)))
                .expect("substitution tables are far below the automaton's size limits")
        });
        Self {
            metas: rules.metas,
            patterns: rules.patterns,
            substitutions: rules.substitutions,
            automaton,
        }
    }

    fn check_patterns(&self, doc: &Document, cx: &mut Context) {
        for rule in &self.patterns {
            let meta = &self.metas[rule.meta_index];
            if !cx.is_enabled(&meta.id) {
                continue;
            }
            for caps in rule.regex.captures_iter(doc.text) {
                let Some(whole) = caps.get(0) else { continue };
                let target = rule.target.and_then(|t| caps.get(t)).unwrap_or(whole);
                let range = TextRange::from_usize(target.start(), target.end());
                if range.is_empty() || doc.overlaps_link(range) {
                    continue;
                }
                let fill = |slot: &str| {
                    let group = match slot.parse::<usize>() {
                        Ok(n) => caps.get(n),
                        Err(_) => caps.name(slot),
                    };
                    group.map_or(String::new(), |g| g.as_str().to_owned())
                };
                if is_house_form(meta, cx, range) {
                    continue;
                }
                let message = rule.message.render(&fill);
                let mut diagnostic = meta.diagnostic(range, message);
                if let Some(replacement) = &rule.replacement {
                    let replacement = replacement.render(&fill);
                    let description = rule
                        .fix_description
                        .clone()
                        .unwrap_or_else(|| format!("Replace with `{replacement}`"));
                    diagnostic = diagnostic.with_fix(fix(
                        meta,
                        cx,
                        description,
                        rule.safety,
                        range,
                        replacement,
                    ));
                }
                cx.report(diagnostic);
            }
        }
    }

    fn check_substitutions(&self, doc: &Document, cx: &mut Context) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        let folded = doc.folded();
        for hit in automaton.find_iter(&folded.text) {
            let entry = &self.substitutions[hit.pattern().as_usize()];
            let meta = &self.metas[entry.meta_index];
            if !cx.is_enabled(&meta.id) {
                continue;
            }
            let range = folded.range_to_original(hit.start(), hit.end());
            let found = doc.slice(range);
            if range.is_empty() || !at_word_boundaries(doc.text, range) || doc.overlaps_link(range)
            {
                continue;
            }
            if entry.case_sensitive && found != entry.wrong {
                continue;
            }
            let right = match_case(found, &entry.wrong, &entry.right);
            let fill = |slot: &str| match slot {
                "found" => found.to_owned(),
                _ => right.clone(),
            };
            if is_house_form(meta, cx, range) {
                continue;
            }
            let message = entry.message.render(&fill);
            let description = entry
                .fix_description
                .clone()
                .unwrap_or_else(|| format!("Replace with `{right}`"));
            let fix = fix(meta, cx, description, entry.safety, range, right.clone());
            cx.report(meta.diagnostic(range, message).with_fix(fix));
        }
    }
}

/// A rule file's rule of the `name` category is a name rule: it never
/// flags a house spelling of the config (`knowledge::house`).
fn is_house_form(meta: &RuleMeta, cx: &Context, range: TextRange) -> bool {
    meta.category == Category::Name && cx.analysis().on_house_form(range)
}

/// The fix that writes `replacement` over `range`; a name rule writes the
/// house's spelling of a name where the config overrides it.
fn fix(
    meta: &RuleMeta,
    cx: &Context,
    description: String,
    safety: Safety,
    range: TextRange,
    replacement: String,
) -> Fix {
    if meta.category == Category::Name {
        cx.knowledge()
            .name_fix(description, safety, range, replacement)
    } else {
        Fix::new(description, safety, vec![Edit::replace(range, replacement)])
    }
}

impl Check for RuleFileSet {
    fn rules(&self) -> &[RuleMeta] {
        &self.metas
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        if !self.patterns.is_empty() {
            self.check_patterns(doc, cx);
        }
        self.check_substitutions(doc, cx);
    }
}

/// File rules never fire inside a URL, an e-mail address or a domain.
fn at_word_boundaries(text: &str, range: TextRange) -> bool {
    let before = text[..range.start().to_usize()].chars().next_back();
    let after = text[range.end().to_usize()..].chars().next();
    let first = text[range.to_std()].chars().next();
    let last = text[range.to_std()].chars().next_back();
    let joins = |outside: Option<char>, inside: Option<char>| matches!((outside, inside), (Some(o), Some(i)) if o.is_alphanumeric() && i.is_alphanumeric());
    !joins(before, first) && !joins(after, last)
}

/// `right`, in the case that `found` shows against the table's `wrong`.
fn match_case(found: &str, wrong: &str, right: &str) -> String {
    if found == wrong {
        return right.to_owned();
    }
    let has_lower = |s: &str| s.chars().any(char::is_lowercase);
    let has_upper = |s: &str| s.chars().any(char::is_uppercase);
    if has_upper(found) && !has_lower(found) && has_lower(wrong) {
        return right.to_uppercase();
    }
    let first_upper = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    if first_upper(found) && !first_upper(wrong) {
        let mut chars = right.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    if !has_upper(found) && has_upper(wrong) {
        return right.to_lowercase();
    }
    right.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = r#"
[[rule]]
id = "typography.test-space"
kind = "pattern"
summary = "A space before a comma."
message = "Space before `{p}`."
pattern = '\w(?P<target> +)(?P<p>,)'
replacement = ""
flag = [{ text = "late , he", fixed = "late, he" }]
allow = ["late, he"]
"#;

    fn load(contents: &str) -> Result<LoadedRules, RuleFileError> {
        let mut rules = LoadedRules::default();
        rules.add_file("test.toml", contents)?;
        Ok(rules)
    }

    #[test]
    fn loads_a_pattern_rule_and_runs_its_examples() {
        let rules = load(RULE).unwrap();
        assert_eq!(rules.metas()[0].id, "typography.test-space");
        assert_eq!(rules.verify_examples(), vec![]);
    }

    #[test]
    fn names_file_line_and_column_of_an_unknown_key() {
        let error = load(&RULE.replace("summary =", "sumary =")).unwrap_err();
        assert_eq!((error.line, error.path.as_str()), (5, "test.toml"));
        assert!(error.message.contains("unknown field `sumary`"), "{error}");
    }

    #[test]
    fn names_the_rule_whose_regex_does_not_compile() {
        let error = load(&RULE.replace(r"\w(?P<target> +)", r"\w(?P<target> +")).unwrap_err();
        assert_eq!(error.line, 7);
        assert!(
            error.message.contains("typography.test-space")
                && error.message.contains("does not compile"),
            "{error}"
        );
    }

    #[test]
    fn rejects_a_placeholder_without_a_group() {
        let error = load(&RULE.replace("`{p}`", "`{q}`")).unwrap_err();
        assert!(error.message.contains("`{q}`"), "{error}");
    }

    #[test]
    fn rejects_rules_without_examples_on_both_sides() {
        let error = load(&RULE.replace(r#"allow = ["late, he"]"#, "")).unwrap_err();
        assert!(error.message.contains("both sides"), "{error}");
    }

    #[test]
    fn reports_a_failing_example_at_its_line() {
        let rules =
            load(&RULE.replace(r#"allow = ["late, he"]"#, r#"allow = ["late , he"]"#)).unwrap();
        let failures = rules.verify_examples();
        assert_eq!(failures.len(), 1);
        assert_eq!(failures[0].line, 10);
        assert!(failures[0].message.contains("must be left alone"));
    }

    const TABLE: &str = r#"
[[rule]]
id = "name.test-misspelling"
kind = "substitution"
summary = "Known misspellings."
message = "`{found}` is a misspelling of `{right}`."
table = { "Butcha" = "Bucha", "Anthony Blinken" = "Antony Blinken" }
flag = [{ text = "in BUTCHA and butcha.", fixed = "in BUCHA and bucha." }]
allow = ["Butchart Gardens", "Anthony Smith"]
"#;

    #[test]
    fn substitutes_whole_words_preserving_case() {
        let rules = load(TABLE).unwrap();
        assert_eq!(rules.verify_examples(), vec![]);
    }

    #[test]
    fn rejects_chains_and_duplicates_across_tables() {
        let chain = TABLE.replace(
            r#""Anthony Blinken" = "Antony Blinken""#,
            r#""Bucha" = "Buča""#,
        );
        assert!(load(&chain)
            .unwrap_err()
            .message
            .contains("replaces in turn"));
        let mut rules = load(TABLE).unwrap();
        let again = TABLE.replace("name.test-misspelling", "name.other");
        let error = rules.add_file("b.toml", &again).unwrap_err();
        assert!(error.message.contains("already in the table"), "{error}");
    }

    #[test]
    fn validates_rule_ids() {
        assert_eq!(
            parse_id("typography.doubled-word"),
            Ok(Category::Typography)
        );
        assert!(parse_id("style.doubled-word").is_err());
        assert!(parse_id("typography.Doubled").is_err());
        assert!(parse_id("typography").is_err());
    }

    #[test]
    fn matches_case_of_the_found_text() {
        assert_eq!(match_case("Butcha", "Butcha", "Bucha"), "Bucha");
        assert_eq!(match_case("BUTCHA", "Butcha", "Bucha"), "BUCHA");
        assert_eq!(match_case("butcha", "Butcha", "Bucha"), "bucha");
        assert_eq!(match_case("Teh", "teh", "the"), "The");
    }
}
