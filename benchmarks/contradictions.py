"""Run the contradiction rules on ECB+ topics and list what they flag, for a precision review.

    python benchmarks/contradictions.py ../shared/data/ecbplus/articles.jsonl [--topics 1-35] [--mixed]

ECB+ groups news articles by topic; each topic holds two similar but different seminal events
(two earthquakes, two rehab stays) reported by several outlets. By default each seminal event is
audited as one corpus (outlets on the same story: real disagreements may exist). With --mixed a
topic's two events are audited together: a flag that pairs articles of different events is a
false contradiction by construction (different quakes have different death tolls), so the
script counts those automatically. Articles carry no publication date, so relative dates stay
unresolved. Nothing here is run by the test suite; data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from auditor.checks.registry import REGISTRY, CheckContext
from auditor.config import Config
from auditor.embed import Encoder
from auditor.model import Document
from auditor.pipeline import run_rules
from auditor.text import segment_document

RULES = ("C001", "C002", "C003", "C004")


def topic_range(text: str) -> set[int]:
    lo, _, hi = text.partition("-")
    return set(range(int(lo), int(hi or lo) + 1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--topics", default="1-45")
    parser.add_argument("--mixed", action="store_true", help="audit both events of a topic together")
    parser.add_argument("--quiet", action="store_true", help="only the summary line")
    args = parser.parse_args()

    wanted = topic_range(args.topics)
    corpora: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in args.articles.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if article["topic"] not in wanted:
            continue
        key = str(article["topic"]) if args.mixed else str(article["event"])
        corpora[key].append(article)

    import auditor.checks  # noqa: F401  (registers the rules)

    encoder = Encoder()
    counts: Counter[str] = Counter()
    cross_event = 0
    started = time.perf_counter()
    for key in sorted(corpora, key=lambda k: (len(k), k)):
        articles = corpora[key]
        event_of = {str(a["id"]): str(a["event"]) for a in articles}
        docs = [
            segment_document(Document(id=str(a["id"]), path=str(a["id"]), text=str(a["text"]), outlet=str(a["id"])))
            for a in articles
        ]
        ctx = CheckContext(docs, Config(), _encoder=encoder)
        for finding in run_rules(ctx, [REGISTRY[r] for r in RULES]):
            counts[finding.rule] += 1
            crosses = any(event_of.get(e.doc) != event_of[finding.doc] for e in finding.evidence)
            cross_event += crosses
            if not args.quiet:
                print(
                    f"[{key}] {finding.rule} {finding.severity.value} {finding.confidence:.2f}"
                    f"{' CROSS-EVENT' if crosses else ''} {finding.doc}: {finding.text!r}"
                )
                print(f"    {finding.message}")
                for e in finding.evidence:
                    print(f"    <- {e.doc}: {e.text[:160]!r}")
    elapsed = time.perf_counter() - started
    total = sum(counts.values())
    print(
        f"corpora={len(corpora)} findings={total} "
        + " ".join(f"{r}={counts[r]}" for r in RULES)
        + f" cross_event={cross_event} seconds={elapsed:.0f}",
        file=sys.stdout,
    )


if __name__ == "__main__":
    main()
