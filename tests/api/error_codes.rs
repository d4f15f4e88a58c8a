//! Every error code in the table is raised somewhere: an unused code is a sign of a missing
//! mapping or of dead weight in the published list.

use std::path::{Path, PathBuf};

use sonla_core::ErrorCode;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() && !path.ends_with("target") {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without the `error_codes! { … }` table that declares the codes.
fn without_table(source: &str) -> String {
    match source.find("error_codes! {") {
        Some(start) => {
            let end = source[start..]
                .find("\n}\n")
                .map_or(source.len(), |e| start + e);
            format!("{}{}", &source[..start], &source[end..])
        }
        None => source.to_owned(),
    }
}

#[test]
fn every_error_code_is_used_outside_the_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["api/src", "crates"] {
        rust_files(&root.join(dir), &mut files);
    }
    let sources: String = files
        .iter()
        .map(|f| without_table(&std::fs::read_to_string(f).unwrap()))
        .collect();

    // Raised by a domain or the API layer, or kept by `for_status` for actix's own errors.
    let unused: Vec<&str> = ErrorCode::ALL
        .iter()
        .map(|c| c.variant_name())
        .filter(|name| {
            !sources.contains(&format!("ErrorCode::{name}"))
                && !sources.contains(&format!("Self::{name},"))
        })
        .collect();

    assert!(unused.is_empty(), "error codes never raised: {unused:?}");
}
