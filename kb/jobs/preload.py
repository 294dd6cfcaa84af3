"""Imported once by the forkserver that starts ``--jobs`` workers: it loads spaCy's
pipeline and the gazetteer there, so every worker forked from it starts with both in
memory (shared copy-on-write) instead of loading them itself."""

from __future__ import annotations

import gc
import logging

try:
    from kb.extract import load_pipeline
    from kb.text.gazetteer import gazetteer

    load_pipeline()  # the model of $KB_SPACY_MODEL, or the default one
    gazetteer()
    gc.freeze()  # out of the collector's way in every worker (see keep_loaded)
except Exception as exc:  # noqa: BLE001 - a worker that needs it reports the error
    logging.getLogger("kb").debug("nothing preloaded for --jobs: %s", exc)
