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
//! only the built-in classes count. Malformed and over-long lines
//! (`--max-line-bytes`) are reported and skipped. The records are written
//! beside `--out` and renamed over it at the end; if the dump ends in a read
//! error (a truncated archive), the records read before it are kept, the
//! error is reported and the exit status is 1. Nothing is left beside
//! `--out` after a failure.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read};
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use quidam::kb::{ClassMap, ImportStats, WikidataImporter, DEFAULT_MAX_LINE_BYTES};

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
    /// The longest line to read; longer ones are reported and skipped.
    #[arg(long, default_value_t = DEFAULT_MAX_LINE_BYTES)]
    max_line_bytes: usize,
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
    let file = File::open(path)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
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
    if let Some(error) = &stats.read_error {
        eprintln!("  the dump could not be read to its end: {error}");
    }
    if stats.malformed > stats.errors.len() as u64 {
        eprintln!(
            "  ({} more malformed lines)",
            stats.malformed - stats.errors.len() as u64
        );
    }
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(true) => std::process::ExitCode::SUCCESS,
        Ok(false) => std::process::ExitCode::FAILURE,
        Err(e) => {
            eprintln!("import_wikidata: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Whether the whole dump was read.
fn run() -> Result<bool, Box<dyn std::error::Error>> {
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
        if stats.read_error.is_some() {
            return Err("the subclass pass could not read the whole dump; nothing imported".into());
        }
        eprintln!("{} classes", classes.len());
        classes
    } else {
        ClassMap::builtin()
    };

    let started = Instant::now();
    let (reader, bar) = open(&args.dump, "entities", args.quiet)?;
    let tmp = args.out.with_extension("tmp");
    let imported = File::create(&tmp).map_err(Into::into).and_then(|file| {
        WikidataImporter::new(classes)
            .max_line_bytes(args.max_line_bytes)
            .import(reader, BufWriter::new(file), |_| {})
            .map_err(Into::into)
    });
    bar.finish_and_clear();
    let stats: ImportStats = match imported {
        Ok(stats) => stats,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    if let Err(e) = std::fs::rename(&tmp, &args.out) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    report("import", &stats, started.elapsed().as_secs_f64());
    if stats.read_error.is_some() {
        eprintln!(
            "{} records read before the error are in {}",
            stats.kept,
            args.out.display()
        );
    }
    Ok(stats.read_error.is_none())
}
