//! Time and memory as one document grows: `cargo bench --bench scaling`.
//!
//! Each kind of text is annotated by the default pipeline as one document of
//! 1 MB and of 8 MB (the best of three runs when under 5 s), and the bench
//! prints the time of each and their ratio:
//! linear work gives about 8, and a ratio above 10 fails the bench (exit
//! status 1). The kinds: real news (`benches/data/orangesum-1mb.txt`
//! repeated), one sentence repeated, many distinct names, runs of number
//! words before a currency, text strewn with right-to-left marks, and one
//! sentence without an end.
//!
//! `cargo bench --bench scaling -- --peak 100` instead annotates 100 MB of
//! news as one string and prints the peak resident memory of the process.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use quidam::Pipeline;

const NEWS: &str = include_str!("data/orangesum-1mb.txt");

/// `bytes` of text made by `piece(i)` for i = 0, 1, 2...
fn grow(bytes: usize, mut piece: impl FnMut(usize, &mut String)) -> String {
    let mut text = String::with_capacity(bytes + 256);
    let mut i = 0;
    while text.len() < bytes {
        piece(i, &mut text);
        i += 1;
    }
    text
}

/// A kind of text: its name, and a generator of a document of about the
/// given number of bytes.
type Kind = (&'static str, fn(usize) -> String);

/// The kinds of text.
fn kinds() -> Vec<Kind> {
    vec![
        ("news", |n| grow(n, |_, t| t.push_str(NEWS))),
        ("repeated-sentence", |n| {
            grow(n, |_, t| {
                t.push_str(
                    "Emmanuel Macron a rencontré Angela Merkel à Berlin pour 5 millions d'euros. ",
                )
            })
        }),
        ("distinct-names", |n| {
            grow(n, |i, t| {
                let _ = write!(t, "M. Dupont{i} a vu Jean Martin{i} et Martin{i}. ");
            })
        }),
        ("number-words", |n| {
            let mut text = grow(n, |i, t| {
                t.push_str(if i % 2 == 0 {
                    "deux "
                } else {
                    "vingt-deux mille "
                })
            });
            text.push_str("euros.");
            text
        }),
        ("rtl-marks", |n| {
            grow(n, |i, t| {
                let _ = write!(
                    t,
                    "\u{200F}Paris\u{200F} \u{202B}القاهرة\u{202C} Kim Dotcom{i}\u{200E}. "
                );
            })
        }),
        ("one-sentence", |n| {
            grow(n, |_, t| t.push_str("la Sacem et Jean Dupont et "))
        }),
    ]
}

fn annotate_time(pipeline: &Pipeline, text: &str) -> Duration {
    let start = Instant::now();
    let doc = pipeline.annotate(text);
    let elapsed = start.elapsed();
    std::hint::black_box(doc.mentions().len());
    elapsed
}

/// The peak resident memory of this process (Linux), in MB.
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let pipeline = Pipeline::default();
    if let Some(k) = args.iter().position(|a| a == "--peak") {
        let mb: usize = args.get(k + 1).and_then(|a| a.parse().ok()).unwrap_or(100);
        let text = grow(mb << 20, |_, t| t.push_str(NEWS));
        let time = annotate_time(&pipeline, &text);
        println!(
            "news, {mb} MB in one document: {:.1} s, peak resident memory {:.0} MB",
            time.as_secs_f64(),
            peak_mb().unwrap_or(f64::NAN)
        );
        return;
    }
    // `cargo bench` passes `--bench`; a name filters the kinds.
    let filter = args.iter().skip(1).find(|a| !a.starts_with("--"));
    let mut failed = Vec::new();
    println!(
        "{:<18} {:>10} {:>10} {:>6}",
        "kind", "1 MB", "8 MB", "ratio"
    );
    for (name, make) in kinds() {
        if filter.is_some_and(|f| !name.contains(f.as_str())) {
            continue;
        }
        let small = make(1 << 20);
        let large = make(8 << 20);
        // The best of three runs of each document, when it is short enough
        // for the machine's noise to matter.
        let best = |text: &str| {
            let first = annotate_time(&pipeline, text);
            if first < Duration::from_secs(5) {
                (0..2).fold(first, |best, _| best.min(annotate_time(&pipeline, text)))
            } else {
                first
            }
        };
        let t1 = best(&small);
        let t8 = best(&large);
        let ratio = t8.as_secs_f64() / t1.as_secs_f64();
        println!(
            "{name:<18} {:>9.3}s {:>9.3}s {ratio:>6.1}",
            t1.as_secs_f64(),
            t8.as_secs_f64()
        );
        if ratio > 10.0 {
            failed.push(name);
        }
    }
    if !failed.is_empty() {
        eprintln!("more than 10 times the time of 1 MB at 8 MB: {failed:?}");
        std::process::exit(1);
    }
}
