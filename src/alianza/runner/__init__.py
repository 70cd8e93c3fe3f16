"""The batch runner above the stages: read, prepare, `code_article`, write the store, cluster.

It is the one place besides the CLI and serve that sees both the stages (ingest, nlp, actors,
events) and the store and aggregation; the stages themselves never import those (DESIGN.md).
"""
