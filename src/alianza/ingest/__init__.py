"""Reading sources, cleaning pages into articles, language id, duplicate detection."""
