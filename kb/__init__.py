"""newskb: news articles to a validated knowledge graph of events, actors, places and claims."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
