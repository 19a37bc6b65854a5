"""Which runtime computes the sentence vectors: sentence-transformers on torch (the reference) or ONNX Runtime.

Every threshold in auditor was calibrated on the torch backend's vectors. The ONNX backend runs
the same model exported from the packaged weights (`auditor.embed.onnx_export`), as fp32 (vectors
equal to the reference's within float error) or int8 (dynamically quantized: faster, but vectors
that differ more; see docs/PERFORMANCE.md, "Embedding backends").
"""

from __future__ import annotations

from dataclasses import dataclass

QUANTIZATIONS = ("fp32", "int8")


@dataclass(frozen=True)
class EmbeddingBackend:
    runtime: str  # "torch" | "onnx"
    quantization: str = "fp32"  # "fp32" | "int8" (int8 only with onnx)

    @property
    def name(self) -> str:
        """The name users type: torch, onnx, onnx-int8."""
        return self.runtime if self.quantization == "fp32" else f"{self.runtime}-{self.quantization}"

    @property
    def is_reference(self) -> bool:
        return self == REFERENCE_BACKEND


REFERENCE_BACKEND = EmbeddingBackend("torch")
BACKENDS = {b.name: b for b in (REFERENCE_BACKEND, EmbeddingBackend("onnx"), EmbeddingBackend("onnx", "int8"))}
BACKEND_NAMES = tuple(BACKENDS)


def parse_backend(name: str) -> EmbeddingBackend:
    """`torch`, `onnx` or `onnx-int8` (case-insensitive); ValueError names the choices."""
    backend = BACKENDS.get(name.strip().lower())
    if backend is None:
        raise ValueError(f"embedding-backend must be one of {', '.join(BACKEND_NAMES)}, not {name!r}")
    return backend
