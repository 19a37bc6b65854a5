"""The rule registry: every check is a `Rule` with a stable id and its docstring as documentation.

A rule's check is a plain function `check(ctx) -> Iterable[Flag]`; the registry turns flags
into findings (filling in the rule's id, category and severity, the exact text, line:column
and a fingerprint), so rule modules never repeat that bookkeeping.

Rule ids never change once released. Prefixes by family:
  B boilerplate, D duplicate, G garble, S spelling, L grammar (LanguageTool),
  P plausibility, C contradiction.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from auditor.model import OTHER_SIDE, Category, Evidence, Finding, Flag, Severity

if TYPE_CHECKING:
    from auditor.config import Config
    from auditor.model import Document

CheckFunction = Callable[["CheckContext"], Iterable[Flag]]

CLEAN = "clean"  # runs first; what it flags is excluded from fact alignment
ANALYZE = "analyze"  # runs on the cleaned corpus

# What a rule's flags depend on besides the code and the embedding model: its scope. The work
# cache keeps a rule's flags under exactly that, so every rule must declare it.
DOCUMENT = "document"  # one document at a time: its flags on a document depend on that document alone
CORPUS = "corpus"  # compares documents: its flags depend on every document it sees
EXTERNAL = "external"  # asks something outside the corpus and the code (a server): never kept
SCOPES = (DOCUMENT, CORPUS, EXTERNAL)


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: Category
    severity: Severity
    check: CheckFunction
    scope: str
    stage: str = ANALYZE
    english_only: bool = False
    # Embeds most of the corpus's sentences: the pipeline then encodes them all in one batch
    # first (one sorted pass runs the model at full speed; many per-rule calls do not).
    embeds_corpus: bool = False

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    @property
    def summary(self) -> str:
        """The first line of the docstring: what the rule flags, in one sentence."""
        return self.doc.splitlines()[0] if self.doc else self.name


REGISTRY: dict[str, Rule] = {}


def rule(
    id: str,
    name: str,
    category: Category,
    severity: Severity,
    *,
    scope: str,
    stage: str = ANALYZE,
    english_only: bool = False,
    embeds_corpus: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function as a rule. The function's docstring is the rule's documentation;
    `scope` (DOCUMENT, CORPUS or EXTERNAL) says what its flags depend on, so they can be kept."""

    def register(check: CheckFunction) -> CheckFunction:
        if id in REGISTRY:
            raise ValueError(f"rule id {id} registered twice")
        if not check.__doc__:
            raise ValueError(f"rule {id} needs a docstring: it is the rule's documentation")
        if scope not in SCOPES:
            raise ValueError(f"rule {id}: scope must be one of {', '.join(SCOPES)}, not {scope!r}")
        REGISTRY[id] = Rule(id, name, category, severity, check, scope, stage, english_only, embeds_corpus)
        return check

    return register


@dataclass(frozen=True)
class Skip:
    """A check that did not run (or did not run on some document), and why."""

    check: str
    reason: str
    doc: str | None = None

    def as_dict(self) -> dict[str, str]:
        out = {"check": self.check, "reason": self.reason}
        if self.doc:
            out["doc"] = self.doc
        return out


@dataclass
class CheckContext:
    """What a check sees: the corpus (segmented, cleaned for the analyze stage) and shared services."""

    documents: list[Document]
    config: Config
    skipped: list[Skip] = field(default_factory=list)
    artifacts: dict[str, Any] = field(default_factory=dict)
    _encoder: Any = None
    work: Any = None  # auditor.workcache.WorkCache of per-document results kept between audits, or None
    _by_id: tuple[list[Document], int, dict[str, Document]] | None = field(default=None, repr=False, compare=False)

    def artifact(self, name: str, build: Callable[[], Any]) -> Any:
        """Compute a shared intermediate result (facts, clusters...) once per audit."""
        if name not in self.artifacts:
            self.artifacts[name] = build()
        return self.artifacts[name]

    @property
    def encoder(self) -> Any:
        if self._encoder is None:
            from auditor.embed import Encoder

            self._encoder = Encoder.from_config(self.config)
        return self._encoder

    def document(self, doc_id: str) -> Document:
        index = self._by_id
        if index is None or index[0] is not self.documents or index[1] != len(self.documents):
            by_id: dict[str, Document] = {}
            for doc in self.documents:
                by_id.setdefault(doc.id, doc)  # the first of duplicate ids, as a scan would find
            index = self._by_id = (self.documents, len(self.documents), by_id)
        try:
            return index[2][doc_id]
        except KeyError:
            raise KeyError(doc_id) from None

    def skip(self, check: str, reason: str, doc: str | None = None) -> None:
        entry = Skip(check, reason, doc)
        if entry not in self.skipped:
            self.skipped.append(entry)


def load_rules() -> dict[str, Rule]:
    """Import every rule module so that its rules register themselves."""
    import auditor.checks  # noqa: F401  (imports the rule modules)

    return REGISTRY


def to_finding(rule: Rule, flag: Flag, severity: Severity) -> Finding:
    doc = flag.doc
    line, column = doc.line_column(flag.start)
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=flag.severity or severity,
        doc=doc.id,
        text=doc.text[flag.start : flag.end],
        start=flag.start,
        end=flag.end,
        line=line,
        column=column,
        message=flag.message,
        suggestion=flag.suggestion,
        confidence=round(flag.confidence, 3),
        evidence=tuple(flag.evidence),
        data=flag.data,
    )


def evidence_context(evidence: Iterable[Evidence]) -> str:
    """What of the evidence identifies a finding: the other sides of a contradiction. Same-fact
    counterparts are left out, so a new outlet reporting the fact does not make a known finding new."""
    return "|".join(sorted(e.text for e in evidence if e.relation == OTHER_SIDE))
