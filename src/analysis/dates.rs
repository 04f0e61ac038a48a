//! The date an article gives itself.

use crate::date::Date;

/// A labelled date near the top of the article: "date 2022-09-21",
/// "Published: 2022-09-21". A bare date in a page header may be the day the
/// page was scraped, so it is not taken.
///
/// Read by hand, as the regex of the tests reads it (its compiling was a
/// fortieth of a one-article run): the first of the first ten lines'
/// labels, in any case, that stands as a word and is followed by an
/// optional colon, white space and a date `YYYY-MM-DD` that ends a word.
pub fn article_date(text: &str) -> Option<Date> {
    let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
    let bytes = head.as_bytes();
    let word = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    for (start, &first) in bytes.iter().enumerate() {
        // Every label starts with `d`, `p` or `u`.
        if !matches!(first | 0x20, b'd' | b'p' | b'u') || (start > 0 && word(start - 1)) {
            continue;
        }
        let Some(end) = LABELS
            .iter()
            .find_map(|label| label_at(&head, start, label))
        else {
            continue;
        };
        if word(end) {
            continue;
        }
        let rest = &head[end..];
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        let date = rest.trim_start_matches(char::is_whitespace);
        if date.len() == rest.len() {
            continue;
        }
        let at = head.len() - date.len();
        let shape = date.len() >= 10
            && date.bytes().take(10).enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if shape && !word(at + 10) {
            return date[..10].parse().ok();
        }
    }
    None
}

/// The labels a date is given, in lower case.
const LABELS: [&str; 4] = ["date", "published", "posted", "updated"];

/// Where `label` ends if `text` has it at `start`, in any case: a letter
/// in either ASCII case, or a character Unicode folds to it (`ſ` for `s`,
/// as the regex's case-insensitive match takes it).
fn label_at(text: &str, start: usize, label: &str) -> Option<usize> {
    let mut chars = text.get(start..)?.char_indices();
    for expected in label.chars() {
        let (_, c) = chars.next()?;
        if c.to_ascii_lowercase() != expected && !(expected == 's' && c == '\u{17F}') {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(at, _)| start + at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_labelled_date_from_the_article() {
        assert_eq!(
            article_date(" date 2022-09-21 Contributors\nPolitics"),
            Some("2022-09-21".parse().unwrap())
        );
        assert_eq!(article_date("Scraped 2024-01-01 12:00\nText"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// The hand-written reading finds what the regex it replaced finds,
        /// on texts made of its labels, dates, boundaries and white space.
        #[test]
        fn reads_what_the_regex_read(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "date", "DATE", "Published", "poſted", "updated", "dated", "xdate",
                    ":", " ", "\u{A0}", "\n", "2022-09-21", "2022-13-01", "2022-09-2",
                    "2022-09-211", "0", "_", "é", "-", "updates",
                ]),
                0..12,
            )
        ) {
            let text: String = parts.concat();
            let regex = regex::Regex::new(
                r"(?i)(?-u:\b)(?:date|published|posted|updated)(?-u:\b):?\s+([0-9]{4}-[0-9]{2}-[0-9]{2})(?-u:\b)",
            )
            .unwrap();
            let head: String = text.lines().take(10).collect::<Vec<_>>().join("\n");
            let expected = regex.captures(&head).and_then(|c| c[1].parse().ok());
            proptest::prop_assert_eq!(article_date(&text), expected, "{:?}", text);
        }
    }
}
