"""The JSON Schema (draft 2020-12) of the report that `--format json` writes (`Report.to_dict()`).

This module is the source; docs/report.schema.json is written from it
(`python -m auditor.report.jsonschema docs/report.schema.json`) and a test keeps the two equal
and validates real reports against it. Objects are closed (`additionalProperties: false`) so
that a field added to the report without being documented here fails the tests; consumers
should still ignore fields they do not know, since the contract allows adding fields.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from auditor.model import OTHER_SIDE, SAME_FACT, Category, Severity
from auditor.report.model import SCHEMA_ID

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
CLUSTER_STATUSES = ("corroborated", "single-source", "disputed")


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Any], required: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
        **extra,
    }


STRING = {"type": "string"}
TEXT_OR_NULL = _nullable(STRING)
OFFSET = {"type": "integer", "minimum": 0}
COUNT = {"type": "integer", "minimum": 0}
ISO_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
PROBABILITY = {"type": "number", "minimum": 0, "maximum": 1}
SEVERITIES = [s.value for s in Severity]
CATEGORIES = [c.value for c in Category]


def report_schema() -> dict[str, Any]:
    document = _object(
        {
            "id": {**STRING, "description": "Document id: the file stem for files, the record id for JSONL."},
            "path": STRING,
            "outlet": TEXT_OR_NULL,
            "published": _nullable(ISO_DATE),
            "title": TEXT_OR_NULL,
            "language": TEXT_OR_NULL,
            "credits": {"type": "array", "items": STRING, "description": 'Credit labels, e.g. "AFP (text)".'},
            "byline": TEXT_OR_NULL,
            "dateline": TEXT_OR_NULL,
            "sentences": COUNT,
            "excluded_sentences": {**COUNT, "description": "Sentences flagged as debris, left out of alignment."},
            "garble_score": {**_nullable(PROBABILITY), "description": "Machine-translation damage, 0 clean to 1."},
            "metadata_source": {
                "type": "object",
                "additionalProperties": STRING,
                "description": "Where each metadata field came from (field -> source).",
            },
            "notes": {"type": "array", "items": STRING},
        }
    )
    member = _object(
        {
            "doc": STRING,
            "text": STRING,
            "start": OFFSET,
            "end": OFFSET,
            "outlet": TEXT_OR_NULL,
            "published": _nullable(ISO_DATE),
        }
    )
    cluster = _object(
        {
            "id": STRING,
            "outlets": {"type": "array", "items": STRING},
            "status": {"enum": list(CLUSTER_STATUSES)},
            "score": {"type": "number"},
            "label": TEXT_OR_NULL,
            "members": {"type": "array", "items": member, "minItems": 1},
        }
    )
    evidence = _object(
        {
            "doc": STRING,
            "text": STRING,
            "start": OFFSET,
            "end": OFFSET,
            "line": _nullable({"type": "integer", "minimum": 1}),
            "column": _nullable({"type": "integer", "minimum": 1}),
            "outlet": TEXT_OR_NULL,
            "published": _nullable(ISO_DATE),
            "relation": {
                "enum": [OTHER_SIDE, SAME_FACT],
                "description": "other-side: disagrees with the finding (a contradiction); same-fact: another "
                "outlet's sentence reporting the same fact (e.g. in clean wording beside garbled translation).",
            },
        },
        required=["doc", "text", "start", "end", "line", "column", "outlet", "published"],
    )
    finding = _object(
        {
            "rule": {"type": "string", "pattern": r"^[A-Z]{1,3}[0-9]{3}$"},
            "category": {"enum": CATEGORIES},
            "severity": {"enum": SEVERITIES},
            "doc": STRING,
            "text": {**STRING, "description": "Exactly the original text between start and end."},
            "start": OFFSET,
            "end": OFFSET,
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 1},
            "message": STRING,
            "suggestion": TEXT_OR_NULL,
            "confidence": PROBABILITY,
            "fingerprint": {
                "type": "string",
                "minLength": 1,
                "description": "Stable across runs and unrelated edits; what baselines store.",
            },
            "evidence": {
                "type": "array",
                "items": evidence,
                "description": "The other side(s) of a contradiction, or the same fact in other outlets.",
            },
        }
    )
    summary = _object(
        {
            "documents": COUNT,
            "findings": _object({s: COUNT for s in SEVERITIES}),
            "categories": {"type": "object", "propertyNames": {"enum": CATEGORIES}, "additionalProperties": COUNT},
            "clusters": {
                "type": "object",
                "propertyNames": {"enum": list(CLUSTER_STATUSES)},
                "additionalProperties": COUNT,
            },
            "skipped": {
                "type": "array",
                "items": _object({"check": STRING, "reason": STRING, "doc": STRING}, required=["check", "reason"]),
            },
            "errors": {
                "type": "array",
                "items": _object(
                    {"path": STRING, "line": _nullable({"type": "integer", "minimum": 1}), "message": STRING}
                ),
            },
            "failed": {
                "type": "array",
                "items": _object({"check": STRING, "reason": STRING}),
                "description": "Checks that raised an error (a bug): their results are missing from the report.",
            },
            "incomplete": {
                "type": "boolean",
                "description": "True when some input could not be read or some check failed.",
            },
            "baseline": {
                **_nullable(_object({"file": STRING, "suppressed": COUNT})),
                "description": "Set when a baseline hid known findings: which file, and how many it hid.",
            },
        }
    )
    return {
        "$schema": SCHEMA_URI,
        "title": "auditor report",
        "description": f"The JSON report of `auditor audit --format json` (schema {SCHEMA_ID}).",
        **_object(
            {
                "schema": {"const": SCHEMA_ID},
                "generated": {"type": "string", "format": "date-time"},
                "tool": _object({"name": {"const": "auditor"}, "version": STRING}),
                "documents": {"type": "array", "items": {"$ref": "#/$defs/document"}},
                "clusters": {"type": "array", "items": {"$ref": "#/$defs/cluster"}},
                "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
                "summary": {"$ref": "#/$defs/summary"},
            }
        ),
        "$defs": {
            "document": document,
            "cluster": cluster,
            "finding": finding,
            "evidence": evidence,
            "summary": summary,
        },
    }


def schema_json() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


def validation_errors(report: dict[str, Any]) -> list[str]:
    """Every way `report` breaks the schema, as 'path: message' lines (empty when it is valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(report_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
        for error in sorted(validator.iter_errors(report), key=lambda e: list(map(str, e.absolute_path)))
    ]


if __name__ == "__main__":  # python -m auditor.report.jsonschema docs/report.schema.json
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(schema_json(), encoding="utf-8")
    else:
        sys.stdout.write(schema_json())
