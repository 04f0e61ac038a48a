//! The compiled rule files, [`RuleFileSet`]: one pass of each pattern's
//! regex and one Aho-Corasick pass for all substitutions over a document.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::automaton::Adaptive;
use crate::diagnostic::{Category, Edit, Fix, Safety};
use crate::document::Document;
use crate::embedded::PATTERN_GATES;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

use super::compile::{PatternRule, Substitution};
use super::{fold, LoadedRules};

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
    gates: Gates,
}

/// The gates of the built-in patterns (`gate.rs`, computed at build time):
/// one search for all their literals tells which patterns can match. The
/// automaton is [`Adaptive`]: a run of one article waits for the registry
/// before its first check, and the gates' DFA was most of its time.
struct Gates {
    /// For each pattern, the sets of literal ids of which it needs one
    /// each; empty: no gate.
    sets: Vec<Vec<Vec<usize>>>,
    automaton: Option<Adaptive>,
    literals: usize,
}

impl Gates {
    fn new(patterns: &[PatternRule]) -> Self {
        let mut literals: Vec<&'static [u8]> = Vec::new();
        let sets = patterns
            .iter()
            .map(|rule| {
                let gate = PATTERN_GATES
                    .iter()
                    .find(|(pattern, _)| *pattern == rule.regex.pattern())
                    .map_or(&[][..], |(_, gate)| *gate);
                gate.iter()
                    .map(|set| {
                        set.iter()
                            .map(|literal| {
                                literals.push(literal);
                                literals.len() - 1
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let automaton = (!literals.is_empty()).then(|| {
            Adaptive::new(&literals, true)
                .expect("gate literals are far below the automaton's size limits")
        });
        Self {
            sets,
            automaton,
            literals: literals.len(),
        }
    }

    /// For each pattern, whether `text` has a literal of each of its sets.
    fn open(&self, text: &str) -> Vec<bool> {
        let mut found = vec![false; self.literals];
        if let Some(automaton) = self.automaton.as_ref().map(Adaptive::get) {
            for hit in automaton.find_overlapping_iter(text) {
                found[hit.pattern().as_usize()] = true;
            }
        }
        self.sets
            .iter()
            .map(|sets| sets.iter().all(|set| set.iter().any(|&l| found[l])))
            .collect()
    }
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
            gates: Gates::new(&rules.patterns),
            metas: rules.metas,
            patterns: rules.patterns,
            substitutions: rules.substitutions,
            automaton,
        }
    }

    fn check_patterns(&self, doc: &Document, cx: &mut Context) {
        let open = self.gates.open(doc.text);
        for (rule, open) in self.patterns.iter().zip(open) {
            let meta = &self.metas[rule.meta_index];
            if !open || !cx.is_enabled(&meta.id) || !rule.regex.may_match(doc.text) {
                continue;
            }
            let (regex, target) = rule.regex.get();
            for caps in regex.captures_iter(doc.text) {
                let Some(whole) = caps.get(0) else { continue };
                let target = target.and_then(|t| caps.get(t)).unwrap_or(whole);
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
pub(super) fn match_case(found: &str, wrong: &str, right: &str) -> String {
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
    use crate::automaton::NFA_TEXTS;

    /// The gates open the same patterns on the NFA a run starts on and on
    /// the DFA it moves to, on every fixture and rule example, in their
    /// case and in capitals.
    #[test]
    fn the_gates_open_alike_on_the_nfa_and_the_dfa() {
        use crate::rules::test::{fixture_texts, rule_file_examples};
        let set = RuleFileSet::compile(crate::rules::builtin_rule_files());
        let warmed = Gates::new(&set.patterns);
        for _ in 0..NFA_TEXTS {
            warmed.open("");
        }
        let mut texts = fixture_texts();
        texts.extend(rule_file_examples(&["flag", "allow"]));
        texts.extend(texts.clone().iter().map(|t| t.to_uppercase()));
        let mut opened = 0;
        for text in &texts {
            let on_dfa = warmed.open(text);
            assert_eq!(Gates::new(&set.patterns).open(text), on_dfa, "{text}");
            opened += on_dfa.iter().filter(|&&open| open).count();
        }
        assert!(opened > 100, "{opened}");
    }
}
