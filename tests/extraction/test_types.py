"""The records' own helpers."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from quotes.extraction.attribute import Attribution
from quotes.extraction.grammar import Phrase
from quotes.extraction.types import Span, Speaker, replace, slot_init


def _records() -> list[object]:
    inner = Phrase(0, 1, "name", 1, title="analyst")
    return [
        Span(3, 9),
        Phrase(2, 4, "description", 6, determiner="the", head="official", antecedent=inner),
        Speaker(name="Mara Quist", kind="person", key="mara quist", title="director"),
        Attribution(
            mention=Span(0, 10),
            mention_text="Mara Quist",
            phrase_kind="name",
            cue="said",
            confidence=0.9,
        ),
    ]


@pytest.mark.parametrize("record", _records(), ids=lambda record: type(record).__name__)
def test_replace_gives_what_dataclasses_replace_gives(record: object) -> None:
    assert dataclasses.is_dataclass(record)
    names = [field.name for field in dataclasses.fields(record)]
    assert replace(record) == record
    assert replace(record) is not record
    for name in names:
        changed = replace(record, **{name: None})
        expected = dataclasses.replace(record, **{name: None})  # type: ignore[type-var]
        assert changed == expected
        assert hash(changed) == hash(expected)
        assert type(changed) is type(record)
    first, last = names[0], names[-1]
    both = {first: "x", last: "y"}
    assert replace(record, **both) == dataclasses.replace(record, **both)  # type: ignore[type-var]


def test_replace_leaves_the_record_unchanged_and_frozen() -> None:
    span = Span(3, 9)
    moved = replace(span, end=12)
    assert (span.start, span.end, moved.start, moved.end) == (3, 9, 3, 12)
    with pytest.raises(dataclasses.FrozenInstanceError):
        moved.end = 4  # type: ignore[misc]


def test_replace_refuses_an_unknown_field() -> None:
    with pytest.raises(TypeError):
        replace(Span(3, 9), middle=6)


def _record_class() -> Any:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Record:
        first: int
        second: str = "b"
        third: tuple[int, ...] = ()

    return Record


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "x"), {}), ((1,), {"third": (4,)}), ((), {"first": 2, "second": "y"})],
)
def test_slot_init_builds_what_the_dataclass_init_builds(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    plain, fast = _record_class(), slot_init(_record_class())
    built = fast(*args, **kwargs)
    assert dataclasses.astuple(built) == dataclasses.astuple(plain(*args, **kwargs))
    assert built == fast(*args, **kwargs)
    assert hash(built) == hash(fast(*args, **kwargs))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.first = 5


@pytest.mark.parametrize(("args", "kwargs"), [((), {}), ((1, "x", (), 4), {}), ((1,), {"x": 2})])
def test_slot_init_refuses_what_the_dataclass_init_refuses(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    with pytest.raises(TypeError):
        _record_class()(*args, **kwargs)
    with pytest.raises(TypeError):
        slot_init(_record_class())(*args, **kwargs)


def test_slot_init_refuses_a_record_it_cannot_build_alike() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Listed:
        items: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(slots=True)
    class Mutable:
        first: int

    for kind in (Listed, Mutable):
        with pytest.raises(TypeError):
            slot_init(kind)
