//! `mtlint batch`: JSON Lines in, JSON Lines out, for data pipelines.
//!
//! Each input line is a record `{"id": …, "text": "…"}` (the field names
//! are options; an optional date field gives each article its own date).
//! Each non-blank input line gives exactly one output line, in input order:
//!
//! ```text
//! {"diagnostics": [D, …], "id": …, "line": 1, "publishable": true}
//! {"diagnostics": [D, …], "fixed": 2, "id": …, "line": 2, "publishable": false, "text": "…"}   (--fix)
//! {"error": "line 3: expected value at line 1 column 1", "id": null, "line": 3}
//! ```
//!
//! (Keys in alphabetical order.)
//!
//! `D` is a diagnostic as `--format jsonl` writes it, without `path`; its
//! offsets are into the record's text (with `--fix`, into the fixed text).
//! A bad line gets an error record and the stream goes on.
//!
//! The input is read in chunks (a bounded number of lines and bytes), each
//! chunk is linted in parallel and written in order before the next is
//! read, so memory stays bounded however long the stream is.

use std::io::{self, BufRead, Write};

use rayon::prelude::*;
use serde_json::{json, Map, Value};

use crate::date::Date;
use crate::diagnostic::Severity;
use crate::lint::{Article, Linter};
use crate::output::{json as json_out, FileReport};
use crate::recurring::{ArticleKeys, LineCounts};

/// How records are read and what is written.
#[derive(Clone, Debug)]
pub struct Options {
    pub id_field: String,
    pub text_field: String,
    /// A field with the article's date (`YYYY-MM-DD`, or an ISO 8601 date
    /// and time, whose date part is used).
    pub date_field: Option<String>,
    pub fix: bool,
    pub unsafe_fixes: bool,
    pub fail_on: Severity,
    /// At most this many records are held at once.
    pub chunk_records: usize,
    /// And at most about this many bytes of input.
    pub chunk_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            id_field: "id".to_owned(),
            text_field: "text".to_owned(),
            date_field: None,
            fix: false,
            unsafe_fixes: false,
            fail_on: Severity::Warning,
            chunk_records: 1024,
            chunk_bytes: 32 << 20,
        }
    }
}

/// What a batch run saw.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub records: usize,
    pub errors: usize,
    pub publishable: usize,
}

/// Lints every record of `input` and writes one line per record.
pub fn run(
    linter: &Linter,
    options: &Options,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> io::Result<Totals> {
    let mut totals = Totals::default();
    let mut line_number = 0usize;
    let mut chunk: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut chunk_bytes = 0;
    // Lines that recur across records: each chunk is counted before it is
    // linted (see `crate::recurring`).
    let mut counts = linter.enables("junk.recurring-line").then(LineCounts::new);
    loop {
        let mut line = Vec::new();
        let read = input.read_until(b'\n', &mut line)?;
        if read > 0 {
            line_number += 1;
            if line.iter().any(|b| !b.is_ascii_whitespace()) {
                chunk_bytes += line.len();
                chunk.push((line_number, line));
            }
        }
        let full = chunk.len() >= options.chunk_records || chunk_bytes >= options.chunk_bytes;
        if (read == 0 || full) && !chunk.is_empty() {
            let mut parsed: Vec<Result<Parsed, (Vec<u8>, Outcome)>> = chunk
                .par_iter()
                .map(|(number, line)| parse(options, *number, line, counts.is_some()))
                .collect();
            chunk.clear();
            if let Some(counts) = counts.as_mut() {
                for keys in parsed.iter_mut().flatten().filter_map(|r| r.keys.take()) {
                    counts.add_keys(keys);
                }
            }
            let results: Vec<(Vec<u8>, Outcome)> = parsed
                .into_par_iter()
                .map(|record| match record {
                    Ok(record) => lint(linter, options, record, counts.as_ref()),
                    Err(error) => error,
                })
                .collect();
            for (bytes, outcome) in results {
                out.write_all(&bytes)?;
                totals.records += 1;
                match outcome {
                    Outcome::Error => totals.errors += 1,
                    Outcome::Linted { publishable } => {
                        totals.publishable += usize::from(publishable)
                    }
                }
            }
            out.flush()?;
            chunk.clear();
            chunk_bytes = 0;
        }
        if read == 0 {
            return Ok(totals);
        }
    }
}

enum Outcome {
    Linted { publishable: bool },
    Error,
}

/// The output line of a record that could not be linted.
fn error_line(number: usize, id: Value, message: &str) -> (Vec<u8>, Outcome) {
    let value = json!({ "line": number, "id": id, "error": format!("line {number}: {message}") });
    (to_line(&value), Outcome::Error)
}

/// A record read: its id, text and date, and its lines' keys when the
/// run counts them.
struct Parsed {
    number: usize,
    id: Value,
    text: String,
    date: Option<Date>,
    keys: Option<ArticleKeys>,
}

/// Reads one input line, or gives its error line.
fn parse(
    options: &Options,
    number: usize,
    line: &[u8],
    keys: bool,
) -> Result<Parsed, (Vec<u8>, Outcome)> {
    let error = |id: Value, message: String| error_line(number, id, &message);
    let mut parsed: Map<String, Value> = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => {
            return Err(error(
                Value::Null,
                "a record must be a JSON object".to_owned(),
            ))
        }
        Err(e) => return Err(error(Value::Null, e.to_string())),
    };
    let id = parsed
        .get(&options.id_field)
        .cloned()
        .unwrap_or(Value::Null);
    let Some(Value::String(text)) = parsed.remove(&options.text_field) else {
        return Err(error(
            id,
            format!("no string field `{}` (--text-field)", options.text_field),
        ));
    };
    let date = match options.date_field.as_ref().and_then(|f| parsed.get(f)) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match s.get(..10).unwrap_or(s).parse::<Date>() {
            Ok(date) => Some(date),
            Err(e) => return Err(error(id, format!("`{s}` is not a date: {e}"))),
        },
        Some(other) => return Err(error(id, format!("`{other}` is not a date"))),
    };
    let keys = keys.then(|| LineCounts::article_keys(&text));
    Ok(Parsed {
        number,
        id,
        text,
        date,
        keys,
    })
}

/// The output line for one record.
fn lint(
    linter: &Linter,
    options: &Options,
    record: Parsed,
    recurring: Option<&LineCounts>,
) -> (Vec<u8>, Outcome) {
    let Parsed {
        number,
        id,
        text,
        date,
        ..
    } = record;
    let text = text.as_str();
    let error = |id: Value, message: String| error_line(number, id, &message);
    let article = Article {
        date,
        recurring,
        ..Article::default()
    };
    let (report, fixed) = if options.fix {
        let outcome = linter.fix_with(text, options.unsafe_fixes, &article);
        if !outcome.converged {
            return error(
                id,
                "the fixes did not settle after repeated passes (please report this)".to_owned(),
            );
        }
        let report = FileReport::new(
            String::new(),
            outcome.text,
            0,
            outcome.diagnostics,
            outcome.fixed,
        );
        (report, true)
    } else {
        let diagnostics = linter.lint_with(text, &article);
        (
            FileReport::new(String::new(), text.to_owned(), 0, diagnostics, 0),
            false,
        )
    };
    let report = report.with_fail_on(options.fail_on);
    let publishable = !report.fails();
    let diagnostics: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| json_out::diagnostic(&report, d, false))
        .collect();
    let mut value = json!({
        "line": number,
        "id": id,
        "publishable": publishable,
        "diagnostics": diagnostics,
    });
    if fixed {
        value["fixed"] = json!(report.fixed);
        value["text"] = json!(report.text);
    }
    (to_line(&value), Outcome::Linted { publishable })
}

fn to_line(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("a JSON value serialises");
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::Settings;
    use crate::rules::Registry;

    fn linter() -> Linter {
        let registry = Registry::builtin().unwrap();
        let enabled = registry.select(&[], &[]).unwrap();
        Linter::new(registry, enabled, Settings::default())
    }

    fn run_on(input: &str, options: &Options) -> (Vec<Value>, Totals) {
        let mut out = Vec::new();
        let totals = run(&linter(), options, &mut input.as_bytes(), &mut out).unwrap();
        let lines = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (lines, totals)
    }

    #[test]
    fn lines_shared_by_records_are_counted_a_chunk_at_a_time() {
        let record = |n: usize| {
            json!({"id": n, "text": format!(
                "The port said ship number {n} would sail at dawn after the long storm had passed.\n\nSubscribe to our channel for the latest news.\n"
            )})
            .to_string()
        };
        let input: String = (1..=4).map(|n| record(n) + "\n").collect();
        let options = Options {
            chunk_records: 2,
            ..Options::default()
        };
        let (records, _) = run_on(&input, &options);
        let flagged: Vec<bool> = records
            .iter()
            .map(|r| {
                r["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|d| d["rule"] == "junk.recurring-line")
            })
            .collect();
        // The first chunk has seen the line twice, the second four times.
        assert_eq!(flagged, [false, false, true, true]);
    }

    #[test]
    fn one_line_per_record_in_order_with_errors_inline() {
        let input = concat!(
            "{\"id\": 7, \"text\": \"The leaders met at the United Nations.A theme was raised.\"}\n",
            "\n",
            "not json\n",
            "{\"id\": \"b\", \"body\": \"x\"}\n",
            "{\"id\": \"c\", \"text\": \"A clean sentence.\"}",
        );
        // A chunk of two records forces several chunks.
        let options = Options {
            chunk_records: 2,
            ..Options::default()
        };
        let (lines, totals) = run_on(input, &options);
        assert_eq!(lines.len(), 4, "the blank line gives no record");
        assert_eq!(lines[0]["id"], 7);
        assert_eq!(lines[0]["publishable"], false);
        assert_eq!(
            lines[0]["diagnostics"][0]["rule"],
            "typography.missing-space"
        );
        assert_eq!(lines[0]["diagnostics"][0]["text"], "Nations.A");
        assert_eq!(lines[1]["line"], 3);
        assert!(lines[1]["error"].as_str().unwrap().starts_with("line 3: "));
        assert_eq!(lines[2]["id"], "b");
        assert!(lines[2]["error"].as_str().unwrap().contains("`text`"));
        assert_eq!(lines[3]["id"], "c");
        assert_eq!(lines[3]["diagnostics"], json!([]));
        assert_eq!(
            totals,
            Totals {
                records: 4,
                errors: 2,
                publishable: 1
            }
        );
    }

    #[test]
    fn fix_writes_the_fixed_text_and_each_record_has_its_date() {
        let options = Options {
            fix: true,
            id_field: "url".to_owned(),
            text_field: "body".to_owned(),
            date_field: Some("published".to_owned()),
            ..Options::default()
        };
        let input = concat!(
            "{\"url\": \"u1\", \"published\": \"2022-09-21T10:00:00Z\", \"body\": \"Foreign Secretary James Cleverly spoke at the United Nations.A theme was raised.\"}\n",
            "{\"url\": \"u2\", \"published\": \"2024-06-01\", \"body\": \"Foreign Secretary James Cleverly spoke.\"}\n",
            "{\"url\": \"u3\", \"published\": \"yesterday\", \"body\": \"x\"}\n",
        );
        let (lines, _) = run_on(input, &options);
        assert_eq!(lines[0]["fixed"], 1);
        assert!(lines[0]["text"]
            .as_str()
            .unwrap()
            .contains("Nations. A theme"));
        assert_eq!(lines[0]["diagnostics"], json!([]), "right for 2022");
        let rules: Vec<&str> = lines[1]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["title.wrong-office"], "wrong for 2024");
        assert!(lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("is not a date"));
    }
}
