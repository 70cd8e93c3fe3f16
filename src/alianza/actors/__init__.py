"""The actor knowledge base and the resolver from text to coded actors."""

from .kb import KnowledgeBase, load_kb
from .resolve import ArticleContext, find_mentions

__all__ = ["ArticleContext", "KnowledgeBase", "find_mentions", "load_kb"]
