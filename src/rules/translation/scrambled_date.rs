//! `translation.scrambled-date`: a date that a translation engine split
//! around a sentence break, leaving a day number at the start of the next
//! sentence: "since February 2 in Russia. 24 Invasion of Ukraine". The
//! original cannot be rebuilt for certain, so there is no fix.

use crate::diagnostic::{Category, Severity};
use crate::document::{Document, TokenKind};
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct ScrambledDate;

static META: RuleMeta = RuleMeta::builtin(
    "translation.scrambled-date",
    Category::Translation,
    Severity::Warning,
    "A date split around a sentence break (\"since February 2 in Russia. 24 Invasion\").",
    false,
);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How many words back from the break the month may stand.
const REACH: usize = 6;

fn day(text: &str) -> bool {
    text.len() <= 2 && text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

impl Check for ScrambledDate {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        for pair in doc.sentences.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            if before.paragraph != after.paragraph {
                continue;
            }
            let next = &doc.tokens[after.tokens.clone()];
            // The next sentence opens with a bare day and a capitalised word.
            let [number, word, ..] = next else { continue };
            if number.kind != TokenKind::Number
                || !day(doc.slice(number.range))
                || word.kind != TokenKind::Word
                || !doc.slice(word.range).starts_with(char::is_uppercase)
            {
                continue;
            }
            // The sentence before holds "<Month> <day>" near its end.
            let prev = &doc.tokens[before.tokens.clone()];
            let words: Vec<_> = prev.iter().filter(|t| t.kind != TokenKind::Punct).collect();
            let tail = &words[words.len().saturating_sub(REACH)..];
            let found = tail.windows(2).find(|w| {
                MONTHS.contains(&doc.slice(w[0].range))
                    && w[1].kind == TokenKind::Number
                    && day(doc.slice(w[1].range))
            });
            let Some(month) = found else { continue };
            let range = TextRange::new(month[0].range.start(), number.range.end());
            let shown = format!(
                "{} {} … {}",
                doc.slice(month[0].range),
                doc.slice(month[1].range),
                doc.slice(number.range)
            );
            cx.report(META.diagnostic(
                range,
                format!("A date seems split around a sentence break (`{shown}`); the translation scrambled it"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_flags};

    #[test]
    fn flags_a_date_split_by_a_sentence_break() {
        let text =
            "They have met since February 2 in Russia. 24 Invasion of Ukraine. Moscow attended.";
        assert_flags(&ScrambledDate, text, &["February 2 in Russia. 24"]);
    }

    #[test]
    fn allows_ordinary_dates_and_numbers() {
        for text in [
            "They met on February 24. The invasion began that day.",
            "They met on March 2 in Delhi. 18 of 20 countries agreed.",
            "It rose in 2022. 24 People died.",
            "The talks began on March 2. Later, 24 ministers spoke.",
        ] {
            assert_clean(&ScrambledDate, text);
        }
    }
}
