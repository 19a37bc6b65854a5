"""Make the ONNX file the ONNX backend runs, from the packaged model's weights (never downloaded).

The file lives in the embedding cache directory, under `onnx/`, named by the model, the
quantization and a checksum of the weights file:

    <cache_dir>/onnx/all-MiniLM-L6-v2-onnx-int8-53aa51172d142c89.onnx

so new weights (an upgraded model package) or another quantization give another name and the
file is made again; the superseded file is deleted. Export uses torch's TorchScript-based ONNX
exporter (dynamic batch and sequence axes); int8 is onnxruntime's dynamic quantization of the
fp32 file. Files are written under a temporary name and renamed, so a process never opens a
half-written model, and two processes exporting at once both end with a whole one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from auditor.embed.onnx_model import INPUT_NAMES, OUTPUT_NAME, read_sentence_pipeline

ONNX_OPSET = 17
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
CHECKSUM_CHARS = 16


def weights_checksum(model_dir: Path) -> str:
    """sha256 of the transformer's weights file (~0.08 s for MiniLM's 91 MB)."""
    transformer_dir = read_sentence_pipeline(model_dir).transformer_dir
    for name in WEIGHT_FILES:
        path = transformer_dir / name
        if path.is_file():
            with path.open("rb") as handle:
                return hashlib.file_digest(handle, "sha256").hexdigest()
    raise FileNotFoundError(f"{transformer_dir}: no weights file ({' or '.join(WEIGHT_FILES)})")


def onnx_file_path(model_dir: Path, model_name: str, quantization: str, cache_dir: Path) -> Path:
    """Where the export of these weights with this quantization is kept (it may not exist yet)."""
    checksum = weights_checksum(model_dir)[:CHECKSUM_CHARS]
    return cache_dir / "onnx" / f"{_stem(model_name, quantization)}-{checksum}.onnx"


def ensure_onnx_file(model_dir: Path, model_name: str, quantization: str, cache_dir: Path) -> Path:
    """The ONNX file for these weights and quantization, exported first if missing."""
    target = onnx_file_path(model_dir, model_name, quantization, cache_dir)
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if quantization == "int8":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        fp32 = ensure_onnx_file(model_dir, model_name, "fp32", cache_dir)
        with _written_atomically(target) as partial, _root_warnings_muted():
            quantize_dynamic(fp32, partial, weight_type=QuantType.QInt8)
    else:
        with _written_atomically(target) as partial:
            _export_transformer(read_sentence_pipeline(model_dir).transformer_dir, partial)
    for stale in target.parent.glob(f"{_stem(model_name, quantization)}-*.onnx"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return target


def _stem(model_name: str, quantization: str) -> str:
    return f"{Path(model_name).name}-onnx-{quantization}"


@contextmanager
def _root_warnings_muted() -> Iterator[None]:
    """quantize_dynamic logs a pre-processing hint (for static quantization) with `logging.warning()`,
    which would also give a handler-less root logger a stderr handler: keep both from happening."""
    previous = logging.root.manager.disable
    placeholder = logging.NullHandler()
    logging.root.addHandler(placeholder)
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(previous)
        logging.root.removeHandler(placeholder)


@contextmanager
def _written_atomically(target: Path) -> Iterator[Path]:
    """A temporary path beside `target`, renamed to it when the block succeeds, removed if it fails."""
    # A name no other process uses; created by the writer, so it gets the user's usual file mode.
    partial = target.with_name(f".{target.name}.{os.getpid()}.{uuid.uuid4().hex}.partial")
    try:
        yield partial
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _export_transformer(transformer_dir: Path, destination: Path) -> None:
    """The transformer alone (token embeddings out); pooling and normalisation run in numpy."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, transformer: torch.nn.Module) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
        ) -> torch.Tensor:
            return self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    # Two texts of different lengths, so the traced graph sees padding and a real attention mask.
    tokenizer = Tokenizer.from_file(str(transformer_dir / "tokenizer.json"))
    tokenizer.enable_padding()
    sample = tokenizer.encode_batch(["A short one.", "A longer sample sentence, so that the batch is padded."])
    inputs = tuple(
        torch.tensor([getattr(e, field) for e in sample], dtype=torch.long)
        for field in ("ids", "attention_mask", "type_ids")
    )
    dynamic_axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUT_NAMES, OUTPUT_NAME)}
    model = TokenEmbeddings(AutoModel.from_pretrained(str(transformer_dir)).eval())
    with torch.no_grad(), warnings.catch_warnings():
        # The legacy exporter's deprecation notice and tracer warnings on shape checks that are
        # constant for an encoder (the test compares the export with torch on padded batches).
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model,
            inputs,
            str(destination),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes=dynamic_axes,
            opset_version=ONNX_OPSET,
            dynamo=False,
        )
