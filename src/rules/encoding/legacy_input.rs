//! `encoding.legacy-input`: the file is not Unicode. mtlint decoded it
//! (Windows-1251, KOI8-R, ...) and lints it; this says so once, at the top,
//! so a pipeline can find the files to convert. `--fix` writes such a file
//! back in its own encoding.

use crate::diagnostic::{Category, Severity};
use crate::document::Document;
use crate::rule::{Check, Context, RuleMeta};
use crate::source::Encoding;
use crate::text::{TextRange, TextSize};

pub struct LegacyInput;

static META: RuleMeta = RuleMeta::builtin(
    "encoding.legacy-input",
    Category::Encoding,
    Severity::Warning,
    "The file is in a legacy encoding (not UTF-8 or UTF-16); it was decoded to lint it.",
    false,
);

impl Check for LegacyInput {
    fn rules(&self) -> &[RuleMeta] {
        std::slice::from_ref(&META)
    }

    fn check(&self, _doc: &Document, cx: &mut Context) {
        if let Encoding::Legacy(encoding) = cx.encoding {
            let message = format!(
                "The file is encoded in {}, not UTF-8 or UTF-16; it was decoded to be checked",
                encoding.name()
            );
            cx.report(META.diagnostic(TextRange::empty(TextSize::from_usize(0)), message));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Settings;

    fn run(encoding: Encoding) -> Vec<String> {
        crate::rules::test::run(&LegacyInput, "Привет", &Settings::default(), encoding)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn names_the_legacy_encoding_once() {
        let found = run(Encoding::Legacy(encoding_rs::WINDOWS_1251));
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("windows-1251"), "{}", found[0]);
    }

    #[test]
    fn allows_unicode_files() {
        for encoding in [Encoding::Utf8, Encoding::Utf16Le, Encoding::Utf16Be] {
            assert!(run(encoding).is_empty());
        }
    }
}
