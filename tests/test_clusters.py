"""Fact clusters: how contradictions mark them disputed."""

from __future__ import annotations


def test_dispute_index_decides_as_disputes_does() -> None:
    """The index clusters use gives, for random spans and flags, the decision of `disputes`."""
    import random
    from types import SimpleNamespace

    from auditor.align.clusters import DisputeIndex, disputes
    from auditor.report.model import ClusterMember

    rng = random.Random(7)

    def span() -> tuple[str, int, int]:
        start = rng.randrange(0, 200)
        return rng.choice("abcd"), start, start + rng.randrange(1, 40)

    def flag() -> SimpleNamespace:
        doc, start, end = span()
        evidence = tuple(
            SimpleNamespace(doc=d, start=s, end=e) for d, s, e in (span() for _ in range(rng.randint(1, 3)))
        )
        return SimpleNamespace(doc=doc, start=start, end=end, evidence=evidence)

    decided = {True: 0, False: 0}
    for _ in range(400):
        flags = [flag() for _ in range(rng.randint(0, 4))]
        members = [
            ClusterMember(doc=d, text="x", start=s, end=e, outlet=None, published=None)
            for d, s, e in (span() for _ in range(rng.randint(1, 3)))
        ]
        expected = any(disputes(f, members) for f in flags)
        assert DisputeIndex(flags).disputed(members) == expected
        decided[expected] += 1
    assert min(decided.values()) > 20  # both answers were exercised
