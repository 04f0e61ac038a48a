//! `junk.pull-quote`: a paragraph that repeats, word for word, a passage of
//! another paragraph. News pages set a pull quote in large type beside the
//! article; a scraper carries it in as a paragraph of its own, so the
//! article says the same sentence twice. A paragraph repeated whole (a
//! block the page showed twice) is flagged at its second appearance.
//!
//! Words are compared, not characters: case, punctuation and quote marks
//! may differ ("“Stop this war,” Blinken said." holds the pull quote
//! "Stop this war"). Short paragraphs are left alone, since a phrase of a
//! few words ("the war in Ukraine") repeats in any article, and so are
//! headlines.
//!
//! A pull quote repeats running prose: the paragraph it repeats must end
//! as a sentence does, and the repeat must not be a list line ("Breakfast:
//! two eggs, ...", "- item", "3. item": a meal plan repeats those on
//! purpose) or a heading or title (most words capitalised, no full stop),
//! which a page's widgets show again. A whole sentence standing before the
//! longer paragraph that repeats it is the article's own sentence, not a
//! pull quote: nothing there is certain enough to delete.
//!
//! Each word is hashed once, lower-cased, to a 64-bit id; candidates are
//! indexed by their first eight ids, and every eight-word window of the
//! article is looked up at most once (only a window whose first id opens
//! a candidate), so the check stays linear in the article's length.

use super::ends_sentence;
use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::lexicon::{FastMap, Lexicon};
use crate::rule::{Check, Context, RuleMeta};

pub struct PullQuote;

static META: RuleMeta = RuleMeta::builtin(
    "junk.pull-quote",
    Category::Junk,
    Severity::Warning,
    "A paragraph that repeats a passage of another word for word: a pull quote the scraper carried in.",
    true,
);

/// The fewest words a repeated paragraph has. Eight words make a sentence
/// that an article says once; shorter ones ("the war in Ukraine", a
/// dateline) repeat on purpose.
const MIN_WORDS: usize = 8;
/// The most words a pull quote has: a pull quote is a sentence or two, and
/// a long paragraph inside a longer one is an article pasted twice, which
/// is not for this rule to cut.
const MAX_WORDS: usize = 80;

/// Every paragraph's words as ids (the hash of the lower-cased word), one
/// after another; `starts[i]..starts[i + 1]` are paragraph `i`'s.
///
/// A hash and not an interned number: interning cost a map lookup and, for
/// each new word, a string. In an article of ten thousand distinct words,
/// two of them share a 64-bit id with a chance of about 3 × 10⁻¹², and a
/// false repeat needs that eight times in a row.
struct Words {
    ids: Vec<u64>,
    starts: Vec<usize>,
}

impl Words {
    fn new(doc: &Document) -> Self {
        use std::hash::BuildHasher;
        // A fixed seed: the same text gives the same ids in every run.
        let hasher = foldhash::fast::FixedState::with_seed(0x7075_6c6c_7175_6f74);
        let mut ids = Vec::new();
        let mut starts = Vec::with_capacity(doc.paragraphs.len() + 1);
        let mut lower = String::new();
        for paragraph in &doc.paragraphs {
            starts.push(ids.len());
            for word in doc
                .slice(paragraph.range)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                crate::text::lowercase_into(&mut lower, word);
                ids.push(hasher.hash_one(lower.as_str()));
            }
        }
        starts.push(ids.len());
        Self { ids, starts }
    }

    fn of(&self, paragraph: usize) -> &[u64] {
        &self.ids[self.starts[paragraph]..self.starts[paragraph + 1]]
    }
}

/// A list line: a bullet or a number before it, or a short label and a
/// colon at its start ("Breakfast: two eggs, ...").
fn is_list_line(text: &str) -> bool {
    let text = text.trim_start();
    if text.starts_with(['-', '*', '•', '·', '–', '—', '▪', '►']) {
        return true;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return true;
    }
    // The label: up to three words, then a colon; what a speaker says
    // after one is a quote ("He said: “...”").
    text.split_once(':').is_some_and(|(label, rest)| {
        !label.is_empty()
            && label.split_whitespace().count() <= 3
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
            && !rest.trim_start().starts_with(['"', '“', '«', '\''])
    })
}

/// A heading or a title: no full stop at its end, and most of its words
/// capitalised or numbers ("Stainless Steel Kettle 1.7 L With Keep Warm").
fn is_heading(minor: &Lexicon, text: &str) -> bool {
    if ends_sentence(text) {
        return false;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !minor.contains(w))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    !words.is_empty() && capitalised * 10 >= words.len() * 6
}

/// What a pull quote may be: not a list line, a heading or code.
fn may_be_pull_quote(minor: &Lexicon, text: &str) -> bool {
    !is_list_line(text) && !is_heading(minor, text) && !super::is_code(text)
}

/// How many distinct paragraphs may open with the same MIN_WORDS words
/// before the opening counts as boilerplate and is not looked for: it keeps
/// the check linear on a file of near-identical paragraphs.
const MAX_SHARED_OPENINGS: usize = 16;

impl Check for PullQuote {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        if doc.paragraphs.len() < 2 {
            return;
        }
        let words = Words::new(doc);
        // Distinct candidates, each with the paragraphs that have it.
        let mut groups: FastMap<&[u64], Vec<usize>> = FastMap::default();
        for (i, paragraph) in doc.paragraphs.iter().enumerate() {
            // A headline, and the first line of the text, which is the
            // article's title: a lede may repeat it.
            let headline =
                paragraph.lines.len() == 1 && (i == 0 || doc.lines[paragraph.lines.start].headline);
            if (MIN_WORDS..=MAX_WORDS).contains(&words.of(i).len())
                && !headline
                && may_be_pull_quote(&cx.lexicons().minor_words, doc.slice(paragraph.range))
            {
                groups.entry(words.of(i)).or_default().push(i);
            }
        }
        if groups.is_empty() {
            return;
        }
        // Flagged paragraph → the paragraph it repeats. A paragraph shown
        // twice is flagged where it comes again.
        let mut repeats: FastMap<usize, usize> = FastMap::default();
        for indices in groups.values() {
            for pair in indices.windows(2) {
                repeats.insert(pair[1], indices[0]);
            }
        }
        // Candidates by their first MIN_WORDS words; a window of that many
        // words of a paragraph is looked up at most once.
        let mut openings: FastMap<&[u64], Vec<&[u64]>> = FastMap::default();
        for &candidate in groups.keys() {
            openings
                .entry(&candidate[..MIN_WORDS])
                .or_default()
                .push(candidate);
        }
        openings.retain(|_, candidates| candidates.len() <= MAX_SHARED_OPENINGS);
        // The first words of the openings: a window that starts otherwise
        // is not hashed whole.
        let first_words: crate::lexicon::FastSet<u64> = openings.keys().map(|o| o[0]).collect();
        for inside in 0..doc.paragraphs.len() {
            // The paragraph a pull quote repeats is running prose.
            let prose = doc.slice(doc.paragraphs[inside].range);
            if !ends_sentence(prose) || is_list_line(prose) {
                continue;
            }
            let text = words.of(inside);
            for (at, window) in text.windows(MIN_WORDS).enumerate() {
                if !first_words.contains(&window[0]) {
                    continue;
                }
                let Some(candidates) = openings.get(window) else {
                    continue;
                };
                for &candidate in candidates {
                    // A candidate inside a longer paragraph, not itself.
                    if candidate.len() < text.len() && text[at..].starts_with(candidate) {
                        for &i in &groups[candidate] {
                            // A whole sentence before the paragraph that
                            // takes it up again is the article's own.
                            let own_sentence =
                                i < inside && ends_sentence(doc.slice(doc.paragraphs[i].range));
                            if !own_sentence {
                                repeats.entry(i).or_insert(inside);
                            }
                        }
                    }
                }
            }
        }
        let mut flagged: Vec<(usize, usize)> = repeats.into_iter().collect();
        flagged.sort_unstable();
        for (i, original) in flagged {
            let line = doc.line_of(doc.paragraphs[original].range.start()) + 1;
            let whole = words.of(i).len() == words.of(original).len();
            let message = if whole {
                format!(
                    "This paragraph repeats the one at line {} word for word",
                    line
                )
            } else {
                format!(
                    "This paragraph repeats a passage of the one at line {} word for word: a pull quote carried in from the page",
                    line
                )
            };
            cx.report(
                META.diagnostic(doc.paragraphs[i].range, message)
                    .with_fix(Fix::unsafe_(
                        "Delete the repeated paragraph",
                        vec![Edit::delete(super::paragraph_with_break(doc, i))],
                    )),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes, assert_flags};

    const BODY: &str = "“Stop this war of aggression and engage in meaningful diplomacy,” Blinken told Lavrov at the meeting.";

    #[test]
    fn flags_a_pull_quote_before_or_after_its_paragraph() {
        let text = format!(
            "The ministers met in New Delhi.\n\nStop this war of aggression and engage in meaningful diplomacy\n\n{BODY}\n"
        );
        assert_flags(
            &PullQuote,
            &text,
            &["Stop this war of aggression and engage in meaningful diplomacy"],
        );
        assert_fixes(
            &PullQuote,
            &text,
            &format!("The ministers met in New Delhi.\n\n{BODY}\n"),
        );
        let after = format!("{BODY}\n\nThe talks lasted ten minutes.\n\n“Stop this war of aggression and engage in meaningful diplomacy.”\n");
        assert_fixes(
            &PullQuote,
            &after,
            &format!("{BODY}\n\nThe talks lasted ten minutes.\n"),
        );
    }

    #[test]
    fn flags_a_paragraph_shown_twice_at_its_second_appearance() {
        let text =
            format!("Talks in New Delhi\n\n{BODY}\n\nThe talks lasted ten minutes.\n\n{BODY}\n");
        let found = crate::rules::test::diagnostics(&PullQuote, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].range.start().to_usize(), text.rfind('“').unwrap());
        assert!(found[0].message.contains("line 3"), "{}", found[0].message);
    }

    #[test]
    fn allows_list_lines_headings_and_a_sentence_taken_up_later() {
        for text in [
            // A plan repeats its list lines on purpose.
            "Day one\n\nBreakfast: two boiled eggs, one slice of rye toast and black coffee\n\nDay two\n\nBreakfast: two boiled eggs, one slice of rye toast and black coffee\n",
            "What to pack:\n\n- a warm jacket, gloves and a hat for the long evening walk\n\nWhat to pack again:\n\n- a warm jacket, gloves and a hat for the long evening walk\n",
            // A product title that a shop widget shows again.
            "Our pick\n\nStainless Steel Kettle 1.7 L With Temperature Control and Keep Warm\n\nStainless Steel Kettle 1.7 L With Temperature Control and Keep Warm, now 39.99 at the shop.\n",
            // A copy inside a line that is no prose (a widget), in sentence case.
            "Our pick\n\nA stainless steel kettle with temperature control and a keep warm mode\n\nA stainless steel kettle with temperature control and a keep warm mode 39.99 Buy now\n",
            // The article's own sentence, taken up by a later paragraph.
            "The council closed the library on Monday after a vote that split the town.\n\nResidents protested. The council closed the library on Monday after a vote that split the town, and the mayor resigned.\n",
        ] {
            assert_clean(&PullQuote, text);
        }
        assert!(is_list_line("3) a jacket") && is_list_line("Lunch: soup"));
        assert!(!is_list_line("He said: “Stop this war of aggression now.”"));
        let minor = &crate::lexicon::builtin().minor_words;
        assert!(
            is_heading(minor, "Best Budget Phones of the Year")
                && !is_heading(minor, "Stop this war now")
        );
        assert!(ends_sentence("He left.”") && !ends_sentence("He left"));
    }

    #[test]
    fn allows_short_phrases_headlines_and_different_paragraphs() {
        for text in [
            // A phrase of a few words repeats in any article.
            "The war in Ukraine\n\nThe war in Ukraine has lasted three years, the minister said.\n",
            // A Title Case headline above the lede that repeats it.
            "Blinken And Lavrov Meet For The First Time Since The War Began\n\nBlinken and Lavrov meet for the first time since the war began, officials said on Thursday.\n",
            // A title in sentence case, repeated by the lede.
            "Blinken and Lavrov meet for the first time since the war began\n\nBlinken and Lavrov meet for the first time since the war began, officials said.\n",
            // Two paragraphs that share words but not a passage.
            "Stop this war of aggression, the minister said on the first day.\n\nThe minister said on the first day that this war of aggression must stop.\n",
            // Code in a Markdown article.
            "Install it:\n\n```sh\ncargo install mtlint --locked --version 1.2.3 --force\n```\n\nOr update it:\n\n```sh\ncargo install mtlint --locked --version 1.2.3 --force\n```\n",
            // One paragraph.
            BODY,
        ] {
            assert_clean(&PullQuote, text);
        }
    }
}
