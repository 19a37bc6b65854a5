"""Read a corpus: files and directories of .txt/.md (optional YAML front matter), .html/.htm, .jsonl.

Metadata precedence, highest first: what the file itself declares (front matter, JSONL fields,
HTML metadata), then a sidecar (`<stem>.meta.yaml|.yml|.json`, or a `manifest.json` listing
articles in the same directory), then what can be read from the text (dateline, byline,
credits), then language detection. Where each field came from is kept in `metadata_source`.

Bad input never stops the audit: each problem becomes an `InputError` naming the file (and
line), and the other files are still read. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from auditor.corpus.language import detect_languages
from auditor.corpus.metadata import extract_text_metadata, parse_date
from auditor.model import Credit, Document
from auditor.workcache import WorkCache

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
MANIFEST = "manifest.json"
FALLBACK_ENCODING = "cp1252"
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
METADATA_FIELDS = ("title", "outlet", "published", "url", "language", "credits", "id")


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "line": self.line, "message": self.message}


@dataclass
class CorpusRead:
    documents: list[Document] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def _is_sidecar(path: Path) -> bool:
    return path.name == MANIFEST or any(path.name.endswith(s) for s in SIDECAR_SUFFIXES)


def collect_files(paths: Sequence[str | Path], exclude: Sequence[str] = ()) -> tuple[list[Path], list[InputError]]:
    """Expand directories recursively, in a stable (sorted) order; report missing paths."""
    files: list[Path] = []
    errors: list[InputError] = []

    def excluded(path: Path) -> bool:
        text = path.as_posix()
        return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) for p in exclude)

    for given in paths:
        path = Path(given)
        if not path.exists():
            errors.append(InputError(str(path), "no such file or directory"))
        elif path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not _is_sidecar(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not excluded(p)
            )
            if not found:
                errors.append(
                    InputError(str(path), "directory holds no readable article (.txt, .md, .html, .htm, .jsonl)")
                )
            files.extend(found)
        elif not excluded(path):
            files.append(path)
    return files, errors


def read_corpus(
    paths: Sequence[str | Path],
    exclude: Sequence[str] = (),
    max_file_bytes: int = 20 * 1024 * 1024,
    cache: WorkCache | None = None,
) -> CorpusRead:
    """Read every article under `paths`; with a work cache, languages detected before are not detected again."""
    files, errors = collect_files(paths, exclude)
    result = CorpusRead(errors=errors)
    used_ids: set[str] = set()
    for path in files:
        for item in read_file(path, max_file_bytes, cache, detect_language=False):
            if isinstance(item, InputError):
                result.errors.append(item)
                continue
            if item.id in used_ids:  # same stem in two folders: keep both, tell them apart
                from dataclasses import replace

                item = replace(item, id=f"{path.parent.name}/{item.id}")
            used_ids.add(item.id)
            result.documents.append(item)
    result.documents = with_detected_languages(result.documents, cache)
    return result


def with_detected_languages(documents: list[Document], cache: WorkCache | None = None) -> list[Document]:
    """`documents` with the language filled in where metadata did not give it: detected all at
    once, so lingua spreads the work over every core (before the model runs, they are idle)."""
    from dataclasses import replace

    undecided = [i for i, doc in enumerate(documents) if doc.language_source is None]
    found = detect_languages([documents[i].text for i in undecided], cache)
    documents = list(documents)
    for i, language in zip(undecided, found, strict=True):
        if language:
            documents[i] = replace(documents[i], language=language, language_source="detected")
    return documents


def read_file(
    path: Path,
    max_file_bytes: int = 20 * 1024 * 1024,
    cache: WorkCache | None = None,
    detect_language: bool = True,
) -> Iterable[Document | InputError]:
    """The documents in one file (a .jsonl file holds several), or what is wrong with it.
    `detect_language=False` leaves undeclared languages to the caller (`with_detected_languages`)."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        return [
            InputError(
                name, f"unsupported file type '{suffix or path.name}' (expected .txt, .md, .html, .htm or .jsonl)"
            )
        ]
    try:
        size = path.stat().st_size
        if size > max_file_bytes:
            return [
                InputError(
                    name,
                    f"file is {size / 1e6:.1f} MB, over the {max_file_bytes / 1e6:.0f} MB limit (max-file-bytes); not read",
                )
            ]
        with path.open("rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return [InputError(name, "file disappeared before it could be read")]
    except IsADirectoryError:
        return [InputError(name, "is a directory")]
    except OSError as error:
        return [InputError(name, f"cannot read: {error.strerror or error}")]
    if b"\x00" in raw[:8192]:
        return [InputError(name, "binary file (contains NUL bytes); not an article")]
    notes: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        text = raw.decode(FALLBACK_ENCODING, errors="replace")
        notes.append(f"not valid UTF-8 (first bad byte on line {line}); decoded as {FALLBACK_ENCODING}")
    if not text.strip():
        return [InputError(name, "empty file")]
    if suffix == ".jsonl":
        found = list(_read_jsonl(path, text, notes))
    elif suffix in (".html", ".htm"):
        found = [_read_html(path, text, notes)]
    else:
        found = [_read_text(path, text, notes)]
    if not detect_language:
        return found
    documents = with_detected_languages([d for d in found if isinstance(d, Document)], cache)
    detected = iter(documents)
    return [item if isinstance(item, InputError) else next(detected) for item in found]


def _read_text(path: Path, text: str, notes: list[str]) -> Document | InputError:
    declared: dict[str, Any] = {}
    line_offset = 0
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1  # +1 for the opening '---', +1 for 1-based
            problem = getattr(error, "problem", None) or "invalid YAML"
            return InputError(str(path), f"malformed front matter: {problem}", line)
        if loaded is not None and not isinstance(loaded, dict):
            return InputError(str(path), "malformed front matter: expected 'key: value' lines", 2)
        declared = loaded or {}
        line_offset = text[: match.end()].count("\n")
        text = text[match.end() :]
        if not text.strip():
            return InputError(str(path), "front matter but no article text")
    return build_document(path, path.stem, text, declared, "front matter", notes, line_offset)


def _read_html(path: Path, html: str, notes: list[str]) -> Document | InputError:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if extracted is None:
        return InputError(str(path), "no article text found in the HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    if not text.strip():
        return InputError(str(path), "no article text found in the HTML")
    declared = {
        "title": data.get("title"),
        "outlet": data.get("sitename") or data.get("hostname"),
        "published": data.get("date"),
        "url": data.get("url"),
        "language": data.get("language"),
    }
    notes.append("main text extracted from HTML by trafilatura; offsets and lines refer to the extracted text")
    declared = {k: v for k, v in declared.items() if v}
    return build_document(path, path.stem, text, declared, "html metadata", notes)


def _read_jsonl(path: Path, text: str, notes: list[str]) -> Iterable[Document | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(str(path), f"malformed JSON: {error.msg} (column {error.colno})", number)
            continue
        if not isinstance(record, dict):
            yield InputError(str(path), "expected a JSON object per line", number)
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputError(str(path), "article has no 'text' string", number)
            continue
        doc_id = str(record.get("id") or f"{path.stem}-{number}")
        declared = {k: record[k] for k in METADATA_FIELDS if record.get(k) is not None}
        yield build_document(path, doc_id, body, declared, "jsonl", list(notes), record_line=number)


def _sidecar_metadata(path: Path) -> tuple[dict[str, Any], str | None]:
    """Metadata given beside the file: <stem>.meta.yaml/json, or the directory's manifest.json."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_name(path.stem + suffix)
        if sidecar.is_file():
            try:
                data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))  # YAML reads JSON too
            except (OSError, yaml.YAMLError, UnicodeDecodeError):
                return {}, None
            return (data if isinstance(data, dict) else {}), sidecar.name
    manifest = path.with_name(MANIFEST)
    if manifest.is_file():
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError, UnicodeDecodeError):
            return {}, None
        for entry in data.get("articles", []) if isinstance(data, dict) else []:
            if isinstance(entry, dict) and entry.get("file") == path.name:
                return entry, MANIFEST
    return {}, None


def _parse_credits(value: Any) -> tuple[Credit, ...]:
    """Credits as users write them: "AFP", "AFP (photo)", "AFP (text, byline ...)"."""
    items = value if isinstance(value, list) else [value]
    credits = []
    for item in items:
        match = re.match(r"\s*([^()]+?)\s*(?:\((\w+)[^)]*\))?\s*$", str(item))
        if match:
            credits.append(Credit(match.group(1), (match.group(2) or "text").lower(), str(item)))
    return tuple(credits)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    return None


def _title_from_text(text: str) -> str | None:
    """The first line when it reads like a headline (short, no final punctuation, not a page header)."""
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = first_line.split()
    if not 2 <= len(words) <= 20 or re.search(r"[.!?:;,]$", first_line) or re.search(r"\s[|•·]\s", first_line):
        return None
    return first_line


def build_document(
    path: Path,
    doc_id: str,
    text: str,
    declared: dict[str, Any],
    declared_source: str,
    notes: list[str],
    line_offset: int = 0,
    record_line: int | None = None,
) -> Document:
    """A document from its text and metadata; a language the metadata does not give is left
    None (language_source None) for `with_detected_languages`."""
    sidecar, sidecar_name = _sidecar_metadata(path) if declared_source != "jsonl" else ({}, None)
    from_text = extract_text_metadata(text)
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for key in ("title", "outlet", "published", "url", "language", "credits"):
        if declared.get(key) not in (None, "", []):
            values[key], sources[key] = declared[key], declared_source
        elif sidecar.get(key) not in (None, "", []):
            values[key], sources[key] = sidecar[key], sidecar_name or "sidecar"

    published = _as_date(values.get("published"))
    if values.get("published") is not None and published is None:
        notes.append(f"could not read published date {values['published']!r}")
    if published is None and from_text.published:
        published, sources["published"] = from_text.published, "text"

    credits = _parse_credits(values["credits"]) if "credits" in values else ()
    if not credits and from_text.credits:
        credits, sources["credits"] = tuple(from_text.credits), "text"

    language = str(values["language"]).lower() if values.get("language") else None
    language_source = "metadata" if language else None

    title = values.get("title") or _title_from_text(text)

    return Document(
        id=doc_id,
        path=str(path),
        text=text,
        outlet=str(values["outlet"]) if values.get("outlet") else None,
        published=published,
        title=str(title) if title else None,
        url=str(values["url"]) if values.get("url") else None,
        language=language,
        language_source=language_source,
        credits=credits,
        byline=from_text.byline,
        dateline=from_text.dateline,
        metadata_source=tuple(sorted(sources.items())),
        notes=tuple(notes),
        line_offset=line_offset,
        record_line=record_line,
    )
