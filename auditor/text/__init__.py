"""Text stages: sentence segmentation with exact offsets."""

from auditor.text.segment import segment_document, segment_text

__all__ = ["segment_document", "segment_text"]
