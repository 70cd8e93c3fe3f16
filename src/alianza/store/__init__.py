"""The DuckDB store: schema with migrations, idempotent writes by article id, queries."""
