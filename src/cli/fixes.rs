//! What `--fix` and `--diff` produce on disk and on screen: the fixed
//! text written back in the encoding it was read in, and the unified diff.

use std::path::Path;

use crate::source::SourceFile;

/// Writes `fixed` over the file at `path`, in `source`'s encoding, unless
/// the file changed since it was read; the error names the file.
pub(super) fn write_fixed(path: &Path, source: &SourceFile, fixed: &str) -> Result<(), String> {
    let name = source.name.display();
    let encoded = source
        .encode(&source.text)
        .and_then(|read| Ok((read, source.encode(fixed)?)));
    let (read, bytes) = encoded.map_err(|error| format!("{name}: not fixed: {error}"))?;
    crate::source::write_atomic(path, &bytes, &read)
        .map_err(|error| format!("{name}: not fixed: {error}"))
}

/// The error of fixes that kept changing the text.
pub(super) fn unsettled(name: &str) -> String {
    format!(
        "{name}: the fixes did not settle after repeated passes; nothing was written (please report this)"
    )
}

/// The changes from `old` to `new` as a unified diff of `a/NAME` and
/// `b/NAME`, with two lines of context.
pub(super) fn unified_diff(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
