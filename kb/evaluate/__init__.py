"""``kb evaluate``: score extraction against annotated articles, in the project's
gold format (eval/dev) or as brat attribution files (PolNeAR).

>>> from kb.evaluate import EvaluateRequest
>>> EvaluateRequest(split="dev").split
'dev'
"""

from __future__ import annotations

from kb.evaluate.corpus import POLNEAR_ENV, SPLITS
from kb.evaluate.devset import DevReport, evaluate_gold_set
from kb.evaluate.report import format_json, format_text, report_json
from kb.evaluate.run import AttributionReport, EvaluateRequest, evaluate, evaluate_brat

__all__ = [
    "POLNEAR_ENV",
    "SPLITS",
    "AttributionReport",
    "DevReport",
    "EvaluateRequest",
    "evaluate",
    "evaluate_brat",
    "evaluate_gold_set",
    "format_json",
    "format_text",
    "report_json",
]
