//! Turning the paths on the command line into the files to lint: named files
//! as they are, directories walked recursively with hidden and git-ignored
//! files skipped and only the chosen extensions kept.

use std::path::{Path, PathBuf};

/// One input of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Stdin,
    File(PathBuf),
}

/// A path that could not be walked, with the reason.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// Expands `paths` into inputs, in a stable order: each argument in turn,
/// the files of a directory sorted by path.
pub fn collect_inputs(paths: &[PathBuf], extensions: &[String]) -> (Vec<Input>, Vec<WalkError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => errors.push(WalkError {
                path: path.clone(),
                message: error.to_string(),
            }),
            Ok(meta) if meta.is_dir() => walk_dir(path, extensions, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
        }
    }
    (inputs, errors)
}

fn walk_dir(
    dir: &Path,
    extensions: &[String],
    inputs: &mut Vec<Input>,
    errors: &mut Vec<WalkError>,
) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let wanted = entry
                    .path()
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)));
                if is_file && wanted {
                    inputs.push(Input::File(entry.into_path()));
                }
            }
            Err(error) => errors.push(WalkError {
                path: dir.to_path_buf(),
                message: error.to_string(),
            }),
        }
    }
}
