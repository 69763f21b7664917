//! Knowledge base and linker speed, one core: `cargo bench --bench link`.
//!
//! - `kb/build`: compiling 50,000 generated records (label, two aliases, a
//!   variant, a description) into the binary knowledge base, in records/s;
//! - `kb/load`: reading and checking the embedded starter base;
//! - `link/news-1mb`: grouping and linking the mentions that the default
//!   pipeline finds in `benches/data/orangesum-1mb.txt`, against the starter
//!   base (with and without near-name search), and grouping them alone, in
//!   mentions/s: the difference is the linker's cost.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quidam::kb::{KbBuilder, KbRecord, KnowledgeBase};
use quidam::{CharSpan, Label, Pipeline};

const SAMPLE: &str = include_str!("data/orangesum-1mb.txt");

fn records(n: usize) -> Vec<KbRecord> {
    let labels = [Label::Per, Label::Org, Label::Loc, Label::Site];
    (0..n)
        .map(|i| {
            let mut r = KbRecord::new(
                format!("Q{}", 1000 + i * 7).parse().unwrap(),
                format!("Entité {} {}", i % 5000, i / 5000),
                labels[i % 4],
            );
            r.aliases = vec![format!("Alias {i}"), format!("E{}", i % 20_000)];
            r.variants = vec![format!("Mention {i}")];
            r.description = format!("description numéro {i} d'une entité de test");
            r.popularity = (i % 97) as f32;
            r
        })
        .collect()
}

fn knowledge_base(c: &mut Criterion) {
    let records = records(50_000);
    let mut group = c.benchmark_group("kb");
    group.sample_size(10);
    group.throughput(Throughput::Elements(records.len() as u64));
    group.bench_function("build", |b| {
        b.iter(|| {
            let mut builder = KbBuilder::new();
            for r in &records {
                builder.add(r.clone());
            }
            let mut bytes = Vec::new();
            builder.write(&mut bytes).unwrap();
            bytes.len()
        })
    });
    group.throughput(Throughput::Elements(KnowledgeBase::embedded().len() as u64));
    group.bench_function("load-embedded", |b| {
        b.iter(|| quidam_embedded_kb_bytes().map(|k| k.len()))
    });
    group.finish();
}

/// Parses the embedded knowledge base's bytes again.
fn quidam_embedded_kb_bytes() -> Result<KnowledgeBase, quidam::Error> {
    KnowledgeBase::from_static(include_bytes!("../models/kb.bin"))
}

fn linking(c: &mut Criterion) {
    let articles: Vec<&str> = SAMPLE.lines().filter(|l| !l.trim().is_empty()).collect();
    let finder = Pipeline::builder().linking(false).build().unwrap();
    let mentions: Vec<Vec<CharSpan>> = articles
        .iter()
        .map(|a| {
            finder
                .annotate(a)
                .mentions()
                .iter()
                .filter(|e| e.label() != Label::Money)
                .map(|e| CharSpan::new(e.span().chars(), e.label()))
                .collect()
        })
        .collect();
    let count: usize = mentions.iter().map(Vec::len).sum();
    let with_kb = Pipeline::builder()
        .knowledge_base(KnowledgeBase::embedded())
        .build()
        .unwrap();
    let exact = Pipeline::builder()
        .knowledge_base(KnowledgeBase::embedded())
        .fuzzy_linking(false)
        .build()
        .unwrap();
    let mut group = c.benchmark_group("link/news-1mb");
    group
        .sample_size(10)
        .throughput(Throughput::Elements(count as u64));
    for (name, pipeline) in [
        ("group", &finder),
        ("group+link", &with_kb),
        ("group+link-exact", &exact),
    ] {
        group.bench_function(BenchmarkId::from_parameter(name), |b| {
            b.iter(|| {
                articles
                    .iter()
                    .zip(&mentions)
                    .map(|(a, m)| {
                        let doc = pipeline.group_mentions(a, m);
                        doc.mentions()
                            .iter()
                            .filter(|e| doc.entity_of(e).is_some_and(|e| e.kb_id.is_some()))
                            .count()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, knowledge_base, linking);
criterion_main!(benches);
