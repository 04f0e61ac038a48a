//! `mtlint rules`: the rule list, as text or JSON, and one rule's
//! explanation (`--explain`).

use std::io;
use std::path::{Path, PathBuf};

use super::{fail, ExitStatus, Io, RulesArgs, RulesFormat};
use crate::output::json;
use crate::rules::Registry;

pub(super) fn run_rules(args: RulesArgs, io: &mut Io) -> io::Result<ExitStatus> {
    let dirs: Vec<&Path> = args.rules.iter().map(PathBuf::as_path).collect();
    let registry = match Registry::with_rule_dirs(&dirs) {
        Ok(registry) => registry,
        Err(error) => return fail(io, error),
    };
    if let Some(id) = &args.explain {
        return explain(&registry, id, &args.rules, io);
    }
    match args.format {
        RulesFormat::Json => write_json(&registry, io)?,
        RulesFormat::Human => write_human(&registry, io)?,
    }
    Ok(ExitStatus::Clean)
}

/// `--explain ID`: the rule's documentation and examples.
fn explain(
    registry: &Registry,
    id: &str,
    rule_dirs: &[PathBuf],
    io: &mut Io,
) -> io::Result<ExitStatus> {
    let Some(meta) = registry.rules().find(|r| r.id == id) else {
        return fail(
            io,
            registry.with_hint(format!("no rule `{id}` (`mtlint rules` lists them)"), id),
        );
    };
    // The registry compiled the rule files; their examples are read again.
    let mut loaded = crate::rules::builtin_rule_files();
    for dir in rule_dirs {
        // Already loaded once by the registry, so this cannot fail anew.
        let _ = loaded.add_dir(dir);
    }
    write!(io.stdout, "{}", crate::explain::explain(meta, &loaded))?;
    Ok(ExitStatus::Clean)
}

fn write_json(registry: &Registry, io: &mut Io) -> io::Result<()> {
    let rules: Vec<_> = registry
        .rules()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "category": r.category,
                "severity": r.severity,
                "summary": r.summary,
                "fixable": r.fixable,
                "default": !r.opt_in,
                "origin": r.origin,
            })
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut *io.stdout,
        &serde_json::json!({ "version": json::VERSION, "rules": rules }),
    )?;
    writeln!(io.stdout)
}

fn write_human(registry: &Registry, io: &mut Io) -> io::Result<()> {
    let width = registry.rules().map(|r| r.id.len()).max().unwrap_or(0);
    for r in registry.rules() {
        writeln!(
            io.stdout,
            "{:width$}  {:7}  {}{}{}",
            r.id,
            r.severity.as_str(),
            r.summary,
            if r.fixable { " (fix)" } else { "" },
            if r.opt_in { " (opt-in)" } else { "" },
        )?;
    }
    Ok(())
}
