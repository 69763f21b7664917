//! Compiles knowledge-base records (JSONL, one `KbRecord` a line, as written
//! by `scripts/build_kb.py` or the `import_wikidata` example) into the binary
//! knowledge base that `KnowledgeBase::open(path)` reads.
//!
//! ```text
//! cargo run --release --example build_kb -- records.jsonl [more.jsonl ...] --out kb.bin
//! ```
//!
//! The output is written beside its final path and renamed over it, so a
//! failed build never leaves a broken file.

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use quidam::kb::{KbBuilder, KnowledgeBase};

#[derive(Parser)]
#[command(about = "Compiles JSONL knowledge-base records into quidam's binary knowledge base")]
struct Args {
    /// JSONL record files.
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// The binary knowledge base to write.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let started = Instant::now();
    let mut builder = KbBuilder::new();
    let mut records = 0;
    for path in &args.records {
        records += builder
            .add_jsonl(BufReader::new(File::open(path)?))
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let tmp = args.out.with_extension("tmp");
    let written = (|| -> Result<KnowledgeBase, Box<dyn std::error::Error>> {
        let mut out = BufWriter::new(File::create(&tmp)?);
        builder.write(&mut out)?;
        drop(out);
        // Check what was written before it replaces anything.
        let kb = KnowledgeBase::open(&tmp)?;
        std::fs::rename(&tmp, &args.out)?;
        Ok(kb)
    })();
    let kb = written.inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{records} records, {} entities, {} names -> {} ({} bytes) in {seconds:.2} s: {:.0} records/s",
        kb.len(),
        kb.alias_count(),
        args.out.display(),
        std::fs::metadata(&args.out)?.len(),
        records as f64 / seconds
    );
    Ok(())
}
