"""Text stages: sentence segmentation with exact offsets."""

from auditor.text.segment import line_blocks, segment_document, segment_documents, segment_text

__all__ = ["line_blocks", "segment_document", "segment_documents", "segment_text"]
