"""Run a sentence-transformers model exported to ONNX: tokenizers, onnxruntime and numpy only.

Nothing here imports torch, transformers or sentence-transformers, so the ONNX backend starts in
a fraction of the torch backend's time and memory. What sentence-transformers would do around
the transformer is read from the model's own files and done here the same way:

- `modules.json`: the module chain must be Transformer -> Pooling [-> Normalize];
- `sentence_bert_config.json`: `max_seq_length` (texts are truncated to it, longest first);
- `1_Pooling/config.json`: mean pooling over the tokens the attention mask keeps;
- then L2 normalisation, which the Encoder asks of every backend.

A model whose files ask for anything else is refused (`UnsupportedModel`): use the torch backend.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from auditor.embed.parallel import encode_in_parallel, encode_one_by_one, encode_workers, longest_first_batches

TRANSFORMER_MODULE = "sentence_transformers.models.Transformer"
POOLING_MODULE = "sentence_transformers.models.Pooling"
NORMALIZE_MODULE = "sentence_transformers.models.Normalize"
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "token_embeddings"


class UnsupportedModel(ValueError):
    """A model whose sentence-transformers modules the ONNX backend does not reproduce."""


@dataclass(frozen=True)
class SentencePipeline:
    """What sentence-transformers does around the transformer, as the model's files say."""

    transformer_dir: Path
    max_seq_length: int
    dimension: int


def read_sentence_pipeline(model_dir: Path) -> SentencePipeline:
    def load(path: Path) -> Any:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise UnsupportedModel(f"{path}: cannot read the sentence-transformers config: {error}") from None

    modules = load(model_dir / "modules.json")
    kinds = [m.get("type") for m in modules]
    if kinds not in ([TRANSFORMER_MODULE, POOLING_MODULE], [TRANSFORMER_MODULE, POOLING_MODULE, NORMALIZE_MODULE]):
        raise UnsupportedModel(f"{model_dir}: modules {kinds} are not Transformer, Pooling[, Normalize]")
    transformer_dir = model_dir / modules[0]["path"]
    pooling = load(model_dir / modules[1]["path"] / "config.json")
    other_modes = [
        k for k, v in pooling.items() if k.startswith("pooling_mode_") and v and k != "pooling_mode_mean_tokens"
    ]
    if not pooling.get("pooling_mode_mean_tokens") or other_modes:
        raise UnsupportedModel(f"{model_dir}: only mean pooling is implemented, the model asks for {pooling}")
    settings = load(transformer_dir / "sentence_bert_config.json")
    if settings.get("do_lower_case"):
        raise UnsupportedModel(f"{model_dir}: do_lower_case is not implemented")
    return SentencePipeline(transformer_dir, int(settings["max_seq_length"]), int(pooling["word_embedding_dimension"]))


def session_options(threads: int | None = None) -> Any:
    """onnxruntime session options; `threads` None lets onnxruntime choose (one per physical core)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    if threads is not None:
        options.intra_op_num_threads = threads
    options.log_severity_level = 3  # warnings about unused initializers are noise to an auditor user
    return options


class OnnxSentenceModel:
    """Sentence vectors from an ONNX export of a model's transformer (`auditor.embed.onnx_export`)."""

    def __init__(
        self, onnx_file: Path, model_dir: Path, threads: int | None = None, workers: int | None = None
    ) -> None:
        """`threads`: onnxruntime's threads per batch (None: its default, one per core). `workers`:
        batches run side by side, each on one thread (`auditor.embed.parallel`; None: one per core,
        or `AUDITOR_ENCODE_WORKERS`, when `threads` is not given)."""
        import onnxruntime
        from tokenizers import Tokenizer

        self.pipeline = read_sentence_pipeline(model_dir)
        self.dimension = self.pipeline.dimension
        tokenizer = Tokenizer.from_file(str(self.pipeline.transformer_dir / "tokenizer.json"))
        # tokenizer.json pads every text to a fixed length and truncates at 128 tokens;
        # sentence-transformers pads to the batch's longest text and truncates at max_seq_length.
        padding = tokenizer.padding or {}
        tokenizer.enable_padding(pad_id=padding.get("pad_id", 0), pad_token=padding.get("pad_token", "[PAD]"))
        tokenizer.enable_truncation(max_length=self.pipeline.max_seq_length)
        self.tokenizer = tokenizer
        if workers is None:
            workers = encode_workers(os.cpu_count() or 1) if threads is None else 1
        self.workers = workers
        # Side by side, every batch runs on one thread; one session serves all the workers.
        self.session = onnxruntime.InferenceSession(
            str(onnx_file), session_options(1 if workers > 1 else threads), providers=["CPUExecutionProvider"]
        )

    def encode(self, texts: Sequence[str], batch_size: int, side_by_side: bool = True) -> np.ndarray:
        """L2-normalised mean-pooled vectors, (len(texts), dimension) float32, in the order of `texts`.
        `side_by_side` False: the same batches one after another (the same vectors, less memory)."""
        if self.workers > 1:
            # Half-size batches, as the torch backend's side by side: as many texts in flight as
            # one serial batch. The tokenizer's padding and truncation are set once, above.
            batches = longest_first_batches(texts, max(1, batch_size // 2))
            if not side_by_side:
                return encode_one_by_one(texts, batches, self._encode_batch, self.dimension)
            return encode_in_parallel(texts, batches, self._encode_batch, self.workers, self.dimension)
        # Longest first, as sentence-transformers does, so a batch's texts need little padding.
        return encode_one_by_one(texts, longest_first_batches(texts, batch_size), self._encode_batch, self.dimension)

    def _encode_batch(self, texts: Sequence[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(list(texts))
        feed = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        (tokens,) = self.session.run([OUTPUT_NAME], feed)
        mask = feed["attention_mask"][..., None].astype(np.float32)
        # The same clamps as sentence-transformers' Pooling (1e-9) and torch's normalize (1e-12).
        mean = (tokens * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
        norms = np.clip(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12, None)
        return (mean / norms).astype(np.float32)
