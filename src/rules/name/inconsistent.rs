//! `name.inconsistent`: one name spelled two ways in one article ("Britney
//! Greener" … "Griner", "Kharkov" … "Kharkiv", "Shmyhal" … "Shmygal").
//! Works without the knowledge base: two capitalised words that differ by a
//! slip or by transliteration. The suggestion is the knowledge-base form
//! when one of them is known, else the form the article uses most.
//!
//! Two words one letter apart are often two different words, which the
//! rule leaves alone:
//! - both common English words (`rules/lexicon/generated/usually-lowercase.txt`,
//!   `function-words`): "Chapter" and "Charter";
//! - a common word capitalised because it opens a sentence ("These" …
//!   "Those"), after an opening quote too: no name at all;
//! - both places or countries the knowledge base knows ("Austria" and
//!   "Australia" are two countries);
//! - the first part of a hyphenated given name ("Kyung-ho", "Kyeong-su"):
//!   a syllable that two people's names may share in two spellings;
//! - a word of a name in another language, after its article ("Il
//!   Mattino"), and a word that never follows one ("Martino").

use crate::diagnostic::{Category, Safety, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::kb::spelling::{skeleton, strip_diacritics, within_one_edit};
use crate::knowledge::Knowledge;
use crate::lexicon::{FastMap, FastSet, Lexicon, WordList};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct Inconsistent;

static META: RuleMeta = RuleMeta::builtin(
    "name.inconsistent",
    Category::Name,
    Severity::Warning,
    "One name spelled two ways in the same article.",
    true,
);

#[derive(Default)]
struct Uses<'a> {
    ranges: Vec<TextRange>,
    /// The capitalised words that follow it: a first name's surnames.
    next: Vec<&'a str>,
    /// Used inside a sentence, not only as its first word: a proper noun.
    mid_sentence: bool,
    /// How many uses follow an article of another language (`La`, `Il`).
    foreign: usize,
}

/// The word lists the check reads.
struct Words<'k> {
    usual: Option<WordList>,
    function: Option<&'k Lexicon>,
    determiners: Option<&'k Lexicon>,
    minor: &'k Lexicon,
    stopwords: Vec<(&'k str, &'k Lexicon)>,
}

impl<'k> Words<'k> {
    fn new(knowledge: &'k Knowledge) -> Self {
        let lexicons = knowledge.lexicons();
        Words {
            usual: knowledge.word_list("usually-lowercase"),
            function: lexicons.get("function-words"),
            determiners: lexicons.get("determiners"),
            minor: &lexicons.minor_words,
            stopwords: lexicons.with_prefix("stopwords-"),
        }
    }

    /// A common English word, capitalised only where it opens a sentence.
    fn is_common(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.usual.is_some_and(|u| u.contains(lower.as_str()))
            || self.function.is_some_and(|f| f.contains(&lower))
            || self.determiners.is_some_and(|d| d.contains(&lower))
            || self.minor.contains(&lower)
    }

    /// `La`, `Il`, `Der`: a function word of another language that is no
    /// English word (`a`, `in` and `die` are both).
    fn is_foreign_article(&self, word: &str) -> bool {
        word.starts_with(char::is_uppercase)
            && !self.is_common(word)
            && self.stopwords.iter().any(|(_, l)| l.contains(word))
    }
}

fn is_name_word(word: &str) -> bool {
    let mut chars = word.chars();
    word.chars().count() >= 5
        && chars.next().is_some_and(char::is_uppercase)
        && chars.all(char::is_lowercase)
}

/// `Kyung` in `Kyung-ho`: the first syllable of a hyphenated given name,
/// glued by a hyphen to a lower-case part that is no English word (as
/// `based` in `Kharkiv-based` is). Two people's names may share it in two
/// spellings.
fn is_syllable(doc: &Document, tokens: &[Token], words: &Words) -> bool {
    let [word, hyphen, rest, ..] = *tokens else {
        return false;
    };
    let part = doc.slice(rest.range);
    word.range.end() == hyphen.range.start()
        && hyphen.range.end() == rest.range.start()
        && doc.slice(hyphen.range) == "-"
        && rest.kind == TokenKind::Word
        && part.starts_with(char::is_lowercase)
        && !words.is_common(part)
}

/// Whether two spellings are one name: not one a prefix of the other
/// (`Russia`/`Russian`, `Biden`/`Bidens`), and one edit apart once
/// transliteration is taken out, or equal after it.
fn same_name(a: &str, sa: &str, b: &str, sb: &str) -> bool {
    if a.starts_with(b) || b.starts_with(a) {
        return false;
    }
    let first = |s: &str| s.chars().next();
    if sa.len().abs_diff(sb.len()) > 2 || first(sa) != first(sb) {
        return false;
    }
    if sa == sb {
        return true;
    }
    // Initials that differ by transliteration (`Y`/`J`) and a slip besides
    // are two differences: two names (`Yihong`, `Jeong`).
    if a.chars().next() != b.chars().next() {
        return false;
    }
    // A different ending is inflection (`Sweden`/`Swedes`,
    // `Україна`/`України`), not another spelling.
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if common + 2 >= a.chars().count().max(b.chars().count()) {
        return false;
    }
    within_one_edit(sa, sb)
}

impl Check for Inconsistent {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let kb = cx.kb();
        let lists = Words::new(cx.knowledge());
        let mut words: FastMap<&str, Uses<'_>> = FastMap::default();
        let mut lower_words: FastSet<&str> = FastSet::default();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.tokens.clone()];
            for (i, t) in tokens.iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                let word = doc.slice(t.range);
                if word.starts_with(char::is_lowercase) {
                    lower_words.insert(word);
                }
                if !is_name_word(word) {
                    continue;
                }
                // The first word of the sentence, after any opening quote.
                let opens = tokens[..i].iter().all(|t| t.kind == TokenKind::Punct);
                if opens && lists.is_common(word) {
                    continue;
                }
                if is_syllable(doc, &tokens[i..], &lists) {
                    continue;
                }
                let after_foreign_article = i > 0
                    && tokens[i - 1].kind == TokenKind::Word
                    && doc.slice(TextRange::new(tokens[i - 1].range.end(), t.range.start())) == " "
                    && lists.is_foreign_article(doc.slice(tokens[i - 1].range));
                let uses = words.entry(word).or_default();
                uses.ranges.push(t.range);
                uses.foreign += usize::from(after_foreign_article);
                if let Some(next) = tokens.get(i + 1) {
                    let next_word = doc.slice(next.range);
                    let gap = TextRange::new(t.range.end(), next.range.start());
                    if doc.slice(gap) == " " && next_word.starts_with(char::is_uppercase) {
                        uses.next.push(next_word);
                    }
                }
                uses.mid_sentence |= !opens && !doc.is_headline_at(t.range.start());
            }
        }
        // Words the article also writes in lower case are ordinary words.
        words.retain(|w, _| !lower_words.contains(w.to_lowercase().as_str()));
        // Occurrences inside known wrong forms are name.misspelling's: found
        // when a pair first needs them (most articles have none).
        let mut wrong: Option<Vec<(usize, usize)>> = None;
        let known = |w: &str| {
            kb.people_with_surname(w).next().is_some()
                || kb.people_with_first_name(w).next().is_some()
                || kb.is_place(w)
        };
        let first_name = |w: &str| kb.people_with_first_name(w).next().is_some();
        // In alphabetical order, so that the findings come in one order.
        let mut list: Vec<(&str, String, &Uses)> = words
            .iter()
            .filter(|(w, _)| !kb.is_known_wrong(w) && !kb.is_known_wrong(w.trim_end_matches('s')))
            .map(|(w, u)| (*w, skeleton(w), u))
            .collect();
        list.sort_unstable_by_key(|(w, _, _)| *w);
        // One name's spellings share the skeleton's first letter: each word
        // is compared with the later words of its bucket only, in the
        // order of the list.
        let mut buckets: FastMap<Option<char>, Vec<usize>> = FastMap::default();
        for (i, (_, sa, _)) in list.iter().enumerate() {
            buckets.entry(sa.chars().next()).or_default().push(i);
        }
        for (i, (a, sa, ua)) in list.iter().enumerate() {
            let (a, ua) = (*a, *ua);
            let bucket = &buckets[&sa.chars().next()];
            let later = &bucket[bucket.partition_point(|&j| j <= i)..];
            for (b, sb, ub) in later.iter().map(|&j| &list[j]) {
                let (b, ub) = (*b, *ub);
                // Both proper nouns (capitalised inside a sentence), or one
                // a name the base knows.
                // The cheap test first: most pairs are not one name.
                if !same_name(a, sa, b, sb) {
                    continue;
                }
                // Two English words, two places, or a word of a name in
                // another language against one that is not.
                let place = |w: &str| kb.is_place(w) || kb.is_country(w);
                let foreign = |u: &Uses| u.foreign == u.ranges.len();
                if (lists.is_common(a) && lists.is_common(b))
                    || (place(a) && place(b))
                    || foreign(ua) != foreign(ub)
                {
                    continue;
                }
                let proper = (ua.mid_sentence && ub.mid_sentence) || known(a) || known(b);
                if !proper {
                    continue;
                }
                // Dmytro Kuleba and Dmitry Peskov are two people: first
                // names count only before the same surname.
                let shared_surname = ua.next.iter().any(|n| ub.next.contains(n));
                if (first_name(a) || first_name(b)) && !shared_surname {
                    continue;
                }
                // The base's form, else the majority; a tie is reported at
                // the later spelling without a fix.
                let a_first = ua.ranges[0].start() < ub.ranges[0].start();
                // Both first names the base knows (Oleksiy Honcharuk,
                // Oleksii Reznikov): the one it knows with this surname.
                let named = |w: &str, u: &Uses| {
                    u.next
                        .iter()
                        .any(|n| kb.people_named(&format!("{w} {n}")).next().is_some())
                };
                let (named_a, named_b) = (named(a, ua), named(b, ub));
                let (right, wrong_word, wrong_uses, certain) = match (known(a), known(b)) {
                    (true, true) if named_a && !named_b => (a, b, ub, true),
                    (true, true) if named_b && !named_a => (b, a, ua, true),
                    // `Antonio` for `António`: the accents were lost.
                    _ if strip_diacritics(a) == b => (a, b, ub, known(a)),
                    _ if strip_diacritics(b) == a => (b, a, ua, known(b)),
                    (true, false) => (a, b, ub, true),
                    (false, true) => (b, a, ua, true),
                    _ if ua.ranges.len() > ub.ranges.len() => (a, b, ub, true),
                    _ if ub.ranges.len() > ua.ranges.len() => (b, a, ua, true),
                    _ if a_first => (a, b, ub, false),
                    _ => (b, a, ua, false),
                };
                // A name without its diacritics is no one else's finding
                // by default (`name.diacritics` is opt-in): written beside
                // its accented form, it is this rule's.
                let wrong = wrong.get_or_insert_with(|| {
                    cx.analysis()
                        .wrong_forms()
                        .iter()
                        .filter(|m| kb.wrong_forms[m.form].kind != crate::kb::WrongKind::Diacritics)
                        .map(|m| (m.start, m.end))
                        .collect()
                });
                for &range in &wrong_uses.ranges {
                    let (s, e) = (range.start().to_usize(), range.end().to_usize());
                    if wrong.iter().any(|&(ws, we)| ws <= s && e <= we) {
                        continue;
                    }
                    // The house's own form, and a form the house-spelling
                    // rule already reports, are the house's to judge.
                    if cx.analysis().on_house_form(range) || cx.analysis().house_reports(range) {
                        continue;
                    }
                    // A slip of a known surname is name.near-miss's.
                    if cx
                        .analysis()
                        .surname_slips(doc)
                        .iter()
                        .any(|s| s.range == range)
                    {
                        continue;
                    }
                    // `Dmytro Kuleba` is right as it stands, and the change
                    // must not make a known wrong form (`Dmitry Kuleba`);
                    // the base looks names up without their accents, so
                    // `Antonio Guterres` is no other person's right form.
                    let next = doc.text[e..]
                        .strip_prefix(' ')
                        .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next())
                        .unwrap_or_default();
                    let lost_accents = strip_diacritics(right) == wrong_word;
                    if !next.is_empty()
                        && ((!lost_accents
                            && kb
                                .people_named(&format!("{wrong_word} {next}"))
                                .next()
                                .is_some())
                            || kb.is_known_wrong(&format!("{right} {next}")))
                    {
                        continue;
                    }
                    let diagnostic = META.diagnostic(
                        range,
                        format!("`{wrong_word}` and `{right}` are one name spelled two ways in this article"),
                    );
                    cx.report(if certain {
                        diagnostic.with_fix(cx.knowledge().name_fix(
                            format!("Write `{right}` throughout"),
                            Safety::Unsafe,
                            range,
                            right.to_owned(),
                        ))
                    } else {
                        diagnostic
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    #[test]
    fn flags_a_known_name_written_with_and_without_its_diacritics() {
        assert_fixes(
            &Inconsistent,
            "António Guterres spoke first. Later Antonio Guterres left the hall.",
            "António Guterres spoke first. Later António Guterres left the hall.",
        );
        assert_clean(&Inconsistent, "Later Antonio Guterres left the hall.");
    }

    #[test]
    fn flags_one_name_spelled_two_ways() {
        assert_fixes(
            &Inconsistent,
            "Missiles hit Avdeevka. Residents of Avdiivka fled. The mayor of Avdiivka spoke.",
            "Missiles hit Avdiivka. Residents of Avdiivka fled. The mayor of Avdiivka spoke.",
        );
        // A tie between spellings the base does not know: the later one.
        assert_flags(
            &Inconsistent,
            "Official Taras Hrytsak said. Later Taras Hritsak left.",
            &["Hritsak"],
        );
        // Oleksii and Oleksiy are the national and the BGN/PCGN
        // romanisations of one name: both are the base's spellings.
        assert_clean(
            &Inconsistent,
            "Defence Minister Oleksiy Reznikov said. Later Oleksii Reznikov left.",
        );
        assert_fixes(
            &Inconsistent,
            "They met the star Brittany Greener. Griner was later released.",
            "They met the star Brittany Griner. Griner was later released.",
        );
        // Mid-sentence slips in a surname, and lost accents.
        assert_flags(
            &Inconsistent,
            "Mr Dambrowski said. Later Adam Dabrowski and Mr Dabrowski left.",
            &["Dambrowski"],
        );
        assert_flags(
            &Inconsistent,
            "Judge Baltasar Garzón spoke. Later the judge Garzon left.",
            &["Garzon"],
        );
        // A transliterated initial alone is one name.
        assert_flags(
            &Inconsistent,
            "Official Taras Yarema said. Later Taras Jarema left.",
            &["Jarema"],
        );
    }

    #[test]
    fn allows_different_words() {
        for text in [
            "Russia and the Russian army; Biden and the Bidens.",
            "Where was it? There was nothing. Where now?",
            "Austria and Australia met; in Sweden the Swedes voted.",
            "The King at Buckingham Palace. Place your bets, said the Palace.",
            "Shmyhal met Shmyhal again.",
            "Dmytro Kuleba and Dmitry Peskov are two people.",
            // The base knows a Jeong (Jeong Kyeong-doo).
            "Written by Yihong Wang and by Daeyeon Jeong.",
        ] {
            assert_clean(&Inconsistent, text);
        }
    }

    #[test]
    fn allows_two_words_places_syllables_and_foreign_names() {
        for text in [
            "Under Article 51 of the Charter, and in Chapter Seven.",
            "\"Those who stay will vote,\" he said. \"These rules stand.\"",
            "Flights from Iceland and from Ireland resumed.",
            "Players Choi Kyung-ho and Lim Kyeong-su met.",
            "He spoke to Il Mattino, and to a morning paper Martino edits.",
        ] {
            assert_clean(&Inconsistent, text);
        }
    }
}
