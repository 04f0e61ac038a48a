//! The `mtlint` binary: parse the arguments, run, map the result to the
//! exit codes of `docs/output-format.md`.

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;
use mtlint::cli::{run, Args, Command, ExitStatus, Io};

fn main() -> ExitCode {
    let args = Args::parse();
    if let Command::Lsp = args.command {
        // The server reads and writes the standard streams on threads of
        // its own, so it runs before anything locks them.
        return match mtlint::lsp::run_stdio() {
            Ok(mtlint::lsp::Exit::AfterShutdown) => ExitCode::SUCCESS,
            Ok(mtlint::lsp::Exit::WithoutShutdown) => ExitCode::from(1),
            Err(error) => {
                #[allow(clippy::print_stderr, reason = "the binary reports its own failure")]
                {
                    eprintln!("mtlint: error: {error:#}");
                }
                ExitCode::from(ExitStatus::Error as u8)
            }
        };
    }
    let result = Io::with_std(|io| run(args, io));
    match result {
        Ok(status) => ExitCode::from(status as u8),
        // The reader went away (`mtlint check | head`): not an error.
        Err(error) if error.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            #[allow(
                clippy::print_stderr,
                reason = "the binary reports its own I/O failure"
            )]
            {
                eprintln!("mtlint: error: {error}");
            }
            ExitCode::from(ExitStatus::Error as u8)
        }
    }
}
