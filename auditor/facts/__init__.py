"""Facts read from article text: quantities, dates, entities and quotes, each a span with a value.

`extract_facts(doc)` reads one document (its active sentences: debris is left out);
`document_facts(ctx)` shares the result between checks as the artifact "facts".
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from auditor.facts.dates import extract_dates
from auditor.facts.entities import extract_entities, load_gazetteer
from auditor.facts.model import DateMention, DocumentFacts, EntityMention, Quantity, Quote, SentenceFacts
from auditor.facts.quantities import extract_quantities
from auditor.facts.quotes import extract_quotes, last_person_named
from auditor.model import Document
from auditor.workcache import work_key

if TYPE_CHECKING:
    from auditor.checks.registry import CheckContext

__all__ = [
    "DateMention",
    "DocumentFacts",
    "EntityMention",
    "Quantity",
    "Quote",
    "SentenceFacts",
    "document_facts",
    "extract_facts",
]


def extract_facts(doc: Document, *, include_excluded: bool = False) -> DocumentFacts:
    """Every fact in a document; offsets are into `doc.text`."""
    gazetteer = load_gazetteer()
    sentences = doc.sentences if include_excluded else tuple(doc.active_sentences())
    quantities: list[Quantity] = []
    dates: list[DateMention] = []
    entities: list[EntityMention] = []
    quotes: list[Quote] = []
    previous = None
    for sentence in sentences:
        # "Captain X did not hide his frustration. '...,' he said.": only within one paragraph
        before = previous if previous is not None and previous.block == sentence.block else None
        previous = sentence
        sentence_dates = extract_dates(sentence, doc.published)
        dates.extend(sentence_dates)
        quantities.extend(extract_quantities(sentence, skip=[(d.start, d.end) for d in sentence_dates]))
        sentence_entities = extract_entities(sentence, gazetteer)
        quotes.extend(extract_quotes(sentence, last_person_named(entities, quotes), before))
        entities.extend(sentence_entities)
    return DocumentFacts(doc.id, tuple(quantities), tuple(dates), tuple(entities), tuple(quotes))


FACTS_STAGE = "facts"
FACTS_ARTIFACT = "facts"  # ctx.artifacts' key for every document's facts


def facts_key(doc: Document) -> str:
    """Work-cache key of `extract_facts(doc)`: everything it reads. Relative dates of an undated
    article may be resolved against today, so then today's date is part of the key too."""
    today = None if doc.published else date.today()
    return work_key(FACTS_STAGE, doc.id, doc.published, today, tuple(doc.active_sentences()))


def document_facts(ctx: CheckContext) -> dict[str, DocumentFacts]:
    """Facts of every document in the audit, computed once and shared as ctx.artifacts["facts"];
    with a work cache (`ctx.work`), a document read before is not read again."""

    def build() -> dict[str, DocumentFacts]:
        if ctx.work is None:
            return {doc.id: extract_facts(doc) for doc in ctx.documents}
        keys = [facts_key(doc) for doc in ctx.documents]
        found = ctx.work.kept_each(
            FACTS_STAGE, keys, lambda positions: [extract_facts(ctx.documents[n]) for n in positions]
        )
        return {doc.id: facts for doc, facts in zip(ctx.documents, found, strict=True)}

    facts: dict[str, DocumentFacts] = ctx.artifact(FACTS_ARTIFACT, build)
    return facts
