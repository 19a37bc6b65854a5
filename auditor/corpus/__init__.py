"""Corpus readers: files and directories into `Document`s, with metadata."""

from auditor.corpus.readers import CorpusRead, InputError, read_corpus, read_file

__all__ = ["CorpusRead", "InputError", "read_corpus", "read_file"]
