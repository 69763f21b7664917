"""`quidam.spark.annotate` on Spark in local mode over 1,000 OrangeSum
articles gives what `annotate` gives on the same texts."""

import gzip
import json
import os
import sys
from pathlib import Path

import pytest

# Spark's Python workers run this interpreter, which has quidam.
os.environ["PYSPARK_PYTHON"] = sys.executable

from pyspark.sql import SparkSession  # noqa: E402

import quidam  # noqa: E402
import quidam.spark  # noqa: E402

from test_arrow import as_rows  # noqa: E402

ARTICLES = [
    json.loads(line)
    for line in gzip.open(Path(__file__).parent / "data/orangesum-1000.jsonl.gz", "rt", encoding="utf-8")
]


@pytest.fixture(scope="module")
def spark():
    session = (
        SparkSession.builder.master("local[2]")
        .appName("quidam-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "128")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_spark_gives_annotates_results_on_1000_articles(spark):
    assert len(ARTICLES) == 1000
    df = spark.createDataFrame(ARTICLES, "id string, text string").repartition(4)
    rows = quidam.spark.annotate(df).collect()
    assert len(rows) == 1000
    pipeline = quidam.Pipeline()
    by_id = {a["id"]: a["text"] for a in ARTICLES}
    mentions = 0
    for row in rows:
        assert row["text"] == by_id[row["id"]]
        got = [m.asDict() for m in row["entities"]]
        assert got == as_rows(pipeline.annotate(row["text"])), row["id"]
        mentions += len(got)
    assert mentions > 10000


def test_null_texts_options_and_bad_columns(spark):
    df = spark.createDataFrame([("a", None), ("b", "Kim Dotcom est à Genève.")], "id string, body string")
    rows = {r["id"]: r for r in quidam.spark.annotate(df, text_col="body", output_col="found", linking=False).collect()}
    assert rows["a"]["found"] is None
    assert [(m["label"], m["text"], m["kb_id"]) for m in rows["b"]["found"]] == [
        ("PER", "Kim Dotcom", None),
        ("LOC", "Genève", None),
    ]
    with pytest.raises(ValueError, match="no column"):
        quidam.spark.annotate(df)
    with pytest.raises(ValueError, match="already"):
        quidam.spark.annotate(df, text_col="body", output_col="id")
    with pytest.raises(quidam.SettingError):
        quidam.spark.annotate(df, text_col="body", nil_threshold=float("nan"))
