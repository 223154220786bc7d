"""Attribution: a sieve of ordered rules, each a small function that either finds the speaker
mention and cue of a quote or passes. The first rule that answers wins.

Rules work on word tokens of the quote's paragraph, so offsets stay exact and every window is
bounded: a rule never looks further than a sentence or so from the quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from lexicon import (
    ABBREVIATED_TITLES,
    AUXILIARIES,
    BE_FORMS,
    COUNT_WORDS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    EMBEDDING_WORDS,
    FUNCTION_WORDS,
    LY_NOUNS,
    NAME_CONNECTORS,
    NAME_STOPWORDS,
    NOT_CHARACTERISING,
    ORG_NOUNS,
    PARTICIPLE_CUES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    PLACE_PREPOSITIONS,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEAKING_HEADS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SUBJECT_VERB_FILLERS,
    SUBORDINATORS,
    TIME_DEICTICS,
    TIME_UNITS,
    TITLE_WORDS,
)
from quotes.extraction.detect import QuoteSpan
from quotes.extraction.mentions import POSSESSIVE_ENDS, is_org_word
from quotes.extraction.types import Span

# `\w++(?:[’'\-]++\w++)*+` is `\w(?:[\w’'\-]*\w)?` without backtracking. A word also goes on
# through UTF-8 read as Latin-1 (`FranÃ§ois`, twice over `FranÃ\x83Â§ois`: `Ã`/`Â` and the byte
# after), decomposed or not (`A` and a combining mark), and through combining accents.
# `[A-Z]\.(?:(?:[A-Z]\.)+|...)` is `(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])` with the common prefix
# matched once (same tokens, fewer failed attempts per word).
_TOKEN_RE = re.compile(
    r"[A-Z]\.(?:(?:[A-Z]\.)+|(?=\s+[A-Z]))"
    r"|\w++(?:[’'\-]++\w++|(?<=[ÃÂ])[\x80-\xbf]\w*+"
    r"|[\u0300-\u036f]++(?:(?<=[\u0302\u0303])[\x80-\xbf])?\w*+)*+"
    r"|[^\w\s]"
)
_MATCH_START = re.Match.start
_MATCH_GROUP = re.Match.group
_QUOTE_TOKENS = frozenset('“”"„‟«»')
_CLAUSE_BREAKS = frozenset(_QUOTE_TOKENS | {".", ";", "?", "!", "(", ")", ":"})
_DASHES = frozenset({",", "—", "–", "―", "-"})
_OPENING_BREAKS = frozenset({",", "—", "–", "―"})
_MAX_APPOSITIVE = 30


class Tokens:
    """Word and punctuation tokens of one paragraph with their offsets."""

    __slots__ = ("lows", "starts", "text", "words")

    def __init__(self, text: str, *segments: Span) -> None:
        self._fill(text, [(segment.start, segment.end) for segment in segments])

    @classmethod
    def from_ranges(cls, text: str, ranges: Sequence[tuple[int, int]]) -> Tokens:
        """Tokens of (start, end) character ranges, in order."""
        tokens = cls.__new__(cls)
        tokens._fill(text, ranges)
        return tokens

    def _fill(self, text: str, ranges: Sequence[tuple[int, int]]) -> None:
        self.text = text
        finditer = _TOKEN_RE.finditer
        matches = [match for start, end in ranges for match in finditer(text, start, end)]
        self.starts: list[int] = list(map(_MATCH_START, matches))
        self.words: list[str] = list(map(_MATCH_GROUP, matches))
        # Tokens hold no whitespace, so one lower() over the joined words splits back exactly.
        self.lows: list[str] = " ".join(self.words).lower().split(" ") if matches else []

    def __len__(self) -> int:
        return len(self.words)

    def index_at(self, offset: int) -> int:
        """Index of the first token starting at or after offset."""
        return bisect_left(self.starts, offset)

    def end(self, index: int) -> int:
        """Offset just past token `index` (a token is the text from its start, unchanged)."""
        return self.starts[index] + len(self.words[index])

    @property
    def ends(self) -> list[int]:
        """The end offsets of all tokens (rules read single ends through end())."""
        return [start + len(word) for start, word in zip(self.starts, self.words, strict=True)]

    def slice_text(self, first: int, last: int) -> str:
        return self.text[self.starts[first] : self.starts[last] + len(self.words[last])]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase that can speak, as token indexes (inclusive)."""

    first: int
    last: int
    kind: str  # "name" | "pronoun" | "description" | "org"
    tail: int  # last token consumed, appositive included
    title: str | None = None
    determiner: str | None = None
    head: str | None = None
    # A relative pronoun's antecedent (`Mike Lee, who declared, “Q”`): the mention is `who`,
    # the speaker is whom it stands for.
    antecedent: Phrase | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """What a rule found: the mention, its kind, the cue and how sure the rule is."""

    mention: Span
    mention_text: str
    phrase_kind: str
    cue: str | None
    confidence: float
    title: str | None = None
    determiner: str | None = None
    head: str | None = None
    inherited: bool = False
    rule: str = ""  # the name of the rule that found it, stamped by attribute()
    refers_to: Attribution | None = None  # what a relative pronoun mention stands for


@dataclass(slots=True)
class QuoteContext:
    text: str
    quote: QuoteSpan
    paragraph: Span
    tokens: Tokens
    open_index: int  # token index of the opening mark
    close_index: int  # token index of the closing mark, len(tokens) when left open
    pre_start: int  # first token of the pre-quote window (sentence start or previous quote end)
    post_end: int  # token after the post-quote window (next quote or paragraph end)
    sentence_end: int  # token index just past the sentence that holds the closing mark
    previous: Attribution | None  # the attribution of the previous quote in the paragraph
    previous_in_sentence: bool  # the previous quote ends in the sentence where this one starts
    previous_tokens: Callable[[], Tokens | None]  # built only when a rule needs them
    previous_sentence: Callable[[], Tokens | None]  # the sentence before, in this paragraph
    previous_paragraph_quote: Attribution | None  # the last quote of the previous paragraph
    previous_paragraph_unclosed: bool


# --- the rule registry ------------------------------------------------------------------

Rule = Callable[[QuoteContext], Attribution | None]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A registered rule: its name (the function's without `rule_`), its place in the sieve,
    whether its cue lies in the quote's own sentence, and whether it continues an earlier
    paragraph's speaker."""

    name: str
    order: int
    local: bool
    continues: bool
    function: Rule


RULES: dict[str, RuleSpec] = {}


def rule(*, order: int, local: bool, continues: bool = False) -> Callable[[Rule], Rule]:
    """Declare a rule once: `@rule(order=30, local=True)` above `def rule_<name>(ctx)`. The sieve,
    LOCAL_RULES and CONTINUING_RULES derive from these declarations."""

    def register(function: Rule) -> Rule:
        name = function.__name__.removeprefix("rule_")
        if name in RULES or any(spec.order == order for spec in RULES.values()):
            raise ValueError(f"rule {name!r} or order {order} is registered twice")
        RULES[name] = RuleSpec(name, order, local, continues, function)
        return function

    return register


# --- small token predicates -------------------------------------------------------------


def _is_possessive(word: str) -> bool:
    return word.endswith(POSSESSIVE_ENDS)


def _is_name_word(word: str) -> bool:
    first = word[0]
    if not first.isupper() or word == "I":
        return False
    lower = word.lower()
    if len(lower) > 6 and lower.endswith(_ADVERB_ENDINGS):
        return False  # `Repeatedly asked ..., the official said`
    return lower not in NAME_STOPWORDS or lower in ABBREVIATED_TITLES


# Endings of adverbs that open sentences (`Repeatedly`, `Additionally`); names rarely end so.
_ADVERB_ENDINGS = (
    *("edly", "ingly", "ously", "ately", "ively", "fully", "ently", "antly", "ically"),
    "onally",
)


def _is_finite_cue(low: str) -> bool:
    return low in SPEECH_VERBS and low not in PARTICIPLE_CUES


def _is_filler(lower: str) -> bool:
    return lower in SUBJECT_VERB_FILLERS or (
        lower.endswith("ly") and lower.isalpha() and lower not in LY_NOUNS
    )


def _skip_back_fillers(tokens: Tokens, index: int, low_bound: int) -> int:
    skipped = 0
    if (
        index - 1 >= low_bound
        and tokens.lows[index] in TIME_UNITS
        and tokens.lows[index - 1] in TIME_DEICTICS
    ):
        index -= 2  # `Steve Jobs last month said`
    while (
        index >= low_bound
        and _is_filler(tokens.lows[index])
        # `Kelly said`: a name, not an adverb; but `Moon on Monday said`
        and (
            tokens.words[index][0].islower()
            or (index > low_bound and tokens.lows[index - 1] == "on")
        )
        and skipped < 4
    ):
        index -= 1
        skipped += 1
    return index


def _skip_fillers(tokens: Tokens, index: int, high: int) -> int:
    skipped = 0
    while index < high and _is_filler(tokens.lows[index]) and skipped < 4:
        index += 1
        skipped += 1
    return index


# --- noun phrases read backwards from a verb ----------------------------------------------


def phrase_before(tokens: Tokens, index: int, low: int, *, nested: bool = False) -> Phrase | None:
    """The subject phrase that ends at token `index`, reading no further back than `low`."""
    if index < low:
        return None
    word = tokens.words[index]
    lower = tokens.lows[index]
    if lower in PRONOUNS or _pronoun_contraction(lower):
        return Phrase(index, index, "pronoun", index)
    if (
        (lower in COUNT_WORDS or word.isdigit())
        and index - 2 >= low
        and tokens.lows[index - 1] == "of"
    ):
        # `the 34-year-old mother of three replied`: a family count after the head noun.
        head = phrase_before(tokens, index - 2, low, nested=True)
        if head is None or head.kind != "description":
            return None
        return replace(head, last=index, tail=index)
    if word == ")":
        opening = _parenthesis_start(tokens, index, low)
        return None if opening is None else phrase_before(tokens, opening - 1, low, nested=nested)
    if word == "," and not nested:
        return _appositive_before(tokens, index, low)
    if _is_name_word(word) and not _is_possessive(word):
        return _name_before(tokens, index, low)
    if lower in PERSON_NOUNS or lower in ORG_NOUNS:
        return _description_before(tokens, index, low)
    if word.isalpha() and word.islower() and lower not in FUNCTION_WORDS:
        # Any noun right before a speech verb with a determiner: `the announcer said`.
        phrase = _description_before(tokens, index, low)
        if phrase is not None and phrase.determiner is not None:
            return phrase
    return None


def _pronoun_contraction(lower: str) -> bool:
    """`He’s claiming`, `she’d said`: the pronoun is the subject."""
    if "’" not in lower and "'" not in lower:
        return False
    for mark in ("’", "'"):
        head, found, _ = lower.partition(mark)
        if found and head in PRONOUNS:
            return True
    return False


def _parenthesis_start(tokens: Tokens, close: int, low: int) -> int | None:
    """`Rep. Gwen Moore (D-Wis.) said`: the party tag does not break the name from its verb."""
    for index in range(close - 1, max(low, close - 12) - 1, -1):
        if tokens.words[index] == "(":
            return index
    return None


def _skip_parenthesis(tokens: Tokens, index: int, high: int) -> int:
    if index < high and tokens.words[index] == "(":
        for probe in range(index + 1, min(high, index + 12)):
            if tokens.words[probe] == ")":
                return probe + 1
    return index


def _appositive_before(tokens: Tokens, comma: int, low: int) -> Phrase | None:
    """`Shin, the analyst, added` / `Moon, whose term ends next May, said`."""
    index = comma - 1
    while index >= low and comma - index <= _MAX_APPOSITIVE:
        if tokens.words[index] == ")":
            # `a New Politics Alliance for Democracy (NPAD) council member`
            opening = _parenthesis_start(tokens, index, low)
            if opening is not None:
                index = opening - 1
                continue
        if tokens.words[index] in _CLAUSE_BREAKS:
            return None
        if tokens.words[index] == ",":
            break
        index -= 1
    else:
        return None
    if index < low or comma - index < 2:
        return None
    core = phrase_before(tokens, index - 1, low, nested=True)
    if core is None or core.kind == "pronoun":
        return None
    first_inner = tokens.lows[index + 1]
    if first_inner in RELATIVE_PRONOUNS or first_inner in SPEECH_VERBS:
        return replace(core, tail=comma)
    return replace(core, title=tokens.slice_text(index + 1, comma - 1), tail=comma)


def _name_before(tokens: Tokens, last: int, low: int) -> Phrase | None:
    first = last
    while first - 1 >= low and last - first < 7:
        previous = tokens.words[first - 1]
        if (
            (_is_name_word(previous) and not _is_possessive(previous))
            or (
                previous == "."
                and first - 2 >= low
                and tokens.lows[first - 2] in ABBREVIATED_TITLES
            )
            or (
                tokens.lows[first - 1] in NAME_CONNECTORS
                and first - 2 >= low
                and _is_name_word(tokens.words[first - 2])
            )
        ):
            first -= 1
        else:
            break
    modified = _description_with_modifier(tokens, first, last, low)
    if modified is not None:
        return modified
    determiner = tokens.lows[first - 1] if first - 1 >= low else None
    words = [w for w in tokens.words[first : last + 1] if w != "."]
    if determiner == "the" or is_org_name(words):
        start = first - 1 if determiner == "the" else first
        return Phrase(start, last, "org", last, determiner=determiner)
    name_first = _name_start(tokens, first, last)
    title = tokens.slice_text(first, name_first - 1) if name_first > first else None
    if name_first > last:
        return None
    return Phrase(name_first, last, "name", last, title=title)


def _description_with_modifier(tokens: Tokens, first: int, last: int, low: int) -> Phrase | None:
    """`an official at South Korea’s Ministry of Foreign Affairs`: the name modifies a noun."""
    index = first - 1
    while index >= low and _is_possessive(tokens.words[index]) and first - index < 5:
        index -= 1
        while index >= low and _is_name_word(tokens.words[index]):
            index -= 1
    if index >= low and tokens.lows[index] == "the":
        index -= 1
    if index - 1 < low or tokens.lows[index] not in PREPOSITIONS:
        return None
    head = tokens.lows[index - 1]
    if head not in PERSON_NOUNS:
        return None
    core = _description_before(tokens, index - 1, low)
    if core is None:
        return None
    return replace(core, last=last, tail=last)


def _description_before(tokens: Tokens, head: int, low: int) -> Phrase | None:
    """`a senior White House official`, `the analyst`, `Cheong Wa Dae officials`."""
    first = head
    determiner: str | None = None
    while first - 1 >= low and head - first < 7:
        previous = tokens.words[first - 1]
        lower = tokens.lows[first - 1]
        if lower in DETERMINERS:
            determiner = lower
            first -= 1
            break
        if _is_possessive(previous):
            determiner = "possessive"
            first -= 1
            while first - 1 >= low and _is_name_word(tokens.words[first - 1]):
                first -= 1
            break
        if not previous[0].isalnum() or lower in FUNCTION_WORDS or lower in SPEECH_VERBS:
            break
        first -= 1
    if determiner is None:
        bare_start = _bare_plural_start(tokens, first, head)
        if bare_start is None:
            return None
        first = bare_start
    return Phrase(first, head, "description", head, determiner=determiner, head=tokens.lows[head])


def _bare_plural_start(tokens: Tokens, first: int, head: int) -> int | None:
    """Without a determiner only a plural or a capitalised modifier makes a speaker phrase."""
    while first < head and not tokens.words[first][0].isupper():
        first += 1
    if first < head or tokens.lows[head].endswith("s"):
        return first
    return None


# --- noun phrases read forwards after a verb or a closing quote ---------------------------


def phrase_after(tokens: Tokens, index: int, high: int) -> Phrase | None:
    """The phrase starting at `index` (`said Cho Sung-ryul, a research consultant for ...`)."""
    if index >= high:
        return None
    if tokens.words[index][0].isdigit():
        # `said 9/11 widow Terry Strada`: a number modifies the title.
        index = _skip_number(tokens, index, high)
        if index >= high:
            return None
    lower = tokens.lows[index]
    if lower in PRONOUNS:
        return Phrase(index, index, "pronoun", index)
    word = tokens.words[index]
    starts_name = _is_name_word(word) and not _is_possessive(word)
    starts_title = word.isalpha() and word.islower() and lower not in FUNCTION_WORDS
    starts_possessive = _is_possessive(word) and word[0].isupper()
    if lower not in DETERMINERS and not (starts_name or starts_title or starts_possessive):
        return None
    core = _core_after(tokens, index, high)
    if core is None:
        return None
    return _with_appositive_after(tokens, core, high)


def _skip_number(tokens: Tokens, index: int, high: int) -> int:
    start = index
    while index < high and index - start < 4 and not tokens.words[index][0].isalpha():
        if tokens.words[index] in _CLAUSE_BREAKS or tokens.words[index] == ",":
            return high
        index += 1
    return index


def _core_after(tokens: Tokens, first: int, high: int) -> Phrase | None:
    lower = tokens.lows[first]
    determiner = lower if lower in DETERMINERS else None
    if _is_possessive(tokens.words[first]) and tokens.words[first][0].isupper():
        determiner = "possessive"  # `Obama's former campaign strategist`
    index = first + 1 if determiner else first
    last_name = last_head = last_word = -1
    while index < high and index - first < 10:
        word = tokens.words[index]
        low = tokens.lows[index]
        if low in SPEECH_VERBS and word.islower():
            break
        if low in PERSON_NOUNS or low in ORG_NOUNS:
            last_head = index
        elif _is_name_word(word) or (_is_possessive(word) and word[0].isupper()):
            last_name = index
        elif word == "." and tokens.lows[index - 1] in ABBREVIATED_TITLES:
            pass
        elif determiner and word[0].isdigit() and "-" in word and word[-1].isalpha():
            last_word = index  # `the 34-year-old mother`, `said the 52-year-old.`
        elif word.isalpha() and word.islower() and not determiner and low not in FUNCTION_WORDS:
            if last_name >= 0 and (_is_filler(low) or _looks_like_verb(low)):
                break  # `Lee casually tapped ...`: the name's verb, not a modifier
            # `White House press secretary Josh Earnest`, `panel Chairman Rep. Jason Chaffetz`
        elif determiner and word[0].isalpha() and low not in FUNCTION_WORDS:
            if _is_filler(low):
                break  # `my father often said`
            if max(last_head, last_name, last_word) >= 0 and _looks_like_verb(low):
                break  # `the board issued a statement`, `the church lashed out`
            last_word = index  # `the letter`, `the ad’s narrator`
        elif not (
            low in NAME_CONNECTORS and index + 1 < high and _is_name_word(tokens.words[index + 1])
        ):
            break
        index += 1
    return _phrase_from_run(tokens, first, high, determiner, last_name, last_head, last_word)


def _phrase_from_run(
    tokens: Tokens,
    first: int,
    high: int,
    determiner: str | None,
    last_name: int,
    last_head: int,
    last_word: int,
) -> Phrase | None:
    last = max(last_name, last_head)
    if determiner and last_word > last and not _is_possessive(tokens.words[last_word]):
        last_head = last = last_word
    if last < first or _is_possessive(tokens.words[last]):
        return None
    if last_head == last:
        head = tokens.lows[last]
        phrase = Phrase(first, last, "description", last, determiner=determiner, head=head)
        return _extend_description(tokens, phrase, high)
    words = tokens.words[first : last + 1]
    if determiner and 0 <= last_head < last_name and not is_org_name(words):
        # `said her attorney Lee Kyung-jae`: a role noun, then the person's name.
        name_first = _name_start(tokens, last_head + 1, last)
        role = tokens.slice_text(first + 1, name_first - 1)
        return Phrase(name_first, last, "name", last, title=role)
    if determiner == "the" or is_org_name(words):
        return Phrase(first, last, "org", last, determiner=determiner)
    if determiner == "possessive":
        # `Commentary’s Noah Rothman`: the owner, then the name.
        name_first = _name_start(tokens, first + 1, last)
        if name_first > last:
            return None
        owner = tokens.slice_text(first, name_first - 1)
        return Phrase(name_first, last, "name", last, title=owner)
    if determiner:
        # `a Nevada Democrat`, `one senior Republican`: an unnamed source of that party or place.
        head = tokens.lows[last]
        phrase = Phrase(first, last, "description", last, determiner=determiner, head=head)
        return _extend_description(tokens, phrase, high)
    name_first = _name_start(tokens, first, last)
    if name_first > last:
        return None
    title = tokens.slice_text(first, name_first - 1) if name_first > first else None
    return Phrase(name_first, last, "name", last, title=title)


def is_org_name(words: list[str]) -> bool:
    """`White House`, `Ministry of Foreign Affairs`, `Reuters`; not `House Speaker Paul Ryan`."""
    if is_org_word(words[-1]):
        return True
    return is_org_word(words[0]) and any(word.lower() == "of" for word in words)


def _name_start(tokens: Tokens, first: int, last: int) -> int:
    """First token of the personal name at the end of a run; what precedes is a title."""
    index = last
    while index > first and last - index < 4:
        previous = tokens.words[index - 1]
        low = tokens.lows[index - 1]
        if low in TITLE_WORDS or low in ABBREVIATED_TITLES or not _is_name_word(previous):
            break
        index -= 1
    return index


def _extend_description(tokens: Tokens, phrase: Phrase, high: int) -> Phrase:
    """`a spokeswoman for the Clinton campaign`: keep the affiliation in the mention."""
    index = phrase.last + 1
    if index + 1 >= high or tokens.lows[index] not in PREPOSITIONS:
        return phrase
    following = _core_after(tokens, index + 1, high)
    if following is None or (following.kind == "description" and following.head in PERSON_NOUNS):
        return phrase
    return replace(phrase, last=following.last, tail=following.last)


def _with_appositive_after(tokens: Tokens, phrase: Phrase, high: int) -> Phrase:
    after_parenthesis = _skip_parenthesis(tokens, phrase.last + 1, high)
    if after_parenthesis > phrase.last + 1:
        phrase = replace(phrase, tail=after_parenthesis - 1)
    index = phrase.tail + 1
    if index + 1 >= high or tokens.words[index] != ",":
        return phrase
    first = index + 1
    lower = tokens.lows[first]
    if (
        lower in SPEECH_VERBS
        or lower in RELATIVE_PRONOUNS
        or (lower.endswith("ing") and lower not in TITLE_WORDS)  # `, acting secretary` is a title
    ):
        return phrase
    if not (tokens.words[first].islower() or lower in TITLE_WORDS or lower in DETERMINERS):
        return phrase
    last = first
    while last + 1 < high and last - first < _MAX_APPOSITIVE:
        following = tokens.words[last + 1]
        if following in _CLAUSE_BREAKS and not (
            following == "." and tokens.lows[last] in ABBREVIATED_TITLES
        ):
            break  # `state Del. Marcia Price` goes on past the abbreviation
        if following == "," and last + 2 < high and _ends_appositive(tokens.lows[last + 2]):
            break
        last += 1
    return replace(phrase, title=tokens.slice_text(first, last), tail=last)


def _ends_appositive(lower: str) -> bool:
    """`Lee, a resident of the island, was quoted as saying`: the verb after the second comma."""
    return (
        lower.endswith("ing")
        or lower in RELATIVE_PRONOUNS
        or lower in SPEECH_VERBS
        or lower in AUXILIARIES
        or lower in SUBJECT_VERB_FILLERS
        or (lower.endswith("ed") and lower.isalpha())  # `Kim, the sister of ..., issued`
    )


# --- building attributions --------------------------------------------------------------


def _attribution(
    tokens: Tokens, phrase: Phrase, *, cue: int | None, confidence: float
) -> Attribution:
    start, end = tokens.starts[phrase.first], tokens.end(phrase.last)
    if phrase.kind == "pronoun":
        confidence *= 0.95
        word = tokens.words[phrase.first]
        for mark in ("’", "'"):
            if mark in word:
                end = start + word.index(mark)
    return Attribution(
        mention=Span(start, end),
        mention_text=tokens.text[start:end],
        phrase_kind=phrase.kind,
        cue=tokens.words[cue] if cue is not None else None,
        confidence=round(confidence, 3),
        title=phrase.title,
        determiner=phrase.determiner,
        head=phrase.head,
        refers_to=(
            _attribution(tokens, phrase.antecedent, cue=cue, confidence=confidence)
            if phrase.antecedent is not None
            else None
        ),
    )


def _content_ends_sentence(ctx: QuoteContext) -> bool:
    content = ctx.text[ctx.quote.start : ctx.quote.end].rstrip()
    return content.endswith(".")


def _post_start(ctx: QuoteContext) -> int:
    index = ctx.close_index + 1
    while index < ctx.post_end and ctx.tokens.words[index] in _DASHES:
        index += 1
    return index


def _attribution_closes(ctx: QuoteContext, after: int) -> bool:
    """After a quote that ends its sentence, `Moon said.` must stand alone as the next sentence."""
    if not _content_ends_sentence(ctx):
        return True
    if after >= ctx.post_end:
        return True
    word = ctx.tokens.words[after]
    if word == "," and _next_quote_follows(ctx, after):
        return False  # `“Q.” She adds, “Q2”`: the new sentence introduces the next quote
    return word in {".", ",", ";"}


_SPACES_THEN_OPENING_MARK = re.compile('[ \u00a0]*[“"„‟«]')


def _next_quote_follows(ctx: QuoteContext, index: int) -> bool:
    """The token at `index` is followed, after spaces only, by a quote mark in the paragraph."""
    start = ctx.tokens.end(index)
    return _SPACES_THEN_OPENING_MARK.match(ctx.text, start, ctx.paragraph.end) is not None


# --- the rules --------------------------------------------------------------------------


@rule(order=20, local=True)
def rule_post_cue_speaker(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” said Shin Beom-chul, director of ...` / `“Q,” according to X`."""
    tokens = ctx.tokens
    index = _post_start(ctx)
    if index >= ctx.post_end:
        return None
    lower = tokens.lows[index]
    if lower == "according" and index + 1 < ctx.post_end and tokens.lows[index + 1] == "to":
        phrase = phrase_after(tokens, index + 2, ctx.post_end)
        cue = index
    elif _is_finite_cue(lower) and tokens.words[index].islower():
        phrase = phrase_after(tokens, _skip_fillers(tokens, index + 1, ctx.post_end), ctx.post_end)
        cue = index
    else:
        return None
    if phrase is None or not _attribution_closes(ctx, phrase.tail + 1):
        return None
    return _attribution(tokens, phrase, cue=cue, confidence=0.95)


@rule(order=30, local=True)
def rule_post_speaker_cue(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” Moon said` / `“Q,” a Cheong Wa Dae official said` / `“Q,” Reuters reported`."""
    tokens = ctx.tokens
    index = _post_start(ctx)
    if index < ctx.post_end and tokens.lows[index] == "as":
        index += 1  # `“Q,” as a Homeland Security memo put it.`
    phrase = phrase_after(tokens, index, ctx.post_end)
    if phrase is None:
        return None
    verb = _verb_after_subject(tokens, phrase.tail + 1, ctx.post_end)
    if verb is None or not _attribution_closes(ctx, verb + 1):
        return None
    return _attribution(tokens, phrase, cue=verb, confidence=0.93)


def _verb_after_subject(tokens: Tokens, index: int, high: int) -> int | None:
    index = _skip_parenthesis(tokens, index, high)
    if index < high and tokens.words[index] == ",":
        index += 1
        closing = _closing_comma(tokens, index, high)
        if closing is not None:
            # `Quina Jones, 25, said` / `Mitch McConnell, R-Ky., said`
            verb = _skip_fillers(tokens, closing + 1, high)
            if verb < high and _is_finite_cue(tokens.lows[verb]) and tokens.words[verb].islower():
                return verb
    if index < high and tokens.lows[index] in RELATIVE_PRONOUNS:
        # `a senior official who spoke on condition of anonymity told Reuters`
        for probe in range(index + 1, min(high, index + 15)):
            if tokens.words[probe] in _CLAUSE_BREAKS:
                return None
            if _is_finite_cue(tokens.lows[probe]) and tokens.words[probe].islower():
                return probe
        return None
    index = _skip_fillers(tokens, index, high)
    if index < high and _is_finite_cue(tokens.lows[index]) and tokens.words[index].islower():
        return index
    if index < high and tokens.lows[index] in PREPOSITIONS:
        # `Mr. Morgan of the Sierra Club said`
        for probe in range(index + 1, min(high, index + 8)):
            if tokens.words[probe] in _CLAUSE_BREAKS or tokens.words[probe] == ",":
                return None
            if _is_finite_cue(tokens.lows[probe]) and tokens.words[probe].islower():
                return probe
    return None


@rule(order=80, local=True)
def rule_post_clause_speaker(ctx: QuoteContext) -> Attribution | None:
    """`“Q,” rather than coordinating North Korea policy, Wi said.`: the attribution ends the
    sentence after an interposed clause."""
    tokens = ctx.tokens
    end = min(ctx.post_end, ctx.sentence_end)
    for comma in range(ctx.close_index + 2, end):
        if tokens.words[comma] in _QUOTE_TOKENS:
            return None
        if tokens.words[comma] != ",":
            continue
        phrase = phrase_after(tokens, comma + 1, end)
        if phrase is not None:
            verb = _verb_after_subject(tokens, phrase.tail + 1, end)
            if verb is not None and _clause_ends(tokens, verb + 1, end):
                return _attribution(tokens, phrase, cue=verb, confidence=0.8)
        if comma + 1 < end and _is_finite_cue(tokens.lows[comma + 1]):
            phrase = phrase_after(tokens, comma + 2, end)
            if phrase is not None and _clause_ends(tokens, phrase.tail + 1, end):
                return _attribution(tokens, phrase, cue=comma + 1, confidence=0.8)
    return None


def _closing_comma(tokens: Tokens, index: int, high: int) -> int | None:
    for probe in range(index, min(high, index + _MAX_APPOSITIVE)):
        word = tokens.words[probe]
        abbreviation = word == "." and probe + 1 < high and tokens.words[probe + 1] == ","
        if word in _CLAUSE_BREAKS and not abbreviation:  # `R-Ky.,` ends an abbreviation
            return None
        if word == ",":
            return probe
    return None


def _clause_ends(tokens: Tokens, index: int, end: int) -> bool:
    # `..., an official said Wednesday.`, `..., he said on Monday.`
    day = index + 1 if index + 1 < end and tokens.lows[index] == "on" else index
    if day < end and tokens.words[day][0].isupper() and _is_filler(tokens.lows[day]):
        index = day + 1
    return index >= end or tokens.words[index] in {".", ",", "!", "?"}


@rule(order=40, local=True)
def rule_pre_according_to(ctx: QuoteContext) -> Attribution | None:
    """`According to X, “Q”`."""
    tokens = ctx.tokens
    if "according" not in tokens.lows[ctx.pre_start : ctx.open_index]:
        return None
    for index in range(ctx.pre_start, ctx.open_index - 1):
        if tokens.lows[index] == "according" and tokens.lows[index + 1] == "to":
            phrase = phrase_after(tokens, index + 2, ctx.open_index)
            if phrase is not None:
                return _attribution(tokens, phrase, cue=index, confidence=0.85)
    return None


@rule(order=60, local=True)
def rule_pre_subject_cue(ctx: QuoteContext) -> Attribution | None:
    """`Moon said Biden's policy aims to achieve “...”` / `Kim told reporters ... that “Q”` /
    `Shin, the analyst, added that ..., saying “Q”` (the participle takes the main subject)."""
    found = subject_of_last_cue(ctx.tokens, ctx.pre_start, ctx.open_index)
    if found is None:
        return None
    phrase, verb = found
    previous = ctx.previous
    if (
        previous is not None
        and ctx.previous_in_sentence
        and previous.rule in LOCAL_RULES
        and _embedded_pronoun(ctx.tokens, phrase, ctx.pre_start)
    ):
        # `Trump took to Twitter to accuse ... of being “duped” and to check out what he called
        # “Q”`: the sentence's subject, found for the earlier quote, speaks.
        return replace(previous, cue=ctx.tokens.words[verb], inherited=False)
    distance = ctx.open_index - verb
    confidence = 0.88 if distance < 12 else 0.8
    return _attribution(ctx.tokens, phrase, cue=verb, confidence=confidence)


def _embedded_pronoun(tokens: Tokens, phrase: Phrase, low: int) -> bool:
    return (
        phrase.kind == "pronoun"
        and phrase.first > low
        and tokens.lows[phrase.first - 1] in EMBEDDING_WORDS
    )


def subject_of_last_cue(tokens: Tokens, low: int, high: int) -> tuple[Phrase, int] | None:
    """The speech verb before `high` that governs the quote, and its subject.

    Reported speech nests (`Clinton says she hopes ... that “Q”`, `Trump said that Clinton once
    described it as “Q”`); newswire attributes to the outermost source, so the earliest cue with
    a subject in the same clause wins."""
    found = None
    words, lows = tokens.words, tokens.lows
    for verb in range(high - 1, low - 1, -1):
        if words[verb] in _CLAUSE_BREAKS and found is not None:
            break
        if lows[verb] not in SPEECH_VERBS:
            continue  # the common case, checked here without a call
        candidate = _cue_with_subject(tokens, verb, low)
        if candidate is None and found is None:
            candidate = _relative_subject(tokens, verb, low)
        if candidate is None:
            continue
        if (
            found is None
            and candidate[0].kind != "pronoun"
            and _introduces_directly(tokens, verb, high)
        ):
            return candidate  # `..., the mother of three replied, “Q”`
        if found is not None and _in_subordinate_clause(tokens, candidate, found[0], low):
            continue  # `While he acknowledged ..., Ham also noted “Q”`
        found = candidate
    if found is not None:
        main = _main_subject_of_pronoun(tokens, found[0], low)
        if main is not None:
            return main, found[1]
    return found


_MAX_DIRECT_GAP = 8


def _introduces_directly(tokens: Tokens, verb: int, high: int) -> bool:
    """`X replied, “Q”` / `Trump saying during the debate, “Q”`: the nearest cue reaches the
    quote through a few adverbial words and a comma or colon, so it introduces the quote."""
    if (
        high - verb > _MAX_DIRECT_GAP
        or high - 1 <= verb
        or tokens.words[high - 1] not in {",", ":"}
    ):
        return False
    lows = tokens.lows
    return not any(
        lows[i] == "that"
        or lows[i] in SPEECH_VERBS
        or tokens.words[i] in _CLAUSE_BREAKS
        or (lows[i].endswith(("ing", "ed")) and lows[i] not in FUNCTION_WORDS)
        for i in range(verb + 1, high - 1)
    )


def _passive_agent(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    """`His comments were condemned by politicians as “arrogant”`: the agent after `by` speaks,
    not the grammatical subject."""
    after = verb + 1
    if after + 1 >= len(tokens) or tokens.lows[after] != "by":
        return None
    # The be-form is itself a filler word (`Moon was later told`), so look among the fillers.
    fillers = tokens.lows[max(low, verb - 3) : verb]
    if not any(word in BE_FORMS for word in fillers):
        return None
    return phrase_after(tokens, after + 1, min(len(tokens), after + 1 + _MAX_APPOSITIVE))


def _relative_subject(tokens: Tokens, verb: int, low: int) -> tuple[Phrase, int] | None:
    """`Mike Lee, who declared in the spin room, “Q”`, `a message that said, “Q”`: the nearest
    cue opens a relative clause; its pronoun is the mention and stands for its antecedent."""
    relative = verb - 1
    while relative > low and (
        tokens.lows[relative] in AUXILIARIES or _is_filler(tokens.lows[relative])
    ):
        relative -= 1  # `who has repeatedly called`
    if relative <= low or tokens.lows[relative] not in {"who", "which", "that"}:
        return None
    before = relative - 1
    if tokens.words[before] == ",":
        before -= 1
    antecedent = phrase_before(tokens, before, low, nested=True)
    if antecedent is not None and antecedent.kind == "pronoun":
        return None
    if antecedent is None and tokens.lows[relative] == "that":
        return None  # `so that`, `said that`: a conjunction, not a relative pronoun
    phrase = Phrase(relative, relative, "pronoun", relative, antecedent=antecedent)
    return phrase, verb


def _in_subordinate_clause(
    tokens: Tokens, candidate: tuple[Phrase, int], main: Phrase, low: int
) -> bool:
    """The candidate's clause opens the sentence with a subordinator and a comma closes it
    before the main clause's subject."""
    phrase, verb = candidate
    if phrase.first - 1 != low or tokens.lows[low] not in SUBORDINATORS:
        return False
    return "," in tokens.words[verb + 1 : main.first]


def _main_subject_of_pronoun(tokens: Tokens, phrase: Phrase, low: int) -> Phrase | None:
    """`Clinton’s campaign is seeking to contrast her approach with what they call “Q”`: a pronoun
    in an embedded clause is the main clause's subject, which the article names there."""
    if not _embedded_pronoun(tokens, phrase, low + 1):
        return None
    main = _sentence_subject(tokens, low, phrase.first - 1)
    if main is None or main.first >= phrase.first:
        return None
    pronoun = _pronoun_of(tokens.lows[phrase.first])
    if pronoun in PERSON_PRONOUNS:
        agrees = main.kind == "name" or _pronoun_of(tokens.lows[main.first]) == pronoun
    else:
        agrees = main.kind in {"org", "description"} or _pronoun_of(tokens.lows[main.first]) in {
            pronoun,
            "it" if pronoun == "they" else "they",
        }
    return main if agrees else None


def _pronoun_of(lower: str) -> str:
    """`it’s` -> `it`."""
    for mark in ("’", "'"):
        lower = lower.partition(mark)[0]
    return lower


def _cue_with_subject(tokens: Tokens, verb: int, low: int) -> tuple[Phrase, int] | None:
    lower = tokens.lows[verb]
    if lower not in SPEECH_VERBS or not tokens.words[verb].islower():
        return None
    agent = _passive_agent(tokens, verb, low)
    if agent is not None:
        return agent, verb
    if verb > low and tokens.lows[verb - 1] in RELATIVE_PRONOUNS:
        return None  # `a young woman who suggested that ...` does not govern the quote
    after_comma = verb > low and tokens.words[verb - 1] == ","
    phrase = None
    if not (after_comma and lower in PARTICIPLE_CUES):
        phrase = _subject_before(tokens, verb, low)
        if (
            phrase is not None
            and phrase.first > low
            and tokens.lows[phrase.first - 1] in PLACE_PREPOSITIONS
            and (lower not in PARTICIPLE_CUES or phrase.kind == "description")
        ):
            # `Protesters marching through the streets chanted`, `In a Facebook message posted
            # Friday, Cruz said`: the phrase is a preposition's object, not the verb's subject
            # (but `footage of Trump saying` is Trump's).
            phrase = _subject_before_modifier(tokens, phrase, low)
    infinitive = verb > low and tokens.lows[verb - 1] == "to"
    coordinated = verb > low and tokens.lows[verb - 1] in {"and", "but"}
    if phrase is None and (lower in PARTICIPLE_CUES or infinitive or coordinated):
        # `The nominee outlined his plan and vowed to punish “Q”`: a second verb shares the
        # sentence subject.
        # `Trump unleashed a series of tweets Friday saying that ...`, `Trump took to Twitter to
        # accuse ...`: the sentence subject.
        phrase = _sentence_subject(tokens, low, verb)
    if phrase is not None and lower in PARTICIPLE_CUES and phrase.head in DOCUMENT_NOUNS:
        # `the Security Council issued a statement calling the test “a clear violation”`
        phrase = _sentence_subject(tokens, low, verb) or phrase
    return (phrase, verb) if phrase is not None else None


def _subject_before_modifier(tokens: Tokens, phrase: Phrase, low: int) -> Phrase | None:
    """The phrase that a prepositional phrase (and a participle before it) modifies; none when
    the prepositional phrase opens the sentence or clause."""
    index = phrase.first - 2
    if (
        index >= low
        and tokens.lows[index].endswith(("ing", "ed"))
        and tokens.words[index].islower()
    ):
        index -= 1  # `Protesters marching through ...`
    if index < low or tokens.words[index] in _CLAUSE_BREAKS or tokens.words[index] == ",":
        return None
    modified = phrase_before(tokens, index, low, nested=True)
    if modified is None or (
        modified.first > low and tokens.lows[modified.first - 1] in PLACE_PREPOSITIONS
    ):
        return phrase  # `president of the United Federation of Teachers, which ..., said`
    return modified


def _looks_like_verb(lower: str) -> bool:
    return lower in SPEECH_VERBS or (lower.endswith("ed") and lower.isalpha())


def _sentence_subject(tokens: Tokens, low: int, high: int) -> Phrase | None:
    """The first phrase, at the sentence start or after an introductory comma, that a verb
    follows: `During a speech, Trump attacked Clinton, saying "..."`."""
    # `SEOUL, South Korea — North Korea's leader sent ...`: a dateline's dash opens the sentence.
    starts = [low] + [
        i + 1 for i in range(low, min(high, low + 20)) if tokens.words[i] in _OPENING_BREAKS
    ]
    # `On September 27 they published ... by announcing that`: a pronoun after a short opener.
    starts += [i for i in range(low, min(high, low + 8)) if tokens.lows[i] in PRONOUNS]
    for start in starts[:5]:
        if start < high and _pronoun_contraction(tokens.lows[start]):
            return Phrase(start, start, "pronoun", start)  # `It’s denouncing ...`
        phrase = phrase_after(tokens, start, high)
        if phrase is None or (phrase.kind == "description" and phrase.determiner is None):
            continue
        if _opening_participle(tokens, phrase, high):
            continue
        following = phrase.tail + 1
        if phrase.title is not None and following < high and tokens.words[following] == ",":
            following += 1  # `Lee Jong-sik, a resident of the island, was quoted as saying`
        following = _skip_fillers(tokens, following, high)
        if (
            following < high
            and tokens.words[following].islower()
            and tokens.words[following].isalpha()
        ):
            return phrase
    return None


def _opening_participle(tokens: Tokens, phrase: Phrase, high: int) -> bool:
    """`Following a meeting, ...`, `Speaking to reporters, ...`: a capitalised participle that
    opens a sentence is not a name."""
    word = tokens.lows[phrase.first]
    following = phrase.last + 1
    return (
        phrase.kind == "name"
        and phrase.first == phrase.last
        and word.endswith("ing")
        and following < high
        and (tokens.lows[following] in DETERMINERS or tokens.lows[following] in PLACE_PREPOSITIONS)
    )


def _subject_before(tokens: Tokens, verb: int, low: int) -> Phrase | None:
    index = _skip_back_fillers(tokens, verb - 1, low)
    phrase = phrase_before(tokens, index, low)
    if phrase is not None:
        return phrase
    if index - 1 > low and tokens.lows[index] == "and" and _looks_like_verb(tokens.lows[index - 1]):
        # `I laughed and said, "..."`: the first verb's subject.
        phrase = phrase_before(tokens, _skip_back_fillers(tokens, index - 2, low), low)
        if phrase is not None:
            return phrase
    # `a senior government official who spoke on condition of anonymity told Reuters`
    for probe in range(index, max(low, index - 15) - 1, -1):
        if tokens.words[probe] in _CLAUSE_BREAKS:
            return None
        if tokens.lows[probe] in ("who", "whose"):
            before = probe - 1
            if before >= low and tokens.words[before] == ",":
                before -= 1
            return phrase_before(tokens, before, low, nested=True)
    return None


@rule(order=50, local=True)
def rule_pre_inverted(ctx: QuoteContext) -> Attribution | None:
    """`Said Ellis: “Q”` / `Added Kim, “Q”`: a cue opening the sentence, then the speaker."""
    tokens = ctx.tokens
    start = ctx.pre_start
    if start >= ctx.open_index or not _is_finite_cue(tokens.lows[start]):
        return None
    if not tokens.words[start][0].isupper():
        return None
    phrase = phrase_after(tokens, start + 1, ctx.open_index)
    if phrase is None or phrase.tail + 2 < ctx.open_index:
        return None
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None  # `Read the latest updates below: “Q”`: an imperative, not an inversion
    return _attribution(tokens, phrase, cue=start, confidence=0.85)


@rule(order=70, local=True)
def rule_pre_possessive_speech_noun(ctx: QuoteContext) -> Attribution | None:
    """`Donald Trump’s claim that there have been “thousands of shootings”`: the owner of the
    claim speaks, when no speech verb is nearer."""
    tokens = ctx.tokens
    for index in range(ctx.open_index - 1, max(ctx.pre_start, ctx.open_index - 25) - 1, -1):
        lower = tokens.lows[index]
        is_noun = lower in SPEECH_NOUNS and index > ctx.pre_start
        if not is_noun and lower in SPEECH_VERBS and tokens.words[index].islower():
            return None
        if not is_noun:
            continue
        owner = index - 1
        while owner > ctx.pre_start and tokens.lows[owner] in SUBJECT_VERB_FILLERS:
            owner -= 1
        word = tokens.words[owner]
        if tokens.lows[owner] in POSSESSIVE_PRONOUNS and owner >= ctx.pre_start:
            # `her remark that “Q”`, `his call for “Q”`
            phrase = Phrase(owner, owner, "pronoun", owner)
            return _attribution(tokens, phrase, cue=index, confidence=0.65)
        if not (_is_possessive(word) and word[0].isupper()):
            continue
        first = owner
        while first - 1 >= ctx.pre_start and _is_name_word(tokens.words[first - 1]):
            first -= 1
        phrase = Phrase(first, owner, "name" if word[0].isupper() else "pronoun", owner)
        return _possessive_attribution(tokens, phrase, cue=index)
    return None


def _possessive_attribution(tokens: Tokens, phrase: Phrase, *, cue: int) -> Attribution:
    """The mention as written (`Donald Trump’s`), resolved without its `’s` like any name."""
    found = _attribution(tokens, phrase, cue=cue, confidence=0.7)
    text = found.mention_text
    for ending in ("’s", "'s", "’", "'"):
        if text.endswith(ending):
            end = found.mention.end - len(ending)
            owner = replace(
                found, mention=Span(found.mention.start, end), mention_text=text[: -len(ending)]
            )
            return replace(found, refers_to=owner)
    return found


_MAX_CHARACTERISATION_WORDS = 25


@rule(order=90, local=True)
def rule_pre_characterisation(ctx: QuoteContext) -> Attribution | None:
    """`Reid has gone after Trump as a “con artist”`, `Trump admires Putin as a “strong leader”`:
    the subject who characterises someone with the quoted words is their source."""
    tokens = ctx.tokens
    index = ctx.open_index - 1
    if index > ctx.pre_start and tokens.lows[index] in {"a", "an"}:
        index -= 1
    if index - 1 <= ctx.pre_start or tokens.lows[index] != "as":
        return None
    if tokens.lows[index - 1] in NOT_CHARACTERISING or not tokens.words[index - 1][0].isalnum():
        return None
    low = max(ctx.pre_start, index - _MAX_CHARACTERISATION_WORDS)
    for probe in range(low, index - 1):
        if tokens.lows[probe] in BE_FORMS:
            following = _skip_fillers(tokens, probe + 1, index)
            if tokens.lows[following].endswith(("ed", "en", "wn")):
                return None  # `what is being criticized as a “...”`: a passive names no source
        if tokens.words[probe] in _QUOTE_TOKENS:
            return None
    phrase = _first_subject(tokens, low, index - 1)
    if phrase is None:
        return None
    return _attribution(tokens, phrase, cue=None, confidence=0.6)


@rule(order=100, local=True)
def rule_pre_colon_subject(ctx: QuoteContext) -> Attribution | None:
    """`The senator has a simple message: “Q”`: a colon with no cue before it hands the quote to
    the subject of the clause it ends, when that is a person, an organisation or a document."""
    tokens = ctx.tokens
    colon = ctx.open_index - 1
    if colon - 1 < ctx.pre_start or tokens.words[colon] != ":":
        return None
    label = phrase_before(tokens, colon - 1, ctx.pre_start, nested=True)
    if (
        label is not None
        and label.first == ctx.pre_start
        and label.kind in {"name", "org"}
        and not tokens.words[colon - 1].isupper()
    ):
        # `Clinton: “Our goal is ...”`: a name alone before the colon labels the speaker (not
        # a heading in capitals: `UPDATE: “...”`).
        return _attribution(tokens, label, cue=colon, confidence=0.7)
    if colon - 2 < ctx.pre_start:
        return None
    phrase = _first_subject(tokens, ctx.pre_start, colon)
    if phrase is None or phrase.kind == "pronoun":
        return None  # a bare pronoun before a colon is mostly a cue rule's business
    return _attribution(tokens, phrase, cue=colon, confidence=0.6)


_VERB_ENDINGS = ("s", "ed", "ing", "en")


def _first_subject(tokens: Tokens, low: int, high: int) -> Phrase | None:
    """The subject of the first verb of the clause: the first lower-case word, read left to
    right, that a speaker phrase (not a preposition's object) precedes."""
    for probe in range(low + 1, high):
        word = tokens.words[probe]
        lower = tokens.lows[probe]
        if not (word.isalpha() and word.islower()):
            continue
        if lower not in AUXILIARIES and (
            _is_filler(lower)
            or lower in FUNCTION_WORDS
            or lower in SPEAKING_HEADS
            or not lower.endswith(_VERB_ENDINGS)
        ):
            continue  # not a verb: `South Korean and US authorities downplayed`
        phrase = _subject_before(tokens, probe, low)
        before = tokens.lows[phrase.first - 1] if phrase is not None and phrase.first > low else ""
        if phrase is None or before in PLACE_PREPOSITIONS or before in DETERMINERS:
            continue  # a preposition's object; `a Tribune editorial`: a noun, not a verb
        if phrase.kind == "name" and phrase.first == phrase.last:
            lowered = tokens.lows[phrase.first]
            if lowered in PERSON_NOUNS or lowered in ORG_NOUNS:
                return None  # `Authorities downplayed ...` opens the sentence: a bare plural
        if phrase.kind == "description" and (
            phrase.head not in SPEAKING_HEADS or phrase.determiner is None
        ):
            # `The choice was between going after Trump as “...”`; a bare plural
            # (`authorities downplayed the launches as “...”`) names no particular source.
            return None
        return phrase
    return None


@rule(order=120, local=True)
def rule_colon_previous_paragraph(ctx: QuoteContext) -> Attribution | None:
    """`Caddell continued:` closing the paragraph before a paragraph that opens with a quote."""
    if not _quote_opens_paragraph(ctx):
        return None
    previous = ctx.previous_tokens()
    if previous is None or len(previous) < 2 or previous.words[-1] != ":":
        return None
    low = _sentence_start_before(previous, len(previous) - 1)
    found = subject_of_last_cue(previous, low, len(previous) - 1)
    if found is None:
        # `Sanders made the following comment:`, `He then listed the qualities a nominee needs:`:
        # the subject of the sentence that the colon ends speaks next.
        subject = _sentence_subject(previous, low, len(previous) - 1)
        if subject is None or (
            subject.kind == "description" and subject.head not in SPEAKING_HEADS
        ):
            return None
        found = (subject, len(previous) - 1)
    phrase, verb = found
    return _attribution(previous, phrase, cue=verb, confidence=0.85)


def _sentence_start_before(tokens: Tokens, index: int) -> int:
    probe = index - 1
    while probe > 0 and tokens.words[probe] not in {".", "?", "!"}:
        probe -= 1
    return probe + 1 if probe > 0 else 0


def _quote_opens_paragraph(ctx: QuoteContext) -> bool:
    return ctx.quote.open_mark == ctx.paragraph.start


def _inherit(attribution: Attribution, *, confidence: float) -> Attribution:
    """The same mention and cue, reached through an earlier quote."""
    return Attribution(
        mention=attribution.mention,
        mention_text=attribution.mention_text,
        phrase_kind=attribution.phrase_kind,
        cue=attribution.cue,
        confidence=confidence,
        title=attribution.title,
        determiner=attribution.determiner,
        head=attribution.head,
        inherited=True,
        refers_to=attribution.refers_to,
    )


@rule(order=130, local=True)
def rule_same_sentence(ctx: QuoteContext) -> Attribution | None:
    """`Trump tweeted that Machado was “disgusting” and “a con”`: one cue covers every quote of
    its sentence."""
    previous = ctx.previous
    if previous is None or not ctx.previous_in_sentence or previous.rule not in LOCAL_RULES:
        return None
    return _inherit(previous, confidence=previous.confidence)


@rule(order=135, local=False)
def rule_clause_subject(ctx: QuoteContext) -> Attribution | None:
    """`Huckabee, for his part, is labeling Obama’s actions “a blatant abuse of power”`, `The ad
    targets a “corrupt political system”`: with no speech verb, the subject of the quote's
    clause, when it can speak, is the source of the words it quotes."""
    tokens = ctx.tokens
    if ctx.open_index - ctx.pre_start < 3 or tokens.lows[ctx.pre_start] in AUXILIARIES:
        return None  # `Had I written “Q”, ...`, `Did she call it “Q”?`: no statement
    if any(word in _QUOTE_TOKENS for word in tokens.words[ctx.pre_start : ctx.open_index]):
        return None
    phrase = _sentence_subject(tokens, ctx.pre_start, ctx.open_index)
    if phrase is None:
        return None
    if phrase.kind == "description" and (
        phrase.head not in SPEAKING_HEADS or phrase.determiner is None
    ):
        return None
    if phrase.first == phrase.last and tokens.lows[phrase.first] in SPEECH_VERBS:
        return None  # `Read the updates below: “Q”`: an imperative verb, not a name
    between = tokens.lows[phrase.tail + 1 : ctx.open_index]
    if any(word in _NOT_THE_SUBJECTS_WORDS for word in between) or _title_cased(ctx):
        # `..., that I had to change my answer: “Q”` (another clause's subject), `it’s
        # prohibited when voting “Q”`, `with the nickname “Lyin’ Ted”`, `his “Contract with
        # America”` (a title).
        return None
    return _attribution(tokens, phrase, cue=None, confidence=0.45)


# Words between a clause's subject and a quote that hand the quote to another clause or
# mark it as a name rather than the subject's words.
_NOT_THE_SUBJECTS_WORDS = (
    SUBORDINATORS
    | RELATIVE_PRONOUNS
    | EMBEDDING_WORDS
    | frozenset({"that", "nickname", "called", "named", "titled", "slogan", "phrase", "term"})
)


def _title_cased(ctx: QuoteContext) -> bool:
    """`Contract with America`, `Make America Great Again`: every word but the small ones is
    capitalised, as in a title or a slogan."""
    words = [
        w
        for w in ctx.text[ctx.quote.start : ctx.quote.end].split()
        if w.lower() not in FUNCTION_WORDS
    ]
    return len(words) > 1 and all(word[0].isupper() for word in words)


@rule(order=140, local=False, continues=True)
def rule_same_paragraph(ctx: QuoteContext) -> Attribution | None:
    """A second quote in the paragraph with no attribution of its own keeps the speaker."""
    if ctx.previous is None:
        return None
    return _inherit(ctx.previous, confidence=0.82)


@rule(order=150, local=False, continues=True)
def rule_continuation_paragraph(ctx: QuoteContext) -> Attribution | None:
    """A paragraph that opens with a quote and has no attribution continues the last speaker."""
    attribution = ctx.previous_paragraph_quote
    if attribution is None or not _quote_opens_paragraph(ctx):
        return None
    confidence = 0.85 if ctx.previous_paragraph_unclosed else 0.75
    return _inherit(attribution, confidence=confidence)


@rule(order=170, local=False)
def rule_previous_paragraph_subject(ctx: QuoteContext) -> Attribution | None:
    """`Wi Seong-rak ... offered his thoughts.` then a quote paragraph: the last speech verb's
    subject in the previous paragraph speaks."""
    if not _quote_opens_paragraph(ctx):
        return None
    previous = ctx.previous_tokens()
    if previous is None or len(previous) < 2:
        return None
    if any(word in _QUOTE_TOKENS for word in previous.words):
        return None
    low = _sentence_start_before(previous, len(previous) - 1)
    found = subject_of_last_cue(previous, low, len(previous))
    if found is None:
        return None
    phrase, verb = found
    return _attribution(previous, phrase, cue=verb, confidence=0.5)


@rule(order=160, local=False)
def rule_previous_sentence_subject(ctx: QuoteContext) -> Attribution | None:
    """`The administration may be reluctant to act, Schiff said. "The other factor ..."`: a quote
    that opens its sentence right after a reported statement continues that speaker."""
    if ctx.pre_start != ctx.open_index or ctx.previous is not None:
        return None
    previous = ctx.previous_sentence()
    if previous is None or len(previous) < 3:
        return None
    if any(word in _QUOTE_TOKENS for word in previous.words):
        return None
    found = subject_of_last_cue(previous, 0, len(previous))
    if found is None:
        return None
    phrase, verb = found
    return _attribution(previous, phrase, cue=verb, confidence=0.55)


_TRANSCRIPT_LABEL_RE = re.compile(r"\s*([A-Z][A-Z.’'\-]+(?: [A-Z][A-Z.’'\-]+){0,2}):\s")


@rule(order=10, local=True)
def rule_transcript_label(ctx: QuoteContext) -> Attribution | None:
    """`"PENCE: Well, look, ...`: a transcript names the speaker in capitals inside the quote."""
    match = _TRANSCRIPT_LABEL_RE.match(ctx.text, ctx.quote.start, ctx.quote.end)
    if match is None or len(match.group(1)) < 2:
        return None
    start, end = match.span(1)
    return Attribution(
        mention=Span(start, end),
        mention_text=ctx.text[start:end],
        phrase_kind="name",
        cue=":",
        confidence=0.85,
    )


@rule(order=110, local=True)
def rule_post_dash_name(ctx: QuoteContext) -> Attribution | None:
    """`“Q.” ― Sonya Herridge`: a dash and a name after the quote sign it."""
    tokens = ctx.tokens
    dash = ctx.close_index + 1
    if dash >= ctx.post_end or tokens.words[dash] not in {"—", "–", "―", "-"}:
        return None
    phrase = phrase_after(tokens, dash + 1, ctx.post_end)
    if phrase is None or phrase.kind == "pronoun":
        return None
    if phrase.tail + 1 < ctx.post_end and tokens.words[phrase.tail + 1] not in {".", ","}:
        return None
    return _attribution(tokens, phrase, cue=dash, confidence=0.8)


@rule(order=132, local=True)
def rule_post_participle_subject(ctx: QuoteContext) -> Attribution | None:
    """`The church fought back against “groundless” media reports, rumors and criticism, saying
    ...`: a participle cue later in the sentence takes the subject of the clause that holds the
    quote, so the quoted words are that subject's (tried last, when nothing else speaks)."""
    tokens = ctx.tokens
    end = min(ctx.post_end, ctx.sentence_end)
    for comma in range(ctx.close_index + 1, end - 1):
        if tokens.words[comma] != ",":
            continue
        cue = comma + 1
        if tokens.lows[cue] not in PARTICIPLE_CUES or not tokens.words[cue].islower():
            continue
        found = subject_of_last_cue(tokens, ctx.pre_start, cue + 1)
        if found is None or found[1] != cue:
            return None
        return _attribution(tokens, found[0], cue=cue, confidence=0.6)
    return None


# The sieve, derived from the registry: the cue that is closest and least ambiguous first,
# inheritance last.
SIEVE: tuple[RuleSpec, ...] = tuple(sorted(RULES.values(), key=lambda spec: spec.order))
# Rules whose cue lies in the quote's own sentence: a later quote of that sentence may share it.
LOCAL_RULES = frozenset(spec.name for spec in SIEVE if spec.local)
# Rules that carry an earlier paragraph's speaker on: their quotes are continuations.
CONTINUING_RULES = frozenset(spec.name for spec in SIEVE if spec.continues)


def attribute(ctx: QuoteContext) -> Attribution | None:
    """The first rule of the sieve that finds a speaker, with its name stamped on the answer."""
    for spec in SIEVE:
        found = spec.function(ctx)
        if found is not None:
            return replace(found, rule=spec.name)
    return None
