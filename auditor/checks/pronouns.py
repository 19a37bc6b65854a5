"""Pronoun-gender slips (G010): "Deborah Lyons has called on ... he said".

Persian, Turkish, Urdu and Chinese do not mark gender on third-person pronouns, so machine
translation from them guesses, and often guesses "he". The rule finds named people whose
first name is clearly male or female (gender-guesser's first-name data), and flags a
pronoun of the other gender when that person is the only one it can refer to: no other
person, role ("a military official"), or unknown name stands within reach, and the pronoun
is not inside a quotation, where the speaker may be talking about someone else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from auditor.checks.registry import DOCUMENT, CheckContext, rule
from auditor.facts.names import first_name_gender
from auditor.model import Category, Document, Evidence, Flag, Sentence, Severity

# Sentences before the pronoun's own sentence in which its referent may stand.
LOOKBACK_SENTENCES = 1
# Sentences before the referent in which a pronoun of the other gender shows an ongoing topic.
CHAIN_SENTENCES = 3

PRONOUNS = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
PRONOUN_FOR = {"male": "he", "female": "she"}

# Single nouns for a person: an unnamed one is a possible referent that blocks the rule.
PERSON_NOUNS = {
    "official",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "president",
    "envoy",
    "representative",
    "leader",
    "chief",
    "general",
    "governor",
    "member",
    "ambassador",
    "secretary",
    "adviser",
    "advisor",
    "analyst",
    "soldier",
    "witness",
    "resident",
    "source",
    "man",
    "woman",
    "boy",
    "girl",
    "king",
    "queen",
    "prince",
    "princess",
    "father",
    "mother",
    "son",
    "daughter",
    "husband",
    "wife",
    "brother",
    "sister",
    "officer",
    "director",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "mayor",
    "senator",
    "lawmaker",
    "diplomat",
    "journalist",
    "reporter",
    "correspondent",
    "doctor",
    "teacher",
    "student",
    "victim",
    "suspect",
    "driver",
    "farmer",
    "worker",
    "villager",
    "elder",
    "cleric",
    "mullah",
    "warlord",
    "fighter",
    "militant",
    "insurgent",
    "commissioner",
    "judge",
    "prosecutor",
    "lawyer",
    "candidate",
    "negotiator",
    "mediator",
    "deputy",
    "premier",
    "chancellor",
    "emir",
    "sheikh",
    "guard",
    "pilot",
    "coordinator",
    "counterpart",
    "aide",
    "founder",
    "owner",
    "citizen",
    "colonel",
    "captain",
    "lieutenant",
    "sergeant",
    "major",
    "admiral",
    "marshal",
    "nominee",
    "speaker",
    "monarch",
    "person",
    "individual",
    "activist",
    "expert",
    "researcher",
    "professor",
    "scholar",
    "author",
    "writer",
    "official's",
}
GENDERED_NOUNS = {
    "spokesman": "male",
    "spokeswoman": "female",
    "man": "male",
    "woman": "female",
    "boy": "male",
    "girl": "female",
    "king": "male",
    "queen": "female",
    "prince": "male",
    "princess": "female",
    "father": "male",
    "mother": "female",
    "son": "male",
    "daughter": "female",
    "husband": "male",
    "wife": "female",
    "brother": "male",
    "sister": "female",
    "chairman": "male",
    "chairwoman": "female",
    "mr": "male",
    "mrs": "female",
    "ms": "female",
    "miss": "female",
    "sir": "male",
    "lady": "female",
    "lord": "male",
}
HONORIFICS = {"mr", "mrs", "ms", "miss", "sir", "dame", "lady", "lord"}
# Capitalised words that make a name an organisation or a place, not a person.
NON_PERSON_WORDS = {
    "council",
    "nations",
    "union",
    "forces",
    "army",
    "ministry",
    "department",
    "office",
    "party",
    "government",
    "agency",
    "bank",
    "organization",
    "organisation",
    "committee",
    "commission",
    "court",
    "assembly",
    "parliament",
    "senate",
    "congress",
    "house",
    "university",
    "times",
    "news",
    "post",
    "airport",
    "province",
    "district",
    "city",
    "street",
    "sea",
    "river",
    "mountains",
    "pass",
    "republic",
    "kingdom",
    "states",
    "federation",
    "front",
    "group",
    "company",
    "corp",
    "inc",
    "ltd",
    "airlines",
    "institute",
    "center",
    "centre",
    "foundation",
    "fund",
    "alliance",
    "movement",
    "network",
    "taliban",
    "press",
    "club",
    "school",
    "hospital",
    "bridge",
    "square",
    "road",
    "avenue",
    "county",
    "region",
    "corps",
    "directorate",
    "police",
    "guard",
    "command",
    "initiative",
    "summit",
}
NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "van", "von", "da", "di", "du", "la", "le", "abu", "ul", "ud"}

SPEECH_AFTER = re.compile(
    r"['’]?s?,?\s+(?:said|says|told|tells|added|adds|wrote|writes|noted|explained|asked|replied)\b"
)
# "Pentagon spokesman", "Kunduz provincial council member": the capitalised word is an attribute.
ROLE_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:" + "|".join(sorted(PERSON_NOUNS)) + r")\b")
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("''", "''"), ("‘", "’"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A possible referent of a pronoun: a named person, a role noun, or an unknown name."""

    start: int  # document offsets
    end: int
    gender: str | None  # "male" | "female" | None (unknown)
    confidence: float  # how sure the gender is
    name: str | None = None  # set for named people
    surname: str | None = None
    full: bool = False  # the mention gives the given name, not the surname alone


@lru_cache(maxsize=65536)  # asked for every capitalised word; wordfreq tokenizes on each call
def _is_common_word(word: str) -> bool:
    """A frequent English word that is not a given name ('The', 'Meanwhile', 'Afghan' is not)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= 5.0 and first_name_gender(word)[0] is None


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and not token.isupper()


_POSSESSIVE = re.compile(r"['’]s?$")


def _strip_possessive(token: str) -> str:
    return _POSSESSIVE.sub("", token) if token.endswith(("'", "’", "s")) else token


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (straight or typographic) within one sentence or paragraph."""
    spans = []
    for opening, closing in QUOTE_PAIRS:
        if opening == closing:
            positions = [m.start() for m in re.finditer(re.escape(opening), text)]
            spans += [(positions[i], positions[i + 1]) for i in range(0, len(positions) - 1, 2)]
        else:
            for m in re.finditer(
                re.escape(opening) + r"[^" + re.escape(closing) + r"]*(?:" + re.escape(closing) + "|$)", text
            ):
                spans.append((m.start(), m.end()))
    return spans


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def person_mentions(doc: Document, sentence: Sentence, known: dict[str, Mention]) -> list[Mention]:
    """People a later pronoun may refer to, in order: named people, surnames seen before, roles,
    and capitalised words that may be people of unknown gender ("Palin told...")."""
    text = sentence.text
    tokens = [(m.group(), sentence.start + m.start(), sentence.start + m.end()) for m in TOKEN.finditer(text)]
    # Each token's possessive-free form and its capitalisation, worked out once: the loops below
    # look at most tokens several times.
    bare = [_strip_possessive(word) for word, _, _ in tokens]
    capitalised = [_is_capitalised(word) for word in bare]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        word, start, end = tokens[i]
        if not capitalised[i]:
            if bare[i].lower() in PERSON_NOUNS:
                mentions.append(_role(start, end, word))
            i += 1
            continue
        # A run of capitalised words (with name particles) not broken by punctuation: a possible name.
        j = i
        run: list[int] = []
        while j < len(tokens) and (capitalised[j] or tokens[j][0].lower() in NAME_PARTICLES):
            if run and doc.text[tokens[j - 1][2] : tokens[j][1]].strip():
                break
            run.append(j)
            j += 1
            if tokens[j - 1][0].endswith(("'s", "’s")):
                break
        i = max(j, i + 1)
        while run and tokens[run[-1]][0].lower() in NAME_PARTICLES:
            run.pop()
        # Sentence-initial and other common words are not part of a name ("The", "Meanwhile"),
        # unless they are a surname already met ("Felt" after "Mark Felt").
        while run and len(run) > 0 and _is_common_word(bare[run[0]]):
            if len(run) == 1 and bare[run[0]] in known:
                break
            lead = bare[run[0]]
            if _is_role(lead):
                mentions.append(_role(tokens[run[0]][1], tokens[run[0]][2], lead))
            run.pop(0)
        words = [bare[k].rstrip(".") for k in run]
        if not words:
            continue
        span = (tokens[run[0]][1], tokens[run[-1]][2])
        if len(words) >= 2 and not any(w.lower() in NON_PERSON_WORDS for w in words):
            mention = _named_person(words, tokens, run)
            if mention:
                mentions.append(mention)
                _remember(known, mention)
                continue
        if len(words) == 1:
            only = words[0]
            if only in known:  # "Lyons said" after "Deborah Lyons"
                previous = known[only]
                mentions.append(Mention(*span, previous.gender, previous.confidence, previous.name, only))
            elif _is_role(only):
                mentions.append(_role(*span, only))
            elif SPEECH_AFTER.match(text, span[1] - sentence.start) or (
                _may_be_person(only) and not ROLE_AFTER.match(text, span[1] - sentence.start)
            ):
                mentions.append(Mention(*span, None, 0.0))  # "Palin told...", "White said..."
    return _absorb_titles(mentions, text, sentence.start)


def _is_role(word: str) -> bool:
    return any(part.lower() in PERSON_NOUNS for part in word.split("-"))


def _role(start: int, end: int, word: str) -> Mention:
    gender = GENDERED_NOUNS.get(_strip_possessive(word).lower())
    return Mention(start, end, gender, 0.9 if gender else 0.0)


@lru_cache(maxsize=65536)  # a pure function of the word, asked for most lone capitalised words
def _may_be_person(word: str) -> bool:
    """A lone capitalised word that could name a person: not a country, organisation or common word."""
    from wordfreq import zipf_frequency

    from auditor.checks.plausibility import countries_in

    if word.lower() in NON_PERSON_WORDS or countries_in(word) or word in _subdivision_names():
        return False
    return zipf_frequency(word.lower(), "en") < 4.0


@lru_cache(maxsize=1)
def _subdivision_names() -> frozenset[str]:
    """One-word names of provinces, states and regions (ISO 3166-2): places, not people."""
    import pycountry

    return frozenset(s.name for s in pycountry.subdivisions if " " not in s.name)


def _remember(known: dict[str, Mention], mention: Mention) -> None:
    """Record a surname; one shared by people of different genders (a family) stays ungendered."""
    surname = mention.surname or ""
    previous = known.get(surname)
    if previous and previous.name != mention.name and previous.gender != mention.gender:
        mention = Mention(mention.start, mention.end, None, 0.0, mention.name, surname)
    known[surname] = mention


def _named_person(words: list[str], tokens: list[tuple[str, int, int]], run: list[int]) -> Mention | None:
    """The person a run of capitalised words names, from the given name or honorific nearest the surname.

    Scanning back from the surname skips titles and places in front ("German Chancellor Angela
    Merkel", "Representative ... for Afghanistan Deborah Lyons") and stops at a title or a common word.
    """
    end = tokens[run[-1]][2]
    for position in range(len(words) - 2, -1, -1):
        word = words[position]
        lower = word.lower()
        if lower in HONORIFICS:
            gender = GENDERED_NOUNS.get(lower)
            return Mention(
                tokens[run[position]][1], end, gender, 0.9 if gender else 0.0, " ".join(words), words[-1], True
            )
        if lower in NAME_PARTICLES or re.fullmatch(r"[A-Z]\.?", word):
            continue  # "bin", "al", a middle initial
        if _is_role(word) or _is_common_word(word):
            break
        gender, confidence = first_name_gender(word)
        if gender:
            name = " ".join(words[position:])
            return Mention(tokens[run[position]][1], end, gender, confidence, name, words[-1], True)
    # Capitalised words with no known given name: a person of unknown gender (or a place): a blocker.
    if len(words) <= 4:
        return Mention(tokens[run[0]][1], end, None, 0.0, " ".join(words), words[-1])
    return None


def _absorb_titles(mentions: list[Mention], text: str, offset: int) -> list[Mention]:
    """Drop role nouns that are a named person's title or apposition ('Pentagon spokesman John Kirby',
    'Mohammed Tayab, a Pakistani paramilitary official,'): they are the same person, not another."""
    named = [m for m in mentions if m.name]
    kept = []
    for mention in mentions:
        if mention.name is None:
            title_of = any(
                0 <= n.start - mention.end <= 60 and _only_capitalised(text[mention.end - offset : n.start - offset])
                for n in named
            ) or any(
                0 <= mention.start - n.end <= 40
                and text[n.end - offset : mention.start - offset].lstrip().startswith(",")
                for n in named
            )
            if title_of:
                continue
        kept.append(mention)
    return kept


def _only_capitalised(gap: str) -> bool:
    """Whether the words between a title and a name are all part of the title ('for Afghanistan' is)."""
    words = TOKEN.findall(gap)
    return not re.search(r"[,;:()]", gap) and all(w[:1].isupper() or w in {"of", "for", "the"} for w in words)


def _headline_case(text: str) -> bool:
    """Title Case lines (most words of four letters or more capitalised)."""
    long_words = [w for w in TOKEN.findall(text) if len(w) >= 4]
    return len(long_words) >= 3 and sum(w[:1].isupper() for w in long_words) / len(long_words) > 0.6


def _document_quotes(doc: Document) -> list[tuple[int, int]]:
    """Quoted spans of a document, found line by line (a quote may run over several sentences)."""
    spans = []
    for line in re.finditer(r"[^\n]+", doc.text):
        spans += [(line.start() + a, line.start() + b) for a, b in _quoted_spans(line.group())]
    return spans


SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
ANY_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.IGNORECASE)


def find_pronoun_slips(doc: Document, sentences: list[Sentence]) -> Iterator[Flag]:
    known: dict[str, Mention] = {}
    mentions_by_sentence: list[list[Mention]] = []
    quoted = _document_quotes(doc)
    for position, sentence in enumerate(sentences):
        if _headline_case(sentence.text):
            # "Lindsay Lohan Checks Into Betty Ford Rehab": capitals do not mark names here.
            mentions_by_sentence.append([Mention(sentence.start, sentence.end, None, 0.0)])
            continue
        mentions = person_mentions(doc, sentence, known)
        mentions_by_sentence.append(mentions)
        # Only subject pronouns: "his", "him" and "her" often point at someone else in the clause.
        for match in SUBJECT_PRONOUN.finditer(sentence.text):
            at = sentence.start + match.start()
            if _in_spans(at, quoted):
                continue  # a quoted speaker may mean someone else
            pronoun = match.group().lower()
            gender = PRONOUNS[pronoun]
            first = max(0, position - LOOKBACK_SENTENCES)
            window = [m for s in mentions_by_sentence[first:position] for m in s]
            window += [m for m in mentions if m.end <= at]
            if not window or any(m.gender in (gender, None) for m in window):
                continue  # someone of the pronoun's gender, or of unknown gender, could be meant
            named = [m for m in window if m.name]
            if not named or len({m.name for m in named}) != 1:
                continue
            person = named[-1]
            if not person.full:
                continue  # a surname alone may be another member of a family ("sister Katie Jenkin" ... "Jenkin")
            chain_start = max(0, position - LOOKBACK_SENTENCES - CHAIN_SENTENCES)
            recent = [m for s in mentions_by_sentence[chain_start:] for m in s]
            if _ongoing_chain(doc, sentences, position, recent, gender, at):
                continue
            confidence = person.confidence
            replacement = _match_case(match.group(), PRONOUN_FOR[person.gender or "male"])
            yield Flag(
                doc,
                at,
                at + len(match.group()),
                f"'{match.group()}' refers back to {person.name}, whose first name is usually {person.gender} "
                f"(gender-guesser); a pronoun-gender slip typical of machine translation",
                suggestion=replacement,
                confidence=confidence,
                severity=Severity.INFO if confidence < 0.8 else None,
                evidence=(Evidence.from_span(doc, person.start, person.end),),
            )


def _ongoing_chain(
    doc: Document, sentences: list[Sentence], position: int, mentions: list[Mention], gender: str, at: int
) -> bool:
    """Whether a pronoun of the same gender was already in use shortly before: then the text is
    following another person (often the story's subject) and this pronoun may well be theirs."""
    first = max(0, position - LOOKBACK_SENTENCES - CHAIN_SENTENCES)
    start = sentences[first].start
    if any(
        PRONOUNS[m.group().lower()] == gender and start + m.start() != at
        for m in ANY_PRONOUN.finditer(doc.text[start:at])
    ):
        return True
    return any(m.gender == gender and m.start >= start and m.end <= at for m in mentions)


def _match_case(template: str, word: str) -> str:
    return word[:1].upper() + word[1:] if template[:1].isupper() else word


@rule("G010", "pronoun-gender-slip", Category.GARBLE, Severity.WARNING, english_only=True, scope=DOCUMENT)
def pronoun_gender_slip(ctx: CheckContext) -> Iterable[Flag]:
    """A pronoun whose gender contradicts the only person it can refer to.

    What it flags: "he/him/his" after a woman's name, or "she/her" after a man's, when that
    named person is the only possible referent within the pronoun's sentence and the two
    sentences before it: no other person, unnamed role ("a military official"), or name of
    unknown gender stands in between, and the pronoun is not inside a quotation. The gender
    of a first name comes from gender-guesser's first-name data; names it marks as
    androgynous or does not know are never judged, and "mostly" male or female names give
    a low-confidence info finding.

    Why it matters: Persian, Turkish, Urdu and Chinese have no gendered third-person pronoun,
    so machine translation from them guesses "he"; the slip tells a fact-checker the text
    is machine-translated and that the attribution of the quote needs checking.

    Example: "Representative of the UN Secretary-General for Afghanistan Deborah Lyons has
    called on the Security Council ... The increase in conflict in Afghanistan means increased
    insecurity in many other countries, near and far, he said." -> "she said".
    """
    for doc in ctx.documents:
        yield from find_pronoun_slips(doc, doc.active_sentences())
