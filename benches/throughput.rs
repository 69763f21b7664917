//! Throughput on real French news, one core: `cargo bench --bench throughput`.
//!
//! The text is `benches/data/orangesum-1mb.txt` (539 OrangeSum articles,
//! 1.0 MB), annotated one article at a time as a user would. Each stage is
//! measured twice, in bytes/s and in tokens/s (quidam's tokens).
//!
//! Stages: the tokenizer alone; sentences and the SITE rules; sentences and
//! the MONEY rules; both rules; the tagger (tokenizer, sentences, tagger, no
//! rules); all of these, without linking; and the whole default pipeline
//! (linking to the starter knowledge base included). Document entities are
//! grouped in every stage but the tokenizer's.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use quidam::{text, Pipeline};

const SAMPLE: &str = include_str!("data/orangesum-1mb.txt");

fn articles() -> Vec<&'static str> {
    SAMPLE.lines().filter(|l| !l.trim().is_empty()).collect()
}

fn throughput(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.len()).sum();
    let tokens: usize = articles.iter().map(|a| text::tokenize(a).len()).sum();
    let only = |money, sites, tagger| {
        Pipeline::builder()
            .money(money)
            .sites(sites)
            .tagger(tagger)
            .linking(false)
            .build()
            .unwrap()
    };
    let stages: [(&str, Option<Pipeline>); 7] = [
        ("tokenize", None),
        ("tokenize+sentences+site", Some(only(false, true, false))),
        ("tokenize+sentences+money", Some(only(true, false, false))),
        ("rules:tokenize+money+site", Some(only(true, true, false))),
        ("tokenize+tag", Some(only(false, false, true))),
        ("pipeline-without-linking", Some(only(true, true, true))),
        ("pipeline", Some(Pipeline::default())),
    ];
    for (unit, amount) in [
        ("bytes", Throughput::Bytes(bytes as u64)),
        ("tokens", Throughput::Elements(tokens as u64)),
    ] {
        let mut group = c.benchmark_group(format!("news-1mb/{unit}"));
        group.sample_size(10).throughput(amount);
        for (name, pipeline) in &stages {
            group.bench_function(BenchmarkId::from_parameter(name), |b| match pipeline {
                None => b.iter(|| {
                    articles
                        .iter()
                        .map(|a| text::tokenize(a).len())
                        .sum::<usize>()
                }),
                Some(p) => b.iter(|| {
                    articles
                        .iter()
                        .map(|a| p.annotate(a).mentions().len())
                        .sum::<usize>()
                }),
            });
        }
        group.finish();
    }
}

criterion_group!(benches, throughput);
criterion_main!(benches);
