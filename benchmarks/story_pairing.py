"""How well do the signals that pair two articles as "one story" tell one event from a similar one?

    python benchmarks/story_pairing.py ../shared/data/ecbplus/articles.jsonl [--topics 1-35]

ECB+ holds two similar events per topic (two earthquakes, two rehab stays). For every pair of
articles of one topic, labelled same event or not, the script scores the signals C001/C003 use to
pair articles before comparing each one's prison term, fine, vote tally or elected office holder:
names and figures in common (`story_marks`), the best aligned pair's same-fact score, and, for comparison, the
cosine of the two articles' mean sentence vectors. Prints ROC AUC per signal and the share of
same-event and other-event pairs the shipped rule (STORY_NAMES names, or an aligned pair at
SAME_FACT_THRESHOLD) takes; last line machine-readable. Data is read in place, never copied.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import auditor.checks  # noqa: F401  (registers the rules)
import auditor.checks.contradiction.common as contradiction
from auditor.align import SAME_FACT_THRESHOLD
from auditor.checks.registry import CheckContext
from auditor.config import Config
from auditor.embed import Encoder
from auditor.facts import document_facts
from auditor.model import Document
from auditor.text import segment_document


def auc(positives: list[float], negatives: list[float]) -> float:
    ordered = sorted(negatives)
    wins = 0.0
    for p in positives:
        low, high = bisect.bisect_left(ordered, p), bisect.bisect_right(ordered, p)
        wins += low + (high - low) / 2
    return wins / len(positives) / len(negatives)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--topics", default="1-35")
    args = parser.parse_args()
    low, _, high = args.topics.partition("-")
    wanted = set(range(int(low), int(high or low) + 1))
    by_topic: dict[int, list[dict[str, object]]] = defaultdict(list)
    for line in args.articles.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        if article["topic"] in wanted:
            by_topic[int(article["topic"])].append(article)
    encoder = Encoder()
    rows: list[tuple[bool, int, float, float]] = []  # same event, names in common, best pair, mean cosine
    for _topic, articles in sorted(by_topic.items()):
        docs = [
            segment_document(Document(id=str(a["id"]), path=str(a["id"]), text=str(a["text"]), outlet=str(a["id"])))
            for a in articles
        ]
        ctx = CheckContext(docs, Config(), _encoder=encoder)
        event = {str(a["id"]): a["event"] for a in articles}
        document_facts(ctx)
        names = {d.id: contradiction.story_marks(ctx, d.id) for d in docs}
        best: dict[tuple[str, str], float] = {}
        for cand in contradiction.candidate_pairs(ctx):
            key = (min(cand.a.doc_id, cand.b.doc_id), max(cand.a.doc_id, cand.b.doc_id))
            best[key] = max(best.get(key, 0.0), cand.score)
        vectors = {}
        for d in docs:
            texts = [s.text for s in d.active_sentences()]
            if texts:
                mean = encoder.encode(texts).mean(axis=0)
                vectors[d.id] = mean / np.linalg.norm(mean)
        for a, b in combinations(sorted(vectors), 2):
            rows.append(
                (event[a] == event[b], len(names[a] & names[b]), best.get((a, b), 0.0), float(vectors[a] @ vectors[b]))
            )
    same = [r for r in rows if r[0]]
    other = [r for r in rows if not r[0]]
    aucs = [auc([r[i] for r in same], [r[i] for r in other]) for i in (1, 2, 3)]
    shipped = [r[1] >= contradiction.STORY_NAMES or r[2] >= SAME_FACT_THRESHOLD for r in rows]
    taken_same = sum(t for t, r in zip(shipped, rows, strict=True) if r[0]) / len(same)
    taken_other = sum(t for t, r in zip(shipped, rows, strict=True) if not r[0]) / len(other)
    print(f"pairs: {len(same)} same event, {len(other)} other event of the same topic")
    print(f"ROC AUC: names in common {aucs[0]:.3f}, best aligned pair {aucs[1]:.3f}, mean-vector cosine {aucs[2]:.3f}")
    print(f"shipped rule takes {taken_same:.1%} of same-event pairs and {taken_other:.1%} of other-event pairs")
    print(
        f"names_auc={aucs[0]:.3f} best_pair_auc={aucs[1]:.3f} mean_cosine_auc={aucs[2]:.3f} "
        f"same_taken={taken_same:.3f} other_taken={taken_other:.3f}"
    )


if __name__ == "__main__":
    main()
