//! The command line's arguments as clap parses them, and their
//! conversion into the plain [`Overrides`] the settings resolver takes.

use std::path::PathBuf;

use clap::{Args as ClapArgs, Parser, Subcommand};

use crate::date::Date;
use crate::diagnostic::Severity;
use crate::output::Format;
use crate::workspace::Overrides;

#[derive(Parser, Debug)]
#[command(
    name = "mtlint",
    version,
    about = "Lint scraped, machine-translated news articles."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lint files, directories or standard input ('-').
    Check(CheckArgs),
    /// List every rule: id, category, severity and summary.
    Rules(RulesArgs),
    /// Run a Language Server over standard input and output.
    Lsp,
    /// Lint JSON Lines records from standard input, one output line each.
    Batch(BatchArgs),
}

#[derive(ClapArgs, Debug)]
pub struct BatchArgs {
    #[command(flatten)]
    pub rule: RuleArgs,
    /// The field that identifies a record, copied to its output line.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// The field that holds the article's text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// A field with the article's own date (YYYY-MM-DD or ISO 8601).
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
    /// Apply the safe fixes and add the fixed text to each output line.
    #[arg(long)]
    pub fix: bool,
    /// With --fix, also apply the unsafe fixes.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
}

/// Which rules run and how: shared by `check` and `batch`, which hand
/// them to the settings resolver as [`Overrides`].
#[derive(ClapArgs, Debug, Default)]
pub struct RuleArgs {
    /// Extra rule files (a directory of *.toml), on top of the built-in set.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Comma-separated rule ids or categories to run (default: all but the
    /// opt-in rules).
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub select: Vec<String>,
    /// Comma-separated rule ids or categories to run on top of the
    /// selection: how an opt-in rule (`mtlint rules` marks them) is turned on.
    #[arg(long = "extend-select", value_delimiter = ',', value_name = "LIST")]
    pub extend_select: Vec<String>,
    /// Comma-separated rule ids or categories not to run.
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub ignore: Vec<String>,
    /// The article's date (YYYY-MM-DD), for facts that change over time.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<Date>,
    /// The lowest severity that makes the exit status 1 [default: the
    /// config's, else warning]
    #[arg(long = "fail-on", value_enum, value_name = "FAIL_ON")]
    pub fail_on_flag: Option<Severity>,
    /// The config file to use instead of the nearest mtlint.toml.
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

impl RuleArgs {
    /// The flags as the settings resolver takes them.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            rule_dirs: self.rules.clone(),
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            date: self.date,
            fail_on: self.fail_on_flag,
            config: self.config.clone(),
        }
    }
}

#[derive(ClapArgs, Debug)]
pub struct CheckArgs {
    /// Files, directories (walked recursively) or '-' for standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Apply the safe fixes in place; with '-', print the fixed text.
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff, also apply the unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// The name that '-' is reported under.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    #[command(flatten)]
    pub rule: RuleArgs,
    /// File extensions to lint when walking a directory.
    #[arg(long = "extension", value_delimiter = ',', value_name = "EXT", default_values_t = ["txt".to_string(), "md".to_string()])]
    pub extensions: Vec<String>,
}

#[derive(ClapArgs, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
    /// Extra rule files to list with the built-in ones.
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Print one rule's documentation with examples of what it flags and
    /// what it leaves alone.
    #[arg(long, value_name = "ID")]
    pub explain: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
}
