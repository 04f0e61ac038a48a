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
    if let Some(stripped) = strip_latin(text) {
        return stripped;
    }
    slow_strip(text)
}

/// [`strip_diacritics`] of a text in the Latin script (to Latin
/// Extended-B), most names with diacritics: each letter is decomposed
/// alone and its marks dropped. The text's decomposition, marks dropped and
/// composed again is the same there (no mark is left to reorder or to
/// compose with), for a fraction of the work. `None` for another text.
fn strip_latin(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if c > '\u{24F}' {
            return None;
        }
        unicode_normalization::char::decompose_canonical(c, |part| {
            if !unicode_normalization::char::is_combining_mark(part) {
                out.push(base_letter(part));
            }
        });
    }
    Some(out)
}

fn slow_strip(text: &str) -> String {
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
    single_letters(&s)
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

/// A folded word with each run of a doubled letter written once.
pub fn single_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = None;
    for c in word.chars() {
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
    out
}

/// Whether `found` (skeleton `a`) is a transliteration slip of `right`
/// (skeleton `b`): not the same once transliteration is taken out, and one
/// edit (two in a long word) away after it.
pub fn skeleton_slip(found: &str, a: &str, right: &str, b: &str) -> bool {
    if a == b || initial(found) != initial(right) {
        return false;
    }
    // One edit changes the length by one at most: a cheap test first.
    let allowed = if b.chars().count() >= 9 { 2 } else { 1 };
    if a.len().abs_diff(b.len()) > 2 * allowed {
        return false;
    }
    if allowed == 1 {
        return within_one_edit(a, b);
    }
    strsim::damerau_levenshtein(a, b) <= allowed
}

/// A part of a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Surname,
    FirstName,
}

/// A word made ready to be compared with many names: folded, with its
/// doubled letters written once, and reduced to its skeleton, once.
pub struct Probe<'a> {
    word: &'a str,
    folded: String,
    single: String,
    skeleton: String,
}

impl<'a> Probe<'a> {
    pub fn new(word: &'a str) -> Self {
        let folded = fold(word);
        Probe {
            word,
            single: single_letters(&folded),
            skeleton: skeleton(word),
            folded,
        }
    }
}

/// Whether the probed word is a slip of that part of `person`'s name,
/// judged by where the name comes from:
/// - a Latin-script name, or a romanised one whose schemes the base
///   knows: any spelling but the right ones (give or take case and
///   diacritics) that is one edit away from one of them, two in a long
///   word, a doubled or undoubled letter included ("Britney" for
///   "Brittney", "Blynken" for "Blinken", "Shmygal" for "Shmyhal");
/// - another name: [`skeleton_slip`], so that "Zelenskiy" and
///   "Zelensky" are one name.
pub fn probe_slips(person: &super::Person, part: Part, probe: &Probe) -> bool {
    use super::Origin;
    let right = match part {
        Part::Surname => person.surname_part(),
        Part::FirstName => person.first_name_part(),
    };
    match person.origin_kind {
        Origin::Latin | Origin::Schemes => {
            if right.folded.contains(&probe.folded) {
                return false;
            }
            let first = initial(&probe.folded);
            right.folded.iter().zip(&right.single).any(|(r, r_single)| {
                if initial(r) != first {
                    return false;
                }
                if *r_single == probe.single {
                    return true;
                }
                let allowed = if r_single.chars().count() >= 9 { 2 } else { 1 };
                if r_single.len().abs_diff(probe.single.len()) > allowed {
                    return false;
                }
                if allowed == 1 {
                    within_one_edit(&probe.single, r_single)
                } else {
                    strsim::damerau_levenshtein(&probe.single, r_single) <= allowed
                }
            })
        }
        Origin::Transliterated => {
            !right.skeletons.contains(&probe.skeleton)
                && right
                    .written
                    .iter()
                    .zip(&right.skeletons)
                    .any(|(r, s)| skeleton_slip(probe.word, &probe.skeleton, r, s))
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every Latin letter beyond ASCII, alone and between others, loses
    /// its marks as the whole text's decomposition would have it.
    #[test]
    fn latin_letters_strip_as_decomposition_does() {
        for c in ('\u{80}'..='\u{24F}').filter(|c| !c.is_control()) {
            for text in [c.to_string(), format!("A{c}b{c}ß"), format!("{c}{c}")] {
                assert_eq!(strip_latin(&text), Some(slow_strip(&text)), "{c:?}");
            }
        }
        assert_eq!(strip_diacritics("Čaputová"), "Caputova");
        assert_eq!(strip_diacritics("Błaszczak Yıldırım"), "Blaszczak Yildirim");
        assert_eq!(strip_latin("Йорк"), None);
        assert_eq!(strip_diacritics("Йорк"), "Иорк");
    }

    proptest! {
        /// Any text, Latin or not, with marks of its own or not.
        #[test]
        fn strip_diacritics_is_the_decomposition_without_marks(
            text in "[a-zA-Z ßæøłıđÀ-ɏ\u{300}\u{301}\u{308}\u{327}Ййё가각\u{1100}\u{1161}]{0,12}"
        ) {
            prop_assert_eq!(strip_diacritics(&text), slow_strip(&text));
        }
    }
}
