"""The PLOVER ontology, trigger lexicons (data), and the coder that reads parses into events."""
