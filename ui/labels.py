"""The field and option labels live in the core (:mod:`deficiency.text.labels`), shared with the
PDF handout and the case note; re-exported here for the pages."""

from deficiency.text.labels import (
    CONFIDENCE_LABELS,
    FIELD_LABELS,
    INPUT_LABELS,
    OPTION_LABELS,
    PROGRAM_LABELS,
)

__all__ = ["CONFIDENCE_LABELS", "FIELD_LABELS", "INPUT_LABELS", "OPTION_LABELS", "PROGRAM_LABELS"]
