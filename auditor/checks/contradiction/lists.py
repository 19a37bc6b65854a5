"""C004 count vs list: a stated count that disagrees with the list of names that follows or precedes
it in one article."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from functools import lru_cache

from auditor.align.anchors import information
from auditor.checks.contradiction.common import _fmt, _severity
from auditor.checks.contradiction.dates import _DETERMINERS
from auditor.checks.contradiction.numeric import is_measure
from auditor.checks.contradiction.roles import _BEFORE_NAME
from auditor.checks.registry import DOCUMENT, CheckContext, rule
from auditor.facts import document_facts
from auditor.facts.dates import SAYING_VERBS, is_eventive
from auditor.facts.entities import load_gazetteer
from auditor.facts.model import DateMention, Quantity
from auditor.facts.numerals import NUMBER_WORDS
from auditor.facts.quantities import noun_key
from auditor.facts.votes import VoteTally, vote_tallies
from auditor.facts.words import UPPER, singular, stem, word_set
from auditor.model import Category, Document, Evidence, Flag, Sentence, Severity

_LIST_NAME = rf"[{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)*(?:(?<=\s[{UPPER}])\.)?"  # "Ion P."
_LIST = re.compile(rf"(?P<items>(?:{_LIST_NAME},\s+){{1,}}{_LIST_NAME},?\s+(?:and|&)\s+{_LIST_NAME})")
# Titles in quotation marks: '"The Salt Road", "Winter Orchard" and "Kinship"' (three or more), in
# single quotes too ("'The Ferryman's Daughter'": an apostrophe before a letter is inside the title).
_QUOTED_TITLE = r"(?:[\"“][^\"“”]{1,80}[\"”]|‘[^‘’]{1,80}’|'(?:[^'\n]|'(?=[a-z])){1,80}')"
_QUOTED_LIST = re.compile(rf"(?P<items>(?:{_QUOTED_TITLE},?\s+){{2,}}(?:and|&)\s+{_QUOTED_TITLE})")
# Two names make a list only right after a colon ("Three athletes were disqualified: A and B").
_PAIR_AFTER_COLON = re.compile(rf"(?<=:\s)(?P<items>{_LIST_NAME}\s+(?:and|&)\s+{_LIST_NAME})")
# A sentence that only names what the sentence before counted: "... in two provinces. These were A, B and C."
_LIST_GOES_ON = re.compile(r",?\s+(?:and|&)\s+[A-Z]")
_MORE_NAMES = re.compile(r",\s+[A-Z]")
_ITEM_SEPARATOR = re.compile(r",\s+(?:and\s+|&\s+)?|\s+(?:and|&)\s+")  # "A, B and C", "A, B, and C"
_LIST_LEAD_IN = re.compile(r"\s*(?:These|Those|They)\s+(?:are|were)\s+$")
# "Three consortia have submitted bids ... The bidders are A, B, C and D": a sentence that names
# what one word of the count's sentence ("bids") speaks of; not "The others were", "The injured were".
# "The suspects, A and B, were", "The arrested men were identified as", "The envoys who presented
# their credentials were": the counted things named again, with a word or two before them and a
# clause after. The same words open the list that follows them, read item by item like one after a
# colon ("The envoys ... were Ambassador of Japan A, Ambassador of Germany B and ...").
_COUNTED_AGAIN = (
    r"The\s+(?P<words>(?:[a-z-]+\s+){0,2}?[a-z-]+)(?:\s+(?:who|that|which)\s+(?:[\w'’-]+\s+){0,6}?[\w'’-]+)?"
)
# "The suspects were identified as", "The suspects, identified as A, 27; B, 24; and C, 31, were"
_ARE_NAMED = r"(?:\s+(?:are|were)\s+(?:(?:identified|named|listed)\s+as\s+)?|,\s+(?:identified|named|listed)\s+as\s+)"
_NOUN_LEAD_IN = re.compile(rf"\s*{_COUNTED_AGAIN}(?:{_ARE_NAMED}|,\s+|\s+[-–—]\s+)$")
_LEAD_IN_OPENER = re.compile(rf"^\s*{_COUNTED_AGAIN}{_ARE_NAMED}(?=[{UPPER}])")
# "They are Liam Harker, 34, of Middlesbrough; Dean Colley, 29, of Stockton; ...", "They are ceramic
# artist Haruo Minegishi, 74, of Saga Prefecture; ...": the sentence after a count names them all.
_THEY_ARE_OPENER = re.compile(rf"^\s*(?:They|These|Those)\s+(?:are|were)\s+(?=(?:[a-z]+\s+){{0,3}}[{UPPER}])")
# Nouns that stand for any counted people: their modifier ("the arrested men") says which.
_PEOPLE_NOUNS = word_set("men women people persons individuals ones")
_NOT_THE_SAME = word_set("others rest remaining remainder injured wounded dead survivors latter former")


# "Connor Walsh, 24, of Solihull, and Jamal Price, 27, have been charged": names with their ages
# (and home towns) set off by commas, as police and court reports write them.
_AGED_ITEM = rf"{_LIST_NAME},\s+\d{{1,3}}(?:,\s+(?:of|from)\s+{_LIST_NAME})?"
_AGED_LIST = re.compile(rf"(?P<items>(?:{_AGED_ITEM},\s+)*{_AGED_ITEM},?\s+(?:and|&)\s+{_AGED_ITEM})")
_AGE_IN_LIST = re.compile(r",\s+\d{1,3}\b")
# Words between a subject and its verb: "have been charged", "were also arrested".
_AUXILIARY_WORDS = word_set("has have had was were is are be been being will would also both all later then each")


def _same_predicate(after_list: str, counted_sentence: str) -> bool:
    """Is the list the subject of the verb the count's sentence uses ("Three men have been
    charged ..." / "A, 24, and B, 27, have been charged with ...")?"""
    words = re.findall(r"[A-Za-z]+", after_list)[:4]
    verb = next((w.lower() for w in words if w.lower() not in _AUXILIARY_WORDS), None)
    return verb is not None and is_eventive(verb) and _shares_root(verb, counted_sentence)


# Modifiers that pick out no part: "the new species" are all the species the count spoke of.
_UNRESTRICTIVE = word_set("new latest recent")


def _narrower_noun(q: Quantity, lead_in: str, counted_sentence: str) -> bool:
    """Does a later sentence's lead-in name a narrower kind of the counted things ("nine medals in
    all", then "The gold medals went to A, B, C and D")? A modifier the count's sentence never uses
    makes the list a part, not the whole."""
    words = re.findall(r"[A-Za-z][A-Za-z-]*", lead_in)
    stems = _noun_stems(q)
    for i in range(len(words) - 1, 0, -1):
        if stem(singular(words[i])) in stems:
            modifier = words[i - 1]
            return (
                modifier.islower()
                and modifier not in _DETERMINERS
                and modifier not in NUMBER_WORDS
                and modifier not in _UNRESTRICTIVE
                and not _shares_root(modifier, counted_sentence)
            )
    return False


def _names_what_was_counted(lead_in: str, counted_sentence: str) -> bool:
    match = _NOUN_LEAD_IN.fullmatch(lead_in)
    if match is None:
        return False
    words = match.group("words").split()
    if _NOT_THE_SAME.intersection(words):
        return False
    noun = words[-1]
    if noun in _PEOPLE_NOUNS and len(words) > 1:
        noun = words[-2]  # "the arrested men" of "arrested four suspects"
    if noun in _ARRESTED_PEOPLE and _ARRESTED.search(counted_sentence):
        return True  # "Four people were arrested", then "The suspects, identified as A, B and C"
    return noun in _GROUP_NOUNS or _shares_root(noun, counted_sentence)


# What a sentence calls the people its predecessor counted, all of them together: "Four guides
# reached the summit", then "The team — A, B and C — set out on Monday".
_GROUP_NOUNS = word_set("team crew group party squad trio quartet")


def _group_lead_in(lead_in: str) -> bool:
    match = _NOUN_LEAD_IN.fullmatch(lead_in)
    return match is not None and match.group("words").split()[-1] in _GROUP_NOUNS


# Whom an arrest count counts, named again as suspects or detainees.
_ARRESTED_PEOPLE = word_set("suspects suspect detainees accused")
_ARRESTED = re.compile(r"\b(?:arrested|detained|held|apprehended|nabbed|rounded\s+up|taken\s+into\s+custody)\b", re.I)


def _shares_root(word: str, sentence: str) -> bool:
    """Does a word of `sentence` have `word`'s root ("bidders" / "bids", "charged" / "charged")?"""
    root = _root(word)
    return any(root == _root(w) for w in re.findall(r"[a-z]+", sentence.lower()))


def _root(word: str) -> str:
    """A word's stem without an agent suffix: "bidders" and "bids" -> "bid", "winners" -> "win"."""
    root = stem(singular(word))
    for suffix in ("er", "or"):
        if root.endswith(suffix) and len(root) > len(suffix) + 2:
            root = root[: -len(suffix)]
            if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "aeiou":
                root = root[:-1]  # "bidd" -> "bid"
            break
    return stem(root)


_PARTIAL = re.compile(
    r"\b(?:including|include|includes|included|such as|like|among them|among|e\.g\.|for example|notably)\W*$",
    re.IGNORECASE,
)
LIST_LOOKAHEAD = 2  # sentences after the count in which its list may follow


# A list opened by a colon or a dash is read item by item, so that names may hold initials ("Karim
# B."), "of" or "and" ("the Irish Nurses and Midwives Organisation (INMO)"), or a description before
# the name ("Edinburgh flanker Jamie Orr"). It ends at a dash, a semicolon or the sentence's end.
# After a colon or a dash, or "courtesy of", "thanks to" (who won the medals counted before): names,
# each perhaps described ("flyweight Jericho Dalisay, ... and women's bantamweight Aira Villanueva").
# Up to two lower-case words before the first name ("boy group VANTA") caught three more studied
# lists but raised a false alarm on a held-out set: one word only.
_LIST_OPENER = re.compile(rf"(?:(?::|\s[-–—])\s+|\b(?:courtesy\s+of|thanks\s+to)\s+)(?=(?:the\s+|[a-z]+\s+)?[{UPPER}])")
# "The prosecutor named the three suspects as Karim B. and Steven V.": "as" opens the list.
# Read after the count too ("... three suspects| as Karim B. and ..."), where the caller checks the verb.
_NAMED_AS = re.compile(rf"(?:\b(?:named|identified)\s+(?:[\w'’-]+\s+){{0,5}}?|^\s*)as\s+(?=[{UPPER}])")
_SENTENCE_END = r"\.\s*$|\.(?=\s+[A-Z][a-z])"  # not the stop of "Karim B." before a name
_LIST_CLOSER = re.compile(rf"\s[-–—]\s|;|{_SENTENCE_END}")
_ITEM_WORD = re.compile(rf"[{UPPER}][\w'’.&-]*|\([A-Z][A-Za-z]{{1,7}}\)")
# What a list item may say of its name before it: "goalkeeper Ismail Waiswa", "defender Joe Kizito";
# not a verb or a function word ("police arrested Smith", "and Jones").
_DESCRIPTOR = re.compile(r"[a-z][a-z-]+(?:['’]s)?")
_AGE = re.compile(r"\s*\(\d{1,3}\)")
MAX_ITEM_WORDS = 8


def _is_list_item(item: str) -> bool:
    """A name, with at most two lower-case words inside it: "Saracens wing Lewis McAllister",
    "the University of Twente"; not "54", "who investigators say ran the workshop"."""
    item = _PLACE_AFTER_ITEM.sub("", item)  # "Praia do Barril, in Tavira"
    words = _AGE.sub("", item).split()  # "Karim B. (34)": an age in brackets is no part of the name
    if words[:1] == ["the"]:
        words = words[1:]
    # "goalkeeper Toni Marić", "lacquer artist Michiko Arakawa": a description of up to three words
    described = next((n for n in range(1, 4) if len(words) > n and _ITEM_WORD.fullmatch(words[n])), 0)
    if described and all(_is_descriptor(w) for w in words[:described]):
        words = words[described:]
    if (
        not 1 <= len(words) <= MAX_ITEM_WORDS
        or not _ITEM_WORD.fullmatch(words[0])
        or not _ITEM_WORD.fullmatch(words[-1])
    ):
        return False
    lower_run = 0
    for word in words:
        lower_run = 0 if _ITEM_WORD.fullmatch(word) else lower_run + 1
        if lower_run > 2 or any(c.isdigit() for c in word):
            return False
    return True


# Species in a list: "Pristimantis aureolus, Pristimantis nubicola and P. tayos" (every item so),
# whose second word is no common English word ("Police said" is no species).
_BINOMIAL = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.)\s+(?P<epithet>[a-z]{3,})")
EPITHET_INFORMATION = 4.0  # Zipf 3 or rarer: "aureolus", "sapiens", "vulgaris"; not "said", "spread"


def _is_binomial(item: str) -> bool:
    match = _BINOMIAL.fullmatch(item)
    return match is not None and information(match.group("epithet")) >= EPITHET_INFORMATION


def _is_item(item: str) -> bool:
    return _is_list_item(item) or _is_binomial(item)


def _is_descriptor(word: str) -> bool:
    """A lower-case noun that may describe the name after it ("goalkeeper", "novelist")."""
    return (
        _DESCRIPTOR.fullmatch(word) is not None
        and not word.endswith(("ed", "ing", "ly"))
        and word not in _BEFORE_NAME
        and word not in SAYING_VERBS
        and word not in ("and", "or", "nor", "but", "with", "plus", "then", "who", "whose", "which", "where")
        and word not in _PARTIAL_WORDS  # ", among them J-Power and Marubeni,": some of them, not a description
    )


_PARTIAL_WORDS = word_set("among them including like such as notably")


# "A, B and C, the Department of Disaster Prevention and Mitigation said": who said it, not a name more.
_ATTRIBUTION_WORDS = SAYING_VERBS | word_set("confirmed according")


# "Praia do Cabeço, in Castro Marim, Praia de Cacela Velha and Praia do Barril, in Tavira": where
# an item is, set off by commas, belongs to it.
_PLACE_OF_ITEM = re.compile(rf"(?:in|near|at|from|of)\s+[{UPPER}]")
_PLACE_AFTER_ITEM = re.compile(rf",\s+(?:in|near|at|from|of)\s+[{UPPER}][^,]*$")


def _with_places(parts: list[str]) -> list[str]:
    merged: list[str] = []
    for part in parts:
        if merged and _PLACE_OF_ITEM.match(part):
            merged[-1] = f"{merged[-1]}, {part}"
        else:
            merged.append(part)
    return merged


def _opened_list(text: str, start: int) -> tuple[int, int, int, int] | None:
    """(number of items, start, end, joined) of the complete list that begins at `start`, if one
    does: items split by commas, the last one after "and" ("A, B, C and D"; "A, B, and C"). An
    item that holds "and" is one name unless it is the last ("the Irish Nurses and Midwives
    Organisation, Forsa and Connect"); `joined` counts those whose two sides are names of their own
    ("Republicans A, B and C, and Democrat D"): each may be two items."""
    closer = _LIST_CLOSER.search(text, start)
    end = closer.start() if closer else len(text)
    parts = _with_places(re.split(r",\s+", text[start:end]))
    items: list[str] = []
    for position, part in enumerate(parts):
        following = parts[position + 1].removeprefix("and ") if position + 1 < len(parts) else ""
        last = (
            not following
            or not _is_item(re.split(r"\s(?:and|&)\s", following)[0])
            or bool(_ATTRIBUTION_WORDS.intersection(re.findall(r"[a-z]+", following)))
        )
        if part.startswith(("and ", "& ")) and items:
            items.append(part.split(" ", 1)[1])
        elif last and re.search(r"\s(?:and|&)\s", part):
            left, right = re.split(r"\s(?:and|&)\s(?!.*\s(?:and|&)\s)", part, maxsplit=1)
            items.extend([left, right])
        elif last:
            return None  # no "and": an open list ("Sources: Reuters, AFP")
        else:
            items.append(part)
            continue
        names = all(_is_list_item(item) for item in items)
        if len(items) < 2 or not (names or all(_is_binomial(item) for item in items)):
            return None
        list_end = start + len(", ".join(parts[: position + 1]))
        joined = sum(
            all(_is_list_item(side) for side in sides)
            for sides in (re.split(r"\s(?:and|&)\s", item) for item in items)
            if len(sides) > 1
        )
        return len(items), start, list_end, joined
    return None


# "A, from the highlands; B, from karst streams; and C, from the forests": items that carry their
# own commas are split by semicolons, the name before each item's first comma.
_SEMICOLON_ITEMS = re.compile(r";\s+(?:and\s+|&\s+)?")


def _semicolon_list(text: str, start: int) -> tuple[int, int, int, int] | None:
    sentence_end = re.search(_SENTENCE_END, text[start:])
    end = start + sentence_end.start() if sentence_end else len(text)
    body = text[start:end]
    if not re.search(r";\s+(?:and|&)\s", body):
        return None
    parts = _SEMICOLON_ITEMS.split(body)
    if len(parts) < 2 or not all(_is_item(part.split(", ", 1)[0]) for part in parts):
        return None
    return len(parts), start, end, 0


# "three properties: a set of sutra scrolls kept at ..., a wooden statue of ..., and the main hall of
# ...": after a colon, things described rather than named, each opened by an article.
_DESCRIBED_OPENER = re.compile(r":\s+(?=(?:a|an|the)\s)")
_DESCRIBED_ITEMS = re.compile(r",\s+(?:and\s+)?(?=(?:a|an|the)\s)|\s+and\s+(?=(?:a|an|the)\s)")


def _described_list(text: str, start: int) -> tuple[int, int, int, int] | None:
    closer = re.search(rf";|{_SENTENCE_END}", text[start:])
    end = start + closer.start() if closer else len(text)
    body = text[start:end]
    separators = list(_DESCRIBED_ITEMS.finditer(body))
    if len(separators) < 2 or "and" not in separators[-1].group() or any("and" in m.group() for m in separators[:-1]):
        return None  # the last item after "and", and only the last
    return len(separators) + 1, start, end, 0


# Right after the count, two names set off by commas: "three uncapped players, pacer A and opener B,
# earned call-ups".
_PAIR_IN_APPOSITION = re.compile(r",\s+(?P<a>[^,;:]{2,60}?)\s+(?:and|&)\s+(?P<b>[^,;:]{2,60}?),")


def _nationalities(items: str) -> bool:
    """Is every item a nationality ("Somali and Yemeni")?"""
    gazetteer = load_gazetteer()
    names = [item.strip() for item in _ITEM_SEPARATOR.split(items) if item.strip()]
    return all((entry := gazetteer.lookup(name)) is not None and entry.kind == "demonym" for name in names)


@lru_cache(maxsize=1)
def _countries_with_and() -> re.Pattern[str]:
    """The countries whose names hold "and" ("Trinidad and Tobago", "Saint Vincent and the
    Grenadines"), from pycountry; not one with a comma ("Bonaire, Sint Eustatius and Saba")."""
    import pycountry

    names = {
        name
        for country in pycountry.countries
        for name in (country.name, getattr(country, "official_name", ""), getattr(country, "common_name", ""))
        if " and " in name and "," not in name
    }
    return re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))


def _one_name_each_country(text: str) -> str:
    """The text with each country whose name holds "and" written as one capitalised name ("Saint
    Vincent And The Grenadines"), so that a list reads it as one item; offsets stay."""
    return _countries_with_and().sub(lambda m: re.sub(r"\b[a-z]", lambda c: c.group().upper(), m.group()), text)


def _list_items(text: str) -> list[tuple[range, int, int]]:
    """(the numbers of names it may hold, start, end) of each complete list of names in text: one
    number, or more where an item that holds "and" may be two names."""
    text = _one_name_each_country(text)
    out: list[tuple[range, int, int]] = []
    openers = (_LIST_OPENER, _NAMED_AS, _LEAD_IN_OPENER, _THEY_ARE_OPENER)
    for opener in (match for pattern in openers for match in pattern.finditer(text)):
        opened = _semicolon_list(text, opener.end()) or _opened_list(text, opener.end())
        if opened and not _PARTIAL.search(text[: opener.start()]):
            count, start, end, joined = opened
            if opener.re in (_LEAD_IN_OPENER, _THEY_ARE_OPENER) and _nationalities(text[start:end]):
                continue  # "The pirates were Somali and Yemeni": what they were, not who
            out.append((range(count, count + joined + 1), start, end))
    for opener in _DESCRIBED_OPENER.finditer(text):
        described = _described_list(text, opener.end())
        if described and not _PARTIAL.search(text[: opener.start()]):
            count, start, end, _ = described
            out.append((_exactly(count), start, end))
    pair = _PAIR_IN_APPOSITION.match(text)
    if pair and all(_is_list_item(pair.group(side)) for side in ("a", "b")):
        out.append((_exactly(2), pair.start("a"), pair.end("b")))
    for match in _AGED_LIST.finditer(text):
        if not _PARTIAL.search(text[: match.start()]):
            out.append((_exactly(len(_AGE_IN_LIST.findall(match.group("items")))), match.start(), match.end()))
    for match in (*_QUOTED_LIST.finditer(text), *_LIST.finditer(text), *_PAIR_AFTER_COLON.finditer(text)):
        if _PARTIAL.search(text[: match.start()]) or any(s <= match.start() < e for _, s, e in out):
            continue
        if _LIST_GOES_ON.match(text, match.end()):
            continue  # "A, B and C, and D and E": the names run on past the match
        if match.re is _PAIR_AFTER_COLON and _MORE_NAMES.match(text, match.end()):
            continue  # ": Ward and Burke Construction, Sisk Group and Ferrovial": one name holds "and"
        if match.re is _QUOTED_LIST:
            if re.match(r"\s*,?\s*(?:and|&)?\s*[\"“]", text[match.end() :]):
                continue  # more titles follow
            out.append((_exactly(len(re.findall(_QUOTED_TITLE, match.group("items")))), match.start(), match.end()))
            continue
        items = [i for i in _ITEM_SEPARATOR.split(match.group("items")) if i.strip()]
        out.append((_exactly(len(items)), match.start(), match.end()))
    return out


def _exactly(count: int) -> range:
    return range(count, count + 1)


def _noun_stems(q: Quantity) -> frozenset[str]:
    assert q.noun is not None
    return frozenset(stem(w) for w in q.noun.split()) | {noun_key(q.noun)}


def _noun_beside_list(q: Quantity, text: str, start: int, end: int) -> bool:
    """Is the counted noun written right before or after the list ("the towns of A, B and C",
    "A, B and C provinces")? Then the list names the counted things."""
    before = re.findall(r"[A-Za-z]+", text[:start])[-4:]
    after = re.findall(r"[A-Za-z]+", text[end:])[:2]
    return bool(_noun_stems(q) & {stem(singular(w)) for w in [*before, *after]})


_COMPRISING = re.compile(
    r"^[\w\s-]{0,40}?\b(?:comprising|consisting\s+of|made\s+up\s+of|namely)\s+(?:[\w'’-]+\s+){0,3}$"
)
# "four gold medals on the last day of the Games, courtesy of flyweight A, lightweight B and C": who won
# what was counted.
_CREDITED = re.compile(r"^[^.;:]{0,100}?\b(?:courtesy\s+of|thanks\s+to)\s+$")
# "three of his eight children, A, B and C": the names are the part's, not the count's.
_PARTITIVE_BEFORE = re.compile(r"\b[\w-]+\s+of\s+(?:his|her|their|its|our|the|these|those)\s+$", re.I)
# Right after the counted noun, a list set off by commas: "the two justices who dissented, A, B and C, argued".
_APPOSITION = re.compile(r"(?:\s+(?:who|that|which)\s+(?:[a-z]+\s+){0,2}[a-z]+)?,\s*")


# A colon or a dash, or one with a few words of place after it: "...: the waters off Alor, East
# Sumba, ...", "...: the provinces of A, B and C".
_LIST_OPENS = re.compile(r"(?::|\s[-–—]|^[-–—])(?:\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?:of|off|in|on|at|near|around))?$")


def _introduces_list(between: str, before: str = "") -> bool:
    """Does the clause after a count end in a colon or a dash that opens the list, with no verb of
    saying in between ("Three ministers resigned on Monday: A, B, C and D", "six regions - A, B")? Then the list is the count's
    (unless another count stands between); after "said that ..." it is the reported clause's."""
    if re.fullmatch(r"\s*as\s*", between) and re.search(r"\b(?:named|identified)\s+(?:the\s+)?$", before):
        return True  # "named the three suspects as A and B"
    if (_COMPRISING.search(between) or _CREDITED.search(between)) and not re.search(r"\.\s", between):
        return True  # "a four-member committee comprising former Test players A, B and C"
    if not _LIST_OPENS.search(between.rstrip()) or re.search(r"\.\s", between):
        return False
    if re.match(r"\s*(?:and|with|plus|as\s+well\s+as|along\s+with|together\s+with)\b", between):
        return False  # "Two climbers and their guide - A, B and C": the list names more than the count
    return not any(word.strip(",;:").lower() in SAYING_VERBS for word in between.split())


# "Hanne Berg, Olav Lind, Siri Dahl and Per Moen, from the Progress Party, were the three
# councillors who voted against": the list is the subject, the count comes after "were the".
_NAMED_FIRST = re.compile(rf"^\s*(?P<items>(?:{_LIST_NAME},\s+){{1,}}{_LIST_NAME},?\s+(?:and|&)\s+{_LIST_NAME})\b")
_COUNT_AFTER_LIST = re.compile(r"\b(?:were|are)\s+(?:the|all|all\s+the)\s+$")
# "A, B, C, D and E - the six winners of ...": the count in apposition right after the list.
_COUNT_IN_APPOSITION = re.compile(
    r",?\s+[-–—]\s+(?:(?:the|all|all\s+the)\s+)?"
)  # "A, B and C - five officials in all -"


def _list_named_first(text: str, count_start: int) -> tuple[int, int, int] | None:
    """(number of names, start, end) of the list that opens the sentence, if the count at
    `count_start` is said of it ("A, B and C ... were the three ...")."""
    match = _NAMED_FIRST.match(text)
    if match is None or not _COUNT_AFTER_LIST.search(text[match.end() : count_start]):
        match = next(
            (
                m
                for m in _LIST.finditer(text, 0, count_start)
                if _COUNT_IN_APPOSITION.fullmatch(text, m.end(), count_start)
            ),
            None,
        )
        if match is None:
            return None
    if "." in text[match.end() : count_start]:
        return None
    items = [i for i in _ITEM_SEPARATOR.split(match.group("items")) if i.strip()]
    return len(items), match.start("items"), match.end("items")


def _count_list_flag(
    doc: Document, q: Quantity, count: int, list_start: int, list_end: int, where: Sentence, confidence: float
) -> Flag:
    side = "precedes it" if list_end <= q.start else "follows"
    return Flag(
        doc,
        q.start,
        q.end,
        f"Says {q.text!r} but the list that {side} names {count}: {doc.text[list_start:list_end]!r}.",
        suggestion=f"Make the count and the list agree ({_fmt(q.value)} vs {count}).",
        confidence=confidence,
        evidence=(Evidence.from_span(doc, where.start, where.end),),
        severity=_severity(confidence, False),
        data=(("kind", "count-list"), ("count", q.value), ("listed", count)),
    )


def _days_differ(dates: Iterable[DateMention], other_dates: Iterable[DateMention]) -> bool:
    """Do both sentences name a day of their own (not a day of saying), and never the same one?"""

    def days(mentions: Iterable[DateMention]) -> set[date]:
        return {d.earliest for d in mentions if d.granularity == "day" and d.earliest and d.event != "say"}

    mine, others = days(dates), days(other_dates)
    return bool(mine and others and not mine & others)


def _window_text(dates: Iterable[DateMention]) -> str | None:
    for d in dates:
        if d.relation == "window":
            return re.sub(r"\s+", " ", d.text.lower())
    return None


@rule("C004", "count-list-mismatch", Category.CONTRADICTION, Severity.WARNING, english_only=True, scope=DOCUMENT)
def check_count_vs_list(ctx: CheckContext) -> Iterable[Flag]:
    """A stated count disagrees with the list of names that follows it in the same article.

    What it flags: "N <things>" followed (in the same or the next two sentences) by a complete
    list (not "including ...") of the same things with a different number of names, when both
    refer to the same period or event.
    Why it matters: either the count or the list is wrong, and readers will repeat whichever
    they see first; an editor can fix it before publication.
    Example: "The Taliban have toppled six provincial capitals in the past 24 hours" followed by
    "The centres of Kandahar, Helmand, Herat, Badghis, Ghor, Logar, Zabul, and Oruzgan provinces
    fell to the Taliban in the past 24 hours" (eight names).
    """
    flags = list(_count_list_flags(ctx))
    return [*flags, *_vote_list_flags(ctx, flags)]


# A vote's count for one side against the voters an article names for that side: "with 15 senators
# voting in favor, three against and two abstaining", then "Voting against the measure were
# Senators A, B, C and D" (or "A, B and C voted against").
_SIDE = {"against": r"against", "for": r"(?:in\s+favou?r|for)"}
# "Voting against the measure were", "Those who voted for it:" before the list; "voted against" after it.
_SIDE_LEAD_IN = {
    side: re.compile(rf"\b(?:voting|voted|votes?)\s+{words}\b[^.;:]{{0,60}}?(?:\b(?:were|was)|:)\s*$", re.I)
    for side, words in _SIDE.items()
}
_SIDE_AFTER = {
    side: re.compile(rf"^\s*(?:all\s+|each\s+)?(?:voted|voting)\s+{words}\b", re.I) for side, words in _SIDE.items()
}
_SOME_OF_THEM = re.compile(r"\b(?:among|including|include|included|such\s+as|some|several|others?)\b", re.I)


def _vote_list_flags(ctx: CheckContext, reported: Sequence[Flag]) -> Iterator[Flag]:
    """Each tally's count for a side against the list of that side's voters, once per tally (a
    count the quantity path already flagged is not flagged again)."""
    taken = {(f.doc.id, f.start) for f in reported}
    for doc in ctx.documents:
        active = doc.active_sentences()
        for position, sentence in enumerate(active):
            for tally in vote_tallies(sentence.text):
                for side, count in (("for", tally.in_favour), ("against", tally.against)):
                    if count is None or not 2 <= count <= 40 or (doc.id, sentence.start + tally.start) in taken:
                        continue
                    flag = _side_list_flag(
                        doc, sentence, tally, side, count, active[position : position + 1 + LIST_LOOKAHEAD]
                    )
                    if flag is not None:
                        yield flag
                        break


def _side_list_flag(
    doc: Document, sentence: Sentence, tally: VoteTally, side: str, count: int, followers: Sequence[Sentence]
) -> Flag | None:
    """The flag when a list of names said to have voted for `side` after the tally holds another
    number of names than the tally's count; None when the lists agree or none is said to be that side's."""
    for follower in followers:
        offset = tally.end if follower is sentence else 0
        text = follower.text[offset:]
        for counts, start, end in _list_items(text):
            lead_in = text[:start]
            if _SOME_OF_THEM.search(lead_in) or not (
                _SIDE_LEAD_IN[side].search(lead_in) or _SIDE_AFTER[side].match(text[end:])
            ):
                continue  # "Among those who opposed were": some of them; or a list of something else
            if count in counts:
                return None
            listed = min(counts, key=lambda n: abs(n - count))
            list_start, list_end = follower.start + offset + start, follower.start + offset + end
            confidence = 0.6
            return Flag(
                doc,
                sentence.start + tally.start,
                sentence.start + tally.end,
                f"Says {tally.text!r} but the list of those who voted {side} names {listed}: "
                f"{doc.text[list_start:list_end]!r}.",
                suggestion=f"Make the count and the list agree ({count} vs {listed}).",
                confidence=confidence,
                evidence=(Evidence.from_span(doc, follower.start, follower.end),),
                severity=_severity(confidence, False),
                data=(("kind", "count-list"), ("count", count), ("listed", listed)),
            )
    return None


def _count_list_flags(ctx: CheckContext) -> Iterator[Flag]:
    facts = document_facts(ctx)
    for doc in ctx.documents:
        doc_facts = facts[doc.id]
        active = doc.active_sentences()
        for position, sentence in enumerate(active):
            sentence_facts = doc_facts.in_sentence(sentence.index)
            for q in sentence_facts.quantities:
                if not q.noun or q.kind not in ("exact", "approximate", "lower_bound", "upper_bound") or is_measure(q):
                    continue  # "five years" is no count of names
                if not 2 <= q.value <= 40:
                    continue
                window = _window_text(sentence_facts.dates)
                named_first = _list_named_first(sentence.text, q.start - sentence.start)
                if named_first and not q.low <= named_first[0] <= q.high:
                    count, s, e = named_first
                    yield _count_list_flag(doc, q, count, sentence.start + s, sentence.start + e, sentence, 0.6)
                    continue
                for follower in active[position : position + 1 + LIST_LOOKAHEAD]:
                    text = follower.text
                    offset = q.end - follower.start if follower is sentence else 0
                    if offset >= len(text):
                        continue
                    follower_facts = doc_facts.in_sentence(follower.index)
                    for counts, s, e in _list_items(text[offset:]):
                        if any(q.low <= count <= q.high for count in counts):
                            continue  # "Four candidates: Republicans A, B and C, and Democrat D"
                        count = min(counts, key=lambda n: abs(n - q.value))
                        lead_in = follower is not sentence and (
                            _LIST_LEAD_IN.fullmatch(text[offset : offset + s])
                            or _names_what_was_counted(text[offset : offset + s], sentence.text)
                            or (
                                not text[offset : offset + s].strip()
                                and _same_predicate(text[offset + e :], sentence.text)
                            )
                        )
                        in_apposition = (
                            follower is sentence
                            and _APPOSITION.fullmatch(text[offset : offset + s])
                            and not re.match(r"\s*(?:said|says|told|added)\b", text[offset + e :])
                            and not _PARTITIVE_BEFORE.search(text[: q.start - follower.start])
                        )
                        if (
                            not _noun_beside_list(q, text[offset:], s, e)
                            and not lead_in
                            and not in_apposition
                            and not (
                                follower is sentence
                                and _introduces_list(text[offset : offset + s], text[: q.start - follower.start])
                                and not any(
                                    other.noun
                                    and not is_measure(other)  # "a 20-year concession" counts nothing
                                    and q.end < other.start < follower.start + offset + s
                                    for other in sentence_facts.quantities
                                )
                            )
                        ):
                            continue  # the list names other things ("four seasons ... under Brown, Lynam and Moe")
                        if (
                            follower is not sentence
                            and (
                                _LIST_LEAD_IN.fullmatch(text[offset : offset + s])
                                or _group_lead_in(text[offset : offset + s])
                            )
                            and any(
                                other is not q and other.noun and not is_measure(other)
                                for other in sentence_facts.quantities
                            )
                        ):
                            continue  # "three daughters and two sons. They are ..." / "The team": all of them
                        if follower is not sentence and _narrower_noun(q, text[offset : offset + s], sentence.text):
                            continue  # "nine medals in all ... The gold medals went to A, B, C and D"
                        other_window = _window_text(follower_facts.dates)
                        if follower is not sentence and (window or other_window) and window != other_window:
                            continue  # "six in the past 24 hours" vs a list of all of them so far
                        if follower is not sentence and _days_differ(sentence_facts.dates, follower_facts.dates):
                            continue  # "three were arrested on Monday" vs those arrested on Tuesday
                        confidence = 0.8 if window and window == other_window else 0.6
                        list_start, list_end = follower.start + offset + s, follower.start + offset + e
                        yield _count_list_flag(doc, q, count, list_start, list_end, follower, confidence)
                        break
