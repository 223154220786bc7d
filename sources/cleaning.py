"""Turn a page copied from a news site into the stored article body.

The body is what every quote and sentence offset points into, so cleaning only ever *removes whole
lines* and normalises whitespace; it never rewrites text inside a paragraph.

Decisions:
- The headline stays in the body as its first paragraph (a headline repeated twice in a row is kept
  once). A section tag such as ``[News analysis]`` is kept in the body, because text inside a
  paragraph is never rewritten; ``sources.metadata`` strips it from the title.
- A dek (the subtitle under the headline) is kept: it is editorial text of the article.
- A paragraph is a run of non-blank lines. Lines that survive inside one run stay joined by "\\n";
  runs are joined by a blank line. So text that is already clean, including one whose paragraphs
  are separated by single newlines, comes back unchanged apart from whitespace.
- Every line is stripped of surrounding whitespace (page indentation is layout, not text), control
  characters are removed, and line endings become "\\n".

Boilerplate is recognised by patterns, never by the seed pages' exact lines: widget vocabularies
(share buttons, font-size controls, "Link copied", "Related stories" ...), mastheads, bylines,
datelines, e-mail and copyright footers, photo captions that end in a photo credit or are printed
twice, and short lines in another script inside an English page. Two guards hold for all of those
rules: a line quoting someone (a quote mark plus a speech verb) is never dropped, and a long
sentence-like paragraph is never dropped by a widget, masthead, byline or dateline rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from lexicon import CLEANING_REPORTING_CUES, CLEANING_SPEECH_CUES

__all__ = [
    "MONTHS",
    "byline_parts",
    "clean_text",
    "emails",
    "is_byline",
    "is_caption",
    "is_contact_line",
    "is_dateline",
    "is_masthead",
    "is_section_end",
    "is_speech",
    "is_story_like",
    "is_widget",
    "masthead_keys",
    "normalize_whitespace",
    "split_paragraphs",
    "split_pieces",
    "strip_contacts",
]

# --- whitespace --------------------------------------------------------------------------------

# Old Mac line ends, form feeds and Unicode line separators all mean "new line" in copied pages.
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
# Control characters (NUL included) and the byte-order mark carry no text; tabs become spaces.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff]")


def normalize_whitespace(raw: str) -> str:
    """Line endings to "\\n", control characters out, lines stripped, paragraphs one blank apart."""
    text = _CONTROL.sub("", _LINE_BREAKS.sub("\n", raw)).replace("\t", " ")
    return _join(split_paragraphs(text))


def split_paragraphs(text: str) -> list[list[str]]:
    """Runs of non-blank (stripped) lines; blank lines only separate runs."""
    paragraphs: list[list[str]] = [[]]
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            paragraphs[-1].append(stripped)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [paragraph for paragraph in paragraphs if paragraph]


def _join(paragraphs: Sequence[Sequence[str]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in paragraphs if lines)


# --- guards ------------------------------------------------------------------------------------

_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'")
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
# Speech cues come from the word lists of the top-level `lexicon` package, which the extractor
# reads too (`sources` never imports `quotes`). Next to a quote mark, any of the extractor's speech
# verbs will do; without one, only the everyday reporting verbs, since captions describe pictures
# with verbs like `answers` or `reporting`. Both add cleaning's own few (`states`, `according to`).
_WORD = re.compile(r"\w+")


def _cue_finder(cues: frozenset[str]) -> Callable[[str], bool]:
    """A test of whether a text holds one of `cues` (words or phrases) as whole words, any case."""
    words = frozenset(cue for cue in cues if " " not in cue)
    phrases = [rf"\b{re.escape(cue)}\b" for cue in sorted(cues) if " " in cue]
    phrase_re = re.compile("|".join(phrases) or "(?!)", re.IGNORECASE)

    def has_cue(text: str) -> bool:
        return not words.isdisjoint(_WORD.findall(text.lower())) or bool(phrase_re.search(text))

    return has_cue


_has_speech_cue = _cue_finder(CLEANING_SPEECH_CUES)
_has_reporting_cue = _cue_finder(CLEANING_REPORTING_CUES)


def is_speech(line: str) -> bool:
    """A quote mark and a speech verb: the raw material of the whole product, never dropped."""
    return bool(_QUOTE_MARK.search(line)) and _has_speech_cue(line)


def is_story_like(line: str) -> bool:
    """A long line that ends like a sentence reads as story text, whatever words it contains."""
    return len(line.split()) >= 12 and line.endswith(_SENTENCE_END)


def _is_short_label(line: str, *, max_chars: int = 80) -> bool:
    # Widgets, bylines and datelines are short and never end like a sentence.
    return len(line) <= max_chars and not line.endswith(_SENTENCE_END)


def _key(line: str) -> str:
    """Lower-cased line without the bullets, icons and punctuation that decorate widgets."""
    return re.sub(r"^[^\w+-]+|[^\w]+$", "", line).lower()


# --- widgets -----------------------------------------------------------------------------------

_SOCIAL = (
    r"(?:facebook|twitter|x|kakao(?:talk|story)?|mail|e-?mail|link|line|whatsapp|linkedin|reddit"
    r"|pinterest|telegram|naver|band|print|copy|sms|messenger|flipboard|tumblr|weibo|wechat)"
)
_WIDGET = re.compile(
    "|".join(
        (
            rf"{_SOCIAL}(?: share)?(?: button)?",
            r"share(?: (?:this|on|via|to)\b.{0,30})?|share button",
            r"button (?:that|to)\b.*",
            r"settings|[ⓕ]?\s*font[- ]?size|text size|zoom|a|[+-]?\d",
            r"(?:link|url) copied|copied(?: to clipboard)?|copy (?:link|url)",
            r"editor(?:'s|s'|s|’s|s’)? picks?",
            r"top \d+(?: stories| news| articles)?|top (?:stories|news|articles)",
            r"related(?: stories| articles| news| coverage| content| topics| links| posts)?",
            r"most (?:viewed|read|popular|shared|commented|e-?mailed)(?: articles| stories| news)?"
            r"(?: today| this week)?",
            r"(?:more|latest|recommended|trending|popular)(?: stories| articles| news| videos)?"
            r"(?: from [\w .&'-]{1,40})?",
            r"you (?:may|might) (?:also )?like|recommended for you|we recommend",
            r"read more|see more|show more|load more|view more|continue reading",
            r"(?:(?:updated|posted|published) )?\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?)"
            r" ago|\d+ min(?:ute)?s? read",
            r"x|close|close ad|menu|search|home|log ?in|sign (?:in|up)|subscribe(?: now)?|register",
            r"newsletters?|advertisement|ad|sponsored|comments?|\d+ comments?|save|bookmark",
            r"listen(?: to (?:this|the) (?:article|story))?|audio|video|photos?|gallery",
            r"skip (?:to )?(?:main )?(?:content|advertisement|ad|navigation)",
            r"go ?(?:to )?top(?: letter)?|back to top|(?:scroll )?to top|top|feedback|english",
        )
    ),
    re.IGNORECASE,
)


def is_widget(line: str) -> bool:
    """Page furniture from a known widget vocabulary: share, font size, copy link, teasers."""
    return _is_short_label(line) and bool(_WIDGET.fullmatch(_key(line)))


_SECTION_END = re.compile(
    r"editor(?:'s|s'|s|’s|s’)? picks?|top \d+(?: stories| news| articles)?|top stories"
    r"|related(?: stories| articles| news| coverage| content| links| posts)?"
    r"|most (?:viewed|read|popular|shared|commented|e-?mailed)(?: articles| stories| news)?"
    r"|you (?:may|might) (?:also )?like|recommended(?: for you)?|more (?:stories|from .{1,40})",
    re.IGNORECASE,
)


def is_section_end(line: str) -> bool:
    """The heading of a teaser list ("Related stories"): what follows is other articles' titles."""
    return _is_short_label(line) and bool(_SECTION_END.fullmatch(_key(line)))


# --- mastheads ---------------------------------------------------------------------------------

_PUBLICATION_NOUN = (
    r"(?:Herald|Times|Post|Journal|Tribune|Gazette|Daily|News|Chronicle|Guardian|Telegraph"
    r"|Independent|Observer|Economist|Standard|Star|Sun|Mail|Express|Mirror|Globe|Inquirer"
    r"|Courier|Examiner|Monitor|Dispatch|Press|Hankyoreh|Newspaper)"
)
# "The Korea Herald", "The New York Times": a title-cased name ending in a publication noun.
_MASTHEAD_NAME = re.compile(rf"The(?: [A-Z][\w.&'-]*){{0,4}} {_PUBLICATION_NOUN}")
# Site titles written as taglines ("... English Middle-east and International News and Opinion").
_MASTHEAD_TAGLINE = re.compile(
    r"\b(?:news and (?:opinion|analysis)|breaking news|latest news|english edition|online edition"
    r"|official (?:web)?site)\b",
    re.IGNORECASE,
)


def masthead_keys(names: Collection[str]) -> frozenset[str]:
    """Outlet names as compared with lines: lower-case, with and without a leading "the"."""
    keys = {name.strip().lower() for name in names if name.strip()}
    return frozenset(keys | {key.removeprefix("the ") for key in keys})


def is_masthead(line: str, *, mastheads: Collection[str] = (), in_header: bool = True) -> bool:
    """An outlet's name or site title on a line of its own.

    ``mastheads`` are the registry's names (see ``masthead_keys``) and match anywhere; the generic
    shapes only in the page header, before the story starts, where a headline cannot be mistaken
    for a site name further down.
    """
    if not _is_short_label(line, max_chars=160):
        return False
    if _key(line).removeprefix("the ") in mastheads:
        return True
    return in_header and bool(_MASTHEAD_NAME.fullmatch(line) or _MASTHEAD_TAGLINE.search(line))


# --- bylines and contact lines -----------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:&#160;|\s)protected\]", re.IGNORECASE)
_BYLINE = re.compile(
    r"(?:By|BY|(?:Written|Reporting|Writing|Additional reporting|Edited|Editing|Story|Text) by)"
    r"\s+(?P<rest>.+)"
)
# Words allowed in lower case inside a byline: connectors, name particles and job titles.
_BYLINE_WORDS = frozenset(
    {
        "and", "&", "of", "the", "in", "at", "for", "from", "de", "da", "di", "du", "del",
        "der", "den", "van", "von", "la", "le", "bin", "al", "ibn", "y", "correspondent",
        "correspondents", "reporter", "reporters", "writer", "writers", "staff", "editor",
        "editors", "contributor", "contributing", "columnist", "bureau", "chief", "senior",
        "special", "political", "diplomatic", "economic", "business", "national",
        "international", "foreign", "desk", "team", "news", "by", "editing", "edited",
        "reporting", "writing", "additional",
    }
)  # fmt: skip


def byline_parts(line: str) -> tuple[str, ...] | None:
    """The names and titles of a byline, or None if the line is not one.

    "By Hwang Joon-bum, Washington correspondent" -> ("Hwang Joon-bum", "Washington correspondent");
    "Reporting by A; Editing by B" -> ("A",): editors are credited, not authors.
    """
    match = _BYLINE.fullmatch(line)
    if match is None or line.lower().startswith(("edited by", "editing by")):
        return None
    rest = strip_contacts(match.group("rest"))
    words = re.findall(r"[^\s,;&]+", rest)
    if not 1 <= len(words) <= 16 or rest.endswith(_SENTENCE_END):
        return None
    if not all(word[0].isupper() or word.lower() in _BYLINE_WORDS for word in words):
        return None
    segments = [rest.split(";")[0]] + [
        _BYLINE_LABEL.sub("", segment)
        for segment in rest.split(";")[1:]
        if _BYLINE_LABEL.match(segment.strip()) and "edit" not in segment.lower()
    ]
    parts = (part.strip() for segment in segments for part in re.split(r",|&|\band\b", segment))
    return tuple(part for part in parts if part)


_BYLINE_LABEL = re.compile(r"\s*(?:additional )?(?:reporting|writing|edited|editing) by\s*", re.I)


def is_byline(line: str) -> bool:
    return byline_parts(line) is not None


def strip_contacts(text: str) -> str:
    """The text without e-mail addresses and their brackets: "Lee (lee@x.kr)" -> "Lee"."""
    text = re.sub(rf"[(\[<]?\s*(?:{_EMAIL.pattern})\s*[)\]>]?", " ", text, flags=re.IGNORECASE)
    return " ".join(text.split()).strip(" ,;:|-–—")


def emails(text: str) -> list[str]:
    """The e-mail addresses in a text, in order (obfuscated "[email protected]" left out)."""
    if "@" not in text:  # most lines: every address kept holds one
        return []
    return [found for found in _EMAIL.findall(text) if "@" in found]


_COPYRIGHT = re.compile(r"^(?:©|ⓒ|\(c\)|copyright\b)|all rights reserved", re.IGNORECASE)


def is_contact_line(line: str) -> bool:
    """An author/e-mail or copyright footer: a short line built around an address or a ©."""
    if len(line.split()) > 14 or line.endswith(("!", "?")):
        return False
    return bool(_EMAIL.search(line) or _COPYRIGHT.search(line))


# --- datelines ---------------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_DATE_WORDS = MONTHS.keys() | {
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur",
    "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "published", "posted", "updated",
    "modified", "created", "released", "first", "last", "on", "at", "date", "time", "am", "pm",
    "a", "m", "p", "t", "z", "of",
}  # fmt: skip
_HAS_DATE = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2}"
    r"|\b(?:%s)\.?\s+\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:%s)\b" % (("|".join(MONTHS),) * 2),
    re.IGNORECASE,
)


def is_dateline(line: str) -> bool:
    """A line holding a date and nothing but date words: labels, weekdays, times, zone names."""
    if len(line) > 120 or not _HAS_DATE.search(line):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    # Upper-case 2-5 letter words are zone abbreviations (KST, EDT, GMT).
    return all(word.lower() in _DATE_WORDS or re.fullmatch("[A-Z]{2,5}", word) for word in words)


# --- captions ----------------------------------------------------------------------------------

_AGENCY = (
    r"(?:AP(?: Photo)?|AFP|EPA(?:-EFE)?|EFE|Reuters|Yonhap(?: News)?|Xinhua|Kyodo|Getty(?: Images)?"
    r"|Bloomberg|Newsis|News1|KCNA|KNS|Pool(?: Photo)?|Shutterstock|NurPhoto|SIPA(?: USA)?"
    r"|Anadolu(?: Agency)?|ANSA|dpa|UPI|Joint Press Corps|Cheong Wa Dae|Blue House"
    r"|Presidential Office|Korea Herald|Korea Times|Yonhap News Agency|File Photo|Handout)"
)
_PHOTOGRAPHER = r"(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})"
_CREDIT = (
    rf"(?:(?:{_PHOTOGRAPHER}/)?{_AGENCY}(?:\s*(?:[-/]|\bvia\b)\s*{_AGENCY})*"
    r"|(?:photo(?:graph)?s?|image|picture)\s*(?:by|:|courtesy(?: of)?)\s*[^()\[\]]{1,60})"
)
# A credit closing a caption: after sentence punctuation, or in brackets at the end of the line.
_CAPTION_CREDIT = re.compile(
    rf"(?:^|[.!?”\")]\s+){_CREDIT}$|[(\[]{_CREDIT}[)\]]$|\[[A-Z][A-Z0-9 .,&/-]{{1,40}}\]$",
    re.IGNORECASE,
)
# Words that describe a photograph rather than report news ("Blinken speaks during ...").
_CAPTION_CUE = re.compile(
    r"\b(?:speaks|sits|attends|waves|poses|listens|looks on|arrives|walks|gestures|shakes hands"
    r"|delivers|salutes|smiles|greets|bows|is seen|are seen|pictured|photo)\b",
    re.IGNORECASE,
)


def is_caption(line: str) -> bool:
    """A photo caption: ends in a photo credit, or is printed twice on one line (alt + caption).

    A wire paragraph can end in its agency's name too ("..., the ministry said. (Yonhap)"): reported
    speech marks it as story, since captions describe a picture rather than report what was said.
    """
    credit = _CAPTION_CREDIT.search(line)
    if credit is not None:
        return not _has_reporting_cue(line[: credit.start()])
    return _is_doubled(line)


def _is_doubled(line: str) -> bool:
    half = (len(line) - 1) // 2
    first, gap, second = line[:half], line[half : half + 1], line[half + 1 :]
    return gap == " " and first == second and len(first) >= 3


def _is_repeated_caption(line: str) -> bool:
    # A caption printed twice in a row is a sentence describing a photo; a repeated headline has no
    # full stop, and a repeated story paragraph rarely reads like a photo description.
    return bool(_CAPTION_CUE.search(line)) and line.endswith(".")


# --- other scripts -----------------------------------------------------------------------------


_NON_LETTERS = re.compile(r"[\W\d_]+")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\x00-\u024f\u1e00-\u1eff]")


def _latin_share(text: str) -> float:
    # Counted by the regex engine: a per-character Python loop here cost more than extraction.
    # Most pages hold no letter outside Latin (curly quotes make them non-ASCII): one search
    # answers for them, where counting every letter took a sixth of preparing one (cProfile).
    if text.isascii() or _NON_LATIN_LETTER.search(text) is None:
        return 1.0
    letters = len(_NON_LETTERS.sub("", text))  # one string, not a list of every letter
    if not letters:
        return 1.0
    return 1.0 - len(_NON_LATIN_LETTER.findall(text)) / letters


def _is_stray_foreign(line: str, *, page_is_latin: bool) -> bool:
    # "소아쌤" on an English page is a menu or a tag; a Korean page keeps its Korean lines.
    return page_is_latin and len(line) <= 60 and _latin_share(line) < 0.5


def split_pieces(line: str) -> list[str]:
    """A line cut at its visual separators: "By X | March 1, 2021" -> ["By X", "March 1, 2021"]."""
    return [piece for piece in _PIECE_SEPARATOR.split(line) if piece]


_PIECE_SEPARATOR = re.compile(r"\s+[|•·]\s+")


# --- the pass ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    paragraph: int
    text: str


def clean_text(raw: str, *, mastheads: Collection[str] = ()) -> str:
    """The stored article body of a raw page: boilerplate lines out, story paragraphs kept in order.

    ``mastheads`` are outlet names and aliases from the registry, dropped wherever they stand alone.
    """
    keys = masthead_keys(mastheads)
    text = normalize_whitespace(raw)
    # Dropping a line can change another line's context (two copies of a caption become adjacent),
    # so passes repeat until nothing changes; each pass only removes lines, so this terminates and
    # makes clean_text idempotent by construction.
    while True:
        cleaned = _clean_pass(text, mastheads=keys)
        if cleaned == text:
            return cleaned
        text = cleaned


def _clean_pass(text: str, *, mastheads: frozenset[str]) -> str:
    lines = [
        _Line(index, line)
        for index, paragraph in enumerate(split_paragraphs(text))
        for line in paragraph
    ]
    drop = _boilerplate_indexes(lines, mastheads=mastheads, page_is_latin=_latin_share(text) >= 0.5)
    kept: list[list[str]] = [[] for _ in range(len(lines) and lines[-1].paragraph + 1)]
    for index, line in enumerate(lines):
        if index not in drop:
            kept[line.paragraph].append(line.text)
    return _join(kept)


def _boilerplate_indexes(
    lines: Sequence[_Line], *, mastheads: frozenset[str], page_is_latin: bool
) -> set[int]:
    texts = [line.text for line in lines]
    story_start = next((i for i, text in enumerate(texts) if is_story_like(text)), len(texts))
    drop = _repeated_indexes(texts) | _teaser_indexes(texts)
    for index, text in enumerate(texts):
        if is_speech(text):
            drop.discard(index)
        elif _is_boilerplate(
            text, in_header=index < story_start, mastheads=mastheads, page_is_latin=page_is_latin
        ):
            drop.add(index)
    return drop


def _is_boilerplate(
    line: str, *, in_header: bool, mastheads: frozenset[str], page_is_latin: bool
) -> bool:
    def furniture(text: str) -> bool:
        return (
            is_widget(text)
            or is_masthead(text, mastheads=mastheads, in_header=in_header)
            or is_byline(text)
            or is_dateline(text)
            or is_contact_line(text)
            or is_caption(text)
            or _is_stray_foreign(text, page_is_latin=page_is_latin)
        )

    # "By Lee Ji-yoon | March 11, 2021": a line is also furniture when every piece of it is.
    pieces = split_pieces(line)
    return furniture(line) or (len(pieces) > 1 and all(furniture(piece) for piece in pieces))


def _repeated_indexes(texts: Sequence[str]) -> set[int]:
    """Second copies of a line repeated in a row; both copies when it is a photo caption."""
    drop: set[int] = set()
    for index in range(1, len(texts)):
        if texts[index] == texts[index - 1]:
            drop.add(index)
            if _is_repeated_caption(texts[index]):
                drop.add(index - 1)
    return drop


def _teaser_indexes(texts: Sequence[str]) -> set[int]:
    """Headline-like lines after a "Related stories" heading: titles of other articles."""
    drop: set[int] = set()
    in_teasers = False
    for index, text in enumerate(texts):
        if is_section_end(text):
            in_teasers = True
        elif in_teasers and not text.endswith(_SENTENCE_END):
            drop.add(index)
    return drop
