//! GitHub Actions workflow annotations (`--format github`): one
//! `::error`/`::warning`/`::notice` command per diagnostic, which a
//! workflow step turns into annotations on the pull request's files.
//!
//! ```text
//! ::warning file=a.txt,line=3,col=7,endLine=3,endColumn=11,title=mtlint (name.misspelling)::`Butcha` is …
//! ```
//!
//! Values are escaped as the runner reads them: in the message `%`, CR and
//! LF; in a property also `:` and `,`.

use std::io::{self, Write};

use super::FileReport;
use crate::diagnostic::Severity;

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escapes a message (the command's data).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn write_github(out: &mut dyn Write, reports: &[FileReport]) -> io::Result<()> {
    reports.iter().try_for_each(|r| write_github_file(out, r))
}

/// One file's annotations.
pub fn write_github_file(out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
    {
        let file = escape_property(&report.name.replace('\\', "/"));
        for d in &report.diagnostics {
            let start = report.position(d.range.start());
            let end = report.position(d.range.end());
            let mut message = d.message.clone();
            if let Some(fix) = &d.fix {
                message.push_str(&format!(" (fix: {})", fix.description));
            }
            writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!("mtlint ({})", d.rule)),
                escape_data(&message),
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_would_read_as_syntax() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(
            escape_property("dir,a:b/file 100%.txt"),
            "dir%2Ca%3Ab/file 100%25.txt"
        );
    }
}
