//! `mtlint batch`: the command around the JSON Lines engine of
//! [`crate::batch`], with the plan of the working directory's config.

use std::io;
use std::path::Path;

use super::{fail, resolver, BatchArgs, ExitStatus, Io};

/// Exits 0 whatever the records hold (a pipeline stage that exits
/// non-zero fails its job); 2 for a usage or config error.
pub(super) fn run_batch(args: BatchArgs, io: &mut Io) -> io::Result<ExitStatus> {
    let planned = resolver(&args.rule).and_then(|mut resolver| {
        resolver
            .plan_for(Some(Path::new("-")))
            .map_err(|e| e.message)
    });
    let plan = match planned {
        Ok(plan) => plan,
        Err(message) => return fail(io, message),
    };
    let options = crate::batch::Options {
        id_field: args.id_field,
        text_field: args.text_field,
        date_field: args.date_field,
        fix: args.fix,
        unsafe_fixes: args.unsafe_fixes,
        fail_on: plan.fail_on,
        ..crate::batch::Options::default()
    };
    let mut input = io::BufReader::with_capacity(1 << 20, &mut *io.stdin);
    let totals = crate::batch::run(&plan.linter, &options, &mut input, io.stdout)?;
    writeln!(
        io.stderr,
        "mtlint batch: {} records, {} publishable, {} errors",
        totals.records, totals.publishable, totals.errors
    )?;
    Ok(ExitStatus::Clean)
}
