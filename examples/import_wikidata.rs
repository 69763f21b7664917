//! Streams a Wikidata JSON dump into knowledge-base records (JSONL), for
//! `build_kb` to compile.
//!
//! ```text
//! cargo run --release --example import_wikidata -- latest-all.json.bz2 --out records.jsonl --subclasses
//! cargo run --release --example build_kb -- records.jsonl --out wikidata-kb.bin
//! ```
//!
//! The dump may be plain, `.gz` or `.bz2` (by its extension). Memory stays
//! flat however large the dump: one line is held at a time. With
//! `--subclasses` the dump is read twice: first to follow `subclass of`
//! (P279) down from people, organisations, places and sites, so that items
//! of any subclass (a collecting society, a commune) are kept; without it
//! only the built-in classes count. Malformed lines are reported and
//! skipped. The records are written beside `--out` and renamed over it at
//! the end.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use quidam::link::{ClassMap, ImportStats, WikidataImporter};

#[derive(Parser)]
#[command(about = "Streams a Wikidata JSON dump into quidam knowledge-base records")]
struct Args {
    /// The dump: `latest-all.json`, `.json.gz` or `.json.bz2`, or `-` for
    /// plain JSON on standard input (`lbzip2 -dc latest-all.json.bz2 |`:
    /// bzip2 decompression on one core is far slower than the import).
    dump: PathBuf,
    /// The JSONL records to write.
    #[arg(long)]
    out: PathBuf,
    /// Read the dump once more first, to keep instances of every subclass.
    #[arg(long)]
    subclasses: bool,
    /// No progress bar (for logs and benchmarks).
    #[arg(long)]
    quiet: bool,
}

/// The dump, decompressed, with a progress bar over its (compressed) bytes.
fn open(path: &Path, what: &str, quiet: bool) -> std::io::Result<(Box<dyn BufRead>, ProgressBar)> {
    if path.as_os_str() == "-" {
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::new_spinner()
        };
        let stdin = bar.wrap_read(std::io::stdin());
        return Ok((Box::new(BufReader::with_capacity(1 << 20, stdin)), bar));
    }
    let file = File::open(path)?;
    let bar = if quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new(file.metadata()?.len())
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{msg} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta}",
        )
        .expect("a valid template"),
    );
    bar.set_message(what.to_owned());
    let raw = BufReader::with_capacity(1 << 20, bar.wrap_read(file));
    let name = path.to_string_lossy();
    let decoded: Box<dyn Read> = if name.ends_with(".gz") {
        Box::new(flate2::bufread::MultiGzDecoder::new(raw))
    } else if name.ends_with(".bz2") {
        Box::new(bzip2::bufread::MultiBzDecoder::new(raw))
    } else {
        Box::new(raw)
    };
    Ok((Box::new(BufReader::with_capacity(1 << 20, decoded)), bar))
}

fn report(what: &str, stats: &ImportStats, seconds: f64) {
    eprintln!(
        "{what}: {} lines, {} entities, {} kept, {} malformed, {:.1} MB in {seconds:.1} s: {:.0} entities/s, {:.1} MB/s",
        stats.lines,
        stats.entities,
        stats.kept,
        stats.malformed,
        stats.bytes as f64 / 1e6,
        stats.entities as f64 / seconds,
        stats.bytes as f64 / 1e6 / seconds,
    );
    for (line, error) in &stats.errors {
        eprintln!("  line {line}: {error}");
    }
    if stats.malformed > stats.errors.len() as u64 {
        eprintln!(
            "  ({} more malformed lines)",
            stats.malformed - stats.errors.len() as u64
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.subclasses && args.dump.as_os_str() == "-" {
        return Err("--subclasses reads the dump twice: give a file, not standard input".into());
    }
    let classes = if args.subclasses {
        let started = Instant::now();
        let (reader, bar) = open(&args.dump, "classes", args.quiet)?;
        let (classes, stats) = ClassMap::from_dump(reader)?;
        bar.finish_and_clear();
        report("subclass pass", &stats, started.elapsed().as_secs_f64());
        eprintln!("{} classes", classes.len());
        classes
    } else {
        ClassMap::builtin()
    };

    let started = Instant::now();
    let (reader, bar) = open(&args.dump, "entities", args.quiet)?;
    let tmp = args.out.with_extension("tmp");
    let writer = BufWriter::new(File::create(&tmp)?);
    let stats = WikidataImporter::new(classes).import(reader, writer, |_| {})?;
    bar.finish_and_clear();
    std::fs::rename(&tmp, &args.out)?;
    report("import", &stats, started.elapsed().as_secs_f64());
    Ok(())
}
