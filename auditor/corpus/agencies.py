"""One source of truth for news agencies and outlets that articles credit.

Canonical name -> aliases as they appear in copy. Extend here; every credit pattern reads it.
"""

from __future__ import annotations

import re
from functools import lru_cache

AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "REUTERS"),
    "ANI": ("ANI", "Asian News International"),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "UNI": ("UNI",),
    "Sputnik": ("Sputnik",),
    "TASS": ("TASS",),
    "Interfax": ("Interfax",),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Xinhua": ("Xinhua",),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Bloomberg": ("Bloomberg",),
    "EPA": ("EPA",),
    "Getty Images": ("Getty Images", "Getty"),
    "New York Times": ("New York Times", "The New York Times", "NYT"),
    "Washington Post": ("Washington Post", "The Washington Post"),
    "Wall Street Journal": ("Wall Street Journal", "The Wall Street Journal", "WSJ"),
    "BBC": ("BBC",),
    "CNN": ("CNN",),
    "Al Jazeera": ("Al Jazeera",),
    "Tolo News": ("Tolo News", "TOLOnews"),
    "Pajhwok": ("Pajhwok", "Pajhwok Afghan News"),
}


@lru_cache(maxsize=1)
def agency_pattern() -> str:
    """A regex alternation matching any alias, longest first, as whole words."""
    aliases = sorted({a for names in AGENCIES.values() for a in names}, key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(a) for a in aliases) + r")"


def canonical_agency(name: str) -> str | None:
    cleaned = name.strip()
    for canonical, aliases in AGENCIES.items():
        if cleaned in aliases or cleaned.lower() in (a.lower() for a in aliases if len(a) > 4):
            return canonical
    return None
