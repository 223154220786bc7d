"""The word lists of Whosaid: plain-text data, one list a file, loaded once at import.

    from lexicon import SPEECH_VERBS        # frozenset[str]

Each `*.txt` file next to this one holds one list: words separated by whitespace (or, for a list
of phrases, one phrase a line), `#` starting a comment. Its header says what the list is for and
who reads it. This module reads every file once, through importlib.resources (so the lists load
from an installed or zipped package too), into frozensets, and derives the few sets that are
unions or filters of others. Membership tests on them are plain frozenset lookups.

Why a top-level package: the extractor (`quotes.extraction`: pure Python, importing nothing of the
project's Django apps) and `sources.cleaning` (whose guards recognise speech verbs, and which must
never import `quotes`) share the speech verbs. Inside `quotes.extraction` the lists would be out of
cleaning's reach, and a copy in `sources` would be a second definition; a package below both,
importing nothing of the project, holds each list once; the engine's modules import from it
directly.

A change to a list the extractor reads may change its output: then bump `EXTRACTOR_VERSION`
(quotes/extraction/pipeline.py). To add a list: its file here with a header, a line below, and the
import where it is read; tests/extraction/test_lexicon.py fails on a file nothing loads, a list
nothing reads, a repeated entry, two files holding the same list, an upper-case letter, or a word
list spelled out in a module of quotes/extraction instead of here.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

__all__ = [
    "ABBREVIATED_TITLES",
    "ABBREVIATIONS",
    "ADJUNCT_OPENERS",
    "AFFILIATION_PREPOSITIONS",
    "AGO_WORDS",
    "ANONYMITY_PARTICIPLES",
    "ASK_VERBS",
    "ASPECTUAL_VERBS",
    "AUXILIARIES",
    "BARE_COLLECTIVES",
    "BARE_QUANTITIES",
    "BARE_SUBJECT_QUANTIFIERS",
    "BE_FORMS",
    "CALLING_VERBS",
    "CLAIM_BREAKS",
    "CLAIM_PERSON_NOUNS",
    "CLAIM_SPEAKING_HEADS",
    "CLAIM_THAT_VERBS",
    "CLAIM_VERBS",
    "CLAUSE_CLOSERS",
    "CLAUSE_CONJUNCTIONS",
    "CLAUSE_COORDINATORS",
    "CLAUSE_JOINERS",
    "CLAUSE_OPENERS",
    "CLEANING_REPORTING_CUES",
    "CLEANING_SPEECH_CUES",
    "COMPANY_HEADS",
    "COMPANY_SUFFIXES",
    "CONCESSIVE_WORDS",
    "CONTRACTED_MODALS",
    "CONTRACTION_HEADS",
    "COORDINATORS",
    "COUNT_WORDS",
    "CUE_ADVERBS",
    "CUE_PARTICLES",
    "CUE_WORDS",
    "DAY_MODIFIERS",
    "DAY_PARTS",
    "DESCRIPTION_OPENERS",
    "DETERMINERS",
    "DOCUMENT_HEADS",
    "DOCUMENT_NOUNS",
    "EMBEDDING_WORDS",
    "EVENT_NOUNS",
    "FEMALE_FIRST_NAMES",
    "FEMALE_WORDS",
    "FINDING_SOURCES",
    "FINDING_VERBS",
    "FIRST_PERSON_PRONOUNS",
    "FLOATING_QUANTIFIERS",
    "FRONTED_PREPOSITIONS",
    "FRONTING_WORDS",
    "FUNCTION_WORDS",
    "GATHERING_NOUNS",
    "GENERIC_SOURCE_HEADS",
    "GERUND_PREPOSITIONS",
    "GRAMMATICAL_ARTICLES",
    "GROUP_MEMBERS",
    "GROUP_PRONOUNS",
    "GROUP_QUANTITIES",
    "HONORIFICS",
    "INDEFINITE",
    "INDEFINITE_ARTICLES",
    "INTERPOSED_OPENERS",
    "IRREGULAR_PARTICIPLE_CUES",
    "IRREGULAR_PAST",
    "IT_CUES",
    "JOINING_CONJUNCTIONS",
    "KIN_NOUNS",
    "KOREAN_FAMILY_NAMES",
    "LEAKCHECK_NOT_NAMES",
    "LEAKCHECK_TITLES",
    "LY_NOUNS",
    "MALE_FIRST_NAMES",
    "MALE_WORDS",
    "MODALS",
    "MODAL_SUBJECTS",
    "MONTHS",
    "NAME_CONNECTORS",
    "NAME_STOPWORDS",
    "NAME_SUFFIXES",
    "NAMING_PARTICIPLES",
    "NAMING_VERBS",
    "NAMING_WORDS",
    "NOT_BEFORE_SCORED_CUES",
    "NOT_CHARACTERISING",
    "NOT_CLAUSE_STARTS",
    "NOT_FINDINGS",
    "NOT_THAT_CUES",
    "NOUN_FOLLOWERS",
    "NUMBER_WORDS",
    "OBJECT_FIRST_VERBS",
    "OBJECT_NAMING_VERBS",
    "OBJECT_PARTICIPLES",
    "OBJECT_PRONOUNS",
    "OBJECT_RELATIVES",
    "OCCASION_NOUNS",
    "OCCASION_OPENERS",
    "OPENING_ADVERBS",
    "OPENING_CONJUNCTIONS",
    "ORDINAL_WORDS",
    "ORG_ACRONYMS",
    "ORG_APPOSITIVE_HEADS",
    "ORG_MODIFIERS",
    "ORG_NOUNS",
    "ORG_NOUNS_NOT_FOR_IT",
    "ORG_WORDS",
    "PAIR_OPENERS",
    "PARTICIPLE_CLAUSE_OPENERS",
    "PARTICIPLE_CUES",
    "PARTICIPLE_PARTICLES",
    "PARTITIVE_QUANTIFIERS",
    "PASSIVE_AUXILIARIES",
    "PAST_FORMS",
    "PERCEPTION_VERBS",
    "PERSONAL_SUBJECTS",
    "PERSON_NOUNS",
    "PERSON_PRONOUNS",
    "PHRASAL_CUES",
    "PLACE_ENDING_PREPOSITIONS",
    "PLACE_PHRASES",
    "PLACE_PREPOSITIONS",
    "PLACE_WORDS",
    "PLAIN_ADVERBS",
    "PLURAL_NOUN_ENDINGS",
    "POLL_FOLLOWERS",
    "POLL_WORDS",
    "POSSESSIVE_PRONOUNS",
    "POSTMODIFYING_ADJECTIVES",
    "PREDICATE_COPULAS",
    "PREPOSITIONS",
    "PRONOUNS",
    "QUANTITY_OPENERS",
    "QUESTION_OPENERS",
    "QUOTING_VERBS",
    "READ_OUT_NOUNS",
    "READ_OUT_VERBS",
    "REFUSING_VERBS",
    "RELATIVE_PRONOUNS",
    "REPORT_CUES",
    "ROLE_MODIFIERS",
    "SCARE_MARKERS",
    "SCORED_CUE_VERBS",
    "SHARE_HEDGES",
    "SHARE_NOUNS",
    "SINGULAR_DETERMINERS",
    "SOURCE_STOPS",
    "SPEAKING_HEADS",
    "SPEECH_NOUNS",
    "SPEECH_OCCASIONS",
    "SPEECH_VERBS",
    "STANCE_VERBS",
    "SUBJECT_RELATIVES",
    "SUBJECT_VERB_FILLERS",
    "SUBORDINATORS",
    "TELL_VERBS",
    "TERM_MARKERS",
    "THAT_CUE_TAILS",
    "THIRD_PERSON_PRONOUNS",
    "TIME_DEICTICS",
    "TIME_HEADS",
    "TIME_MODIFIERS",
    "TIME_PREPOSITIONS",
    "TIME_UNITS",
    "TITLE_ABBREVIATIONS",
    "TITLE_PREPOSITIONS",
    "TITLE_SMALL_WORDS",
    "TITLE_WORDS",
    "TRAILING_PREPOSITIONS",
    "TRAILING_SUBORDINATORS",
    "UNASSERTING_WORDS",
    "USING_WORDS",
    "VERB_PARTICLES",
    "WEEKDAYS",
    "WORK_NOUNS",
]

# Every file read at import, by name, with its entries in file order (the tests read this).
LOADED: Final[dict[str, tuple[str, ...]]] = {}


def read_entries(name: str, *, phrases: bool = False) -> tuple[str, ...]:
    """The entries of `name`.txt in file order: whitespace-separated words, or with `phrases` one
    phrase a line (inner whitespace collapsed to one space). `#` starts a comment."""
    text = files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    entries: list[str] = []
    for line in text.splitlines():
        words = line.partition("#")[0].split()
        if not phrases:
            entries.extend(words)
        elif words:
            entries.append(" ".join(words))
    LOADED[name] = tuple(entries)
    return LOADED[name]


def _words(name: str) -> frozenset[str]:
    return frozenset(read_entries(name))


# --- speech ---------------------------------------------------------------------------------------

_REPORTING_VERBS = _words("reporting_verbs")
SPEECH_VERBS: Final = _REPORTING_VERBS | _words("speech_verbs")
SPEECH_NOUNS: Final = _words("speech_nouns")
# `said in a statement`, `in an interview with the Herald`: where speech took place
SPEECH_OCCASIONS: Final = SPEECH_NOUNS | _words("speech_occasions")
ANONYMITY_PARTICIPLES: Final = _words("anonymity_participles")
# Verbs of claims in reported speech, and the words that keep a clause from being one.
CLAIM_THAT_VERBS: Final = _words("claim_that_verbs")
CLAIM_VERBS: Final = _words("claim_verbs") | CLAIM_THAT_VERBS
UNASSERTING_WORDS: Final = _words("unasserting_words")
# Two-word cues (`shot back`), as `verb particle` strings.
PHRASAL_CUES: Final = frozenset(read_entries("phrasal_cues", phrases=True))
CLAUSE_OPENERS: Final = _words("clause_openers")
# Findings of polls and studies (`a survey found that ...`): the verbs and their subjects' heads.
FINDING_VERBS: Final = _words("finding_verbs")
POLL_WORDS: Final = _words("poll_words")
FINDING_SOURCES: Final = POLL_WORDS | _words("finding_sources")
# Verbs of stance whose object is the claim (`criticized the president for ...`).
STANCE_VERBS: Final = _words("stance_verbs")
OBJECT_FIRST_VERBS: Final = _words("object_first_verbs")
OBJECT_PARTICIPLES: Final = _words("object_participles")
# Verbs of naming whose quoted complement ends the claim (`called the plan “a disaster”`).
OBJECT_NAMING_VERBS: Final = _words("object_naming_verbs")
# Cue verbs whose claims the learned scorer keeps or drops (`believes`, `asked`, `wants`).
SCORED_CUE_VERBS: Final = _words("scored_cue_verbs")
SINGULAR_DETERMINERS: Final = _words("singular_determiners")
INDEFINITE_ARTICLES: Final = _words("indefinite_articles")
CALLING_VERBS: Final = _words("calling_verbs")
PASSIVE_AUXILIARIES: Final = _words("passive_auxiliaries")
IRREGULAR_PARTICIPLE_CUES: Final = _words("irregular_participle_cues")
DESCRIPTION_OPENERS: Final = _words("description_openers")
# What the generic `that` candidate reads before `that`: a verb phrase's last word (`made it
# clear`), and the words that open no reported clause (`so that`).
THAT_CUE_TAILS: Final = _words("that_cue_phrases")
NOT_THAT_CUES: Final = _words("not_that_cues")
# Cue verbs that only make sense for the main clause: `X said ..., adding "Q"`.
PARTICIPLE_CUES: Final = frozenset(verb for verb in SPEECH_VERBS if verb.endswith("ing"))
# Words that put a speech cue near a quote (`according` for `according to`).
CUE_WORDS: Final = SPEECH_VERBS | SPEECH_NOUNS | {"according"}
# What sources.cleaning counts as a speech cue, next to a quote mark and without one; with phrases
# (`according to`).
_CLEANING_CUES = frozenset(read_entries("cleaning_speech_cues", phrases=True))
CLEANING_SPEECH_CUES: Final = SPEECH_VERBS | _CLEANING_CUES
CLEANING_REPORTING_CUES: Final = _REPORTING_VERBS | _CLEANING_CUES
DOCUMENT_NOUNS: Final = SPEECH_NOUNS | _words("document_nouns")
# Citing a document as saying something (`cited the message as saying`).
QUOTING_VERBS: Final = _words("quoting_verbs")
# Reading a verdict or statement out (`Judge Park read the ruling`).
READ_OUT_VERBS: Final = _words("read_out_verbs")
READ_OUT_NOUNS: Final = _words("read_out_nouns")

# Words the claims engine (quotes/extraction/claims.py) reads a clause's edges with.
TELL_VERBS: Final = _words("tell_verbs")
NOT_CLAUSE_STARTS: Final = _words("not_clause_starts")
POLL_FOLLOWERS: Final = _words("poll_followers")
NOT_FINDINGS: Final = _words("not_findings")
SOURCE_STOPS: Final = _words("source_stops")
CONCESSIVE_WORDS: Final = _words("concessive_words")
CLAIM_BREAKS: Final = _words("claim_breaks")
FIRST_PERSON_PRONOUNS: Final = _words("first_person_pronouns")
OBJECT_PRONOUNS: Final = _words("object_pronouns")
TIME_MODIFIERS: Final = _words("time_modifiers")
OPENING_CONJUNCTIONS: Final = _words("opening_conjunctions")
CUE_PARTICLES: Final = _words("cue_particles")
ASK_VERBS: Final = _words("ask_verbs")
QUESTION_OPENERS: Final = _words("question_openers")
OCCASION_NOUNS: Final = _words("occasion_nouns")
EVENT_NOUNS: Final = _words("event_nouns")
GATHERING_NOUNS: Final = _words("gathering_nouns")
REPORT_CUES: Final = _words("report_cues")
REFUSING_VERBS: Final = _words("refusing_verbs")
BARE_COLLECTIVES: Final = _words("bare_collectives")
OBJECT_RELATIVES: Final = _words("object_relatives")
PARTITIVE_QUANTIFIERS: Final = _words("partitive_quantifiers")
GERUND_PREPOSITIONS: Final = _words("gerund_prepositions")
PLAIN_ADVERBS: Final = _words("plain_adverbs")
# Adverbs between a subject and its cue verb (`has long said`, `are now saying`).
CUE_ADVERBS: Final = _words("cue_adverbs") | PLAIN_ADVERBS
# What opens a reported clause before a number (`said more than 1 million riders ...`).
QUANTITY_OPENERS: Final = frozenset(read_entries("quantity_openers", phrases=True))

# --- sentences ------------------------------------------------------------------------------------

ABBREVIATIONS: Final = _words("abbreviations")

# --- grammar --------------------------------------------------------------------------------------

PRONOUNS: Final = _words("pronouns")
PERCEPTION_VERBS: Final = _words("perception_verbs")
PERSON_PRONOUNS: Final = _words("person_pronouns")
GROUP_MEMBERS: Final = _words("group_members")
GROUP_QUANTITIES: Final = _words("group_quantities")
GROUP_PRONOUNS: Final = _words("group_pronouns")
POSSESSIVE_PRONOUNS: Final = _words("possessive_pronouns")
RELATIVE_PRONOUNS: Final = _words("relative_pronouns")
# After a comma, these open a clause a claim does not hold: `..., which ...`, `..., though ...`.
CLAUSE_CLOSERS: Final = (RELATIVE_PRONOUNS - {"that"}) | _words("clause_closers")
INDEFINITE: Final = _words("indefinite")
IRREGULAR_PAST: Final = _words("irregular_past")
# Past forms a reported clause reads as its verb: the irregular ones, and those alike in the
# present (`put`, `cut`) or read as nouns elsewhere (`built`, `sold`).
PAST_FORMS: Final = IRREGULAR_PAST | _words("claim_past_forms")
DETERMINERS: Final = INDEFINITE | _words("definite_determiners")
GRAMMATICAL_ARTICLES: Final = _words("grammatical_articles")
COUNT_WORDS: Final = _words("count_words")
NUMBER_WORDS: Final = _words("number_words")
SHARE_NOUNS: Final = _words("share_nouns")
SHARE_HEDGES: Final = _words("share_hedges")
BARE_SUBJECT_QUANTIFIERS: Final = _words("bare_subject_quantifiers")
PREPOSITIONS: Final = _words("prepositions")
PLACE_PREPOSITIONS: Final = PREPOSITIONS | _words("spatial_prepositions")
PLACE_ENDING_PREPOSITIONS: Final = _words("place_ending_prepositions")
# `said in a statement that`, `told CNN during an interview that`: a place or occasion, then `that`.
OCCASION_OPENERS: Final = PREPOSITIONS | _words("occasion_words")
FRONTING_WORDS: Final = PLACE_PREPOSITIONS | _words("fronting_words")
FRONTED_PREPOSITIONS: Final = _words("fronted_prepositions")
SUBORDINATORS: Final = _words("subordinators")
# A pronoun after an object relative is the embedded clause's subject, not the main clause's
# (`what he called “Q”`, `Roe, who he blasted as “Q”`): the same words embed the clause.
EMBEDDING_WORDS: Final = OBJECT_RELATIVES
AUXILIARIES: Final = _words("auxiliaries")
BE_FORMS: Final = _words("be_forms")
PREDICATE_COPULAS: Final = _words("predicate_copulas")
ASPECTUAL_VERBS: Final = _words("aspectual_verbs")
FUNCTION_WORDS: Final = _words("function_words")
SUBJECT_VERB_FILLERS: Final = _words("subject_verb_fillers")
LY_NOUNS: Final = _words("ly_nouns")
NOT_CHARACTERISING: Final = _words("not_characterising")
NAMING_WORDS: Final = _words("naming_words")
CLAUSE_COORDINATORS: Final = _words("clause_coordinators")
DO_FORMS: Final = _words("do_forms")
# What cannot stand right before a scored cue that has a subject (`I think`, `will want`, `their
# support`, `of hope`).
NOT_BEFORE_SCORED_CUES: Final = (
    FIRST_PERSON_PRONOUNS
    | UNASSERTING_WORDS
    | PREPOSITIONS
    | POSSESSIVE_PRONOUNS
    | _words("not_before_scored_cues")
)
# Subject pronouns for people (`he would`, `the rival she dubbed`), and the modal verbs.
PERSONAL_SUBJECTS: Final = _words("personal_subjects")
MODALS: Final = _words("modals")
# A modal's subject opening the clause a condition without a comma conditions (`said if asked he
# would`, `it would`, `it’d`), and the modals contracted onto it (`she’d`, `they'll`).
MODAL_SUBJECTS: Final = PERSONAL_SUBJECTS | {"it"}
CONTRACTED_MODALS: Final = _words("contracted_modals")
# Time phrases between a subject and its verb (`Kang on Monday evening said`, `Kim in recent weeks
# said`, `Roe, speaking at a town hall, said`).
WEEKDAYS: Final = _words("weekdays")
DAY_MODIFIERS: Final = _words("day_modifiers")
DAY_PARTS: Final = _words("day_parts")
AGO_WORDS: Final = _words("ago_words")
TIME_PREPOSITIONS: Final = _words("time_prepositions")
INTERPOSED_OPENERS: Final = PLACE_PREPOSITIONS | TIME_PREPOSITIONS | _words("interposed_openers")
# Words the grammar (quotes/extraction/grammar.py) reads a subject's and a clause's edges with.
BARE_QUANTITIES: Final = _words("bare_quantities")
FLOATING_QUANTIFIERS: Final = _words("floating_quantifiers")
TRAILING_PREPOSITIONS: Final = _words("trailing_prepositions")
CLAUSE_CONJUNCTIONS: Final = _words("clause_conjunctions")
THIRD_PERSON_PRONOUNS: Final = _words("third_person_pronouns")
SUBJECT_RELATIVES: Final = _words("subject_relatives")
CLAUSE_JOINERS: Final = _words("clause_joiners")
TRAILING_SUBORDINATORS: Final = _words("trailing_subordinators")
PARTICIPLE_CLAUSE_OPENERS: Final = SUBORDINATORS | _words("participle_clause_openers")
NOUN_FOLLOWERS: Final = _words("noun_followers")
IT_CUES: Final = _words("it_cues")
PLURAL_NOUN_ENDINGS: Final = _words("plural_noun_endings")
VERB_PARTICLES: Final = _words("verb_particles")
PARTICIPLE_PARTICLES: Final = _words("participle_particles")

# --- names, titles, descriptions ------------------------------------------------------------------

TITLE_WORDS: Final = _words("title_words")
ABBREVIATED_TITLES: Final = _words("abbreviated_titles")
HONORIFICS: Final = _words("honorifics")
NAME_STOPWORDS: Final = _words("name_stopwords")
NAME_CONNECTORS: Final = _words("name_connectors")
PAIR_OPENERS: Final = _words("pair_openers")
KIN_NOUNS: Final = _words("kin_nouns")
KOREAN_FAMILY_NAMES: Final = _words("korean_family_names")
PERSON_NOUNS: Final = _words("person_nouns")
ORG_NOUNS: Final = _words("org_nouns")
ORG_NOUNS_NOT_FOR_IT: Final = _words("org_nouns_not_for_it")
ORG_WORDS: Final = _words("org_words")
ORG_MODIFIERS: Final = _words("org_modifiers")
PLACE_WORDS: Final = _words("place_words")
PLACE_PHRASES: Final = frozenset(read_entries("place_phrases", phrases=True))
# `sen senator`: an abbreviated title, then the role nouns it stands for.
TITLE_ABBREVIATIONS: Final = frozenset(read_entries("title_abbreviations", phrases=True))
ORG_APPOSITIVE_HEADS: Final = _words("org_appositive_heads")
COMPANY_SUFFIXES: Final = _words("company_suffixes")
COMPANY_HEADS: Final = _words("company_heads")
NAME_SUFFIXES: Final = _words("name_suffixes")
AFFILIATION_PREPOSITIONS: Final = _words("affiliation_prepositions")
ORG_ACRONYMS: Final = _words("org_acronyms")
DOCUMENT_HEADS: Final = _words("document_heads")
GENERIC_SOURCE_HEADS: Final = _words("generic_source_heads")
ROLE_MODIFIERS: Final = _words("role_modifiers")
ORDINAL_WORDS: Final = read_entries("ordinal_words")  # in counting order
POSTMODIFYING_ADJECTIVES: Final = _words("postmodifying_adjectives")
OPENING_ADVERBS: Final = _words("opening_adverbs")
COORDINATORS: Final = _words("coordinators")
JOINING_CONJUNCTIONS: Final = _words("joining_conjunctions")
TIME_UNITS: Final = _words("time_units")
TIME_HEADS: Final = TIME_UNITS | _words("time_nouns")
TIME_DEICTICS: Final = _words("time_deictics")
MONTHS: Final = _words("months")
# Heads of clause subjects that can speak: people, organisations, documents, publications.
SPEAKING_HEADS: Final = PERSON_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | _words("publication_nouns")
# Heads that speak in reported speech: the claims read more people than the quote rules do, and
# the polls and studies that state findings (`exit polls suggested that ...`).
CLAIM_PERSON_NOUNS: Final = _words("claim_person_nouns")
CLAIM_SPEAKING_HEADS: Final = SPEAKING_HEADS | FINDING_SOURCES | CLAIM_PERSON_NOUNS

# --- gender ---------------------------------------------------------------------------------------

MALE_WORDS: Final = _words("male_words")
FEMALE_WORDS: Final = _words("female_words")
MALE_FIRST_NAMES: Final = _words("male_first_names")
FEMALE_FIRST_NAMES: Final = _words("female_first_names")

# --- scare quotes ---------------------------------------------------------------------------------

# A tuple, in file order, for str.endswith().
SCARE_MARKERS: Final = read_entries("scare_markers", phrases=True)
TITLE_SMALL_WORDS: Final = _words("title_small_words")
TITLE_PREPOSITIONS: Final = _words("title_prepositions")
WORK_NOUNS: Final = _words("work_nouns")
NAMING_PARTICIPLES: Final = _words("naming_participles")
CONTRACTION_HEADS: Final = _words("contraction_heads")
# Tuples, in file order, for str.endswith(): `using the term “...”`, `the rival she dubbed “...”`,
# `labeled “restricted”`.
TERM_MARKERS: Final = read_entries("term_markers", phrases=True)
NAMING_VERBS: Final = read_entries("naming_verbs", phrases=True)
USING_WORDS: Final = _words("using_words")
ADJUNCT_OPENERS: Final = PLACE_PREPOSITIONS | _words("topic_prepositions")

# --- the leak check -------------------------------------------------------------------------------

# Words next to names that are none (quotes/extraction/leakcheck.py counts names of evaluation
# articles in the repository and skips these).
LEAKCHECK_TITLES: Final = _words("leakcheck_titles")
LEAKCHECK_NOT_NAMES: Final = _words("leakcheck_not_names") | WEEKDAYS
