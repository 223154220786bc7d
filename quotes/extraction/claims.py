"""Claims in reported speech: `Kang said he will push for talks`, `..., the ministry said`,
`according to diplomatic sources, ...`. Each claim is the reported clause (its content, without
the cue and the speaker), the speaker mention, the cue and a confidence.

One pass per sentence that holds a claim verb: the sentence is tokenised once, each cue is read
with the grammar the quote rules use (grammar.py: the subject of a verb, phrases after a verb),
and the speaker is resolved by the article's Resolver, as for quotes. The quotes are found first
and never change here; a clause that is all one quote is the quote's, not a claim.

Precision comes first: a claim under the wrong name is worse than a claim missed, so a cue whose
subject the grammar cannot read, whose mention resolves to no speaker, or whose clause is a
hypothetical, a question or a denial of speaking gives no claim. The cues of belief and request
(lexicon/scored_cue_verbs.txt) give candidates that a learned scorer keeps or drops
(claim_model.py, trained by `python -m quotes.extraction train-claims`); the rules' own claims
never depend on it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any, Final

from lexicon import (
    ABBREVIATED_TITLES,
    AFFILIATION_PREPOSITIONS,
    AGO_WORDS,
    ANONYMITY_PARTICIPLES,
    ASK_VERBS,
    AUXILIARIES,
    BARE_COLLECTIVES,
    BARE_SUBJECT_QUANTIFIERS,
    BE_FORMS,
    CALLING_VERBS,
    CLAIM_BREAKS,
    CLAIM_SPEAKING_HEADS,
    CLAIM_THAT_VERBS,
    CLAIM_VERBS,
    CLAUSE_CLOSERS,
    CLAUSE_OPENERS,
    CONCESSIVE_WORDS,
    CONTRACTED_MODALS,
    COORDINATORS,
    CUE_ADVERBS,
    CUE_PARTICLES,
    DESCRIPTION_OPENERS,
    DETERMINERS,
    DOCUMENT_HEADS,
    DOCUMENT_NOUNS,
    FINDING_SOURCES,
    FINDING_VERBS,
    FIRST_PERSON_PRONOUNS,
    FRONTING_WORDS,
    FUNCTION_WORDS,
    GENERIC_SOURCE_HEADS,
    GERUND_PREPOSITIONS,
    INDEFINITE_ARTICLES,
    IRREGULAR_PAST,
    JOINING_CONJUNCTIONS,
    LY_NOUNS,
    MODAL_SUBJECTS,
    MODALS,
    MONTHS,
    NAMING_PARTICIPLES,
    NOT_BEFORE_SCORED_CUES,
    NOT_CLAUSE_STARTS,
    NOT_FINDINGS,
    NOT_THAT_CUES,
    NUMBER_WORDS,
    OBJECT_FIRST_VERBS,
    OBJECT_NAMING_VERBS,
    OBJECT_PARTICIPLES,
    OBJECT_PRONOUNS,
    OBJECT_RELATIVES,
    OCCASION_NOUNS,
    OCCASION_OPENERS,
    OPENING_CONJUNCTIONS,
    PARTITIVE_QUANTIFIERS,
    PAST_FORMS,
    PERSON_NOUNS,
    PERSONAL_SUBJECTS,
    PLACE_PREPOSITIONS,
    PLAIN_ADVERBS,
    POLL_FOLLOWERS,
    POLL_WORDS,
    POSSESSIVE_PRONOUNS,
    POSTMODIFYING_ADJECTIVES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTITY_OPENERS,
    QUESTION_OPENERS,
    REFUSING_VERBS,
    RELATIVE_PRONOUNS,
    REPORT_CUES,
    SCORED_CUE_VERBS,
    SHARE_NOUNS,
    SOURCE_STOPS,
    SPEAKING_HEADS,
    SPEECH_OCCASIONS,
    SPEECH_VERBS,
    STANCE_VERBS,
    SUBJECT_VERB_FILLERS,
    SUBORDINATORS,
    TELL_VERBS,
    THAT_CUE_TAILS,
    TIME_HEADS,
    TIME_MODIFIERS,
    TIME_UNITS,
    TITLE_WORDS,
    UNASSERTING_WORDS,
)
from quotes.extraction.attribute import attribution_of, resolve_attribution
from quotes.extraction.claim_model import claim_kept, claim_may_be_kept
from quotes.extraction.grammar import (
    COMPILED_SCANS,
    QUOTE_TOKENS,
    Phrase,
    Tokens,
    clause_ends,
    is_number,
    is_plural_word,
    is_possessive,
    is_share,
    is_space_at,
    is_word_at,
    phrase_after,
    phrase_before,
    relative_subject,
    sentence_subject,
    share_subject,
    skip_fillers,
    verb_subject,
    word_run_end,
)
from quotes.extraction.mentions import Resolver, is_age_word
from quotes.extraction.types import Mention, Quote, Sentence, Speaker, replace, slot_init


def _trie_pattern(words: Iterable[str], guarded: Iterable[tuple[str, str]] = ()) -> str:
    """One regex alternation as a trie (`sa(?:id|ys?)`): each position tries a letter or two,
    not every word. A guarded word stands only where its lookahead holds (`Asked(?= by )`): it
    ends in the lookahead as a branch of its own, which no word's letters can match too."""
    trie: dict[str, dict[str, Any]] = {}
    for word, lookahead in itertools.chain(((word, "") for word in words), guarded):
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        if lookahead:
            node[lookahead] = {}
        else:
            node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict[str, dict[str, Any]]) -> str:
    branches = [
        (re.escape(key) if len(key) == 1 else key) + _trie_node(child)
        for key, child in sorted(node.items())
    ]
    branches = [branch for branch in branches if branch]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


_FINDING_SOURCE_RE: Final = re.compile(
    r"\b(?:" + _trie_pattern(FINDING_SOURCES) + r")\b", re.IGNORECASE
)
# A sentence holds a claim only if one of these words is in it: one regex pass over the raw text
# before any tokenising finds the sentences to read.
_PASSIVE_RE: Final = re.compile(
    r"\b(?:" + _trie_pattern(word for word in BE_FORMS if word.isalpha()) + r") $"
)
# A transcript's turn: a name in capitals (two letters or more) opens a paragraph, then a colon.
_TURN_RE: Final = re.compile(r"\n[ \t]*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}): (?=\S)")
_WORD_BEFORE_RE: Final = re.compile(r"([\w’']+)\s+$")
_RELATIVE_CUE_RE: Final = re.compile(r", who (?:also )?(?:" + _trie_pattern(CLAIM_VERBS) + r")\b")
_PARTICIPLE_RE: Final = re.compile(r", (?:" + _trie_pattern(OBJECT_PARTICIPLES) + r")\b")
# `“Q,” Kim said, adding the plan was dead`: a participle of a claim verb after the tag's comma
_CLAIM_PARTICIPLE_RE: Final = re.compile(
    r", (?:before |after )?(?:"
    + _trie_pattern(verb for verb in CLAIM_VERBS if verb.endswith("ing"))
    + r")\b"
)
# A sentence holds a claim only if one of these words is in it, right after white space or `(`
# or at the text's start (a cue right after a quote mark or a dash, `“said`, is none). One scan
# of the raw text's characters finds them before any tokenising (_cue_words).
_CUE_WORDS: Final = (
    CLAIM_VERBS | FINDING_VERBS | STANCE_VERBS | OBJECT_PARTICIPLES | SCORED_CUE_VERBS
)
# Words that are cues only before a few words: what must follow the word.
_GUARDED_CUES: Final = {
    "Asked": re.compile(" by "),
    # `In a Valley Herald poll last month, Varga had a 10-point lead`
    "In": re.compile(r" [^,.;\n]{0,80}?\b(?:" + _trie_pattern(POLL_WORDS) + r")\b[^,.;\n]{0,60},"),
    # `Varga leads by 10 points in the latest Valley Herald poll.`
    "in": re.compile(
        r" (?:[Tt]he|an?|[A-Z0-9])[^,.;:\n]{0,60}?\b(?:" + _trie_pattern(POLL_WORDS) + r")\b"
    ),
}
# Each word the scan looks for, and what it asks of the text after it: nothing (a cue), its
# guard's match (above), its guard's match after a poll word within reach, or ` to`.
_PLAIN: Final = 0
_GUARDED: Final = 1
_POLL_GUARDED: Final = 2
_ACCORDING: Final = 3
_CUE_KINDS: Final = {
    **dict.fromkeys(_CUE_WORDS, _PLAIN),
    "Asked": _GUARDED,
    "In": _POLL_GUARDED,
    "in": _POLL_GUARDED,
    **dict.fromkeys(("according", "According"), _ACCORDING),
}
# A guard holds only where a poll word follows within this many characters: the words that
# hold no other poll word are looked for first (`poll` for `polls` too), by str.find().
_POLL_REACH: Final = 100
_POLL_STEMS: Final = tuple(
    sorted(word for word in POLL_WORDS if not any(other in word for other in POLL_WORDS - {word}))
)


def _pair_table(words: Iterable[str]) -> bytes:
    """A byte per pair of ASCII letters (128 * first + second): 1 where some word opens so."""
    table = bytearray(128 * 128)
    for word in words:
        if len(word) >= 2 and word[0].isascii() and word[1].isascii():
            table[128 * ord(word[0]) + ord(word[1])] = 1
    return bytes(table)


# The same words as one regex (a trie: each position tries a letter or two), which finds them
# faster than the scan when the engine runs as Python. It opens with the white space before the
# word (a character class first lets the regex engine skip ahead to the next space); the text's
# first word is matched apart.
_CUE_WORD: Final = (
    "("
    + _trie_pattern(
        _CUE_WORDS | {"according to", "According to"},
        [(word, f"(?={guard.pattern})") for word, guard in _GUARDED_CUES.items()],
    )
    + r")\b"
)
_CUE_RE: Final = re.compile(r"[\s(]" + _CUE_WORD)
_FIRST_CUE_RE: Final = re.compile(_CUE_WORD)
# The first two letters of every word the scan looks for: it reads to the end of, and looks up,
# only the words that open like one of them (on the seeds, 46 % of the words after a space).
_CUE_PAIRS: Final = _pair_table(_CUE_KINDS)
# Where an object ends: `a ban (which drew criticism)`, `his unpopularity - his negatives -`.
_OBJECT_BREAKS: Final = frozenset({"(", ":", "-", "—", "–", "--"})
_DASHES: Final = frozenset({"-", "—", "–", "--"})
# What ends a phrase before the subject: `Washington (AFP) – Varga ...`, `Yet, Varga ...`.
_DATELINE_ENDS: Final = _DASHES | {",", ")", ":"}
# `SAN FRANCISCO, Sept. 16 (Yonhap) --`: the longest dateline read, in tokens.
_MAX_DATELINE_TOKENS: Final = 14
_THAT_WINDOW: Final = 10  # `said in a statement on Monday that ...`: how far "that" may follow
_MAX_ASIDE_THAT_TOKENS: Final = 25  # `said on the Harbor Hour, in its last minute, that`
_MAX_SENTENCE_CHARS: Final = 1500
_MIN_CHARS_PER_CUE: Final = 40
_MAX_SENTENCE_TOKENS: Final = 200  # longer "sentences" are lists or tables, not reported speech
_MAX_CUES_PER_SENTENCE: Final = 6
_MAX_SOURCE_TOKENS: Final = 15
_MAX_WITH_CHARS: Final = 60
# What a reported question opens with: `asked whether ...`, `asked to respond`, `asked about`.
_QUESTION_OPENERS: Final = QUESTION_OPENERS | {"to"}
_MAX_LONG_SOURCE_TOKENS: Final = 30
_BARE_SUBJECT_WINDOW: Final = 7
_MAX_APPOSITIVE_TOKENS: Final = 30
_MAX_COORDINATED_TOKENS: Final = 40
_MIN_PHRASE_CLAIM_TOKENS: Final = 6
_MIN_CONTENT_WORDS: Final = 3
_MIN_OBJECT_WORDS: Final = 2
_MAX_LABEL_CHARS: Final = 40
_MAX_MODIFIERS: Final = 4
_MAX_BARE_SUBJECT_TOKENS: Final = 6
_MAX_ASIDE_TOKENS: Final = 4
_MAX_CUE_ADVERBS: Final = 3  # `had long since said`, `are now also saying`
_MAX_OF_TOKENS: Final = 4
_MAX_CONDITION_TOKENS: Final = 20
_MIN_MIXED_WORDS: Final = 3
_MAX_FRONTED_CHARS: Final = 30
_MAX_LABEL_TOKENS: Final = 4
_MAX_HEADLINE_CHARS: Final = 300
_MIN_UNQUOTED_WORDS: Final = 1
_MIN_CONFIDENCE: Final = 0.5
_ENDS: Final = frozenset({".", "!", ";", ":", ","})
_CLAIM_RELATIVES: Final = OBJECT_RELATIVES | {"that"}
_REPORTING_VERBS: Final = CLAIM_VERBS | SPEECH_VERBS
_CLAUSE_TURNS: Final = QUOTE_TOKENS | _DASHES | {",", ";"}  # where _clause_last may end a clause
_WORD_RE: Final = re.compile(r"[^\W_][\w’']*")
_QUANTITY_FIRST_WORDS: Final = frozenset(opener.partition(" ")[0] for opener in QUANTITY_OPENERS)


class _Cue:
    """A cue verb in a sentence's tokens, with its subject and the end of its attribution read
    once, however many shapes ask for them."""

    def __init__(self, tokens: Tokens, verb: int) -> None:
        self.tokens = tokens
        self.verb = verb
        self._subject: tuple[Phrase, int] | None = None
        self._subject_read = False
        self._verb_subject: tuple[Phrase, int] | None = None
        self._verb_subject_read = False
        self._after: int | None = None
        self._after_read = False

    def verb_subject(self) -> tuple[Phrase, int] | None:
        """The subject as the quote rules read it (grammar.verb_subject)."""
        if not self._verb_subject_read:
            self._verb_subject = verb_subject(self.tokens, self.verb, 0)
            self._verb_subject_read = True
        return self._verb_subject

    def subject(self) -> tuple[Phrase, int] | None:
        if not self._subject_read:
            self._subject = (
                self.verb_subject()
                or _adverb_subject(self.tokens, self.verb)
                or _prepositional_subject(self.tokens, self.verb)
                or _parenthesised_subject(self.tokens, self.verb)
            )
            self._subject_read = True
        return self._subject

    def after(self) -> int | None:
        if not self._after_read:
            self._after = _attribution_end(self.tokens, self.verb, len(self.tokens.words))
            self._after_read = True
        return self._after


@slot_init
@dataclass(frozen=True, slots=True)
class _Candidate:
    """A claim before its speaker is resolved: token indexes into one sentence's tokens."""

    first: int  # first token of the content
    last: int  # last token of the content
    phrase: Phrase
    cue: int
    cue_text: str
    confidence: float
    rule: str


class _Marks:
    """The quoted spans of the article, marks included, for `inside a quote` tests."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def inside(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def opens_at(self, offset: int) -> bool:
        """A quoted span opens at `offset`."""
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and self.starts[index] == offset

    def end_of_span_over(self, offset: int) -> int | None:
        """The end of the quoted span that starts at or runs over `offset`, if one does."""
        index = bisect_right(self.starts, offset) - 1
        return self.ends[index] if index >= 0 and offset < self.ends[index] else None

    def any_within(self, start: int, end: int) -> bool:
        """Some quoted span meets [start, end)."""
        index = bisect_right(self.starts, end - 1) - 1
        return index >= 0 and self.ends[index] > start


def find_claims(
    text: str,
    sentences: Sequence[Sentence],
    *,
    quoted: Sequence[tuple[int, int]],
    resolver: Resolver,
    collected: list[tuple[Quote, list[str] | None]] | None = None,
) -> tuple[Quote, ...]:
    """The claims of an article, in text order. `quoted` holds every quote-marked span (from
    its opening mark to past its closing one), in order; `resolver` has resolved the quotes.
    With `collected`, every claim the rules give is appended there (with None) and so is every
    candidate of a scored cue with its features (what train-claims learns from), kept or not."""
    marks = _Marks(quoted)
    found: list[tuple[Tokens, _Candidate, int]] = []
    headline = _headline_label(text, marks)
    if headline is not None:
        found.append((*headline, 0))
    turns = _transcript_turns(text, sentences, marks)
    with_cues, scored = _sentences_with_cues(text, sentences)
    if "''" in text:
        with_cues = _with_doubled_quote_tags(text, with_cues, sentences)
    # what the generic `that` candidate reuses: a sentence's tokens (None: no claim is read in
    # it) and the cues the rules gave candidates for
    read: dict[int, tuple[Tokens | None, set[int]]] = {}
    for sentence, every_cue in with_cues:
        # The rules' cues decide whether a sentence is read, as if the scored ones were not there.
        cues = [offset for offset in every_cue if offset not in scored] if scored else every_cue
        cues = cues or every_cue
        length = sentence.end - sentence.start
        if (
            length > _MAX_SENTENCE_CHARS
            # a cue every few words is no prose (tables, lists, hostile text); a poll's `in` is
            # a preposition, not counted
            or (
                len(cues) > 2
                and _verb_cues(text, sentence.start, cues, marks) * _MIN_CHARS_PER_CUE > length
            )
            or all(map(marks.inside, cues))
        ):
            continue
        reported_tag = _quote_then_tag(text, sentence, marks, cues[0])
        if reported_tag:
            # `“Q,” Kim said, according to the Post.`: the quote and its tag are the Post's, when
            # the quote opens in this sentence
            opens_here = marks.opens_at(sentence.start)
            every_cue = [
                offset
                for offset in every_cue
                if opens_here and text.startswith("according to", offset)
            ]
            if not every_cue:
                continue
        tokens = Tokens.from_ranges(text, ((sentence.start, sentence.end),))
        if len(tokens.words) > _MAX_SENTENCE_TOKENS or _is_question(tokens):
            read[sentence.index] = (None, set())
            continue
        if (
            text.count("''", sentence.start, sentence.end) % 2
            and text.find("''", sentence.start, cues[0]) >= 0
            # `''A. B,'' Ms. Voss wrote.`: the one pair before the cue closes a quote an earlier
            # sentence of the paragraph opened, so the cue stands outside it
            and not (
                _doubled_quote_opened_before(text, sentence.start) is not None
                and text.count("''", sentence.start, cues[0]) == 1
            )
        ):
            read[sentence.index] = (tokens, set())
            continue  # inside a quote in doubled apostrophes, which detect.py does not read
        candidates = _sentence_candidates(tokens, marks, every_cue)
        read[sentence.index] = (tokens, {candidate.cue for candidate in candidates})
        if reported_tag:
            candidates = [replace(c, rule="quote_tag_according_to") for c in candidates]
        found.extend((tokens, candidate, sentence.index) for candidate in candidates)
    turns = turns + _that_clauses(text, sentences, marks, read)
    if turns:
        found = sorted(found + turns, key=itemgetter(2))  # stable: in text order
    return _resolved(text, found, resolver, marks, collected)


# `''Q,'' Mr. Voss pointed out.`, `Mrs. Voss replied, ''Q''`: the tag of a statement in doubled
# apostrophes is read for any verb of speech (the quotes' lexicon) among its nearest words.
_DOUBLED_CLOSE_RE: Final = re.compile(r"[,?!]''\s")
_DOUBLED_OPEN_RE: Final = re.compile(r"[,:] ''(?=\w)")
_TAG_WORD_RE: Final = re.compile(r"[^\s,;:]+")
_LETTERS_RE: Final = re.compile(r"[A-Za-z]+")
_MAX_TAG_CHARS: Final = 80
_MAX_DOUBLED_TAG_WORDS: Final = 6


def _with_doubled_quote_tags(
    text: str, with_cues: list[tuple[Sentence, list[int]]], sentences: Sequence[Sentence]
) -> list[tuple[Sentence, list[int]]]:
    """The sentences with cues, and those with a statement in doubled apostrophes whose tag
    holds a verb of speech that is no claim cue (`pointed out`, `answered`, `continued`,
    `replied`): detect.py does not read these marks, so the tag is read here."""
    cues = {sentence.index: offsets for sentence, offsets in with_cues}
    added = False
    for sentence in sentences:
        if text.startswith("''", sentence.start):
            close = _DOUBLED_CLOSE_RE.search(text, sentence.start + 2, sentence.end)
            offset = None if close is None else _speech_verb_after(text, close.end(), sentence.end)
        else:
            opening = _DOUBLED_OPEN_RE.search(text, sentence.start, sentence.end)
            offset = (
                None
                if opening is None
                else _speech_verb_before(text, sentence.start, opening.start())
            )
        if offset is None or offset in cues.get(sentence.index, ()):
            continue
        cues[sentence.index] = sorted([*cues.get(sentence.index, ()), offset])
        added = True
    if not added:
        return with_cues
    return [(sentence, cues[sentence.index]) for sentence in sentences if sentence.index in cues]


def _speech_verb_after(text: str, position: int, end: int) -> int | None:
    """The offset of the first verb of speech among the words from `position` (`Mr. Reid
    continued.`)."""
    for _ in range(_MAX_DOUBLED_TAG_WORDS):
        word = _TAG_WORD_RE.match(text, position)
        if word is None or word.end() > end:
            return None
        if word.group().rstrip(".!?") in SPEECH_VERBS:
            return word.start()
        position = word.end()
        while position < end and text[position].isspace():
            position += 1
    return None


def _speech_verb_before(text: str, start: int, end: int) -> int | None:
    """The offset of the nearest verb of speech among the words before `end` (`She continued`,
    `Voss put it`, `Voss said in an essay for the Herald`)."""
    words = list(_LETTERS_RE.finditer(text, max(start, end - _MAX_TAG_CHARS), end))
    for word in reversed(words[-_MAX_DOUBLED_TAG_WORDS:]):
        if word.group() in SPEECH_VERBS:
            return word.start()
    return None


def _verb_cues(text: str, start: int, cues: Sequence[int], marks: _Marks) -> int:
    """The cues that count towards the density of the sentence from `start`: not a poll's
    `in`, nor a word quoted (`''... the things Reid says because he says ...,'' Voss said` is
    prose; the doubled apostrophes are counted within the sentence, whose length is bounded)."""
    return sum(
        not text.startswith("in ", offset)
        and not marks.inside(offset)
        and text.count("''", start, offset) % 2 == 0
        for offset in cues
    )


def _headline_label(text: str, marks: _Marks) -> tuple[Tokens, _Candidate] | None:
    """`Varga: Time for a new strategy`, `Poll: Three Senate races are tight`: a headline
    (the text's first line) that a short name or source labels with a colon."""
    colon = text.find(": ", 0, _MAX_LABEL_CHARS)
    if colon < 1 or marks.inside(colon):
        return _headline_says(text, marks)
    line_end = text.find("\n", 0, _MAX_HEADLINE_CHARS)
    if line_end < colon:
        return None  # no headline line, or the colon is past it
    tokens = Tokens.from_ranges(text, ((0, line_end),))
    label = tokens.index_at(colon)
    if not 0 < label <= _MAX_LABEL_TOKENS or label + _MIN_CONTENT_WORDS >= len(tokens):
        return None
    if not all(word[0].isupper() or word == "." for word in tokens.words[:label]):
        return None
    phrase = phrase_before(tokens, label - 1, 0)
    if label == 1 and tokens.lows[0] in FINDING_SOURCES:
        phrase = Phrase(0, 0, "org", 0)  # `Poll: ...`
    elif (
        phrase is None
        or phrase.first != 0
        or not (phrase.kind == "name" or (phrase.kind == "org" and tokens.lows[0] != "the"))
        or text.find(tokens.words[label - 1], line_end) < 0
    ):
        return None  # `Breaking: ...`, `The Latest: ...`: no name the story goes on with
    if tokens.words[-1] == "?" or not (
        tokens.words[label + 1][0].isalnum() or _words_after_quote(tokens, label + 1)
    ):
        return None  # `Kim: ‘I am sick of it’` is a quote
    last = len(tokens) - 1
    return tokens, _Candidate(label + 1, last, phrase, label, ":", 0.75, "headline_label")


def _transcript_turns(
    text: str, sentences: Sequence[Sentence], marks: _Marks
) -> list[tuple[Tokens, _Candidate, int]]:
    """`LENA VOSS: We will not raise the levy this year.`: the turns of an interview's transcript,
    paragraphs that open with a speaker's name in capitals and a colon. Only in an article with
    two turns or more (a lone `UPDATE:` or `WATCH:` labels no speaker), and never a one-letter
    label (`Q:`, `A:` name nobody)."""
    labels = [match for match in _TURN_RE.finditer(text) if not marks.inside(match.start())]
    if len(labels) < 2:
        return []
    turns: list[tuple[Tokens, _Candidate, int]] = []
    starts = [sentence.start for sentence in sentences]
    for match in labels:
        paragraph_end = text.find("\n", match.end())
        paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
        tokens = Tokens.from_ranges(text, ((match.start(1), paragraph_end),))
        colon = tokens.index_at(match.end(1))
        if colon + _MIN_CONTENT_WORDS >= len(tokens) or not tokens.words[colon + 1][0].isalnum():
            continue  # `KIM: “...”` is a quote
        phrase = Phrase(0, colon - 1, "name", colon - 1)
        candidate = _Candidate(
            colon + 1, len(tokens) - 1, phrase, colon, ":", 0.8, "transcript_turn"
        )
        if _asserted(tokens, candidate, marks):
            turns.append((tokens, candidate, max(0, bisect_right(starts, match.start(1)) - 1)))
    return turns


def _words_after_quote(tokens: Tokens, first: int) -> bool:
    """`Voss: ‘No Doubt’ The Levy Will Pass`: a quote opens the headline's clause and words
    follow its close, so the quoted words are part of a claim, not all of it."""
    mark = tokens.words[first]
    if mark not in QUOTE_TOKENS and mark not in {"‘", "'"}:
        return False
    closing = {"“": "”", "‘": "’"}.get(mark, mark)
    for index in range(first + 2, len(tokens) - 1):
        if tokens.words[index] == closing:
            return any(word[0].isalnum() for word in tokens.words[index + 1 :])
    return False


def _headline_says(text: str, marks: _Marks) -> tuple[Tokens, _Candidate] | None:
    """`Jane Roe Says Tax Plan Deserves a Vote`: a headline in title case with `Says`, its
    subject a name the story goes on with."""
    line_end = text.find("\n", 0, _MAX_HEADLINE_CHARS)
    says = text.find(" Says ", 0, line_end)
    if says < 1 or marks.inside(says):
        return None
    tokens = Tokens.from_ranges(text, ((0, line_end),))
    verb = tokens.index_at(says + 1)
    phrase = phrase_before(tokens, verb - 1, 0)
    if (
        phrase is None
        or phrase.kind != "name"
        or verb + _MIN_CONTENT_WORDS >= len(tokens)
        or tokens.words[-1] == "?"
        or not tokens.words[verb + 1][0].isalnum()
        or text.find(tokens.words[verb - 1], line_end) < 0
    ):
        return None
    return tokens, _Candidate(
        verb + 1, len(tokens) - 1, phrase, verb, "Says", 0.75, "headline_says"
    )


def _sentences_with_cues(
    text: str, sentences: Sequence[Sentence]
) -> tuple[list[tuple[Sentence, list[int]]], set[int]]:
    """The sentences that hold a cue word, with the cues' offsets, and the offsets of the scored
    cues among them: one regex pass over the text, so that the many sentences without a cue cost
    nothing more."""
    found: list[tuple[Sentence, list[int]]] = []
    scored: set[int] = set()
    index, count = 0, len(sentences)
    offsets: list[int] = []
    for start, end, word in _cue_words(text):
        while index < count and sentences[index].end <= start:
            if offsets:
                found.append((sentences[index], offsets))
                offsets = []
            index += 1
        if index == count:
            break  # no sentence holds this cue or any later one
        sentence = sentences[index]
        if (
            sentence.start <= start
            and end <= sentence.end
            and _may_report(text, sentence.start, start, word)
        ):
            offsets.append(start)
            if word in SCORED_CUE_VERBS:
                scored.add(start)
    if offsets:
        found.append((sentences[index], offsets))
    return found, scored


def _cue_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each cue word (_CUE_WORDS) at the text's start or after white space
    or `(`, the whole word (no letter, digit or `_` follows), as _CUE_RE finds them. Compiled, one
    pass over the characters: the regex engine enters a match at every space, and its scan was a
    tenth of the pipeline's time."""
    if COMPILED_SCANS:
        return _scan_cue_words(text)
    first = _FIRST_CUE_RE.match(text)
    matches = itertools.chain((first,) if first else (), _CUE_RE.finditer(text))
    return [(match.start(1), match.end(), match.group(1)) for match in matches]


def _scan_cue_words(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    length = len(text)
    index = 0
    opens = True  # a word may start here
    while index < length:
        code = ord(text[index])
        if opens and (97 <= code <= 122 or 65 <= code <= 90):
            end = word_run_end(text, index + 1, length)
            second = ord(text[index + 1]) if end - index >= 2 else 128  # cues are ASCII
            if second < 128 and _CUE_PAIRS[128 * code + second]:
                end = _cue_word(text, index, end, found)
            index = end
            opens = False
            continue
        opens = code == 32 or code == 40 or is_space_at(text, index)  # white space or `(`
        index += 1
    return found


def _cue_word(text: str, start: int, end: int, found: list[tuple[int, int, str]]) -> int:
    """Append text[start:end] if it is a cue word; where the scan goes on."""
    word = text[start:end]
    kind = _CUE_KINDS.get(word, -1)
    if kind == _PLAIN:
        found.append((start, end, word))
    elif kind == _GUARDED or (kind == _POLL_GUARDED and _poll_word_near(text, end)):
        if _GUARDED_CUES[word].match(text, end):
            found.append((start, end, word))
    elif (
        kind == _ACCORDING
        and text.startswith(" to", end)
        and not (end + 3 < len(text) and is_word_at(text, end + 3))
    ):
        found.append((start, end + 3, word + " to"))
        return end + 3
    return end


def _poll_word_near(text: str, start: int) -> bool:
    stop = start + _POLL_REACH
    return any(text.find(stem, start, stop) >= 0 for stem in _POLL_STEMS)


def _may_report(text: str, sentence_start: int, start: int, word: str) -> bool:
    """Cheap tests on the raw text that spare tokenising a sentence for a cue that cannot give
    a claim: a finding's verb with no poll or study before it, an object participle with no
    comma before it, a verb of stance in the passive (`was criticized`)."""
    if word in {"asked", "Asked"} and text.startswith(" by ", start + 5):
        return True  # `Asked by Lena Voss if ...`: the asker's question
    if word in FINDING_VERBS:
        return (
            _FINDING_SOURCE_RE.search(text, sentence_start, start) is not None
            or text.startswith(" that ", start + len(word))  # `the auditors found that`
        )
    if word in OBJECT_PARTICIPLES:
        # `..., calling him ...`, `..., with Voss calling the plan ...`
        return (
            text.startswith(", ", start - 2)
            or text.find(" with ", max(sentence_start, start - _MAX_WITH_CHARS), start) >= 0
        )
    if word in SCORED_CUE_VERBS:
        # `I think`, `you know`, `to see`, `will want`, `did not believe`: no claim to score
        before = _WORD_BEFORE_RE.search(text, max(sentence_start, start - 12), start)
        if before is not None and (
            before.group(1).lower() in NOT_BEFORE_SCORED_CUES
            or before.group(1).endswith(("n’t", "n't"))
        ):
            return False
        return _PASSIVE_RE.search(text, max(sentence_start, start - 8), start) is None
    if word in STANCE_VERBS and word not in CLAIM_VERBS:
        return _PASSIVE_RE.search(text, max(sentence_start, start - 8), start) is None
    return True


def _quote_then_tag(text: str, sentence: Sentence, marks: _Marks, first_cue: int) -> bool:
    """`“Q,” said Kim, a lawyer for the club.`: a sentence that opens in a quote which closes
    before the first cue holds no claim unless `that` follows (`..., adding that ...`) or a
    paraphrase goes on from the quote before the tag's comma; skipped before any tokenising (a
    third of the sentences with a cue)."""
    end = marks.end_of_span_over(sentence.start)
    if end is None or end > first_cue:
        return False
    comma = text.rfind(",", end, first_cue)
    if (
        comma > end
        and "," not in text[end - 2 : end + 1]  # `“Q,” Kim Varga, an analyst, told`: its tag
        and len(_WORD_RE.findall(text, end, comma)) >= _MIN_MIXED_WORDS
    ):
        return False  # `“Q” and against the law, she said`: a paraphrase goes on from the quote
    # `“Q,” he said, referring to the two resorts.`: a participle's object is a claim, and so
    # is what the speaker's relative clause reports (`“Q,” said Kim, who said ...`)
    return (
        " that " not in text[end : sentence.end]
        and not _PARTICIPLE_RE.search(text, end, sentence.end)
        and not _CLAIM_PARTICIPLE_RE.search(text, end, sentence.end)
        and not _RELATIVE_CUE_RE.search(text, end, sentence.end)
    )


def _is_question(tokens: Tokens) -> bool:
    index = len(tokens.words) - 1
    while index > 0 and tokens.words[index] in QUOTE_TOKENS:
        index -= 1
    return tokens.words[index] == "?"


def _sentence_candidates(tokens: Tokens, marks: _Marks, offsets: list[int]) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    lows, words = tokens.lows, tokens.words
    cues = 0
    for offset in offsets:
        index = tokens.index_at(offset)
        if index >= len(tokens.words) or tokens.starts[index] != offset:
            continue
        low = lows[index]
        if low == "asked" and index + 1 < len(tokens) and lows[index + 1] == "by":
            candidate = _asked_by(tokens, index)
        elif low == "according":
            candidate = _according_to(tokens, index)
        elif low == "reported" and index + 1 < len(tokens) and lows[index + 1] == "by":
            candidate = _reported_by(tokens, index)
        elif low == "in":
            candidate = _in_a_source(tokens, index) or _in_a_poll_after(tokens, index)
        elif (low in CLAIM_VERBS or low in SCORED_CUE_VERBS) and words[index].islower():
            if marks.inside(tokens.starts[index]):
                continue
            cues += low not in SCORED_CUE_VERBS
            if cues > _MAX_CUES_PER_SENTENCE:
                break
            if low.endswith("ing") and not _progressive(tokens, index):
                candidate = _participle_content(tokens, index)
            else:
                cue = _Cue(tokens, index)
                candidate = (
                    _as_x_cue(cue)
                    or _content_before(cue)
                    or _doubled_quote_tag(cue)
                    or _relative_clause_claim(cue)
                    or _content_after(cue)
                )
                if candidate is None and (low in STANCE_VERBS or low in SCORED_CUE_VERBS):
                    candidate = _stance(cue)  # `announced a new ad`
        elif low in OBJECT_PARTICIPLES and words[index].islower():
            if marks.inside(tokens.starts[index]):
                continue
            candidate = _participle_object(tokens, index)
        elif low in STANCE_VERBS and words[index].islower():
            if marks.inside(tokens.starts[index]):
                continue
            cue = _Cue(tokens, index)
            opens = (
                _clause_start(tokens, index)
                if index + 1 < len(words)
                and lows[index + 1] in OCCASION_OPENERS
                and lows[index + 1] != "to"  # `hopes to make a case that ...`: an infinitive
                else None
            )
            if (
                opens is not None
                and lows[opens] == "that"
                and _subject_then_finite(tokens, opens + 1)
            ):
                # `pledged during the campaign that ...`: the clause after the occasion
                candidate = _content_after(cue) or _stance(cue)
            else:
                candidate = _stance(cue)
        elif low in FINDING_VERBS and words[index].islower():
            if marks.inside(tokens.starts[index]):
                continue
            candidate = _finding(tokens, index) or _found_that(tokens, index)
        elif low in SPEECH_VERBS and words[index].islower():
            # read for a statement in doubled apostrophes only (`_with_doubled_quote_tags`):
            # `''Q,'' Kim pointed out.`, `Kim replied, ''Q''`
            cue = _Cue(tokens, index)
            candidate = (
                _doubled_quote_tag(cue) if _opens_doubled_quote(tokens, 0) else _content_after(cue)
            )
        else:
            continue
        if candidate is None:
            continue
        candidate = _ended_at_quoted_complement(tokens, candidate)
        if low in CALLING_VERBS and _called_someone(tokens, candidate):
            continue  # `Voss called the harbor master on Monday`: a call, not a judgement
        if _asserted(tokens, candidate, marks):
            candidates.append(candidate)
    ruled = [c for c in candidates if c.cue_text.lower() not in SCORED_CUE_VERBS]
    if len(ruled) == len(candidates):
        return _cut_at_next_claim(tokens, candidates)
    # The rules' claims are cut as if the scored cues were not there, so that they never change.
    scored = [
        claim
        for claim in _cut_at_next_claim(tokens, candidates)
        if claim.cue_text.lower() in SCORED_CUE_VERBS
    ]
    return sorted(_cut_at_next_claim(tokens, ruled) + scored, key=lambda claim: claim.cue)


# --- the shapes ----------------------------------------------------------------------------------


def _according_to(tokens: Tokens, index: int) -> _Candidate | None:
    """`According to X, CLAUSE` / `CLAUSE, according to X.` / `A, according to X, B.`"""
    end = len(tokens)
    if index + 2 >= end or tokens.lows[index + 1] != "to":
        return None
    phrase = _source_after(tokens, index + 2, end)
    opens = _opens_sentence(tokens, index) or _opens_aside(tokens, index)
    if opens and (phrase is None or phrase.tail + 1 >= end or tokens.words[phrase.tail + 1] != ","):
        phrase = _long_source(tokens, index + 2) or phrase
    if phrase is None:
        return None
    after = phrase.tail + 1
    if opens and after + 1 < end and tokens.words[after] == ",":
        if tokens.lows[after + 1] in RELATIVE_PRONOUNS:
            # `According to Kim, who was there, ...`: the source's relative clause
            comma = _first_comma(tokens, after + 2, min(end - 1, after + _MAX_SOURCE_TOKENS))
            if comma is None:
                return None
            phrase, after = replace(phrase, tail=comma - 1), comma
        return _Candidate(after + 1, end - 1, phrase, index, "according to", 0.85, "according_to")
    if index < 2 or tokens.words[index - 1] != ",":
        return _according_to_unmarked(tokens, index, phrase)
    fronted = _fronted_phrase_end(tokens, index, phrase)
    if fronted is not None:
        # `Over the coming year, according to the port authority, traffic will grow`: the
        # source ends at its comma and the clause goes on after it
        phrase = replace(phrase, last=min(phrase.last, fronted - 1), tail=fronted - 1)
        last = _clause_last(tokens, fronted + 1, end - 1)
        return _Candidate(0, last, phrase, index, "according to", 0.85, "clause_according_to")
    first = _opened_before(tokens, index - 1)
    if first and after < end and tokens.words[after] == ")":
        return _Candidate(
            first, index - 2, phrase, index, "according to", 0.85, "clause_according_to"
        )
    if clause_ends(tokens, after, end) or (after < end and tokens.words[after] == "("):
        last = index - 2
        if not first and not _whole_clause(tokens, last, after + 1):
            # `Prices rose, according to a study by Lee, a professor at ...`: after a whole
            # clause comes the source's appositive or a clause of the narrator's
            last = _last_after_interposed(tokens, after, last)
        return _Candidate(first, last, phrase, index, "according to", 0.85, "clause_according_to")
    return None


def _reported_by(tokens: Tokens, index: int) -> _Candidate | None:
    """`As reported by the Courier, CLAUSE`: the clause is the paper's, as after `according to`;
    `The closure was first reported by the Courier.`: the subject is what the paper reported."""
    end = len(tokens)
    phrase = _source_after(tokens, index + 2, end)
    if phrase is None:
        return None
    after = phrase.tail + 1
    if index == 1 and tokens.lows[0] == "as":
        if after + 1 < end and tokens.words[after] == ",":
            return _Candidate(after + 1, end - 1, phrase, index, "reported", 0.8, "reported_by")
        return None
    be = index - 2 if tokens.lows[index - 1] == "first" else index - 1
    if be < 2 or tokens.lows[be] not in BE_FORMS or not clause_ends(tokens, after, end):
        return None
    if be > _MAX_SOURCE_TOKENS or not all(
        word[0].isalnum() or word in {"’s", "'s"} for word in tokens.words[:be]
    ):
        return None  # `The ferry, which was first reported by ...`: a clause, no subject
    return _Candidate(0, be - 1, phrase, index, "reported", 0.8, "reported_by")


def _opens_aside(tokens: Tokens, index: int) -> bool:
    """`(According to the port authority, traffic fell.)`, `It is no secret: according to the
    latest polls, ...`: a parenthesis or a colon opens the clause `according to` opens."""
    return (
        index > 0
        and tokens.words[index - 1] in {"(", ":"}
        and (index == 1 or tokens.words[index - 1] == ":")
    )


def _long_source(tokens: Tokens, first: int) -> Phrase | None:
    """`According to early results of exit polls conducted for the networks by a research firm,
    CLAUSE`: a source too long for a speaker phrase, up to its comma, before a clause."""
    end = len(tokens)
    for index in range(first + 1, min(end - _MIN_CONTENT_WORDS, first + _MAX_LONG_SOURCE_TOKENS)):
        word = tokens.words[index]
        if word == ",":
            if (
                not tokens.words[first][0].isalnum()
                or not _opens_clause(tokens, index + 1)
                or tokens.lows[index + 1] in {"a", "an"}  # `..., a firm in the old town`
            ):
                return None
            return Phrase(first, index - 1, "org", index - 1)
        if word in _ENDS or word in QUOTE_TOKENS or word in {"(", ")"}:
            return None
    return None


def _asked_by(tokens: Tokens, index: int) -> _Candidate | None:
    """`Asked by Lena Voss whether the levy would pass, Park said ...`, `When asked by the host
    about the harbor, ...`: the question opening the sentence is the asker's claim."""
    if not all(
        low in OPENING_CONJUNCTIONS or low == "when" or not word[0].isalnum()
        for word, low in zip(tokens.words[:index], tokens.lows[:index], strict=True)
    ):
        return None
    end = len(tokens)
    phrase = phrase_after(tokens, index + 2, end)
    if phrase is None:
        return None
    first = _past_times(tokens, _skip_fillers_after(tokens, phrase.tail + 1))
    if first >= end or tokens.lows[first] not in _QUESTION_OPENERS:
        return None
    comma = _first_comma(tokens, first + 1, end - 1)
    if comma is None or comma - first < _MIN_CONTENT_WORDS:
        return None
    return _Candidate(first, comma - 1, phrase, index, "asked by", 0.8, "asked_by_x")


def _according_to_unmarked(tokens: Tokens, index: int, phrase: Phrase) -> _Candidate | None:
    """`Varga leads by 271 delegates according to a tally from the AP, but ...`: no comma
    before the cue; the clause before it is the claim when it is long and the source ends."""
    if index < _MIN_PHRASE_CLAIM_TOKENS or not tokens.words[index - 1][0].isalnum():
        return None
    if not clause_ends(tokens, phrase.tail + 1, len(tokens)):
        return None
    if not any(
        tokens.words[probe][0].isupper() or tokens.lows[probe] in SPEAKING_HEADS
        for probe in range(phrase.first, phrase.tail + 1)
    ):
        return None  # `according to plan`, `according to the rules`: a manner, no source
    return _Candidate(0, index - 1, phrase, index, "according to", 0.8, "clause_according_to")


def _fronted_phrase_end(tokens: Tokens, index: int, phrase: Phrase) -> int | None:
    """The comma after the source when only a short phrase (`Over the coming year`, `About 10
    p.m.`) stands before `, according to X,`; None otherwise."""
    if (
        tokens.starts[index] - tokens.starts[0] > _MAX_FRONTED_CHARS
        or tokens.lows[0] not in FRONTING_WORDS
    ):
        return None
    end = len(tokens)
    for probe in range(index + 2, min(end - 2, index + _MAX_SOURCE_TOKENS)):
        if tokens.words[probe] in _ENDS:
            if tokens.words[probe] != ",":
                return None
            # a clause goes on, not an appositive (`according to Kim, a spokesman for ...`)
            return probe if any(_finite(low) for low in tokens.lows[probe + 1 : end]) else None
    return None


@lru_cache(maxsize=4096)  # a pure test of one word: a cached call runs in C, not in Python
def _past_form(low: str) -> bool:
    return low in IRREGULAR_PAST or low.endswith("ed")


@lru_cache(maxsize=4096)  # a pure test of one word, asked thousands of times a pass
def _finite(low: str) -> bool:
    return low in AUXILIARIES or low in BE_FORMS or _past_form(low)


def _opened_before(tokens: Tokens, comma: int) -> int:
    """The start of a clause that a parenthesis, a colon or a semicolon opens before `comma`
    (`Ohio (61 percent were renters, according to the census)`), else 0."""
    for probe in range(comma - 1, 0, -1):
        word = tokens.words[probe]
        if word in {"(", ";"} or (word == ":" and tokens.starts[probe + 1] > tokens.end(probe)):
            return probe + 1 if comma - probe > _MIN_CONTENT_WORDS else 0  # not `10:03`
        if word == ")":
            return 0
    return 0


def _in_a_source(tokens: Tokens, index: int) -> _Candidate | None:
    """`In a Gazette/Channel 9 survey released Thursday, 61 percent of Democrats said
    ...`: a poll or a study named by the phrase that opens the sentence states the clause."""
    if not _opens_sentence(tokens, index):
        return None
    comma = index + 1
    while comma < len(tokens) and tokens.words[comma] != ",":
        comma += 1
    if comma + _MIN_CONTENT_WORDS >= len(tokens) or any(
        tokens.words[verb].islower()
        and (
            tokens.lows[verb] in CLAIM_VERBS
            or tokens.lows[verb] in SPEECH_VERBS
            or tokens.lows[verb] in FINDING_VERBS
        )
        # `In a Herald poll, 38 percent said ...`: the poll's respondents answer for it
        and share_subject(tokens, verb) is None
        for verb in range(comma, len(tokens))
    ):
        return None  # `In an interview, Kim said ...` is Kim's
    if not any(
        tokens.lows[head] in POLL_WORDS
        and (head + 1 == comma or tokens.lows[head + 1] in POLL_FOLLOWERS)
        for head in range(index + 1, comma)
    ):
        return None  # `In the survey room, ...`: the poll is no head
    phrase = Phrase(index + 1, comma - 1, "org", comma - 1)
    return _Candidate(comma + 1, len(tokens) - 1, phrase, index, "in", 0.75, "in_a_source")


def _in_a_poll_after(tokens: Tokens, index: int) -> _Candidate | None:
    """`Varga leads Roe by 9 points in the latest Valley Herald poll.`, `Roe was at 25 percent
    in a survey released Thursday, up from March`: a poll or a survey after the clause states
    it; the clause runs from the sentence's subject (past a fronted phrase) to `in`."""
    if index < _MIN_CONTENT_WORDS or _opens_sentence(tokens, index):
        return None
    tail = _poll_phrase_tail(tokens, index + 1)
    if tail is None:
        return None
    first = _fronted_end(tokens, index)
    if first is None:
        return None
    if any(
        tokens.words[probe].islower() and tokens.lows[probe] in _REPORTING_VERBS
        for probe in range(first, len(tokens))
    ):
        return None  # `Kim said Varga leads in the polls` is Kim's
    if any(word in QUOTE_TOKENS or word in {";", ":"} for word in tokens.words[first:index]):
        return None
    last = index - 1
    while last > first and tokens.words[last] in _ENDS:
        last -= 1
    phrase = Phrase(index + 1, tail, "org", tail)
    return _Candidate(first, last, phrase, index, "in", 0.75, "clause_in_a_poll")


def _poll_phrase_tail(tokens: Tokens, first: int) -> int | None:
    """The last token of a poll's phrase that opens at `first` (`the latest Valley Herald
    poll`, `a survey released Thursday by Marist`), when a poll heads it and it ends the
    clause; None for `the poll numbers`, `a survey room` or a poll that a clause goes on from."""
    end = len(tokens)
    head = first
    while head < end and head - first < _MAX_SOURCE_TOKENS and tokens.lows[head] not in POLL_WORDS:
        word, low = tokens.words[head], tokens.lows[head]
        if not (word[0].isalnum() or word in {"/", "-", "’s", "'s"}):
            return None
        if low in FUNCTION_WORDS and not (head == first and low in DETERMINERS):
            return None  # `in the hours before the polls`, `in part because of the poll`
        head += 1
    if head >= end or tokens.lows[head] not in POLL_WORDS:
        return None
    tail = head
    if tail + 1 < end and tokens.lows[tail + 1] in POLL_FOLLOWERS:
        tail += 1  # `released Thursday`, `from Marist`, `last month`
        while tail + 1 < end and tail - head < 6 and _names_or_dates(tokens, tail + 1):
            tail += 1
    following = tokens.words[tail + 1] if tail + 1 < end else "."
    if following not in _ENDS or following == ":":
        return None
    if not any(_names_or_dates(tokens, probe) for probe in range(first, tail + 1)):
        return None  # `in the polls`, `head to the polls`: no poll the story names
    return tail


def _names_or_dates(tokens: Tokens, index: int) -> bool:
    word = tokens.words[index]
    return word[0].isupper() or word[0].isdigit() or tokens.lows[index] in TIME_UNITS


def _fronted_end(tokens: Tokens, index: int) -> int | None:
    """Where a clause before `index` starts: past a short fronted phrase and its comma (`In March,
    Roe had 38 percent`, `While Varga leads at home, she trails ...`), else the sentence's start."""
    for probe in range(index - _MIN_CONTENT_WORDS - 1, 0, -1):
        if tokens.words[probe] == "," and (
            tokens.lows[probe + 1] in SUBORDINATORS
            or tokens.lows[probe + 1] in JOINING_CONJUNCTIONS
        ):
            return probe + 2  # `Roe came second, although Varga moved up in the Herald poll`
    if tokens.lows[0] not in FRONTING_WORDS and tokens.lows[0] not in SUBORDINATORS:
        return 0
    comma = _first_comma(tokens, 1, index - 1)
    if comma is None and tokens.lows[0] in SUBORDINATORS:
        return None  # `Though Varga led in the Valley Herald poll, ...`: a subordinate clause
    return comma + 1 if comma is not None and index - comma > _MIN_CONTENT_WORDS else 0


def _source_after(tokens: Tokens, first: int, end: int) -> Phrase | None:
    """The source after `according to`: a speaker phrase, or else every word up to the comma
    or the sentence's end when they are few (`according to FEC records`, `according to data
    from the Department of Education`): documents and data are sources there."""
    phrase = phrase_after(tokens, first, end)
    if phrase is not None:
        phrase = _without_clause_appositive(tokens, phrase)
    stop = first
    while (
        stop < end
        and tokens.words[stop] not in _ENDS
        and tokens.words[stop] not in QUOTE_TOKENS
        and tokens.words[stop] not in {"(", ")"}
    ):
        stop += 1
        if stop - first > _MAX_SOURCE_TOKENS:
            return phrase
    if stop == first or (phrase is not None and clause_ends(tokens, phrase.tail + 1, end)):
        return phrase
    if phrase is not None:
        timed = skip_fillers(tokens, phrase.tail + 1, end)
        if timed > phrase.tail + 1 and clause_ends(tokens, timed, end):
            # `according to the mayor's office yesterday`: the day is the report's, not the
            # source's name
            return replace(phrase, tail=timed - 1)
        if phrase.kind != "name" and _participle(tokens, phrase.tail + 1):
            # `according to a weekly paper quoting a study`: what the source did is no name
            return replace(phrase, tail=stop - 1)
    if not tokens.words[first][0].isalnum():
        return None
    for index in range(first, min(stop, first + 3)):
        if tokens.lows[index] in PERSON_NOUNS:
            # `according to people near the harbor board`, `two officials who saw it`:
            # unnamed people, not a document or a body (not `the organizer Hanbit Union`, a
            # name, nor `the secretary of state's website`, what someone owns)
            if index + 1 < stop and tokens.words[index + 1][0].isupper():
                break
            if any(map(is_possessive, tokens.words[index + 1 : stop])):
                break
            return Phrase(first, stop - 1, "description", stop - 1, head=tokens.lows[index])
    return Phrase(first, stop - 1, "org", stop - 1)


def _without_clause_appositive(tokens: Tokens, phrase: Phrase) -> Phrase:
    """`According to the Post, the president has not ...`: what follows the source's last comma
    before a verb is the clause (read as part of an appositive), not an appositive."""
    comma = None
    relative = False  # `according to Kim, who was there, ...`: the relative clause's verb
    for index in range(phrase.first, phrase.tail + 1):
        word = tokens.words[index]
        if word == ",":
            comma = index
            relative = index < phrase.tail and tokens.lows[index + 1] in RELATIVE_PRONOUNS
        elif comma is not None and not relative and word.islower():
            low = tokens.lows[index]
            if low in AUXILIARIES or low in BE_FORMS or low in PAST_FORMS:
                return _cut_before(tokens, phrase, comma)
    return phrase


def _cut_before(tokens: Tokens, phrase: Phrase, comma: int) -> Phrase:
    """The phrase up to the comma at `comma`, its title without the words cut off: `According
    to a senior official, the talks will resume` gives no title `the talks will resume`."""
    title = phrase.title
    if title is not None and phrase.tail > comma:
        if title == tokens.slice_text(comma + 1, phrase.tail):
            title = None
        else:
            title = title.removesuffix(tokens.slice_text(comma, phrase.tail)).rstrip() or None
    return replace(phrase, last=min(phrase.last, comma - 1), tail=comma - 1, title=title)


def _stance(cue: _Cue) -> _Candidate | None:
    """`Quist criticized the mayor for accepting gifts from developers`, `the
    mayor urged residents to stay home`: the object and what goes with it, up to the clause's
    end, a coordinated verb (`and handed Varga ...`) or an occasion (`during a debate`)."""
    tokens, verb = cue.tokens, cue.verb
    end = len(tokens)
    if verb + 1 < end and tokens.lows[verb + 1] == "by":
        return None  # `the delegates offered by the contest`: a passive participle
    after = _past_day(tokens, verb + 1)
    content = _past_particle(tokens, after)
    if content + 2 >= end or (content > after and tokens.lows[verb] in OBJECT_FIRST_VERBS):
        return None  # `the man accused of stealing ...`: a passive, its object the subject
    found = _relative_who(tokens, verb) or cue.verb_subject()
    if found is not None and _object_in_relative(tokens, found[0]):
        # `One of the nurses who wrote to Voss called ...`: not the relative clause's object
        found = _postmodified_subject(tokens, verb)
    if found is None or found[0].last >= verb:
        return None
    last = _object_last(tokens, content, _clause_last(tokens, content + 1, end - 1))
    if (
        content > after
        and tokens.lows[content - 1] == "out"
        and tokens.lows[verb] in CALLING_VERBS
        and "for" not in tokens.lows[content : last + 1]
        and not tokens.words[content][0].isupper()
        and tokens.lows[content] not in OBJECT_PRONOUNS
    ):
        # `called out their slogans` is a shout; `called out Voss (for ...)` a stance
        return None
    final = last if tokens.words[last][0].isalnum() else last - 1
    if final > content and tokens.lows[final - 1] == "as" and tokens.lows[final] in SPEECH_VERBS:
        return None  # `cited the message as saying`: the quote is the message's, no claim here
    if (
        tokens.lows[verb] in NAMING_PARTICIPLES
        and content == verb + 1
        and _only_a_name(tokens, content, last)
    ):
        # `a group called the Harbor Party`, `Voss called Lena Park`: no claim (but `called
        # out Lena Park`, `called on Lena Park to ...` are stances)
        return None
    if found[0].antecedent is not None:
        # `Lena Voss, who has criticized the levy, resigned`: the mention is `who`, and the
        # object ends where the main clause's verb follows a comma
        comma = _predicate_comma(tokens, content + 1, last)
        if comma is not None:
            last = comma - 1
    elif _object_relative(tokens, _phrase_start(tokens, found[0]) - 1, verb):
        # `whom he described as “a hero”`: the relative pronoun stands for the object
        content = _phrase_start(tokens, found[0]) - 1
    elif not tokens.words[content][0].isalnum():
        return None
    return _Candidate(content, last, found[0], verb, tokens.words[verb], 0.75, "x_stance")


def _object_in_relative(tokens: Tokens, phrase: Phrase) -> bool:
    """The phrase is the object of a relative clause's verb (`the nurses who wrote to Voss`),
    not a subject the relative pronoun opens (`a plan that Voss hopes ...`) nor a subject
    pronoun (`who forced me to leave when she called ...`)."""
    if phrase.kind == "pronoun":
        return False
    first = _phrase_start(tokens, phrase)
    for index in range(first - 1, max(-1, first - _MAX_SOURCE_TOKENS), -1):
        word, low = tokens.words[index], tokens.lows[index]
        if word in _ENDS or word in QUOTE_TOKENS or low in COORDINATORS:
            return False
        if low == "who" or (low == "that" and index + 1 < first):
            return any(_finite(tokens.lows[between]) for between in range(index + 1, first))
    return False


def _relative_who(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Voss, who has long opposed the levy, ...`: the relative pronoun is the mention (the
    words the text uses), standing for its antecedent."""
    found = relative_subject(tokens, verb, 0)
    if found is None or tokens.lows[found[0].first] != "who" or found[0].antecedent is None:
        return None
    return found


def _past_day(tokens: Tokens, index: int) -> int:
    """Past a day or a time right after a verb of stance (`pledged Saturday to ...`, `praised
    Tuesday night the ...`, `announced last month a ...`): the cue's, not its object's."""
    if index + 1 < len(tokens) and tokens.lows[index] == "on" and _names_a_day(tokens, index + 1):
        index += 1  # `announced on Monday a ...`
    if index < len(tokens.words) and _names_a_day(tokens, index):
        index += 1
    return _past_times(tokens, index)


def _object_relative(tokens: Tokens, index: int, verb: int) -> bool:
    """The relative pronoun at `index`, right before a verb of stance's subject, stands for its
    object (`whom he described as ...`, `which Kim praised as ...`), not for a preposition's
    (`in which Kim pledged that ...`); a scored cue keeps its content as the scorer learnt it."""
    return (
        index >= 0
        and tokens.lows[index] in OBJECT_RELATIVES
        and (index == 0 or tokens.lows[index - 1] not in PREPOSITIONS)
        and tokens.lows[verb] not in SCORED_CUE_VERBS
    )


def _past_particle(tokens: Tokens, index: int) -> int:
    """Past the particle a verb of stance takes (`called for a ban`, `called on Kim to resign`,
    `warned of delays`), which is the cue's, not the claim's; `called on Monday for a ban` is
    read past both."""
    end = len(tokens.words)
    probe = index
    if probe + 1 < end and tokens.lows[probe] == "on" and _names_a_day(tokens, probe + 1):
        probe += 2
    if (
        probe + 1 < end
        and tokens.lows[probe] in CUE_PARTICLES
        and tokens.words[probe + 1][0].isalnum()
    ):
        return probe + 1
    return index


def _names_a_day(tokens: Tokens, index: int) -> bool:
    return tokens.words[index][0].isupper() and tokens.lows[index] in SUBJECT_VERB_FILLERS


def _object_last(tokens: Tokens, first: int, last: int) -> int:
    """An object ends before a coordinated verb (`... and handed Varga her lead`), an occasion
    (`... during a debate`, `... in an interview`), `, but`, a parenthesis, a colon or a dash;
    not before `, including` (what it lists is the object's). A time after `during` is the
    object's once a verb opened a clause in it (`the emails she sent during her tenure`, `Kim
    to block it during the review`)."""
    verbal = _opens_verb(tokens.words[first], tokens.lows[first])  # `to begin ... during`
    for index in range(first + 1, last):
        word, low, following = tokens.words[index], tokens.lows[index], tokens.words[index + 1]
        verbal = verbal or _opens_verb(word, low)
        if (
            (low == "during" and not verbal)
            or (low in {"in", "at", "during"} and _names_occasion(tokens, index + 1, last))
            or word in _OBJECT_BREAKS
            or (low in {"and", "but", ","} and following.islower() and following.endswith("ed"))
            # `... and has promised to repeal it`: a second predicate of the cue's subject
            or (low in JOINING_CONJUNCTIONS and following in {"has", "have", "had"})
            or (word == "," and following == "but")
        ):
            return index - 1
    return last


def _finding(tokens: Tokens, verb: int) -> _Candidate | None:
    """`A poll from Hillview College released Wednesday found Roe leading by 15 points`,
    `the inquiry found that ...`: the words from the clause's start to the verb are the source
    when a finding source (a poll, a study) is among them."""
    end = len(tokens)
    aside = _finding_aside(tokens, verb)  # `The poll, released Monday by Marist, showed`
    head_end = verb if aside is None else aside
    first = head_end
    while first > 0 and head_end - first <= _MAX_SOURCE_TOKENS:
        word, low = tokens.words[first - 1], tokens.lows[first - 1]
        if word in _ENDS or word in QUOTE_TOKENS or word == "'" or low in SOURCE_STOPS:
            break
        if (
            word.islower()
            and low in _REPORTING_VERBS
            and not (first == verb and low in FINDING_SOURCES)  # `FEC reports show`
        ):
            return None  # `Kim said his survey showed ...` is Kim's claim
        first -= 1
    if first == head_end or head_end - first > _MAX_SOURCE_TOKENS:
        return None
    if not any(low in FINDING_SOURCES for low in tokens.lows[first:head_end]):
        return None
    last = _before_aside(tokens, verb) - 1  # `The inquiry later found`: not `later`
    phrase = Phrase(first, max(first, last), "org", verb - 1)
    if aside is not None:
        phrase = Phrase(first, verb - 2, "org", verb - 2)
    if first > 1 and tokens.words[first - 1] == "," and clause_ends(tokens, verb + 1, end):
        # `Eighty-four percent have an unfavorable view of him, the poll found.`
        return _Candidate(0, first - 2, phrase, verb, tokens.words[verb], 0.8, "finding_clause")
    content = _past_times(tokens, _skip_fillers_after(tokens, verb + 1))
    if content >= end - 1 or verb + 2 >= end:
        return None
    low = tokens.lows[content]
    if low in NOT_FINDINGS or not tokens.words[content][0].isalnum():
        return None  # `the poll showed up`; a finding is any object: `showed voters trust ...`
    # `... 46 percent backed it, while 40 percent ...`: a poll's contrast is its finding too
    last = _clause_last(tokens, content + 1, end - 1, contrast=True)
    return _Candidate(content, last, phrase, verb, tokens.words[verb], 0.8, "finding_clause")


def _finding_aside(tokens: Tokens, verb: int) -> int | None:
    """The comma that opens an aside between a finding source and its verb (`The survey,
    conducted by the Harbor Institute, finds ...`, `A poll of members, which ran in May,
    showed ...`): a participle or a relative clause right after the source's head."""
    if verb < 4 or tokens.words[verb - 1] != ",":
        return None
    for comma in range(verb - 2, max(0, verb - _MAX_SOURCE_TOKENS) - 1, -1):
        word = tokens.words[comma]
        if word in QUOTE_TOKENS or (word in _ENDS and word != ","):
            return None
        if word != ",":
            continue
        opener = tokens.words[comma + 1]
        if tokens.lows[comma - 1] in FINDING_SOURCES and (
            tokens.lows[comma + 1] in RELATIVE_PRONOUNS
            or (opener.islower() and opener.endswith("ed"))
        ):
            return comma
        return None
    return None


def _found_that(tokens: Tokens, verb: int) -> _Candidate | None:
    """`The auditors found that the fund was short`, `Lena Voss showed that the levy pays`: a
    finding's verb before `that` reports what its subject found, whoever it is."""
    end = len(tokens)
    if verb + 2 >= end or tokens.lows[verb + 1] != "that" or tokens.lows[verb] == "show":
        return None  # `has to show that ...`: not found yet
    found = verb_subject(tokens, verb, 0) or relative_subject(tokens, verb, 0)
    if found is None or found[0].last >= verb or _reported_before(tokens, found[0].first):
        return None
    if tokens.lows[found[0].first] in {"it", "this"}:
        return None  # `it shows that ...`: the writer's inference
    last = _clause_last(tokens, verb + 2, end - 1)
    return _Candidate(verb + 1, last, found[0], verb, tokens.words[verb], 0.75, "x_found_that")


def _reported_before(tokens: Tokens, index: int) -> bool:
    """A cue of speech stands before `index` (`She said she found that ...` is hers, said)."""
    return any(
        tokens.words[probe].islower() and tokens.lows[probe] in _REPORTING_VERBS
        for probe in range(index)
    )


def _opens_sentence(tokens: Tokens, index: int) -> bool:
    """Only a conjunction or an opening quote mark stands before `index`: `But according to`."""
    return all(
        low in OPENING_CONJUNCTIONS or word in QUOTE_TOKENS or word == ","
        for word, low in zip(tokens.words[:index], tokens.lows[:index], strict=True)
    )


def _as_x_cue(cue: _Cue) -> _Candidate | None:
    """`As The Courier reported on Friday, CLAUSE`, `But as Kim noted, CLAUSE`."""
    tokens, verb = cue.tokens, cue.verb
    end = len(tokens.words)
    if "as" not in tokens.lows[:verb]:
        return None
    after = cue.after()
    if after is None:
        return None
    found = cue.subject()
    if found is None:
        return None
    phrase = found[0]
    start = _owner_start(tokens, _phrase_start(tokens, phrase))
    if start > 1 and phrase.determiner == "possessive" and tokens.lows[start - 1] == "the":
        start -= 1  # `As the Herald's editor noted`
    if start < 1 or tokens.lows[start - 1] != "as":
        return None
    if not _opens_sentence(tokens, start - 1) or after + 1 >= end or tokens.words[after] != ",":
        return None
    last = _clause_last(tokens, after + 2, end - 1)
    return _Candidate(after + 1, last, phrase, verb, tokens.words[verb], 0.8, "as_x_cue_clause")


def _owner_start(tokens: Tokens, start: int) -> int:
    """The first word of a name's owner before `start` (`Harbor PAC's Delmar`), else `start`."""
    if start < 1 or not is_possessive(tokens.words[start - 1]):
        return start
    first = start - 1
    while (
        first > 0
        and start - first < _MAX_MODIFIERS
        and tokens.words[first - 1][0].isupper()
        and tokens.lows[first - 1] not in FUNCTION_WORDS  # not the sentence's `As`
    ):
        first -= 1
    return first


def _content_before(cue: _Cue) -> _Candidate | None:
    """`CLAUSE, X said.` / `CLAUSE, said X.`: the attribution closes the sentence; or it sits
    inside it (`Over the years, she said, the ferry has helped`) and the claim is both sides."""
    tokens, verb = cue.tokens, cue.verb
    if "," not in tokens.words[:verb]:
        return None  # every shape below ends its clause at a comma before the cue
    end = len(tokens.words)
    comma = _comma_before(tokens, verb)
    # `..., told the Post`: a verb of telling never inverts, what follows it is the listener
    if comma is not None and tokens.lows[verb] not in TELL_VERBS:
        phrase = phrase_after(tokens, skip_fillers(tokens, verb + 1, end), end)
        if phrase is not None and clause_ends(tokens, phrase.tail + 1, end):
            last = _last_after_interposed(tokens, phrase.tail + 1, comma - 1)
            first = _clause_before_start(tokens, comma, last)
            if first is None or _subject_set_off(tokens, first, comma):
                return None
            return _Candidate(first, last, phrase, verb, tokens.words[verb], 0.85, "clause_cue_x")
        if not _closes_subject_appositive(cue, comma):
            return None
        # `A, Lee Jae-won, a spokesman, said on Monday`: no inversion, the comma closes the
        # subject's appositive
    after = cue.after()
    if after is None:
        return None
    found = cue.subject() or _bare_plural_subject(tokens, verb)
    if found is None:
        return None
    phrase = found[0]
    if phrase.determiner == "that" and tokens.words[phrase.first - 1].isalpha():
        return None  # `..., a charge that party leaders denied`: a relative clause's subject
    comma = _comma_before(tokens, _modifiers_start(tokens, phrase))
    if comma is None and phrase.kind == "name" and _tag_closes(tokens, after):
        role = _role_start(tokens, _phrase_start(tokens, phrase))  # `A, harbor director Voss said.`
        comma = _comma_before(tokens, role) if role is not None else None
        if comma is not None and (
            comma < _MIN_PHRASE_CLAIM_TOKENS
            or tokens.lows[0] in PREPOSITIONS
            or not any(_finite(low) for low in tokens.lows[:comma])
        ):
            comma = None  # `In a statement, harbor director Voss said`: no clause before it
    if comma is None:
        # `Most weeks, former staff said, she ...`: a bare plural with its modifiers;
        # `A, union members and leaders say`, `A, people close to her said`
        found = _bare_plural_subject(tokens, verb) or _subject_after_comma(tokens, verb)
        if found is not None:
            phrase = found[0]
            comma = _comma_before(tokens, phrase.first)
        elif _tag_closes(tokens, after) or tokens.words[after] in _DASHES:
            comma = _tag_comma(tokens, _modifiers_start(tokens, phrase))
        if comma is None:
            return None
    last = _last_after_interposed(tokens, after, comma - 1)
    first = _clause_before_start(tokens, comma, last)
    if first is None:
        return None
    if (
        (last < comma or tokens.words[after + 1] in {"“", '"'})
        and _opens_phrase(tokens.lows[first])
        and not any(_finite(low) for low in tokens.lows[first:comma])
    ):
        # `On the permits, Park said, “...”`: a topic, not a reported clause; `Earlier in the
        # year, Park wrote to the council`, `Weighing in, Park agreed`: a fronted phrase of time
        # or circumstance before the sentence's own verb
        return None
    if (last < comma or tokens.words[after + 1] in {"“", '"'}) and _scene_phrase(
        tokens, first, comma - 1, subordinate=last < comma
    ):
        return None  # `Holding up a map, Park said:`, `When asked, Park said.`: no clause
    if _quote_after_scene(tokens, first, comma, after):
        return None
    if last == comma - 1 and _closes_quote_opened_within(tokens, first, comma + 1):
        last = comma + 1  # `Yet the port is “a mess,” Kim said`: the claim keeps the mark
    elif last < comma and _too_short_before(tokens, first, last):
        return None  # `Instead, Voss told the Courier, her plan ...`: the claim follows
    if _only_a_name(tokens, first, last) and not any(
        _finite(low) or low in MODALS for low in tokens.lows[first : last + 1]
    ):
        # `Former Party Chairs, Lena Park and Tom Reid, felt`: a title, no clause (a headline's
        # `Voss Will Win, Park Says` has its verb)
        return None
    return _Candidate(first, last, phrase, verb, tokens.words[verb], 0.85, "clause_x_cue")


def _closes_subject_appositive(cue: _Cue, comma: int) -> bool:
    """The comma before the cue ends an appositive of the cue's subject (`Lee Jae-won, a
    spokesman, said`, `the spokesman, Lee Jae-won, said`): the subject comes first, no inverted
    `..., said Lee`."""
    found = cue.subject()
    if found is None or found[0].tail != comma:
        return False
    return found[0].last < comma - 1 or found[0].role_first is not None


def _quote_after_scene(tokens: Tokens, first: int, comma: int, after: int) -> bool:
    """`As the crowd booed, Park said, ''Please sit down.''`, `In May, when asked about the
    fee, Park said, “No.”`: a quote that opens a sentence of its own follows the tag, and the
    words before it end with a phrase or a clause that sets the scene (a subordinator or a
    preposition opens it), so the claim is the quote's alone, not the scene's."""
    if after + 2 >= len(tokens.words) or tokens.words[after] != ",":
        return False
    if tokens.words[after + 1] in {"“", '"'}:
        opening_word = after + 2
    elif _opens_doubled_quote(tokens, after + 1):
        opening_word = after + 3
    else:
        return False
    if opening_word >= len(tokens.words) or not tokens.words[opening_word][0].isupper():
        return False  # `If it passes, Voss said, “we will ...”`: the quote goes on with the clause
    opening = first
    for index in range(comma - 1, first, -1):
        if tokens.words[index] == ",":
            opening = index + 1
            break
    low = tokens.lows[opening]
    if low in OPENING_CONJUNCTIONS:
        low = tokens.lows[opening + 1]  # `But as the crowd booed, ...`
    return low in SUBORDINATORS or low in PREPOSITIONS or low == "as"  # `as the crowd booed`


def _opens_phrase(low: str) -> bool:
    """A word that opens a phrase of time or circumstance, not a clause: a preposition, `earlier`,
    a participle in -ing."""
    return (
        low in PREPOSITIONS
        or (low in FRONTING_WORDS and low not in DETERMINERS)  # not `This includes ...`
        or low.endswith("ing")
    )


def _too_short_before(tokens: Tokens, first: int, last: int) -> bool:
    """Fewer words than a claim before a tag, none quoted (`Instead,`, `In the end,`)."""
    words = tokens.words[first : last + 1]
    if any(word in QUOTE_TOKENS or word == "'" for word in words):
        return False
    return sum(word[0].isalnum() for word in words) < _MIN_CONTENT_WORDS


def _tag_comma(tokens: Tokens, start: int) -> int | None:
    """The comma of a tag that closes the sentence, a few words before the subject phrase the
    grammar read: `A, the news site Harbor Info reported.`, `A, Delmont’s envoy to Norland
    confirmed.`, `A, harbor pilots and union officials told the Courier.`, `A, as Lena Varga
    noted in the Courier.`; the clause before it has a finite verb (not `In a statement, ...`)."""
    lows = tokens.lows
    comma = None
    for probe in range(start - 1, max(0, start - _MAX_MODIFIERS - 3), -1):
        word, low = tokens.words[probe], lows[probe]
        if word == ",":
            comma = probe
            break
        if not word[0].isalnum() or (low in COORDINATORS and low not in {"and", "as"}):
            return None
        if low in FUNCTION_WORDS and low not in DETERMINERS and low not in {"and", "as", "to"}:
            return None
        if low in CLAIM_VERBS or _finite(low) or low in RELATIVE_PRONOUNS:
            return None
    if (
        comma is None
        or comma < _MIN_PHRASE_CLAIM_TOKENS
        or lows[0] in PREPOSITIONS
        or lows[0] in SUBORDINATORS  # `After the ferry sank, the site reported.`
        or lows[comma + 1] == "and"  # `A, and the site reported.`
    ):
        return None
    if "as" in lows[comma + 1 : start] and lows[comma + 1] != "as":
        return None  # `as` only opens the tag: `A, as Varga noted.`
    if not any(_finite(low) or low in MODALS for low in lows[:comma]):
        return None
    return comma


def _closes_quote_opened_within(tokens: Tokens, first: int, mark: int) -> bool:
    """The token at `mark` closes a quote in curly or straight double marks that opened at or
    after `first`."""
    if tokens.words[mark] not in {"”", '"'}:
        return False
    marks = sum(tokens.words[index] in QUOTE_TOKENS for index in range(first, mark))
    return marks % 2 == 1


def _scene_phrase(tokens: Tokens, first: int, last: int, *, subordinate: bool) -> bool:
    """With `subordinate`, one clause that a subordinator opens sets the scene of an
    attribution rather than report a clause (`When reached by phone`; before a quote, `If she
    wins, he said, “Q”`, it is the quote's condition). A participle's phrase (`Holding up a
    map`) is `_opens_phrase`'s."""
    if _first_comma(tokens, first, last) is not None:
        return False  # `If the levy passes, the port closes`: a main clause follows
    return subordinate and tokens.lows[first] in SUBORDINATORS


def _tag_closes(tokens: Tokens, index: int) -> bool:
    """The tag's clause ends at `index`: the sentence's end, or a participle's comma (`A, the
    agency said, citing a source close to the talks`)."""
    return _closes_sentence(tokens, index) or (
        tokens.words[index] == "," and index + 1 < len(tokens) and _participle(tokens, index + 1)
    )


def _closes_sentence(tokens: Tokens, index: int) -> bool:
    return index >= len(tokens) - 1 or tokens.words[index] in {".", "!"}


def _role_start(tokens: Tokens, start: int) -> int | None:
    """The first word of a role in lower case before a name (`harbor director Lena Voss`,
    `campaign spokesman Kim Hale`): a head that speaks right before the name, a few modifiers
    before it."""
    if start < 2 or tokens.lows[start - 1] not in CLAIM_SPEAKING_HEADS:
        return None
    first = start - 1
    while first > 0 and start - first < _MAX_MODIFIERS:
        word, low = tokens.words[first - 1], tokens.lows[first - 1]
        if not word[0].isalnum() or low in FUNCTION_WORDS or low in CLAIM_VERBS:
            break
        first -= 1
    return first


def _subject_after_comma(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """The subject of a tag after a clause's comma that the grammar reads only in part: two
    subjects joined by `and` (`A, union members and leaders say`, `A, she and a colleague
    said`), or a person with an adjective's phrase (`A, people close to the mayor said`,
    `A, an aide familiar with the talks said`)."""
    phrase = phrase_before(tokens, verb - 1, max(0, verb - _MAX_SOURCE_TOKENS))
    if phrase is None or phrase.first < 2:
        return None
    start = _phrase_start(tokens, phrase)
    comma = next(
        (
            i
            for i in range(start - 1, max(0, start - _MAX_SOURCE_TOKENS), -1)
            if tokens.words[i] == ","
        ),
        None,
    )
    if comma is None or comma + 1 >= start or comma < _MIN_PHRASE_CLAIM_TOKENS:
        return None  # `Voss, president and chair of the club, said`: an appositive's comma
    between = range(comma + 1, start)
    if any(not tokens.words[i][0].isalnum() for i in between):
        return None
    lows = tokens.lows
    if lows[start - 1] == "and":
        conjunct = phrase_before(tokens, start - 2, comma + 1)
        if conjunct is None or _phrase_start(tokens, conjunct) != comma + 1:
            return None  # `A, a boy waved at the boats and Kim said`: a clause, not a subject
        first = comma + 1
        head = phrase.head
    else:
        adjective = next((i for i in between if lows[i] in POSTMODIFYING_ADJECTIVES), None)
        if (
            adjective is None
            or adjective == comma + 1
            or lows[adjective - 1] not in CLAIM_SPEAKING_HEADS
        ):
            return None
        first, head = comma + 1, lows[adjective - 1]
        phrase = replace(phrase, kind="description", determiner=None)
    if (
        phrase.kind == "description"
        and head not in CLAIM_SPEAKING_HEADS
        and lows[start - 1] != "and"
    ):
        return None
    return replace(phrase, first=first, tail=verb - 1, head=head, title=None), verb


def _doubled_quote_tag(cue: _Cue) -> _Candidate | None:
    """`''Q,'' said Kim, who spoke on condition of anonymity.`, `''Q,'' Kim wrote after the
    report came out.`: a statement in doubled apostrophes (which detect.py does not read) that
    opens the sentence, then its tag, whatever follows the speaker: the marks bound the claim."""
    tokens, verb = cue.tokens, cue.verb
    close = verb - 2
    if close < 4 or not _opens_doubled_quote(tokens, 0):
        return None
    if tokens.words[close + 1] == "'" and tokens.words[close] == "'":
        phrase = phrase_after(tokens, skip_fillers(tokens, verb + 1, len(tokens)), len(tokens))
    else:
        found = cue.subject() or _appositive_subject(tokens, verb)
        if found is None:
            return None
        phrase = found[0]
        close = _phrase_start(tokens, phrase) - 2
        if close < 4 or phrase.last >= verb:
            return None
    if phrase is None or tokens.words[close] != "'" or tokens.words[close + 1] != "'":
        return None
    if tokens.words[close - 1] not in {",", "?", "!"} or "'" in tokens.words[2 : close - 1]:
        return None  # one quote in the marks, closed by a comma
    return _Candidate(0, close + 1, phrase, verb, tokens.words[verb], 0.8, "doubled_quote_tag")


def _clause_before_start(tokens: Tokens, comma: int, last: int) -> int | None:
    """Where a claim before its attribution starts: the sentence's start; the relative pronoun
    just before the comma (`the stadium, which, Kim said, is full`); none for a reporter's
    question (`Asked about the device, Kim said ...`) or a short phrase (`In the end, X
    agreed`)."""
    if tokens.lows[comma - 1] in RELATIVE_PRONOUNS and not (
        comma >= 2 and tokens.lows[comma - 1] == "that" and tokens.lows[comma - 2] in PREPOSITIONS
    ):
        return comma - 1  # (`On top of that, X said`: a preposition's object, no relative)
    if tokens.lows[0] == "asked" or (tokens.lows[0] == "when" and tokens.lows[1] == "asked"):
        return None
    if tokens.lows[0] in PREPOSITIONS and last < comma < _MIN_PHRASE_CLAIM_TOKENS:
        return None
    return 0


def _subject_set_off(tokens: Tokens, first: int, comma: int) -> bool:
    """`Nora Quist, a writer, recalled Lena Park`: the words before the comma are a name and its
    appositive, the verb's subject set off, no clause a cue after it inverts."""
    phrase = phrase_after(tokens, first, comma)
    return (
        phrase is not None
        and phrase.first == first
        and phrase.tail >= comma - 1
        and phrase.last + 1 < comma
        and tokens.words[phrase.last + 1] == ","
    )


def _comma_before(tokens: Tokens, index: int) -> int | None:
    """The comma that closes the clause before `index`, after a closing quote mark too
    (`Kim “caused havoc,” he said`, `''It will recover,'' he said`); not a number's (`the
    2,000 officials said`)."""
    probe = index - 1
    if probe >= 3 and tokens.words[probe] == "'" and tokens.words[probe - 1] == "'":
        probe -= 2
        if probe >= 3 and tokens.words[probe] == "'":
            probe -= 1  # `''Q, 'R,''' he said`: a single quote closes inside the doubled one
    elif probe >= 3 and tokens.words[probe] in QUOTE_TOKENS:
        probe -= 1
    if probe < 1 or tokens.words[probe] != "," or _in_number(tokens, probe):
        return None
    return probe


def _modifiers_start(tokens: Tokens, phrase: Phrase) -> int:
    """The first token of a subject with the words the grammar left before its possessive
    (`the prime minister’s spokesman`: the phrase is `minister’s spokesman`)."""
    start = _phrase_start(tokens, phrase)
    if phrase.determiner != "possessive":
        return start
    probe = start
    while (
        probe > 0
        and start - probe < _MAX_MODIFIERS
        and tokens.words[probe - 1][0].isalnum()
        and tokens.lows[probe - 1] not in COORDINATORS
        and tokens.lows[probe - 1] not in CLAIM_VERBS
    ):
        probe -= 1
    return probe if 0 < probe < start and tokens.words[probe - 1] == "," else start


def _phrase_start(tokens: Tokens, phrase: Phrase) -> int:
    """The first token of a name with its title (`Mr. Lindqvist`, `Sen. Ted Doe`) or with the
    role set off before it (`his lawyer, Dana Cole`)."""
    if phrase.role_first is not None:
        return phrase.role_first
    index = phrase.first
    if phrase.title is None or phrase.kind != "name":
        return index
    while index > 0 and phrase.first - index < 6:
        word = tokens.words[index - 1]
        if word != "." and not word[0].isupper() and tokens.lows[index - 1] not in TITLE_WORDS:
            break
        index -= 1
    return index


def _last_after_interposed(tokens: Tokens, after: int, last: int) -> int:
    """`If the law conflicts, Vance said, Christians must ignore it`: a comma after the
    attribution goes on with the claim to the clause's end."""
    end = len(tokens.words)
    if after + 1 >= end or tokens.words[after] != "," or not _goes_on(tokens, after + 1):
        return last
    if clause_ends(tokens, after + 1, end):
        return last  # `A, according to X, Thursday.`: a day ends the attribution, not a clause
    return _clause_last(tokens, after + 1, end - 1)


def _whole_clause(tokens: Tokens, last: int, following: int) -> bool:
    """The sentence up to `last` is a main clause with its verb, which the words at `following`
    do not go on with (a verb, `and`): not a subject alone (`The levy, according to X, ...`), a
    fronted phrase or a subordinate clause (`If it rains, ...`, `... because, according to X,
    ...`), nor a subject with its relative clause (`What they decided, according to X, is`)."""
    lows = tokens.lows
    if lows[0] in SUBORDINATORS or lows[0] in FRONTING_WORDS:
        return False
    if lows[last] in RELATIVE_PRONOUNS or lows[last] in SUBORDINATORS:
        return False
    if following < len(tokens) and tokens.words[following].islower():
        low = lows[following]
        if low == "and" or _finite(low) or low in AUXILIARIES:
            return False  # `..., according to X, and prices fell`: the clause goes on
    return any(
        word.islower() and (_finite(low) or low in AUXILIARIES)
        for word, low in zip(tokens.words[1 : last + 1], lows[1 : last + 1], strict=True)
    )


def _attribution_end(tokens: Tokens, verb: int, end: int) -> int | None:
    """The token past the attribution when after the cue comes only the sentence's end or a
    comma, or a time, a listener (`told reporters`) or a short place (`said in a statement`)
    before it."""
    index = _past_times(tokens, skip_fillers(tokens, verb + 1, end))  # `said earlier this week`
    if index < end and tokens.lows[verb] in TELL_VERBS:
        if tokens.lows[index] in OBJECT_PRONOUNS:
            index = skip_fillers(tokens, index + 1, end)  # `..., the president told her.`
        else:
            listener = phrase_after(tokens, index, end)
            if listener is not None:
                index = _past_times(tokens, skip_fillers(tokens, listener.tail + 1, end))
    if index < end and tokens.lows[index] in PREPOSITIONS:
        probe = index + 1
        while probe < end and probe - index < 8 and not _ends_attribution(tokens.words[probe]):
            probe += 1
        index = probe
    if not (clause_ends(tokens, index, end) or _dash_after_tag(tokens, verb, index)):
        return None
    while index < end and not _ends_attribution(tokens.words[index]):
        index += 1  # `on Monday`, which clause_ends() read past
    return index


def _dash_after_tag(tokens: Tokens, verb: int, index: int) -> bool:
    """`A, the office reported -- a development that ...`: a dash ends the attribution, unless
    one before it opened an aside the attribution is in (`A - “Q,” Kim said - and B`)."""
    return (
        index < len(tokens.words)
        and tokens.words[index] in _DASHES
        and not any(word in _DASHES for word in tokens.words[:verb])
    )


def _ends_attribution(word: str) -> bool:
    return word in _ENDS or word in _DASHES


def _content_after(cue: _Cue) -> _Candidate | None:
    """`X said (that) CLAUSE`, `X told reporters (that) CLAUSE`, `X, who said CLAUSE`."""
    tokens, verb = cue.tokens, cue.verb
    found = cue.subject()
    if found is not None and found[0].first > 0:
        found = _name_before_aside(tokens, verb) or found
    if found is not None and (
        (
            found[0].kind == "description"
            and (found[0].head in SHARE_NOUNS or found[0].head == "percent")
        )
        or (found[0].kind == "name" and is_share(tokens.lows[found[0].last]))
    ):
        found = share_subject(tokens, verb)  # `A majority of voters said`, `A mere 12 percent`
    elif found is not None and found[0].first > 0 and tokens.lows[found[0].first - 1] == "of":
        found = _quantifier_subject(tokens, verb) or found  # `most of the residents said`
    found = (
        found
        or _tag_relative_subject(tokens, verb)
        or _appositive_subject(tokens, verb)
        or share_subject(tokens, verb)
        or _bare_plural_subject(tokens, verb)
        or _dashed_subject(tokens, verb)
        or _coordinated_subject(tokens, verb)
        or _quantifier_subject(tokens, verb)
        or _quoted_aside_subject(tokens, verb)
    )
    if (
        found is not None
        and found[0].determiner == "that"
        and found[0].head is not None
        and is_plural_word(found[0].head)
    ):
        # `remember that social scientists say`: `that` before a plural opens a clause
        found = replace(found[0], first=found[0].first + 1, determiner=None), found[1]
        opened = True
    else:
        opened = False
    if found is None or not _can_speak(tokens, found[0], "x_cue_clause"):
        found = _postmodified_subject(tokens, verb) or found
    elif found[0].kind != "pronoun" and not opened and _after_relative(tokens, found[0].first):
        # `Voters who ignored the polls said`, `Some who know Voss say`: the object of the
        # subject's relative clause is not the subject
        found = _postmodified_subject(tokens, verb)
    elif found[0].tail + 3 < verb:
        # `Officials whose laws were struck down say`: the subject's clause reaches the verb
        longer = _postmodified_subject(tokens, verb)
        if longer is not None and longer[0].first == found[0].first:
            found = longer
    if found is None:
        return None
    phrase = found[0]
    if phrase.last >= verb:
        return None  # a passive's agent (`was told by X`): the clause is not X's
    first = _clause_start(tokens, verb)
    if first is None:
        return None
    confidence = 0.8 if phrase.tail + 3 >= verb else 0.7
    last = _clause_last(tokens, first + 1, len(tokens.words) - 1, clause=True)
    if tokens.lows[verb] in NAMING_PARTICIPLES and _only_a_name(tokens, first, last):
        return None  # `a group called the Harbor Party`: a name given, no words reported
    start = _phrase_start(tokens, phrase)
    if start > 0 and tokens.lows[start - 1] == "what" and tokens.lows[verb] in CALLING_VERBS:
        first = start - 1  # `assailed what she calls a ruinous levy`: `what` stands for the object
    if (
        tokens.lows[0] in CONCESSIVE_WORDS
        or (start > 0 and tokens.lows[start - 1] in SUBORDINATORS)
        or _in_relative_clause(tokens, phrase.tail + 1, verb)
    ):
        # `While critics argue that A, Lane has deemed B`, `and when Hale said A, the crowd
        # cheered`, `Hale, who left early and said A, did not vote`: the claim ends with the
        # subordinate or relative clause
        comma = _first_comma(tokens, first + 1, last)
        if comma is not None:
            last = comma - 1
    elif phrase.antecedent is not None and tokens.lows[phrase.first] in _CLAIM_RELATIVES:
        # `Lena Voss, who said the levy failed, resigned on Monday`: the relative clause ends
        # where the main clause's verb follows a comma
        comma = _predicate_comma(tokens, first + 1, last)
        if comma is not None:
            last = comma - 1
    return _Candidate(first, last, phrase, verb, tokens.words[verb], confidence, "x_cue_clause")


def _only_a_name(tokens: Tokens, first: int, last: int) -> bool:
    """The tokens from `first` to `last` are a name alone: capitalised words after `the`."""
    first += tokens.lows[first] == "the"
    words = [word for word in tokens.words[first : last + 1] if word[0].isalnum()]
    return bool(words) and all(word[0].isupper() for word in words)


def _predicate_comma(tokens: Tokens, first: int, last: int) -> int | None:
    """The first comma in [first, last] that a verb in the past or an auxiliary follows (`...,
    resigned on Monday`, `..., is unlikely to`), not a participle's agent (`..., backed by`)."""
    for index in range(first, last):
        if tokens.words[index] != ",":
            continue
        word, low = tokens.words[index + 1], tokens.lows[index + 1]
        if word.islower() and _finite(low) and (index + 2 > last or tokens.lows[index + 2] != "by"):
            return index
    return None


def _in_relative_clause(tokens: Tokens, first: int, verb: int) -> bool:
    """`Kim, who left early and said A, did not vote`: a relative clause that the verb is in
    (no comma closes it before the verb, as in `Kim, who left early, said A`)."""
    for index in range(verb - 1, first - 1, -1):
        if tokens.words[index] == ",":
            return False
        if tokens.lows[index] == "who":
            return True
    return False


def _relative_clause_claim(cue: _Cue) -> _Candidate | None:
    """`The changes, which officials said will take effect in May, ...`, `a probe the agency
    said was ongoing`: a relative clause whose verb follows the cue; the claim is the relative
    clause, the attribution inside it."""
    tokens, verb = cue.tokens, cue.verb
    end = len(tokens.words)
    if verb + 2 >= end:
        return None
    following = tokens.lows[verb + 1]
    finite = following in AUXILIARIES or following in BE_FORMS or following in UNASSERTING_WORDS
    if not (finite or _verb_in_past_or_present(tokens, verb + 1)):
        return None
    if not finite and (tokens.lows[verb + 2] in AUXILIARIES or tokens.lows[verb + 2] in BE_FORMS):
        return None  # `say habits are hard to break`: a plural noun, then its verb
    found = cue.subject()
    if found is None or found[0].last >= verb:
        return None
    phrase = found[0]
    start = _phrase_start(tokens, phrase)
    if phrase.determiner == "that" and tokens.lows[start] == "that" and start < phrase.last:
        # `records that harbor officials said would ...`: the grammar read the relative
        # pronoun as the subject's determiner
        phrase = replace(phrase, first=start + 1, determiner=None)
        start += 1
    elif start > 1 and tokens.lows[start - 1] in {"even", "also"}:
        start -= 1  # `which even critics say was`
    if start < 1 or tokens.lows[start - 1] not in _CLAIM_RELATIVES:
        return None
    if not finite and tokens.lows[start - 1] == "what":
        return None  # `what she said hurts`: the clause is the subject, not a claim
    last = _clause_last(tokens, verb + 2, end - 1)
    if start > 1 and tokens.words[start - 2] == ",":
        comma = _first_comma(tokens, verb + 2, last)  # `the changes, which ..., will not`
        if comma is not None:
            last = comma - 1
    return _Candidate(start - 1, last, phrase, verb, tokens.words[verb], 0.75, "relative_x_cue")


def _verb_in_past_or_present(tokens: Tokens, index: int) -> bool:
    """`an event that Kim says led him to it`, `moves that he said improved the port`: a verb
    after the cue in a relative clause (a past, or a present in `-s`), then its object."""
    word, low = tokens.words[index], tokens.lows[index]
    if not word.isalpha() or not word.islower() or low in FUNCTION_WORDS or low in PREPOSITIONS:
        return False
    if _past_form(low):
        return True
    return _in_s(low)


def _in_s(low: str) -> bool:
    """A word in -s that may be a plural or a verb in the present (`ferries`, `helps`), not
    one whose -s belongs to its stem (`press`, `bonus`, `crisis`)."""
    return low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _first_comma(tokens: Tokens, first: int, last: int) -> int | None:
    """The first comma in [first, last], not one inside a number (`2,400`)."""
    for index in range(first, last + 1):
        if tokens.words[index] == "," and not _in_number(tokens, index):
            return index
    return None


def _clause_last(
    tokens: Tokens, first: int, last: int, *, clause: bool = False, contrast: bool = False
) -> int:
    """The reported clause ends before a clause it does not hold: after a comma, a relative or
    subordinate clause, a participle or a quote that opens (`..., saying, “Q”`); a semicolon; a
    second cue verb the subject coordinates (`and predicted that ...`). With `clause`, `first`
    follows the clause's first word, and a relative clause or an appositive that the clause's
    verb follows (`the port, which opened in May, is full`) or a subordinate clause the clause
    opens with (`if the port closes, “we lose”`) goes on. With `contrast`, so do `, while ...`
    and `, compared with ...`."""
    words, lows = tokens.words, tokens.lows
    # the loop below acts only on these tokens: a clause with none of them runs to `last`
    span = lows[first:last]
    if _CLAUSE_TURNS.isdisjoint(words[first:last]) and "and" not in span and "but" not in span:
        return last
    index_end = tokens.end
    quoted = False  # inside a quote the claim holds (`“emotional, condescending lectures”`)
    opening = clause and _opens_subordinate(tokens, first - 1)
    inserted = -1  # the closing comma of an insert the clause goes on past
    for index in range(first, last):
        word = words[index]
        following = lows[index + 1]
        cut = index - 1  # where the clause ends if it ends at this token
        if word in QUOTE_TOKENS:
            if not (quoted and word != "“" and words[index - 1] == ","):
                quoted = word == "“" or (word == '"' and not quoted)
                continue
            # `“a mess,” but she ...`, `“a farce,” adding ...`: the comma inside a closing mark
            # ends the clause as one outside it would, the mark kept
            quoted = False
            cut = index
        elif quoted:
            continue
        elif word == ";":
            return cut
        elif word != ",":
            if word in _DASHES and following in QUOTE_TOKENS:
                return cut  # `... unserious - “Again, we need details,” she said -`
            if (
                word in _DASHES
                and following in INDEFINITE_ARTICLES
                and _DASHES.isdisjoint(words[index + 1 : last + 1])
                and _closing_appositive(tokens, first, index, last)
            ):
                return cut  # `... the fee — a proposal she has raised before`
            if lows[index] in JOINING_CONJUNCTIONS and (
                (following in SPEECH_VERBS or following in CLAIM_VERBS)
                and words[index + 1].islower()
            ):
                return cut  # `... and said`, `... and accused`
            continue
        if opening:
            opening = False
            continue
        if index == inserted:
            continue  # the insert's closing comma: the clause's verb follows
        if clause and not _in_number(tokens, index):
            closing = _insert_closing(tokens, index + 1, last)
            if closing is not None:
                inserted = closing
                continue
        if (
            not contrast and following == "compared" and lows[index + 2] in {"with", "to"}
        ) or _attribution_follows(tokens, index, last):
            return cut  # `..., compared with 41 percent ...`, `..., Lee said.`
        if (
            (following in CLAUSE_CLOSERS and not (contrast and following == "while"))
            or _participle(tokens, index + 1)
            # a quote that opens, not one the comma closes (`“in-kind gifts,” of ...`) nor the
            # next of a list of quoted words (`his “steady hand,” “deep knowledge” and ...`)
            or (
                cut < index
                and (not clause or _introduces_quote(tokens, index - 1))
                and words[index + 1] in QUOTE_TOKENS
                and tokens.starts[index + 1] > index_end(index)
            )
        ):
            return cut
        if (
            following in JOINING_CONJUNCTIONS
            and index + 2 <= last
            and (lows[index + 2] in PRONOUNS or lows[index + 2] in AUXILIARIES)
        ):
            return cut  # `..., and he decided ...`, `..., and has championed ...`
        if following in INDEFINITE_ARTICLES and _closing_appositive(tokens, first, index, last):
            return cut
    return last


def _closing_appositive(tokens: Tokens, first: int, break_index: int, last: int) -> bool:
    """`..., a move that angered the council.`, `... the fee — a proposal she has raised
    before.`: a noun phrase after the clause's last comma or a dash (at `break_index`) that runs
    to its end sums the clause up (or names what it ends with); it is the writer's. Not after a
    subordinate clause, whose comma the main clause follows (`when the port closed, a ferry
    ...`)."""
    return (
        break_index + 2 < last
        and all(
            word != "," and word not in QUOTE_TOKENS
            for word in tokens.words[break_index + 1 : last + 1]
        )
        and not any(low in SUBORDINATORS for low in tokens.lows[first - 1 : break_index])
    )


@lru_cache(maxsize=4096)  # a pure test of one word and its lower case
def _opens_verb(word: str, low: str) -> bool:
    """A verb, an infinitive's `to` or a relative pronoun: a clause inside an object."""
    return word.islower() and (
        low == "to" or low in RELATIVE_PRONOUNS or low in AUXILIARIES or _finite(low)
    )


def _names_occasion(tokens: Tokens, first: int, last: int) -> bool:
    """`an interview`, `a news conference`, `his speech`, `Monday's debate`: an occasion noun
    within a few words, after a determiner, a possessive or modifiers."""
    low = tokens.lows[first]
    if not (low in DETERMINERS or low in POSSESSIVE_PRONOUNS or tokens.words[first][0].isupper()):
        return False
    for index in range(first + 1, min(last + 1, first + _MAX_MODIFIERS)):
        if tokens.lows[index] in OCCASION_NOUNS:
            return True
        if not tokens.words[index][0].isalnum():
            return False
    return False


def _attribution_follows(tokens: Tokens, comma: int, last: int) -> bool:
    """After the comma an attribution closes the sentence (`..., Lee said.`, `..., said Lee, a
    lawyer.`, `...,'' the report found`): what follows is no part of the clause."""
    end = len(tokens.words)
    first = comma + 1
    while first < last and tokens.words[first] == "'":
        first += 1  # `,'' Lee said`: a quote in doubled apostrophes closes
    for verb in range(first, min(last + 1, first + _MAX_SOURCE_TOKENS)):
        word = tokens.words[verb]
        if word in _ENDS or word in QUOTE_TOKENS or word == "'":
            return False
        if not (word.islower() and tokens.lows[verb] in CLAIM_VERBS):
            continue
        if verb == first:
            if first == comma + 1 and verb + 1 < end and tokens.lows[verb + 1] != "to":
                # `Kim, who votes in May, said ...`: the main clause's verb after a relative
                # clause, or `..., said Kim.`; not `the port, said to be ...`
                return True
            phrase = phrase_after(tokens, skip_fillers(tokens, verb + 1, end), end)
            return phrase is not None and clause_ends(tokens, phrase.tail + 1, end)
        found = verb_subject(tokens, verb, first)
        if found is None or _phrase_start(tokens, found[0]) != first:
            return False
        after = _attribution_end(tokens, verb, end)
        # not interposed: `A, Lee said, goes on` holds the words on both sides
        return after is not None and (
            after + 1 >= end or tokens.words[after] != "," or not _goes_on(tokens, after + 1)
        )
    return False


def _participle(tokens: Tokens, index: int) -> bool:
    """A participle that opens a clause of its own after a comma (`..., saying ...`), not
    `including`, nor an item of a series (`of hiding, stalling and shredding it`, `a
    kind, loving and patient man`)."""
    low = tokens.lows[index]
    return (
        tokens.words[index].islower()
        and low.endswith("ing")
        and low != "including"
        and not _series_item(tokens, index)
    )


def _series_item(tokens: Tokens, index: int) -> bool:
    """The word at `index` is one of a series that `and` or `or` closes right after it."""
    following = tokens.lows[index + 1 : index + 3]
    return bool(following) and (
        following[0] in {"and", "or"}
        or (following[0] == "," and following[1:] in (["and"], ["or"]))
    )


def _introduces_quote(tokens: Tokens, index: int) -> bool:
    """`..., adding, “Q”`, `... and said, “Q”`: a verb of speaking before a quote's comma; a
    reported clause goes on into a quote after its own comma (`that if X, “Y”`)."""
    low = tokens.lows[index]
    return tokens.words[index].islower() and (
        low.endswith("ing") or low in SPEECH_VERBS or low in CLAIM_VERBS
    )


def _in_number(tokens: Tokens, comma: int) -> bool:
    """`2,400`, which the tokens split at its comma."""
    return (
        0 < comma < len(tokens.words) - 1
        and tokens.words[comma - 1].isdigit()
        and tokens.words[comma + 1].isdigit()
        and tokens.starts[comma + 1] == tokens.end(comma)
    )


def _insert_closing(tokens: Tokens, first: int, last: int) -> int | None:
    """The closing comma of what a comma opens at `first` when it is inserted in a clause whose
    verb follows that comma: `the port, which opened in May, is full`, `Kim, a lawyer, was`."""
    relative = tokens.lows[first] in RELATIVE_PRONOUNS
    quoted = False
    for index in range(first + 1, min(last, first + _MAX_APPOSITIVE_TOKENS)):
        word = tokens.words[index]
        if word in QUOTE_TOKENS:
            quoted = not quoted
        elif word == "," and not quoted and not _in_number(tokens, index):
            following = index + 1
            if tokens.words[following] in QUOTE_TOKENS and following < last:
                following += 1  # `..., “is a lawyer who ...”`
            if tokens.lows[following] in PLAIN_ADVERBS and following + 1 < last:
                following += 1  # `Voss, who led the port, still faces ...`
            low = tokens.lows[following]
            if tokens.words[following].islower() and (
                _finite(low)
                or low in AUXILIARIES
                # `Voss, who led the port, faces ...`: after a relative clause, a verb in -s
                or (relative and _in_s(low) and low.isalpha() and low not in FUNCTION_WORDS)
            ):
                return index
        elif word in _ENDS:
            return None
    return None


def _opens_subordinate(tokens: Tokens, index: int) -> bool:
    """The clause at `index` (past its `that`) opens with a subordinate clause: `if`, `when`."""
    if tokens.lows[index] == "that" and index + 1 < len(tokens.words):
        index += 1
    return tokens.lows[index] in SUBORDINATORS


def _bare_plural_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Experts said`, `Democratic strategists say`, `Several supporters of the plan said`: a
    plural of people with no determiner that opens the sentence (or follows its conjunction or
    a fronted phrase's comma), with a few modifiers or an `of` phrase; a filler or an aside
    may come before the verb (`Harbor defenders today argue`, `Dock workers, for example,
    argue`)."""
    head = None
    cue, verb = verb, _before_aside(tokens, verb)
    for index in range(verb - 1, max(-1, verb - _MAX_BARE_SUBJECT_TOKENS - 1), -1):
        word = tokens.words[index]
        if (
            index == 0
            or not tokens.words[index - 1][0].isalnum()
            or (tokens.lows[index - 1] in OPENING_CONJUNCTIONS)
        ):
            opens = index
            break
        if not word[0].isalpha():
            return None
    else:
        return None
    for index in range(opens, verb):
        low = tokens.lows[index]
        if low in CLAIM_SPEAKING_HEADS and (low.endswith("s") or low in BARE_COLLECTIVES):
            head = index
            break
        if low in FUNCTION_WORDS and low not in BARE_SUBJECT_QUANTIFIERS:
            return None
    if head is None:
        return None
    if head + 1 < verb and not (
        tokens.lows[head + 1] == "of" and head + 2 < verb and verb - head <= _MAX_OF_TOKENS
    ):
        return None
    return Phrase(opens, verb - 1, "description", verb - 1, head=tokens.lows[head]), cue


def _before_aside(tokens: Tokens, verb: int) -> int:
    """Where the words between a subject and its verb start: fillers (`today`, `also`) or an
    aside of a few lowercase words between commas (`, for instance,`, `, too,`)."""
    words, lows = tokens.words, tokens.lows
    if verb > 2 and words[verb - 1] == ",":
        for comma in range(verb - 2, max(0, verb - _MAX_ASIDE_TOKENS - 3), -1):
            if words[comma] == ",":
                return comma if comma < verb - 2 else verb
            if not words[comma].isalpha() or not words[comma].islower():
                return verb
        return verb
    end = verb
    while (
        end > 1 and verb - end < 2 and lows[end - 1] in _THAT_FILLERS and words[end - 1].islower()
    ):
        end -= 1
    return end


def _appositive_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Tom Ridley, a spokesman for Mrs. Varga, said`, `Rosa Lind, 58, a voter, said`: a
    name, then one or two appositives between commas (abbreviations inside them too)."""
    comma = verb - 1
    if comma < 2 or tokens.words[comma] != ",":
        return None
    commas = 0
    for index in range(comma - 1, max(0, comma - _MAX_APPOSITIVE_TOKENS) - 1, -1):
        word = tokens.words[index]
        if word in QUOTE_TOKENS or word in {";", ":", "(", ")"}:
            return None
        if word != ",":
            continue
        commas += 1
        phrase = phrase_before(tokens, index - 1, 0, nested=True)
        if phrase is not None and phrase.kind in {"name", "org"}:
            return phrase, verb
        if commas == 2:
            return None
    return None


def _name_before_aside(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Sandy Voss, who lost her home in Millbrook, Vermont, in July, said`, `Gino Vanni, the
    editor of the harbor's paper, The Tide, said`: a name opens the sentence, then a relative
    clause or an appositive with commas of its own runs to the comma before the cue; the name
    speaks, not the last name of its aside. Not a list (`Kim Lee, the mayor, and Mara Voss`)."""
    if verb < 4 or tokens.words[verb - 1] != ",":
        return None
    opening = phrase_after(tokens, 0, verb)
    if opening is None or opening.kind != "name":
        return None
    comma = opening.last + 1  # the grammar may have read the appositive with the name
    if comma >= verb - 2 or tokens.words[comma] != "," or verb - comma > _MAX_APPOSITIVE_TOKENS:
        return None
    following = tokens.lows[comma + 1]
    if following not in DESCRIPTION_OPENERS and following not in POSSESSIVE_PRONOUNS:
        return None
    for index in range(comma + 1, verb - 1):
        word = tokens.words[index]
        if word in QUOTE_TOKENS or word in {";", ":", "(", ")"}:
            return None
        if word == "," and tokens.lows[index + 1] in {"and", "or"}:
            return None
        if word.islower() and tokens.lows[index] in _REPORTING_VERBS:
            return None
    return opening, verb


def _quoted_aside_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Varga, who calls Voss a “menace,” said`, `Lena Varga, the author of “Tides,” a book
    about the port, said`: the name that opens the sentence, then an aside that holds quoted
    words; its comma may stand inside the closing mark, which the grammar does not read past."""
    words = tokens.words
    closing = verb - 1
    while closing > 0 and (words[closing] in QUOTE_TOKENS or words[closing] == "'"):
        closing -= 1
    if closing < 3 or words[closing] != ",":
        return None
    marks = 0
    for comma in range(verb - 1, max(0, verb - _MAX_APPOSITIVE_TOKENS), -1):
        word = words[comma]
        if word in {";", ":", "(", ")"}:
            return None
        marks += word in QUOTE_TOKENS or word == "'"
        if word != "," or comma >= closing or marks == 0 or marks % 2:
            continue  # the aside's first comma, with whole quotes after it
        phrase = phrase_before(tokens, comma - 1, 0, nested=True)
        if phrase is None or phrase.kind not in {"name", "org"}:
            continue
        start = _phrase_start(tokens, phrase)
        if start == 0 or tokens.lows[start - 1] in OPENING_CONJUNCTIONS:
            return replace(phrase, tail=verb - 1), verb
        return None
    return None


def _coordinated_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`But Kim Hale praised the plan and said it would pass`, `When Hale thanked the crowd and
    said ...`: a verb after `and` or `but` shares the subject of an earlier verb of the clause,
    the nearest one whose subject opens the sentence (after a conjunction, a subordinator or a
    fronted phrase's comma); a subject inside (`said the port was busy and said`) is passed."""
    conjunction = _adverbs_start(tokens, verb) - 1  # `and has long said`
    if conjunction < 2 or tokens.lows[conjunction] not in JOINING_CONJUNCTIONS:
        return None
    phrase = _earlier_verb_subject(tokens, conjunction - 1)
    # the words before `and` are the first verb's: its negation is not this verb's
    return (replace(phrase, tail=verb - 1), verb) if phrase is not None else None


def _adverbs_start(tokens: Tokens, verb: int) -> int:
    """The first of the adverbs and auxiliaries right before a cue (`has long said`, `are now
    saying`, `even noted`, `had repeatedly argued`): `verb` itself when there are none. A modal
    (`would say`) or a negation (`never said`) ends them."""
    words, lows = tokens.words, tokens.lows
    index = verb
    while index > 0 and verb - index < _MAX_CUE_ADVERBS and words[index - 1].islower():
        low = lows[index - 1]
        if not (
            low in CUE_ADVERBS
            or (low in AUXILIARIES and low not in MODALS)
            or low in BE_FORMS
            or (low.endswith("ly") and low.isalpha() and low not in LY_NOUNS)
        ):
            break
        index -= 1
    return index


def _adverb_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Voss has long said`, `One reader even noted`, `Voss first reported`: the subject before
    the adverbs that stand between it and the cue, which the grammar does not read past."""
    start = _adverbs_start(tokens, verb)
    if not any(tokens.lows[index] in CUE_ADVERBS for index in range(start, verb)):
        return None
    found = verb_subject(tokens, start, 0)
    if found is None or found[0].last >= start:
        return None
    return found[0], verb


def _prepositional_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`The top officials of both boards say`, `As another study from 2011 noted`: a subject
    whose prepositional phrase the grammar does not read through (a quantifier, a number); the
    subject is a name, an organisation or a noun of speaking that opens the clause."""
    lows = tokens.lows
    for prep in range(verb - 2, max(0, verb - _MAX_MODIFIERS - 3), -1):
        word, low = tokens.words[prep], lows[prep]
        if not word[0].isalnum() or _finite(low) or low in CLAIM_VERBS:
            return None
        if low in AFFILIATION_PREPOSITIONS and prep > 0:
            break
    else:
        return None
    phrase = phrase_before(tokens, prep - 1, 0)
    if phrase is None or not (
        phrase.kind in {"name", "org"}
        or (phrase.kind == "description" and phrase.head in CLAIM_SPEAKING_HEADS)
    ):
        return None
    start = _phrase_start(tokens, phrase)
    if start > 0 and not (
        tokens.words[start - 1] in _DATELINE_ENDS
        or lows[start - 1] in OPENING_CONJUNCTIONS
        or lows[start - 1] in SUBORDINATORS
        or lows[start - 1] == "as"
    ):
        return None
    return replace(phrase, tail=verb - 1), verb


def _parenthesised_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Sen. Lena Varga (a Delmont Democrat so young she was taken for an intern) says`: a
    long aside in parentheses between the subject and its cue."""
    close = _adverbs_start(tokens, verb) - 1
    if close < 3 or tokens.words[close] != ")":
        return None
    for opening in range(close - 1, max(0, close - _MAX_APPOSITIVE_TOKENS), -1):
        if tokens.words[opening] in {")", ";"} or tokens.words[opening] in QUOTE_TOKENS:
            return None
        if tokens.words[opening] == "(":
            break
    else:
        return None
    phrase = phrase_before(tokens, opening - 1, 0)
    if phrase is None or not (
        phrase.kind in {"name", "org", "pronoun"}
        or (phrase.kind == "description" and phrase.head in CLAIM_SPEAKING_HEADS)
    ):
        return None
    return replace(phrase, tail=verb - 1), verb


def _progressive(tokens: Tokens, verb: int) -> bool:
    """`Voss is predicting she will win`, `officials are now saying`, `she’s suggesting`: a cue
    in -ing after a form of `be` is the clause's verb, not a participle after it."""
    start = _adverbs_start(tokens, verb)
    if any(tokens.lows[index] in BE_FORMS for index in range(start, verb)):
        return True
    if start == 0:
        return False
    before = tokens.lows[start - 1]
    stem = before.removesuffix("’s").removesuffix("'s").removesuffix("’re").removesuffix("'re")
    return stem != before and stem in PRONOUNS


def _earlier_verb_subject(tokens: Tokens, last: int) -> Phrase | None:
    """The subject of the nearest verb at or before `last` whose subject opens the sentence."""
    for probe in range(last, max(0, last - _MAX_COORDINATED_TOKENS), -1):
        word, low = tokens.words[probe], tokens.lows[probe]
        if word in {";", ":", "(", ")"} or low in {"who", "which"}:
            return None  # `Kim, who smiled and said`: a relative clause's subject is its own
        if not (word.islower() and (low in CLAIM_VERBS or _finite(low))):
            continue
        found = verb_subject(tokens, probe, 0)
        if found is None or found[0].last >= probe:
            continue
        phrase = found[0]
        start = _phrase_start(tokens, phrase)
        if (
            start == 0
            or tokens.words[start - 1] in _DATELINE_ENDS
            or (
                tokens.lows[start - 1] in OPENING_CONJUNCTIONS
                or tokens.lows[start - 1] in SUBORDINATORS
            )
        ):
            return phrase
    return None


def _tag_relative_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`X, who said ...`; after a quote's tag (`“Q,” said Kim Hale, a farmer from Millbrook,
    who said ...`) the pronoun stands for the tag's speaker, not the nearest name (a place)."""
    found = relative_subject(tokens, verb, 0)
    if found is None or tokens.lows[found[0].first] != "who":
        return found
    for probe in range(found[0].first - 1, 0, -1):
        if tokens.words[probe] in QUOTE_TOKENS or tokens.words[probe] == "'":
            return found
        speaker = _tag_before(tokens, probe) if tokens.words[probe].islower() else None
        if speaker is not None:
            return replace(found[0], antecedent=speaker), verb
    return found


def _postmodified_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`People who have fought the plan say`, `A person familiar with the talks says`: a
    subject that opens the clause, then a relative clause or an adjective's phrase with no
    comma before the verb; the grammar reads the last noun before the verb instead."""
    for start in range(min(verb - 2, _MAX_SOURCE_TOKENS)):
        if tokens.words[start][0].isalnum() and tokens.lows[start] not in OPENING_CONJUNCTIONS:
            break
    else:
        return None
    if verb - start > _MAX_APPOSITIVE_TOKENS:
        return None  # too far for one phrase and its modifier: the phrase is not read
    partitive = tokens.lows[start] in PARTITIVE_QUANTIFIERS and (
        tokens.lows[start + 1] == "who"
        # `Those over 60 say`, `those in the room said`
        or (
            tokens.lows[start] == "those"
            and (
                tokens.lows[start + 1] in PLACE_PREPOSITIONS
                or tokens.lows[start + 1] in {"over", "under", "aged"}
            )
        )
    )
    if partitive:
        phrase: Phrase | None = Phrase(start, start, "org", start)  # `Some who know him say`
    else:
        phrase = phrase_after(tokens, start, verb)
    if phrase is None or (
        phrase.kind != "org"
        and (phrase.kind != "description" or phrase.head not in CLAIM_SPEAKING_HEADS)
    ):
        return None
    following = phrase.last + 1
    if following >= verb - 1:
        return None
    low = tokens.lows[following]
    if (
        not partitive
        and low not in {"who", "whose", "that"}
        and low not in POSTMODIFYING_ADJECTIVES
        and not _participle_after(tokens, phrase, following)
        and not (low == "to" and phrase.kind == "description" and _infinitive(tokens, following))
    ):
        return None
    if any(
        tokens.words[index] in _ENDS or tokens.words[index] in QUOTE_TOKENS
        for index in range(following, verb)
    ):
        return None
    if phrase.last == start and tokens.lows[start] in PARTITIVE_QUANTIFIERS:
        # `Those who back her rivals say`: the group is named by its clause, not `Those`
        return replace(phrase, last=verb - 1, tail=verb - 1), verb
    return replace(phrase, tail=verb - 1), verb


def _infinitive(tokens: Tokens, to: int) -> bool:
    """`The last man to run the port says`: `to`, then a verb in its bare form (a word in lower
    case that is no function word), postmodifies the noun before it."""
    following = to + 1
    return (
        following < len(tokens.words)
        and tokens.words[following].isalpha()
        and tokens.words[following].islower()
        and tokens.lows[following] not in FUNCTION_WORDS
        and not tokens.lows[following].endswith(("ed", "ing"))
    )


def _participle_after(tokens: Tokens, phrase: Phrase, index: int) -> bool:
    """`A report released Monday says`: a participle in -ed after a document's head modifies it
    (after people, `Voters angered by the fee said` reads as the subject's own verb too)."""
    word = tokens.words[index]
    return (
        word.isalpha()
        and word.islower()
        and _past_form(tokens.lows[index])
        and phrase.head in DOCUMENT_HEADS
    )


def _after_relative(tokens: Tokens, first: int) -> bool:
    """Whether `who` or `that` comes before `first` in the same clause (no comma between)."""
    for index in range(first - 1, max(-1, first - _MAX_APPOSITIVE_TOKENS), -1):
        low = tokens.lows[index]
        if low in {"who", "that"}:
            return True
        if tokens.words[index] in _ENDS or tokens.words[index] in QUOTE_TOKENS:
            return False
    return False


def _quantifier_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Most agreed`, `Many of them have said`, `One says`, `Each crew said`: a quantifier that
    opens the clause stands for some of the people the text is about (a poll's respondents,
    a panel), alone or with an `of` phrase or a noun."""
    last = verb - 1
    while last > 0 and (tokens.lows[last] in AUXILIARIES or tokens.lows[last] == "also"):
        last -= 1
    first = last
    while (
        first > 0
        and last - first < _MAX_OF_TOKENS
        and tokens.lows[first] not in PARTITIVE_QUANTIFIERS
    ):
        first -= 1
    if tokens.lows[first] not in PARTITIVE_QUANTIFIERS or not tokens.words[first][0].isalpha():
        return None
    if first < last and not (
        tokens.lows[first + 1] == "of"
        or (
            first + 1 == last
            and tokens.words[last].islower()
            and tokens.lows[last] not in FUNCTION_WORDS
        )
    ):
        return None  # `Most recently, ...`, `one that says`; `Each crew`, `Many of them`
    if any(not word[0].isalnum() for word in tokens.words[first : last + 1]):
        return None
    if first > 0 and not (
        tokens.words[first - 1] in _ENDS or tokens.lows[first - 1] in OPENING_CONJUNCTIONS
    ):
        return None  # `... to the most said`: no quantifier opens the clause
    return Phrase(first, last, "org", verb - 1), verb


def _dashed_subject(tokens: Tokens, verb: int) -> tuple[Phrase, int] | None:
    """`Lena Voss — a teacher from Millbrook — says`, `Farmers -- and some traders -- say`: a
    subject that opens the sentence, then an aside between dashes right before the verb."""
    if verb < 4 or tokens.words[verb - 1] not in _DASHES:
        return None
    close = verb - 1
    while close > 0 and tokens.words[close - 1] in _DASHES:
        close -= 1  # `--`: two hyphens
    for dash in range(close - 1, max(0, verb - _MAX_APPOSITIVE_TOKENS), -1):
        word = tokens.words[dash]
        if word in {";", ":", "(", ")", "."}:
            return None
        if word not in _DASHES:
            continue
        opening = dash
        while opening > 0 and tokens.words[opening - 1] in _DASHES:
            opening -= 1  # `--`: two hyphens
        found = _bare_plural_subject(tokens, opening)
        phrase = phrase_before(tokens, opening - 1, 0) if found is None else found[0]
        if phrase is None:
            return None
        start = _phrase_start(tokens, phrase)
        if (
            start > 0
            and tokens.words[start - 1] not in _DATELINE_ENDS
            and tokens.lows[start - 1] not in OPENING_CONJUNCTIONS
        ):
            return None  # `He met Kim — a lawyer — said`: no subject opens the clause
        return replace(phrase, tail=verb - 1), verb
    return None


def _participle_content(tokens: Tokens, verb: int) -> _Candidate | None:
    """`Roe tweeted Monday, saying the deal is dead`: a participle after a comma reports
    for the sentence's subject, when that opens the sentence (not a quote: `“Q,” he said,
    adding that ...` is the quote rules' business)."""
    rule = "x_participle_clause"
    subject = _participle_subject(tokens, verb) or _share_with(tokens, verb)
    if subject is None:
        subject, rule = _issuer(tokens, verb), "document_participle_clause"
    if subject is None:
        return None
    first = _clause_start(tokens, verb)
    if first is None:
        return None
    last = _clause_last(tokens, first + 1, len(tokens) - 1)
    return _Candidate(first, last, subject, verb, tokens.words[verb], 0.7, rule)


def _issuer(tokens: Tokens, verb: int) -> Phrase | None:
    """`The ministry released a statement Wednesday saying ...`, `Voss sent out a note saying
    ...`: a participle right after a document (and a time) reports for whoever issued it, the
    subject of the verb the document is the object of, when that subject opens the sentence."""
    index = verb - 1
    if _names_a_day(tokens, index):
        index -= 1  # `a statement Wednesday saying`
    low = tokens.lows[index]
    if index < 3 or not (low in DOCUMENT_NOUNS or low in DOCUMENT_HEADS):
        return None
    document = phrase_before(tokens, index, 0)
    if document is None or document.kind != "description" or document.determiner is None:
        return None
    issued = _phrase_start(tokens, document) - 1
    if issued > 1 and tokens.lows[issued] in {"out", "up"}:
        issued -= 1  # `sent out a note`, `put up a post`
    word = tokens.words[issued]
    if issued < 1 or not (word.islower() and _past_form(tokens.lows[issued])):
        return None
    found = verb_subject(tokens, issued, 0)
    return _opening(tokens, found[0]) if found is not None else None


def _share_with(tokens: Tokens, verb: int) -> Phrase | None:
    """`..., with 46 percent of renters saying she is ready`, `..., with Senator Varga telling
    reporters he ...`: a share of a poll's respondents or a speaker after `with` reports what the
    participle says."""
    found = share_subject(tokens, verb)
    phrase = found[0] if found is not None else phrase_before(tokens, verb - 1, 0)
    if phrase is None:
        return None
    start = _phrase_start(tokens, phrase) if found is None else phrase.first
    if start < 1 or tokens.lows[start - 1] != "with":
        return None
    if phrase.kind == "description" and phrase.head not in SPEAKING_HEADS:
        return None
    return phrase


def _participle_subject(tokens: Tokens, verb: int) -> Phrase | None:
    """Whom a participle after a comma reports for: the subject of a quote's tag before it, or
    the sentence's subject when that opens the sentence."""
    if verb < 3:
        return None
    if tokens.words[verb - 1] != ",":
        return _subject_across(tokens, verb)
    for probe in range(verb - 2, max(1, verb - _MAX_APPOSITIVE_TOKENS), -1):
        if tokens.words[probe] in QUOTE_TOKENS or tokens.words[probe] == "'":
            break
        if tokens.lows[probe] in CLAIM_VERBS:
            # `“Q,” he said, adding that ...`, `“Q,” said Kim, a lawyer, referring to ...`
            subject = _tag_before(tokens, probe)
            if subject is not None:
                return subject
            break
    if tokens.words[0] in QUOTE_TOKENS or tokens.words[0] == "'":
        return None
    found = verb_subject(tokens, verb, 0)
    if found is None:
        # `Republicans on the council seized on the report, arguing ...`: the subject of the
        # verb the participle's comma follows
        return _earlier_verb_subject(tokens, verb - 2)
    return _opening(tokens, found[0])


def _opening(tokens: Tokens, subject: Phrase | None) -> Phrase | None:
    """The subject when it opens the sentence, or follows a comma or a dateline (`On Monday,
    Roe tweeted, saying ...`, `WASHINGTON (AP) - Kim ...`), not a clause of its own."""
    if subject is None:
        return None
    start = _phrase_start(tokens, subject)  # `Judge James Cacheris imposed ..., saying`
    if start != 0 and tokens.words[start - 1] not in _DATELINE_ENDS:
        return None
    return subject


def _subject_across(tokens: Tokens, verb: int) -> Phrase | None:
    """The sentence's subject for a participle after a quoted phrase that its comma closes
    (`defended “the harbor plan,” saying ...`) or after `by`, `while`, `after` (`distanced himself
    from the group by saying ...`), when that subject opens the sentence."""
    before = tokens.words[verb - 1]
    if before in QUOTE_TOKENS and tokens.words[verb - 2] == ",":
        end = verb - 2
    elif tokens.lows[verb - 1] in GERUND_PREPOSITIONS and verb > 2:
        end = verb - 1
    else:
        return None
    if tokens.words[0] in QUOTE_TOKENS or tokens.words[0] == "'":
        return None
    subject = _opening(tokens, sentence_subject(tokens, 0, end))
    if subject is None or before in QUOTE_TOKENS:
        return subject
    # `by saying` goes with the main verb: no clause of its own (`because a clerk fooled
    # the crowd by telling`, `to persuade them by arguing`) comes in between
    for index in range(subject.tail + 1, end):
        low = tokens.lows[index]
        if tokens.words[index] in _ENDS or low in SUBORDINATORS or low in {"that", "to"}:
            return None
    return subject


def _participle_object(tokens: Tokens, verb: int) -> _Candidate | None:
    """`Roe attacked Doe, calling him “the worst mayor in memory”`, `..., citing fears of
    terrorism`, `“Q,” he said, referring to the two resorts`: the object is the claim."""
    subject = _participle_subject(tokens, verb)
    # `..., with Voss calling the plan “a disgrace”`: the speaker after `with`
    after_with = subject is None
    subject = subject or _share_with(tokens, verb)
    first = verb + 2 if verb + 1 < len(tokens) and tokens.lows[verb + 1] == "to" else verb + 1
    first = _past_particle(tokens, first)  # `..., calling for a ban`, `with Voss calling for`
    if subject is None or first + 1 >= len(tokens) or not tokens.words[first][0].isalnum():
        return None
    last = _clause_last(tokens, first + 1, len(tokens) - 1)
    if _names_a_source(tokens, first, last):
        return None  # `..., citing a source familiar with the talks`: whom, not what
    if after_with:
        last = _before_next_absolute(tokens, first, last)
    return _Candidate(first, last, subject, verb, tokens.words[verb], 0.7, "x_participle_object")


def _names_a_source(tokens: Tokens, first: int, last: int) -> bool:
    """The object from `first` to `last` is an unnamed source (`a source familiar with the
    talks`, `officials in Seoul`): a report cites it, it says nothing itself."""
    for index in range(first, min(last + 1, first + _MAX_MODIFIERS)):
        low = tokens.lows[index]
        if low.removesuffix("s") in GENERIC_SOURCE_HEADS:
            return True
        if low in PREPOSITIONS or not tokens.words[index].isalnum():
            return False
    return False


def _before_next_absolute(tokens: Tokens, first: int, last: int) -> int:
    """`with Voss calling it a tax and Park calling it a fee`: the first object ends before `and`
    that opens another subject with its participle."""
    for index in range(first + 1, last):
        if tokens.lows[index] != "and":
            continue
        for probe in range(index + 2, min(last + 1, index + _MAX_SOURCE_TOKENS // 2)):
            word = tokens.words[probe]
            if word.islower() and word.endswith("ing"):
                return index - 1
            if not word[0].isalnum():
                break
    return last


def _tag_before(tokens: Tokens, verb: int) -> Phrase | None:
    """The subject of a quote's tag that ends at `verb` (`“Q,” he said`, `“Q,” said Kim`)."""
    if verb < 2 or tokens.lows[verb] not in CLAIM_VERBS:
        return None
    before = tokens.words[verb - 1]
    if before in QUOTE_TOKENS or before == "'":
        return phrase_after(tokens, verb + 1, len(tokens))
    phrase = phrase_before(tokens, verb - 1, 0)
    if phrase is None or _phrase_start(tokens, phrase) < 2:
        return None
    mark = tokens.words[_phrase_start(tokens, phrase) - 1]  # `“Q,” Mr. Hedge said`
    return phrase if mark in QUOTE_TOKENS or mark == "'" else None


def _clause_start(tokens: Tokens, verb: int) -> int | None:
    """The first token of the clause a cue reports: `that`, or after a listener (`told
    reporters`), a time (`said Sunday morning`) or a place (`said in a statement that`)."""
    end = len(tokens.words)
    if verb + 1 < end and (
        tokens.lows[verb + 1] in BE_FORMS or tokens.lows[verb + 1] in AUXILIARIES
    ):
        return None  # `a probe the agency said was ongoing`: no clause opens, a verb goes on
    index = _past_times(tokens, _skip_fillers_after(tokens, verb + 1))
    if index + 1 < end and tokens.lows[verb] == "put" and tokens.lows[index] == "it":
        index += 1  # `as Voss put it: ''...''`: the idiom's object is no part of the claim
    if index < end and tokens.lows[verb] in ASK_VERBS:
        question = _question_after_listener(tokens, index)
        if question is not None:
            return question  # `asked the mayor whether ...`: the question, not the listener
    if index < end and tokens.lows[verb] in TELL_VERBS and tokens.lows[index] != "that":
        that = _that_within(tokens, index)
        if that is not None:
            return that  # `told delegates at the convention that ...`, `told others that`
        if tokens.lows[index] in OBJECT_PRONOUNS:
            index += 1  # `told him the plan was dead`
        else:
            listener = phrase_after(tokens, index, end)
            if listener is None:
                return None
            index = _listener_end(tokens, listener)
        index = _past_times(tokens, skip_fillers(tokens, index, end))
        if index + 1 < end and tokens.words[index] == "," and _opens_clause(tokens, index + 1):
            index += 1  # `Instead, Voss told the Courier, her plan would ...`
    if index >= end:
        return None
    if tokens.lows[index] == "that" or _quantity_opens_clause(tokens, index):
        return index  # `said at least 12 ferries were late`: not a place's `at`
    if (
        tokens.words[index] in {":", ","}
        and index + 2 < end
        and tokens.words[index + 1] == "'"
        and tokens.words[index + 2] == "'"
    ):
        return index + 1  # `said: ''...''`, `added, ''...''`: marks detect.py does not read
    if tokens.words[index] == "," and tokens.lows[verb] not in TELL_VERBS:
        # `said, among other things, that ...`
        for probe in range(index + 1, min(end, index + _THAT_WINDOW)):
            if tokens.lows[probe] == "that" and tokens.words[probe - 1] == ",":
                return probe
            if (
                tokens.words[probe] == ","
                and probe + 1 < end
                and tokens.lows[probe + 1] != "that"
                and _subject_then_finite(tokens, probe + 1)
            ):
                # `says, win or lose on Tuesday, he is staying`, `said, if elected, she would`;
                # any other comma (`said, in Millbrook, Vermont, that ...`) lets the scan go on
                return index + 1
            if tokens.words[probe] in _ENDS and tokens.words[probe] != ",":
                break
        return None
    if tokens.lows[index] in OCCASION_OPENERS:
        for probe in range(index + 1, min(end, index + _THAT_WINDOW)):
            if tokens.lows[probe] == "that":
                return probe
            if tokens.words[probe] == ":" and _opens_doubled_quote(tokens, probe + 1):
                return probe + 1  # `said in an essay for the Herald: ''...''`
            if tokens.words[probe] in _ENDS or tokens.words[probe] in QUOTE_TOKENS:
                break
        return _that_after_aside(tokens, index) or _clause_after_occasion(tokens, index)
    if tokens.words[index] in _DASHES:
        return _that_after_aside(tokens, index)
    if tokens.lows[verb] in CLAIM_THAT_VERBS:
        # `denied the report`, `confirmed her plans` are objects; `denied he was there` a clause
        return index if _subject_then_finite(tokens, index) else None
    if tokens.lows[index] == "if":
        return index if _condition_then_clause(tokens, index) else None  # `said if he were ...`
    if tokens.lows[index] in CONCESSIVE_WORDS and _condition_then_clause(tokens, index):
        return index  # `says despite all that, the port ...`; else the checks below decide
    if _opens_clause(tokens, index) or _quote_opens_clause(tokens, verb, index):
        return index
    return None


def _clause_after_occasion(tokens: Tokens, index: int) -> int | None:
    """`said in a statement the report was flawed`, `said in an interview with the Herald he
    would run`: after an occasion of speech (a statement, an interview, a speech), a clause
    without `that` opens where a subject and an auxiliary follow (`_subject_then_finite`: in
    `the report merits`, nothing tells the verb from a noun)."""
    end = len(tokens.words)
    noun = next(
        (
            probe
            for probe in range(index + 1, min(end, index + 4))
            if tokens.lows[probe] in SPEECH_OCCASIONS
        ),
        None,
    )
    if noun is None:
        return None
    for probe in range(noun + 1, min(end - 2, index + _THAT_WINDOW)):
        word, low = tokens.words[probe], tokens.lows[probe]
        if word in _ENDS or word in QUOTE_TOKENS or low == "that":
            return None
        if word.islower() and (low in CLAIM_VERBS or low in RELATIVE_PRONOUNS):
            return None  # `said in a letter which argued`: another clause
        previous = tokens.lows[probe - 1]
        if (
            previous not in PREPOSITIONS
            and previous not in DETERMINERS
            and _subject_then_finite(tokens, probe)
        ):
            return probe
    return None


def _that_after_aside(tokens: Tokens, index: int) -> int | None:
    """`said on the Harbor Hour on Sunday that ...`, `said — on the radio, of all places — that
    ...`, `told a rally in Delmont, Vermont, on Monday that ...`: a longer aside (a show's title,
    commas, a pair of dashes) between the cue and `that`, which opens a clause; never past the
    sentence's end or another cue."""
    for probe in range(index + 1, min(len(tokens) - 2, index + _MAX_ASIDE_THAT_TOKENS)):
        word, low = tokens.words[probe], tokens.lows[probe]
        if low == "that":
            return probe if _that_opens_clause(tokens, probe + 1) else None
        if word in _ENDS and word != ",":
            return None
        if word.islower() and (low in CLAIM_VERBS or low in RELATIVE_PRONOUNS):
            return None  # `said in a letter which argued that`: another clause's `that`
    return None


def _quantity_opens_clause(tokens: Tokens, index: int) -> bool:
    """`said more than 1 million riders took the ferry`, `said about half of the crews were
    late`: a quantity opens the clause's subject and a finite verb follows within a few words,
    not `spoke about 40 minutes`."""
    if tokens.lows[index] not in _QUANTITY_FIRST_WORDS:
        return False  # most clauses: no quantity's joined words to look up
    end = len(tokens.words)
    for length in (2, 1):
        number = index + length
        if (
            number < end
            and " ".join(tokens.lows[index:number]) in QUANTITY_OPENERS
            and is_number(tokens.lows[number])
        ):
            break
    else:
        return False
    for probe in range(number + 1, min(end, number + _THAT_WINDOW)):
        if _in_number(tokens, probe):
            continue  # `1,200`
        if tokens.words[probe] in _ENDS or tokens.words[probe] in QUOTE_TOKENS:
            return False
        if _finite(tokens.lows[probe]) or tokens.lows[probe] in MODALS:
            return True
    return False


def _subject_then_finite(tokens: Tokens, index: int) -> bool:
    """`he was`, `she’d`, `Voss had`, `her plan was`, `the Harbor Ministry would`: a subject
    pronoun, a name or a short noun phrase, then a finite verb, which no object of a verb is
    followed by."""
    end = len(tokens)
    word, low = tokens.words[index], tokens.lows[index]
    stem = low.partition("’")[0].partition("'")[0]
    if stem != low:
        return stem in PERSONAL_SUBJECTS  # `he’d`, `she’s`, `they’re`
    if low in PERSONAL_SUBJECTS:
        probe = index + 1
    elif (low in DETERMINERS and low != "that") or word[0].isupper():
        probe = index + (low in DETERMINERS)
        while (
            probe < end
            and probe - index <= _MAX_LABEL_TOKENS
            and tokens.words[probe].replace("-", "").isalpha()
            and tokens.lows[probe] not in FUNCTION_WORDS
            and tokens.lows[probe] not in PREPOSITIONS
        ):
            probe += 1
        if probe == index + (low in DETERMINERS):
            return False
    else:
        return False
    if probe < end and tokens.lows[probe] in CUE_ADVERBS:
        probe += 1
    if probe >= end or not tokens.words[probe].islower():
        return False
    lower = tokens.lows[probe]
    return (
        lower in AUXILIARIES
        or lower in BE_FORMS
        or lower in MODALS
        or lower.endswith(("n’t", "n't"))
    )


def _listener_end(tokens: Tokens, listener: Phrase) -> int:
    """The token past a listener: the grammar may read on into the clause's subject after a
    name (`told the Harbor Post she’s ...`, `told the Courier her office ...`), or past the
    listener's comma into a clause it took for an appositive (`told the Courier, her plan
    would ...`)."""
    comma = listener.last + 1
    if (
        listener.tail > comma
        and tokens.words[comma] == ","
        and _subject_then_finite(tokens, comma + 1)
    ):
        return comma
    for index in range(listener.first + 1, listener.tail + 1):
        if not tokens.words[index - 1][0].isupper():
            continue
        low = tokens.lows[index].partition("’")[0].partition("'")[0]
        if low in POSSESSIVE_PRONOUNS:
            # `told the Harbor Post her office would ...`, not `told Kim his long story`
            following = tokens.lows[index + 1 : index + _BARE_SUBJECT_WINDOW]
            if any(_finite(lower) or lower in UNASSERTING_WORDS for lower in following):
                return index
        elif low in PRONOUNS:
            return index
    return listener.tail + 1


def _quote_opens_clause(tokens: Tokens, verb: int, index: int) -> bool:
    """`said “few” boats would sail tonight`, `says “the tide has turned” because ...`: a
    verb of saying right before a clause that opens with a quoted fragment and goes on past its
    closing mark (a clause all in quote marks is the quote's: _asserted() drops it); not a quote
    that a comma closes for a tag (`said “Q,” she said`), nor a fragment a conjunction follows
    (`said “no” and left`), nor a verb that names or reports (`called “a disgrace” in ...`)."""
    end = len(tokens)
    if (
        tokens.words[index] not in {"“", '"'}
        or index + 1 >= end
        or not tokens.words[index + 1][0].isalnum()
        or tokens.lows[verb] not in CLAIM_VERBS
        or tokens.lows[verb] in TELL_VERBS
        or tokens.lows[verb] in REPORT_CUES
    ):
        return False
    for probe in range(index + 2, end - 1):
        if tokens.words[probe] in QUOTE_TOKENS:
            following = tokens.lows[probe + 1]
            return (
                tokens.words[probe - 1] != ","
                and following[0].isalnum()
                and following not in COORDINATORS
            )
    return False


def _question_after_listener(tokens: Tokens, index: int) -> int | None:
    """`asked Kim whether ...`, `asked the mayor on Monday how ...`, `asked her about ...`: the
    word that opens the question after the listener."""
    end = len(tokens)
    if tokens.lows[index] in OBJECT_PRONOUNS:
        probe = index + 1
    else:
        listener = phrase_after(tokens, index, end)
        if listener is None:
            return None
        probe = listener.tail + 1
    probe = _past_times(tokens, skip_fillers(tokens, probe, end))
    return probe if probe < end and tokens.lows[probe] in QUESTION_OPENERS else None


def _condition_then_clause(tokens: Tokens, index: int) -> bool:
    """`said if he were president, the program would grow`: a condition, its comma, then the
    clause it conditions (a subject; `said if asked, ...` and asides give none)."""
    for probe in range(index + 2, min(len(tokens) - 1, index + _MAX_CONDITION_TOKENS)):
        word = tokens.words[probe]
        if word == ",":
            return _opens_clause(tokens, probe + 1) and tokens.lows[probe + 1] not in {
                "and",
                "but",
            }
        if word in _ENDS or word in QUOTE_TOKENS:
            return False
        if probe > index + 2 and _subject_then_modal(tokens, probe):
            return True  # `said if elected he would cut the fees`: no comma before the clause
    return False


def _subject_then_modal(tokens: Tokens, index: int) -> bool:
    """`he would`, `it would`, `she’d`, `they'll`: a subject pronoun and a modal, which open
    the clause a condition without a comma conditions."""
    low = tokens.lows[index]
    stem, mark, tail = low.replace("'", "’").partition("’")
    if mark:
        return stem in MODAL_SUBJECTS and tail in CONTRACTED_MODALS
    return low in MODAL_SUBJECTS and tokens.lows[index + 1] in MODALS


def _place_comma(tokens: Tokens, comma: int) -> bool:
    """A comma inside a place after a capitalised word (`in Millbrook, Vermont, that`)."""
    if comma + 1 >= len(tokens) or not tokens.words[comma - 1][0].isupper():
        return False
    following = tokens.words[comma + 1]
    return following[0].isupper() or following.lower() == "that"


def _that_within(tokens: Tokens, index: int) -> int | None:
    """A `that` within a few words from `index`, in the same clause (a place's commas, as in
    `told supporters in Millbrook, Vermont, that`, do not end it)."""
    end = len(tokens)
    limit = min(end, index + _THAT_WINDOW)
    probe = index - 1
    while probe + 1 < limit:
        probe += 1
        word = tokens.words[probe]
        if tokens.lows[probe] == "that":
            if not _relative_that(tokens, probe):
                return probe
            # `told the Courier in an interview that aired Monday that ...`: a relative clause
            # of the occasion; the next `that` may open the reported clause
            limit = min(end, probe + _THAT_WINDOW)
            continue
        if word == "," and probe > index and _place_comma(tokens, probe):
            continue
        if word in _ENDS or word in QUOTE_TOKENS:
            return None
    return None


def _relative_that(tokens: Tokens, that: int) -> bool:
    """`an interview that aired Monday`, `a story that ran this week`: `that` right before a
    verb in the past opens a relative clause (not `that was wrong`, whose `that` is a subject)."""
    following = that + 1
    if following >= len(tokens) or not tokens.words[following].islower():
        return False
    low = tokens.lows[following]
    return _past_form(low) and low not in BE_FORMS and low not in AUXILIARIES


def _skip_fillers_after(tokens: Tokens, index: int) -> int:
    """Past `also`, `Monday`, `on Monday` after a cue; but `on the other hand` is a place."""
    probe = skip_fillers(tokens, index, len(tokens.words))
    for skipped in range(index, probe):
        following = tokens.lows[skipped + 1]
        if tokens.lows[skipped] == "on" and not (
            following in SUBJECT_VERB_FILLERS
            or following in TIME_UNITS
            or following in MONTHS
            or following[0].isdigit()
        ):
            return skipped  # `said on CNN that ...`, not `said on Monday`
    return probe


def _past_times(tokens: Tokens, index: int) -> int:
    """Past `Sunday morning`, `this week`, `last month`, `late Monday`, `that night`, `for
    weeks` after a cue."""
    end = len(tokens.words)
    if (
        index + 1 < end
        and tokens.lows[index] == "for"
        and tokens.lows[index + 1].endswith("s")
        and tokens.lows[index + 1][:-1] in TIME_UNITS
    ):
        index += 2  # `has said for years`, `have argued for months`
    if index + 1 < end and (
        (
            tokens.lows[index] in TIME_MODIFIERS
            and (tokens.lows[index + 1] in TIME_UNITS or tokens.words[index + 1][0].isupper())
        )
        or (
            tokens.lows[index] == "that"
            and tokens.lows[index + 1] in TIME_UNITS
            and index + 2 < end  # not `said that night falls early`
            and (tokens.lows[index + 2] == "that" or _opens_clause(tokens, index + 2))
        )
    ):
        index += 2
    while index < end and tokens.lows[index] in TIME_UNITS:
        index += 1
    if (
        index + 1 < end
        and tokens.lows[index] in MONTHS
        and (tokens.words[index + 1] == "." or tokens.words[index + 1].isdigit())
    ):
        index += 1  # `Sept. 5`, `May 12, 2016`, not `said May was ...`
        while index < end and (tokens.words[index] in {".", ","} or tokens.words[index].isdigit()):
            index += 1
    return index


def _goes_on(tokens: Tokens, index: int) -> bool:
    """After an interposed attribution the claim goes on (`Biden, Vance said, had been ...`)
    unless a participle, a relative clause or a quote follows."""
    word, low = tokens.words[index], tokens.lows[index]
    if word == "'":
        # `''A,'' he said, ''and B.''`: the quote in doubled apostrophes goes on
        return index + 1 < len(tokens) and tokens.words[index + 1] == "'"
    if word in QUOTE_TOKENS:
        return True  # `In cases of fraud, it said, “the buyer is a victim.”`
    if low in CLAUSE_CLOSERS or (low in OCCASION_OPENERS and low not in {"to", "for"}):
        return False  # `A, Kim said, to help ...`, `..., for the port to ...` go on
    if word.islower() and low.endswith("ing") and low != "including":
        return False  # `..., experts say, including a provision ...` goes on
    if _time_before_an_event(tokens, index):
        return False  # `A, the ministry said Wednesday, three days after a storm hit the pier`
    return word[0].isalnum()


def _time_before_an_event(tokens: Tokens, index: int) -> bool:
    """`three days after ...`, `a week before ...`, `hours after ...`: how long after or before
    an event the attribution came, which ends its sentence; not the claim going on."""
    end = len(tokens.words)
    low = tokens.lows[index]
    if low.isdigit() or low in NUMBER_WORDS or low in AGO_WORDS:
        index += 1
    return (
        index + 1 < end
        and tokens.lows[index] in TIME_HEADS
        and tokens.lows[index + 1] in SUBORDINATORS
    )


def _opens_clause(tokens: Tokens, index: int) -> bool:
    """A reported clause without `that` opens with its subject: a pronoun, a determiner, a
    name or a number (`said he will`, `said the talks`, `said Kim`), not `said so`."""
    word, low = tokens.words[index], tokens.lows[index]
    if low in NOT_CLAUSE_STARTS or low in PREPOSITIONS or low in CUE_PARTICLES:
        return False  # (`called out their names`: a particle, no clause)
    low = low.partition("’")[0].partition("'")[0]  # `he’s`, `they'll`
    return (
        low in PRONOUNS
        or low in DETERMINERS
        or low in CLAUSE_OPENERS
        or word[0].isupper()
        or word[0].isdigit()
        or _bare_noun_subject(tokens, index)
    )


def _bare_noun_subject(tokens: Tokens, index: int) -> bool:
    """`Farmers say prices over the past month are worrying`: a bare noun, then a finite
    verb (an auxiliary or a be-form) within a few words; an adverb may come before a verb in the
    past (`contractors eventually built`) as may a name in apposition (`rival Ines Kovar
    accepted`), and a hyphenated modifier may open the noun (`pro-Roe forces attempted`)."""
    word, low = tokens.words[index], tokens.lows[index]
    # (`inter-Korean ties have ...`: a hyphenated modifier may hold a capital past its hyphen)
    if not (word.replace("-", "").isalpha() and word.partition("-")[0].islower()):
        return False
    if low in FUNCTION_WORDS or low.endswith(("ly", "ed")):
        return False  # a gerund may open it: `said ending the program could gut ...`
    adverbs = 0
    for probe in range(index + 1, min(len(tokens), index + _BARE_SUBJECT_WINDOW)):
        if tokens.words[probe] in {"“", '"'} and probe + 1 < len(tokens):
            # `ferries “are such a gamble”`: a verb opens a quoted fragment
            lower = tokens.lows[probe + 1]
            return lower in AUXILIARIES or lower in BE_FORMS or _past_form(lower)
        if tokens.words[probe] in _ENDS or tokens.words[probe] in QUOTE_TOKENS:
            return False
        lower = tokens.lows[probe]
        if lower in AUXILIARIES or lower in BE_FORMS or lower in UNASSERTING_WORDS:
            return True  # `readers might embrace it`
        if lower.endswith(("n’t", "n't")):
            return True  # `members of the board shouldn’t vote`
        if probe <= index + 2 + adverbs and (lower.endswith("ed") or lower in PAST_FORMS):
            return True  # `millions lost their homes`, `long lines kept many away`
        if tokens.words[probe][0].isupper():
            adverbs += 1  # `rival Ines Kovar accepted`: a name after the noun is its apposition
        if probe > index + 1 and _present_then_object(tokens, index, probe):
            return True  # `praise from Voss helps the port`
        if probe == index + 1 and lower.endswith("s") and not low.endswith("s"):
            return True  # `heckler deserves a spanking`
        if probe == index + 1 + adverbs and _plural_then_verb(low, lower):
            return True  # `ferrymen row at dawn`, `pilots still sail across the bay`
        if probe == index + 2 and _noun_then_present(tokens.lows[probe - 1], lower):
            return True  # `news outlets undercount him`, `taxing consumption encourages`
        if (lower.endswith("ly") and lower not in LY_NOUNS) or lower in PLAIN_ADVERBS:
            adverbs += 1
    return False


def _present_then_object(tokens: Tokens, subject: int, index: int) -> bool:
    """`praise from the council helps the port`, `trust in Voss depends on ...`: a word in -s
    after a noun, then a determiner or a preposition, is the verb in the present of a singular
    subject; not a plural's head after a plural subject (`plans for new homes for the workers`)
    nor after a preposition and its modifier (`aid for new homes for the workers`)."""
    low = tokens.lows[index]
    return (
        index + 1 < len(tokens)
        and tokens.words[index].isalpha()
        and tokens.words[index].islower()
        and _in_s(low)
        and low not in FUNCTION_WORDS
        and tokens.words[index - 1][0].isalpha()
        and tokens.lows[index - 1] not in FUNCTION_WORDS
        and (tokens.lows[index + 1] in DETERMINERS or tokens.lows[index + 1] in PREPOSITIONS)
        and not _plural_head(tokens, subject, index)
        and not (
            tokens.lows[index - 2] in PREPOSITIONS
            and tokens.words[index - 1].islower()
            and not tokens.lows[index - 1].endswith("s")
        )
    )


def _plural_head(tokens: Tokens, first: int, last: int) -> bool:
    """`plans for new homes`, `prayers of the crews`: the noun before the first preposition
    after `first` (the head of the subject that opens there) is a plural in -s."""
    for probe in range(first + 1, last):
        if tokens.lows[probe] in PREPOSITIONS:
            head = tokens.lows[probe - 1]
            return _in_s(head)
    return False


def _noun_then_present(noun: str, following: str) -> bool:
    """The second word of a noun compound or of a gerund's phrase (`news outlets`, `taxing
    consumption`), then a verb in the present that agrees with it: `outlets undercount`,
    `consumption encourages` (after a singular, a word in -s may be a plural too: `said tax cuts
    ...` opens a clause as well)."""
    if not noun.isalpha() or noun in FUNCTION_WORDS or noun in PREPOSITIONS:
        return False
    if _in_s(noun):
        return _plural_then_verb(noun, following)
    return (
        following.endswith("s")
        and not following.endswith(("ss", "us", "is", "ics"))
        and following.isalpha()
        and following not in FUNCTION_WORDS
        and not noun.endswith(("ly", "ed"))
    )


def _plural_then_verb(noun: str, following: str) -> bool:
    """A plural noun, then a word that can only be its verb in the present (`row`, `agree`):
    no function word, preposition, adjective that follows a noun, nor a word with an ending
    of another word class."""
    return (
        _in_s(noun)
        and following.isalpha()
        and following not in FUNCTION_WORDS
        and following not in PREPOSITIONS
        and following not in POSTMODIFYING_ADJECTIVES
        and following not in PLAIN_ADVERBS
        and not following.endswith(("s", "ing", "ly", "ed", "al", "ous", "ive", "ic", "ful"))
    )


# --- a quoted complement -------------------------------------------------------------------------

_MAX_NAMED_OBJECT_TOKENS: Final = 8  # `called the state's new ferry contract “a disaster”`
_MAX_AS_TOKENS: Final = 3  # `described the plan as part of the “harbor deal”`


def _quoted_complement(tokens: Tokens, candidate: _Candidate) -> int | None:
    """The closing mark of a quoted name or judgement that the object of the cue takes: `called
    the plan “a disaster”`, `calling it “reckless”`, `described Kim as a “fighter”`, with the
    quotes coordinated with it (`“unfair” and “reckless”`); not a quote inside a clause
    (`called on the port to “act now”`)."""
    words, lows = tokens.words, tokens.lows
    first, last = candidate.first, candidate.last
    naming = lows[candidate.cue] in OBJECT_NAMING_VERBS
    if first != candidate.cue + 1 + (lows[candidate.cue + 1] in CUE_PARTICLES):
        return None  # `called Monday for ...`, `told reporters ...`
    if naming and first > candidate.cue + 1:
        return None  # `called for a “review”`, `called on Voss to ...`
    # Cheap preconditions (most candidates meet neither): the loop below finds an opening mark
    # only in these tokens, and a cue that names nothing needs `as` after the object's first.
    window = min(last, first + _MAX_NAMED_OBJECT_TOKENS)
    if QUOTE_TOKENS.isdisjoint(words[first:window]):
        return None
    if not naming and "as" not in lows[first + 1 : window]:
        return None
    opening = None
    for index in range(first, window):
        word = words[index]
        if word in QUOTE_TOKENS:
            opening = index
            break
        if not word[0].isalnum() and word not in {"’s", "'s"}:
            return None
        if lows[index] in {"to", "that"} or (index > first and lows[index] in PRONOUNS):
            return None  # a clause, not an object: `called the port to ...`
    if opening is None or (opening == first and not naming):
        return None
    as_at = next(
        (
            i
            for i in range(opening - 1, max(first, opening - 1 - _MAX_AS_TOKENS), -1)
            if lows[i] == "as"
        ),
        None,
    )
    if not naming and as_at is None:
        return None
    close = _closing_mark(tokens, opening, last)
    while (
        close is not None
        and close + 3 <= last
        and lows[close + 1] in {"and", "or"}
        and words[close + 2] in QUOTE_TOKENS
    ):
        close = _closing_mark(tokens, close + 2, last)  # `“unfair” and “reckless”`
    return close


def _ends_with_quoted_complement(tokens: Tokens, candidate: _Candidate) -> bool:
    last = candidate.last
    while last > candidate.first and tokens.words[last] in _ENDS:
        last -= 1
    return tokens.words[last] in QUOTE_TOKENS and _quoted_complement(tokens, candidate) == last


def _closing_mark(tokens: Tokens, opening: int, last: int) -> int | None:
    for index in range(opening + 1, last + 1):
        if tokens.words[index] in QUOTE_TOKENS:
            return index
    return None


def _ended_at_quoted_complement(tokens: Tokens, candidate: _Candidate) -> _Candidate:
    """`Voss called the plan “a disaster” on Monday and left`: the claim ends with the quoted
    complement, before what the sentence tells of the naming itself (its time or occasion, a
    tag, another verb); a complement that goes on (`“a burden” for the port`, `“harbor pirates”
    who ...`, `a “bully” and a “cheat”`) is kept whole."""
    if candidate.last - candidate.first < 2:
        return candidate
    close = _quoted_complement(tokens, candidate)
    if (
        close is None
        or close >= candidate.last
        or not _naming_ends(tokens, close + 1, candidate.last)
    ):
        return candidate
    return _with_last(candidate, close)


def _naming_ends(tokens: Tokens, index: int, last: int) -> bool:
    """What follows a quoted complement at `index` tells of the naming, not of the named: a
    time (`Tuesday`), an occasion (`in an interview`, `at the hearing`), a tag or a name (`“...,”
    Kim said`), a dash, or `and` before a verb or a new subject (`and vowed ...`, `and he ...`)."""
    word, low = tokens.words[index], tokens.lows[index]
    if low in SUBJECT_VERB_FILLERS or low in TIME_UNITS:
        return True
    if low in PREPOSITIONS:
        return _names_occasion(tokens, index + 1, last)
    if low in JOINING_CONJUNCTIONS:
        after, lower = tokens.words[index + 1], tokens.lows[index + 1]
        return (
            after[0].isupper()
            or _finite(lower)
            or lower.endswith("ing")
            or lower in PRONOUNS
            or lower in POSSESSIVE_PRONOUNS
            or lower in SUBJECT_VERB_FILLERS
        )
    return word in _DASHES or word in {"(", ";", ":"} or word[0].isupper()


# --- what keeps a candidate from being a claim ----------------------------------------------------


def _asserted(tokens: Tokens, candidate: _Candidate, marks: _Marks) -> bool:
    """A clause long enough, not all one quote, whose cue is no hypothetical or denial."""
    if not _cue_asserts(tokens, candidate) or _asks_anonymity(tokens, candidate.first):
        return False
    first, last = candidate.first, candidate.last
    while last > first and tokens.words[last] in _ENDS:
        last -= 1
    # The words before the attribution, when the claim runs round it (`“Q,” Kim said, in ...`).
    before = _phrase_start(tokens, candidate.phrase) if candidate.rule.startswith("clause_") else 0
    limit = min(before, candidate.cue) if before else len(tokens.words)
    quoted = marks.any_within(tokens.starts[first], tokens.end(last))
    words = unquoted = 0
    for index in range(first, last + 1):
        if not tokens.words[index][0].isalnum():
            continue
        words += 1
        if (
            index < limit
            and tokens.lows[index] != "that"
            and not (quoted and marks.inside(tokens.starts[index]))
        ):
            unquoted += 1
        if words >= _MIN_CONTENT_WORDS and unquoted >= _MIN_UNQUOTED_WORDS:
            return True  # enough for any claim: the rest of a long clause changes nothing
    # `He said: “...”`: a clause all in quote marks is the quote's, not a claim
    if unquoted < _MIN_UNQUOTED_WORDS:
        return False
    # `''It's over,'' he said. ''We lost.''`: a short quote may go on in the next sentence,
    # which _resolved() counts in
    return words >= _minimum_words(tokens, candidate) or _opens_doubled_quote(tokens, first)


def _asks_anonymity(tokens: Tokens, first: int) -> bool:
    """The content is `to be named` (`who declined to be named because ...`): no claim."""
    lows = tokens.lows
    return (
        first + 2 < len(lows)
        and lows[first] == "to"
        and lows[first + 1] == "be"
        and lows[first + 2] in ANONYMITY_PARTICIPLES
    )


def _minimum_words(tokens: Tokens, candidate: _Candidate) -> int:
    """How many words a claim needs (never more than _MIN_CONTENT_WORDS): fewer for a short
    object or a quoted judgement."""
    first = candidate.first
    # what one refers to may be a name: `..., referring to Ada Lane`
    minimum = (
        _MIN_OBJECT_WORDS
        if candidate.cue_text == "referring"
        # `Voss declined to comment`: a refusal is a short claim
        or (candidate.cue_text in REFUSING_VERBS and tokens.lows[first] == "to")
        # `the council rejected the plan`: a stance's object, outside a reported clause
        or (candidate.rule == "x_stance" and not _nested(tokens, candidate))
        or candidate.rule == "reported_by"  # `The deal was first reported by the Courier`
        else _MIN_CONTENT_WORDS
    )
    if first - 1 > candidate.cue and tokens.lows[first - 1] in CUE_PARTICLES:
        return minimum - 1  # `called for his dismissal`: the particle counts
    if minimum > _MIN_OBJECT_WORDS and _ends_with_quoted_complement(tokens, candidate):
        return _MIN_OBJECT_WORDS  # `calling it “reckless”`: the marks set the judgement apart
    return minimum


def _nested(tokens: Tokens, candidate: _Candidate) -> bool:
    """The cue stands in a clause another cue reports (`Kim said Voss wants ...`)."""
    stop = min(candidate.phrase.first, candidate.cue)
    # the set test first: it fails on nearly every word, and `islower` needs no order
    return any(
        low in _REPORTING_VERBS and word.islower()
        for word, low in zip(tokens.words[:stop], tokens.lows[:stop], strict=True)
    )


def _opens_doubled_quote(tokens: Tokens, index: int) -> bool:
    return index + 1 < len(tokens.words) and tokens.words[index] == tokens.words[index + 1] == "'"


def _cue_asserts(tokens: Tokens, candidate: _Candidate) -> bool:
    """Not `would say`, `did not say`, `if he said`, `is said to`, `were told`."""
    phrase = candidate.phrase
    if candidate.rule.endswith("according_to") or phrase.first > candidate.cue:
        return True  # `..., said Kim`
    for index in range(max(0, phrase.first - 2), phrase.first):
        if tokens.lows[index] in UNASSERTING_WORDS and (index == 0 or tokens.words[index] != "May"):
            return False  # `if he said`, not `in May, officials said`
    # The few words right before the cue (`Roe was forced ... and said that` asserts); after
    # `and` they are the first verb's (`said the mayor was late and said`).
    if tokens.lows[candidate.cue - 1] in JOINING_CONJUNCTIONS and not _past_form(
        tokens.lows[candidate.cue - 2]
    ):
        return True  # but `were thanked and praised` is a passive
    # a be-form makes a passive (`were told`, `is said to`), but a progressive before a cue in
    # -ing asserts (`is telling reporters that`, `has been warning that`)
    progressive = tokens.lows[candidate.cue].endswith("ing")
    for index in range(max(phrase.tail + 1, candidate.cue - 3), candidate.cue):
        lower = tokens.lows[index]
        if (
            lower in UNASSERTING_WORDS
            or (lower in BE_FORMS and not progressive)
            or lower.endswith(("n’t", "n't"))
        ):
            return False
    return True


def _cut_at_next_claim(tokens: Tokens, candidates: list[_Candidate]) -> list[_Candidate]:
    """`Kim said A, and Lee said B`: A's clause ends where the next cue's subject follows a
    comma, a semicolon or a conjunction; `Kim said Lee claimed B` nests and is kept whole."""
    result: list[_Candidate] = []
    for position, candidate in enumerate(candidates):
        last = candidate.last
        for later in candidates[position + 1 :]:
            subject = _phrase_start(tokens, later.phrase)  # `..., and Ms. Hale said`
            if not candidate.first < subject <= last:
                continue
            cut = subject - 1
            if _sentence_adverb(tokens, cut):
                cut -= 1  # `..., but ultimately Hale thinks`
            while cut > candidate.first and tokens.lows[cut] in CLAIM_BREAKS:
                cut -= 1
            if cut < subject - 1:
                last = cut
                break
        result.append(_with_last(candidate, last))
    return result


def _sentence_adverb(tokens: Tokens, index: int) -> bool:
    """An `-ly` adverb between a break and the next subject (`but ultimately Brandt thinks`)."""
    low = tokens.lows[index]
    return (
        index > 0
        and low.endswith("ly")
        and low.isalpha()
        and tokens.lows[index - 1] in CLAIM_BREAKS
    )


def _with_last(candidate: _Candidate, last: int) -> _Candidate:
    if last == candidate.last:
        return candidate
    return _Candidate(
        candidate.first,
        last,
        candidate.phrase,
        candidate.cue,
        candidate.cue_text,
        candidate.confidence,
        candidate.rule,
    )


# --- speakers ------------------------------------------------------------------------------------


def _resolved(
    text: str,
    found: list[tuple[Tokens, _Candidate, int]],
    resolver: Resolver,
    marks: _Marks,
    collected: list[tuple[Quote, list[str] | None]] | None,
) -> tuple[Quote, ...]:
    """Resolve the speakers in text order, with the speakers the quotes named before each claim
    in the resolver's memory (a pronoun reads back to the latest speaker)."""
    quote_history = sorted(resolver.history, key=itemgetter(0))
    resolver.history = []
    taken = 0
    claims: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for tokens, candidate, sentence in found:
        mention_start = tokens.starts[candidate.phrase.first]
        while taken < len(quote_history) and quote_history[taken][0] < mention_start:
            resolver.history.append(quote_history[taken])
            taken += 1
        if not _can_speak(tokens, candidate.phrase, candidate.rule):
            continue
        start, end = _content_span(text, tokens, candidate)
        if (start, end) in seen or (
            text.startswith("''", start)
            and len(_WORD_RE.findall(text, start, end)) < _MIN_CONTENT_WORDS
        ):
            continue  # resolved only when it can give a claim: resolving costs most
        features = None
        if candidate.cue_text.lower() in SCORED_CUE_VERBS or candidate.rule == _THAT_RULE:
            features = claim_features(text, tokens, candidate, (start, end), marks, sentence)
            if collected is None and not claim_may_be_kept(features):
                continue  # whoever speaks, the scorer would drop it: not worth resolving
        attribution = attribution_of(
            tokens, candidate.phrase, cue=candidate.cue, confidence=candidate.confidence
        )
        remembered = len(resolver.history)
        speaker, mention, confidence = resolve_attribution(attribution, resolver)
        if features is not None:
            # a scored cue leaves the memory of speakers as it found it, so that the claims of
            # the rules come out the same whatever the scorer keeps
            del resolver.history[remembered:]
        if speaker is None or confidence < _MIN_CONFIDENCE:
            continue
        claim = _claim(text, start, end, sentence, candidate, speaker, mention, confidence)
        if features is None:
            seen.add((start, end))
            claims.append(claim)
            if collected is not None:
                collected.append((claim, None))
            continue
        features.extend(speaker_features(speaker.kind, confidence))
        if collected is not None:
            collected.append((claim, features))
        elif claim_kept(features):
            seen.add((start, end))
            claims.append(claim)
    resolver.history.extend(quote_history[taken:])
    if collected is not None:
        # what train-claims learns from: a candidate inside a rule's claim (always kept) is
        # dropped whatever it scores, and a rule's claim inside another is never kept
        ruled = [claim for claim, features in collected if features is None]
        collected[:] = [entry for entry in collected if not _reported_within(entry[0], ruled)]
    claims.sort(key=lambda claim: claim.start)
    starts = [claim.start for claim in claims]
    reach = list(itertools.accumulate((claim.end for claim in claims), max))
    # only a claim that starts no later can hold another: the sorted prefix up to its start
    return tuple(
        claim
        for index, claim in enumerate(claims)
        if not _held_by_earlier(claims, index, starts, reach)
    )


def _held_by_earlier(claims: list[Quote], index: int, starts: list[int], reach: list[int]) -> bool:
    """_reported_within() over the claims (sorted by start) that start no later than the one at
    `index`; most claims end past every earlier one (`reach` holds the furthest end up to each
    claim), and then none can hold them: the prefix goes unread."""
    claim = claims[index]
    mention = claim.mention
    if mention is None:
        return False
    upto = bisect_right(starts, claim.start)
    needed = max(claim.end, mention.start + 1)  # the end that an outer claim must reach
    if (index == 0 or reach[index - 1] < needed) and all(
        other.end < needed for other in claims[index + 1 : upto]
    ):
        return False  # (the claims after `index` in the prefix start where it does)
    return _reported_within(claim, claims[:upto])


def _reported_within(claim: Quote, claims: list[Quote]) -> bool:
    """`Voss said the ministry claimed the port was safe`: the ministry's claim is Voss's
    report, and its speaker and content lie inside Voss's claim; the outer claim alone is kept
    (annotators mark the inner one about one time in four). Not inside a claim the writer
    sources with `according to` (`The ministry said fares rose, according to the Post`): the
    Post reports the ministry's claim, which stays the ministry's."""
    mention = claim.mention
    if mention is None:
        return False
    return any(
        outer.start <= claim.start
        and claim.end <= outer.end
        and outer.start <= mention.start < outer.end
        for outer in claims
        if outer is not claim and outer.cue != "according to"
    )


def _can_speak(tokens: Tokens, phrase: Phrase, rule: str) -> bool:
    """A person, an organisation or a document: not `the presidency told`, nor `I think` outside
    quote marks (a quote the marks missed)."""
    if phrase.kind == "pronoun":
        return tokens.lows[phrase.first] not in FIRST_PERSON_PRONOUNS
    if phrase.kind == "description":
        return (
            phrase.head in CLAIM_SPEAKING_HEADS
            or rule.endswith("according_to")
            or is_age_word(phrase.head or "")  # `the 58-year-old said`
        )
    return True


def _content_span(text: str, tokens: Tokens, candidate: _Candidate) -> tuple[int, int]:
    last = candidate.last
    while last > candidate.first and tokens.words[last] in _ENDS:
        last -= 1
    first = candidate.first or _dateline_end(tokens, last)
    start, end = tokens.starts[first], tokens.end(last)
    if text.startswith("''", start):
        if candidate.rule == "x_cue_clause" and text.count("''", start, end) % 2:
            # `said: ''A. B.''`: the quote goes on over the next sentences of the paragraph
            return start, _closing_in_paragraph(text, end, "''", end)
        end = _quote_going_on(text, tokens.end(len(tokens) - 1), end)
    elif candidate.rule == "quote_tag_according_to":
        # `“A,” Kim said, according to the Post. “B.”`: the quote that goes on is the report's too
        end = _quote_going_on_in(text, tokens.end(len(tokens) - 1), end)
    elif text.count("“", start, end) > text.count("”", start, end):
        end = _closing_in_paragraph(text, end, "”", end)
    elif candidate.rule.startswith("clause_") and text.startswith(",''", end):
        # `But the gain is ''twice the cost,'' he said. ''The bridge pays ...''`
        end = _quote_going_on(text, tokens.end(len(tokens) - 1), end)
        opening = _doubled_quote_opened_before(text, start)
        start = start if opening is None else opening
    return start, end


def _dateline_end(tokens: Tokens, last: int) -> int:
    """The first token after the dateline that opens a wire story's first sentence (`SEOUL,
    March 4 (Yonhap) --`, `WASHINGTON (AP) —`): a place in capitals, maybe a date and an agency
    in parentheses, then a dash. 0 when the sentence opens otherwise."""
    words = tokens.words
    if not (words[0].isalpha() and words[0].isupper() and len(words[0]) > 1):
        return 0
    for index in range(1, min(last, _MAX_DATELINE_TOKENS)):
        word = words[index]
        if word in _DASHES:
            while index < last and words[index] in _DASHES:
                index += 1
            return index
        if word[0].islower():
            return 0  # `NATO officials -- ...`: a sentence's own words
    return 0


def _closing_in_paragraph(text: str, start: int, mark: str, default: int) -> int:
    """Past the first `mark` from `start` to the paragraph's end, else `default`: `Voss said the
    plan was “a gift. It costs more than it saves.”`, where a later sentence closes the quote
    the claim opens (`”`), or `''A. B.''` in doubled apostrophes."""
    paragraph_end = text.find("\n", start)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    closing = text.find(mark, start, paragraph_end)
    return closing + len(mark) if closing >= 0 else default


def _doubled_quote_opened_before(text: str, offset: int) -> int | None:
    """The opening marks of a quote in doubled apostrophes that an earlier sentence of the
    paragraph opened and that is still open at `offset` (`''A. B,'' Ms. Voss wrote.`)."""
    paragraph_start = text.rfind("\n", 0, offset) + 1
    if text.count("''", paragraph_start, offset) % 2 == 0:
        return None
    return text.rfind("''", paragraph_start, offset)


def _next_sentence_start(text: str, sentence_end: int) -> int:
    probe = sentence_end
    while probe < len(text) and text[probe] in " \u00a0":
        probe += 1
    return probe


def _quote_going_on_in(text: str, sentence_end: int, end: int) -> int:
    """The end of a quote in curly or straight double marks that opens right after the
    sentence and closes in the same paragraph, else `end`."""
    probe = _next_sentence_start(text, sentence_end)
    if probe >= len(text) or text[probe] not in '“"':
        return end
    paragraph_end = text.find("\n", probe)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    closing = max(text.rfind("”", probe, paragraph_end), text.rfind('"', probe + 1, paragraph_end))
    return closing + 1 if closing > probe else end


def _quote_going_on(text: str, sentence_end: int, end: int) -> int:
    """`''A,'' he said. ''B.''`: a quote in doubled apostrophes that the next sentence of the
    paragraph goes on with belongs to the same claim, up to its closing marks."""
    probe = _next_sentence_start(text, sentence_end)
    if not text.startswith("''", probe):
        return end
    return _closing_in_paragraph(text, probe + 2, "''", end)


def _claim(
    text: str,
    start: int,
    end: int,
    sentence: int,
    candidate: _Candidate,
    speaker: Speaker,
    mention: Mention,
    confidence: float,
) -> Quote:
    return Quote(
        text=text[start:end],
        start=start,
        end=end,
        first_sentence=sentence,
        last_sentence=sentence,
        kind="indirect",
        cue=candidate.cue_text,
        confidence=round(confidence, 3),
        speaker=speaker,
        mention=mention,
        rule=candidate.rule,
    )


# --- what the learned scorer reads ---------------------------------------------------------------


def _body_follows(text: str, end: int) -> bool:
    """A line break after `end`, then more text: the first sentence is a headline line."""
    line_end = text.find("\n", end)
    return line_end != -1 and not text[line_end:].isspace()


def claim_features(
    text: str,
    tokens: Tokens,
    candidate: _Candidate,
    span: tuple[int, int],
    marks: _Marks,
    sentence: int,
) -> list[str]:
    """The binary features of a candidate, as names (claim_model.py weighs them): what found it
    (rule, cue), the subject's grammar, what the content opens with and how long it is, and what
    stands before the cue (a negation, an auxiliary); speaker_features() adds who speaks."""
    rule, cue, phrase = candidate.rule, candidate.cue_text.lower(), candidate.phrase
    if rule == _THAT_RULE:
        cue = _that_cue_class(cue)  # any verb: its class, no word of the text, is a feature
    words = len(_WORD_RE.findall(text, *span))
    opener = _opener(tokens, candidate)
    features = [
        f"rule={rule}",
        f"cue={cue}",
        f"cue_rule={cue}|{rule}",
        f"subject={phrase.kind}",
        f"subject_rule={phrase.kind}|{rule}",
        f"opener={_opener_class(opener)}",
        f"opener_cue={_opener_class(opener)}|{cue}",
        f"words={_bucket(words, (4, 8, 15, 30, 60))}",
        f"gap={_bucket(candidate.cue - phrase.tail, (1, 2, 4))}",
    ]
    if marks.any_within(*span):
        features.append("quoted")
        if _ends_with_quoted_complement(tokens, candidate):
            features.append("quoted_complement")  # `called the plan “a disaster”`
    if sentence == 0 and _body_follows(text, span[1]):
        features.append("headline")  # not a one-line text, which is all body
    if candidate.first > candidate.cue and candidate.cue <= 3:
        features.append("cue_opens")
    before = tokens.lows[max(0, candidate.cue - 3) : candidate.cue]
    if any(low in {"not", "never"} or low.endswith(("n’t", "n't")) for low in before):
        features.append("negated")
    if any(low in AUXILIARIES for low in before):
        features.append("auxiliary")
    features.extend(_setting_features(tokens, candidate))
    if rule == _THAT_RULE:
        features.extend(_that_features(tokens, candidate))
    return features


def _setting_features(tokens: Tokens, candidate: _Candidate) -> list[str]:
    """Where the cue stands: inside a clause another cue reports (`Kim said Voss wants ...`),
    after an indefinite subject (`a group called ...` names, not claims), with its content to
    the sentence's end."""
    features = []
    phrase = candidate.phrase
    if _nested(tokens, candidate):
        features.append("nested")
    if phrase.determiner is not None:
        features.append(f"determiner={phrase.determiner}|{candidate.cue_text.lower()}")
    last = len(tokens) - 1
    while last > 0 and (tokens.words[last] in _ENDS or tokens.words[last] in QUOTE_TOKENS):
        last -= 1
    if candidate.last >= last:
        features.append("to_end")
    return features


def _called_someone(tokens: Tokens, candidate: _Candidate) -> bool:
    """`Voss called the harbor master on Monday`: a person or a body called, with no judgement
    or name after it (`called the plan a disaster`, `called it “reckless”`), is a call: a time,
    a preposition or nothing follows the object."""
    first, last = candidate.first, candidate.last
    if first != candidate.cue + 1:
        return False  # content before the cue, or after a particle (`called for a ban`)
    low = tokens.lows[first]
    if tokens.words[first].islower() and low not in DETERMINERS and low not in PRONOUNS:
        return False  # `called out Voss`, `called upon the mayor`
    if any(word in QUOTE_TOKENS for word in tokens.words[first : last + 1]):
        return False  # `called Voss “a liar” on Monday`
    end = first + 1
    while end <= last and not _opens_time_or_place(tokens, end):
        end += 1
    obj = phrase_after(tokens, first, end)
    return obj is not None and obj.tail == end - 1 and _someone(obj)


def _opens_time_or_place(tokens: Tokens, index: int) -> bool:
    low = tokens.lows[index]
    return (
        (low in PREPOSITIONS and low != "of")
        or low in TIME_MODIFIERS
        or _names_a_day(tokens, index)
    )


def _someone(phrase: Phrase) -> bool:
    """A person or a body, not a thing said or done (`Voss's remarks`)."""
    if phrase.kind == "description":
        return phrase.head in CLAIM_SPEAKING_HEADS
    return True


def _opener(tokens: Tokens, candidate: _Candidate) -> str:
    """The word the content opens with, or the cue's particle before it (`called for a ban`)."""
    first = candidate.first
    if first <= candidate.cue:
        return "(before)"
    if first - 1 > candidate.cue and tokens.lows[first - 1] in CUE_PARTICLES:
        return tokens.lows[first - 1]
    return tokens.lows[first]


def speaker_features(speaker_kind: str, confidence: float) -> list[str]:
    """The features of the resolved speaker: its kind and how sure the resolution is."""
    return [f"speaker={speaker_kind}", f"resolved={_bucket(round(confidence * 10), (6, 7, 8, 9))}"]


def _opener_class(low: str) -> str:
    """What a content opens with: `that`, `to` (an infinitive), a pronoun, a determiner, ..."""
    if low in {"that", "to", "(before)", "for", "whether", "if", "about", "on", "as"}:
        return low
    if low in PRONOUNS:
        return "pronoun"
    if low in DETERMINERS:
        return "determiner"
    if low in PREPOSITIONS:
        return "preposition"
    return "word"


def _bucket(value: int, bounds: tuple[int, ...]) -> str:
    for bound in bounds:
        if value <= bound:
            return f"<={bound}"
    return f">{bounds[-1]}"


# --- the generic `that` candidate ----------------------------------------------------------------

# `Officials cautioned privately that ...`, `..., implying that ...`, `made it clear that ...`: any
# verb (or short verb phrase) before the conjunction `that` and a clause gives a candidate that the
# learned scorer keeps or drops; the verbs of the word lists are one feature among others.
_THAT_RULE: Final = "that_clause"
_THAT: Final = " that "
_QUOTES_AFTER_THAT: Final = "_“\"'‘"  # with the letters and digits: what may open the clause
# How claim_features() names a generic candidate's cue: a verb of the word lists or another.
THAT_CUE_CLASSES: Final = ("(other verb)", "(known verb)")
KNOWN_CUES: Final = CLAIM_VERBS | SCORED_CUE_VERBS | STANCE_VERBS | FINDING_VERBS | SPEECH_VERBS
# Words between a verb and `that` (`suggest however that`, `said today that`).
_THAT_FILLERS: Final = (
    SUBJECT_VERB_FILLERS - AUXILIARIES - BE_FORMS - PREPOSITIONS - PRONOUNS - SUBORDINATORS
)
# Words before `that` that are no verb: read on the raw text, before any tokenising.
_NOT_BEFORE_THAT: Final = (
    (
        NOT_THAT_CUES
        | FUNCTION_WORDS
        | BE_FORMS
        | AUXILIARIES
        | PREPOSITIONS
        | DETERMINERS
        | PRONOUNS
        | OBJECT_PRONOUNS
    )
    - THAT_CUE_TAILS
    - _THAT_FILLERS
)
_MAX_THAT_CLAUSE_TOKENS: Final = 8
_sentence_start: Final = attrgetter("start")
_MAX_WORD_CHARS: Final = 30  # how far the clause's verb may follow `that`


def _that_clauses(
    text: str,
    sentences: Sequence[Sentence],
    marks: _Marks,
    read: dict[int, tuple[Tokens | None, set[int]]],
) -> list[tuple[Tokens, _Candidate, int]]:
    """The generic candidates of the sentences holding `<verb> that`, in text order; a sentence
    the cue rules read is not tokenised again, and a verb they gave a candidate for is theirs."""
    found: list[tuple[Tokens, _Candidate, int]] = []
    position, tokens, ruled = -1, None, set[int]()
    for at in _thats(text):
        before = text[text.rfind(" ", max(0, at - _MAX_WORD_CHARS), at - 1) + 1 : at - 1]
        if not _may_be_verb(before) or marks.inside(at):
            continue  # `so that`, `is that`, `the plan that`: spared tokenising the sentence
        here = bisect_right(sentences, at - 1, key=_sentence_start) - 1
        if here < 0 or sentences[here].end < at + len(_THAT):
            continue
        if here != position:
            position = here
            tokens, ruled = _that_sentence(text, sentences[here], read)
        that = tokens.index_at(at) if tokens is not None else 0
        if tokens is None or not 2 <= that < len(tokens.words) - 2:
            continue
        verb = _verb_before_that(tokens, that)
        if verb is None or verb in ruled or marks.inside(tokens.starts[verb]):
            continue  # no verb, or one a rule read: its subject is not looked for
        candidate = _that_clause(tokens, that, verb)
        if candidate is not None and _asserted(tokens, candidate, marks):
            found.append((tokens, candidate, sentences[here].index))
    return found


def _thats(text: str) -> Iterator[int]:
    """The offset of each `that` between spaces before a word or a quote mark, in text order
    and not overlapping (`... said that “...`): found by str.find, which skips ahead faster than
    a regex can."""
    probe = text.find(_THAT)
    while probe >= 0:
        following = text[probe + len(_THAT) : probe + len(_THAT) + 1]
        if following and (following.isalnum() or following in _QUOTES_AFTER_THAT):
            yield probe + 1
            probe = text.find(_THAT, probe + len(_THAT) + 1)
        else:
            probe = text.find(_THAT, probe + 1)


@lru_cache(maxsize=4096)  # a pure test of one word, asked for each word before `that`
def _may_be_verb(word: str) -> bool:
    """The word before `that` may be a verb (or a verb phrase's tail, or a filler after one):
    a past, a participle, a present in -s, an adverb, or a base form the word lists know."""
    if word in _NOT_BEFORE_THAT:
        return False
    return (
        word.endswith(("ed", "ing", "s", "ly"))
        or word in KNOWN_CUES
        or word in IRREGULAR_PAST
        or word in THAT_CUE_TAILS
        or word in _THAT_FILLERS
    )


def _that_sentence(
    text: str, sentence: Sentence, read: dict[int, tuple[Tokens | None, set[int]]]
) -> tuple[Tokens | None, set[int]]:
    """A sentence's tokens and the cues the rules gave candidates for (tokenised once), or None
    for a sentence no claim is read in: too long, or a question."""
    if sentence.index in read:
        return read[sentence.index]
    if sentence.end - sentence.start > _MAX_SENTENCE_CHARS:
        return None, set()
    tokens = Tokens.from_ranges(text, ((sentence.start, sentence.end),))
    if len(tokens) > _MAX_SENTENCE_TOKENS or _is_question(tokens):
        return None, set()
    return tokens, set()


def _that_clause(tokens: Tokens, that: int, verb: int) -> _Candidate | None:
    """`SUBJECT VERB that CLAUSE` or `..., VERB-ing that CLAUSE` (`verb` from _verb_before_that),
    whose subject can speak."""
    if not _that_opens_clause(tokens, that + 1):
        return None
    if tokens.lows[verb].endswith("ing") and tokens.words[verb - 1] == ",":
        subject = _participle_subject(tokens, verb) or _opening_subject(tokens, verb - 1)
    else:
        found = (
            verb_subject(tokens, verb, 0)
            or relative_subject(tokens, verb, 0)
            or _bare_plural_subject(tokens, verb)
        )
        subject = found[0] if found is not None else None
    if subject is None or subject.last >= verb:
        return None
    last = _clause_last(tokens, that + 1, len(tokens) - 1, clause=True)
    return _Candidate(that, last, subject, verb, tokens.words[verb], 0.6, _THAT_RULE)


def _opening_subject(tokens: Tokens, comma: int) -> Phrase | None:
    """`Lena Voss rejected the plan, implying ...`: the phrase the sentence opens with, when a
    verb in the past follows it, is the participle's subject."""
    phrase = phrase_after(tokens, 0, comma)
    if phrase is None or phrase.first != 0 or phrase.tail + 1 >= comma:
        return None
    word, low = tokens.words[phrase.tail + 1], tokens.lows[phrase.tail + 1]
    return phrase if word.islower() and _past_form(low) else None


def _verb_before_that(tokens: Tokens, that: int) -> int | None:
    """The verb `that` follows, past an adverb (`acknowledged privately`) or a verb phrase's
    tail (`made it clear`, `pointed out`); None for a noun (`the plan that`, `the fact that`), a
    conjunction (`so that`, `now that`) or a degree (`so strong that`)."""
    lows = tokens.lows
    index = that - 1
    if (lows[index].endswith("ly") and lows[index] not in LY_NOUNS) or lows[index] in _THAT_FILLERS:
        index -= 1  # `acknowledged privately that`, `suggest however that`, `said today that`
    if lows[index] in THAT_CUE_TAILS:
        index -= 2 if lows[index - 1] == "it" else 1
    if index < 1:
        return None
    word, low = tokens.words[index], lows[index]
    if (
        not (word.isalpha() and word.islower())
        or low in NOT_THAT_CUES
        or low in FUNCTION_WORDS
        or low in BE_FORMS
        or low in AUXILIARIES
        or low in PREPOSITIONS
        or low in DETERMINERS
        or low in PRONOUNS
    ):
        return None
    before = lows[index - 1]
    if (
        before in DETERMINERS
        or before in POSSESSIVE_PRONOUNS
        or before in NOT_THAT_CUES
        or before == "to"
        or before in PREPOSITIONS  # `criticised for saying that`, `won by arguing that`
        or before in SUBORDINATORS  # `while arguing that`
        or is_possessive(tokens.words[index - 1])
        or low in OBJECT_PRONOUNS
    ):
        return None  # `the plan that`, `his claim that`, `so strong that`, `to show that`
    if (
        index > 1
        and tokens.words[index - 1][0].isupper()
        and not low.endswith(("ed", "ing"))
        and low not in KNOWN_CUES
        and low not in IRREGULAR_PAST
        and index == that - 1
    ):
        return None  # `the Harbor Council's Web video that`: a name's noun, not its verb
    return index


def _that_opens_clause(tokens: Tokens, index: int) -> bool:
    """After `that`, a subject and a finite verb within a few words: not a relative clause's
    verb (`a plan that includes ...`)."""
    if index >= len(tokens.words) or tokens.words[index] in _ENDS:
        return False
    if not (tokens.words[index] in QUOTE_TOKENS or _opens_clause(tokens, index)):
        return False
    for probe in range(index + 1, min(len(tokens), index + _MAX_THAT_CLAUSE_TOKENS)):
        word, low = tokens.words[probe], tokens.lows[probe]
        if word in _ENDS and word != "," and not _title_period(tokens, probe):
            return False
        if word.islower() and (_finite(low) or low in UNASSERTING_WORDS or low.endswith("s")):
            return True
    return False


def _title_period(tokens: Tokens, index: int) -> bool:
    """`that Mr. Brandt had ...`: the period of an abbreviated title, not a sentence's end."""
    return (
        tokens.words[index] == "."
        and index > 0
        and tokens.lows[index - 1] in ABBREVIATED_TITLES
        and index + 1 < len(tokens)
        and tokens.words[index + 1][:1].isupper()
    )


def _that_cue_class(low: str) -> str:
    """A generic candidate's verb as the scorer names it: whether a word list knows it."""
    return THAT_CUE_CLASSES[low in KNOWN_CUES]


def _that_features(tokens: Tokens, candidate: _Candidate) -> list[str]:
    """What else the scorer reads of a generic candidate: the verb's form, a verb phrase (`made
    it clear`), a participle after a comma."""
    low = tokens.lows[candidate.cue]
    form = next((end for end in ("ing", "ed", "s") if low.endswith(end)), "base")
    if low in IRREGULAR_PAST:
        form = "ed"
    features = [f"that_form={form}"]
    if candidate.first - candidate.cue > 1:
        features.append("that_phrase")
    if tokens.words[candidate.cue - 1] == ",":
        features.append("that_after_comma")
    if candidate.phrase.antecedent is not None:
        features.append("that_relative")  # `officials who insisted that`
    return features
