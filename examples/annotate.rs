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
//! document. The `--json` output is the gold JSONL format of `ANNOTATION.md`
//! (char offsets) plus `byte_start`, `byte_end`, `text`, and for `MONEY`
//! `value`, `currency`, `approximate`, for `SITE` `domain`, and `kb_id`,
//! `kb_score` for an entity linked to the knowledge base.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;

use clap::Parser;
use indicatif::{ProgressBar, ProgressStyle};
use quidam::{Entity, Label, Pipeline};
use serde_json::json;

#[derive(Parser)]
#[command(about = "Finds people, organisations, places, money and sites in French text")]
struct Args {
    /// Text or JSONL files; standard input when none.
    files: Vec<PathBuf>,
    /// Print one JSON object a document instead of a table.
    #[arg(long)]
    json: bool,
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

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let pipeline = match args.backend.as_str() {
        "embedded" => Pipeline::default(),
        #[cfg(feature = "transformer")]
        "transformer" => {
            let builder = Pipeline::builder();
            match &args.transformer {
                Some(dir) => builder.transformer(quidam::transformer::TransformerConfig::new(dir)),
                None => builder.transformer_default(),
            }
            .build()?
        }
        #[cfg(not(feature = "transformer"))]
        "transformer" => return Err("--backend transformer needs `--features transformer`".into()),
        other => return Err(format!("--backend {other}: embedded or transformer").into()),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.files.is_empty() {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        let input = Input {
            source: "<stdin>".into(),
            text,
            meta: serde_json::Value::Null,
        };
        write_documents(&pipeline, &[input], args.json, &mut out)?;
        return Ok(out.flush()?);
    }
    let progress = ProgressBar::new(args.files.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {msg}")?,
    );
    if args.files.len() < 2 {
        progress.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    for path in &args.files {
        progress.set_message(path.display().to_string());
        let inputs = read_inputs(path).map_err(|e| format!("{}: {e}", path.display()))?;
        progress.suspend(|| write_documents(&pipeline, &inputs, args.json, &mut out))?;
        progress.inc(1);
    }
    progress.finish_and_clear();
    Ok(out.flush()?)
}

fn read_inputs(path: &PathBuf) -> Result<Vec<Input>, Box<dyn std::error::Error>> {
    let source = path.display().to_string();
    let file = std::fs::File::open(path)?;
    if path.extension().is_some_and(|e| e == "jsonl") {
        let mut inputs = Vec::new();
        for (n, line) in io::BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let mut value: serde_json::Value =
                serde_json::from_str(&line).map_err(|e| format!("line {}: {e}", n + 1))?;
            let text = value["text"]
                .as_str()
                .ok_or_else(|| format!("line {}: no \"text\" string", n + 1))?;
            let text = text.to_owned();
            let meta = value["meta"].take();
            inputs.push(Input {
                source: format!("{source}:{}", n + 1),
                text,
                meta,
            });
        }
        Ok(inputs)
    } else {
        let mut text = String::new();
        io::BufReader::new(file).read_to_string(&mut text)?;
        Ok(vec![Input {
            source,
            text,
            meta: serde_json::Value::Null,
        }])
    }
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
            let spans: Vec<_> = doc.entities().iter().map(entity_json).collect();
            let mut meta = input.meta.clone();
            if meta.is_null() {
                meta = json!({ "source": input.source });
            }
            let line = json!({ "text": input.text, "spans": spans, "meta": meta });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "== {} ({} tokens, {} entities)",
                input.source,
                doc.tokens().len(),
                doc.entities().len()
            )?;
            for e in doc.entities() {
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
                    normalised(e)
                )?;
            }
        }
    }
    Ok(())
}

fn normalised(e: &Entity<'_>) -> String {
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
            match e.kb_id() {
                Some(id) => format!("{domain} {id}").trim().to_owned(),
                None => domain,
            }
        }
        _ => e.kb_id().map(|id| id.to_string()).unwrap_or_default(),
    }
}

fn entity_json(e: &Entity<'_>) -> serde_json::Value {
    let span = e.span();
    let mut v = json!({
        "start": span.char_start,
        "end": span.char_end,
        "label": e.label().as_str(),
        "byte_start": span.byte_start,
        "byte_end": span.byte_end,
        "text": e.text(),
    });
    if let Some(m) = e.money() {
        v["value"] = m
            .value
            .map_or(serde_json::Value::Null, quidam::eval::decimal_to_json);
        v["currency"] = m
            .currency
            .map_or(serde_json::Value::Null, |c| c.as_str().into());
        v["approximate"] = m.approximate.into();
    }
    if let Some(s) = e.site() {
        v["domain"] = s.domain.clone().into();
    }
    if let Some(id) = e.kb_id() {
        v["kb_id"] = id.to_string().into();
        v["kb_score"] = e.kb_score().unwrap_or_default().into();
    }
    v
}
