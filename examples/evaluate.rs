//! Scores the default pipeline against a gold JSONL file, as `docs/annotation.md`
//! defines the scores.
//!
//! ```text
//! cargo run --release --example evaluate -- ../shared/data/news/dev.jsonl --labels MONEY,SITE
//! cargo run --release --example evaluate -- GOLD.jsonl --pred OUT.jsonl --json
//! cargo run --release --example evaluate -- GOLD.jsonl --system OTHER.jsonl
//! ```
//!
//! `--labels` defaults to the labels present in the gold file. `--pred`
//! writes quidam's predictions in the gold format; `--system` scores another
//! system's predictions (gold format, same texts in the same order) instead of
//! running quidam. With `--json` the last line is one JSON object with the
//! scores, `tokens` (quidam's tokens over the gold texts) and `seconds` (wall
//! time of annotating them, on one thread, or libtorch's with `--backend
//! transformer`; reading and scoring excluded).

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::Parser;
use quidam::eval::{self, Counts, Evaluation, GoldDocument, GoldSpan};
use quidam::kb::KnowledgeBase;
use quidam::{NameRule, Pipeline};
use serde_json::json;

#[derive(Parser)]
#[command(about = "Scores quidam against gold JSONL (char offsets, exact spans)")]
struct Args {
    /// Gold JSONL file.
    gold: PathBuf,
    /// Comma-separated labels to score (default: those in the gold file).
    #[arg(long, value_delimiter = ',')]
    labels: Option<Vec<String>>,
    /// Write the predictions to this JSONL file.
    #[arg(long)]
    pred: Option<PathBuf>,
    /// Score this prediction file instead of running quidam.
    #[arg(long)]
    system: Option<PathBuf>,
    /// End with the scores as one JSON object.
    #[arg(long)]
    json: bool,
    /// Also score document entities against the gold `cluster` ids:
    /// pairwise and B-cubed F1, grouping the gold mentions (so that tagging
    /// errors do not count).
    #[arg(long)]
    clusters: bool,
    /// Also score entity linking against the gold `kb_id`s, on the gold
    /// mentions: accuracy on those whose QID the knowledge base holds, and
    /// NIL precision and recall.
    #[arg(long)]
    link: bool,
    /// Link against this knowledge base file instead of the embedded one.
    #[arg(long)]
    kb: Option<PathBuf>,
    /// The linker's NIL threshold (default: the library's).
    #[arg(long)]
    nil_threshold: Option<f32>,
    /// Which tagger finds names: `embedded` (the default pipeline) or
    /// `transformer` (quidam's own French transformer, or the one
    /// `--transformer` names; feature `transformer`), the gold texts then
    /// run in batches of windows.
    #[arg(long, default_value = "embedded")]
    backend: String,
    /// With the embedded backend: tag with the tagger model in this file
    /// (`examples/train.rs` writes one) instead of the embedded one.
    #[arg(long)]
    tagger: Option<PathBuf>,
    /// Comma-separated document rules to switch off, by their names in
    /// `NameRule::as_str` (`heads`, `site-spread`...), to measure what each
    /// is worth.
    #[arg(long, value_delimiter = ',')]
    without: Vec<NameRule>,
    /// With `--backend transformer`: the token-classification transformer
    /// in this folder (see `scripts/export_checkpoint.py`) instead of
    /// quidam's own.
    #[cfg(feature = "transformer")]
    #[arg(long)]
    transformer: Option<PathBuf>,
    /// Windows a forward pass, with `--transformer`.
    #[cfg(feature = "transformer")]
    #[arg(long, default_value_t = 32)]
    batch_size: usize,
    /// Sub-tokens a window, overlapping by half, with `--backend
    /// transformer` (default: 200 for quidam's own model, the length it was
    /// fine-tuned on; 510 for another).
    #[cfg(feature = "transformer")]
    #[arg(long)]
    window: Option<usize>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let gold = eval::read_gold(BufReader::new(File::open(&args.gold)?))
        .map_err(|e| format!("{}: {e}", args.gold.display()))?;
    let labels = args
        .labels
        .clone()
        .unwrap_or_else(|| Evaluation::labels_of(&gold));

    let Run {
        predicted,
        tokens,
        seconds,
        disagreeing,
    } = match &args.system {
        Some(path) => {
            let system = eval::read_gold(BufReader::new(File::open(path)?))?;
            if system.len() != gold.len() || system.iter().zip(&gold).any(|(s, g)| s.text != g.text)
            {
                return Err(
                    format!("{}: not the gold texts in the gold order", path.display()).into(),
                );
            }
            Run {
                predicted: system.into_iter().map(|d| d.spans).collect(),
                tokens: 0,
                seconds: 0.0,
                disagreeing: None,
            }
        }
        None => match args.backend.as_str() {
            "embedded" => {
                let mut builder = Pipeline::builder();
                if let Some(path) = &args.tagger {
                    builder = builder.tagger_model(quidam::tag::Tagger::open(path)?);
                }
                for rule in &args.without {
                    builder = builder.without_rule(*rule);
                }
                let pipeline = builder.build()?;
                run_quidam(&gold, &pipeline, 1)
            }
            #[cfg(feature = "transformer")]
            "transformer" => {
                use quidam::transformer::TransformerConfig;
                let mut config = match &args.transformer {
                    Some(dir) => TransformerConfig::new(dir),
                    None => TransformerConfig::default_model(),
                };
                config.batch_size = args.batch_size;
                if let Some(window) = args.window {
                    config.window = window;
                    config.overlap = window / 2;
                }
                let transformer = quidam::transformer::TransformerTagger::load(config)?;
                let mut builder = Pipeline::builder().transformer(transformer);
                for rule in &args.without {
                    builder = builder.without_rule(*rule);
                }
                run_quidam(&gold, &builder.build()?, 64)
            }
            #[cfg(not(feature = "transformer"))]
            "transformer" => {
                return Err("--backend transformer needs `--features transformer`".into())
            }
            other => return Err(format!("--backend {other}: embedded or transformer").into()),
        },
    };

    if let Some(path) = &args.pred {
        let mut out = BufWriter::new(File::create(path)?);
        for (doc, spans) in gold.iter().zip(&predicted) {
            let line = GoldDocument {
                text: doc.text.clone(),
                spans: spans.clone(),
                meta: doc.meta.clone(),
            };
            writeln!(out, "{}", serde_json::to_string(&line)?)?;
        }
        out.flush()?;
    }

    let mut evaluation = Evaluation::new(labels);
    for (doc, spans) in gold.iter().zip(&predicted) {
        evaluation.add(&doc.spans, spans);
    }
    let mut out = std::io::stdout().lock();
    print_table(&mut out, &evaluation)?;
    // Document entities are scored on the gold mentions, so that tagging
    // errors do not count.
    let mut clusters = eval::ClusterScores::default();
    let mut links = eval::LinkScores::default();
    if args.clusters || args.link {
        let kb = match &args.kb {
            Some(path) => std::sync::Arc::new(KnowledgeBase::open(path)?),
            None => KnowledgeBase::embedded(),
        };
        let mut builder = Pipeline::builder().knowledge_base(std::sync::Arc::clone(&kb));
        if let Some(t) = args.nil_threshold {
            builder = builder.nil_threshold(t);
        }
        let grouper = builder.build()?;
        let in_kb = |q: &str| q.parse().is_ok_and(|id| kb.get(id).is_some());
        for doc in &gold {
            let mentions: Vec<_> = doc
                .spans
                .iter()
                .filter(|s| s.label != "MONEY")
                .filter_map(|s| s.char_span())
                .collect();
            let grouped = eval::predictions(&grouper.group_mentions(&doc.text, &mentions));
            clusters.add(&doc.spans, &grouped);
            links.add(&doc.spans, &grouped, in_kb);
        }
    }
    if args.link {
        let (np, nr, nf) = links.nil();
        writeln!(
            out,
            "Linking on {} gold mentions with a kb_id: accuracy {:.4} on the {} whose QID the KB holds ({:.4} on all {} with a QID); NIL P {np:.4} R {nr:.4} F1 {nf:.4} ({} gold NIL)",
            links.spans,
            links.accuracy(),
            links.in_kb,
            links.correct as f64 / (links.spans - links.nil_gold).max(1) as f64,
            links.spans - links.nil_gold,
            links.nil_gold,
        )?;
    }
    if args.clusters {
        let (pp, pr, pf) = clusters.pairwise();
        let (bp, br, bf) = clusters.b_cubed();
        writeln!(
            out,
            "Document entities on {} gold mentions: pairwise P {pp:.4} R {pr:.4} F1 {pf:.4}; B-cubed P {bp:.4} R {br:.4} F1 {bf:.4}",
            clusters.mentions
        )?;
    }
    let money = evaluation.money_values();
    if money.matched > 0 {
        writeln!(
            out,
            "MONEY values on {} matched spans: value {:.1}%, currency {:.1}%",
            money.matched,
            100.0 * money.value_correct as f64 / money.matched as f64,
            100.0 * money.currency_correct as f64 / money.matched as f64
        )?;
    }
    let dotted = dotted_site_recall(&gold, &predicted);
    if dotted.1 > 0 {
        writeln!(
            out,
            "SITE recall on spans with a dot: {}/{} = {:.4}",
            dotted.0,
            dotted.1,
            dotted.0 as f64 / dotted.1 as f64
        )?;
    }
    if let Some((disagree, entities)) = disagreeing {
        writeln!(
            out,
            "Entities whose label is not most of their mentions': {disagree} of {entities}"
        )?;
    }
    if tokens > 0 {
        writeln!(
            out,
            "{tokens} tokens in {seconds:.3} s: {:.0} tokens/s {}",
            tokens as f64 / seconds,
            if args.backend == "transformer" {
                "on libtorch's threads (OMP_NUM_THREADS)"
            } else {
                "on one thread"
            }
        )?;
    }
    if args.json {
        let scores = |c: &Counts| json!({ "p": c.precision(), "r": c.recall(), "f": c.f1(), "support": c.support() });
        let labels: serde_json::Map<_, _> = evaluation
            .per_label()
            .iter()
            .map(|(l, c)| (l.clone(), scores(c)))
            .collect();
        let summary = json!({
            "labels": labels,
            "micro": scores(&evaluation.micro()),
            "money_values": money,
            "site_dotted": { "found": dotted.0, "support": dotted.1 },
            "tokens": tokens,
            "seconds": seconds,
            "clusters": if args.clusters {
                let (pp, pr, pf) = clusters.pairwise();
                let (bp, br, bf) = clusters.b_cubed();
                json!({
                    "mentions": clusters.mentions,
                    "pairwise_p": pp, "pairwise_r": pr, "pairwise_f": pf,
                    "bcubed_p": bp, "bcubed_r": br, "bcubed_f": bf,
                })
            } else {
                serde_json::Value::Null
            },
            "link": if args.link {
                let (np, nr, nf) = links.nil();
                json!({
                    "accuracy": links.accuracy(), "in_kb": links.in_kb,
                    "nil_p": np, "nil_r": nr, "nil_f": nf,
                })
            } else {
                serde_json::Value::Null
            },
        });
        writeln!(out, "{summary}")?;
    }
    Ok(())
}

/// Gold SITE spans whose text has a dot (domains, URLs), and how many of
/// them were predicted exactly.
fn dotted_site_recall(gold: &[GoldDocument], predicted: &[Vec<GoldSpan>]) -> (usize, usize) {
    let (mut found, mut support) = (0, 0);
    for (doc, spans) in gold.iter().zip(predicted) {
        let chars: Vec<char> = doc.text.chars().collect();
        for g in doc
            .spans
            .iter()
            .filter(|s| s.label == "SITE" && chars[s.start..s.end].contains(&'.'))
        {
            support += 1;
            found += usize::from(
                spans
                    .iter()
                    .any(|p| (p.start, p.end, p.label.as_str()) == (g.start, g.end, "SITE")),
            );
        }
    }
    (found, support)
}

/// What a run of quidam over the gold texts gives.
struct Run {
    predicted: Vec<Vec<GoldSpan>>,
    tokens: usize,
    seconds: f64,
    /// Document entities whose label most of their mentions do not have,
    /// and all document entities.
    disagreeing: Option<(usize, usize)>,
}

/// Annotates every gold text, one at a time on this thread or `batch` at a
/// time with `annotate_batch`; returns the predictions, the token count, the
/// annotation time, and how many document entities have a label that most
/// of their mentions do not have (of how many).
fn run_quidam(gold: &[GoldDocument], pipeline: &Pipeline, batch: usize) -> Run {
    let started = Instant::now();
    let texts: Vec<&str> = gold.iter().map(|d| d.text.as_str()).collect();
    let docs: Vec<_> = if batch > 1 {
        texts
            .chunks(batch)
            .flat_map(|chunk| pipeline.annotate_batch(chunk))
            .collect()
    } else {
        gold.iter().map(|d| pipeline.annotate(&d.text)).collect()
    };
    let seconds = started.elapsed().as_secs_f64();
    let tokens = docs.iter().map(|d| d.tokens().len()).sum();
    let entities = docs.iter().flat_map(|d| d.entities()).count();
    let disagree = docs
        .iter()
        .flat_map(|d| d.entities().iter().map(move |e| (d, e)))
        .filter(|(d, e)| {
            let with = |label| {
                e.mentions
                    .iter()
                    .filter(|&&i| d.mentions()[i].label() == label)
                    .count()
            };
            e.mentions
                .iter()
                .any(|&i| with(d.mentions()[i].label()) > with(e.label))
        })
        .count();
    Run {
        predicted: docs.iter().map(eval::predictions).collect(),
        tokens,
        seconds,
        disagreeing: Some((disagree, entities)),
    }
}

/// Writes the per-label scores and the micro average.
fn print_table(out: &mut impl Write, evaluation: &Evaluation) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<8} {:>7} {:>7} {:>7} {:>8}",
        "label", "P", "R", "F1", "support"
    )?;
    let mut row = |name: &str, c: &Counts| {
        writeln!(
            out,
            "{:<8} {:>7.4} {:>7.4} {:>7.4} {:>8}",
            name,
            c.precision(),
            c.recall(),
            c.f1(),
            c.support()
        )
    };
    for (label, counts) in evaluation.per_label() {
        row(label, counts)?;
    }
    row("ALL", &evaluation.micro())
}
