"""Imported once by the forkserver that starts ``--jobs`` workers: it loads spaCy's
pipeline and the gazetteer there, so every worker forked from it starts with both in
memory (shared copy-on-write) instead of loading them itself; and the modules a
worker runs, which each would import on its first task (0.15-0.4 s apiece, the
Turtle writer's workers at the end of a batch too)."""

from __future__ import annotations

import gc
import logging

try:
    import kb.jobs.parallel  # noqa: F401  (what a worker runs: mapping, validation, writers)
    from kb.extract import load_pipeline
    from kb.text.gazetteer import gazetteer

    load_pipeline()  # the model of $KB_SPACY_MODEL, or the default one
    gazetteer()
    gc.freeze()  # out of the collector's way in every worker (see keep_loaded)
except Exception as exc:  # noqa: BLE001 - a worker that needs it reports the error
    logging.getLogger("kb").debug("nothing preloaded for --jobs: %s", exc)
