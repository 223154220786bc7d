"""speakers_named: the whole name in any spelling, or all its words in any order."""

import pytest

from quotes.selectors import speaker_name_words, speakers_named
from tests.web.world import named

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "wi": named("Wi Seong-rak"),
        "baek": named("Baek Ha-jun", aliases=("Baek Ha Jun",)),
        "kazianis": named("Harry J. Kazianis"),
        "sung": named("Sung Kim"),
        "kimtae": named("Kim Tae Ho"),
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("wi seong rak", {"wi"}),
        ("WI SEONGRAK", {"wi"}),
        ("Wí Seong-Rak", {"wi"}),
        ("Seong-rak Wi", {"wi"}),
        ("Baek", {"baek"}),
        ("President Baek", {"baek"}),
        ("Mr. Kazianis", {"kazianis"}),
        ("Harry Kazianis", {"kazianis"}),
        ("Kim", {"sung", "kimtae"}),
        ("Kim Sung", {"sung"}),
        ("Tae-ho Kim", {"kimtae"}),
        # Negative cases: one word that is not in the name, a title alone, a fragment.
        ("Baek Kim", set()),
        ("President", set()),
        ("Seo", set()),
        ("", set()),
        ("--", set()),
    ],
)
def test_speakers_named(people, typed, expected):
    found = set(speakers_named(typed).values_list("id", flat=True))
    assert found == {people[name].pk for name in expected}


def test_name_words_drop_titles_and_honorifics():
    assert speaker_name_words("President Baek") == ["baek"]
    assert sorted(speaker_name_words("Dr. Wi Seong-rak")) == ["rak", "seong", "wi"]
    assert speaker_name_words("") == []
