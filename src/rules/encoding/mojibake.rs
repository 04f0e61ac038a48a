//! `encoding.mojibake`: UTF-8 read with a single-byte code page (`â€™` for
//! `’`, `РєР°РЅР°Р»` for `канал`, also twice over and with a translation
//! engine's spaces inside), or a Windows-1251 text read as Windows-1252
//! (`Ïðèâåò`). The detection and the repair live in [`crate::mojibake`].

use crate::diagnostic::{Category, Edit, Fix, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::text::TextRange;

pub struct Mojibake;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.mojibake",
    Category::Encoding,
    Severity::Error,
    "Text decoded with the wrong code page (mojibake), with its repair.",
    true,
);

impl Check for Mojibake {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, doc: &Document, cx: &mut Context) {
        for found in doc.mojibake() {
            let range = TextRange::from_usize(found.start, found.end);
            let damaged = doc.slice(range);
            let shown = match found.repaired.as_str() {
                "\u{a0}" => "a no-break space".to_owned(),
                repaired => format!("`{repaired}`"),
            };
            let message = format!("`{damaged}` is {}; it should read {shown}", found.chain);
            let edit = vec![Edit::replace(range, found.repaired.clone())];
            let fix = if found.exact {
                Fix::safe(format!("Replace with {shown}"), edit)
            } else {
                Fix::unsafe_(format!("Replace with {shown} (a guess: check it)"), edit)
            };
            cx.report(META.diagnostic(range, message).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Safety;
    use crate::rules::test::{assert_clean, assert_fixes, diagnostics};

    #[test]
    fn flags_and_repairs_mojibake() {
        assert_fixes(&Mojibake, "It doesnâ€™t matter.", "It doesn’t matter.");
        assert_fixes(
            &Mojibake,
            "Subscribe to our РєР ° РЅР ° Р »РІ Telegram",
            "Subscribe to our канал в Telegram",
        );
    }

    #[test]
    fn guessed_spaces_make_the_fix_unsafe() {
        let found = diagnostics(&Mojibake, "our РєР ° РЅР ° Р »РІ Telegram");
        assert_eq!(found[0].fix.as_ref().unwrap().safety, Safety::Unsafe);
        let found = diagnostics(&Mojibake, "cafÃ© au lait");
        assert_eq!(found[0].fix.as_ref().unwrap().safety, Safety::Safe);
        assert!(found[0].message.contains("UTF-8 read as Windows-1252"));
    }

    #[test]
    fn allows_real_text_in_many_languages() {
        assert_clean(
            &Mojibake,
            "Olena Zelenska met Zuzana Čaputová in Київ; “25 °C”, ½ © ™. Привет!",
        );
    }
}
