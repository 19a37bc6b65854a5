"""auditor: source-comparison and translation-quality auditor for news."""

__version__ = "0.1.0"

from auditor.pipeline import audit  # after __version__, which the report model imports

__all__ = ["__version__", "audit"]
