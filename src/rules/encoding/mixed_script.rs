//! `encoding.mixed-script`: a word written in one script with a letter of
//! another that looks the same (`Ukrainе` with a Cyrillic `е`, `Кiев` with
//! a Latin `i`). Readers cannot see it; search, spelling checks and every
//! name rule miss the word. It comes from text typed on two keyboard
//! layouts, from OCR, and from copy that was meant to slip past filters.
//!
//! A word is judged by its letters alone, so a Latin transliteration beside
//! Cyrillic (`Київ (Kyiv)`) or a compound joined by a hyphen (`IT-компания`)
//! is two words and left alone. The word's script is the one most of its
//! letters are in (the line's, on a tie), and every other letter must have
//! a look-alike in it (`rules/lexicon/confusables.toml`); otherwise the word
//! is something else, such as mojibake. A Roman numeral typed with Cyrillic
//! letters (`ХХI`) becomes Latin. The fix is safe when the word it makes is
//! one the lexicons or the knowledge base know, and unsafe otherwise.
//!
//! A whole Cyrillic word of look-alikes between Latin words on a line with
//! no other Cyrillic (`It was а deal` with a Cyrillic `а`) is flagged too,
//! but only when its Latin twin is a known word.

use std::sync::OnceLock;

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::lexicon::{FastMap, Lexicons};
use crate::mojibake::Script;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::{is_alphabetic, TextRange};

pub struct MixedScript;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.mixed-script",
    Category::Encoding,
    Severity::Warning,
    "A word in one script with a look-alike letter of another (a Cyrillic `е` in `Ukrainе`).",
    true,
);

/// The script of a letter; `Other` for letters of other scripts and for
/// anything that is not a letter.
fn script(c: char) -> Script {
    crate::mojibake::script(c).unwrap_or(Script::Other)
}

/// The look-alike pairs, both ways.
struct Twins {
    /// A Cyrillic or Greek letter to its Latin twin.
    to_latin: FastMap<char, char>,
    /// A Latin letter to its Cyrillic twin.
    to_cyrillic: FastMap<char, char>,
    /// A Latin letter to its Greek twin.
    to_greek: FastMap<char, char>,
}

impl Twins {
    fn get(lexicons: &'static Lexicons) -> &'static Twins {
        static TWINS: OnceLock<Twins> = OnceLock::new();
        TWINS.get_or_init(|| {
            let mut twins = Twins {
                to_latin: FastMap::default(),
                to_cyrillic: FastMap::default(),
                to_greek: FastMap::default(),
            };
            for (list, back) in [
                ("confusables-cyrillic", &mut twins.to_cyrillic),
                ("confusables-greek", &mut twins.to_greek),
            ] {
                let pairs = lexicons.get(list).into_iter().flat_map(|l| l.words());
                for pair in pairs {
                    let mut chars = pair.chars();
                    if let (Some(other), Some(latin), None) =
                        (chars.next(), chars.next(), chars.next())
                    {
                        twins.to_latin.insert(other, latin);
                        back.insert(latin, other);
                    }
                }
            }
            twins
        })
    }

    /// `c`'s look-alike in `target`, or `c` when it is already in it.
    fn in_script(&self, c: char, target: Script) -> Option<char> {
        let from = script(c);
        if from == target {
            return Some(c);
        }
        match (from, target) {
            (Script::Cyrillic | Script::Greek, Script::Latin) => self.to_latin.get(&c).copied(),
            (Script::Latin, Script::Cyrillic) => self.to_cyrillic.get(&c).copied(),
            (Script::Latin, Script::Greek) => self.to_greek.get(&c).copied(),
            // Cyrillic to Greek and back go through Latin.
            (Script::Cyrillic | Script::Greek, _) => {
                let latin = self.to_latin.get(&c)?;
                self.in_script(*latin, target)
            }
            _ => None,
        }
    }
}

/// Letter counts per script of a stretch of text.
#[derive(Default, Clone, Copy)]
struct Counts {
    latin: usize,
    cyrillic: usize,
    greek: usize,
    other: usize,
}

impl Counts {
    fn of(text: &str) -> Counts {
        let mut counts = Counts::default();
        for c in text.chars().filter(|c| is_alphabetic(*c)) {
            match script(c) {
                Script::Latin => counts.latin += 1,
                Script::Cyrillic => counts.cyrillic += 1,
                Script::Greek => counts.greek += 1,
                Script::Other => counts.other += 1,
            }
        }
        counts
    }

    fn scripts(&self) -> usize {
        [self.latin, self.cyrillic, self.greek]
            .iter()
            .filter(|&&n| n > 0)
            .count()
    }

    /// The script with the most letters, if one has strictly more.
    fn majority(&self) -> Option<Script> {
        let mut ranked = [
            (self.latin, Script::Latin),
            (self.cyrillic, Script::Cyrillic),
            (self.greek, Script::Greek),
        ];
        ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
        (ranked[0].0 > ranked[1].0).then_some(ranked[0].1)
    }
}

/// The words of a line: runs of letters and combining marks, with their
/// byte offsets in the line.
fn words(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word = |c: char| is_alphabetic(c) || matches!(c, '\u{300}'..='\u{36f}');
    let mut rest = line.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| is_word(c))?;
        let mut end = line.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, &line[start..end]))
    })
}

/// Letters that make up Roman numerals, in any of the three scripts.
fn is_roman_digit(c: char, twins: &Twins) -> bool {
    let latin = twins.in_script(c, Script::Latin).unwrap_or(c);
    matches!(latin, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')
}

/// Whether `word` (Latin) is a word or a name the lexicons or the
/// knowledge base know.
fn is_known(cx: &Context, word: &str) -> bool {
    let lower = word.to_lowercase();
    let kb = cx.kb();
    ["usually-lowercase"].iter().any(|list| {
        cx.word_list(list)
            .is_some_and(|l| l.contains(lower.as_str()))
    }) || ["function-words", "articles", "prepositions"]
        .iter()
        .any(|list| cx.lexicons().get(list).is_some_and(|l| l.contains(&lower)))
        || kb.is_place(word)
        || kb.is_country(word)
        || kb.people_with_surname(word).next().is_some()
        || kb.people_with_first_name(word).next().is_some()
}

/// One word to repair: its range in the text, the target script, and the
/// edits that put each foreign letter in it.
struct Repair {
    range: TextRange,
    target: Script,
    letters: Vec<(TextRange, char, char)>,
    roman: bool,
}

/// The repair of a word that mixes scripts, when every letter outside its
/// main script has a look-alike in it.
fn repair_mixed(word: &str, at: usize, line_counts: Counts, twins: &Twins) -> Option<Repair> {
    let counts = Counts::of(word);
    if counts.other > 0 || counts.scripts() < 2 {
        return None;
    }
    let letters = || word.char_indices().filter(|(_, c)| is_alphabetic(*c));
    let roman = letters().all(|(_, c)| c.is_uppercase() && is_roman_digit(c, twins));
    // The word's own main script if all its letters can be written in it
    // (`Frеedom`); else the line's (`NАТО` in English, where `N` has no
    // Cyrillic twin).
    let feasible = |target: Script| letters().all(|(_, c)| twins.in_script(c, target).is_some());
    let target = if roman {
        Script::Latin
    } else {
        [counts.majority(), line_counts.majority()]
            .into_iter()
            .flatten()
            .find(|&t| feasible(t))?
    };
    let mut edits = Vec::new();
    for (i, c) in letters() {
        let twin = twins.in_script(c, target)?;
        if twin != c {
            let start = at + i;
            edits.push((TextRange::from_usize(start, start + c.len_utf8()), c, twin));
        }
    }
    Some(Repair {
        range: TextRange::from_usize(at, at + word.len()),
        target,
        letters: edits,
        roman,
    })
}

/// The repair of a whole Cyrillic or Greek word of look-alikes standing
/// between Latin words: lower case (or capitalised), Latin on both sides,
/// the only non-Latin word of the line.
fn repair_foreign_word(words: &[(usize, &str)], k: usize, twins: &Twins) -> Option<Repair> {
    let (at, word) = words[k];
    let counts = Counts::of(word);
    if counts.latin > 0 || counts.other > 0 || counts.scripts() != 1 {
        return None;
    }
    if word.chars().skip(1).any(char::is_uppercase) {
        return None;
    }
    let latin_word = |w: &str| {
        let c = Counts::of(w);
        c.latin > 0 && c.scripts() == 1 && c.other == 0
    };
    let neighbours = k > 0
        && words.get(k + 1).is_some()
        && latin_word(words[k - 1].1)
        && latin_word(words[k + 1].1);
    let alone = words
        .iter()
        .enumerate()
        .all(|(j, (_, w))| j == k || Counts::of(w).scripts() == 0 || latin_word(w));
    if !neighbours || !alone {
        return None;
    }
    let mut edits = Vec::new();
    for (i, c) in word.char_indices() {
        let twin = twins.in_script(c, Script::Latin)?;
        let start = at + i;
        edits.push((TextRange::from_usize(start, start + c.len_utf8()), c, twin));
    }
    Some(Repair {
        range: TextRange::from_usize(at, at + word.len()),
        target: Script::Latin,
        letters: edits,
        roman: false,
    })
}

/// Whether the text holds a Cyrillic or Greek letter at all: a UTF-8 lead
/// byte of U+0340 to U+053F. Most English text fails this at once.
fn may_contain(text: &str) -> bool {
    text.bytes().any(|b| (0xCD..=0xD4).contains(&b))
}

impl Check for MixedScript {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        let text = doc.text;
        if !may_contain(text) {
            return;
        }
        let twins = Twins::get(cx.lexicons());
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let offset = line_start;
            line_start += line.len();
            if !may_contain(line) {
                continue;
            }
            let words: Vec<(usize, &str)> = words(line).map(|(i, w)| (offset + i, w)).collect();
            let line_counts = Counts::of(line);
            for k in 0..words.len() {
                let (at, word) = words[k];
                // Mojibake (`вЂњB`) is encoding.mojibake's to repair.
                let in_mojibake = doc
                    .mojibake()
                    .iter()
                    .any(|m| m.start < at + word.len() && at < m.end);
                if word.is_ascii() || in_mojibake {
                    continue;
                }
                let (repair, whole) = match repair_mixed(word, at, line_counts, twins) {
                    Some(repair) => (repair, false),
                    None => match repair_foreign_word(&words, k, twins) {
                        Some(repair) => (repair, true),
                        None => continue,
                    },
                };
                report(cx, doc, &repair, whole);
            }
        }
    }
}

fn report(cx: &mut Context, doc: &Document, repair: &Repair, whole: bool) {
    let written = doc.slice(repair.range);
    let mut fixed = written.to_owned();
    for (range, _, twin) in repair.letters.iter().rev() {
        let start = range.start().to_usize() - repair.range.start().to_usize();
        let end = range.end().to_usize() - repair.range.start().to_usize();
        fixed.replace_range(start..end, &twin.to_string());
    }
    let known = repair.target == Script::Latin && (repair.roman || is_known(cx, &fixed));
    if whole && !known {
        return;
    }
    let target = repair.target.name();
    let message = if whole {
        format!(
            "`{written}` is a {} word of look-alike letters among {target} ones; it reads as the {target} word `{fixed}`",
            script(written.chars().next().unwrap_or('a')).name()
        )
    } else {
        let foreign: Vec<String> = repair
            .letters
            .iter()
            .map(|(_, c, twin)| {
                format!(
                    "`{c}` is {} (U+{:04X}), a look-alike of {target} `{twin}`",
                    script(*c).name(),
                    *c as u32
                )
            })
            .collect();
        let what = if repair.roman {
            "this Roman numeral"
        } else {
            "the word"
        };
        format!(
            "`{written}` mixes scripts: {}; search and name checks miss {what}",
            foreign.join(", ")
        )
    };
    let edits: Vec<Edit> = repair
        .letters
        .iter()
        .map(|(range, _, twin)| Edit::replace(*range, twin.to_string()))
        .collect();
    let description = format!("Write `{fixed}` in {target} letters");
    let fix = if known {
        Fix::safe(description, edits)
    } else {
        Fix::unsafe_(
            format!("{description} (not a word mtlint knows: check it)"),
            edits,
        )
    };
    cx.report(META.diagnostic(repair.range, message).with_fix(fix));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test::{assert_clean, assert_fixes};

    #[test]
    fn repairs_look_alike_letters_in_latin_words() {
        assert_fixes(
            &MixedScript,
            "The fight for Frеedom goes on",
            "The fight for Freedom goes on",
        );
        assert_fixes(
            &MixedScript,
            "aid to Ukrainе arrived",
            "aid to Ukraine arrived",
        );
        assert_fixes(&MixedScript, "the NАТО summit", "the NATO summit");
    }

    #[test]
    fn repairs_look_alike_letters_in_cyrillic_words() {
        assert_fixes(&MixedScript, "в Кiеве сегодня", "в Кіеве сегодня");
        assert_fixes(&MixedScript, "в XХI веке", "в XXI веке");
    }

    #[test]
    fn repairs_a_cyrillic_word_among_latin_ones() {
        assert_fixes(&MixedScript, "It was а deal that", "It was a deal that");
    }

    #[test]
    fn leaves_real_mixed_text_alone() {
        for text in [
            "The capital, Київ (Kyiv), was shelled",
            "компания IT-Сервис и Coca-Cola",
            "агентство ТАСС сообщило",
            "В ХХ веке",
            "The Greek letter α and the word alpha",
            "SlovenskГЎ republika",
            "спецопера́ция",
            "the word с in Russian means with",
            "The ООО Gazprom unit",
        ] {
            assert_clean(&MixedScript, text);
        }
    }
}
