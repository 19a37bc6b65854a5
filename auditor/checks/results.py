"""A rule's flags kept between audits in the work cache (`auditor.workcache`).

A rule's flags depend on the code (in every key, see `work_key`), the embedding model, the
settings a check may read (`check_settings`) and the documents its scope says it reads:

- DOCUMENT: each document's flags are kept under that document's digest (text, metadata,
  sentences, exclusions), so after an edit the rule runs on the changed documents only;
- CORPUS: all the flags are kept under the digests of every document the rule sees, so any
  change anywhere runs it again;
- EXTERNAL (a server's answers): never kept.

What a check leaves in `ctx.skipped` is kept and replayed with its flags. Severities are not in
the keys: the registry applies them to the flags afterwards. Checks defined outside the
`auditor` package (test probes, wrappers) are never kept: the code fingerprint does not cover them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from auditor.checks.registry import CORPUS, DOCUMENT, CheckContext, Rule, Skip
from auditor.model import Flag
from auditor.workcache import WorkCache, work_key

if TYPE_CHECKING:
    from auditor.config import Config
    from auditor.model import Document

RULE_STAGE = "rule"
# Settings applied outside the checks (which rules run, severities, gates, which files are read,
# where caches live): they never change a check's flags. Every other setting is in the keys, so
# a new option a check reads invalidates its results without anyone remembering to add it.
APPLIED_OUTSIDE_CHECKS = frozenset(
    {
        "select",
        "ignore",
        "severity",
        "fail_on",
        "max_garble_score",
        "max_findings",
        "exclude",
        "max_file_bytes",
        "cache_dir",
        "baseline",
        "source",
    }
)

# A flag without its Document (the corpus is read again): the position of its document among
# those the entry was computed for (positions, not ids: ids can repeat), and its other fields.
KeptFlag = tuple[int, dict[str, Any]]
KeptRun = tuple[list[KeptFlag], list[Skip]]
T = TypeVar("T")


def check_settings(config: Config) -> tuple[tuple[str, Any], ...]:
    """The settings a check may read, as a key part."""
    return tuple((f.name, getattr(config, f.name)) for f in fields(config) if f.name not in APPLIED_OUTSIDE_CHECKS)


def results_cache(ctx: CheckContext) -> tuple[WorkCache, str] | None:
    """(work cache, embedding model id) results are kept under, or None when nothing is kept
    (no cache, or an encoder stand-in without a model id)."""
    if ctx.work is None:
        return None
    model_id = getattr(ctx.encoder, "model_id", None)
    return (ctx.work, model_id) if isinstance(model_id, str) else None


def corpus_key(stage: str, ctx: CheckContext, model_id: str, *parts: Any) -> str:
    """Key of a result that depends on every document of `ctx` (in order)."""
    return work_key(stage, model_id, *parts, tuple(doc.digest for doc in ctx.documents))


def kept_for_corpus(ctx: CheckContext, stage: str, parts: Sequence[Any], compute: Callable[[], T]) -> T:
    """`compute()`, kept in the work cache under every document of ctx, the embedding model and
    `parts`: computed again after any change to the corpus. Without a cache, just `compute()`."""
    cache = results_cache(ctx)
    if cache is None:
        return compute()
    work, model_id = cache
    key = corpus_key(stage, ctx, model_id, *parts)
    kept: T | None = work.get_many(stage, [key]).get(key)
    if kept is None:
        kept = compute()
        work.put_many(stage, [(key, kept)])
    return kept


def subset_context(ctx: CheckContext, documents: Sequence[Document]) -> CheckContext:
    """A context over some of ctx's documents, shared by every rule run on that same subset (so
    they compute facts and scores once, as the rules of one context do); ctx itself for all."""
    if len(documents) == len(ctx.documents):
        return ctx

    def build() -> CheckContext:
        return CheckContext(list(documents), ctx.config, ctx.skipped, {}, ctx.encoder, ctx.work)

    # By digest, not id: the cleaning stage's documents and the cleaned ones share ids.
    subset: CheckContext = ctx.artifact("subset:" + ",".join(doc.digest for doc in documents), build)
    return subset


def rule_flags(rule: Rule, ctx: CheckContext) -> list[Flag]:
    """The rule's flags on ctx's documents: kept ones where the inputs are unchanged, the rest computed."""
    cache = results_cache(ctx) if rule.scope in (DOCUMENT, CORPUS) else None
    if cache is None or not rule.check.__module__.startswith("auditor."):
        return list(rule.check(ctx))
    settings = check_settings(ctx.config)
    if rule.scope == CORPUS:
        kept = kept_for_corpus(ctx, RULE_STAGE, (rule.id, settings), lambda: _kept(*_run(rule, ctx), ctx.documents))
        return _replay(ctx, ctx.documents, kept)

    work, model_id = cache
    keys = [work_key(RULE_STAGE, model_id, rule.id, settings, doc.digest) for doc in ctx.documents]

    def run(positions: list[int]) -> list[KeptRun]:
        missing = [ctx.documents[n] for n in positions]
        flags, skips = _run(rule, subset_context(ctx, missing))
        flags_of: dict[int, list[Flag]] = defaultdict(list)
        for flag in flags:
            flags_of[id(flag.doc)].append(flag)
        # a skip about no document in particular goes with each of them
        return [_kept(flags_of[id(doc)], [s for s in skips if s.doc in (None, doc.id)], [doc]) for doc in missing]

    found = work.kept_each(RULE_STAGE, keys, run)
    return [flag for doc, kept in zip(ctx.documents, found, strict=True) for flag in _replay(ctx, [doc], kept)]


def _run(rule: Rule, ctx: CheckContext) -> tuple[list[Flag], list[Skip]]:
    """The check's flags and what it added to ctx.skipped."""
    before = len(ctx.skipped)
    flags = list(rule.check(ctx))
    return flags, ctx.skipped[before:]


def _kept(flags: list[Flag], skips: list[Skip], documents: Sequence[Document]) -> KeptRun:
    position = {id(doc): n for n, doc in enumerate(documents)}
    kept = [
        (position[id(flag.doc)], {f.name: getattr(flag, f.name) for f in fields(flag) if f.name != "doc"})
        for flag in flags
    ]
    return kept, skips


def _replay(ctx: CheckContext, documents: Sequence[Document], kept: KeptRun) -> list[Flag]:
    kept_flags, skips = kept
    for skip in skips:
        ctx.skip(skip.check, skip.reason, skip.doc)
    return [Flag(documents[position], **values) for position, values in kept_flags]
