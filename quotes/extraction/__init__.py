"""Whosaid's extraction engine: pure Python, no Django.

    from quotes.extraction import extract, EXTRACTOR_VERSION, speaker_key
"""

from quotes.extraction.mentions import speaker_key
from quotes.extraction.pipeline import EXTRACTOR_VERSION, extract
from quotes.extraction.types import Extraction, Mention, Quote, Sentence, Speaker

__all__ = [
    "EXTRACTOR_VERSION",
    "Extraction",
    "Mention",
    "Quote",
    "Sentence",
    "Speaker",
    "extract",
    "speaker_key",
]
