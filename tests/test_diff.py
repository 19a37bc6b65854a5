"""`auditor diff`: the editor's view of two versions of a story."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from auditor.diff import (
    DiffEntry,
    StoryDiff,
    diff_documents,
    diff_files,
    fact_callouts,
    in_order,
    pair_sentences,
    render_diff_html,
    render_diff_terminal,
    word_changes,
)
from auditor.model import Document
from auditor.text import segment_document, segment_text

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "fixtures" / "diff-demo"
TRT_WORLD = ROOT / "fixtures" / "afghanistan-2021" / "000_ee120b2da65b2266.txt"
EURONEWS = ROOT / "fixtures" / "afghanistan-2021" / "001_e7ba0620bc3cd8b6.txt"


def _text(entry: DiffEntry) -> str:
    sentence = entry.new or entry.old
    return sentence.text if sentence else ""


def _entry(story: StoryDiff, needle: str) -> DiffEntry:
    hits = [e for e in story.entries if needle in _text(e)]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def _callouts(entry: DiffEntry) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {c.kind: (c.old, c.new) for c in entry.callouts}


@pytest.fixture(scope="module")
def republication(encoder) -> StoryDiff:
    """The real TRT World article against a made-up republication of it (fixtures/diff-demo)."""
    return diff_files(TRT_WORLD, DEMO / "000-republished.txt", encoder)


def test_changed_numbers_dates_and_names_are_called_out(republication: StoryDiff) -> None:
    force = _entry(republication, "-strong force have already pulled out")
    assert force.kind == "changed" and _callouts(force) == {"number": (("10,000",), ("9,600",))}
    officers = _entry(republication, "officers, returned to Afghan government")
    assert _callouts(officers) == {"number": (("five",), ("four",))}
    passage = _entry(republication, "given safe passage")
    assert _callouts(passage) == {"date": (("Sunday", "July 25"), ("Saturday", "July 24"))}
    minister = _entry(republication, "held talks with Pakistan")
    assert _callouts(minister)["name"][1] == ("Saudi Foreign Minister Faisal bin Farhan",)


def test_moved_added_and_dropped_sentences(republication: StoryDiff) -> None:
    moved = [e for e in republication.entries if e.moved]
    assert len(moved) == 1 and moved[0].new and moved[0].new.text.startswith("The US descended on Afghanistan")
    assert moved[0].kind == "same"  # moved, not rewritten
    added = [e.new.text for e in republication.entries if e.kind == "added" and e.new]
    assert added == ["The Taliban have denied targeting civilians.", "With inputs from AFP"]
    dropped = [e.old.text for e in republication.entries if e.kind == "dropped" and e.old]
    assert sum(t.startswith(("READ MORE", "REEAD MORE")) for t in dropped) == 4
    assert "Russia joint military drills" in dropped and "Source: AFP" in dropped
    # Everything else is paired with itself, in order.
    counts = republication.counts()
    assert counts["changed"] == 4 and counts["moved"] == 1
    old_total = len(segment_text("a", TRT_WORLD.read_text(encoding="utf-8")))
    assert counts["same"] + counts["changed"] + counts["dropped"] == old_total


def test_dropped_sentences_stay_where_they_were_in_the_story(republication: StoryDiff) -> None:
    kinds = [(e.kind, _text(e)[:20]) for e in republication.entries if e.old or e.new]
    drills = kinds.index(("dropped", "Russia joint militar"))
    # The dropped section comes after the sentence that preceded it in the old version.
    assert kinds[drills - 2][1].startswith("The Saudi foreign mi")


def test_word_changes_keep_unchanged_words_and_group_replacements() -> None:
    changes = word_changes(
        "They were given safe passage on Sunday (July 25) night.",
        "They were given safe passage on Saturday (July 24) night.",
    )
    edits = [(c.op, c.old, c.new) for c in changes if c.op != "equal"]
    assert edits == [("replace", "Sunday", "Saturday"), ("replace", "25", "24")]
    assert "".join(c.new for c in changes) == "They were given safe passage on Saturday (July 24) night."
    assert "".join(c.old for c in changes) == "They were given safe passage on Sunday (July 25) night."


def test_split_numeral_with_same_value_is_not_a_changed_number() -> None:
    # "2 5 Hundreds" is machine-translation damage of 2,500: a word change, not a new figure.
    assert fact_callouts("about 2,500 troops", "about 2 5 Hundreds troops") == ()


def test_trimmed_name_is_not_a_changed_name() -> None:
    assert fact_callouts("President Joe Biden decided.", "Biden decided.") == ()
    assert fact_callouts("fighting in Kandahar province", "fighting in Helmand province")[0].kind == "name"


def test_moves_are_the_fewest_pairs_out_of_order() -> None:
    pairs = [(0, 0, 1.0), (1, 4, 1.0), (2, 1, 1.0), (3, 2, 1.0), (4, 3, 1.0)]
    assert in_order(pairs) == {(0, 0), (2, 1), (3, 2), (4, 3)}  # only sentence 1 moved


def test_different_stories_share_no_sentences(encoder) -> None:
    """Two outlets' different articles on one event: similar words, no sentence is the other's edit."""
    story = diff_files(TRT_WORLD, EURONEWS, encoder)
    counts = story.counts()
    assert counts["same"] + counts["changed"] == 0
    assert counts["dropped"] > 20 and counts["added"] > 20


def test_reworded_sentence_pairs_by_meaning(encoder) -> None:
    old = segment_text("a", "Afghan government forces have abandoned some rural districts without a fight.\n")
    new = segment_text("b", "Some rural districts were abandoned by Afghan government troops without a fight.\n")
    unrelated = segment_text(
        "c", "The fighting continues as peace talks between the government and the Taliban fail.\n"
    )
    assert [(i, j) for i, j, _ in pair_sentences(old, new, encoder)] == [(0, 0)]
    assert pair_sentences(old, unrelated, encoder) == []


def test_terminal_marks_changes_in_plain_text_without_colour(republication: StoryDiff) -> None:
    buffer = io.StringIO()
    render_diff_terminal(republication, Console(file=buffer, width=200, no_color=True))
    out = buffer.getvalue()
    assert "\x1b[" not in out
    assert "[-five-]{+four+}" in out and "! number: five → four" in out
    assert "↷" in out and "moved from old line 24" in out
    assert re.search(r"^-  old:62 +Source: AFP$", out, re.M)
    assert "unchanged sentences" in out  # unchanged runs are folded
    # The fact changes are also listed up front, each with its line in the new version.
    facts = out[out.index("changed facts:") : out.index("\n\n", out.index("changed facts:"))].splitlines()[1:]
    assert [line.split()[0] for line in facts] == ["new:23", "new:35", "new:39", "new:43"]


def test_terminal_uses_styles_on_a_colour_terminal_and_honours_no_color(
    republication: StoryDiff, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = io.StringIO()
    render_diff_terminal(republication, Console(file=buffer, width=200, force_terminal=True, color_system="truecolor"))
    coloured = buffer.getvalue()
    assert re.search(r"\x1b\[(?:\d+;)*9(?:;\d+)*mfive\x1b", coloured)  # "five" struck through
    assert "[-five-]" not in coloured
    monkeypatch.setenv("NO_COLOR", "1")
    buffer = io.StringIO()
    render_diff_terminal(republication, Console(file=buffer, width=200, force_terminal=True))
    no_colour = buffer.getvalue()
    assert not re.search(r"\x1b\[(?:\d+;)*3\dm", no_colour)  # no colour codes (bold/strike may stay)
    assert "[-five-]{+four+}" in re.sub(r"\x1b\[[\d;]*m", "", no_colour)  # changes readable without colour


def test_html_diff_is_escaped_and_self_contained() -> None:
    payload = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'
    old = segment_document(
        Document("a", "a.txt", f"Officials said six districts fell {payload}.\n", outlet="<b>Wire</b>")
    )
    new = segment_document(Document("b", "b.txt", f"Officials said eight districts fell {payload}.\n", outlet="Other"))
    page = render_diff_html(diff_documents(old, new))
    assert "<script" not in page and "<img" not in page and "<b>Wire" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page and "&lt;b&gt;Wire&lt;/b&gt;" in page
    assert "<del>six</del>" in page and "<ins>eight</ins>" in page
    assert "number: six → eight" in page
    link = re.search(r'<li><a href="#(s\d+)">new line 1</a>: number: six → eight</li>', page)
    assert link and f'id="{link.group(1)}"' in page  # the fact list links to its sentence
    assert "default-src 'none'" in page and not re.search(r"(?:src|href)=\"(?:https?:)?//", page)


def test_cli_diff_writes_html_and_prints_terminal(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from auditor.cli import app

    runner = CliRunner()
    out = tmp_path / "diff.html"
    args = ["diff", str(DEMO / "wire.txt"), str(DEMO / "republished.txt")]
    result = runner.invoke(app, [*args, "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "<ins>eight</ins>" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, [*args, "--no-model"])
    assert result.exit_code == 0, result.output
    assert "{+Helmand+}" in result.output and "name: Kandahar → Helmand" in result.output
    missing = runner.invoke(app, ["diff", str(DEMO / "nope.txt"), str(DEMO / "wire.txt")])
    assert missing.exit_code == 2


def test_a_story_against_itself_is_all_unchanged() -> None:
    doc = segment_document(Document("a", "a.txt", TRT_WORLD.read_text(encoding="utf-8")))
    story = diff_documents(doc, doc)  # wording alone suffices for identical text
    assert {e.kind for e in story.entries} == {"same"}
    assert story.counts()["same"] == len(doc.sentences) and story.counts()["moved"] == 0
    buffer = io.StringIO()
    render_diff_terminal(story, Console(file=buffer, width=120, no_color=True))
    assert f"… {len(doc.sentences)} unchanged sentences" in buffer.getvalue()


def test_articles_of_one_jsonl_file_are_named_by_id(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from auditor.cli import app

    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "wire-1", "text": (DEMO / "wire.txt").read_text(encoding="utf-8")},
        {"id": "mt-1", "text": (DEMO / "republished.txt").read_text(encoding="utf-8")},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["diff", f"{feed}#wire-1", f"{feed}#mt-1", "--no-model"])
    assert result.exit_code == 0, result.output
    assert "name: Kandahar → Helmand" in result.output
    ambiguous = runner.invoke(app, ["diff", str(feed), f"{feed}#mt-1", "--no-model"])
    assert ambiguous.exit_code == 2
    assert "expected one article, found 2" in ambiguous.output and "#ID (ids: wire-1, mt-1)" in ambiguous.output
    unknown = runner.invoke(app, ["diff", f"{feed}#nope", f"{feed}#mt-1", "--no-model"])
    assert unknown.exit_code == 2 and "no article with id 'nope'" in unknown.output
    assert feed.read_text(encoding="utf-8").count("\n") == 2  # the input is untouched
