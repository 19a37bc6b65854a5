"""Sentence embeddings: offline sentence-transformers model with an on-disk cache."""

from auditor.embed.encoder import DEFAULT_MODEL, Encoder, EmbeddingCache, default_model_path

__all__ = ["DEFAULT_MODEL", "Encoder", "EmbeddingCache", "default_model_path"]
