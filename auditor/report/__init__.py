"""The report model and its renderers (one model, many formats)."""

from auditor.report.model import SCHEMA_ID, Cluster, ClusterMember, DocumentSummary, Report

__all__ = ["SCHEMA_ID", "Cluster", "ClusterMember", "DocumentSummary", "Report"]
