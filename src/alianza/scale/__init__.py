"""The Dask side of the runner: start a local cluster or connect to one, load the heavy resources
once per worker (`WorkerPlugin`), and write or load Parquet shards. The runner (`runner/`) decides
what runs; this package only says where.
"""
