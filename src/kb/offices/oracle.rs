//! The regex the title matcher replaced, kept as the tests' oracle: the
//! matcher must find what it found, span for span and group for group.

use regex::Regex;

use crate::kb::Kb;

/// The three shapes of a title with a name, as one pattern (one pass):
/// `<Adjective>? <office> <Name>` ("Russian President Lavrov"), `<Name>,
/// <Country>'s <office>` / `<Name>, the <Adjective>? <office>` ("Sergei
/// Lavrov, Russia's president"), and `<Country>'s <office>, <Name>` / `the
/// <Adjective>? <office>, <Name>` ("the country's foreign minister, Sergei
/// Lavrov").
pub(super) fn office_pattern(kb: &Kb) -> Regex {
    {
        let alternation = |mut items: Vec<String>| {
            items.sort_by_key(|a| std::cmp::Reverse(a.len()));
            items.dedup();
            items.join("|")
        };
        let adjectives = alternation(
            kb.countries
                .iter()
                .flat_map(|c| c.adjectives.iter().map(|a| regex::escape(a)))
                .collect(),
        );
        let countries = alternation(
            kb.countries
                .iter()
                .flat_map(|c| {
                    std::iter::once(&c.name)
                        .chain(&c.adjectives)
                        .map(|a| regex::escape(a))
                })
                .collect(),
        );
        let mut phrases: Vec<String> = Vec::new();
        for office in &kb.offices {
            for p in &office.phrases {
                let lower = p.to_lowercase();
                let mut first_cap = lower.clone();
                if let Some(f) = first_cap.get_mut(0..1) {
                    f.make_ascii_uppercase();
                }
                for form in [p.clone(), lower, first_cap] {
                    phrases.push(regex::escape(&form));
                }
            }
        }
        let phrases = alternation(phrases);
        // Names in the Latin script, with the diacritics of European
        // languages and Vietnamese (Latin-1, Latin Extended-A/B and
        // Additional): the knowledge base's
        // names are all written so. `\p{L}`, copied into each of the
        // pattern's nine name slots, made compiling it most of a
        // one-article run's time.
        let name = r"[A-Z\u{C0}-\u{D6}\u{D8}-\u{DE}\u{100}-\u{24F}\u{1E00}-\u{1EFF}][A-Za-z\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}\u{1E00}-\u{1EFF}’'.-]*";
        // Lower-case particles inside a name: "Ursula von der Leyen".
        let particle =
            r"(?:von|van|der|den|de|del|da|dos|du|di|le|la|bin|ibn|al|el|ter)[ \t\u{A0}]+";
        // A name stays on its line: the words of one are never split by a
        // line break, which ends a headline or a paragraph.
        let names = format!(r"{name}(?:[ \t\u{{A0}}]+(?:{particle}){{0,2}}{name}){{0,2}}");
        // ASCII word boundaries keep the pattern on the fast DFA: the
        // adjectives and office names are ASCII.
        let b = "(?-u:\\b)";
        let before = format!(
            r"(?:{b}(?P<adj>{adjectives})\s+)?{b}(?P<office>{phrases})\s+(?P<name>{names})"
        );
        let owner = format!(
            r"(?:{b}(?P<country>{countries})['’]s\s+|{b}[Tt]he\s+(?:(?P<adj3>{adjectives})\s+|country['’]s\s+)?)"
        );
        let after = format!(
            r"(?P<name2>{names}),\s+(?:{b}(?P<country2>{countries})['’]s\s+|{b}[Tt]he\s+(?:(?P<adj2>{adjectives})\s+)?){b}(?P<office2>{phrases}){b}"
        );
        let apposed = format!(r"{owner}(?P<office3>{phrases}),\s+(?P<name3>{names})");
        Regex::new(&format!("{apposed}|{after}|{before}")).expect("the office pattern compiles")
    }
}
