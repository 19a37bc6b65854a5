"""Calibrate and measure the cleaning rules on ECB+ articles (not the fixtures).

  .venv/bin/python benchmarks/boilerplate.py [../shared/data/ecbplus/articles.jsonl]

- D002 (near-duplicate): how many distinct sentence pairs within one real article reach the
  threshold (false positives), and how many re-scraped copies with a small edit are caught.
- B006 (unrelated headlines): each article gets three headline-shaped lines appended: the first
  sentences of articles from OTHER topics (must be flagged), of other articles of the SAME topic
  (related links: must not be flagged by B006), and the article's own last sentences turned into
  headlines (must not be flagged).
The last line is machine-readable.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.checks import duplicate
from auditor.checks.boilerplate import off_topic_tail
from auditor.embed import Encoder

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "ecbplus" / "articles.jsonl"


def sentences(article: dict) -> list[str]:
    return [article["text"][s:e] for s, e in article["sentences"]]


def headline(sentence: str) -> str:
    return sentence.rstrip(" .")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    articles = [json.loads(line) for line in path.open(encoding="utf-8")]
    articles = [a for a in articles if len(a["sentences"]) >= 6]
    rng = random.Random(7)
    encoder = Encoder()

    pairs = duplicates_fp = 0
    for article in articles:
        norm = [duplicate._normal(s) for s in sentences(article)]
        norm = [s for s in norm if len(s.split()) >= duplicate.NEAR_DUPLICATE_MIN_WORDS]
        for i in range(len(norm)):
            for j in range(i):
                if norm[i] != norm[j]:
                    pairs += 1
                    duplicates_fp += fuzz.ratio(norm[i], norm[j]) >= duplicate.NEAR_DUPLICATE_RATIO
    print(f"D002 near-duplicate: {duplicates_fp} of {pairs} distinct within-article sentence pairs flagged")

    by_topic: dict[int, list[dict]] = {}
    for article in articles:
        by_topic.setdefault(article["topic"], []).append(article)
    caught = other_total = same_flagged = same_total = own_flagged = own_total = 0
    sample = rng.sample(articles, min(300, len(articles)))
    for article in sample:
        body = sentences(article)[:-2]
        own = [headline(s) for s in sentences(article)[-2:]]
        others = [
            headline(sentences(a)[0]) for a in rng.sample([a for a in articles if a["topic"] != article["topic"]], 3)
        ]
        peers = [a for a in by_topic[article["topic"]] if a["id"] != article["id"]]
        same = [headline(sentences(a)[0]) for a in rng.sample(peers, min(3, len(peers)))]
        for kind, tail in (("other", others), ("same", same), ("own", own)):
            vectors = encoder.encode(body + tail)
            spans = [(i, i + 1) for i in range(len(tail))]
            flagged = len(off_topic_tail(vectors, len(body), spans))
            if kind == "other":
                caught, other_total = caught + flagged, other_total + len(tail)
            elif kind == "same":
                same_flagged, same_total = same_flagged + flagged, same_total + len(tail)
            else:
                own_flagged, own_total = own_flagged + flagged, own_total + len(tail)
    recall = caught / other_total
    fp_same = same_flagged / max(1, same_total)
    fp_own = own_flagged / max(1, own_total)
    print(
        f"B006 unrelated headlines: recall {recall:.3f} ({caught}/{other_total}); "
        f"flagged same-topic {fp_same:.3f} ({same_flagged}/{same_total}); flagged own sentences {fp_own:.3f} ({own_flagged}/{own_total})"
    )
    print(
        f"b006_recall={recall:.3f} b006_fp_same_topic={fp_same:.3f} b006_fp_own={fp_own:.3f} d002_fp_pairs={duplicates_fp}/{pairs}"
    )


if __name__ == "__main__":
    main()
