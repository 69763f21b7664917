//! Annotates French text: files, JSONL documents or standard input.
//!
//! ```text
//! cargo run --release --example annotate -- examples/data/*.txt
//! cargo run --release --example annotate -- --json news.jsonl > entities.jsonl
//! echo "Amende de 150 000 € pour T411.ch" | cargo run --release --example annotate
//! cargo run --release --features transformer --example annotate -- --backend transformer --json news.jsonl
//! ```
//!
//! A `.jsonl` input holds one document a line, with its text under `"text"`
//! (the gold format, or any object with a `text` field); any other file is one
//! document. The `--json` output is the gold JSONL format of `docs/annotation.md`
//! (char offsets) plus `byte_start`, `byte_end`, `text`, and for `MONEY`
//! `value`, `currency`, `approximate`, for `SITE` `domain`, and `kb_id`,
//! `kb_score` for an entity linked to the knowledge base.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use quidam::{Document, Label, Mention, Pipeline};
use serde_json::json;

#[derive(Parser)]
#[command(about = "Finds people, organisations, places, money and sites in French text")]
struct Args {
    /// Text or JSONL files; standard input when none.
    files: Vec<PathBuf>,
    /// Print one JSON object a document instead of a table.
    #[arg(long)]
    json: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the input.
    #[arg(long)]
    lossy: bool,
    /// Which tagger finds names: `embedded` (the default pipeline) or
    /// `transformer` (quidam's own French transformer, or the one
    /// `--transformer` names; feature `transformer`).
    #[arg(long, default_value = "embedded")]
    backend: String,
    /// With `--backend transformer`: the token-classification transformer
    /// in this folder instead of quidam's own.
    #[cfg(feature = "transformer")]
    #[arg(long)]
    transformer: Option<PathBuf>,
}

/// One document to annotate, with where it came from.
struct Input {
    source: String,
    text: String,
    meta: serde_json::Value,
}

/// Documents are annotated (in parallel) and written in batches of this
/// many bytes of text at most, or of one document when it is larger.
const BATCH_BYTES: usize = 4 << 20;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(failed) => {
            eprintln!("annotate: {failed} input(s) could not be read (reported above); the others were annotated");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("annotate: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Annotates every input it can read, reports the others on standard
/// error, and returns how many it could not read.
fn run(args: &Args) -> Result<usize, Box<dyn std::error::Error>> {
    let pipeline = match args.backend.as_str() {
        "embedded" => Pipeline::default(),
        #[cfg(feature = "transformer")]
        "transformer" => {
            use quidam::transformer::{TransformerConfig, TransformerTagger};
            let config = match &args.transformer {
                Some(dir) => TransformerConfig::new(dir),
                None => TransformerConfig::default_model(),
            };
            Pipeline::builder()
                .transformer(TransformerTagger::load(config)?)
                .build()?
        }
        #[cfg(not(feature = "transformer"))]
        "transformer" => return Err("--backend transformer needs `--features transformer`".into()),
        other => return Err(format!("--backend {other}: embedded or transformer").into()),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    // Progress in bytes of input, over all files (a spinner for standard
    // input, whose size is unknown).
    let total: u64 = args
        .files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let progress = if args.files.is_empty() {
        ProgressBar::new_spinner().with_style(ProgressStyle::with_template(
            "{spinner} {bytes} {elapsed} {msg}",
        )?)
    } else {
        ProgressBar::new(total).with_style(ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {elapsed} {msg}",
        )?)
    };
    progress.enable_steady_tick(std::time::Duration::from_millis(200));
    let mut failed = 0;
    let mut report = |what: &str, e: &dyn std::fmt::Display| {
        progress.suspend(|| eprintln!("annotate: {what}: {e}"));
        failed += 1;
    };
    let mut batch = Batch::default();
    if args.files.is_empty() {
        progress.set_message("<stdin>");
        match read_text(io::stdin().lock(), args.lossy, &progress) {
            Ok(text) => batch.push(Input {
                source: "<stdin>".into(),
                text,
                meta: serde_json::Value::Null,
            }),
            Err(e) => report("<stdin>", &e),
        }
    }
    for path in &args.files {
        let source = path.display().to_string();
        progress.set_message(source.clone());
        let file = match open_file(path) {
            Ok(file) => file,
            Err(e) => {
                report(&source, &e);
                continue;
            }
        };
        if path.extension().is_some_and(|e| e == "jsonl") {
            let mut reader = io::BufReader::new(file);
            let mut line = Vec::new();
            for n in 1.. {
                line.clear();
                match reader.read_until(b'\n', &mut line) {
                    Ok(0) => break,
                    Ok(len) => progress.inc(len as u64),
                    Err(e) => {
                        report(&format!("{source}:{n}"), &e);
                        break;
                    }
                }
                match parse_line(&line, args.lossy) {
                    Ok(None) => {}
                    Ok(Some((text, meta))) => {
                        let source = format!("{source}:{n}");
                        batch.push(Input { source, text, meta });
                    }
                    Err(e) => report(&format!("{source}:{n}"), &e),
                }
                if batch.bytes >= BATCH_BYTES {
                    batch.flush(&pipeline, args.json, &progress, &mut out)?;
                }
            }
        } else {
            match read_text(file, args.lossy, &progress) {
                Ok(text) => batch.push(Input {
                    source,
                    text,
                    meta: serde_json::Value::Null,
                }),
                Err(e) => report(&source, &e),
            }
        }
        if batch.bytes >= BATCH_BYTES {
            batch.flush(&pipeline, args.json, &progress, &mut out)?;
        }
    }
    batch.flush(&pipeline, args.json, &progress, &mut out)?;
    progress.finish_and_clear();
    out.flush()?;
    Ok(failed)
}

/// Documents read and not yet annotated.
#[derive(Default)]
struct Batch {
    inputs: Vec<Input>,
    bytes: usize,
}

impl Batch {
    fn push(&mut self, input: Input) {
        self.bytes += input.text.len();
        self.inputs.push(input);
    }

    fn flush(
        &mut self,
        pipeline: &Pipeline,
        json: bool,
        progress: &ProgressBar,
        out: &mut impl Write,
    ) -> io::Result<()> {
        if self.inputs.is_empty() {
            return Ok(());
        }
        let mb = self.bytes as f64 / 1e6;
        let message = progress.message();
        progress.set_message(format!("{message} (annotating {mb:.1} MB)"));
        progress.suspend(|| write_documents(pipeline, &self.inputs, json, out))?;
        progress.set_message(message);
        self.inputs.clear();
        self.bytes = 0;
        Ok(())
    }
}

/// Opens a file to read, refusing what is not one (a directory, a FIFO
/// that would wait for a writer).
fn open_file(path: &Path) -> io::Result<std::fs::File> {
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    std::fs::File::open(path)
}

/// Reads one text document, counting its bytes on `progress`.
fn read_text(mut reader: impl Read, lossy: bool, progress: &ProgressBar) -> io::Result<String> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0; 1 << 20];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                progress.inc(n as u64);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    utf8(bytes, lossy)
}

/// The text of `bytes`, with invalid UTF-8 replaced when `lossy`.
fn utf8(bytes: Vec<u8>, lossy: bool) -> io::Result<String> {
    String::from_utf8(bytes).or_else(|e| {
        if lossy {
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        } else {
            let at = e.utf8_error().valid_up_to();
            Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("invalid UTF-8 at byte {at} (--lossy replaces it)"),
            ))
        }
    })
}

/// The text and metadata of one JSONL line; `None` for a blank line.
fn parse_line(
    line: &[u8],
    lossy: bool,
) -> Result<Option<(String, serde_json::Value)>, Box<dyn std::error::Error>> {
    let line = utf8(line.to_vec(), lossy)?;
    if line.trim().is_empty() {
        return Ok(None);
    }
    let mut value: serde_json::Value = serde_json::from_str(&line)?;
    let text = value["text"]
        .as_str()
        .ok_or("no \"text\" string")?
        .to_owned();
    Ok(Some((text, value["meta"].take())))
}

fn write_documents(
    pipeline: &Pipeline,
    inputs: &[Input],
    json: bool,
    out: &mut impl Write,
) -> io::Result<()> {
    let texts: Vec<&str> = inputs.iter().map(|i| i.text.as_str()).collect();
    for (input, doc) in inputs.iter().zip(pipeline.annotate_batch(&texts)) {
        if json {
            let mut meta = input.meta.clone();
            if meta.is_null() {
                meta = json!({ "source": input.source });
            }
            let mut line = serde_json::to_value(&doc)?;
            line["meta"] = meta;
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "== {} ({} tokens, {} mentions)",
                input.source,
                doc.tokens().len(),
                doc.mentions().len()
            )?;
            for e in doc.mentions() {
                let span = e.span();
                writeln!(
                    out,
                    "{:<6} chars {:>6}..{:<6} bytes {:>6}..{:<6} {:<40} {}",
                    e.label(),
                    span.char_start,
                    span.char_end,
                    span.byte_start,
                    span.byte_end,
                    e.text(),
                    normalised(&doc, e)
                )?;
            }
        }
    }
    Ok(())
}

fn normalised(doc: &Document<'_>, e: &Mention<'_>) -> String {
    let kb_id = doc.entity_of(e).and_then(|entity| entity.kb_id);
    match e.label() {
        Label::Money => {
            let m = e.money().expect("MONEY has a value");
            let value = m.value.map_or("?".to_owned(), |v| v.to_string());
            let currency = m.currency.map_or("?".to_owned(), |c| c.to_string());
            let approx = if m.approximate { " (approximate)" } else { "" };
            format!("{value} {currency}{approx}")
        }
        Label::Site => {
            let domain = e.site().and_then(|s| s.domain.clone()).unwrap_or_default();
            match kb_id {
                Some(id) => format!("{domain} {id}").trim().to_owned(),
                None => domain,
            }
        }
        _ => kb_id.map(|id| id.to_string()).unwrap_or_default(),
    }
}
