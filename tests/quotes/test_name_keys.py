"""One name normalisation: the engine's speaker_key, and the compact and word forms that the
speaker search derives from stored keys in SQL (migrations 0003 and 0007) and in Python."""

import pytest
from django.db import connection

from quotes.extraction import speaker_key
from quotes.selectors import (
    compact_speaker_key,
    key_compact,
    key_words,
    speaker_name_words,
    speakers_named,
)
from tests.api.conftest import named_speaker

pytestmark = pytest.mark.django_db

# name, its key: Korean names with hyphens and digits, accents, full-width forms, initials.
NAMES = [
    ("Wi Seong-rak", "wi-seong-rak"),
    ("Wí Seong-Rak", "wi-seong-rak"),
    ("WI SEONG RAK", "wi-seong-rak"),
    ("Kim Min-0", "kim-min-0"),
    ("Kim Min-12", "kim-min-12"),
    ("Park Ji-hoon 2", "park-ji-hoon-2"),
    ("Chung Eun-seo", "chung-eun-seo"),
    ("Han Ki-bum", "han-ki-bum"),
    ("Kim Tae Ho", "kim-tae-ho"),
    ("Ｋｉｍ　Ｍｉｎ－１", "kim-min-1"),
    ("Dr. Kim Min-ji", "kim-min-ji"),
    ("Harry J. Kazianis", "harry-kazianis"),
    ("O'Brien", "obrien"),
    ("Nguyễn Văn A", "nguyen-van-a"),
    ("Kim_Min", "kim-min"),
    # letters outside a-z keep their place in the key: names in Hangul, ß, ø
    ("박지훈", "박지훈"),
    ("Straße", "strasse"),
    ("Ø. Ærø", "ø-ærø"),
]


def sql_forms(key: str) -> tuple[list[str], list[str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT whosaid_compact_keys(ARRAY[%s]), whosaid_key_words(ARRAY[%s])", [key, key]
        )
        compact, words = cursor.fetchone()
    return compact, words


@pytest.mark.parametrize(("name", "key"), NAMES)
def test_sql_and_python_derive_the_same_forms_from_speaker_key(name, key):
    assert speaker_key(name) == key
    compact, words = sql_forms(key)
    assert compact == [key_compact(key)] == [compact_speaker_key(name)]
    assert sorted(words) == sorted(set(key_words(key)))
    assert set(speaker_name_words(name)) <= set(words)


@pytest.mark.parametrize(("name", "key"), NAMES)
def test_a_stored_speaker_is_found_by_any_spelling_of_its_name(name, key):
    speaker = named_speaker(name)
    assert speaker.key == key
    spellings = [name, name.upper(), key.replace("-", " "), " ".join(reversed(key.split("-")))]
    for spelling in spellings:
        assert list(speakers_named(spelling)) == [speaker], spelling
