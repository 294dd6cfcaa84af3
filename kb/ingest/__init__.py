"""Stage 1, reading: files, directories and stdin (text, Markdown, HTML, JSON, JSONL)
become :class:`kb.models.Article` records. Heavy dependency: trafilatura for HTML."""
