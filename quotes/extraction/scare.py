"""Scare quotes, coined terms, titles and nicknames: quoted spans that are not statements.

Each test is small and reads only a few words around the marks. They run after the sieve,
because a coined term with a speech verb nearby (`Roe’s “grand bargain”`) still is one.

The other way round, a short quote that a verb of saying or judging introduces is a statement
(`The ministry expressed “deep regrets”`, `..., blaming the quarrel on the two towns’
“unfortunate” past`): what the sieve reads as its cue keeps it, and two cues the sieve does not
read are here (a participle later in the sentence, a cue right after the closing mark).
"""

from __future__ import annotations

import re
from typing import Final

from lexicon import (
    ADJUNCT_OPENERS,
    CONTRACTION_HEADS,
    DESCRIPTION_OPENERS,
    DETERMINERS,
    FUNCTION_WORDS,
    GRAMMATICAL_ARTICLES,
    NAMING_PARTICIPLES,
    NAMING_VERBS,
    PARTICIPLE_CUES,
    PERSONAL_SUBJECTS,
    PLACE_PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SCARE_MARKERS,
    SPEECH_VERBS,
    TERM_MARKERS,
    TITLE_PREPOSITIONS,
    TITLE_SMALL_WORDS,
    USING_WORDS,
    WORK_NOUNS,
)
from quotes.extraction.attribute import (
    LOCAL_RULES,
    Attribution,
    QuoteContext,
    cue_index,
)
from quotes.extraction.detect import QuoteSpan, is_nickname
from quotes.extraction.mentions import POSSESSIVE_ENDS

# Punctuation trimmed from a quote's edges before its words are counted.
_EDGE_PUNCTUATION: Final = " \t\r\n\u00a0.,;:!?…-—–―'\"“”‘’()[]«»„‟"


def scare_quote_reason(ctx: QuoteContext, attribution: Attribution | None) -> str | None:
    """Why a quoted span is a coined term or a title rather than a statement, or None."""
    content = ctx.text[ctx.quote.start : ctx.quote.end]
    word_count = len(content.split(None, 6))  # 7 means more than six words
    before = ctx.text[max(ctx.paragraph.start, ctx.quote.open_mark - 30) : ctx.quote.open_mark]
    if _has_byline_or_link(ctx):
        return "title"
    if word_count > 6:
        return "title" if _names_a_work(ctx, content, before) else None
    lowered = before.lower().rstrip()
    if _after_marker(lowered):
        if attribution is not None and attribution.rule in LOCAL_RULES and _marker_in_use(lowered):
            return None  # `Roe apologised for using the term “harbor rats”`: her words
        return "marker"
    if _names_a_work(ctx, content, before):
        return "title"
    if is_nickname(ctx.text, ctx.quote):
        return "nickname"
    if word_count > 1 and _glosses_previous_word(ctx):
        return "gloss"
    if word_count > 4:
        return None
    local = (
        attribution is not None
        and (attribution.rule in LOCAL_RULES or _subject_of_a_cue(ctx, attribution))
        and not _cue_introduces_next_quote(ctx, attribution)
        and not _cue_of_previous_quote(ctx, attribution)
        and not _in_adjunct_after_previous_quote(ctx, attribution)
        and not _describes_previous_speaker(ctx, attribution)
    )
    possessed = _is_possessed(lowered)
    if _used_as_modifier(ctx, content) and (
        not local or (possessed and not _is_evaluative(content))
    ):
        # `Lane’s “strategic patience” approaches`; but a judging word is its speaker's: `...,
        # blaming the quarrel on the two towns’ “unfortunate” past`
        return "modifier"
    if possessed and (
        attribution is None
        or (attribution.inherited and not _is_evaluative(content))
        or _quoted_before(ctx, content, lowered)
    ):
        return "possessive"
    if local:
        return None
    if attribution is not None and _is_full_sentence(content):
        return None  # `“The Boss. Big Chief.”` after `“Here comes Big Chief,” she said.`
    if cue_follows(ctx):
        return None  # `“It’s so cold,” said another.`: a statement, whoever `another` is
    return "unattributed"


# `“Harbor fees set to rise,” by the Delmont Herald’s Mara Voss`: `by`, then an owner's
# possessive (`Times’`, `DNAinfo's`) and a capitalised name.
_BYLINE_RE: Final = re.compile(
    r"\s*by (?:the )?(?:[A-Z][\w.&-]* ){0,4}[A-Z][\w.&-]*(?:['’]s|s['’]) [A-Z]"
)
# `“... the ferry will run until May.” http://hrbr.ms/1Ab2`: a link right after the mark;
# `“Keep the Harbor Free” (2009)`: a year in brackets, the date of a slogan, poster or film.
_LINK_OR_YEAR_RE: Final = re.compile(r"\s*(?:https?://|www\.|\((?:1[89]|20)\d\d\))")


def _has_byline_or_link(ctx: QuoteContext) -> bool:
    """`“Harbor fees set to rise,” by the Delmont Herald’s Mara Voss: “...” http://...`: a
    reading list gives each article's headline with its byline, and an excerpt with its link;
    neither is a statement of anyone the text names; nor is a slogan dated like a work
    (`“No to the Bridge Toll” (2011) — “Yes to Ferries” (2014)`)."""
    close = ctx.quote.close_mark
    if close is None:
        return False
    end = min(ctx.paragraph.end, close + 80)
    after = ctx.text[close + 1 : end]
    if "by " not in after and "(" not in after and "http" not in after and "www." not in after:
        return False  # both regexes need one of these: most quotes are spared them
    headline = ctx.text[ctx.quote.start : ctx.quote.end].rstrip().endswith((",", ",'", ",’"))
    if headline and _BYLINE_RE.match(ctx.text, close + 1, end) is not None:
        return True
    return _LINK_OR_YEAR_RE.match(ctx.text, close + 1, end) is not None


def _quoted_before(ctx: QuoteContext, content: str, lowered: str) -> bool:
    """`... through the mayor’s “green corridor”` after the plan's name was quoted earlier in
    the article: a name already quoted, owned and inside a prepositional phrase, is a label
    for the thing, not new words of the clause's speaker."""
    words = content.strip(_EDGE_PUNCTUATION)
    if len(words.split()) < 2 or words.lower() not in ctx.text[: ctx.quote.open_mark].lower():
        return False
    before = lowered.split()[-3:-1]
    if before and before[-1] in GRAMMATICAL_ARTICLES:
        before = before[:-1]
    return bool(before) and before[-1] in PLACE_PREPOSITIONS


# A one-word quote, then `or a` right before this one: `called it “jeong” or a “bond of
# affection”`.
_GLOSSED_WORD_RE: Final = re.compile('[“"][a-z]+,?[”"] or an? $')


def _glosses_previous_word(ctx: QuoteContext) -> bool:
    """`Roe called the rival “gumiho” or a “fox with nine tails”`: a phrase after a quoted
    single word and `or a` translates or explains that word; the word is the speaker's, the
    gloss the reporter's."""
    start = ctx.quote.open_mark
    low = max(ctx.paragraph.start, start - 30)
    return _GLOSSED_WORD_RE.search(ctx.text, low, start) is not None


def _subject_of_a_cue(ctx: QuoteContext, attribution: Attribution) -> bool:
    """`Nearly four in 10 voters said they were “furious”`, `Several papers reported on Wednesday
    the agency had “more than one meeting”`: the clause's subject, followed by a speech
    verb before the quote, speaks the short quote even when no cue rule could read the subject."""
    if attribution.rule != "clause_subject":
        return False
    tokens = ctx.tokens
    after = tokens.index_at(attribution.mention.end)
    return any(
        tokens.lows[index] in SPEECH_VERBS and tokens.words[index].islower()
        for index in range(after, ctx.open_index)
    )


def cue_follows(ctx: QuoteContext) -> bool:
    """`“Q,” said another`: a quote that ends on a comma is followed by its cue and speaker."""
    content = ctx.text[ctx.quote.start : ctx.quote.end].rstrip()
    if ctx.quote.close_mark is None or content[-1:] not in {",", "!", "?"}:
        return False
    tokens = ctx.tokens
    cue = ctx.close_index + 1
    if cue + 1 >= ctx.post_end or tokens.lows[cue] not in SPEECH_VERBS:
        return False
    following = tokens.words[cue + 1]
    return (
        tokens.words[cue].islower()
        and tokens.lows[cue] not in PARTICIPLE_CUES
        and (tokens.lows[cue + 1] in DETERMINERS or following[:1].isupper())
    )


# Words a marker may stand before: `dubbed as the “...”`, `known as a “...”`.
_MARKER_FOLLOWERS: Final = GRAMMATICAL_ARTICLES | {"as"}


def _after_marker(lowered: str) -> bool:
    """`the so-called “...”`, `often dubbed as the “...”`: a naming phrase right before the mark,
    perhaps followed by `as` and an article."""
    for _ in range(3):
        if lowered.endswith(SCARE_MARKERS):
            return True
        head, _space, last = lowered.rpartition(" ")
        if last not in _MARKER_FOLLOWERS:
            return False
        lowered = head.rstrip()
    return False


def _marker_in_use(lowered: str) -> bool:
    """`Roe apologised for using the term “...”`, `the rival she dubbed “...”`: a speaker
    uses or coins the words, and they are hers; not the reporter's `so-called`, `known as`, a
    passive `was dubbed`, or `a play on the phrase`."""
    words = lowered.split()
    if lowered.endswith(TERM_MARKERS):
        return len(words) >= 3 and words[-3] in USING_WORDS
    if lowered.endswith(NAMING_VERBS):
        return len(words) >= 2 and words[-2] in PERSONAL_SUBJECTS
    return False


_NEXT_OPENING_MARK_RE: Final = re.compile('\\s*[“"„‟«]')


def _cue_introduces_next_quote(ctx: QuoteContext, attribution: Attribution) -> bool:
    """`On “permit fraud” and the existence of the permits, Park said, “...”`: the clause that
    follows the quote ends in a cue whose comma opens the next quote, so the cue speaks that
    quote, and this one is the topic it is about."""
    if attribution.rule != "post_clause_speaker":
        return False
    tokens = ctx.tokens
    index = tokens.index_at(attribution.mention.end)
    while index < len(tokens) and tokens.words[index] != attribution.cue:
        index += 1
    after = index + 1
    if after + 1 != len(tokens) or tokens.words[after] not in {",", ":"}:
        return False
    return _NEXT_OPENING_MARK_RE.match(ctx.text, tokens.end(after), ctx.paragraph.end) is not None


_AFTER_QUOTE_RULES: Final = frozenset(
    {"post_speaker_cue", "post_cue_speaker", "post_clause_speaker"}
)
_INTRODUCERS: Final = frozenset({",", ":", "that"})


def _tagged_before_in_sentence(ctx: QuoteContext) -> Attribution | None:
    """The previous quote's attribution when that quote ends in this quote's sentence and its
    speaker is named in a tag after it (`“...,” said Roe, ...`)."""
    previous = ctx.previous
    if previous is None or not ctx.previous_in_sentence or previous.rule not in _AFTER_QUOTE_RULES:
        return None
    return previous


def _cue_of_previous_quote(ctx: QuoteContext, attribution: Attribution) -> bool:
    """`“...,” spokeswoman Kim said Friday as she read a prepared “letter” to reporters`: the
    cue already has its words, the quote before it; what follows it up to this quote is an adjunct
    (time, place, a subordinate clause) unless `that`, a comma or a colon opens this quote."""
    previous = _tagged_before_in_sentence(ctx)
    if (
        attribution.rule != "pre_subject_cue"
        or previous is None
        or previous.mention != attribution.mention
    ):
        return False
    tokens = ctx.tokens
    cue = cue_index(ctx, attribution)
    if cue + 1 >= ctx.open_index or tokens.lows[ctx.open_index - 1] in _INTRODUCERS:
        return False
    return all(
        tokens.lows[index] not in SPEECH_VERBS
        and tokens.words[index] not in _QUOTE_MARKS
        and tokens.words[index] != ","
        for index in range(cue + 1, ctx.open_index)
    )


_QUOTE_MARKS: Final = frozenset('“”"„‟«»')


def _describes_previous_speaker(ctx: QuoteContext, attribution: Attribution) -> bool:
    """`“...,” said Roe, whose new book profiles “rebellious” skippers`, `“...,” said Roe
    (Delmont), one of the original “gang of four” negotiators`: after the speaker named behind
    the quote before, a relative clause or an appositive describes her in the reporter's words;
    a short quote there, with no cue of its own, is no more of hers."""
    previous = _tagged_before_in_sentence(ctx)
    if attribution.rule != "same_sentence" or previous is None:
        return False
    tokens = ctx.tokens
    start = tokens.index_at(previous.mention.end)
    if start < ctx.open_index and tokens.words[start] == "(":
        while start < ctx.open_index and tokens.words[start] != ")":
            start += 1
        start += 1  # `Roe (Delmont),`: a bracket after the name is part of it
    if start + 2 >= ctx.open_index or tokens.words[start] != ",":
        return False
    opener = tokens.lows[start + 1 : start + 3]
    if opener[0] not in DESCRIPTION_OPENERS and opener != ["one", "of"]:
        return False
    return all(
        tokens.lows[index] not in SPEECH_VERBS and tokens.words[index] not in _QUOTE_MARKS
        for index in range(start, ctx.open_index)
    )


def _in_adjunct_after_previous_quote(ctx: QuoteContext, attribution: Attribution) -> bool:
    """`Roe announced that she would “put the plan to a vote” concerning her idea of a
    “green corridor”`: the cue's clause ends with the quote before; in a phrase that a
    preposition opens and no verb or comma breaks, a short quote after `of a` is the content of
    a noun, a term rather than more of the speaker's words (`... in a “landslide”` stays)."""
    if attribution.rule != "same_sentence" or not ctx.previous_in_sentence:
        return False
    tokens = ctx.tokens
    words = tokens.lows[ctx.pre_start : ctx.open_index]
    if len(words) < 4 or words[0] not in ADJUNCT_OPENERS:
        return False
    if words[-2] != "of" or words[-1] not in GRAMMATICAL_ARTICLES:
        return False  # `her idea of a “green corridor”`: the content of a noun
    return not any(
        word in _QUOTE_MARKS or word in {",", "that"} or word in SPEECH_VERBS or word.endswith("ed")
        for word in words
    )


def _is_possessed(before: str) -> bool:
    """`Lane’s “...”`, `the two countries’ “...”`; not `it’s “disastrous”`, where `’s` is `is`."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    return word.endswith(POSSESSIVE_ENDS) and word[:-2] not in CONTRACTION_HEADS


# Endings of adjectives (`groundless`, `unfortunate`, `broken`, `dangerous`); nouns rarely end so.
_ADJECTIVE_ENDINGS: Final = (
    *("ful", "less", "ous", "ive", "able", "ible", "al", "ic", "ate", "ent", "ant", "ary"),
    *("en", "ed", "ish"),
)


def _is_evaluative(content: str) -> bool:
    """`“unfortunate”`, `“broken”`: one lower-case adjective, a judgement of its speaker rather
    than a coined name (`“strategic patience”`)."""
    word = content.strip(_EDGE_PUNCTUATION)
    return word.isalpha() and word.islower() and word.endswith(_ADJECTIVE_ENDINGS)


def _is_full_sentence(content: str) -> bool:
    stripped = content.strip()
    return stripped[:1].isupper() and stripped[-1:] in {".", "!", "?"}


def _title_case(words: list[str]) -> bool:
    """Every word capitalised, a number (`“Route 9: The Last Ferry”`) or a small word."""
    return all(w[:1].isupper() or w[:1].isdigit() or w in TITLE_SMALL_WORDS for w in words)


def names_a_titled_work(content: str) -> bool:
    """`“Harbor Nights: A Story of the Docks”`: Title Case words with a subtitle name a book, a
    film or a report, however long, and whatever comes before them. Nobody said them: the
    speaker scorer leaves such a quote without a speaker (only a rule that reads its cue gives
    it one), and after a noun for a work it is a title (`_names_a_work`)."""
    if ": " not in content:
        return False
    words = content.strip(_EDGE_PUNCTUATION).split()
    return len(words) > 1 and _title_case(words)


def _names_a_work(ctx: QuoteContext, content: str, before: str) -> bool:
    """`on KBS's "Sunday Round."`, `told WKRN’s “Early Start”`, `the radio show “Morning
    Harbour Hour”`, `a play called “Brokers”`: a Title Case name of a show, book or article after
    a possessive, a preposition, a noun for a work or a naming participle is not a statement;
    nor is a longer one with a subtitle (`the film “Route 9: The Last Ferry of the Season”`)."""
    stripped = content.strip(_EDGE_PUNCTUATION)
    if ": " not in content and len(stripped.split(None, 6)) > 6:
        return False  # a long quote without a subtitle: not split whole
    words = stripped.split()
    if not words or (len(words) > 6 and not names_a_titled_work(content)):
        return False
    if not _title_case(words):
        return False
    raw = before.split()
    lowered = [word.lower().rstrip(",:") for word in raw]
    previous = lowered[-1] if lowered else ""
    if previous in GRAMMATICAL_ARTICLES and len(words) >= 2:
        return True  # `during a "Harbour Safety Forum"`
    if previous.endswith(POSSESSIVE_ENDS) or previous in TITLE_PREPOSITIONS:
        return True
    if previous in WORK_NOUNS or previous == "told":
        return True  # `her memoir, “Hard Water”`, `told “Fox and Friends”`
    if lowered[-2:] == ["interview", "with"]:
        return True
    if previous in NAMING_PARTICIPLES and len(raw) >= 2:
        # `a show called “Brokers”`, not `what he called “Evil Empire”`
        namer = raw[-2]
        return namer.isalpha() and namer.islower() and namer not in _SUBJECT_WORDS
    return _of_an_owner(ctx)


_SUBJECT_WORDS: Final = PRONOUNS | RELATIVE_PRONOUNS | {"what"}


def _of_an_owner(ctx: QuoteContext) -> bool:
    """`“Morning Harbour Hour” of KRVN FM`: a title followed by the name of the network or outlet
    that owns it."""
    close = ctx.quote.close_mark
    if close is None:
        return False
    after = ctx.text[close + 1 : close + 30].split()
    return len(after) >= 2 and after[0] == "of" and after[1][:1].isupper()


def coordinated_with_previous(ctx: QuoteContext, previous: QuoteSpan | None) -> bool:
    """`Roe’s “grand bargain” and Lane’s “strategic patience” approaches`: quoted terms joined
    by `and`/`or` share their status, so a coined term makes its partner one too."""
    if previous is None or previous.close_mark is None or previous.paragraph != ctx.quote.paragraph:
        return False
    between = ctx.text[previous.close_mark + 1 : ctx.quote.open_mark]
    if len(between) > 40 or len(ctx.text[previous.start : previous.end].split()) > 4:
        return False
    words = between.split()
    return bool(words) and words[0] in {"and", "or", "nor"} and len(words) <= 3


def _used_as_modifier(ctx: QuoteContext, content: str) -> bool:
    """`the “America First” policy`: a lower-case noun right after the closing mark; not a
    verb in the past (`what keeps the party’s “old guard” engaged`)."""
    if ctx.quote.close_mark is None or content.rstrip()[-1:] in {".", ",", "!", "?", ";", ":"}:
        return False
    index = ctx.close_index + 1
    if index >= len(ctx.tokens.words):
        return False
    word = ctx.tokens.words[index]
    lower = ctx.tokens.lows[index]
    return (
        word.isalpha()
        and word.islower()
        and lower not in FUNCTION_WORDS
        and lower not in SPEECH_VERBS
        and not _past_verb(lower)
    )


def _past_verb(lower: str) -> bool:
    """`engaged`, `needed`; not the nouns `speed`, `seed`, `bed`."""
    return len(lower) > 4 and lower.endswith("ed") and not lower.endswith("eed")
