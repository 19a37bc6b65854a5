"""Sentence embeddings: offline sentence-transformers model with an on-disk cache."""

from auditor.embed.encoder import DEFAULT_MODEL, EmbeddingCache, Encoder, default_model_path

__all__ = ["DEFAULT_MODEL", "EmbeddingCache", "Encoder", "default_model_path"]
