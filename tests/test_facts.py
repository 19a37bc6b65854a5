"""Fact extraction: quantities, dates, entities with aliases, quotes with speakers."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from auditor.corpus import read_corpus
from auditor.facts import extract_facts
from auditor.facts.dates import extract_dates
from auditor.facts.entities import extract_entities, same_place
from auditor.facts.model import DateMention, EntityMention, Quantity, Quote
from auditor.facts.quantities import extract_quantities, noun_key, same_noun
from auditor.facts.quotes import extract_quotes
from auditor.facts.votes import vote_tallies
from auditor.model import Document, Sentence
from auditor.text import segment_document


def sentence(text: str, doc_id: str = "t") -> Sentence:
    return Sentence(doc_id, 0, 0, len(text), text, 0)


def one_quantity(text: str):
    found = extract_quantities(sentence(text))
    assert len(found) == 1, found
    return found[0]


def test_qualifier_and_counted_noun_are_kept() -> None:
    q = one_quantity("Russia said around 1,000 of its soldiers would take part.")
    assert q.text == "around 1,000 of its soldiers"
    assert (q.value, q.qualifier, q.kind, q.noun) == (1000, "around", "approximate", "soldier")
    assert q.low < 1000 < q.high


def test_lower_and_upper_bounds() -> None:
    more = one_quantity("A total of more than 1,500 soldiers will take part.")
    assert more.kind == "lower_bound" and more.low == 1500 and math.isinf(more.high)
    many = one_quantity("The Taliban captured as many as 18 provincial capitals.")
    assert many.kind == "upper_bound" and many.high == 18 and many.noun == "provincial capital"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 30 and 40 people were hurt.", 30, 40),
        ("Some 30-40 people were hurt.", 30, 40),
        ("Five to seven soldiers died.", 5, 7),
    ],
)
def test_ranges_keep_both_ends(text: str, low: float, high: float) -> None:
    q = one_quantity(text)
    assert (q.kind, q.low, q.high) == ("range", low, high)


@pytest.mark.parametrize(
    ("text", "written", "percent"),
    [
        ("One in four adults in Norland smoke, the survey found.", "One in four", 25.0),
        ("Three out of 10 voters backed the plan.", "Three out of 10", 30.0),
        ("More than one in five homes lacks a meter.", "More than one in five", 20.0),
    ],
)
def test_a_ratio_is_a_share_not_a_count(text: str, written: str, percent: float) -> None:
    q = one_quantity(text)  # "one in four adults" is a quarter of them, not four adults
    assert (q.text, q.noun, q.value) == (written, "percent", percent)
    assert q.low <= percent <= q.high and q.low < q.high  # a rough figure: "one in three" meets "30 percent"


def test_scores_and_seasons_are_not_ranges() -> None:
    assert extract_quantities(sentence("The score was 5-3 at halftime.")) == []
    assert all(q.kind != "range" for q in extract_quantities(sentence("The 2020-2021 season ended.")))


def test_number_words_and_vague_amounts() -> None:
    six = one_quantity("The rebels have toppled six provincial capitals.")
    assert six.value == 6 and six.noun == "provincial capital"
    dozens = one_quantity("Dozens of Afghan soldiers returned home.")
    assert dozens.kind == "vague" and dozens.low <= 46 <= dozens.high and dozens.noun == "afghan soldier"


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Two hundred sixty-four passengers were moved onto patrol boats.", 264, "passenger"),
        ("One thousand two hundred people marched.", 1200, "people"),
        ("The army sent a hundred and fifty soldiers.", 150, "soldier"),
        ("About a thousand protesters gathered.", 1000, "protester"),
        ("Some five thousand and nine votes were cast.", 5009, "vote"),
    ],
)
def test_number_words_that_go_on_after_a_scale_word(text: str, value: int, noun: str) -> None:
    q = one_quantity(text)
    assert q.value == value and q.noun == noun


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("The ferry carried a little over 150 passengers.", 160, 212),
        ("The rock weighed slightly less than 20 kilograms.", 18, 12),
        ("It was just short of 300 metres.", 290, 200),
    ],
)
def test_a_little_over_is_close_to_the_figure(text: str, inside: float, outside: float) -> None:
    q = one_quantity(text)
    assert q.low <= inside <= q.high and not q.low <= outside <= q.high


def test_a_group_added_right_after_a_count_is_no_total_of_it() -> None:
    from auditor.facts.scope import quantity_scope

    def markers(text: str) -> frozenset[str]:
        q = extract_quantities(sentence(text))[0]
        return quantity_scope(q, text, 0, (), ()).markers

    assert markers("Two hundred sixty-four passengers, along with the 21 crew, were moved.") == frozenset()
    # joined before the count, the forces are summed into it
    assert markers("Russia, along with Uzbek and Tajik forces, sent 1,500 soldiers.") == {"total"}


def test_half_a_million_is_not_read_as_a_million() -> None:
    assert all(q.value != 1_000_000 for q in extract_quantities(sentence("Half a million people fled.")))


def test_strong_force_reads_the_noun_after_the_hyphen() -> None:
    q = one_quantity("Most of NATO's 10,000-strong force have already pulled out.")
    assert q.value == 10000 and q.noun == "force"


def test_equal_durations_in_other_words_overlap() -> None:
    words = one_quantity("Troops have been there for nearly twenty years.")
    decades = one_quantity("They came home after two decades.")
    digits = one_quantity("It ended 20 years of involvement.")
    assert words.noun == decades.noun == digits.noun == "year"
    assert words.overlaps(decades) and decades.overlaps(digits)


def test_garbled_numeral_is_normalized_and_marked() -> None:
    found = extract_quantities(sentence("About 2 5 Hundreds U S. troops and 16 Thousands contractors were there."))
    values = {q.value: q for q in found}
    assert values[2500].garbled and values[2500].repaired == "2,500" and values[2500].qualifier == "about"
    assert values[16000].garbled and values[16000].noun == "contractor"


@pytest.mark.parametrize(
    ("text", "written", "noun", "value"),
    [
        ("The deal is worth $725 million.", "$725 million", "dollar", 725_000_000),
        ("The tribunal imposed R1.1bn in fines.", "R1.1bn", "rand", 1_100_000_000),
        ("Total spending is set at CZK 16.9 billion.", "CZK 16.9 billion", "crown", 16_900_000_000),
        ("Spending is set at 16.9 billion CZK this year.", "16.9 billion CZK", "crown", 16_900_000_000),
        ("The club paid £40m for him.", "£40m", "pound", 40_000_000),
        ("It raised 1.1bn euros in 2024.", "1.1bn euros", "euro", 1_100_000_000),
        ("Some 5m people were affected.", "Some 5m people", "people", 5_000_000),
        ("Turnout stood at 71 per cent, the union said.", "71 per cent", "percent", 71),
        ("The bank cut its rate to 9.25% on Tuesday.", "9.25%", "percent", 9.25),
        ("A peak gust of 187 km/h was recorded.", "187 km/h", "kmh", 187),
        ("Customs seized 4.2 tonnes of cocaine.", "4.2 tonnes", "kilogram", 4200),
        ("The stoppage lasted almost three hours.", "almost three hours", "minute", 180),
        ("The 48-turbine park will be built offshore.", "48-turbine", "turbine", 48),
        ("He was handed a nine-year prison term.", "nine-year", "year", 9),
        ("The mill operator was fined RM450,000 on Tuesday.", "RM450,000", "ringgit", 450_000),
        ("The fine was Rp 50 million.", "Rp 50 million", "rupiah", 50_000_000),
        ("Tickets cost ₱1,500 each.", "₱1,500", "peso", 1500),
        ("The grant is NT$3,000 a month.", "NT$3,000", "dollar", 3000),
        ("The fee rose to Rs.500 this year.", "Rs.500", "rupee", 500),
        ("Farmers got GH₵2 million in aid.", "GH₵2 million", "cedi", 2_000_000),
        # and a half: of the number before it, or of one of the noun between
        ("They were freed after nine and a half hours.", "nine and a half hours", "minute", 570),
        ("Some two and a half million people voted.", "Some two and a half million people", "people", 2_500_000),
        ("He served one and a half years.", "one and a half years", "year", 1.5),
        ("The crossing took an hour and a half.", "an hour and a half", "minute", 90),
    ],
)
def test_units_signs_and_compounds_are_read_as_the_counted_noun(
    text: str, written: str, noun: str, value: float
) -> None:
    q = one_quantity(text)
    assert (q.text, q.noun) == (written, noun)
    assert q.value == pytest.approx(value)


def test_a_unit_written_short_in_a_compound_is_the_unit() -> None:
    short, long = one_quantity("Work began on the 85-km expressway."), one_quantity("The road is 62 kilometres long.")
    assert short.noun == "km" and noun_key(short.noun) == noun_key(long.noun)


def test_same_amount_in_other_units_or_signs_overlaps() -> None:
    tonnes, kilos = one_quantity("Police found 2.8 tonnes of cocaine."), one_quantity("Police found 2,800 kilos of it.")
    assert tonnes.noun == kilos.noun and tonnes.overlaps(kilos)
    sign, word = one_quantity("It cost $725 million."), one_quantity("It cost 725 million dollars.")
    assert sign.noun == word.noun == "dollar" and sign.overlaps(word)


@pytest.mark.parametrize(
    "text",
    [
        "She ran the 400m hurdles.",  # metres, not 400 million hurdles
        "A 36-year-old man was arrested.",
        "The twenty-first century began.",
        "A two-thirds majority is needed.",
        "The R2 road was closed.",  # a road, not two rand
    ],
)
def test_what_is_not_a_sign_or_a_compound_count(text: str) -> None:
    found = extract_quantities(sentence(text))
    assert all(q.noun not in ("hurdle", "rand", "first", "third", "thirds") for q in found), found
    assert all(q.value < 1_000_000 for q in found), found


def test_different_counted_nouns_are_not_the_same_thing() -> None:
    a = one_quantity("Officials counted 40 trucks.")
    b = one_quantity("Officials counted 40 soldiers.")
    troops = one_quantity("Officials counted 40 troops.")
    assert not same_noun(a, b)
    assert same_noun(b, troops)  # troops and soldiers are counted alike


PUBLISHED = date(2021, 7, 27)  # a Tuesday


def dates_of(text: str, published: date | None = PUBLISHED):
    return extract_dates(sentence(text), published)


def test_a_count_after_and_takes_the_noun_left_out() -> None:
    def nouns(text: str) -> list[tuple[str, str | None]]:
        return [(q.text, q.noun) for q in extract_quantities(sentence(text))]

    assert nouns("The bus crashed, killing nine people and injuring 31.") == [
        ("nine people", "people"),
        ("31", "people"),
    ]
    assert nouns("Nine people died and 13 were hurt.") == [("Nine people", "people"), ("13", "people")]
    # Controls: a count with its own noun keeps it; a percentage is no count of the noun before.
    assert nouns("Police arrested 12 men and 2 women.") == [("12 men", "man"), ("2 women", "woman")]
    assert nouns("He has 4 children and 30 percent of the shares.")[1] == ("30 percent", "percent")
    # "four of them": part of the count before it, a count of the same thing
    assert nouns("Twenty people were injured, four of them seriously.") == [
        ("Twenty people", "people"),
        ("four", "people"),
    ]


def test_absolute_dates() -> None:
    (d,) = dates_of("They were given safe passage on July 25.")
    assert d.target == date(2021, 7, 25) and d.granularity == "day"
    (d,) = dates_of("The report is dated 16 Aug 2021.")
    assert d.target == date(2021, 8, 16)
    (d,) = dates_of("It followed the attacks of September 11, 2001.")
    assert d.target == date(2001, 9, 11) and d.event == "attack"
    (d,) = dates_of("The drills run from August 5-10 near the border.")
    assert (d.earliest, d.latest) == (date(2021, 8, 5), date(2021, 8, 10))


def test_year_less_dates_take_the_year_nearest_publication() -> None:
    (d,) = dates_of("The vote is set for January 10.", published=date(2021, 12, 20))
    assert d.target == date(2022, 1, 10)


def test_a_future_sentence_puts_a_day_months_back_into_the_coming_year() -> None:
    published = date(2025, 1, 15)
    (_, d) = dates_of("The commission said on Wednesday that elections will be held on September 16.", published)
    assert d.target == date(2025, 9, 16)  # the nearest September 16 is 2024's, four months back
    (d,) = dates_of("The elections were held on September 16.", published)
    assert d.target == date(2024, 9, 16)  # the control: the same day in the past tense
    # A past day the future sentence names stays in the past when it is near.
    (_, d) = dates_of("He will be sentenced on March 3 for the attack of January 5.", date(2025, 2, 10))
    assert d.target == date(2025, 1, 5)


def test_relative_dates_resolve_against_publication() -> None:
    (d,) = dates_of("The minister spoke on Tuesday.")
    assert d.target == PUBLISHED  # published on a Tuesday: the same day
    (d,) = dates_of("The army said on Sunday that it had regrouped.")
    assert d.target == date(2021, 7, 25)
    (d,) = dates_of("Fighting intensified last week.")
    assert d.earliest == date(2021, 7, 19) and d.latest == date(2021, 7, 25)
    (d,) = dates_of("Six towns fell in the past 24 hours.")
    assert d.relation == "window" and d.earliest == date(2021, 7, 26) and d.latest == PUBLISHED
    (d,) = dates_of("The handover will be completed in less than a week.")
    assert d.relation == "by" and d.latest == date(2021, 8, 3)


def test_a_release_is_one_event_in_other_words() -> None:
    (freed,) = dates_of("The teacher was freed on March 9 in a remote village.")
    (released,) = dates_of("She was released on Tuesday, March 11.")
    assert freed.event == released.event


def test_hours_it_took_are_no_time_to_come() -> None:
    # how long a crossing took is a duration the quantity reader keeps, not a date
    text = "She swam the channel in 11 hours."
    facts = extract_facts(segment_document(Document(id="k", path="k.txt", text=text, published=PUBLISHED)))
    assert facts.dates == ()
    (q,) = facts.quantities
    assert q.text == "11 hours" and q.noun == "minute" and q.value == 660
    (d,) = dates_of("The storm will make landfall in 12 hours, forecasters said.")  # the control
    assert d.relation == "by" and d.earliest == PUBLISHED


def test_a_preposition_inside_the_date_sets_its_relation() -> None:
    (d,) = dates_of("Ukraine has imported 212,600 MWh of electricity since the beginning of January.")
    assert d.relation == "since" and d.earliest == date(2021, 1, 1)
    (d,) = dates_of("They have fought since early May.")
    assert d.relation == "since"
    (d,) = dates_of("Fighting intensified in May.")  # the control
    assert d.relation == "on"


def test_dates_before_1900_keep_their_year() -> None:
    (d,) = dates_of("The schooner foundered on Nov. 3, 1898, off Two Harbors.")
    assert d.target == date(1898, 11, 3) and d.event == "founder"
    (d,) = dates_of("It was lost in a gale on 13 November 1898.")
    assert d.target == date(1898, 11, 13)


def test_a_by_election_is_an_election() -> None:
    (said, held) = dates_of("The commission on Tuesday announced that by-elections would be held on April 21.")
    assert said.event == "say" and held.event == "elect" and held.event_text == "by-elections"
    (d,) = dates_of("Voters will go to the polls on April 14.")
    assert d.event == held.event


def test_a_date_scheduled_for_is_the_date_of_the_event_named_before() -> None:
    (d,) = dates_of("Senators will debate for two weeks before the solemn vote on the text, scheduled for 24 June.")
    assert d.event == "elect" and d.event_text == "vote"
    (d,) = dates_of("The hearing in Porto, scheduled for 11 October, is unaffected.")
    assert d.event_text == "hearing"


def test_relative_dates_stay_unresolved_without_publication_date() -> None:
    (d,) = dates_of("The minister spoke on Tuesday.", published=None)
    assert d.target is None and d.relative


def test_deadline_attaches_to_the_event_not_the_aspect_word() -> None:
    (d,) = dates_of("The withdrawal of foreign forces is due to be completed by the end of August.")
    assert d.event == "withdraw" and d.relation == "by" and d.target == date(2021, 8, 31)
    (d,) = dates_of("The evacuation of the embassy staff should be finished by March 3.")
    assert d.event_text == "evacuation" and d.relation == "by"


def test_a_date_after_a_verb_of_saying_dates_the_statement() -> None:
    (d,) = dates_of("Troops could slow their withdrawal, a spokesman said Monday.")
    assert d.event == "say"
    (d, _) = dates_of("The commission on Tuesday announced that voters will go to the polls on November 22.")
    assert d.event == "say"  # the verb of saying right after the date
    # A verb of saying after the clause's comma dates nothing: the launch is the event.
    (d, _) = dates_of("The agency will launch its satellite on September 9, its chairman said on Monday.")
    assert d.event == "launch" and d.relation == "on"


def test_a_dateline_dates_the_report() -> None:
    (line, said) = dates_of(
        "JOHANNESBURG, March 3 (Reuters) - The ports authority said on Monday it would raise tariffs."
    )
    assert line.text == "March 3" and line.event == "say" and said.event == "say"
    (d,) = dates_of("Ministers met on March 3 (local time) in Paris.")  # the control: no dateline
    assert d.event == "meet"


def test_a_weekday_written_beside_its_date_is_that_date() -> None:
    (d,) = dates_of("The rematch will take place in Riyadh on Saturday, December 20.", date(2025, 10, 1))
    assert d.text == "December 20" and d.target == date(2025, 12, 20)
    (d,) = dates_of("She died in Budapest on Sunday, 9 November.", date(2025, 11, 10))
    assert d.text == "9 November"
    (d,) = dates_of("The minister spoke on Saturday.", date(2025, 10, 1))  # the control: a weekday alone
    assert d.text == "Saturday" and d.target == date(2025, 9, 27)


def test_the_event_of_a_date_in_other_words() -> None:
    (d,) = dates_of("The rocket lifted off from the coast on February 9 carrying a weather satellite.")
    assert d.event == "launch" and d.event_text == "lifted off"  # a particle is no noun "lifted" modifies
    (d,) = dates_of("Fisheries ministers from the region will gather in the capital on June 24.")
    assert d.event == "meet"
    (d,) = dates_of("The court will announce its decision on February 27.")
    assert d.event == "verdict"
    # The subject of "will begin", beyond the sixteen words before the date, is the event.
    (d, _) = dates_of(
        "The trial of the former city councillor on bribery and breach of trust charges in the northern "
        "province will begin on February 3, a judge ruled on Tuesday."
    )
    assert d.event == "trial" and d.relation == "start"
    # What begins is the event noun, not a participle describing its people.
    (d, _) = dates_of(
        "The court scheduled the trial of seven people accused of taking bribes to begin on 3 March, sources said "
        "on Wednesday."
    )
    assert d.event == "trial" and d.relation == "start"
    (d,) = dates_of("The law will come into force on 1 July.")
    assert d.event == dates_of("The law takes effect on July 1.")[0].event == "effect"
    # A participle reporting an event noun: the noun's date.
    (d,) = dates_of("The regulator's approval, granted on March 12, covers adults over 60.")
    assert d.event == dates_of("The regulator approved the drug on March 12.")[0].event
    (d,) = dates_of("She passed away on November 7 in a Budapest hospital.")
    assert d.event == dates_of("She died on November 7.")[0].event == "kill"  # the class of "killed", "died"


def test_bare_may_is_not_a_month() -> None:
    assert dates_of("May God protect them, he said.") == []
    (d,) = dates_of("The offensive began in May.")
    assert d.target == date(2021, 5, 31)


@pytest.mark.parametrize("alias", ["US", "U.S.", "United States", "Washington", "America"])
def test_aliases_of_the_united_states(alias: str) -> None:
    (entity,) = extract_entities(sentence(f"Officials in {alias} declined to comment."))
    assert entity.canonical == "United States" and entity.country == "US"


def test_countries_come_from_pycountry_and_cities_know_their_country() -> None:
    entities = extract_entities(sentence("Talks in Doha, the capital of Qatar, resumed while Mongolia watched."))
    by_text = {e.text: e for e in entities}
    assert by_text["Mongolia"].kind == "country"  # not in the gazetteer file: pycountry knows it
    assert by_text["Doha"].kind == "city" and by_text["Doha"].country == "QA"
    assert same_place(by_text["Doha"], by_text["Qatar"])
    assert not same_place(by_text["Doha"], by_text["Mongolia"])


def test_larger_cities_come_from_geonames_with_their_country() -> None:
    entities = extract_entities(sentence("Ministers met in Lyon, flew to Zürich and then to Zurich and Kandahar."))
    assert [(e.text, e.canonical, e.kind, e.country) for e in entities] == [
        ("Lyon", "Lyon", "city", "FR"),
        ("Zürich", "Zurich", "city", "CH"),  # the accented and the plain spelling: one city
        ("Zurich", "Zurich", "city", "CH"),
        ("Kandahar", "Kandahar", "city", "AF"),
    ]
    assert same_place(entities[1], entities[2])


@pytest.mark.parametrize(
    "text",
    [
        "Nice weather helped the rescuers.",  # a city named like a common word is not that city...
        "Reading the report, officials declined to comment.",
        "Top US general Austin Miller warned of civil war.",  # ...nor one named like a person
        "General Santos said the army would hold the bridge.",  # a title and a name: a general
        "Long Beach volleyball drew a crowd.",  # every word a common word
        "The talks in Valencia resumed.",  # Spain's or Venezuela's: which cannot be told
    ],
)
def test_city_names_that_mean_something_else_are_not_places(text: str) -> None:
    assert [e for e in extract_entities(sentence(text)) if e.kind == "city"] == []


def test_organizations_and_groups_with_aliases() -> None:
    entities = extract_entities(sentence("The North Atlantic Treaty Organization and the Taleban met the U.N. envoy."))
    assert [e.canonical for e in entities] == ["NATO", "Taliban", "United Nations"]


def test_a_nationality_in_the_plural_is_its_country() -> None:
    (people,) = extract_entities(sentence("Jamaicans will go to the polls on Wednesday."))
    assert (people.kind, people.country) == ("demonym", "JM")
    assert [e.country for e in extract_entities(sentence("Swiss voters and Germans agreed."))] == ["CH", "DE"]


def test_lowercase_us_is_not_the_united_states() -> None:
    assert extract_entities(sentence("Let us know what happened.")) == []


def test_quote_with_speaker_after_and_before() -> None:
    (q,) = extract_quotes(sentence('"We will defend every city," said Defence Minister Bismillah Khan.'))
    assert q.text == "We will defend every city," and q.speaker == "Bismillah Khan"
    (q,) = extract_quotes(sentence('Mayor Anne Hidalgo said: "The city will reopen its schools."'))
    assert q.speaker == "Anne Hidalgo"


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        ('"We lost the ball too often," said Argentina coach Martín Echeverría.', "We lost", "Martín Echeverría"),
        ('"We lost the ball too often," Ireland captain Ciaran Walsh said.', "We lost", "Ciaran Walsh"),
        (
            "'We will not unload a single ship,' Johan Peeters, who heads the union's dockers' section, told reporters.",
            "We will not",
            "Johan Peeters",
        ),
        ("‘We don’t accept this plan,’ said Anna Berg.", "We don’t accept", "Anna Berg"),
        # the audience or the occasion between the verb and the colon
        (
            'Council leader Linda Marsh told the full council on Tuesday: "We close no library."',
            "We close",
            "Linda Marsh",
        ),
        ('Smith said at a news conference: "We will rebuild the town."', "We will", "Smith"),
    ],
)
def test_attributions_in_other_shapes(text: str, quoted: str, speaker: str) -> None:
    (q,) = extract_quotes(sentence(text))
    assert q.text.startswith(quoted) and q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an abbreviated honorific, a title of several capitalised words, "of" and "and"
        ('"We were surprised," said lead author Dr. Priya Raman of the University of Toronto.', "Priya Raman"),
        (
            '"These streets belong to the citizens," said Public Force director Rocío Brenes, who leads it.',
            "Rocío Brenes",
        ),
        (
            '"It is a strategic necessity," Minister of Equipment and Water Karim Bennani said at the ceremony.',
            "Karim Bennani",
        ),
        (
            '"It is the biggest change in a generation," Health Commissioner Dr. Helen Varga said Tuesday.',
            "Helen Varga",
        ),
        (
            '"We will not be intimidated," Armed Forces spokesperson Col. Maria Teresa Dizon said in a briefing.',
            "Maria Teresa Dizon",
        ),
        # an aside between the name and the verb, before the quote
        (
            'Marcus Tillett, the reef ecologist who led the survey, told reporters in Belize City: "We have never seen this."',
            "Marcus Tillett",
        ),
        # words quoted inside reported speech
        (
            'Celso Amorim, an adviser to the president, said on Thursday that Brazil "will not accept unilateral rules".',
            "Celso Amorim",
        ),
        (
            'Emergency agency chief Keith Hale told reporters the city needs "every resident to cut water use by a quarter".',
            "Keith Hale",
        ),
        # a place or a body is no speaker
        ('"We will cut the budget again next year," the ministry of health in Lagos State said.', None),
        ('"We will cut the budget again next year," said the ministry in Lagos State.', None),
    ],
)
def test_attributions_with_long_titles_and_asides(text: str, speaker: str | None) -> None:
    (q,) = extract_quotes(sentence(text))
    assert q.speaker == speaker
    if speaker:
        assert q.speaker_start is not None and text[q.speaker_start : q.speaker_end].endswith(speaker)


def test_he_said_after_a_sentence_that_opens_with_the_speaker_is_written_out() -> None:
    text = (
        "Captain Sefo Aumua did not hide his frustration after the final whistle. "
        '"We gave away too many penalties at the breakdown," he said.'
    )
    doc = segment_document(Document(id="k", path="k.txt", text=text))
    (q,) = extract_facts(doc).quotes
    assert q.speaker == "Sefo Aumua" and q.speaker_start is not None
    assert text[q.speaker_start : q.speaker_end] == "Sefo Aumua"


@pytest.mark.parametrize(
    "opening",
    [
        "Anna Berg spoke after Tom Ellison left the room.",  # two people named: "she" is not sure
        "Maria Lopez did not hide her frustration.",  # "he" is not Maria
    ],
)
def test_he_said_is_not_written_out_when_the_antecedent_is_unsure(opening: str) -> None:
    text = f'{opening} "We gave away too many penalties at the breakdown," he said.'
    doc = segment_document(Document(id="k", path="k.txt", text=text))
    (q,) = extract_facts(doc).quotes
    assert q.speaker_start is None


def test_apostrophes_are_not_quotes() -> None:
    assert extract_quotes(sentence("The dockers' union and the port's managers' plan failed, officials said.")) == []


def test_he_said_resolves_to_the_last_person_named() -> None:
    text = 'Spokesman John Kirby spoke to reporters. "We keep an eye on this every day," he said.'
    doc = segment_document(Document(id="k", path="k.txt", text=text))
    facts = extract_facts(doc)
    assert [q.speaker for q in facts.quotes] == ["John Kirby"]


def test_fixture_facts_have_exact_offsets(fixtures_dir: Path) -> None:
    corpus = read_corpus([fixtures_dir])
    for raw in corpus.documents:
        doc = segment_document(raw)
        facts = extract_facts(doc)
        spans: list[Quantity | DateMention | EntityMention | Quote] = [
            *facts.quantities,
            *facts.dates,
            *facts.entities,
            *facts.quotes,
        ]
        for fact in spans:
            assert doc.text[fact.start : fact.end] == fact.text
    ani = next(segment_document(d) for d in corpus.documents if d.id.startswith("004"))
    deadlines = [d for d in extract_facts(ani).dates if d.event == "withdraw" and d.relation == "by"]
    assert date(2021, 7, 4) in {d.target for d in deadlines}


def test_names_times_and_compounds_are_not_counts() -> None:
    values = {q.value for q in extract_quantities(sentence("Police found six AK 47 rifles near an F 16 jet."))}
    assert values == {6}
    assert extract_quantities(sentence("The fight began at 6:00 p.m. local time.")) == []
    assert extract_quantities(sentence("The 2006 accident was shown at the 2014 Oscars.")) == []
    (year_like,) = extract_quantities(sentence("About 2000 soldiers marched."))
    assert year_like.value == 2000 and year_like.noun == "soldier"  # a plural noun: a count after all
    (age,) = extract_quantities(sentence("The 36-year-old champion retained his title."))
    assert age.noun is None  # an age, not 36 of something
    (opening,) = extract_quantities(sentence("A 108-foot statue was unveiled."))  # the article "A" is no code
    assert opening.value == 108 and opening.noun == "foot"


def test_more_after_a_number_leaves_the_noun_counted_and_marks_an_increment() -> None:
    q = one_quantity("Two more countries have joined the observatory.")
    assert (q.text, q.noun) == ("Two more countries", "country")
    assert one_quantity("There were two more than last year.").noun is None  # "more than" is no noun


def test_a_number_after_a_capitalised_word_labels_a_singular_noun() -> None:
    found = extract_quantities(sentence("Three men filed for the open District 2 seat on the board."))
    assert [q.text for q in found] == ["Three men"]
    assert extract_quantities(sentence("A Category 4 storm hit the coast.")) == []
    # Controls: a plural noun is counted after a name too; a qualifier opens no label.
    assert one_quantity("Police in Kenya 3 officers were hurt.").noun == "officer"
    assert one_quantity("About 5 people died.").value == 5


def test_publication_stamps_are_not_events() -> None:
    found = dates_of("This article was posted in Local News on Friday, September 20, 2013.")
    assert found and all(d.event is None for d in found)


def test_stem_strips_the_longest_suffix_and_non_letters() -> None:
    from auditor.facts.words import stem

    assert stem("withdrawal") == stem("withdrawing") == stem("withdraw") == "withdraw"
    assert stem("Negotiations") == "negoti"  # "ations" is tried before "ation" and "s"
    assert stem("agreements") == "agree"  # "ments" before "ment" and "s"
    assert stem("U.S.-led") == "usled"
    assert stem("talks") == "talk" and stem("bus") == "bus"


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("The landslide left 73 people dead, officials said.", "people"),
        ("As many as 20,000 people took to the streets of the capital.", "people"),
        ("Rescuers found 12 miners alive on Friday.", "miner"),
        ("Air defence units destroyed 28 attack drones overnight.", "attack drone"),
        ("Five companies submitted bids for the concession.", "company"),  # the phrase ends at the verb
        ("Police arrested 40 armed men near the border.", "armed man"),  # a first word may be one
        ("Police said 300 riot officers were deployed.", "riot officer"),  # a noun phrase stays whole
        ("The survey found more than 120 species never recorded there.", "species"),  # an adverb ends it
        ("The brewery earned about 310 million euros last year.", "euro"),  # so does a time
        ("All 55 assembly members present backed the plan.", "assembly member"),  # and "present"
    ],
)
def test_a_state_or_a_verb_after_the_counted_noun_is_not_its_head(text: str, noun: str) -> None:
    assert one_quantity(text).noun == noun


def test_event_words_in_the_plural_are_events_and_adjectives_in_cal_are_not() -> None:
    from auditor.facts.dates import is_eventive

    assert is_eventive("elections") and is_eventive("trials") and is_eventive("election")
    assert not is_eventive("local") and not is_eventive("political")


@pytest.mark.parametrize(
    ("text", "tallies"),
    [
        ("Councillors on Wednesday voted 29 to 12, with two abstentions, to approve the plan.", [(29, 12)]),
        ("The bill was approved by 55 votes to 23 at its third reading.", [(55, 23)]),
        ("The Alaska House elected Rep. Dana Whitfield as speaker on a 21-19 vote.", [(21, 19)]),
        ("The court's nine magistrates voted six to three to uphold the law.", [(6, 3)]),
        (
            "Seventy-eight members of the 150-seat legislature backed the bill, while no one voted against it.",
            [(78, None), (None, 0)],
        ),
        ("A total of 78 members voted in favour, 49 voted against and six abstained.", [(78, None), (None, 49)]),
        ("The resolution was backed by 24 of the council's 43 members.", [(24, None)]),
        ("The bill won the support of 52 deputies in the 100-seat Grand Council.", [(52, None)]),
        ("Forty-nine MPs in the 141-seat Seimas voted against the cabinet.", [(None, 49)]),
        # no tally of a motion: a candidate's votes, a threshold, a score, a ratio, a passive
        ("She won 19 of the 35 votes in the General Council, against 16 for Rui Valadares.", []),
        ("The override needed 30 votes in favour, three-fifths of the Legislature.", []),
        ("The Jays owned the glass by a 44-26 margin and won two of six against the Pistons.", []),
        ("The House of Deputies voted nearly 2-1 in favor of the bishop.", []),
        ("The council's 2,507 members had to be approved by the ruler.", []),
    ],
)
def test_vote_tallies_are_read_however_worded(text: str, tallies: list[tuple[int | None, int | None]]) -> None:
    assert [(t.in_favour, t.against) for t in vote_tallies(text)] == tallies
