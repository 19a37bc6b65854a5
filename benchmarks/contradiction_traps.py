"""Made-up two-outlet stories on other events, each holding one trap or one real dispute.

    python benchmarks/contradiction_traps.py [benchmarks/data/contradiction-traps.json] [NAME ...]

Each story is audited as its own corpus with every rule; the contradiction findings (C001-C004)
are compared with what a careful fact-checker expects (`expect`: the rule ids that should fire,
[] for a trap). Prints one line per story (OK / FALSE ALARM / MISSED) with the findings, then a
machine-readable last line, e.g. `stories=40 false_alarms=0 missed=1`. The stories are written for
this file (no fixture words); docs/ACCURACY.md ("Traps on other events", "Blind trap sets") discusses the misses.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("AUDITOR_RAISE", "1")  # a check's bug ends the run here, not a lower recall

from auditor.config import Config
from auditor.embed import Encoder
from auditor.pipeline import audit

DEFAULT = Path(__file__).parent / "data" / "contradiction-traps.json"


def write_story(directory: Path, docs: list[list[str]]) -> None:
    for i, (outlet, published, text) in enumerate(docs):
        front = f"---\noutlet: {outlet}\npublished: {published}\n---\n"
        (directory / f"{i:02d}.md").write_text(front + text + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("names", nargs="*", help="only these stories")
    args = parser.parse_args()
    stories: dict[str, dict[str, list]] = json.loads(args.stories.read_text(encoding="utf-8"))
    false_alarms = missed = 0
    with tempfile.TemporaryDirectory() as work:
        config = Config(cache_dir=os.environ.get("AUDITOR_CACHE_DIR") or None)
        encoder = Encoder.from_config(config)
        encoder.progress = False
        for name, story in stories.items():
            if args.names and name not in args.names:
                continue
            directory = Path(work) / name
            directory.mkdir()
            write_story(directory, story["docs"])
            report = audit([directory], config, encoder=encoder)
            found = [f for f in report.findings if f.rule.startswith("C")]
            got, want = {f.rule for f in found}, set(story["expect"])
            verdict = "OK" if got == want else "FALSE ALARM" if got - want else "MISSED"
            false_alarms += bool(got - want)
            missed += bool(want - got)
            print(f"{verdict:11} {name}: expected {sorted(want)}, found {sorted(got)}")
            for finding in found:
                print(f"            {finding.rule} {finding.message}")
    print(f"stories={len(args.names) or len(stories)} false_alarms={false_alarms} missed={missed}")


if __name__ == "__main__":
    main()
