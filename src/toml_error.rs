//! TOML errors as `file:line:column: message`, for every file mtlint reads
//! in TOML: the config, rule files, sidecars.

/// A TOML error as `file:line:column: message`.
pub fn toml_error(name: &str, text: &str, error: &toml::de::Error) -> String {
    let at = error
        .span()
        .map(|span| {
            let (line, column) = line_column(text, span.start);
            format!(":{line}:{column}")
        })
        .unwrap_or_default();
    format!("{name}{at}: {}", toml_message(text, error))
}

/// `file:line:column` of byte `offset` of `text`.
pub fn position(name: &str, text: &str, offset: usize) -> String {
    let (line, column) = line_column(text, offset);
    format!("{name}:{line}:{column}")
}

/// The 1-based line and column (in characters) of byte `offset`, taken
/// back to a char boundary.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The parser's message, or, where it gives none (a control character
/// such as NUL, which TOML allows nowhere, not even in a comment), what
/// stands at the error.
pub fn toml_message(text: &str, error: &toml::de::Error) -> String {
    let message = error.message().trim_end();
    if !message.is_empty() {
        return message.to_owned();
    }
    let found = error
        .span()
        .and_then(|span| text.get(span.start..)?.chars().next());
    match found {
        Some(c) => format!(
            "unexpected character {c:?} (U+{:04X}); TOML allows no control characters but tab",
            c as u32
        ),
        None => "unexpected end of the file".to_owned(),
    }
}
