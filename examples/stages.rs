//! One pass of a chosen set of pipeline stages over the benchmark's news
//! sample, for counting instructions: on a shared machine, whose speed
//! varies by a third from one run to the next, callgrind's counts are the
//! same whatever else runs, so two versions of the code compare exactly.
//!
//! ```sh
//! cargo build --release --example stages
//! valgrind --tool=callgrind --toggle-collect='*Pipeline*annotate*' \
//!     ./target/release/examples/stages tag 150
//! ```
//!
//! Stages: `tag` (tokenizer, sentences, tagger), `rules` (tokenizer,
//! sentences, MONEY and SITE rules), `no-linking` (both), `all` (the
//! default pipeline, linking included). The number is how many articles
//! of `benches/data/orangesum-1mb.txt` to annotate (all 539 by default).

use clap::{Parser, ValueEnum};
use quidam::Pipeline;

/// The benchmark's news sample, one article a line.
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/benches/data/orangesum-1mb.txt"
);

#[derive(Clone, Copy, ValueEnum)]
enum Stages {
    Tag,
    Rules,
    NoLinking,
    All,
}

#[derive(Parser)]
#[command(about = "Runs some pipeline stages over the news sample (for callgrind)")]
struct Args {
    /// Which stages run.
    #[arg(value_enum)]
    stages: Stages,
    /// How many articles to annotate.
    #[arg(default_value_t = usize::MAX)]
    articles: usize,
    /// The news to annotate, one article a line.
    #[arg(long, default_value = SAMPLE)]
    sample: std::path::PathBuf,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let sample = std::fs::read_to_string(&args.sample)
        .map_err(|e| format!("{}: {e}", args.sample.display()))?;
    let builder = Pipeline::builder();
    let pipeline = match args.stages {
        Stages::Tag => builder.money(false).sites(false).linking(false),
        Stages::Rules => builder.tagger(false).linking(false),
        Stages::NoLinking => builder.linking(false),
        Stages::All => builder,
    }
    .build()
    .expect("the embedded models load");
    let articles = sample.lines().filter(|l| !l.trim().is_empty());
    let (mut tokens, mut mentions) = (0, 0);
    for article in articles.take(args.articles) {
        let doc = pipeline.annotate(article);
        tokens += doc.tokens().len();
        mentions += doc.mentions().len();
    }
    println!("{tokens} tokens, {mentions} mentions");
    Ok(())
}
