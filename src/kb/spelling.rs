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
fn single_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether `found` is a transliteration slip of `right`: not the same
/// once transliteration is taken out, and one edit (two in a long word)
/// away after it.
pub fn transliteration_slip(found: &str, right: &str) -> bool {
    skeleton_slip(found, &skeleton(found), right, &skeleton(right))
}

/// [`transliteration_slip`] with the skeletons already made.
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

/// Whether `found` is a slip of a name part whose right spellings are
/// `right`, judged by where the name comes from:
/// - a Latin-script name, or a romanised one whose schemes the base
///   knows: any spelling but the right ones (give or take case and
///   diacritics) that is one edit away from one of them, two in a long
///   word, a doubled or undoubled letter included ("Britney" for
///   "Brittney", "Blynken" for "Blinken", "Shmygal" for "Shmyhal");
/// - another name: [`transliteration_slip`], so that "Zelenskiy" and
///   "Zelensky" are one name.
pub fn slip_by_origin<'r>(
    origin: super::Origin,
    found: &str,
    right: impl IntoIterator<Item = &'r str> + Clone,
) -> bool {
    use super::Origin;
    match origin {
        Origin::Latin | Origin::Schemes => {
            let folded = fold(found);
            if right.clone().into_iter().any(|r| fold(r) == folded) {
                return false;
            }
            let single = single_letters(&folded);
            right.into_iter().any(|r| {
                let r = fold(r);
                if initial(&r) != initial(&folded) {
                    return false;
                }
                let r_single = single_letters(&r);
                if r_single == single {
                    return true;
                }
                let allowed = if r_single.chars().count() >= 9 { 2 } else { 1 };
                if r_single.len().abs_diff(single.len()) > allowed {
                    return false;
                }
                if allowed == 1 {
                    within_one_edit(&single, &r_single)
                } else {
                    strsim::damerau_levenshtein(&single, &r_single) <= allowed
                }
            })
        }
        Origin::Unknown | Origin::Transliterated => {
            let mine = skeleton(found);
            let skeletons: Vec<(&str, String)> =
                right.into_iter().map(|r| (r, skeleton(r))).collect();
            !skeletons.iter().any(|(_, s)| *s == mine)
                && skeletons
                    .iter()
                    .any(|(r, s)| skeleton_slip(found, &mine, r, s))
        }
    }
}
