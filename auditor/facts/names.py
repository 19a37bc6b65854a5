"""First names: which gender a given name is usually, from gender-guesser's list of 61k names
(read by the pronoun check, G010, and by the gazetteer, which does not take a city named like a
person, "Austin", for a place)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def name_detector() -> Any:
    import gender_guesser.detector as gender

    class Detector(gender.Detector):
        """gender-guesser's detector reading its name list with `open` instead of `codecs.open`:
        the same 61k names (tested), parsed in a third of the time (the codecs reader's
        `readline` was most of the cost)."""

        def _parse(self, filename: str) -> None:
            self.names: dict[str, dict[str, str]] = {}
            with open(filename, encoding="utf-8") as lines:
                for line in lines:
                    self._eat_name_line(line.strip())

    return Detector(case_sensitive=False)


@lru_cache(maxsize=65536)  # a pure function of the name, asked for every capitalised word
def first_name_gender(name: str) -> tuple[str | None, float]:
    """(gender, confidence) from gender-guesser; 'andy', unknown names and common words
    that gender-guesser also lists ("The", "Will", "May") give (None, 0)."""
    from wordfreq import zipf_frequency

    frequency = zipf_frequency(name.lower(), "en")
    guess = name_detector().get_gender(name)
    if frequency >= 5.8 or (frequency >= 5.0 and guess not in ("male", "female")):
        return None, 0.0
    if guess in ("male", "female"):
        return guess, 0.85
    if guess in ("mostly_male", "mostly_female"):
        return guess.removeprefix("mostly_"), 0.6
    return None, 0.0
