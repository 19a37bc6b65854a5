"""Dates and time windows, resolved against the publication date, and the event each attaches to.

Absolute: "July 25", "16 Aug 2021", "September 11, 2001", "August 5-10", "in 2001", "in May".
Relative: "on Tuesday", "last week", "in the past 24 hours", "by the end of August",
"in less than a week", "in recent days". Month-day dates without a year take the year that puts
them closest to the publication date (news rarely names a date more than six months away
without its year). Absolute strings are parsed with `dateparser`; weekdays and windows are
resolved here because news reads "on Tuesday" as the latest Tuesday up to the publication day.

Each date attaches to the event word it modifies: "the withdrawal ... due to be completed by the
end of August" -> event "withdraw" with relation "by" (a deadline); "the attacks of September 11,
2001" -> event "attack".
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from auditor.facts.model import DateMention
from auditor.facts.numerals import NUMBER_WORDS
from auditor.facts.words import singular, stem, word_set
from auditor.model import Sentence

_MONTH_NAMES = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
_MONTH_ABBR = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
MONTH = rf"(?:{'|'.join(_MONTH_NAMES)}|(?:{_MONTH_ABBR})\.?)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PERIOD_MODIFIER = r"(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|mid|late)[\s-]+"
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty-four": 24, "48": 48, "24": 24,
}  # fmt: skip
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}
_AMOUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four|few|several)"

# The words between the two days of a stretch in one month: "August 5-10", "23 to 29 September".
_DAYS_TO = r"(?:\s*[-–]\s*|\s+(?:to|until|through)\s+)"
# After "May 5 to 10": a count, not the stretch's last day ("to 10 people", "to 10 percent").
_NOT_A_DAY = r"[.,]?\d|\s*%|\s+(?:per|percent|people|of)\b"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "August 5-10", "September 23 to 29", "July 25", "September 11, 2001", "July 4th"
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DAYS_TO}(?P<day2>\d{{1,2}})\b(?!{_NOT_A_DAY}))?"
            rf"(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d))?\b"
        ),
    ),
    # "16 Aug 2021", "25 July", "23 to 29 September"
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DAYS_TO}(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?P<month>{MONTH})"
            rf"(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d))?\b"
        ),
    ),
    # "by the end of August", "in May", "since early May", "August 2021"
    (
        "month",
        re.compile(
            rf"(?:\b(?P<prep>in|since|by|until|till|from|of|during|through|before|after)\s+)?"
            rf"(?P<mod>{_PERIOD_MODIFIER})?(?P<month>{MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    # "in 2001", "since 2001"
    ("year", re.compile(r"\b(?P<prep>in|since|by|until|from|of|during|before|after)\s+(?P<year>(?:19|20)\d\d)\b")),
    # "on Tuesday", "last Friday", "Sunday"
    # ...but not the weekday of a date written out beside it: "on Saturday, December 20" is one day.
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<which>last|next|this|on|since|by|until)\s+)?(?P<weekday>{WEEKDAY})\b"
            rf"(?!,?\s+(?:{MONTH}\s+\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}))"
        ),
    ),
    # "in the past 24 hours", "over the last two weeks", "in recent days"
    (
        "window",
        re.compile(
            rf"\b(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>{_AMOUNT})\s+)?"
            rf"(?P<unit>hour|day|week|month|year)s?\b|\bin\s+recent\s+(?P<recent>day|week|month)s\b",
            re.IGNORECASE,
        ),
    ),
    # "in less than a week", "within two days", "in 10 days"
    (
        "ahead",
        re.compile(
            rf"\b(?:in|within)\s+(?:(?P<bound>less than|under|about|around)\s+)?(?P<n>{_AMOUNT})\s+"
            rf"(?P<unit>hour|day|week|month|year)s?\b(?!\s+(?:ago|of|before|after))",
            re.IGNORECASE,
        ),
    ),
    # "three days ago"
    (
        "ago",
        re.compile(rf"\b(?P<n>{_AMOUNT})\s+(?P<unit>hour|day|week|month|year)s?\s+ago\b", re.IGNORECASE),
    ),
    # "last week", "next month", "earlier this year", "yesterday"
    (
        "relative",
        re.compile(
            r"\b(?:(?P<which>last|next|this|earlier this|later this|the coming|the past)\s+"
            r"(?P<unit>week|weekend|month|year)|(?P<word>yesterday|today|tomorrow|tonight))\b",
            re.IGNORECASE,
        ),
    ),
]

_MONTH_CUE = re.compile(rf"\b{MONTH}")
_UNIT_CUE = re.compile(r"(?i)\b(?:hour|day|week|weekend|month|year)s?\b|\b(?:yesterday|today|tomorrow|tonight)\b")
# A cheap test per pattern kind: the pattern can only match if its cue word is there.
_CUES: dict[str, re.Pattern[str] | None] = {
    "month_day": _MONTH_CUE,
    "day_month": _MONTH_CUE,
    "month": _MONTH_CUE,
    "year": re.compile(r"\b(?:19|20)\d\d\b"),
    "weekday": re.compile(rf"\b{WEEKDAY}\b"),
    "window": _UNIT_CUE,
    "ahead": _UNIT_CUE,
    "ago": _UNIT_CUE,
    "relative": _UNIT_CUE,
}

# Words that name when something happens rather than what: they set the relation ("by" a
# deadline) and the date attaches to the event word before them ("withdrawal ... completed by").
_ASPECT_END = word_set(
    """
    complete completed completion completing finish finished end ended ending full entire final
    deadline due
    """
)
ASPECT_START = word_set(
    """
    start starts started starting begin begins began beginning begun launch launched onset underway commence
    commences commenced
    """
)
# Two-word aspects, read at their second word: "the exercise will kick off on October 1", "work will
# get under way on September 2".
PHRASAL_START = {("kick", "off"), ("kicks", "off"), ("kicked", "off"), ("under", "way")}
# Head nouns that name a stretch of an activity, not the activity: "the crushing season", "the
# vaccination exercise", "a registration drive"; the event is the eventive word before them.
_PERIOD_NOUNS = word_set("season exercise campaign drive period phase programme program window")
# Function words and reporting verbs are never the event.
_NOT_EVENT = word_set(
    """
    a an the of in on at by for to from with and or but as than that which who its their his her it
    they he she we was were is are be been being have has had will would could should may might can
    did do does said says say told tell reported according also not no so if then there here into
    out up over after before since during while when where this these those all some any most more
    less very just still already now expected expect plans plan planned announced announce officials
    official unconditionally night day week month year time times national holiday about around
    nearly almost early late mid end start beginning including government governments parliament
    department equipment environment element according happen happened happens occurred occur occurs
    took take takes place held came made posted published updated filed
    coalition coalitions nation nations station stations population institution institutions
    evening evenings morning mornings afternoon afternoons
    federation foundation organisation organization administration association corporation
    """
)
# A date after a verb of saying (before any event word) dates the statement: "Kirby said Monday".
SAYING_VERBS = word_set(
    """
    said says say told tells stated announced reported warned wrote added noted
    """
)
# What a date's clause reports rather than names: "... will begin on June 3, the company has confirmed".
_REPORTING_VERBS = SAYING_VERBS | word_set("confirmed confirms disclosed revealed explained insisted")
_EVENT_WORD = re.compile(r"[A-Za-z][A-Za-z\-]+")
# Common news predicates that carry no eventive suffix; other events are read off their
# shape (-tion, -ment, -ure, -ed, -ing nouns and verbs) so the list need not be complete.
EVENT_WORDS = word_set(
    """
    attack attacks assault offensive strike strikes raid raids war withdraw withdrawal withdrawals
    pullout exit leave left meet met meeting talks talk negotiations vote votes poll polls election
    summit deal truce ceasefire visit visits launch fall fell fall seize seized capture captured
    invade invaded invasion arrest arrested release released kill killed die died crash crashes fire
    fires flood floods quake earthquake explosion blast bombing shooting protest protests riot riots
    trial verdict sentence ruling handover takeover coup drills drill exercise exercises operation
    deadline departure arrival return returned signing signed sign resign resigned resignation rally
    march collapse surrender pull open opens opened reopen reopens reopened gather gathers convene convenes
    decision decisions judgment judgement land lands landed landing
    theft thefts stolen stole steal steals robbery robbed burglary break-in heist
    ascent climb climbed
    """
)
# "crossing", "building", "settlement": more often things than events; used only when nothing better.
_WEAK_EVENT = re.compile(r"(?:ings?|ments?|ures?)$")
_EVENT_SHAPE = re.compile(r"(?:tion|sion|ment|ure|als?|ings?|ed)$")
_ADJECTIVE_AL = re.compile(r"(?:ional|cal|cial|nal|ral|tal|ual|ial|ntal)$")  # "cal": local, political


# "by-elections", "re-vote": the same event as the word after the prefix.
_EVENT_PREFIX = re.compile(r"^(?:by|re)-(?=[a-z]{4})")
# A word of three or more letters, a hyphen, a participle: "long-awaited", "much-delayed", "state-owned"
# ("co-hosted", "re-elected" keep their prefix's event).
_ADJECTIVE_COMPOUND = re.compile(r"^[a-z]{3,}-[a-z]+ed$")


def is_known_event(lower: str) -> bool:
    """Is the (lower-case) word one of the known event nouns and verbs, or its plural ("elections",
    "trials")?"""
    return lower in EVENT_WORDS or singular(lower) in EVENT_WORDS


def is_eventive(word: str) -> bool:
    """Does the word name an event (a predicate), not a participant or a place?"""
    lower = _EVENT_PREFIX.sub("", word.lower())
    if is_known_event(lower):
        return True
    if lower in _NOT_EVENT or len(lower) < 5:
        return False
    if _ADJECTIVE_COMPOUND.match(lower):
        return False  # "long-awaited", "state-owned": a description, not an event
    if lower.rstrip("s").endswith("al") and _ADJECTIVE_AL.search(lower.rstrip("s")):
        return lower in ("withdrawal", "removal", "approval", "arrival", "dismissal", "referral", "renewal", "trial")
    return bool(_EVENT_SHAPE.search(lower))


@lru_cache(maxsize=4096)
def _parse_absolute(text: str, base: date | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    # Our patterns hand over "Month D YYYY"; the format list keeps dateparser on its fast path
    # (strptime) instead of trying every locale and relative parser (~100 ms a call).
    parsed = dateparser.parse(text, date_formats=["%B %d %Y"], languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _month_number(name: str) -> int:
    key = name.rstrip(".")[:3].lower()
    return [m[:3].lower() for m in _MONTH_NAMES].index(key) + 1


# Words before a date that put it ahead of the publication: "elections will be held on
# September 16", "the trial is set to begin on June 10", "plans to reopen in May".
_FUTURE = re.compile(
    r"\b(?:will|shall|set to|due to|scheduled|expected to|plans? to|planned|is to|are to|going to|upcoming)\b"
    r"|'ll\b|’ll\b",
    re.IGNORECASE,
)


# Between a future marker and a weekday, words that end the future clause: "will ... said on
# Monday", "was due to ... but was called off on Friday".
_FUTURE_CLAUSE_ENDS = re.compile(r"\b(?:said|says|told|announced|was|were|had|but|after|when)\b|[;:]")
FUTURE_WEEKDAY_WINDOW = 40  # characters: the marker is in the weekday's own clause


def future_clause(text: str, start: int) -> bool:
    """Does the clause before `start` speak of the future ("schools will remain closed on Monday",
    "is due to land on Friday")? Then an undated weekday is the coming one, not the last."""
    window = text[max(0, start - FUTURE_WEEKDAY_WINDOW) : start]
    markers = list(_FUTURE.finditer(window))
    return bool(markers) and not _FUTURE_CLAUSE_ENDS.search(window, markers[-1].end())


FUTURE_LOOKBACK_DAYS = 60  # a future sentence's undated day further back than this is next year's


def _closest_year(month: int, day: int, base: date | None, future: bool = False) -> int | None:
    """The year that puts month/day closest to the publication date; in a sentence that speaks of
    the future ("will be held on September 16", published in January), a day that would lie
    months back is the coming one (a nearer past day may still be a past event the sentence names)."""
    if base is None:
        return None

    def day_in(year: int) -> date:
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))

    best = min((base.year - 1, base.year, base.year + 1), key=lambda y: abs((day_in(y) - base).days))
    if future and (base - day_in(best)).days > FUTURE_LOOKBACK_DAYS:
        return best + 1
    return best


def _amount(word: str | None) -> float:
    if word is None:
        return 1
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("few", "several"):
        return 3
    return _NUM_WORDS.get(word, 1)


def _month_period(month: int, year: int, modifier: str | None) -> tuple[date, date, date, str]:
    """(earliest, latest, target, granularity) of "early/late/end of <month>"."""
    last = calendar.monthrange(year, month)[1]
    first, final = date(year, month, 1), date(year, month, last)
    mod = (modifier or "").lower().strip()
    if "end" in mod or "late" in mod:
        return date(year, month, 21), final, final, "month-part"
    if "early" in mod or "beginning" in mod or "start" in mod:
        return first, date(year, month, 10), first, "month-part"
    if "mid" in mod or "middle" in mod:
        return date(year, month, 11), date(year, month, 20), date(year, month, 15), "month-part"
    return first, final, final, "month"


def _relation(sentence_text: str, start: int) -> str:
    before = sentence_text[max(0, start - 12) : start].lower().split()
    last = before[-1] if before else ""
    if last in ("by", "until", "till", "before"):
        return "by"
    if last in ("since", "from", "after"):
        return "since"
    return "on"


def event_class(word: str) -> str:
    """One key per kind of event: the aligner's predicate class ("elections", "polls", "vote" ->
    "elect"), else the word's stem, so two wordings of one event meet."""
    from auditor.align.anchors import PREDICATES  # the aligner's vocabulary; imported late (layering)

    lower = _REDONE.sub("", _EVENT_PREFIX.sub("", word.lower()))
    lower = _EVENT_SYNONYMS.get(lower, lower)
    return PREDICATES.get(lower) or stem(lower)


# "reopens", "reconvene": the same kind of event as opening, convening.
_REDONE = re.compile(r"^re(?=open|convene)")
# One event in other words: a court's decision ("ruled on 5 December" / "decided on December 4"), a
# captive's release ("was freed on March 9" / "was released on March 11"), an ascent ("made the
# ascent on 16 February" / "climbing to the summit on Tuesday"), a theft.
_EVENT_SYNONYMS = (
    {word: "decision" for word in ("ruled", "ruling", "rulings", "decided")}
    | {word: "release" for word in ("freed", "freeing", "frees")}
    | {word: "climb" for word in ("ascent", "climb", "climbed", "climbing", "summited")}  # a mountain's
    | {word: "arrive" for word in ("arrival", "arrived", "arrive", "arrives", "reached", "reach", "reaches")}
    | {  # a theft: "was stolen on Monday 3 February" / "The break-in happened early on Wednesday 5 February"
        word: "theft"
        for word in (
            "theft",
            "thefts",
            "stolen",
            "stole",
            "steal",
            "steals",
            "robbery",
            "robbed",
            "burglary",
            "break-in",
            "heist",
        )
    }
)


# Participles that report an event named by the noun before them: "approval, granted on",
# "permission given on", "the order issued on".
# Between a saying verb and a later date: the date is inside the reported clause.
_REPORTED_CLAUSE = re.compile(r"\b(?:that|will|would|shall|is\s+to|are\s+to|was\s+to|were\s+to)\b")
_LIGHT_PARTICIPLES = word_set("granted given issued made taken received obtained handed delivered")
# Participles that place the noun before them in time: "the solemn vote on the whole text, scheduled
# for Tuesday 24 June", "The concert in Porto, scheduled for 11 October": the vote's, the concert's date.
_SCHEDULED = word_set("scheduled rescheduled planned slated timetabled")
SCHEDULED_NOUN_WORDS = 6  # "the solemn vote on the whole text, scheduled"


# "expected to reach", "due to arrive", "set to visit": the verb after "to" is what happens, though
# its bare form has none of the shapes an event word is read by.
_PLAN_BEFORE_INFINITIVE = word_set(
    "expected due set scheduled slated poised likely going planned plans plan hopes aims"
)


def _infinitive_of_plan(before: list[re.Match[str]], position: int) -> bool:
    word = before[position].group()
    return (
        position >= 2
        and word.islower()
        and word not in _NOT_EVENT
        and before[position - 1].group() == "to"
        and before[position - 2].group().lower() in _PLAN_BEFORE_INFINITIVE
    )


# Verbs of a figure changing; with a figure after them the date is the figure's, not an event's:
# the event FIGURE_CHANGE, which no two articles are compared on (two readings of a figure are
# two occasions).
FIGURE_CHANGE = "figure"
_FIGURE_CHANGES = word_set(
    """rose risen rise rises climbed climbs increased increases grew grown jumped jumps soared surged
    dropped drops declined declines stood stands reached reaches hit"""
)
_FIGURE_AFTER = re.compile(
    r"\s+(?:(?:to|by|at|about|around|nearly|almost|some|over|more|than|at least)\s+){0,3}"
    rf"(?:\d|(?:{'|'.join(sorted(w for w in NUMBER_WORDS if w not in ('a', 'an')))})\b)",
    re.I,
)


SAYER_WORDS = 3  # "On Monday, the ministry said": a date opening its sentence, then who said it


# "have until Dec. 15 to install the devices", "were given until the end of April to register":
# a deadline, whose event is the task after "to".
_UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+$", re.I)
_TO_AFTER = re.compile(r"\s+to\s+")
_LIGHT_VERBS = word_set("have get be make do")
# "adjourned the case until March 18 to allow the defence time": a purpose, not a task due.
_PURPOSE_VERBS = word_set("allow allows enable enables let permit give provide ensure")
TASK_WORDS = 5


def _deadline_task(text: str, end: int) -> str | None:
    """The verb of the task a deadline is for: the first word after "to", or past a light verb
    ("to have the devices installed") the first event word."""
    to = _TO_AFTER.match(text, end)
    if not to:
        return None
    words = [m.group() for m in _EVENT_WORD.finditer(text, to.end())][:TASK_WORDS]
    if not words or words[0] in _PURPOSE_VERBS:
        return None
    if words[0].islower() and words[0] not in _LIGHT_VERBS and words[0] not in _NOT_EVENT:
        return words[0]
    return next((w for w in words[1:] if w.islower() and is_eventive(w)), None)


def _attach_event(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str | None, str | None, str]:
    """The event word a date modifies, and its aspect ("end", "start" or "point").

    Looks back (up to 16 words) for the nearest event word, passing over aspect words
    ("completed", "due"), participants ("forces") and other dates; if none, looks ahead.
    """
    aspect = "point"
    if _UNTIL_BEFORE.search(text, 0, start):
        deadline = _deadline_task(text, end)
        if deadline:  # "have until Dec. 15 to install the devices": the day the task is due by
            return event_class(deadline), deadline, "end"
    applies_from = _APPLIES_FROM.search(text, 0, start)
    if applies_from:
        return "effect", applies_from.group().strip(), aspect
    resumes = _RESUMES.search(text, 0, start)
    if resumes:
        return event_class("open"), resumes.group().strip(), aspect
    following = _EVENT_WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    if following and following.group().lower() in SAYING_VERBS:
        return "say", following.group(), aspect  # "The commission on Tuesday announced that ...": the statement's
    before = [m for m in _EVENT_WORD.finditer(text[:start]) if not any(s <= m.start() < e for s, e in spans)][-16:]
    fallback: tuple[str, str] | None = None  # nearest weak event word (-ing, -ment, -ure nouns)
    aspect_word: str | None = None  # "will launch its satellite on May 3": the aspect word is the event
    skip = -1
    for position in range(len(before) - 1, -1, -1):
        if position == skip:
            continue
        match = before[position]
        word = match.group().lower()
        if position > 0 and (before[position - 1].group().lower(), word) in PHRASAL_START:
            aspect = "start" if aspect == "point" else aspect
            aspect_word = aspect_word or text[before[position - 1].start() : match.end()]
            skip = position - 1
            continue
        if word in SAYING_VERBS:
            if aspect_word:  # "said it will launch the satellite on May 3": the launch's date
                return event_class(aspect_word), aspect_word, "point" if aspect == "start" else aspect
            if _REPORTED_CLAUSE.search(text, match.end(), start):
                # "announced that the band will take to the stage on 30 August": the date is in
                # what was said, whose event no word above named; not the day of saying
                return None, None, aspect
            return "say", match.group(), aspect  # "announced plans in April": the date of the announcement
        if word in _ASPECT_END:
            aspect = "end"
            aspect_word = aspect_word or match.group()
            continue
        if word in ASPECT_START:
            aspect = "start" if aspect == "point" else aspect
            aspect_word = aspect_word or match.group()
            continue
        if match.group()[0].isupper() and match.start() > 0:
            continue  # names are participants, not events
        if word in _FIGURE_CHANGES and _FIGURE_AFTER.match(text, match.end()):
            # "the death toll from the collapse rose to seven on Wednesday": the day the figure
            # changed, not the collapse's
            return FIGURE_CHANGE, match.group(), aspect
        if position + 1 < len(before) and (word, before[position + 1].group().lower()) in PHRASAL_EVENTS:
            opening = match
            if word == "into" and position > 0 and before[position - 1].group().lower() in _INTO_VERBS:
                opening = before[position - 1]  # "come into force", "go into effect": the verb is the event's
            phrase = text[opening.start() : before[position + 1].end()]
            return PHRASAL_EVENTS[word, before[position + 1].group().lower()], phrase, aspect
        if word in _PERIOD_NOUNS and position > 0:
            modifier = before[position - 1]
            if (
                text[modifier.end() : match.start()].isspace()
                and (modifier.group().islower() or modifier.start() == 0)
                and is_eventive(modifier.group())
            ):
                return event_class(modifier.group()), modifier.group(), aspect  # "the crushing season"
        if _infinitive_of_plan(before, position):
            return event_class(word), match.group(), aspect  # "are expected to reach Chennai on Saturday"
        if not is_eventive(word):
            continue
        if (
            word not in EVENT_WORDS
            and position + 1 < len(before)
            and _modifies_next(text, match, before[position + 1])
            and before[position + 1].group().lower() not in _OCCASIONS
            and not (position > 0 and before[position - 1].group().lower() in _VERB_BEFORE)
            and not _past_verb_after_subject(word, before, position)
        ):
            continue  # "an earth observation satellite": a noun's modifier, not the event
        if _WEAK_EVENT.search(word) and word not in EVENT_WORDS:
            fallback = fallback or (event_class(word), match.group())
            continue
        if aspect_word and word not in EVENT_WORDS:
            # "the trial of seven people accused of taking bribes to begin on": what begins is an
            # event noun further back, not the participle that describes its people.
            strong = [m for m in before[:position] if m.group().lower() in EVENT_WORDS and not m.group()[0].isupper()]
            strong = [m for m in strong if m.group().lower() not in _ASPECT_END | ASPECT_START]
            if strong:
                return event_class(strong[-1].group()), strong[-1].group(), aspect
        if word in _SCHEDULED:
            nouns = [
                m
                for m in before[max(0, position - SCHEDULED_NOUN_WORDS) : position]
                if is_eventive(m.group()) and not m.group()[0].isupper() and m.group().lower() not in _NOT_EVENT
            ]
            if nouns:
                return event_class(nouns[-1].group()), nouns[-1].group(), aspect
        if word in _LIGHT_PARTICIPLES:
            # "The ministry's approval, granted on Sept. 12": the noun the participle reports
            nouns = [
                m
                for m in before[max(0, position - 3) : position]
                if is_eventive(m.group()) and not m.group()[0].isupper()
            ]
            if nouns:
                return event_class(nouns[-1].group()), nouns[-1].group(), aspect
        return event_class(word), match.group(), aspect
    if fallback:
        return fallback[0], fallback[1], aspect
    if aspect_word:  # "The trial of <a long name and charges> will begin on ...": the subject is the event
        earlier = (
            [m for m in _EVENT_WORD.finditer(text[: before[0].start()]) if m.group().lower() in EVENT_WORDS]
            if before
            else []
        )
        if earlier and not earlier[-1].group()[0].isupper():
            return event_class(earlier[-1].group()), earlier[-1].group(), aspect
    opens_sentence = len(_EVENT_WORD.findall(text, 0, start)) <= SAYER_WORDS
    for index, match in enumerate(list(_EVENT_WORD.finditer(text, end))[:8]):
        word = match.group().lower()
        if aspect_word and word in _REPORTING_VERBS:
            break  # "will begin on June 3, the company has confirmed": what began is before the date
        if opens_sentence and not aspect_word and word in SAYING_VERBS and index <= SAYER_WORDS:
            # "Last week Friday (14 October), Seacom announced that ...": the day of saying; not
            # "will fight on December 13, promoters announced", where the date is the event's
            return "say", match.group(), aspect
        if any(s <= match.start() < e for s, e in spans) or match.group()[0].isupper():
            continue
        if word in _ASPECT_END | ASPECT_START or not is_eventive(word):
            continue
        return event_class(word), match.group(), aspect
    if aspect_word:  # "launched the satellite on May 3": the launch itself, not the start of something
        return event_class(aspect_word), aspect_word, "point" if aspect == "start" else aspect
    return None, None, aspect


# Verbs whose particle makes them another event: a rocket "lifted off" is its launch; to lay
# off workers is to cut jobs (read by the quantity scope too).
PHRASAL_EVENTS = {
    ("lifted", "off"): "launch",
    ("lifts", "off"): "launch",
    ("lift", "off"): "launch",
    ("blasted", "off"): "launch",
    ("blasts", "off"): "launch",
    ("blast", "off"): "launch",
    ("passed", "away"): "kill",  # the class of "died"
    ("passes", "away"): "kill",
    **{(verb, "off"): "cut" for verb in ("lay", "lays", "laid", "laying")},
    # a law or rule starting to apply: "will come into force on", "takes effect on", "entered into force"
    ("into", "force"): "effect",
    **{(verb, "effect"): "effect" for verb in ("take", "takes", "took", "taken", "taking")},
    ("into", "effect"): "effect",  # "goes into effect on"
    **{(verb, "ground"): "groundbreak" for verb in ("break", "breaks", "broke", "breaking")},  # "broke ground Tuesday"
    **{(verb, "in"): "effect" for verb in ("kick", "kicks", "kicked", "kicking")},  # "the ban kicking in on"
}
# Resuming is reopening, whatever resumes: "will resume operations on Monday, March 10", "would
# resume trading on March 17", "reopen Monday" are one event.
_RESUMES = re.compile(
    r"\bresum(?:e|es|ed|ing)\s+(?:[a-z-]+\s+){0,2}?(?:on\s+|from\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.IGNORECASE,
)
# Nouns of a gathering that an event word before them names: "the groundbreaking ceremony Thursday",
# "the signing ceremony", "the opening celebrations".
_OCCASIONS = word_set("ceremony ceremonies celebration celebrations festivities gala")
_INTO_VERBS = word_set("come comes came coming go goes went going gone enter enters entered entering")
# A date a change applies from, written as a preposition: "will pay $300 starting July 1",
# "effective Jan. 1": the change taking effect, however the change is worded.
_APPLIES_FROM = re.compile(r"\b(?:starting|effective)\s+(?:on\s+|from\s+)?$", re.IGNORECASE)
# "lifted off", "set up", "broke out": a particle after a verb is no noun the verb modifies; nor is
# a preposition ("derailed near the village", "landed outside Riga").
_PARTICLES = word_set("off up down out away back over along ahead apart aside")
_PREPOSITIONS = word_set(
    """near across along outside inside beside behind toward towards against among amid between beyond
    onto upon within without through throughout under underneath until via past around above below"""
)


# Words after which an event-shaped word is a verb, not a noun's modifier: "will be ordained
# bishop", "has appointed judges".
_VERB_BEFORE = word_set("be been being is are was were will would has have had")


# Words before a participle that make it a noun's modifier: "the detained journalists", "two
# armed men", "its signed copy".
_MODIFIER_BEFORE = word_set(
    """a an the its their his her our my your this that these those some many several all both each
    every no other another such and or"""
)


def _past_verb_after_subject(word: str, before: list[re.Match[str]], position: int) -> bool:
    """Is an -ed word the verb of the noun or name before it ("police detained protesters",
    "engineers reconnected home users"), not a modifier ("the detained protesters")?"""
    if not word.endswith("ed") or word.endswith("eed") or position == 0:  # "speed record": no verb
        return False
    previous = before[position - 1].group().lower()
    return previous not in _MODIFIER_BEFORE and previous not in NUMBER_WORDS


def _modifies_next(text: str, match: re.Match[str], following: re.Match[str]) -> bool:
    """Is an event-shaped word ("observation") the modifier of the lower-case noun right after it
    ("observation satellite")?"""
    word = following.group()
    return (
        text[match.end() : following.start()].isspace()
        and word.islower()
        and word not in _NOT_EVENT
        and word not in _PARTICLES
        and word not in _PREPOSITIONS
        and word.lower() not in NUMBER_WORDS  # "detained seven people": a verb and its count
        and not is_eventive(word)
    )


# "JOHANNESBURG, March 3 (Reuters) -", "Taipei, Sept. 22 (CNA)": the place and day a report was filed.
_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Za-z.' -]{1,40},\s*")
_DATELINE_AFTER = re.compile(r"\s*\([A-Za-z][A-Za-z .&-]{0,30}\)")
# "(Tue, 16 Aug 2011) This morning ...": a report's day in brackets before its first word.
_BRACKETED_DATELINE_BEFORE = re.compile(r"\s*\((?:[A-Z][a-z]{2,8},?\s*)?")


def extract_dates(sentence: Sentence, published: date | None) -> list[DateMention]:
    """Every date or time window in one sentence, resolved against `published`."""
    text = sentence.text
    raw: list[tuple[int, int, date | None, date | None, date | None, str, str, bool]] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    cue_found: dict[re.Pattern[str], bool] = {}  # kinds share cues: each searched once per sentence
    for kind, pattern in _PATTERNS:
        cue = _CUES[kind]
        if cue is not None:
            found = cue_found.get(cue)
            if found is None:
                found = cue_found[cue] = cue.search(text) is not None
            if not found:
                continue  # most sentences name no date: skip the expensive patterns
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if not free(s, e):
                continue
            resolved = _resolve(kind, m, text, published)
            if resolved is None:
                continue
            earliest, latest, target, granularity, relation, relative = resolved
            if kind in ("month", "year", "weekday") and m.groupdict().get("prep"):
                s = m.start("mod") if m.groupdict().get("mod") else m.start("month" if kind == "month" else "year")
            if kind == "weekday" and m.group("which") == "on":
                s = m.start("weekday")
            raw.append((s, e, earliest, latest, target, granularity, relation, relative))
            taken.append((s, e))

    mentions = []
    for s, e, earliest, latest, target, granularity, relation, relative in sorted(raw):
        event: str | None
        event_text: str | None
        if (_DATELINE_BEFORE.fullmatch(text[:s]) and _DATELINE_AFTER.match(text, e)) or (
            _BRACKETED_DATELINE_BEFORE.fullmatch(text[:s]) and text[e : e + 1] == ")"
        ):
            event, event_text, aspect = "say", text[s:e], "point"  # the dateline dates the report itself
        else:
            event, event_text, aspect = _attach_event(text, s, e, taken)
        if relation == "on" and aspect == "end":
            relation = "by"
        elif relation == "on" and aspect == "start":
            relation = "start"
        mentions.append(
            DateMention(
                doc_id=sentence.doc_id,
                sentence=sentence.index,
                start=sentence.start + s,
                end=sentence.start + e,
                text=text[s:e],
                earliest=earliest,
                latest=latest,
                target=target,
                granularity=granularity,
                relation=relation,
                relative=relative,
                event=event,
                event_text=event_text,
            )
        )
    return mentions


Resolved = tuple[date | None, date | None, date | None, str, str, bool]


def _resolve(kind: str, m: re.Match[str], text: str, base: date | None) -> Resolved | None:
    # The pattern may hold its preposition ("since the beginning of January"): read it there.
    relation = _relation(text, m.end("prep") if m.groupdict().get("prep") else m.start())
    future = bool(_FUTURE.search(text, 0, m.start()))
    if kind in ("month_day", "day_month"):
        month = _month_number(m.group("month"))
        day_of_month = int(m.group("day"))
        if not 1 <= day_of_month <= 31:
            return None
        year = int(m.group("year")) if m.group("year") else _closest_year(month, day_of_month, base, future)
        if year is None:
            return (None, None, None, "day", relation, False)
        parsed = _parse_absolute(f"{_MONTH_NAMES[month - 1]} {day_of_month} {year}", None)
        if parsed is None:
            return None
        latest = parsed
        if m.groupdict().get("day2"):
            day2 = int(m.group("day2"))
            if day2 < day_of_month or day2 > 31:
                return None
            latest = date(year, month, min(day2, calendar.monthrange(year, month)[1]))
        return (parsed, latest, parsed, "day" if latest == parsed else "range", relation, not m.group("year"))
    if kind == "month":
        if not (m.group("prep") or m.group("mod") or m.group("year")):
            return None  # a bare "May" is too often the verb
        month = _month_number(m.group("month"))
        year = int(m.group("year")) if m.group("year") else _closest_year(month, 28 if future else 15, base, future)
        if year is not None and base is not None and relation == "since" and not m.group("year") and year > base.year:
            year = base.year  # "since the beginning of January" in July: this January, not the next
        if year is None:
            return (None, None, None, "month", relation, True)
        earliest, latest, target, granularity = _month_period(month, year, m.group("mod"))
        return (earliest, latest, target, granularity, relation, not m.group("year"))
    if kind == "year":
        year = int(m.group("year"))
        return (date(year, 1, 1), date(year, 12, 31), date(year, 12, 31), "year", relation, False)
    if base is None:
        return (None, None, None, kind, relation, True)
    if kind == "weekday":
        target_weekday = list(calendar.day_name).index(m.group("weekday"))
        which = (m.group("which") or "").lower()
        delta = (base.weekday() - target_weekday) % 7
        day = base - timedelta(days=delta)
        if which == "last" and delta == 0:
            day -= timedelta(days=7)
        if which == "next":
            day = base + timedelta(days=(target_weekday - base.weekday()) % 7 or 7)
        elif which != "last" and future_clause(text, m.start()):
            day = base + timedelta(days=(target_weekday - base.weekday()) % 7)
        return (day, day, day, "day", relation, True)
    if kind == "window":
        unit = (m.group("unit") or m.group("recent")).lower()
        n = _amount(m.group("n")) if m.group("unit") else 3
        span = timedelta(days=max(1, round(n * _UNIT_DAYS[unit])))
        return (base - span, base, base, "window", "window", True)
    if kind == "ahead":
        unit = m.group("unit").lower()
        if unit == "hour" and not future_clause(text, m.start()):
            return None  # "swam the channel in 11 hours": how long it took, not a time to come
        span = timedelta(days=max(1, round(_amount(m.group("n")) * _UNIT_DAYS[unit])))
        return (base, base + span, base + span, "window", "by", True)
    if kind == "ago":
        unit = m.group("unit").lower()
        day = base - timedelta(days=round(_amount(m.group("n")) * _UNIT_DAYS[unit]))
        return (day, day, day, "day" if unit in ("hour", "day") else unit, relation, True)
    if kind == "relative":
        word = (m.group("word") or "").lower()
        if word:
            offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
            day = base + timedelta(days=offset)
            return (day, day, day, "day", relation, True)
        which = m.group("which").lower()
        unit = m.group("unit").lower()
        if unit in ("week", "weekend"):
            monday = base - timedelta(days=base.weekday())
            shift = {"last": -7, "next": 7, "the coming": 7, "the past": -7}.get(which, 0)
            start = monday + timedelta(days=shift)
            return (start, start + timedelta(days=6), start + timedelta(days=6), "week", relation, True)
        if unit == "month":
            month, year = base.month, base.year
            if which in ("last", "the past"):
                month, year = (12, year - 1) if month == 1 else (month - 1, year)
            elif which in ("next", "the coming"):
                month, year = (1, year + 1) if month == 12 else (month + 1, year)
            earliest, latest, target, _g = _month_period(month, year, None)
            return (earliest, latest, target, "month", relation, True)
        year = base.year + {"last": -1, "next": 1, "the coming": 1, "the past": -1}.get(which, 0)
        return (date(year, 1, 1), date(year, 12, 31), date(year, 12, 31), "year", relation, True)
    return None
