"""Language data, sentence splitting, spaCy loading, and date and quantity parsing."""
