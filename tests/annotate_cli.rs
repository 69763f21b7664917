//! The `annotate` example as a user runs it: every readable input is
//! annotated, every unreadable one reported and skipped.

use std::path::PathBuf;
use std::process::Command;

/// The `annotate` example that `cargo test` built beside this test.
fn annotate() -> Command {
    let mut dir = std::env::current_exe().expect("test binary path");
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    Command::new(
        dir.join("examples")
            .join(format!("annotate{}", std::env::consts::EXE_SUFFIX)),
    )
}

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quidam-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_bad_input_is_reported_and_the_others_annotated() {
    let dir = scratch("annotate-cli");
    std::fs::write(dir.join("good.txt"), "Emmanuel Macron est à Paris.").unwrap();
    std::fs::write(dir.join("bad.txt"), b"Texte \xff\xfe \xc3 \xe0 Lyon").unwrap();
    std::fs::write(dir.join("good2.txt"), "La Sacem a payé 5 euros.").unwrap();
    std::fs::write(
        dir.join("docs.jsonl"),
        "{\"text\": \"Jean Dupont à Lille.\"}\nnot json\n{\"text\": \"Kim Dotcom.\"}\n",
    )
    .unwrap();
    let output = annotate()
        .arg("--json")
        .args(
            [
                "good.txt",
                "bad.txt",
                "directory",
                "docs.jsonl",
                "good2.txt",
            ]
            .map(|f| dir.join(f)),
        )
        .output()
        .expect("annotate runs");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!output.status.success(), "exit status {:?}", output.status);
    let documents: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Every line is a document in the format of docs/json.md, which the
    // strict reader of `OwnedDocument` checks (keys, types, offsets,
    // clusters), and it is the pipeline's own output.
    let pipeline = quidam::Pipeline::default();
    for line in stdout.lines() {
        let doc: quidam::OwnedDocument = serde_json::from_str(line).unwrap();
        assert_eq!(doc, pipeline.annotate(doc.text()).into_owned());
    }
    let texts: Vec<&str> = documents
        .iter()
        .map(|d| d["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "Emmanuel Macron est à Paris.",
            "Jean Dupont à Lille.",
            "Kim Dotcom.",
            "La Sacem a payé 5 euros."
        ]
    );
    assert_eq!(documents[0]["spans"][0]["text"], "Emmanuel Macron");
    assert_eq!(documents[0]["spans"][0]["cluster"], "e0");
    let reports: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("annotate: "))
        .collect();
    assert_eq!(reports.len(), 4, "{stderr}");
    assert!(
        reports[0].contains("bad.txt: invalid UTF-8 at byte 6"),
        "{stderr}"
    );
    assert!(reports[1].contains("directory: No such file"), "{stderr}");
    assert!(reports[2].contains("docs.jsonl:2: "), "{stderr}");
    assert!(
        reports[3].contains("3 input(s) could not be read"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("Error {") && !stderr.contains("kind:"),
        "Debug output: {stderr}"
    );

    // `--lossy` reads the bad file with replacement characters.
    let output = annotate()
        .args(["--json", "--lossy"])
        .arg(dir.join("bad.txt"))
        .output()
        .expect("annotate runs");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("Texte \u{fffd}\u{fffd} \u{fffd} \u{fffd} Lyon"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn what_is_not_a_regular_file_is_refused() {
    let dir = scratch("annotate-dir");
    let output = annotate().arg(&dir).output().expect("annotate runs");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!output.status.success());
    assert!(stderr.contains("not a regular file"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
