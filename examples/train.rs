//! Trains the tagger from gold JSONL files and writes a model file.
//!
//! ```text
//! python3 scripts/split_data.py
//! cargo run --release --features train --example train -- \
//!     --train target/data/wiki-train.jsonl --train target/data/news-train.jsonl:8 \
//!     --dev target/data/wiki-dev.jsonl --dev target/data/news-dev.jsonl \
//!     --epochs 8 --seed 1 --out models/tagger.bin
//! ```
//!
//! `FILE:N` repeats a file's documents N times (to weigh a small in-domain
//! set). After each epoch the averaged model is scored on every `--dev` file
//! (labels of that file, MONEY excepted, exactly as `evaluate` scores); the
//! model of the epoch with the best mean micro F1 is written. With
//! `--runs N`, N runs in N orders make one model, the mean of theirs; the
//! epochs of the last run are the ones scored.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use quidam::eval::{predictions, read_gold, Evaluation, GoldDocument};
use quidam::tag::train::{Alignment, Trainer};
use quidam::tag::{Lexicon, Tagger};
use quidam::Pipeline;

/// Trains the tagger (averaged structured perceptron).
#[derive(Parser)]
struct Args {
    /// Training file (gold JSONL), optionally `FILE:N` to repeat it N times.
    #[arg(long, required = true)]
    train: Vec<String>,
    /// Development file (gold JSONL), scored after each epoch.
    #[arg(long)]
    dev: Vec<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = 8)]
    epochs: usize,
    /// Seed of the shuffling order (of the first run).
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Runs, each from zero weights in another order (seeds `seed`,
    /// `seed + 1`, ...); the model is the mean of theirs.
    #[arg(long, default_value_t = 1)]
    runs: u64,
    /// The weight table has 2^bits rows.
    #[arg(long, default_value_t = 17)]
    bits: u32,
    /// Where to write the model.
    #[arg(long, default_value = "models/tagger.bin")]
    out: PathBuf,
}

fn read(path: &PathBuf) -> Result<Vec<GoldDocument>, Box<dyn std::error::Error>> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(read_gold(BufReader::new(file)).map_err(|e| format!("{}: {e}", path.display()))?)
}

fn score(tagger: &Tagger, docs: &[GoldDocument]) -> Result<Evaluation, quidam::Error> {
    let pipeline = Pipeline::builder().tagger_model(tagger.clone()).build()?;
    let labels = Evaluation::labels_of(docs)
        .into_iter()
        .filter(|l| l != "MONEY");
    let mut evaluation = Evaluation::new(labels);
    for doc in docs {
        evaluation.add(&doc.spans, &predictions(&pipeline.annotate(&doc.text)));
    }
    Ok(evaluation)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut trainer = Trainer::new(Lexicon::embedded(), args.bits);
    for spec in &args.train {
        let (path, repeat) = match spec.rsplit_once(':') {
            Some((p, n)) if n.parse::<usize>().is_ok() => (p, n.parse()?),
            _ => (spec.as_str(), 1),
        };
        let docs = read(&PathBuf::from(path))?;
        let mut alignment = Alignment::default();
        for doc in &docs {
            let spans: Vec<_> = doc.spans.iter().filter_map(|s| s.char_span()).collect();
            for _ in 0..repeat {
                alignment += trainer.add_document(&doc.text, &spans);
            }
        }
        eprintln!(
            "{path} ×{repeat}: {} sentences, {} spans, {} misaligned spans left out",
            alignment.sentences, alignment.spans, alignment.misaligned
        );
    }
    let dev: Vec<(PathBuf, Vec<GoldDocument>)> = args
        .dev
        .iter()
        .map(|p| Ok((p.clone(), read(p)?)))
        .collect::<Result<_, Box<dyn std::error::Error>>>()?;

    for run in 1..args.runs {
        let mut rng = fastrand::Rng::with_seed(args.seed + run - 1);
        for epoch in 1..=args.epochs {
            let errors = trainer.epoch(&mut rng);
            println!("run {run}, epoch {epoch:2}: {errors} token errors");
        }
        trainer.finish_run();
    }
    // The last run: its epochs are scored with the finished runs.
    let mut rng = fastrand::Rng::with_seed(args.seed + args.runs.max(1) - 1);
    let mut best: Option<(f64, usize, Tagger)> = None;
    for epoch in 1..=args.epochs {
        let started = Instant::now();
        let errors = trainer.epoch(&mut rng);
        let tagger = trainer.tagger();
        let mut line = format!(
            "epoch {epoch:2}: {errors} token errors, {:.1}s",
            started.elapsed().as_secs_f64()
        );
        let mut total = 0.0;
        for (path, docs) in &dev {
            let evaluation = score(&tagger, docs)?;
            let name = path.file_stem().unwrap_or_default().to_string_lossy();
            let micro = evaluation.micro().f1();
            total += micro;
            line += &format!(" | {name} F1 {micro:.4} (");
            let per_label: Vec<String> = evaluation
                .per_label()
                .iter()
                .map(|(l, c)| format!("{l} {:.3}", c.f1()))
                .collect();
            line += &per_label.join(" ");
            line += ")";
        }
        println!("{line}");
        let mean = if dev.is_empty() {
            epoch as f64
        } else {
            total / dev.len() as f64
        };
        if best.as_ref().is_none() || best.as_ref().is_some_and(|(b, _, _)| mean > *b) {
            best = Some((mean, epoch, tagger));
        }
    }
    let (mean, epoch, tagger) = best.ok_or("no epoch was run")?;
    tagger.write(std::io::BufWriter::new(File::create(&args.out)?))?;
    if dev.is_empty() {
        println!("wrote {} (epoch {epoch}, no dev file)", args.out.display());
    } else {
        println!(
            "wrote {} (epoch {epoch}, mean dev F1 {mean:.4})",
            args.out.display()
        );
    }
    Ok(())
}
