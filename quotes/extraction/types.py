"""Small frozen records with character offsets into the text that extract() was given."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

QuoteKind = Literal["full", "partial", "continuation"]
# A claim in reported speech (no quote marks): `Kang said he will push for talks`.
ClaimKind = Literal["indirect"]
StatementKind = QuoteKind | ClaimKind
SpeakerKind = Literal["person", "organization", "anonymous"]

_Record = TypeVar("_Record")
# Per record class: a copier of all its slots, and the slot setter of each field.
_COPY_PLANS: dict[type, tuple[Callable[[Any], Any], dict[str, Any]]] = {}


def replace(record: _Record, /, **changes: Any) -> _Record:
    """dataclasses.replace() for the engine's records, slotted dataclasses with no
    __post_init__ and every field in __init__: the same new record, its slots filled directly
    instead of through __init__ and its field loop, four times as fast (the sieve, the phrase
    finders and the name reading make thousands per article)."""
    kind = type(record)
    plan = _COPY_PLANS.get(kind)
    if plan is None:
        plan = _COPY_PLANS[kind] = _copy_plan(kind)
    copy, setters = plan
    new: _Record = copy(record)
    try:
        for name, value in changes.items():
            setters[name](new, value)
    except KeyError:
        raise TypeError(
            f"{kind.__name__} has no field {sorted(changes.keys() - setters.keys())}"
        ) from None
    return new


def _copy_plan(kind: type) -> tuple[Callable[[Any], Any], dict[str, Any]]:
    """A copier written out for the class, one slot setter call per field with no loop (as
    dataclasses writes __init__), and the setters by field name."""
    names = [field.name for field in dataclasses.fields(kind)]
    if len(names) < 2 or "__slots__" not in kind.__dict__:
        raise TypeError(f"{kind.__name__}: replace() copies slotted records of two fields or more")
    setters = {name: kind.__dict__[name].__set__ for name in names}
    scope: dict[str, Any] = {"new_record": object.__new__, "kind": kind}
    scope.update((f"set_{index}", setters[name]) for index, name in enumerate(names))
    lines = [f"    set_{index}(new, record.{name})" for index, name in enumerate(names)]
    source = (
        "def copy(record):\n    new = new_record(kind)\n" + "\n".join(lines) + "\n    return new\n"
    )
    exec(source, scope)  # the source holds nothing but the class's own field names
    copy: Callable[[Any], Any] = scope["copy"]
    return copy, setters


def slot_init(kind: type[_Record]) -> type[_Record]:
    """A frozen slotted dataclass with its __init__ written again to fill each slot through the
    slot's own setter (as replace() copies) instead of object.__setattr__() by field name: the
    same signature, defaults and record, built in two thirds of the instructions. The engine
    makes tens of thousands of records per hundred articles (phrases, attributions, quotes);
    their dataclass __init__ took 6% of extract()."""
    fields = dataclasses.fields(kind)  # type: ignore[arg-type]
    if (
        not kind.__dataclass_params__.frozen  # type: ignore[attr-defined]
        or "__slots__" not in kind.__dict__
        or hasattr(kind, "__post_init__")
        or any(
            not field.init or field.kw_only or field.default_factory is not dataclasses.MISSING
            for field in fields
        )
    ):
        raise TypeError(f"{kind.__name__}: slot_init() takes frozen slotted plain records")
    scope: dict[str, Any] = {}
    parameters = []
    for index, field in enumerate(fields):
        scope[f"set_{index}"] = kind.__dict__[field.name].__set__
        if field.default is dataclasses.MISSING:
            parameters.append(field.name)
        else:
            scope[f"default_{index}"] = field.default
            parameters.append(f"{field.name}=default_{index}")
    lines = [f"    set_{index}(self, {field.name})" for index, field in enumerate(fields)]
    source = f"def __init__(self, {', '.join(parameters)}):\n" + "\n".join(lines) + "\n"
    exec(source, scope)  # the source holds nothing but the class's own field names
    init = scope["__init__"]
    init.__qualname__ = f"{kind.__qualname__}.__init__"
    kind.__init__ = init  # type: ignore[method-assign]
    return kind


@slot_init
@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@slot_init
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int


@slot_init
@dataclass(frozen=True, slots=True)
class Mention:
    """The words in the text that attribute a quote ("Wi", "he", "a Cheong Wa Dae official")."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@slot_init
@dataclass(frozen=True, slots=True)
class Speaker:
    """The entity a mention resolves to, as the article knows it."""

    name: str
    kind: SpeakerKind
    key: str
    title: str | None = None
    affiliation: str | None = None

    @property
    def description(self) -> str | None:
        parts = [part for part in (self.title, self.affiliation) if part]
        if not parts:
            return None
        # An anonymous source's title often already names the affiliation.
        if len(parts) == 2 and parts[1].lower() in parts[0].lower():
            return parts[0]
        return ", ".join(parts)

    def to_dict(self, *, mention: Mention | None = None) -> dict[str, Any]:
        return {
            # `id` is who spoke as the article's scorers tell speakers apart: one id for every
            # quote of the same speaker, whichever mention (`a senior official`, `the official`,
            # `he`) names it in that sentence. It is the key, unique per article as in the database.
            "id": self.key,
            "name": self.name,
            "kind": self.kind,
            "key": self.key,
            "title": self.title,
            "affiliation": self.affiliation,
            "description": self.description,
            "mention": mention.text if mention else None,
            "mention_start": mention.start if mention else None,
            "mention_end": mention.end if mention else None,
        }


@slot_init
@dataclass(frozen=True, slots=True)
class Quote:
    """An attributed statement: a direct quote, or (kind "indirect") a claim in reported
    speech whose span is the reported clause without its cue and speaker."""

    text: str
    start: int
    end: int
    first_sentence: int
    last_sentence: int
    kind: StatementKind
    cue: str | None
    confidence: float
    speaker: Speaker | None
    mention: Mention | None
    rule: str | None = None
    open_mark: int | None = (
        None  # offset of the opening quote mark, None if the paragraph opened it
    )
    close_mark: int | None = None  # offset of the closing quote mark, None if left open

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "first_sentence": self.first_sentence,
            "last_sentence": self.last_sentence,
            "kind": self.kind,
            "cue": self.cue,
            "confidence": self.confidence,
            "rule": self.rule,
            "speaker": self.speaker.to_dict(mention=self.mention) if self.speaker else None,
            "mention": self.mention.to_dict() if self.mention else None,
        }


@slot_init
@dataclass(frozen=True, slots=True)
class Extraction:
    text: str
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    scare_quotes: tuple[Span, ...] = ()
    version: str = ""
    # Claims in reported speech, kind "indirect", in text order.
    claims: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "sentences": [
                {"index": s.index, "start": s.start, "end": s.end} for s in self.sentences
            ],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "scare_quotes": [{"start": s.start, "end": s.end} for s in self.scare_quotes],
            "claims": [claim.to_dict() for claim in self.claims],
        }
