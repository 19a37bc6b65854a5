"""Duplicate rules (D...): repeated titles, lines and paragraphs."""
