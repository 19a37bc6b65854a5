"""Who an article says takes a post (auditor/facts/succession.py), on made-up sentences."""

from __future__ import annotations

import pytest

from auditor.facts.succession import post_key, same_post, successions
from auditor.model import Document
from auditor.text import segment_document


def holders(text: str) -> list[tuple[str, str]]:
    doc = segment_document(Document(id="a", path="a.txt", text=text))
    return [(s.person, s.post) for s in successions(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The board has appointed its finance director, Lena Varga, as its next chief executive.",
            [("Lena Varga", "chief executive")],
        ),
        (
            "Tomas Rehak, a professor of law, was named administrator of the Danube Water Agency on Monday.",
            [("Tomas Rehak", "administrator of the Danube Water Agency")],
        ),
        (
            "Miro Halonen will become chief conductor of the Oulu Symphony next season, succeeding Anja Berg.",
            [("Miro Halonen", "chief conductor of the Oulu Symphony")],
        ),
        (
            "Col. Ines Duarte takes over as Chief of the Civil Protection Service.",
            [("Ines Duarte", "Chief of the Civil Protection Service")],
        ),
        (
            "Petra Lind is the new secretary-general of the Nordic Nurses' Union.",
            [("Petra Lind", "secretary-general of the Nordic Nurses' Union")],
        ),
        ("Judge Amara Osei named Ghana's new Chief Justice", [("Judge Amara Osei", "Chief Justice")]),
        (  # whose post it is, before it: "the agency's"
            "The board selected Ana Moreno, currently its deputy for marketing, as the agency's next governor.",
            [("Ana Moreno", "governor")],
        ),
        (
            "Former envoy Karim Haddad has been chosen by Secretary-General Ana Ruiz to head the Joint Monitoring Mission.",
            [("Karim Haddad", "head of Joint Monitoring Mission")],
        ),
        ("The museum hired Oona Salo as its chief medical officer.", [("Oona Salo", "chief medical officer")]),
        (  # the body named by what it is, the company named before
            "The new head of the company is Farid Aliyev, who until now ran its trading arm.",
            [("Farid Aliyev", "head")],
        ),
    ],
)
def test_the_new_holder_of_a_post_in_its_many_wordings(text: str, expected: list[tuple[str, str]]) -> None:
    assert holders(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The holder replaced, an earlier appointment, an appointer, a post the reader does not know.
        "The club named Ana Silva as coach, replacing Rui Costa.",
        "Marta Kowal, who was named ambassador to Chile in 2019, will retire.",
        "Pope Leo named Bishop Tiago Rocha as the new Archbishop of Evora.",
        "The council appointed Dana Frey as its first climate adviser.",
    ],
)
def test_what_is_not_a_new_holder(text: str) -> None:
    people = [person for person, _ in holders(text)]
    assert "Rui Costa" not in people and "Marta Kowal" not in people and "Pope Leo" not in people
    assert "Dana Frey" not in people


def test_posts_are_keyed_by_head_word_rank_and_body() -> None:
    assert post_key("the new head of the Danube Water Agency") == ("head", frozenset({"danube", "water", "agency"}))
    assert post_key("CEO") == ("chief executive", frozenset())
    assert post_key("first woman elected rector of the University of Tartu")[0] == "rector"
    # Who runs one body, in two words; the same title of one body named more or less fully.
    assert same_post("head of the Danube Water Agency", "administrator of the Danube Water Agency")
    assert same_post("chief of the Hellenic Fire Service", "Chief of the Fire Service")
    assert same_post("CEO", "chief executive officer")
    # Two posts: another body, another rank, another title of one company.
    assert not same_post("director of the Tartu Museum", "director of the Tartu Festival")
    assert not same_post("chief conductor", "principal guest conductor")
    assert not same_post("chief financial officer", "chief executive")
    assert not same_post("chief medical officer", "chief operating officer")
