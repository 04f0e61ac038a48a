//! The single-byte code pages that UTF-8 is commonly misread as, and the
//! map between each one's bytes and characters.

use std::sync::OnceLock;

use encoding_rs::{
    Encoding, IBM866, ISO_8859_2, KOI8_R, MACINTOSH, WINDOWS_1250, WINDOWS_1251, WINDOWS_1252,
    WINDOWS_1257,
};

/// A single-byte code page that UTF-8 is commonly misread as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CodePage {
    Windows1252,
    Windows1251,
    Windows1250,
    Iso8859_2,
    Windows1257,
    Koi8R,
    MacRoman,
    Ibm866,
    Cp437,
}

impl CodePage {
    /// In order of preference when two explain the same text equally well.
    pub const ALL: [CodePage; 9] = [
        CodePage::Windows1252,
        CodePage::Windows1251,
        CodePage::Windows1250,
        CodePage::Iso8859_2,
        CodePage::Windows1257,
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
            CodePage::Iso8859_2 => "ISO-8859-2",
            CodePage::Windows1257 => "Windows-1257",
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
            CodePage::Iso8859_2 => Some(ISO_8859_2),
            CodePage::Windows1257 => Some(WINDOWS_1257),
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
    /// U+009F) from most decoders, so those map to themselves. For
    /// Windows-1252 every C1 control does, which covers ISO-8859-1 (whose
    /// C1 controls Windows-1252 fills with quotes and dashes); for the
    /// other pages a C1 control that the page defines a character for
    /// cannot have come from it (`Ĺ\u{99}` is ISO-8859-2, not Windows-1250,
    /// which reads 0x99 as `™`).
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
                    if *cp == CodePage::Windows1252 {
                        for (c, slot) in table.iter_mut().enumerate().take(0xA0).skip(0x80) {
                            *slot = c as u8;
                        }
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
