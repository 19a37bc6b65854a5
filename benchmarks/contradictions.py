"""Run the contradiction rules on ECB+ topics and list what they flag, for a precision review.

    python benchmarks/contradictions.py ../shared/data/ecbplus/articles.jsonl [--topics 1-35] [--mixed]

ECB+ groups news articles by topic; each topic holds two similar but different seminal events
(two earthquakes, two rehab stays) reported by several outlets. By default each seminal event is
audited as one corpus (outlets on the same story: real disagreements may exist). With --mixed a
topic's two events are audited together: a flag that pairs articles of different events is a
false contradiction by construction (different quakes have different death tolls), so the
script counts those automatically. Articles carry no publication date, so relative dates stay
unresolved. Nothing here is run by the test suite; data is read in place, never copied.

    python benchmarks/contradictions.py ARTICLES --planted 300

plants contradictions instead: for sentences with a counted number ("46 soldiers"), a second
"outlet" repeats the sentence with the number changed (recall of C001), and a third with the same
number written differently, 1,000 -> 1000 or 12 -> twelve (false positives).
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
    parser.add_argument("--planted", type=int, default=0, help="planted-contradiction mode: number of sentences")
    args = parser.parse_args()
    if args.planted:
        planted(args.articles, args.planted)
        return

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


_WORDS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: SIM905


def planted(path: Path, limit: int) -> None:
    import re
    from datetime import date

    import auditor.checks  # noqa: F401  (registers the rules)
    from auditor.facts import extract_facts

    encoder = Encoder()
    day = date(2024, 1, 10)
    found = flagged = same_flagged = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if found >= limit:
            break
        article = json.loads(line)
        doc = segment_document(Document(id="a", path="a", text=str(article["text"]), outlet="A", published=day))
        for q in extract_facts(doc).quantities:
            number = re.search(r"\d[\d,]*", q.text)
            if not q.noun or q.garbled or q.kind == "vague" or not number or len(q.text) > 60:
                continue
            sentence = doc.sentences[q.sentence].text
            value = int(q.value)
            if float(number.group().replace(",", "")) != q.value or q.text[number.start() - 1 : number.start()] == "-":
                continue  # "2.5 million", "AK-47": plant only in plain counts
            at = q.start - doc.sentences[q.sentence].start + number.start()
            changed = f"{value * 2 + 3:,}"
            same = _WORDS[value] if value < len(_WORDS) else f"{value}" if "," in number.group() else f"{value:,}"
            if same == number.group():
                continue
            found += 1
            for replacement, expect in ((changed, True), (same, False)):
                other = sentence[:at] + replacement + sentence[at + len(number.group()) :]
                docs = [
                    segment_document(Document(id="a", path="a", text=sentence, outlet="A", published=day)),
                    segment_document(Document(id="b", path="b", text=other, outlet="B", published=day)),
                ]
                ctx = CheckContext(docs, Config(), _encoder=encoder)
                hit = bool(list(REGISTRY["C001"].check(ctx)))
                if expect:
                    flagged += hit
                else:
                    same_flagged += hit
            break  # one quantity per article
    print(
        f"planted={found} recall={flagged / max(found, 1):.3f} "
        f"false_positive_rate_same_number={same_flagged / max(found, 1):.3f}"
    )


if __name__ == "__main__":
    main()
