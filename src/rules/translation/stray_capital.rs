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
//! ("The Hague", "A Coruña"). And names and titles in Title Case, which a
//! capital inside is part of:
//! - a common word joined by minor words (`rules/lexicon/minor-words.toml`)
//!   to another capitalised word: an organisation or an office ("the
//!   Ministry of Agriculture and Food", "Head of Sales", "Save the
//!   Children");
//! - a title after a word that introduces one
//!   (`rules/lexicon/title-words.toml`: "the album Where the River Bends",
//!   "the film Heat");
//! - a function word right after an article that opens a span in Title
//!   Case or names a part of a page (`rules/lexicon/page-parts.toml`: "the
//!   About Us link", "the More tab");
//! - a function word followed by a capitalised word after a noun for a
//!   kind of place and `of` (`rules/lexicon/place-nouns.toml`: "the
//!   village of At Tira"), and that name wherever the article repeats it;
//! - the first word of a sentence glued to the heading of a box at the
//!   start of a paragraph (`rules/lexicon/box-labels.toml`: "Summary
//!   Officials said").
//!
//! A function word must open such a title or name: "jets That Poland and
//! the Czech Republic" is Title Case too, and still two joined segments.
//!
//! A third kind: a subject pronoun glued onto a known name before a verb,
//! where the name was the text of a link ("the invasion of Ukraine He
//! is"). The pronoun may be a name itself ("Liu He"), and the sentence
//! may need its subject once only ("Putin He issued"), so the fix is
//! unsafe.

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::{Document, Token, TokenKind};
use crate::kb::Kb;

use crate::lexicon::{FastMap, FastSet, Lexicon, WordList};
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
    usual: WordList,
    names: &'static Lexicon,
    determiners: &'static Lexicon,
    minor: &'static Lexicon,
    articles: &'static Lexicon,
    titles: &'static Lexicon,
    titles_also_verbs: &'static Lexicon,
    page_parts: &'static Lexicon,
    places: &'static Lexicon,
    labels: &'static Lexicon,
    pronouns: &'static Lexicon,
    pinyin: &'static Lexicon,
    past: &'static Lexicon,
    auxiliaries: &'static Lexicon,
}

impl Words {
    fn new(cx: &Context) -> Option<Self> {
        let lexicons = cx.lexicons();
        Some(Self {
            function: lexicons.get("function-words")?,
            usual: cx.word_list("usually-lowercase")?,
            names: lexicons.get("name-words")?,
            determiners: lexicons.get("determiners")?,
            minor: &lexicons.minor_words,
            articles: lexicons.get("articles")?,
            titles: lexicons.get("title-words")?,
            titles_also_verbs: lexicons.get("title-words-also-verbs")?,
            page_parts: lexicons.get("page-parts")?,
            places: lexicons.get("place-nouns")?,
            labels: lexicons.get("box-labels")?,
            pronouns: lexicons.get("subject-pronouns")?,
            pinyin: lexicons.get("pinyin-surnames")?,
            past: lexicons.get("irregular-past-verbs")?,
            auxiliaries: lexicons.get("auxiliary-verbs")?,
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
        let kb = cx.kb();
        let Some(words) = Words::new(cx) else {
            return;
        };
        // Content words wait for the whole article: see `confirmed`.
        let mut common = Vec::new();
        // Function words wait for the place names that open with one.
        let mut function = Vec::new();
        let mut places = FastSet::default();
        for (index, sentence) in doc.sentences.iter().enumerate() {
            let s = SentenceWords {
                doc,
                tokens: &doc.tokens[sentence.tokens.clone()],
                words: &words,
                opens_paragraph: index == 0
                    || doc.sentences[index - 1].paragraph != sentence.paragraph,
            };
            let tokens = s.tokens;
            for i in 1..tokens.len() {
                let (prev, tok) = (tokens[i - 1], tokens[i]);
                if !s.adjacent(i - 1, i) {
                    continue;
                }
                let word = doc.slice(tok.range);
                let previous = doc.slice(prev.range);
                if !is_capitalised(word) {
                    continue;
                }
                // Segments joined by an engine go on: a word must follow.
                if !s.adjacent(i, i + 1) {
                    continue;
                }
                let next_word = doc.slice(tokens[i + 1].range);
                let lower = word.to_lowercase();
                if words.function.contains(&lower) {
                    // The word before must be an ordinary lower-case word,
                    // or a name that a subject pronoun was glued onto.
                    if !previous.starts_with(char::is_lowercase) {
                        if s.pronoun_after_name(i, &lower, kb)
                            && !doc.is_headline_at(tok.range.start())
                        {
                            report(cx, tok.range, word, lower, false);
                        }
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
                    if s.opens_name(i) {
                        continue;
                    }
                    if s.opens_place_name(i) {
                        places.insert((word, next_word));
                        continue;
                    }
                    if !doc.is_headline_at(tok.range.start()) {
                        function.push((tok.range, word, lower, next_word));
                    }
                } else if words.is_common(&lower) && next_word.starts_with(char::is_lowercase) {
                    let inside = previous.starts_with(char::is_lowercase)
                        && !words.determiners.contains(previous);
                    // "Extraordinary Measures have": the sentence opens
                    // with two capitalised common words.
                    let second = i == 1
                        && is_capitalised(previous)
                        && words.is_common(&previous.to_lowercase())
                        && !s.follows_label(i);
                    if (inside || second) && !s.in_name(i) && !doc.is_headline_at(tok.range.start())
                    {
                        common.push((tok.range, word, lower));
                    }
                }
            }
        }
        // "At Tira" once named as a place is a place wherever it stands.
        for (range, word, lower, next_word) in function {
            if !places.contains(&(word, next_word)) {
                report(cx, range, word, lower, true);
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

/// The words of one sentence, read for the names and titles that keep
/// their capitals in mid-sentence.
struct SentenceWords<'d, 'a> {
    doc: &'d Document<'a>,
    tokens: &'d [Token],
    words: &'d Words,
    opens_paragraph: bool,
}

/// A run of words in Title Case around a capitalised word: capitalised
/// words and the lower-case minor words Title Case keeps between them
/// ("Society for the Protection of Birds", "Where the River Bends").
/// `start` and `end` are its first and last capitalised words.
struct Span {
    start: usize,
    end: usize,
    capitals: usize,
}

impl SentenceWords<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.doc.slice(self.tokens[i].range)
    }

    /// Two words with exactly one space between them, both words.
    fn adjacent(&self, a: usize, b: usize) -> bool {
        let (Some(a), Some(b)) = (self.tokens.get(a), self.tokens.get(b)) else {
            return false;
        };
        a.kind == TokenKind::Word
            && b.kind == TokenKind::Word
            && self
                .doc
                .slice(TextRange::new(a.range.end(), b.range.start()))
                == " "
    }

    /// A capitalised word that is not the sentence's first: that one is
    /// capitalised whatever it is.
    fn is_capital(&self, i: usize) -> bool {
        i > 0 && self.text(i).starts_with(char::is_uppercase)
    }

    /// "of", "the", "and": a word Title Case leaves in lower case.
    fn is_minor(&self, i: usize) -> bool {
        let word = self.text(i);
        word.starts_with(char::is_lowercase) && self.words.minor.contains(word)
    }

    fn span(&self, i: usize) -> Span {
        let in_run = |j: usize| self.is_capital(j) || self.is_minor(j);
        let (mut start, mut end) = (i, i);
        while start > 0 && self.adjacent(start - 1, start) && in_run(start - 1) {
            start -= 1;
        }
        while self.adjacent(end, end + 1) && in_run(end + 1) {
            end += 1;
        }
        while start < i && !self.is_capital(start) {
            start += 1;
        }
        while end > i && !self.is_capital(end) {
            end -= 1;
        }
        let capitals = (start..=end).filter(|&j| self.is_capital(j)).count();
        Span {
            start,
            end,
            capitals,
        }
    }

    /// Whether the word before `i` introduces a title: "the album", "her
    /// novel"; a word that is also a verb only after an article, a
    /// possessive `'s` or a name ("the show", "a Netflix film").
    fn introduces_title(&self, i: usize) -> bool {
        if i == 0 || !self.adjacent(i - 1, i) {
            return false;
        }
        let before = self.text(i - 1);
        if !before.starts_with(char::is_lowercase) {
            return false;
        }
        if self.words.titles.contains(before) {
            return true;
        }
        if !self.words.titles_also_verbs.contains(before) || i < 2 {
            return false;
        }
        let owner = self.text(i - 2);
        let possessive = owner.ends_with("'s") || owner.ends_with("’s");
        self.adjacent(i - 2, i - 1)
            && (possessive || self.words.articles.contains(owner) || self.is_capital(i - 2))
    }

    /// Whether the capitalised function word `i`, after a lower-case
    /// word, opens a name or a title rather than a segment an engine
    /// joined on: the title of a work after a word that introduces one
    /// ("the album Where the River Bends"), or a name after an article
    /// ("the About Us link", "the More tab"). Both must be Title Case
    /// past the function word, or name a part of a page: "the film That
    /// was shown" and "jets That Poland" are still joined segments.
    fn opens_name(&self, i: usize) -> bool {
        let span = self.span(i);
        if span.start != i {
            return false;
        }
        if self.introduces_title(i) {
            return span.capitals >= 2;
        }
        let after_article =
            self.adjacent(i - 1, i) && self.words.articles.contains(self.text(i - 1));
        let names_a_part = self.adjacent(span.end, span.end + 1)
            && self.words.page_parts.contains(self.text(span.end + 1));
        after_article && (span.capitals >= 2 || names_a_part)
    }

    /// Whether the capitalised function word `i`, followed by a
    /// capitalised word, opens the name of a place after a noun for a
    /// kind of place and `of`: "the village of At Tira", "the villages of
    /// Beitunya and At Tira". An engine's joined segment does not open on
    /// a name right after "village of".
    fn opens_place_name(&self, i: usize) -> bool {
        let start = self.span(i).start;
        self.is_capital(i + 1)
            && start >= 2
            && self.adjacent(start - 2, start - 1)
            && self.adjacent(start - 1, start)
            && self.text(start - 1) == "of"
            && self.words.places.contains(self.text(start - 2))
            && self.text(start - 2).starts_with(char::is_lowercase)
    }

    /// Whether the capitalised word `i` is a subject pronoun glued onto
    /// the name before it, with a verb after it: "the invasion of Ukraine
    /// He is", "President Vladimir Putin He issued". An engine translated
    /// the name (the text of a link) apart from the clause it opens. The
    /// name must be a place, a country or a surname the knowledge base
    /// knows, and no Chinese surname: a given name after one may be "He"
    /// ("Liu He said"), and so may a surname after a given name the base
    /// does not know ("Kaiming He said"). Not in a title in Title Case
    /// ("How to Stop It by Larry Lessig", "the Lapse It app"), where no
    /// verb follows.
    fn pronoun_after_name(&self, i: usize, lower: &str, kb: &Kb) -> bool {
        // The name must not open the sentence ("So It is"): that is a
        // capital of its own.
        if i < 2 || !self.words.pronouns.contains(lower) || !self.adjacent(i - 1, i) {
            return false;
        }
        let previous = self.text(i - 1);
        is_capitalised(previous)
            && !self.words.pinyin.contains(&previous.to_lowercase())
            && (kb.is_place(previous)
                || kb.is_country(previous)
                || kb.people_with_surname(previous).next().is_some())
            && self.adjacent(i, i + 1)
            && self.is_verb(i + 1)
    }

    /// Whether word `i` reads as the verb of a clause: an auxiliary
    /// (`auxiliary-verbs`), a lower-case word ending as a past tense or a
    /// third person does ("issued", "says"), or a common irregular past
    /// ("said"). Not a noun or a conjunction ("Kaiming He and colleagues").
    fn is_verb(&self, i: usize) -> bool {
        let word = self.text(i);
        word.starts_with(char::is_lowercase)
            && (self.words.auxiliaries.contains(word)
                || self.words.past.contains(word)
                || word.ends_with("ed")
                || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss")))
    }

    /// Whether the words before `i` are the heading of a box glued to the
    /// sentence: at the start of a paragraph, in Title Case, ending in a
    /// word that ends such headings ("Summary Officials said", "Key
    /// Points Residents said").
    fn follows_label(&self, i: usize) -> bool {
        self.opens_paragraph
            && self.words.labels.contains(self.text(i - 1))
            && (0..i).all(|j| {
                self.tokens[j].kind == TokenKind::Word
                    && (j == 0 || self.adjacent(j - 1, j))
                    && (self.text(j).starts_with(char::is_uppercase) || self.is_minor(j))
            })
    }

    /// Whether the capitalised common word `i`, between lower-case
    /// words, belongs to a name in Title Case: joined by minor words to
    /// another capitalised word ("Head of Sales", "the Ministry of
    /// Agriculture and Food", "Save the Children"), or the title after a
    /// word that introduces one ("the film Heat").
    fn in_name(&self, i: usize) -> bool {
        let span = self.span(i);
        span.capitals >= 2 || self.introduces_title(span.start)
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
mod tests;
