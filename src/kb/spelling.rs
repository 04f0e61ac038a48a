//! How names are compared: folded (lower case, no diacritics), and reduced
//! to a skeleton that takes out the differences of transliteration, so that
//! what is left between two spellings is a slip.

use unicode_normalization::UnicodeNormalization;

/// Lower case without diacritics: the key names are looked up by.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    strip_diacritics(text).to_lowercase()
}

/// "Čaputová" → "Caputova".
pub fn strip_diacritics(text: &str) -> String {
    if text.is_ascii() {
        return text.to_owned();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(base_letter)
        .collect::<String>()
        .nfc()
        .collect()
}

/// The plain letter of a letter whose mark Unicode does not decompose:
/// "Błaszczak" → "Blaszczak", "Yıldırım" → "Yildirim".
fn base_letter(c: char) -> char {
    match c {
        'ł' => 'l',
        'Ł' => 'L',
        'ø' => 'o',
        'Ø' => 'O',
        'đ' => 'd',
        'Đ' => 'D',
        'ı' => 'i',
        'ħ' => 'h',
        'Ħ' => 'H',
        _ => c,
    }
}

/// A spelling with the differences of transliteration taken out: the
/// distance that is left is a slip.
///
/// The replacements run one after another, each on the last one's result
/// ("ckh" → "ch" → "h"); one that has nothing to replace, as in most words,
/// makes no copy.
pub fn skeleton(word: &str) -> String {
    let mut s = fold(word);
    for (from, to) in [("kh", "h"), ("ch", "h"), ("ts", "c"), ("tz", "c")] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    if s.contains(['y', 'j']) {
        s = s.replace(['y', 'j'], "i");
    }
    // Doubled letters count once.
    let doubled = s.chars().zip(s.chars().skip(1)).any(|(a, b)| a == b);
    if !doubled {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether two words are at most one edit apart: one letter changed, added
/// or dropped, or two neighbours swapped (a Damerau-Levenshtein distance of
/// 1 or 0), told in one pass without allocating: most pairs of words an
/// article is checked for are not.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_edit(a.as_bytes(), b.as_bytes())
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        one_edit(&a, &b)
    }
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        return true;
    };
    if short.len() < long.len() {
        return short[i..] == long[i + 1..];
    }
    short[i + 1..] == long[i + 1..]
        || (i + 1 < short.len()
            && short[i] == long[i + 1]
            && short[i + 1] == long[i]
            && short[i + 2..] == long[i + 2..])
}

/// The first letter, lower-cased.
pub fn initial(s: &str) -> Option<char> {
    s.chars().next().and_then(|c| c.to_lowercase().next())
}
