//! Throughput of the transformer backend (feature `transformer`) on the news
//! sample, next to the default pipeline's, one article at a time:
//!
//! ```text
//! eval "$(scripts/setup-libtorch.sh)"
//! python scripts/tiny_models.py target/tiny
//! cargo bench --features transformer --bench transformer
//! ```
//!
//! The model is the tiny random BERT of `scripts/tiny_models.py` (2 layers,
//! hidden size 32, 128 positions, so windows of 126 sub-tokens): these
//! figures bound the backend's own cost (tokenizing, windowing, decoding,
//! merging with the rules) from above for that size, not the speed of a real
//! checkpoint. Batch size 1 annotates one article at a time; batch size 32
//! annotates the 100 articles with `annotate_batch`, which runs windows of
//! many articles together. libtorch and rayon on one and two threads.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quidam::transformer::{convert_npz, TransformerConfig, TransformerTagger};
use quidam::{text, Pipeline};

const SAMPLE: &str = include_str!("data/orangesum-1mb.txt");

fn transformer(c: &mut Criterion) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tiny/bert");
    if !dir.join("rust_model.ot").exists() {
        convert_npz(&dir.join("weights.npz"), &dir.join("rust_model.ot"))
            .expect("run `python scripts/tiny_models.py target/tiny` first");
    }
    let articles: Vec<&str> = SAMPLE
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(100)
        .collect();
    let tokens: usize = articles.iter().map(|a| text::tokenize(a).len()).sum();
    let pipeline = Pipeline::builder().linking(false).build().unwrap();
    let mut group = c.benchmark_group("news-100-articles/tokens");
    group
        .sample_size(10)
        .throughput(Throughput::Elements(tokens as u64));
    group.bench_function("default-pipeline-without-linking", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| pipeline.annotate(a).mentions().len())
                .sum::<usize>()
        })
    });
    for threads in [1, 2] {
        tch::set_num_threads(threads as i32);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        for batch in [1, 32] {
            let mut config = TransformerConfig::new(&dir);
            config.batch_size = batch;
            let pipeline = Pipeline::builder()
                .linking(false)
                .transformer(TransformerTagger::load(config).unwrap())
                .build()
                .unwrap();
            let id = BenchmarkId::new(
                format!("tiny-bert-{threads}-threads"),
                format!("batch-{batch}"),
            );
            group.bench_function(id, |b| {
                b.iter(|| {
                    pool.install(|| {
                        if batch == 1 {
                            articles
                                .iter()
                                .map(|a| pipeline.annotate(a).mentions().len())
                                .sum::<usize>()
                        } else {
                            pipeline
                                .annotate_batch(&articles)
                                .iter()
                                .map(|d| d.mentions().len())
                                .sum::<usize>()
                        }
                    })
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, transformer);
criterion_main!(benches);
