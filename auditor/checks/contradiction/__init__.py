"""Contradictions: statements, across outlets or within one article, that cannot all be true.

Four rules share one engine:
  C001 numeric: the same thing counted with numbers no wording can reconcile;
  C002 date: the same event put on different dates;
  C003 entity-role: the same role given to different people (a quote, a title);
  C004 count-vs-list: a stated count that disagrees with the list that follows it.

Precision comes first (a false contradiction costs a fact-checker more than a missed one):
two quantities are compared only when they count the same noun with the same owner, scope
words and time window, and their intervals (qualifiers and rounding included) do not touch.
Every finding quotes the other side(s) as evidence with outlet and date, carries a confidence,
and drops to `info` when it is doubtful or when the outlets published on different days (the
story may have moved on). The pipeline hands the findings to the aligner, which marks the
clusters they touch as disputed.
"""

# Importing the rule modules registers C001-C004.
from auditor.checks.contradiction import dates, lists, numeric, roles

__all__ = ["dates", "lists", "numeric", "roles"]
