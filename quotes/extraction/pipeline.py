"""extract(text) -> Extraction: sentences, quote spans, attribution, mention resolution."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from typing import Final

from lexicon import (
    CUE_WORDS,
    DOCUMENT_HEADS,
    GRAMMATICAL_ARTICLES,
    NAMING_VERBS,
    READ_OUT_NOUNS,
    READ_OUT_VERBS,
)
from quotes.extraction.attribute import (
    CONTINUING_RULES,
    Attribution,
    QuoteContext,
    attribute,
    attribution_of,
    cue_index,
    resolve_attribution,
    rounded,
)
from quotes.extraction.claims import find_claims
from quotes.extraction.detect import QuoteSpan, find_quotes, is_modifier_title, is_nickname
from quotes.extraction.grammar import Tokens, is_passive_participle, verb_subject
from quotes.extraction.mentions import NameIndex, Resolver
from quotes.extraction.scare import (
    coordinated_with_previous,
    cue_follows,
    names_a_titled_work,
    scare_quote_reason,
)
from quotes.extraction.sentences import paragraph_spans, split_sentences
from quotes.extraction.speakers import choose, is_open, nearer_pronoun
from quotes.extraction.types import (
    Extraction,
    Quote,
    QuoteKind,
    Sentence,
    Span,
    Speaker,
    replace,
)

# Bump when the output for some input changes.
EXTRACTOR_VERSION: Final = "1.16.0"

_MAX_POST_TOKENS: Final = 60
_MAX_POST_CHARS: Final = 250  # enough for any attribution, bounded on hostile text
_MAX_PRE_CHARS: Final = 400
# Prose never holds this many quotations in one paragraph; text that does (tables, code, stray
# marks) gets its spans listed as unattributed without the per-quote attribution work.
_MAX_QUOTES_PER_PARAGRAPH: Final = 100
_SHORT_QUOTE_SPACES: Final = 3  # at most four words: a scare quote unless a cue is near
# Words that let a short quote near them reach the sieve: the cue words, and `that`, since any
# finite verb hands its `that` clause to its subject (`Roe sniped that he was “Q”`).
_PRECONDITION_WORDS: Final = CUE_WORDS | {"that"}
_CUE_MARK_RE: Final = re.compile("[:―—–]")
_LOWER_WORD_RE: Final = re.compile(r"[a-z]+")
_CHARACTERISING: Final = (" as ", " as a ", " as an ")
# `Asked whether the levy is “fair,” 72 percent of voters ...`: a poll's question opens the
# sentence, the share of respondents follows it.
_ASKED_RE: Final = re.compile(r"(?:^|[.!?]\s+|\n)Asked\s+(?:whether|if)\b[^.!?\n“”\"]*$")
_SHARE_OF_RE: Final = re.compile(r"\b\d+(?:\.\d+)?\s*(?:percent|per cent|%)\s+(?:of\s+)?$")
# A photo credit closing a caption: `(Lindell Press)`, `(AP Photo)`.
_CREDIT_RE: Final = re.compile(r"\. \([A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\)$")
_QUOTE_MARK_RE: Final = re.compile('[“”"]')


class _Article:
    """Per-article state shared by the quotes: paragraphs, their tokens, sentence starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Marks of nicknames inside names (`Marcia "Cia" Price`), as (open, past close): the
        # token windows leave them out, so the name reads as one phrase.
        self.cuts: list[tuple[int, int]] = []
        self.cut_starts: list[int] = []
        self.paragraphs = paragraph_spans(text)
        self.sentences = split_sentences(text, self.paragraphs)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self.paragraph_starts = [paragraph.start for paragraph in self.paragraphs]
        self._tokens: dict[int, Tokens] = {}

    def tokens(self, paragraph: int) -> Tokens:
        cached = self._tokens.get(paragraph)
        if cached is None:
            cached = Tokens(self.text, self.paragraphs[paragraph])
            self._tokens[paragraph] = cached
        return cached

    def sentence_tokens(self, index: int, paragraph: Span) -> Tokens | None:
        """Tokens of sentence `index` if it lies in `paragraph`."""
        if index < 0:
            return None
        sentence = self.sentences[index]
        if sentence.start < paragraph.start:
            return None
        return Tokens.from_ranges(self.text, ((sentence.start, sentence.end),))

    def is_caption(self, paragraph: int) -> bool:
        """`Workers hold banners outside the plant on Monday. (Lindell Press)`: a paragraph
        without quotation marks that ends in a photo credit."""
        span = self.paragraphs[paragraph]
        return (
            _CREDIT_RE.search(self.text, span.start, span.end) is not None
            and _QUOTE_MARK_RE.search(self.text, span.start, span.end) is None
        )

    def sentence_at(self, offset: int) -> Sentence:
        index = bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[index if index > 0 else 0]


def extract(text: str, *, known_speakers: Iterable[str] | None = None) -> Extraction:
    """Quotes and their speakers in an article body. `known_speakers` is accepted for the
    Django side and not used yet."""
    del known_speakers
    return _extract(text, contexts=None)


def quote_contexts(text: str, *, evidence: bool = True) -> list[QuoteContext]:
    """The context every rule reads, for each quote that reached the sieve, in order, built as
    extract() builds it (earlier quotes attributed first): a rule can be tested alone with
    `rule_post_cue_speaker(quote_contexts(text)[-1])`. With `evidence=False` the earlier quotes
    keep the sieve's answers (what the speaker scorer is trained on)."""
    contexts: list[QuoteContext] = []
    _extract(text, contexts=contexts, evidence=evidence)
    return contexts


def claim_candidates(text: str) -> list[tuple[Quote, list[str] | None]]:
    """The claims of a text as extract() finds them, with every candidate of a scored cue kept
    or not and its features (None for the rules' own claims): what train-claims learns from."""
    collected: list[tuple[Quote, list[str] | None]] = []
    _extract(text, contexts=None, collected=collected)
    return collected


def _extract(
    text: str,
    *,
    contexts: list[QuoteContext] | None,
    collected: list[tuple[Quote, list[str] | None]] | None = None,
    evidence: bool = True,
) -> Extraction:
    article = _Article(text)
    spans = find_quotes(text, article.paragraphs)
    nicknames = [is_nickname(text, span) for span in spans]
    article.cuts = [
        (span.open_mark, span.end + 1)
        for span, nickname in zip(spans, nicknames, strict=True)
        if nickname or is_modifier_title(text, span)
    ]
    article.cut_starts = [start for start, _ in article.cuts]
    resolver = Resolver(
        text=text, names=NameIndex(text), quote_spans=[(q.start, q.end) for q in spans]
    )
    quotes: list[Quote] = []
    found_by_evidence: dict[int, Quote] = {}
    scare: list[Span] = []
    # Short quotes taken for terms only because no cue near them spoke them: a claim in reported
    # speech around one may still say whose words they are (see _quotes_inside_claims).
    unspoken: list[QuoteSpan] = []
    state = _ParagraphState()
    # Only a text with that many quotes in all can have a crowded paragraph.
    per_paragraph = (
        Counter(span.paragraph for span in spans)
        if len(spans) > _MAX_QUOTES_PER_PARAGRAPH
        else None
    )
    for index, span in enumerate(spans):
        following = _following(spans, nicknames, index)
        crowded = (
            per_paragraph is not None and per_paragraph[span.paragraph] > _MAX_QUOTES_PER_PARAGRAPH
        )
        if crowded or _plainly_unattributed(article, span, following, state):
            state.seen(span)
            scare.append(Span(span.start, span.end))
            continue
        ctx = _context(article, span, following, state)
        if contexts is not None:
            contexts.append(ctx)
        attribution, listener = _attribute(ctx)
        reason = scare_quote_reason(ctx, attribution)
        if reason is not None:
            state.seen(span)
            scare.append(Span(span.start, span.end))
            if reason == "unattributed" or (reason == "marker" and _naming_verb_before(text, span)):
                unspoken.append(span)
            previous = spans[index - 1] if index else None
            if (
                reason == "modifier"
                and quotes
                and previous is not None
                and quotes[-1].start == previous.start
                and coordinated_with_previous(ctx, previous)
            ):
                quotes.pop()
                scare.append(Span(previous.start, previous.end))
            continue
        chosen = (
            _by_evidence(ctx, attribution, listener) if evidence and is_open(attribution) else None
        )
        if attribution is not None and chosen is not None:
            attribution = chosen
        if _poll_question(text, span, attribution or chosen):
            attribution = chosen = None
        state.seen(span)
        quote = _quote(article, span, attribution, resolver, ctx)
        quotes.append(quote)
        if attribution is None and chosen is not None:
            # Kept aside: a cue later in the sentence or in the next paragraph, read once all
            # quotes are in, names the speaker before the scorer does.
            found_by_evidence[span.start] = _quote(article, span, chosen, resolver, ctx)
        state.remember(span, attribution)
    _read_out_in_next_paragraph(article, quotes, resolver)
    # The claims come after the quotes, which they change only by speaking for a short quote
    # inside one (_quotes_inside_claims).
    claims = find_claims(
        text,
        article.sentences,
        quoted=[
            (span.open_mark, span.close_mark + 1 if span.close_mark is not None else span.end)
            for span in spans
        ],
        resolver=resolver,
        collected=collected,
    )
    spoken = _quotes_inside_claims(article, unspoken, claims, quotes)
    if spoken:
        taken = {quote.start for quote in spoken}
        scare = [span for span in scare if span.start not in taken]
    return Extraction(
        text=text,
        sentences=article.sentences,
        quotes=_merged(
            _named_later(
                text,
                _filled_by_evidence(
                    _attributed_from_next_paragraph(text, _attributed_from_later_cue(quotes)),
                    found_by_evidence,
                ),
            ),
            spoken,
        ),
        scare_quotes=tuple(sorted(scare, key=lambda span: span.start)),
        version=EXTRACTOR_VERSION,
        claims=claims,
    )


def _quotes_inside_claims(
    article: _Article, unspoken: list[QuoteSpan], claims: tuple[Quote, ...], quotes: list[Quote]
) -> list[Quote]:
    """`About a third said they felt “cheated” by the pay deal`, `Roe challenged the
    claim that she had ever “attacked” the mayor`: a short quote no cue near it spoke, inside
    the reported clause of a claim with a speaker, is that speaker's words (a mixed quote), and so
    is a name a verb of naming gives there (`officials said the files were labeled “restricted”`).
    Not a quote that the content of a noun holds (`her offer of a “harbor pact”`), nor
    one before a sentence of direct speech that a cue and a comma introduce in the same claim."""
    spoken: list[Quote] = []
    if not unspoken or not claims:
        return spoken
    text = article.text
    introduced = [quote.start for quote in quotes if _introduced_statement(text, quote)]
    for span in unspoken:
        if span.close_mark is None:
            continue
        host = next((c for c in claims if c.start <= span.start and span.end <= c.end), None)
        if host is None or host.mention is None or _content_of_a_noun(text, span.open_mark):
            continue
        if any(span.end < start < host.end for start in introduced):
            continue  # `On “permit fraud”, Park said, “...”`: the topic of a direct quote
        spoken.append(_quote_of_claim(article, span, host))
    return spoken


def _introduced_statement(text: str, quote: Quote) -> bool:
    """`..., Park said, “We will ...`: a capitalised quote after a comma or a colon."""
    mark = quote.open_mark
    return mark is not None and text[mark - 2 : mark] in {", ", ": "} and quote.text[:1].isupper()


def _naming_verb_before(text: str, span: QuoteSpan) -> bool:
    """`the files had been labeled “restricted”`: inside a claim, the name is its source's; not
    with an agent of its own (`dubbed “...” by its critics`)."""
    if span.close_mark is None or text.startswith(" by ", span.close_mark + 1):
        return False
    before = text[max(0, span.open_mark - 20) : span.open_mark].lower().split()
    while before and before[-1] in GRAMMATICAL_ARTICLES:
        before.pop()
    return " ".join(before[-2:]).endswith(NAMING_VERBS)


def _content_of_a_noun(text: str, open_mark: int) -> bool:
    """`her offer of a “harbor pact”`: `of` and an article right before the mark."""
    words = text[max(0, open_mark - 12) : open_mark].lower().split()
    return len(words) >= 2 and words[-2] == "of" and words[-1] in GRAMMATICAL_ARTICLES


def _quote_of_claim(article: _Article, span: QuoteSpan, claim: Quote) -> Quote:
    starts = article.sentence_starts
    first_sentence = bisect_right(starts, span.start) - 1
    last_sentence = bisect_right(starts, span.end - 1, first_sentence + 1) - 1
    return replace(
        claim,
        text=article.text[span.start : span.end],
        start=span.start,
        end=span.end,
        first_sentence=max(first_sentence, 0),
        last_sentence=max(last_sentence, 0),
        kind="partial",
        rule="inside_claim",
        open_mark=span.open_mark,
        close_mark=span.close_mark,
    )


def _merged(quotes: tuple[Quote, ...], more: list[Quote]) -> tuple[Quote, ...]:
    if not more:
        return quotes
    return tuple(sorted((*quotes, *more), key=lambda quote: quote.start))


def _attribute(ctx: QuoteContext) -> tuple[Attribution | None, Span | None]:
    """The sieve's answer, and the mention of who was told or asked when the answer was the
    subject of a cue in the passive (no speaker of the quote). A speaker inherited from an
    earlier quote gives way to a cue right after this one (`“Where’s my dog?” cried one. “It’s
    so dark,” said another.`), even when the sieve cannot read its speaker."""
    attribution = attribute(ctx)
    if attribution is not None and attribution.inherited and cue_follows(ctx):
        return None, None
    if attribution is not None and _passive_cue(ctx, attribution):
        return None, attribution.mention
    return attribution, None


def _passive_cue(ctx: QuoteContext, attribution: Attribution) -> bool:
    """`Roe was asked about the “harbor pact” remark`, `The crews were told, “...”`, `Roe was
    said to be “furious”`: the subject of a cue in the passive is who was asked, told or talked
    about; the words are another's (`Roe was quoted as saying “...”` has its cue in `saying`)."""
    if attribution.rule != "pre_subject_cue" or attribution.cue is None:
        return False
    tokens = ctx.tokens
    cue = cue_index(ctx, attribution)
    if cue >= ctx.open_index or not is_passive_participle(tokens, cue, 0):
        return False
    # `Roe is reported to have called it “Q”`: her words, as others report
    return not (cue + 2 < len(tokens) and tokens.lows[cue + 1 : cue + 3] == ["to", "have"])


def _by_evidence(
    ctx: QuoteContext, first: Attribution | None, listener: Span | None = None
) -> Attribution | None:
    """The scorer's choice for an open decision (speakers.py), on a quote kept as a quote
    either way: a candidate that would make it a scare quote, or that a later cue overrides,
    leaves the sieve's answer; so does the listener of a passive cue (`Roe was repeatedly told
    the plan was “Q”`: whoever told her spoke)."""
    if first is None and names_a_titled_work(ctx.text[ctx.quote.start : ctx.quote.end]):
        return None
    chosen = choose(ctx, first)
    if chosen is first or chosen is None or chosen.mention == listener:
        return first
    if chosen.inherited and cue_follows(ctx):
        return first
    if scare_quote_reason(ctx, chosen) is not None:
        return first
    return chosen


def _filled_by_evidence(quotes: tuple[Quote, ...], found: dict[int, Quote]) -> tuple[Quote, ...]:
    """The quotes still without a speaker take the one the scorer chose for them."""
    if not found:
        return quotes
    return tuple(
        found.get(quote.start, quote) if quote.mention is None else quote for quote in quotes
    )


_READ_OUT_OBJECTS: Final = DOCUMENT_HEADS | READ_OUT_NOUNS


def _read_out_in_next_paragraph(article: _Article, quotes: list[Quote], resolver: Resolver) -> None:
    """`“The appeal is dismissed.”` alone in its paragraph with no speaker, then `The
    hall fell silent when Judge Park Ji-hoon read the ruling.`: whoever the next paragraph's
    first sentence says read out the verdict or statement speaks it."""
    for index, quote in enumerate(quotes):
        if quote.speaker is not None or quote.open_mark is None or quote.close_mark is None:
            continue
        paragraph = bisect_right(article.paragraph_starts, quote.open_mark) - 1
        span = article.paragraphs[paragraph]
        alone = quote.open_mark == span.start and not article.text[
            quote.close_mark + 1 : span.end
        ].strip(" .")
        if not alone or paragraph + 1 >= len(article.paragraphs):
            continue
        found = _reader(article, article.paragraphs[paragraph + 1].start)
        if found is None:
            continue
        speaker, mention, confidence = resolve_attribution(found, resolver)
        quotes[index] = replace(
            quote,
            speaker=speaker,
            mention=mention,
            cue=found.cue,
            rule="read_out_next_paragraph",
            confidence=rounded(confidence),
        )


def _reader(article: _Article, start: int) -> Attribution | None:
    """The subject of `read the verdict` / `announced the decision` in the sentence at `start`."""
    sentence = article.sentence_at(start)
    tokens = Tokens.from_ranges(article.text, ((sentence.start, sentence.end),))
    for verb in range(1, len(tokens) - 2):
        if tokens.lows[verb] not in READ_OUT_VERBS or not tokens.words[verb].islower():
            continue
        if tokens.lows[verb + 2] not in _READ_OUT_OBJECTS:
            continue  # `read the verdict`: a determiner, then the text read
        found = verb_subject(tokens, verb, 0)
        if found is not None and found[0].kind != "pronoun":
            return attribution_of(tokens, found[0], cue=verb, confidence=0.6)
    return None


_AFTER_QUOTE_RULES: Final = frozenset(
    {"post_cue_speaker", "post_speaker_cue", "post_clause_speaker"}
)


def _attributed_from_later_cue(quotes: list[Quote]) -> tuple[Quote, ...]:
    """`"We have nothing to add" on the plan, with a review going on "internally," the official
    said`: the cue after the sentence's last quote attributes every quote of the sentence."""
    for index in range(len(quotes) - 2, -1, -1):
        quote, later = quotes[index], quotes[index + 1]
        if (
            quote.mention is None
            and later.mention is not None
            and later.rule in _AFTER_QUOTE_RULES
            and later.first_sentence <= quote.last_sentence
            and quote.close_mark is not None
        ):
            quotes[index] = _speaker_of(later, quote, "later_cue_in_sentence", 0.9)
    return tuple(quotes)


def _speaker_of(later: Quote, quote: Quote, rule: str, trust: float) -> Quote:
    """`quote` attributed as `later` is, by `rule`, with `trust` times its confidence."""
    return replace(
        quote,
        speaker=later.speaker,
        mention=later.mention,
        cue=later.cue,
        rule=rule,
        confidence=rounded(later.confidence * trust),
    )


def _attributed_from_next_paragraph(text: str, quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """`“Q1.”` alone in its paragraph with no speaker, then `“Q2,” Roe notes.` opening the
    next paragraph: an interview's quote run, the later cue names the speaker of both."""
    result = list(quotes)
    for index in range(len(result) - 2, -1, -1):
        quote, later = result[index], result[index + 1]
        if quote.mention is not None or later.mention is None or quote.close_mark is None:
            continue
        if later.rule not in _AFTER_QUOTE_RULES or later.open_mark is None:
            continue
        if quote.open_mark is None or text[quote.open_mark - 1 : quote.open_mark] not in {"", "\n"}:
            continue  # the quote opens its paragraph
        between = text[quote.close_mark + 1 : later.open_mark]
        if between.strip() or "\n" not in between:
            continue  # and the later quote opens the next one
        result[index] = _speaker_of(later, quote, "next_paragraph_cue", 0.8)
    return tuple(result)


def _named_later(text: str, quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """`A spokesperson for the president said ... “Q1”` in the lead, then `“Q2,” Lee Min-seo,
    the spokesperson, said`: the definite role names the one unnamed source the lead introduced,
    so both quotes are Lee's. Only when one named person holds that role in the article."""
    named: dict[str, Speaker | None] = {}  # None: two people hold the role
    first_named: dict[str, int] = {}
    for quote in quotes:
        speaker, mention = quote.speaker, quote.mention
        if speaker is None or mention is None or speaker.kind != "person" or not speaker.title:
            continue
        after = text[mention.end : mention.end + 80]
        if not after.startswith(", the ") or speaker.title not in after.split(",")[1]:
            continue
        role = speaker.title.lower()
        if role not in named:
            named[role], first_named[role] = speaker, mention.start
        elif (held := named[role]) is not None and held.key != speaker.key:
            named[role] = None
    if not named:
        return quotes
    result = []
    for quote in quotes:
        speaker, mention = quote.speaker, quote.mention
        if (
            speaker is not None
            and mention is not None
            and speaker.kind == "anonymous"
            and speaker.title
            and mention.text.split(" ", 1)[0].lower() in {"a", "an"}
        ):
            role = speaker.title.lower()
            person = named.get(role)
            if person is not None and mention.start < first_named[role]:
                quote = replace(quote, speaker=person)
        result.append(quote)
    return tuple(result)


class _ParagraphState:
    """The last attributed quotes, for continuation rules."""

    def __init__(self) -> None:
        self.paragraph = -1
        self.previous: Attribution | None = None
        self.previous_end = -1
        self.last_of_paragraph: dict[int, tuple[Attribution | None, bool]] = {}
        self.last_span: QuoteSpan | None = None

    def seen(self, span: QuoteSpan) -> None:
        """Any quote, kept or not."""
        self.last_span = span

    def window_start(self, span: QuoteSpan) -> int:
        """The next quote reads back to the last kept quote of its paragraph: a title or scare
        quote in between (`Quist tells WKRN’s “Early Start” that “...”`) does not hide the
        cue. The window is capped at _MAX_PRE_CHARS, so this stays linear."""
        if self.paragraph != span.paragraph:
            return 0
        return self.previous_end

    def remember(self, span: QuoteSpan, attribution: Attribution | None) -> None:
        if span.paragraph != self.paragraph:
            self.paragraph = span.paragraph
            self.previous = None
        if attribution is not None:
            self.previous = attribution
        self.previous_end = span.close_mark + 1 if span.close_mark is not None else span.end
        self.last_of_paragraph[span.paragraph] = (attribution, span.close_mark is None)


def _context(
    article: _Article, span: QuoteSpan, following: QuoteSpan | None, state: _ParagraphState
) -> QuoteContext:
    paragraph = article.paragraphs[span.paragraph]
    same_paragraph = state.paragraph == span.paragraph
    sentence = article.sentence_at(span.open_mark)
    pre_from = max(
        sentence.start, state.window_start(span), paragraph.start, span.open_mark - _MAX_PRE_CHARS
    )
    tokens = _window_tokens(article, span, following, paragraph, pre_from)
    open_index = tokens.index_at(span.open_mark)
    close_index = open_index + 1 if span.close_mark is not None else len(tokens)
    end_sentence = article.sentence_at(span.close_mark if span.close_mark is not None else span.end)
    previous_paragraph = span.paragraph - 1
    last = state.last_of_paragraph.get(previous_paragraph)
    if last is None and previous_paragraph > 0 and article.is_caption(previous_paragraph):
        # A photo caption between two paragraphs of one statement does not end it.
        last = state.last_of_paragraph.get(previous_paragraph - 1)
    return QuoteContext(
        text=article.text,
        quote=span,
        paragraph=paragraph,
        tokens=tokens,
        open_index=open_index,
        close_index=close_index,
        pre_start=0,
        post_end=min(len(tokens.words), close_index + _MAX_POST_TOKENS),
        sentence_end=tokens.index_at(end_sentence.end),
        previous=state.previous if same_paragraph else None,
        previous_in_sentence=same_paragraph and state.previous_end > sentence.start,
        previous_tokens=lambda: (
            article.tokens(previous_paragraph) if previous_paragraph >= 0 else None
        ),
        previous_sentence=lambda: article.sentence_tokens(sentence.index - 1, paragraph),
        sentence_start=max(sentence.start, paragraph.start),
        previous_paragraph_quote=last[0] if last else None,
        previous_paragraph_unclosed=last[1] if last else False,
    )


def _plainly_unattributed(
    article: _Article, span: QuoteSpan, following: QuoteSpan | None, state: _ParagraphState
) -> bool:
    """A short quoted term with no cue word anywhere near it can only end as a scare quote, so
    skip the token work (this keeps text full of stray quote marks fast)."""
    text = article.text
    if text.count(" ", span.start, span.end) > _SHORT_QUOTE_SPACES:
        return False
    if state.paragraph == span.paragraph and state.previous is not None:
        return False  # the quote may share its sentence with an attributed one
    if text[max(0, span.open_mark - 7) : span.open_mark].endswith(_CHARACTERISING):
        return False  # `pounding Roe as a “con artist”`
    paragraph = article.paragraphs[span.paragraph]
    start = max(paragraph.start, state.window_start(span), span.open_mark - _MAX_PRE_CHARS)
    end = paragraph.end
    if following is not None and following.paragraph == span.paragraph:
        end = following.open_mark
    end = min(end, span.end + _MAX_POST_CHARS)
    window = text[start:end]
    if _CUE_MARK_RE.search(window) is not None:
        return False
    return _PRECONDITION_WORDS.isdisjoint(_LOWER_WORD_RE.findall(window.lower()))


def _poll_question(text: str, span: QuoteSpan, attribution: Attribution | None) -> bool:
    """`Asked whether the levy is “fair,” 72 percent of voters said yes`: the wording of a poll's
    question, which the share of respondents who answer it did not say."""
    if attribution is None:
        return False
    start = attribution.mention.start
    if start < span.end or not _SHARE_OF_RE.search(text, max(0, start - 20), start):
        return False
    opening = _ASKED_RE.search(text, max(0, span.open_mark - 200), span.open_mark)
    return opening is not None


def _following(spans: list[QuoteSpan], nicknames: list[bool], index: int) -> QuoteSpan | None:
    """The next quote that is not a nickname inside a name."""
    probe = index + 1
    while probe < len(spans) and nicknames[probe] and probe - index <= 3:
        probe += 1
    return spans[probe] if probe < len(spans) else None


def _without_cuts(article: _Article, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges with nickname marks cut out (`Marcia "Cia" Price` reads `Marcia Cia Price`)."""
    if not article.cuts:
        return ranges
    starts = article.cut_starts
    result: list[tuple[int, int]] = []
    for start, end in ranges:
        index = bisect_right(starts, start - 1)
        while index < len(starts) and starts[index] < end:
            cut_start, cut_end = article.cuts[index]
            if cut_end > end:
                break
            result.append((start, cut_start))
            result.append((cut_start + 1, cut_end - 1))  # the nickname itself, without marks
            start = cut_end
            index += 1
        result.append((start, end))
    return result


def _window_tokens(
    article: _Article, span: QuoteSpan, following: QuoteSpan | None, paragraph: Span, pre_from: int
) -> Tokens:
    """Tokens around one quote: the words before it in its sentence, its two marks, and the words
    after it up to the next quote. The quoted words themselves are never read by a rule."""
    text = article.text
    open_mark = span.open_mark
    close_mark = span.close_mark
    if close_mark is None:
        return Tokens.from_ranges(text, _without_cuts(article, [(pre_from, open_mark + 1)]))
    post_end = paragraph.end
    if following is not None and following.paragraph == span.paragraph:
        post_end = following.open_mark
    if post_end > close_mark + _MAX_POST_CHARS:
        post_end = close_mark + _MAX_POST_CHARS
    # The opening mark is a token of its own, so the words before it and the mark tokenise as
    # one range.
    return Tokens.from_ranges(
        text, _without_cuts(article, [(pre_from, open_mark + 1), (close_mark, post_end)])
    )


def _quote(
    article: _Article,
    span: QuoteSpan,
    attribution: Attribution | None,
    resolver: Resolver,
    ctx: QuoteContext,
) -> Quote:
    speaker = None
    mention = None
    confidence = 0.3
    if attribution is not None:
        speaker, mention, confidence = resolve_attribution(attribution, resolver)
        mention = nearer_pronoun(ctx, attribution, speaker, resolver) or mention
    starts = article.sentence_starts
    first_sentence = bisect_right(starts, span.start) - 1
    last_sentence = bisect_right(starts, span.end - 1, first_sentence + 1) - 1
    return Quote(
        text=article.text[span.start : span.end],
        start=span.start,
        end=span.end,
        first_sentence=first_sentence if first_sentence > 0 else 0,
        last_sentence=last_sentence if last_sentence > 0 else 0,
        kind=_kind(ctx, attribution),
        cue=attribution.cue if attribution else None,
        confidence=rounded(confidence),
        speaker=speaker,
        mention=mention,
        rule=attribution.rule if attribution else None,
        open_mark=span.open_mark,
        close_mark=span.close_mark,
    )


def _kind(ctx: QuoteContext, attribution: Attribution | None) -> QuoteKind:
    inherited = attribution is not None and attribution.rule in CONTINUING_RULES
    if inherited and ctx.quote.open_mark == ctx.paragraph.start:
        return "continuation"
    content = ctx.text[ctx.quote.start : ctx.quote.end].lstrip()
    before = ctx.tokens.words[ctx.open_index - 1] if ctx.open_index > ctx.pre_start else None
    if before is None or before in {":", ","} or not content[:1].islower():
        return "full" if content[:1].isupper() or before is None else "partial"
    return "partial"
