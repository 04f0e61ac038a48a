//! The human format: one block per diagnostic, with the source line and the
//! flagged range underlined, then a summary. Colour only on a terminal.

use std::io::{self, Write};

use unicode_width::UnicodeWidthChar;

use super::{FileReport, Totals};
use crate::diagnostic::{Diagnostic, Safety, Severity};

/// How many columns of a long line are shown around the flagged range.
const CONTEXT_COLUMNS: usize = 48;

pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

fn severity_code(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    }
}

pub fn write_diagnostics(
    out: &mut dyn Write,
    report: &FileReport,
    style: &Style,
) -> io::Result<()> {
    for d in &report.diagnostics {
        write_one(out, report, d, style)?;
    }
    Ok(())
}

fn write_one(
    out: &mut dyn Write,
    report: &FileReport,
    d: &Diagnostic,
    style: &Style,
) -> io::Result<()> {
    let start = report.line_index.line_column(d.range.start(), &report.text);
    writeln!(
        out,
        "{}:{}:{}: {}{} {}",
        style.paint("1", &report.name),
        start.line + report.line_base,
        start.column,
        style.paint(severity_code(d.severity), d.severity.as_str()),
        style.paint("1", &format!("[{}]", d.rule)),
        d.message
    )?;
    let line = (start.line - 1) as usize;
    let line_range = report.line_index.line_range(line, &report.text);
    let line_text = &report.text[line_range.to_std()];
    let from = d.range.start().to_usize() - line_range.start().to_usize();
    let to =
        d.range.end().to_usize().min(line_range.end().to_usize()) - line_range.start().to_usize();
    let (shown, caret_at, caret_len) = window(line_text, from, to.max(from));
    let gutter = (start.line + report.line_base).to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{pad} {}", style.paint("34", "|"))?;
    writeln!(
        out,
        "{} {} {shown}",
        style.paint("34", &gutter),
        style.paint("34", "|")
    )?;
    writeln!(
        out,
        "{pad} {} {}{}",
        style.paint("34", "|"),
        " ".repeat(caret_at),
        style.paint(severity_code(d.severity), &"^".repeat(caret_len.max(1)))
    )?;
    if let Some(fix) = &d.fix {
        let kind = match fix.safety {
            Safety::Safe => "safe fix",
            Safety::Unsafe => "unsafe fix",
        };
        writeln!(
            out,
            "{pad} = {}: {} ({kind})",
            style.paint("1;32", "help"),
            fix.description
        )?;
    }
    writeln!(out)
}

/// The part of `line` to show around bytes `from..to`, with the display
/// column where the underline starts and its width. Control characters and
/// tabs are shown as one space so the underline stays aligned.
fn window(line: &str, from: usize, to: usize) -> (String, usize, usize) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let first = chars.partition_point(|(i, _)| *i < from);
    let last = chars.partition_point(|(i, _)| *i < to);
    let begin = first.saturating_sub(CONTEXT_COLUMNS);
    let end = (last + CONTEXT_COLUMNS).min(chars.len());
    let mut shown = String::new();
    let mut column = 0;
    let (mut caret_at, mut caret_len) = (0, 0);
    if begin > 0 {
        shown.push('…');
        column += 1;
    }
    for (k, &(_, c)) in chars.iter().enumerate().take(end).skip(begin) {
        if k == first {
            caret_at = column;
        }
        let (c, width) = if c.is_control() {
            (' ', 1)
        } else {
            (c, c.width().unwrap_or(0))
        };
        shown.push(c);
        if (first..last).contains(&k) {
            caret_len += width.max(1);
        }
        column += width;
    }
    if first >= end {
        caret_at = column;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret_at, caret_len)
}

pub fn write_summary(
    out: &mut dyn Write,
    totals: &Totals,
    fix_mode: bool,
    style: &Style,
) -> io::Result<()> {
    if fix_mode && totals.fixed > 0 {
        writeln!(
            out,
            "Fixed {} {}.",
            totals.fixed,
            plural(totals.fixed, "issue", "issues")
        )?;
    }
    if totals.diagnostics == 0 {
        let files = plural(totals.files, "file", "files");
        return writeln!(
            out,
            "{} ({} {files} checked).",
            style.paint("1;32", "All clear"),
            totals.files
        );
    }
    // "in 3 files" when every file has findings, else "in 1 of 3 files
    // checked": the files with findings, then all.
    let files = if totals.files_with_findings == totals.files {
        format!("{} {}", totals.files, plural(totals.files, "file", "files"))
    } else {
        format!(
            "{} of {} {} checked",
            totals.files_with_findings,
            totals.files,
            plural(totals.files, "file", "files")
        )
    };
    writeln!(
        out,
        "Found {} {} in {files} ({} {}, {} {}, {} info).",
        totals.diagnostics,
        plural(totals.diagnostics, "diagnostic", "diagnostics"),
        totals.errors,
        plural(totals.errors, "error", "errors"),
        totals.warnings,
        plural(totals.warnings, "warning", "warnings"),
        totals.infos,
    )?;
    if totals.safe_fixes > 0 {
        writeln!(
            out,
            "{} fixable with `mtlint check --fix`.",
            totals.safe_fixes
        )?;
    }
    if totals.unsafe_fixes > 0 {
        writeln!(
            out,
            "{} more fixable with `--fix --unsafe-fixes` (check these by hand).",
            totals.unsafe_fixes
        )?;
    }
    Ok(())
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_long_lines_around_the_range() {
        let line = format!(
            "{}United Nations.A theme{}",
            "x".repeat(100),
            "y".repeat(100)
        );
        let from = line.find("Nations").unwrap();
        let (shown, at, len) = window(&line, from, from + "Nations.A".len());
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(
            &shown.chars().skip(at).take(len).collect::<String>(),
            "Nations.A"
        );
    }

    #[test]
    fn counts_wide_characters_for_the_underline() {
        let (shown, at, len) = window("日本 ok", 7, 9);
        assert_eq!((shown.as_str(), at, len), ("日本 ok", 5, 2));
    }
}
