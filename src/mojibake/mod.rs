//! Finding and reversing mojibake: text whose bytes were decoded with the
//! wrong code page.
//!
//! Two kinds are handled:
//!
//! - **UTF-8 read as a single-byte code page** (`â€™` for `’`, `РєР°РЅР°Р»`
//!   for `канал`), once or more. Each character of the damaged text maps back
//!   to one byte of that code page; runs of those bytes that form valid UTF-8
//!   sequences are the repair. Translation engines often put spaces around
//!   the characters they take for punctuation (`Р ° РЅ`); those spaces sit
//!   inside a UTF-8 sequence, where no space can be, and are taken out.
//! - **A single-byte text read with another single-byte code page**
//!   (`Ïðèâåò` for `Привет`, Windows-1251 read as Windows-1252).
//!
//! Nothing here decides from a list of known damaged words. A candidate is
//! kept only when the text as written is unlikely (characters that do not
//! meet inside a word) and the repair is plausible: common characters only,
//! one script per word. See [`find`].

pub mod eval;

use std::fmt;
use std::sync::OnceLock;

use encoding_rs::{Encoding, IBM866, KOI8_R, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252};

/// A single-byte code page that UTF-8 is commonly misread as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodePage {
    Windows1252,
    Windows1251,
    Windows1250,
    Koi8R,
    MacRoman,
    Ibm866,
    Cp437,
}

impl CodePage {
    /// In order of preference when two explain the same text equally well.
    pub const ALL: [CodePage; 7] = [
        CodePage::Windows1252,
        CodePage::Windows1251,
        CodePage::Windows1250,
        CodePage::Koi8R,
        CodePage::MacRoman,
        CodePage::Ibm866,
        CodePage::Cp437,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "Windows-1252",
            CodePage::Windows1251 => "Windows-1251",
            CodePage::Windows1250 => "Windows-1250",
            CodePage::Koi8R => "KOI8-R",
            CodePage::MacRoman => "Mac OS Roman",
            CodePage::Ibm866 => "IBM866",
            CodePage::Cp437 => "code page 437",
        }
    }

    fn encoding(self) -> Option<&'static Encoding> {
        match self {
            CodePage::Windows1252 => Some(WINDOWS_1252),
            CodePage::Windows1251 => Some(WINDOWS_1251),
            CodePage::Windows1250 => Some(WINDOWS_1250),
            CodePage::Koi8R => Some(KOI8_R),
            CodePage::MacRoman => Some(MACINTOSH),
            CodePage::Ibm866 => Some(IBM866),
            CodePage::Cp437 => None,
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|&c| c == self).unwrap_or(0)
    }

    /// The character each byte 0x80..=0xFF decodes to.
    fn high_half(self) -> &'static [char; 128] {
        static TABLES: OnceLock<Vec<[char; 128]>> = OnceLock::new();
        let tables = TABLES.get_or_init(|| {
            CodePage::ALL
                .iter()
                .map(|cp| {
                    let mut table = ['\u{fffd}'; 128];
                    match cp.encoding() {
                        Some(encoding) => {
                            for (i, slot) in table.iter_mut().enumerate() {
                                let byte = [0x80 + i as u8];
                                let (text, _) = encoding.decode_without_bom_handling(&byte);
                                *slot = text.chars().next().unwrap_or('\u{fffd}');
                            }
                        }
                        None => {
                            for (slot, c) in table.iter_mut().zip(CP437_HIGH.chars()) {
                                *slot = c;
                            }
                        }
                    }
                    table
                })
                .collect()
        });
        &tables[self.index()]
    }

    /// The byte a character came from, if it is in this code page. Bytes
    /// the code page leaves undefined come back as C1 controls (U+0080 to
    /// U+009F) from most decoders, so those map to themselves: this also
    /// covers ISO-8859-1 for Windows-1252.
    pub fn byte_of(self, c: char) -> Option<u8> {
        if c.is_ascii() {
            return Some(c as u8);
        }
        if let Some(&b) = self.direct().get(c as usize) {
            return (b != 0).then_some(b);
        }
        let reverse = self.reverse();
        reverse
            .binary_search_by_key(&c, |&(k, _)| k)
            .ok()
            .map(|i| reverse[i].1)
    }

    /// `byte_of` as a table for the characters below U+2600 (Latin,
    /// Cyrillic, punctuation, box drawing), where nearly all lookups fall;
    /// 0 means none.
    fn direct(self) -> &'static [u8] {
        static DIRECT: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
        let all = DIRECT.get_or_init(|| {
            CodePage::ALL
                .iter()
                .map(|cp| {
                    let mut table = vec![0u8; 0x2600];
                    for (c, slot) in table.iter_mut().enumerate().take(0xA0).skip(0x80) {
                        *slot = c as u8;
                    }
                    for &(c, b) in cp.reverse() {
                        if let Some(slot) = table.get_mut(c as usize) {
                            *slot = b;
                        }
                    }
                    table
                })
                .collect()
        });
        &all[self.index()]
    }

    fn reverse(self) -> &'static [(char, u8)] {
        static REVERSE: OnceLock<Vec<Vec<(char, u8)>>> = OnceLock::new();
        let all = REVERSE.get_or_init(|| {
            CodePage::ALL
                .iter()
                .map(|cp| {
                    let mut pairs: Vec<(char, u8)> = cp
                        .high_half()
                        .iter()
                        .enumerate()
                        .filter(|(_, &c)| c != '\u{fffd}')
                        .map(|(i, &c)| (c, 0x80 + i as u8))
                        .collect();
                    pairs.sort_unstable();
                    pairs.dedup_by_key(|p| p.0);
                    pairs
                })
                .collect()
        });
        &all[self.index()]
    }

    /// Decodes one byte.
    pub fn decode_byte(self, b: u8) -> char {
        if b < 0x80 {
            b as char
        } else {
            self.high_half()[usize::from(b - 0x80)]
        }
    }
}

/// The upper half of code page 437 (IBM PC), which encoding_rs does not
/// carry; 0xFF is a no-break space.
const CP437_HIGH: &str = concat!(
    "ÇüéâäàåçêëèïîìÄÅ",
    "ÉæÆôöòûùÿÖÜ¢£¥₧ƒ",
    "áíóúñÑªº¿⌐¬½¼¡«»",
    "░▒▓│┤╡╢╖╕╣║╗╝╜╛┐",
    "└┴┬├─┼╞╟╚╔╩╦╠═╬╧",
    "╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀",
    "αßΓπΣσµτΦΘΩδ∞φε∩",
    "≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}",
);

/// How the damage came about: what the bytes were and how they were read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chain {
    /// UTF-8 read as these code pages in turn (two for double encoding).
    Utf8As(Vec<CodePage>),
    /// A text in the first code page read as the second.
    SingleByte { was: CodePage, read_as: CodePage },
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Chain::Utf8As(pages) => {
                f.write_str("UTF-8 read as ")?;
                let first = pages[0];
                if pages.iter().all(|&p| p == first) && pages.len() > 1 {
                    let times = match pages.len() {
                        2 => "twice",
                        3 => "three times",
                        _ => "repeatedly",
                    };
                    return write!(f, "{}, {times}", first.name());
                }
                for (i, page) in pages.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", then as ")?;
                    }
                    f.write_str(page.name())?;
                }
                Ok(())
            }
            Chain::SingleByte { was, read_as } => {
                write!(f, "{} text read as {}", was.name(), read_as.name())
            }
        }
    }
}

/// One stretch of mojibake and its repair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    pub repaired: String,
    pub chain: Chain,
    /// True when the repair is certain: every character maps back to one
    /// byte and nothing had to be guessed (no translator spaces moved or
    /// removed between characters).
    pub exact: bool,
}

/// Whether a text could hold mojibake at all: any character outside ASCII.
/// Most English news text fails this at memchr speed.
pub fn may_contain(text: &str) -> bool {
    !text.is_ascii()
}

/// Every stretch of mojibake in `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Finding> {
    if !may_contain(text) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for line in split_lines(text) {
        let slice = &text[line.clone()];
        if slice.is_ascii() {
            continue;
        }
        let mut in_line = find_utf8_in_line(slice, false);
        let single: Vec<Finding> = find_single_byte_in_line(slice)
            .into_iter()
            .filter(|s| !in_line.iter().any(|f| f.start < s.end && s.start < f.end))
            .collect();
        in_line.extend(single);
        in_line.sort_by_key(|f| f.start);
        found.extend(in_line.into_iter().map(|mut f| {
            f.start += line.start;
            f.end += line.start;
            f
        }));
    }
    found
}

fn split_lines(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    text.split_inclusive('\n').map(move |line| {
        let range = start..start + line.len();
        start += line.len();
        range
    })
}

/// One character of a line and the byte it maps to in a code page.
#[derive(Clone, Copy)]
struct Cell {
    offset: usize,
    c: char,
    byte: Option<u8>,
}

/// A valid UTF-8 sequence made of cells `first..end`.
#[derive(Clone, Debug)]
struct Atom {
    first: usize,
    end: usize,
    decoded: char,
    /// A translator's space inside the sequence was dropped.
    spaced: bool,
    /// A byte was guessed: a no-break space that became a space, or a
    /// byte the decoder dropped.
    guessed: bool,
    /// Some character of the atom is not a letter (`©`, `°`, `€`, a C1
    /// control): a pairing that real words do not make.
    odd: bool,
}

fn is_continuation(b: Option<u8>) -> bool {
    matches!(b, Some(0x80..=0xBF))
}

/// Characters a translation engine sets apart with spaces as if they were
/// punctuation.
fn is_spaceable(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii()
}

fn atoms(cells: &[Cell], page: CodePage) -> Vec<Atom> {
    // A no-break space (0xA0) often reaches us as a plain space: `Â ` is a
    // damaged no-break space and `Ã ` a damaged `à`. Only these two leads of
    // the Latin code pages are taken that way; a Cyrillic capital before a
    // space (`В `) is a real word.
    let latin = matches!(page, CodePage::Windows1252 | CodePage::Windows1250);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let Some(lead @ 0xC2..=0xF4) = cells[i].byte else {
            i += 1;
            continue;
        };
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => 3,
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut j = i + 1;
        let mut spaced = false;
        let mut ok = true;
        if latin
            && matches!(lead, 0xC2 | 0xC3)
            && cells.get(j).is_some_and(|c| c.c == ' ')
            && !cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
        {
            out.push(Atom {
                first: i,
                end: j + 1,
                decoded: if lead == 0xC2 { '\u{a0}' } else { 'à' },
                spaced: false,
                guessed: true,
                odd: true,
            });
            i = j + 1;
            continue;
        }
        // `â€` at the end of a quotation: the closing quote `”` is E2 80 9D,
        // and 0x9D is undefined in Windows-1252, so many decoders drop it.
        if page == CodePage::Windows1252
            && lead == 0xE2
            && cells.get(j).is_some_and(|c| c.c == '€')
            && !cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
        {
            out.push(Atom {
                first: i,
                end: j + 1,
                decoded: '”',
                spaced: false,
                guessed: true,
                odd: true,
            });
            i = j + 1;
            continue;
        }
        for slot in bytes.iter_mut().skip(1).take(need) {
            // A space the engine set beside a mark, before or after it:
            // `Р ° `, `в „ ў`.
            if cells.get(j).is_some_and(|c| c.c == ' ')
                && cells.get(j + 1).is_some_and(|c| is_continuation(c.byte))
                && (is_spaceable(cells[j + 1].c) || is_spaceable(cells[j - 1].c))
            {
                spaced = true;
                j += 1;
            }
            match cells.get(j) {
                Some(cell) if is_continuation(cell.byte) => {
                    *slot = cell.byte.unwrap_or(0);
                    j += 1;
                }
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        let decoded = ok
            .then(|| std::str::from_utf8(&bytes[..=need]).ok())
            .flatten()
            .and_then(|s| s.chars().next());
        match decoded {
            Some(decoded) => {
                let odd = cells[i..j]
                    .iter()
                    .any(|c| c.c != ' ' && (!c.c.is_alphabetic() || is_rare_letter(c.c)));
                out.push(Atom {
                    first: i,
                    end: j,
                    decoded,
                    spaced,
                    guessed: false,
                    odd,
                });
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

/// Letters that a code page has but real words hardly use, so that a
/// capital followed by one is as telling as one followed by a symbol.
fn is_rare_letter(c: char) -> bool {
    matches!(
        c,
        'ƒ' | 'ª' | 'º' | 'µ' | 'Œ' | 'œ' | 'Ÿ' | 'Ž' | 'ž' | 'Š' | 'š' | 'ˆ' | '˜'
    )
}

/// Candidate runs of UTF-8 read as each code page; the best explanation of
/// each stretch wins.
///
/// `relaxed`: judge every run without asking for evidence of its own (for
/// the second round of a double encoding, whose first round had it).
fn find_utf8_in_line(line: &str, relaxed: bool) -> Vec<Finding> {
    let mut candidates: Vec<(Finding, usize)> = Vec::new();
    for page in CodePage::ALL {
        // Most lines cannot hold a sequence in this code page: no lead
        // byte followed (perhaps after one space) by a continuation byte.
        if !has_sequence_start(line, page) {
            continue;
        }
        let cells: Vec<Cell> = line
            .char_indices()
            .map(|(offset, c)| Cell {
                offset,
                c,
                byte: page.byte_of(c),
            })
            .collect();
        // Most lines have nothing that could start a sequence.
        if !cells.iter().any(|c| matches!(c.byte, Some(0xC2..=0xF4))) {
            continue;
        }
        let atoms = atoms(&cells, page);
        let runs = runs(&cells, &atoms);
        // A run that is damaged beyond doubt makes the weaker ones of the
        // same code page on the line believable: `AntĂłnio` beside
        // `ÄŚaputovĂˇ`.
        let mut confirmed = false;
        let mut weak = Vec::new();
        for run in runs {
            match judge(line, &cells, &atoms[run.clone()], page, relaxed) {
                Some(finding) => {
                    confirmed = true;
                    let weight = atoms[run].iter().map(|a| a.end - a.first).sum();
                    candidates.push((finding, weight));
                }
                None => weak.push(run),
            }
        }
        if confirmed {
            for run in weak {
                if let Some(finding) = judge(line, &cells, &atoms[run.clone()], page, true) {
                    let weight = atoms[run].iter().map(|a| a.end - a.first).sum();
                    candidates.push((finding, weight));
                }
            }
        }
    }
    // Longest explanation first; ties go to the preferred code page (the
    // candidates were pushed in that order and the sort is stable).
    candidates.sort_by_key(|c| std::cmp::Reverse(c.1));
    let mut chosen: Vec<Finding> = Vec::new();
    for (finding, _) in candidates {
        if !chosen
            .iter()
            .any(|c| c.start < finding.end && finding.start < c.end)
        {
            chosen.push(finding);
        }
    }
    chosen.sort_by_key(|f| f.start);
    chosen
}

/// Whether some character of `line` maps to a lead byte in `page` and the
/// next character (or the one after a space) to a continuation byte. Cheap:
/// no allocation.
fn has_sequence_start(line: &str, page: CodePage) -> bool {
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii() || !matches!(page.byte_of(c), Some(0xC2..=0xF4)) {
            continue;
        }
        let mut rest = chars.clone();
        let next = match rest.next() {
            Some(' ') => rest.next(),
            other => other,
        };
        if next.is_some_and(|n| is_continuation(page.byte_of(n))) {
            return true;
        }
        // `Â ` and `Ã ` (a no-break space turned into a space) start one too.
        if matches!(page, CodePage::Windows1252 | CodePage::Windows1250) && matches!(c, 'Â' | 'Ã')
        {
            return true;
        }
        // `â€` whose last byte was dropped.
        if c == 'â' && chars.peek() == Some(&'€') {
            return true;
        }
    }
    false
}

/// Groups atoms into runs: atoms joined directly, by ASCII that is not a
/// space (`donâ€™t`), or by one space (`РєР°РЅР°Р» РІ`).
fn runs(cells: &[Cell], atoms: &[Atom]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=atoms.len() {
        let joined = i < atoms.len() && {
            let gap = &cells[atoms[i - 1].end..atoms[i].first];
            let spaces = gap.iter().filter(|c| c.c == ' ').count();
            let all_ascii = gap.iter().all(|c| c.c.is_ascii() && c.c != '\t');
            all_ascii && (spaces == 0 || (spaces == 1 && gap.len() == 1))
        };
        if !joined {
            if start < i {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

/// Decides whether a run of atoms is mojibake, and builds its repair.
/// `relaxed`: another run of the line in the same code page is damaged
/// beyond doubt, so a run needs no evidence of its own.
fn judge(
    line: &str,
    cells: &[Cell],
    atoms: &[Atom],
    page: CodePage,
    relaxed: bool,
) -> Option<Finding> {
    let first = atoms.first()?.first;
    let last = atoms.last()?.end;
    // Widen to whole words: a damaged word is damaged throughout, so every
    // other character of the word must be ASCII or punctuation. A real
    // word with one accidental sequence (`Сіверськ` has `Сі`) fails here.
    let mut lo = first;
    while lo > 0 && !cells[lo - 1].c.is_whitespace() {
        lo -= 1;
    }
    let mut hi = last;
    while hi < cells.len() && !cells[hi].c.is_whitespace() {
        hi += 1;
    }
    let in_atom = |i: usize| atoms.iter().any(|a| (a.first..a.end).contains(&i));
    for i in (lo..first).chain(last..hi) {
        let c = cells[i].c;
        if !c.is_ascii() && c.is_alphanumeric() && !in_atom(i) {
            return None;
        }
    }
    for pair in atoms.windows(2) {
        for cell in &cells[pair[0].end..pair[1].first] {
            if !cell.c.is_ascii() {
                return None;
            }
        }
    }
    // The evidence that the text as written is wrong.
    let odd = atoms.iter().filter(|a| a.odd).count();
    let signature = atoms
        .iter()
        .any(|a| matches!(cells[a.first].c, 'Ã' | 'Â' | 'â' | 'Ð' | 'Ñ'));
    // `SlovenskГЎ`: a word that mixes scripts as written.
    let mixed = cells[lo..hi].split(|c| c.c.is_whitespace()).any(|word| {
        let mut scripts = word.iter().filter_map(|c| script(c.c));
        scripts
            .next()
            .is_some_and(|first| scripts.any(|s| s != first))
    });
    if !relaxed && odd == 0 && atoms.len() < 2 && !signature && !mixed {
        return None;
    }
    // One sequence with a space inside is how real text sets a quote after
    // a one-letter word (`В « Ведомостях »`); the engine's spacing shows in
    // runs of them.
    let glued = (first > 0 && cells[first - 1].c.is_alphanumeric())
        || cells.get(last).is_some_and(|c| c.c.is_alphanumeric());
    if !relaxed && atoms.len() == 1 && atoms[0].spaced && !signature && !glued {
        return None;
    }

    // Build the repair of the atoms' span, taking out translator spaces.
    let mut repaired = String::new();
    let mut exact = true;
    let mut i = first;
    let mut k = 0;
    let mut last = last;
    while i < last {
        if k < atoms.len() && atoms[k].first == i {
            let atom = &atoms[k];
            repaired.push(atom.decoded);
            i = atom.end;
            k += 1;
            exact &= !atom.guessed;
            if atom.spaced {
                exact = false;
                let next_is_space = cells.get(i).is_some_and(|c| c.c == ' ');
                // The engine spaces a mark on both sides, so whether a word
                // space followed it is lost; inside a damaged word (`Р ° РЅ`)
                // there was none, and that is the common case.
                let word_follows = cells
                    .get(i + 1)
                    .is_some_and(|c| c.c.is_alphanumeric() || !c.c.is_ascii());
                if next_is_space && word_follows {
                    // Both spaces were the engine's.
                    i += 1;
                    last = last.max(i);
                } else if !next_is_space && k < atoms.len() && atoms[k].first == i {
                    // `Р »РІ`: the engine moved the word space in front
                    // of the mark; put it back after it.
                    repaired.push(' ');
                }
            }
        } else {
            repaired.push(cells[i].c);
            i += 1;
        }
    }
    let start = cells[first].offset;
    let end = cells.get(last).map_or(line.len(), |c| c.offset);
    let mut chain = vec![page];
    // Double encoding: the repair is itself mojibake of the same kind.
    for _ in 0..2 {
        let again = find_utf8_in_line(&repaired, true);
        match again.as_slice() {
            [only] if only.start == 0 && only.end == repaired.len() => {
                let Chain::Utf8As(pages) = &only.chain else {
                    break;
                };
                chain.extend(pages.iter().copied());
                exact &= only.exact;
                repaired = only.repaired.clone();
            }
            _ => break,
        }
    }
    if !plausible(&repaired) {
        return None;
    }
    Some(Finding {
        start,
        end,
        repaired,
        chain: Chain::Utf8As(chain),
        exact,
    })
}

/// The scripts a letter can belong to, coarsely.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Other,
}

fn script(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c {
        'A'..='Z' | 'a'..='z' | '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}' => Script::Latin,
        '\u{400}'..='\u{52f}' => Script::Cyrillic,
        '\u{370}'..='\u{3ff}' => Script::Greek,
        _ => Script::Other,
    })
}

/// A character that turns up in real text: letters of the common
/// alphabets, general punctuation, currency and common symbols, CJK, emoji.
/// Archaic letters, rare extensions, combining marks and controls are not.
fn is_common(c: char) -> bool {
    let u = c as u32;
    c.is_ascii()
        || matches!(u,
            0xA0..=0xFF
            | 0x100..=0x131 | 0x134..=0x148 | 0x14A..=0x17E
            | 0x18F | 0x192 | 0x1A0 | 0x1A1 | 0x1AF | 0x1B0 | 0x1CD..=0x1D4
            | 0x218..=0x21B | 0x259
            | 0x2BC | 0x2C6 | 0x2DA | 0x2DC
            | 0x386 | 0x388..=0x38A | 0x38C | 0x38E..=0x3A1 | 0x3A3..=0x3CE
            | 0x400..=0x45F | 0x490..=0x493 | 0x49A | 0x49B | 0x4A2 | 0x4A3
            | 0x4AE..=0x4B1 | 0x4BA | 0x4BB | 0x4D8 | 0x4D9 | 0x4E8 | 0x4E9
            | 0x5D0..=0x5EA | 0x5F3 | 0x5F4
            | 0x60C | 0x61B | 0x61F | 0x621..=0x64A | 0x660..=0x669 | 0x67E | 0x686
            | 0x698 | 0x6A9 | 0x6AF | 0x6CC
            | 0x905..=0x939 | 0x93E..=0x94D
            | 0x1EA0..=0x1EF9
            | 0x2010..=0x2022 | 0x2026 | 0x2030 | 0x2032 | 0x2033 | 0x2039 | 0x203A
            | 0x20AC | 0x20B4 | 0x20B8 | 0x20BD | 0x2116 | 0x2122 | 0x2190..=0x2193
            | 0x2212 | 0x2264 | 0x2265
            | 0x3001..=0x3002 | 0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3
            | 0xFF01..=0xFF5E
            | 0x1F300..=0x1FAFF)
}

/// Whether a repaired text reads as real text: common characters only,
/// one script per word, and no C1 control.
fn plausible(text: &str) -> bool {
    if !text.chars().all(is_common) {
        return false;
    }
    text.split_whitespace().all(|word| {
        let mut scripts = word.chars().filter_map(script);
        match scripts.next() {
            None => true,
            Some(first) => scripts.all(|s| s == first),
        }
    })
}

/// Windows-1251 or KOI8-R text read as Windows-1252 (or Latin-1): words
/// made only of accented Latin letters that become Cyrillic words.
fn find_single_byte_in_line(line: &str) -> Vec<Finding> {
    let offset_of = |word: &str| word.as_ptr() as usize - line.as_ptr() as usize;
    // Each word's core (without the punctuation around it) and how many
    // characters of the upper half it has, if it is made of them only.
    let words: Vec<(&str, usize)> = line
        .split_whitespace()
        .map(|word| {
            let core = word.trim_matches(|c: char| {
                c.is_ascii_punctuation() || matches!(c, '«' | '»' | '“' | '”' | '„' | '…')
            });
            (core, single_byte_letters(core))
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].1 == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < words.len() && words[j].1 > 0 {
            j += 1;
        }
        // A group of such words; it needs one of three letters or more, so
        // that a lone `à` or `è` stays French or Italian.
        let group = &words[i..j];
        i = j;
        if !group.iter().any(|w| w.1 >= 3) {
            continue;
        }
        let start = offset_of(group[0].0);
        let last = group[group.len() - 1].0;
        let end = offset_of(last) + last.len();
        let span = &line[start..end];
        let best = [CodePage::Windows1251, CodePage::Koi8R]
            .into_iter()
            .filter_map(|was| {
                let decoded: String = span
                    .chars()
                    .map(|c| CodePage::Windows1252.byte_of(c).map(|b| was.decode_byte(b)))
                    .collect::<Option<String>>()?;
                let score = natural_case_words(&decoded);
                Some((was, decoded, score))
            })
            .max_by_key(|(was, _, score)| (*score, usize::from(*was == CodePage::Windows1251)));
        let Some((was, decoded, score)) = best else {
            continue;
        };
        let words_total = decoded
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count();
        if score == words_total && plausible(&decoded) {
            out.push(Finding {
                start,
                end,
                repaired: decoded,
                chain: Chain::SingleByte {
                    was,
                    read_as: CodePage::Windows1252,
                },
                exact: group.len() >= 2 || span.chars().count() >= 4,
            });
        }
    }
    out
}

/// For a word made only of characters from the upper half of Windows-1252
/// (`Ïðèâåò`, `Óêðà¿íè`), with ASCII punctuation inside at most
/// (`Íüþ-Éîðê`), how many such characters it has; else 0. Real words in
/// Latin scripts mix in plain ASCII letters.
fn single_byte_letters(word: &str) -> usize {
    let mut count = 0;
    for c in word.chars() {
        match c {
            '«' | '»' | '\u{a0}' => return 0,
            '\u{a1}'..='\u{ff}' => count += 1,
            '-' | '\'' | '’' => {}
            _ => return 0,
        }
    }
    count
}

/// How many words are Cyrillic in a natural case: all lower, all upper, or
/// a capital then lower case.
fn natural_case_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| {
            // `Нью-Йорк`: each part of a hyphenated word on its own.
            w.split('-').all(|part| {
                let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
                if letters.iter().any(|&c| script(c) != Some(Script::Cyrillic)) {
                    return false;
                }
                let rest_lower = letters.iter().skip(1).all(|c| c.is_lowercase());
                let all_upper = letters.iter().all(|c| c.is_uppercase());
                rest_lower || all_upper
            }) && w.chars().any(char::is_alphabetic)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repair(text: &str) -> Vec<(String, String, bool)> {
        find(text)
            .into_iter()
            .map(|f| (text[f.start..f.end].to_owned(), f.repaired, f.exact))
            .collect()
    }

    #[track_caller]
    fn assert_repairs(text: &str, damaged: &str, fixed: &str) {
        let found = repair(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!((found[0].0.as_str(), found[0].1.as_str()), (damaged, fixed));
    }

    #[test]
    fn repairs_the_classic_cases() {
        assert_repairs("It doesnâ€™t matter", "â€™", "’");
        assert_repairs("cafÃ© au lait", "Ã©", "é");
        assert_repairs("ÄŒeÅ¡tina je", "ÄŒeÅ¡", "Češ");
        assert_repairs("РєР°РЅР°Р»", "РєР°РЅР°Р»", "канал");
        assert_repairs("a ÃƒÂ© b", "ÃƒÂ©", "é");
        assert_repairs("Ïðèâåò, ìèð", "Ïðèâåò, ìèð", "Привет, мир");
        assert_repairs("rose 5Â % in", "Â ", "\u{a0}");
        assert_repairs("voilÃ  tout", "Ã ", "à");
        let found = repair("a â€œfrozen conflictâ€.");
        assert_eq!(
            found,
            vec![
                ("â€œ".to_owned(), "“".to_owned(), true),
                ("â€".to_owned(), "”".to_owned(), false)
            ]
        );
    }

    #[test]
    fn repairs_the_translation_engine_variant() {
        let found = find("our РєР ° РЅР ° Р »РІ Telegram");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].repaired, "канал в");
        assert!(!found[0].exact);
        // A mark with a space at the very end of the text.
        assert_eq!(find("РєР °").len(), 1);
        assert_eq!(find("РєР ° ").len(), 1);
    }

    #[test]
    fn leaves_real_text_alone() {
        for text in [
            "Привет, мир! Київ, Сіверськ, ПРИВІТ, ДІЯ",
            "Zuzana Čaputová, António Guterres, Olena Zelenska",
            "It’s 25 °C — “quite” warm. ½ © ™ Straße, Ærø, SÃO PAULO, AÇÃO",
            "Azərbaycan, Şəki; Ελληνικά; Tiếng Việt; Łódź; İstanbul; Ägypten",
            "À la carte, déjà vu, naïve façade, Côte d’Ivoire",
            "В « Ведомостях » и В «Коммерсанте» писали, С ° С и Р ° Р.",
        ] {
            assert_eq!(repair(text), vec![], "{text}");
        }
    }

    #[test]
    fn names_the_chain() {
        let found = find("ÃƒÂ©t");
        assert_eq!(
            found[0].chain.to_string(),
            "UTF-8 read as Windows-1252, twice"
        );
        let found = find("РєР°РЅР°Р»");
        assert_eq!(found[0].chain.to_string(), "UTF-8 read as Windows-1251");
    }

    /// Random text from characters that take part in mojibake: no panic,
    /// findings on character boundaries, in order and apart, and repairs
    /// that settle.
    #[test]
    fn random_text_never_breaks_the_finder() {
        let pool: Vec<char> =
            "aZ .,-’“”«»°±©®™€ÃÂâÐÑРСВГДЕЁєЅІіїЄЇЎўĂĹÄÅŚ�\u{81}\u{9d}\u{a0}\nкнаПривет"
                .chars()
                .collect();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| pool[(next() % pool.len() as u64) as usize])
                .collect();
            let found = find(&text);
            let mut last_end = 0;
            for f in &found {
                assert!(
                    f.start >= last_end && f.start < f.end && f.end <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                last_end = f.end;
            }
            // Repairing again and again settles within a few rounds.
            let mut current = text.clone();
            let settled = (0..4).any(|_| {
                let next = eval::repair(&current);
                let same = next == current;
                current = next;
                same
            });
            assert!(settled, "{text:?} keeps changing: {current:?}");
        }
    }
}
