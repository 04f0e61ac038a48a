//! `translation.stray-capital`: a word capitalised in the middle of a
//! sentence, as translation engines leave them when they join segments.
//!
//! Two kinds of word, two levels of certainty:
//! - a closed-class word (`rules/lexicon/function-words.toml`): "including
//!   A far-reaching embargo", "perhaps There will be", "jets That Poland".
//!   It is never a name, so the fix is safe;
//! - a common content word that English writes in lower case
//!   (`rules/lexicon/generated/usually-lowercase.txt`, from SCOWL): "can
//!   High prices", and the second word of a sentence when both are common
//!   words ("Extraordinary Measures have been taken"). A capitalised
//!   common word may still be a name nobody listed, so the word must stand
//!   alone between lower-case words, must not follow a determiner ("the
//!   Ministry"), must not head a name (`rules/lexicon/name-words.toml`),
//!   and the article must write it in lower case elsewhere and capitalise
//!   it nowhere else ("Patriot missiles" is a name). The fix is unsafe.
//!
//! Left alone: headlines in Title Case, the first word of a sentence or
//! line, a word after a colon, a dash, an opening quote or bracket, after an
//! abbreviation such as "U.S.", and an article before a capitalised word
//! ("The Hague", "A Coruña").

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, Token, TokenKind};

use crate::lexicon::{self, FastMap, Lexicon};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct StrayCapital;

static META: RuleMeta = RuleMeta::builtin(
    "translation.stray-capital",
    Category::Translation,
    Severity::Warning,
    "A common word capitalised in mid-sentence, as machine translation leaves it (\"including A far-reaching\").",
    true,
);

/// The word lists the check reads.
struct Words {
    function: &'static Lexicon,
    usual: &'static crate::lexicon::FastSet<&'static str>,
    names: &'static Lexicon,
    determiners: &'static Lexicon,
}

impl Words {
    fn builtin() -> Option<Self> {
        let lexicons = lexicon::builtin();
        Some(Self {
            function: lexicons.get("function-words")?,
            usual: lexicon::word_list("usually-lowercase")?,
            names: lexicons.get("name-words")?,
            determiners: lexicons.get("determiners")?,
        })
    }

    /// A common content word, written in lower case unless it opens a
    /// sentence, and not the head of a name.
    fn is_common(&self, lower: &str) -> bool {
        self.usual.contains(lower) && !self.names.contains(lower) && !self.function.contains(lower)
    }
}

/// "High", "A": an upper-case letter and then lower-case letters only.
fn is_capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

impl Check for StrayCapital {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let Some(words) = Words::builtin() else {
            return;
        };
        // Two words with exactly one space between them, both words.
        let adjacent = |a: Token, b: Token| {
            a.kind == TokenKind::Word
                && b.kind == TokenKind::Word
                && doc.slice(TextRange::new(a.range.end(), b.range.start())) == " "
        };
        // Content words wait for the whole article: see `confirmed`.
        let mut common = Vec::new();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for i in 1..tokens.len() {
                let (prev, tok) = (tokens[i - 1], tokens[i]);
                if !adjacent(prev, tok) {
                    continue;
                }
                let word = doc.slice(tok.range);
                let previous = doc.slice(prev.range);
                if !is_capitalised(word) {
                    continue;
                }
                // Segments joined by an engine go on: a word must follow.
                let Some(next) = tokens.get(i + 1).copied().filter(|&n| adjacent(tok, n)) else {
                    continue;
                };
                let next_word = doc.slice(next.range);
                let lower = word.to_lowercase();
                if words.function.contains(&lower) {
                    // The word before must be an ordinary lower-case word.
                    if !previous.starts_with(char::is_lowercase) {
                        continue;
                    }
                    // "The Hague", "A Coruña": an article opening a name;
                    // "files A and B", "tag A was": a letter naming a thing.
                    if matches!(word, "The" | "A" | "An")
                        && (next_word.starts_with(char::is_uppercase)
                            || words.function.contains(next_word))
                    {
                        continue;
                    }
                    if !doc.is_headline_at(tok.range.start()) {
                        report(cx, tok.range, word, lower, true);
                    }
                } else if words.is_common(&lower) && next_word.starts_with(char::is_lowercase) {
                    let inside = previous.starts_with(char::is_lowercase)
                        && !words.determiners.contains(previous);
                    // "Extraordinary Measures have": the sentence opens
                    // with two capitalised common words.
                    let second = i == 1
                        && is_capitalised(previous)
                        && words.is_common(&previous.to_lowercase());
                    if (inside || second) && !doc.is_headline_at(tok.range.start()) {
                        common.push((tok.range, word, lower));
                    }
                }
            }
        }
        if common.is_empty() {
            return;
        }
        let seen = Usage::count(doc, common.iter().map(|(_, word, _)| *word));
        for (range, word, lower) in common {
            if seen.confirms(word) {
                report(cx, range, word, lower, false);
            }
        }
    }
}

fn report(cx: &mut Context, range: TextRange, word: &str, lower: String, safe: bool) {
    let description = format!("Write `{lower}`");
    let edit = vec![Edit::replace(range, lower)];
    cx.report(
        META.diagnostic(
            range,
            format!("`{word}` is capitalised in mid-sentence; a translation engine joined two segments here"),
        )
        .with_fix(if safe {
            Fix::safe(description, edit)
        } else {
            Fix::unsafe_(description, edit)
        }),
    );
}

/// How an article writes the capitalised common words it was found with:
/// a name ("Patriot missiles", "on Telegram") keeps its capital wherever it
/// stands and is seldom also written in lower case, while a stray capital
/// is a one-off of a word the article writes in lower case elsewhere
/// ("high-level meeting" … "can High prices").
struct Usage<'a> {
    /// Word → (times in lower case, times capitalised after a sentence's
    /// first word).
    counts: FastMap<&'a str, (u32, u32)>,
}

impl<'a> Usage<'a> {
    fn count(doc: &Document<'a>, candidates: impl Iterator<Item = &'a str>) -> Self {
        let mut counts: FastMap<&'a str, (u32, u32)> = FastMap::default();
        let mut lowers: FastMap<String, &'a str> = FastMap::default();
        for word in candidates {
            counts.entry(word).or_default();
            lowers.insert(word.to_lowercase(), word);
        }
        for sentence in &doc.sentences {
            for (i, index) in sentence.tokens.clone().enumerate() {
                let tok = doc.tokens[index];
                if tok.kind != TokenKind::Word {
                    continue;
                }
                let text = doc.slice(tok.range);
                if let Some(entry) = counts.get_mut(text) {
                    if i > 0 {
                        entry.1 += 1;
                    }
                } else if let Some(word) = lowers.get(text) {
                    counts
                        .get_mut(word)
                        .expect("inserted with its lower case")
                        .0 += 1;
                }
            }
        }
        Self { counts }
    }

    fn confirms(&self, word: &str) -> bool {
        self.counts
            .get(word)
            .is_some_and(|&(lower, capital)| lower >= 1 && capital == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn flags_stray_capitals() {
        assert_fixes(
            &StrayCapital,
            "The sanctions, including A far-reaching embargo, were agreed.",
            "The sanctions, including a far-reaching embargo, were agreed.",
        );
        assert_fixes(
            &StrayCapital,
            "It may include MiG fighter jets That Poland and the Czech Republic have agreed to send.",
            "It may include MiG fighter jets that Poland and the Czech Republic have agreed to send.",
        );
        assert_fixes(
            &StrayCapital,
            "He said perhaps There will be talks.",
            "He said perhaps there will be talks.",
        );
    }

    #[test]
    fn allows_names_headlines_and_sentence_starts() {
        for text in [
            "Slovakia Will Continue To Send Aid To Ukraine\n",
            "The envoy flew to The Hague on Monday.",
            "Officials said: The talks will resume.",
            "He read “The Guardian” and U.S. The report followed.",
            "President Biden spoke. There was no reply.",
            "Theresa May and Will Smith were there in May.",
        ] {
            assert_clean(&StrayCapital, text);
        }
    }

    #[test]
    fn flags_common_words_with_an_unsafe_fix() {
        assert_fixes(
            &StrayCapital,
            "The high-level meeting ended. The alliance can High prices for energy.",
            "The high-level meeting ended. The alliance can high prices for energy.",
        );
        assert_fixes(
            &StrayCapital,
            "Extraordinary Measures have been taken since February. More measures will follow.",
            "Extraordinary measures have been taken since February. More measures will follow.",
        );
        let found = crate::rules::test::diagnostics(
            &StrayCapital,
            "They said Dangerous weapons arrived. The weapons were dangerous.",
        );
        assert_eq!(found.len(), 1);
        assert!(found[0]
            .fix
            .as_ref()
            .is_some_and(|f| f.safety == crate::diagnostic::Safety::Unsafe));
    }

    #[test]
    fn allows_common_words_that_make_a_name() {
        for text in [
            // Institutions, offices, a short name after a determiner.
            "The Ministry said the strike was planned.",
            "As Minister he signed the decree.",
            "Prime Minister said nothing.",
            "Supreme Court judges ruled on Monday.",
            "Armed Forces reported two attacks.",
            "Human Rights Watch said it had evidence.",
            "The Guardian reported that talks had stalled.",
            "Our Army has held the line, she said in Parliament today.",
            // Names that are also common words, and titles of works.
            "He met Rose and Bill in Green Bay last May.",
            "She watched Breaking Bad yesterday.",
            "The film Extraordinary Measures was shot in Oregon.",
            // A name keeps its capital; the article never writes it in
            // lower case, or writes it capitalised more than once.
            "Germany supplied Patriot missiles in April.",
            "Kyiv wants Patriot systems, and two Patriot batteries arrived at a high price.",
            // Sentence starts, headlines, quotes, colons.
            "High prices hurt families across Europe.",
            "Energy Prices Rise Again As Winter Nears\n",
            "The slogan was “Dangerous times need clear heads” at the rally.",
            "One word: Enough was the reply.",
            // Acronyms and mixed case.
            "He said NATO troops and iPhone sales rose.",
        ] {
            assert_clean(&StrayCapital, text);
        }
    }
}
