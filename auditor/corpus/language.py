"""Language detection (lingua) for documents whose metadata does not say."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from auditor.workcache import WorkCache, work_key


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import LanguageDetectorBuilder

    # Low-accuracy mode is plenty for whole articles and builds in well under a second.
    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


LANGUAGE_STAGE = "language"
SAMPLE_CHARS = 500


def _sample(text: str) -> str | None:
    # Detection time grows with the sample's length. 500 characters give the same language as
    # 1,200 on all 772 ECB+ articles and the fixtures (as 300 did), in half the time.
    sample = text[:SAMPLE_CHARS]
    return sample if len(sample.split()) >= 3 else None


def detect_language(text: str, cache: WorkCache | None = None) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot be told.

    With a work cache, a text whose language was detected before is not detected again."""
    return detect_languages([text], cache)[0]


def detect_languages(texts: Sequence[str], cache: WorkCache | None = None) -> list[str | None]:
    """`detect_language` of each text; those not in the work cache detected in one call, which
    lingua runs on every core (2.3x faster than one by one on two cores)."""
    samples = [_sample(text) for text in texts]
    keys = [work_key(LANGUAGE_STAGE, sample) if cache is not None and sample else "" for sample in samples]
    known: dict[str, str | None] = cache.get_many(LANGUAGE_STAGE, [k for k in keys if k]) if cache is not None else {}
    todo = sorted({sample for sample, key in zip(samples, keys, strict=True) if sample and key not in known})
    if todo:
        for sample, language in zip(todo, _detector().detect_languages_in_parallel_of(todo), strict=True):
            code = language.iso_code_639_1.name.lower() if language else None
            key = work_key(LANGUAGE_STAGE, sample) if cache is not None else sample
            known[key] = code
            if cache is not None:
                cache.put_later(LANGUAGE_STAGE, key, code)  # written in one transaction by cache.flush()
    return [known[key or sample] if sample else None for sample, key in zip(samples, keys, strict=True)]
