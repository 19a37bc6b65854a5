"""auditor: source-comparison and translation-quality auditor for news."""

__version__ = "0.1.0"

from auditor.pipeline import audit  # noqa: E402  (after __version__, which the report imports)

__all__ = ["__version__", "audit"]
