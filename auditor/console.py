"""The one stderr console that every live display (stage spinner, embedding bar) draws on.

rich nests live displays that share a console (the inner one shows below the outer one);
two consoles on the same terminal would overwrite each other's line.
"""

from __future__ import annotations

from functools import cache

from rich.console import Console


@cache
def stderr_console() -> Console:
    """Writes to whatever sys.stderr is at the time (so test runners that swap it still capture it)."""
    return Console(stderr=True)
