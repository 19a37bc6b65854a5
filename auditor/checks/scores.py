"""Translation-quality (garble) scores: one per sentence in [0, 1], one per document.

The sentence score is a logistic model over signals that need no source text:

- shape signals: sentence length (log words), commas per word, content words repeated in the
  sentence, share of function words, share of rare content words and mean word frequency
  (wordfreq's Zipf scale: MT picks odd, literal words), capitals inside the sentence;
- the rule detectors of G001-G003 (garbled numerals, broken abbreviations, repetition), which
  almost never fire on good English;
- the sentence's MiniLM embedding projected on a learned "awkward translation" direction.

Weights come from `garble_model.json`, fitted by `benchmarks/garble.py --fit` on professional
translators' judgements of real MT English (garble-dev.jsonl) with leave-one-talk-out
cross-validation; the figures and an ablation are in docs/ACCURACY.md.

The document score answers "how much of this article reads as damaged translation": the mean,
over its active sentences, of how far each sentence's score exceeds what clean English scores
(the model's median on clean segments), so good English scores near 0 whatever its length.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from auditor.checks.registry import CheckContext
from auditor.checks.results import results_cache, subset_context
from auditor.facts.words import word_set
from auditor.model import Document, Sentence
from auditor.workcache import work_key

MODEL_PATH = Path(__file__).with_name("garble_model.json")
GARBLE_SCORE_STAGE = "garble_score"

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
FUNCTION_WORDS = word_set(
    """the a an of to in on at by for with from and or but if that which who whom whose this these those
    it its is are was were be been being has have had do does did not no as than then so such there
    their they them he she his her we our you your i me my us also will would can could may might must
    shall should"""
)

HAND_FEATURES = (
    "log_words",
    "commas_per_word",
    "repeated_content_words",
    "function_word_share",
    "rare_word_share",
    "mean_zipf",
    "inner_capitals_share",
    "preposition_share",
    "log_longest_clause",
    "rule_hits",
)
PREPOSITIONS = word_set("of to in for on with at by from into about over under between through")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—]| - ")


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=65536)
def rule_hits(text: str) -> int:
    """How many G001-G003 detectors fire on the sentence (numerals, abbreviations, repetition)."""
    from auditor.checks.garble import find_broken_abbreviations, find_repetitions
    from auditor.facts.numerals import find_garbled_numerals

    return (
        len([n for n in find_garbled_numerals(text) if n.confidence >= 0.8])
        + len(find_broken_abbreviations(text))
        + len([r for r in find_repetitions(text) if r.kind != "repeated-phrase"])
    )


def hand_features(text: str) -> list[float]:
    """The shape signals of one sentence, in HAND_FEATURES order."""
    words = _WORD.findall(text)
    n = max(len(words), 1)
    lower = [w.lower() for w in words]
    # Content words written in lower case: names and sentence-initial words tell nothing here.
    content = [w for w, original in zip(lower, words, strict=True) if w not in FUNCTION_WORDS and original.islower()]
    zipfs = [_zipf(w) for w in content]
    inner_capitals = sum(1 for w in words[1:] if w[0].isupper())
    return [
        math.log1p(len(words)),
        text.count(",") / n,
        (len(content) - len(set(content))) / n,
        sum(1 for w in lower if w in FUNCTION_WORDS) / n,
        sum(1 for z in zipfs if z < 3.0) / max(len(zipfs), 1),
        float(np.mean(zipfs)) if zipfs else 5.0,
        inner_capitals / n,
        sum(1 for w in lower if w in PREPOSITIONS) / n,
        math.log1p(max(len(_WORD.findall(clause)) for clause in _CLAUSE_BREAK.split(text))),
        float(rule_hits(text)),
    ]


@dataclass(frozen=True)
class GarbleModel:
    """Logistic model: standardised hand features plus an embedding direction."""

    feature_names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    embedding_coef: np.ndarray | None
    intercept: float
    clean_median: float  # the model's median score on clean segments: the document score's zero
    rule_floor: float  # a sentence with a rule hit scores at least this

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> GarbleModel:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        embedding = data.get("embedding_coef")
        return cls(
            feature_names=tuple(data["features"]),
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64),
            embedding_coef=np.asarray(embedding, dtype=np.float64) if embedding else None,
            intercept=float(data["intercept"]),
            clean_median=float(data["clean_median"]),
            rule_floor=float(data.get("rule_floor", 0.9)),
        )

    @property
    def uses_embeddings(self) -> bool:
        return self.embedding_coef is not None

    def score(self, features: np.ndarray, vectors: np.ndarray | None) -> np.ndarray:
        """P(garbled) for each row of `features` (hand features) and `vectors` (embeddings)."""
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        if self.embedding_coef is not None and vectors is not None:
            z = z + vectors.astype(np.float64) @ self.embedding_coef
        probability = 1.0 / (1.0 + np.exp(-z))
        hits = features[:, self.feature_names.index("rule_hits")] if "rule_hits" in self.feature_names else None
        if hits is not None:
            probability = np.where(hits > 0, np.maximum(probability, self.rule_floor), probability)
        return probability


@lru_cache(maxsize=1)
def default_model() -> GarbleModel:
    return GarbleModel.load()


def score_texts(texts: Sequence[str], encoder: Any = None, model: GarbleModel | None = None) -> np.ndarray:
    """Garble score in [0, 1] for each text (a sentence); embeddings are used when an encoder is given."""
    model = model or default_model()
    if not texts:
        return np.zeros(0)
    features = np.array([hand_features(t) for t in texts], dtype=np.float64)
    vectors = encoder.encode(list(texts)) if (encoder is not None and model.uses_embeddings) else None
    return model.score(features, vectors)


@dataclass(frozen=True, slots=True)
class SentenceScore:
    sentence: Sentence
    score: float


def sentence_garble_scores(ctx: CheckContext) -> dict[str, list[SentenceScore]]:
    """doc id -> score of each active prose sentence (headings and short lines are left out)."""

    def build() -> dict[str, list[SentenceScore]]:
        result: dict[str, list[SentenceScore]] = {}
        for doc in ctx.documents:
            sentences = scored_sentences(doc)
            scores = score_texts([s.text for s in sentences], ctx.encoder)
            result[doc.id] = [SentenceScore(s, float(p)) for s, p in zip(sentences, scores, strict=True)]
        return result

    scores: dict[str, list[SentenceScore]] = ctx.artifact("garble_sentence_scores", build)
    return scores


def scored_sentences(doc: Document) -> list[Sentence]:
    """Active prose sentences: what the model was calibrated on (headings are judged by G005)."""
    return [s for s in doc.active_sentences() if s.kind == "sentence" and len(s.text.split()) >= 4]


# Weights of the document score: damage that a rule pins down (a garbled numeral, a broken
# abbreviation, a word repeated, an incoherent sentence, a heading that does not fit) dominates;
# the sentence model adds a little (it mostly tracks sentence length, see docs/ACCURACY.md).
DAMAGE_WEIGHT = 0.8
MODEL_WEIGHT = 0.2
DAMAGE_RATE = 3.0  # 1 - exp(-3 * share): a third of the sentences damaged scores ~0.63 on this part


def document_score(scores: Sequence[float], damaged: int = 0, model: GarbleModel | None = None) -> float:
    """Combine sentence scores (mean excess over clean English's median) and the damaged-sentence share."""
    model = model or default_model()
    if not scores:
        return 0.0
    zero = model.clean_median
    excess = float(np.mean([max(0.0, s - zero) / (1.0 - zero) for s in scores]))
    share = damaged / len(scores)
    damage = 1.0 - math.exp(-DAMAGE_RATE * share)
    return round(min(1.0, MODEL_WEIGHT * excess + DAMAGE_WEIGHT * damage), 4)


def damaged_sentence_count(ctx: CheckContext, doc: Document) -> int:
    """Sentences (and headings) of `doc` that G001-G005 flag."""
    from auditor.checks.coherence import coherence_signals
    from auditor.checks.garble import misfit_headings

    signals = coherence_signals(ctx).get(doc.id, [])
    damaged = sum(1 for s in signals if s.explained_by_rules or s.flagged)
    headings = {m.section.heading.index for m in misfit_headings(ctx, doc)}
    lines_with_rule_hits = {
        s.index for s in doc.active_sentences() if s.kind == "line" and s.index not in headings and rule_hits(s.text)
    }
    return damaged + len(headings) + len(lines_with_rule_hits)


def document_garble_scores(ctx: CheckContext) -> dict[str, float]:
    """doc id -> garble score in [0, 1] (English documents with prose only).

    A document's score depends on that document alone: with a work cache, it is kept under the
    document's digest and computed only for documents not seen before."""
    cache = results_cache(ctx)
    if cache is None:
        return _garble_scores(ctx)
    work, model_id = cache
    keys = [work_key(GARBLE_SCORE_STAGE, model_id, doc.digest) for doc in ctx.documents]

    def score(positions: list[int]) -> list[float | None]:
        missing = [ctx.documents[n] for n in positions]
        computed = _garble_scores(subset_context(ctx, missing))
        return [computed.get(doc.id) for doc in missing]

    scores: list[float | None] = work.kept_each(GARBLE_SCORE_STAGE, keys, score)
    return {doc.id: value for doc, value in zip(ctx.documents, scores, strict=True) if value is not None}


def _garble_scores(ctx: CheckContext) -> dict[str, float]:
    per_sentence = sentence_garble_scores(ctx)
    return {
        doc.id: document_score([s.score for s in per_sentence[doc.id]], damaged_sentence_count(ctx, doc))
        for doc in ctx.documents
        if doc.is_english and per_sentence.get(doc.id)
    }
