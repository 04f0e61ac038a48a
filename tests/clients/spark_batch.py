"""Runs `mtlint batch` as a stage of a PySpark job in local mode.

Run by tests/spark_batch.rs: python3 spark_batch.py MTLINT INPUT OUTPUT [ARG...],
the ARGs passed on to `mtlint batch`.
INPUT is JSON Lines, one article a record; the job pipes every partition
through `mtlint batch` (the recipe of the README) and writes the collected
output lines, in input order, to OUTPUT. On a cluster the same job runs
with more executors, each with mtlint on its PATH.
"""

import os
import shlex
import sys

from pyspark.sql import SparkSession


def main(binary: str, input_path: str, output_path: str, args: list[str]) -> None:
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("mtlint-batch")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    try:
        records = spark.sparkContext.textFile(input_path, minPartitions=3)
        # checkCode: a stage whose mtlint exits non-zero fails the job.
        linted = records.pipe(shlex.join([binary, "batch", *args]), checkCode=True)
        lines = linted.collect()
        partitions = records.getNumPartitions()
    finally:
        spark.stop()
    with open(output_path, "w", encoding="utf-8") as out:
        for line in lines:
            out.write(line + "\n")
    print(f"{len(lines)} records in {partitions} partitions")


if __name__ == "__main__":
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:])
