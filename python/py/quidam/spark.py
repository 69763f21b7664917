"""quidam on Spark: `annotate(df)` adds a column of mentions to a DataFrame,
one partition at a time, with one pipeline per Python worker process,
loaded on its first batch. PySpark (with pyarrow) is needed only to use
this module.

    from pyspark.sql import SparkSession
    import quidam.spark

    spark = SparkSession.builder.getOrCreate()
    df = spark.read.json("news.jsonl")
    quidam.spark.annotate(df, text_col="text").write.parquet("entities.parquet")

The `entities` column is an `array<struct<...>>` of mentions with the
fields of `quidam.Mention` (`value` as `decimal(38,10)`), null for a null
text. Each task annotates on one thread: Spark's scheduler spreads the
partitions over the cores, one task a core.
"""

from typing import Optional

__all__ = ["annotate", "entities_type"]

# One pipeline per worker process and set of options.
_PIPELINES = {}


def _pipeline(options):
    key = tuple(sorted(options.items()))
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        from . import Pipeline

        pipeline = _PIPELINES[key] = Pipeline(**options)
    return pipeline


def entities_type():
    """The Spark type of the `entities` column."""
    from pyspark.sql.pandas.types import from_arrow_type

    from . import mention_list_type

    return from_arrow_type(mention_list_type())


def annotate(
    df,
    text_col: str = "text",
    output_col: str = "entities",
    linking: bool = True,
    fuzzy_linking: bool = True,
    knowledge_base: Optional[str] = None,
    nil_threshold: Optional[float] = None,
):
    """`df` with an `output_col` column of the mentions quidam finds in
    `text_col`, through `mapInArrow`. The pipeline options are those of
    `quidam.Pipeline`; a knowledge base file must be readable at the same
    path on every executor."""
    from pyspark.sql.types import StructField, StructType

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in {df.columns}")
    if output_col in df.columns:
        raise ValueError(f"the DataFrame already has a column {output_col!r}")
    options = {
        "linking": linking,
        "fuzzy_linking": fuzzy_linking,
        "knowledge_base": knowledge_base,
        "nil_threshold": nil_threshold,
    }
    # Fail here, on the driver, rather than in every task.
    _pipeline(options)
    schema = StructType(df.schema.fields + [StructField(output_col, entities_type(), True)])

    def run(batches):
        import pyarrow as pa

        pipeline = _pipeline(options)
        for batch in batches:
            mentions = pipeline.annotate_arrow(batch.column(text_col), n_threads=1)
            yield pa.RecordBatch.from_arrays(
                list(batch.columns) + [mentions], names=list(batch.schema.names) + [output_col]
            )

    return df.mapInArrow(run, schema)
