"""Whosaid's extraction engine: pure Python, no Django, deterministic, versioned.

    from quotes.extraction import extract, EXTRACTOR_VERSION, speaker_key
    result = extract(text)      # Extraction(text, sentences, quotes, scare_quotes, version,
                                #            claims)

Stages, one module each:
    punkt.py      NLTK's Punkt with shipped parameters, and a faster splitter with its spans
    breaks.py     the splitter's loops over the end marks of a text
    sentences.py  paragraphs (every line) and sentences (Punkt's, cut at paragraphs)
    detect.py     quote spans per paragraph, one linear pass over the double quote marks
    grammar.py    tokens, noun phrases and the clauses around a speech verb
    attribute.py  the registered rules of the attribution sieve, over that grammar
    scare.py      coined terms, titles and nicknames, which are not statements
    mentions.py   names, aliases, pronouns, descriptions, anonymous sources; speaker_key()
    claims.py     claims in reported speech (kind "indirect"), read after the quotes
    pipeline.py   extract(), gluing the stages together
    evaluation/   scores PolNeAR quotes and claims and the Korean gold, several sets side by
                  side (python -m quotes.extraction evaluate PATH...)

The word lists every stage reads are data files in the top-level `lexicon` package.

`make install` also compiles the stages with mypyc into build/engine/ (compiled.py): the same
source and output, about 1.4x faster. ENGINE_MODE says which engine runs.
"""

from quotes.extraction.compiled import activate

# Before any stage is imported: the compiled modules, when current, are found first.
ENGINE_MODE = activate(__path__)

from quotes.extraction.mentions import anonymous_key, speaker_key  # noqa: E402
from quotes.extraction.pipeline import EXTRACTOR_VERSION, extract, quote_contexts  # noqa: E402
from quotes.extraction.types import Extraction, Mention, Quote, Sentence, Speaker  # noqa: E402

__all__ = [
    "ENGINE_MODE",
    "EXTRACTOR_VERSION",
    "Extraction",
    "Mention",
    "Quote",
    "Sentence",
    "Speaker",
    "anonymous_key",
    "extract",
    "quote_contexts",
    "speaker_key",
]
