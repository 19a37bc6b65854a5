"""Language detection (lingua) for documents whose metadata does not say."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from auditor.workcache import WorkCache, work_key


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    # Low-accuracy mode is plenty for whole articles and builds in well under a second.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


LANGUAGE_STAGE = "language"


def detect_language(text: str, cache: WorkCache | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told.

    With a work cache, a text whose language was detected before is not detected again."""
    sample = text[:1200]  # plenty for lingua on prose; detection time grows with length
    if len(sample.split()) < 3:
        return None
    key = work_key(LANGUAGE_STAGE, sample) if cache is not None else ""
    if cache is not None:
        known = cache.get_many(LANGUAGE_STAGE, [key])
        if key in known:
            return known[key]
    language = _detector().detect_language_of(sample)
    code = language.iso_code_639_1.name.lower() if language else None
    if cache is not None:
        cache.put_later(LANGUAGE_STAGE, key, code)  # written in one transaction by cache.flush()
    return code
