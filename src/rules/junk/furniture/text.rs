//! Small tests on a line's text for the page-furniture features: months,
//! clock times, numeric dates, words glued to numbers, links, and ASCII
//! case-insensitive comparisons that do not allocate.

use crate::text::is_alphabetic;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a word names a month, in full or as its usual abbreviation.
pub(crate) fn is_month(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    (3..=9).contains(&word.len())
        && (word.eq_ignore_ascii_case("sept")
            || MONTHS.iter().any(|m| {
                m.eq_ignore_ascii_case(word)
                    || (word.len() == 3 && m.as_bytes()[..3].eq_ignore_ascii_case(word.as_bytes()))
            }))
}

/// `text` starts with `prefix`, ASCII case ignored.
pub(crate) fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// `text` ends with `suffix`, ASCII case ignored.
pub(crate) fn ends_with_ci(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// `text` holds `needle` (ASCII, lower case, not empty), ASCII case
/// ignored. Only the places that start with its first letter are compared.
pub(crate) fn contains_ci(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    text.windows(needle.len())
        .any(|w| w[0].to_ascii_lowercase() == first && w.eq_ignore_ascii_case(needle))
}

/// `word` in lower case: itself when it has no capital, else written into
/// `buffer`.
pub(crate) fn lower<'b>(word: &'b str, buffer: &'b mut String) -> &'b str {
    buffer.clear();
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return word;
        }
        buffer.push_str(word);
        buffer.make_ascii_lowercase();
    } else if word.chars().any(char::is_uppercase) {
        buffer.extend(word.chars().flat_map(char::to_lowercase));
    } else {
        return word;
    }
    buffer
}

/// A clock time ("09:15", "9:15 am") somewhere in the text.
pub(crate) fn has_time(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && b.get(i + 3).is_none_or(|c| !c.is_ascii_digit())
    })
}

/// A numeric date ("14.03.24", "2024-02-23", "3/14/2024") somewhere in the
/// text.
pub(crate) fn has_numeric_date(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| word.bytes().any(|b| b.is_ascii_digit()))
        .any(|word| {
            let mut parts = 0;
            word.split(['.', '/', '-']).all(|p| {
                parts += 1;
                (1..=4).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit())
            }) && parts == 3
        })
}

/// A lower-case letter followed by a capital or a digit inside one word,
/// as where a scraper glued a byline to a timestamp ("Petrova09:15"); a
/// camel-case brand ("iPhone", "YouTube") starts lower case or has one
/// hump, so only a word of two or more humps or a letter-digit seam counts.
#[cfg(test)]
pub(crate) fn has_mixed_glue(text: &str) -> bool {
    text.split_whitespace().any(is_glued_word)
}

/// [`has_mixed_glue`] of one word (no whitespace in it).
pub(crate) fn is_glued_word(word: &str) -> bool {
    if word.len() < 4 || !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let (mut seams, mut digit_seam, mut letters) = (0, false, 0);
    let mut previous: Option<char> = None;
    for c in word.chars() {
        if is_alphabetic(c) {
            letters += 1;
        }
        if previous.is_some_and(char::is_lowercase) {
            if c.is_ascii_digit() {
                seams += 1;
                digit_seam = true;
            } else if c.is_uppercase() {
                seams += 1;
            }
        }
        previous = Some(c);
    }
    seams >= 1 && letters >= 4 && (digit_seam || seams >= 2)
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a line is a date with its day and nothing else ("July 19,
/// 2012", "Monday, November 5, 2012 10:09 AM", "19.07.2012"): the
/// dateline of an article, not the "July 2012" of an archive menu.
pub(crate) fn is_full_date(text: &str) -> bool {
    let mut named = false;
    let mut numbers = 0;
    for token in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        let digits = token.trim_end_matches(|c: char| is_alphabetic(c));
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            let suffix = &token[digits.len()..];
            if !["", "st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str()) {
                return false;
            }
            numbers += 1;
        } else if is_month(token)
            || WEEKDAYS.iter().any(|d| {
                d.eq_ignore_ascii_case(token)
                    || (token.len() == 3
                        && d.as_bytes()[..3].eq_ignore_ascii_case(token.as_bytes()))
            })
        {
            named = true;
        } else if !["am", "pm", "at", "of", "the"].contains(&token.to_ascii_lowercase().as_str()) {
            return false;
        }
    }
    numbers >= 2 && (named || has_numeric_date(text))
}

/// Whether a word (no whitespace in it) is a link, an address or a handle.
pub(crate) fn is_link(raw: &str) -> bool {
    let bare = raw.trim_end_matches(['/', '.', ',', ')']);
    starts_with_ci(raw, "http")
        || starts_with_ci(raw, "www.")
        || (raw.starts_with('@') && raw.len() > 2)
        || (raw.contains('@') && raw.contains('.'))
        || (bare.contains('.')
            && [".com", ".org", ".net", ".ru", ".ua", ".co.uk"]
                .iter()
                .any(|tld| ends_with_ci(bare, tld)))
}
