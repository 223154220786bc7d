"""Word lists the extractor relies on. Plain constants so they are easy to review and extend."""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Punkt parameters shipped with the code: nothing is downloaded. Lower case, without the final
# period, as Punkt stores them. Single letters cover initials (`Harry J. Kazianis`, `N. Korea`).
ABBREVIATIONS: Final = _words(
    """
    mr mrs ms dr prof rev hon messrs mmes jr sr st mt ft
    gen lt col maj capt cmdr adm sgt cpl pvt brig gov sen rep reps sens gens supt insp
    pres sec dept univ assn bros inc corp co ltd llc plc no nos vol vs etc al approx est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    a.m p.m u.s u.k u.n u.s.a e.g i.e d.c n.y n.j l.a s.f n.h n.c s.c n.d s.d r.i w.va
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    a b c d e f g h i j k l m n o p q r s t u v w x y z
    """
)

# Verbs that introduce or attribute speech, in the forms newswire uses.
SPEECH_VERBS: Final = _words(
    """
    said says say saying told tells tell telling added adds adding wrote writes write writing
    asked asks asking continued continues continuing explained explains explaining
    noted noting stated stating declared declares declaring argued argues arguing
    claimed claiming insisted insists insisting recalled recalls recalling
    replied replies replying responded responds responding tweeted tweets tweeting
    posted warned warns warning announced announces acknowledged acknowledges
    admitted admits conceded concedes contended contends suggested suggests stressed stresses
    emphasized emphasised emphasizes observed observes remarked commented comments
    reported reports reporting joked jokes quipped quips predicted predicts promised promises
    vowed vows pledged pledges urged urges called calling described describes describing
    shouted yelled cried screamed exclaimed whispered mused muses countered counters retorted
    complained complains lamented laments boasted boasts bragged brags agreed agrees
    concluded concludes demanded charged alleged alleges maintained maintains
    asserted asserts wondered wonders recounted recounts testified testifies read reads
    uttered sings sang chanted texted emailed confirmed confirms denied denies answered answers
    acknowledging adding cautioned cautions hinted hints conceding offered proclaimed
    pointed putting put opined opines explaining boasting repeated repeats reiterated
    reiterates barked snapped scoffed fumed gushed raved thundered declaring writing
    condemned condemns praised praises blasted slammed criticized criticised rated
    mocked questioned disputed disputes described
    likened likens lauded lauds compared compares exhorted exhorts bemoaned bemoans accused
    accuses proclaimed proclaims referenced references branded brands dismissed dismisses
    hailed hails decried decries denounced denounces touted touts implored implores pleaded
    pleads framed frames characterized characterizes derided derides lambasted lambastes
    attacked attacks blamed blames credited credits thanked thanks cited cites echoed echoes
    invoked invokes estimated estimates labeled labels dubbed promised vowing pledging urging
    warning insisting arguing claiming describing calling accusing comparing likening
    suggesting explaining noting telling asking praising criticizing blasting slamming
    declaring predicting recalling responding stating writing tweeting announcing
    acknowledged admitting acknowledging believes believed thinks hopes feared fears
    scolded scolds chided chides ripped rips quipping joking shouting chanting yelling
    accuse call describe claim warn urge ask praise criticize blast slam compare liken dismiss
    label brand deride mock attack question stressing emphasizing promising touting
    insisted suggesting calls ruled
    """
)

# Nouns of speech whose owner speaks: `Trump’s claim that ...`.
SPEECH_NOUNS: Final = _words(
    """
    claim claims statement statements comment comments remark remarks words assertion
    description promise pledge warning vow accusation charge argument question answer tweet
    tweets message speech response reference references call prediction insistence
    suggestion contention
    """
)

# Cue verbs that only make sense for the main clause: `X said ..., adding "Q"`.
PARTICIPLE_CUES: Final = frozenset(verb for verb in SPEECH_VERBS if verb.endswith("ing"))

PRONOUNS: Final = _words("he she they i we it He She They I We It")
PERSON_PRONOUNS: Final = _words("he she i")

# Words that may sit between a subject and its verb: `Kim also said`, `Moon on Monday said`.
SUBJECT_VERB_FILLERS: Final = _words(
    """
    also later then previously reportedly recently once again further repeatedly often
    frequently earlier has had have would will had later since still quickly simply
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight on
    is was are were been be
    """
)

# Title words stripped from the front of a name and kept as the speaker's title.
TITLE_WORDS: Final = _words(
    """
    president vice prime minister secretary sen senator rep representative gov governor mayor
    gen general dr mr mrs ms miss prof professor chancellor ambassador judge justice speaker
    chairman chairwoman chair director commissioner attorney deputy acting former pope king
    queen prince princess lt col capt adm sgt rev chief leader candidate nominee sheriff
    treasurer state defense treasury foreign affairs homeland security unification national
    house senate majority minority whip democratic republican gop dem sens reps congressman
    congresswoman councilman councilwoman officer agent lawmaker sir lord lady dame father
    first assistant special counsel spokesman spokeswoman executive ceo chairperson
    u.s u.s. us nominee presidential manager
    """
)

# Lower-case heads of descriptions that can speak: `a senior White House official`.
PERSON_NOUNS: Final = _words(
    """
    official officials source sources spokesman spokeswoman spokesperson spokespeople
    aide aides adviser advisers advisor advisors analyst analysts expert experts diplomat
    diplomats lawmaker lawmakers senator senators congressman congresswoman representative
    officer officers person people insider insiders staffer staffers strategist strategists
    operative operatives consultant consultants researcher researchers professor professors
    economist economists member members leader leaders director directors executive
    executives manager managers employee employees worker workers resident residents voter
    voters supporter supporters critic critics observer observers witness witnesses friend
    friends lawyer lawyers attorney attorneys doctor doctors scientist scientists historian
    historians commentator commentators pollster pollsters donor donors activist activists
    organizer organizers candidate candidates woman women man men protester protesters
    student students teacher teachers agent agents investigator investigators prosecutor
    prosecutors judge judges minister ministers secretary president chairman chairwoman
    host anchor reporter reporters journalist journalists columnist editor official's
    father mother son daughter wife husband brother sister uncle aunt announcer narrator
    niece nephew cousin grandmother grandfather widow mom dad authorities
    businessman businesswoman governor nominee mayor chief politician politicians
    """
)

# Lower-case heads of descriptions naming organisations: `the campaign`, `the ministry`.
ORG_NOUNS: Final = _words(
    """
    campaign campaigns ministry government administration agency department office
    committee council company firm group newspaper paper network organization organisation
    party union association foundation institute center centre board commission military
    army police embassy team website outlet magazine
    """
)

# Capitalised words that make a name an organisation rather than a person.
ORG_WORDS: Final = _words(
    """
    house department ministry times post journal news press institute center centre
    university college council party committee administration agency association bank
    company corporation corp inc group foundation network service office campaign court
    congress senate commission club union federation organization organisation board
    bureau pentagon kremlin reuters yonhap ap afp cnn nbc abc cbs fox msnbc politico
    breitbart bbc tribune herald gazette magazine review daily guardian telegraph economist
    police army navy coalition alliance fund project initiative laboratory clinic hospital
    school church trust industries systems airlines partners media society movement caucus
    cabinet parliament assembly legislature government embassy mission command forces
    institution nations treaty organization dae wa cheong facebook twitter google
    microsoft apple amazon youtube instagram blog website channel radio television tv
    commission cia fbi nsa doj dhs gop dnc rnc nato un eu studies affairs
    ilbo sinmun sinbo kcna kctv uriminzokkiri broadcasting broadcaster
    """
)

# Heads of definite descriptions that refer back to someone already in the article.
ANAPHORIC_HEADS: Final = PERSON_NOUNS | ORG_NOUNS

DETERMINERS: Final = _words(
    "a an the another one two three several some many other"
    " his her their its this that these those my our your"
)
INDEFINITE: Final = _words("a an another one two three several some many other")

# Korean family names: a two-part name starting with one is family-name-first (`Suh Hoon`).
KOREAN_FAMILY_NAMES: Final = _words(
    """
    kim lee yi rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim
    im han oh seo suh shin sin kwon hwang ahn an song yoo yu ryu hong jeon chun ko go moon
    mun yang son sohn bae baek paik heo hur nam noh roh ha kwak sung cha joo ju woo min na jin
    ji chae won bang gong hyun ham byun byeon yeom yeo chu do seok koo ku wi
    """
)

# Common given-name-like words that are never surnames on their own.
NAME_STOPWORDS: Final = _words(
    """
    the a an in on at but and or as if when while after before since although though however
    meanwhile still yet so this that these those it its he she they we i you his her their our
    my asked said says according for with from by to of also even now then
    there here what who why how where which monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november
    december today yesterday last next earlier later during despite under over
    regarding concerning being having following including considering given asked speaking
    """
)

# Words that mark a quotation as a coined term or a name, not a statement.
SCARE_MARKERS: Final = (
    "so-called",
    "so called",
    "dubbed",
    "termed",
    "nicknamed",
    "known as",
    "labeled",
    "labelled",
    "branded",
    "titled",
    "entitled",
    "the phrase",
    "the word",
    "the term",
    "the slogan",
    "the hashtag",
    "the headline",
    "the motto",
)

# After a closing mark these words continue a sentence, so the quote was not used as a modifier.
FUNCTION_WORDS: Final = _words(
    """
    a an the
    and or but nor to of in on for with as that which who whom whose is are was were be been
    being from by at than then so if when while because after before since into onto about
    against among between through during without within under over has have had will would
    can could should may might must do does did not no it he she they we i you this these
    those there here rather instead even also only just both either neither yet though
    although unless until whether where why how what said says told added according
    """
)

QUOTE_OPENERS: Final = "“„‟«"
QUOTE_CLOSERS: Final = "”»"
STRAIGHT_QUOTE: Final = '"'
ALL_DOUBLE_MARKS: Final = QUOTE_OPENERS + QUOTE_CLOSERS + STRAIGHT_QUOTE

# Punctuation trimmed when comparing spans and when cleaning names.
EDGE_PUNCTUATION: Final = " \t\r\n\u00a0.,;:!?…-—–―'\"“”‘’()[]«»„‟"

WORD_RE: Final = re.compile(r"\w+")

# Capitalised words that make a run a place rather than a person: `South Korea`, `New York`.
PLACE_WORDS: Final = _words(
    """
    korea korean koreas states united america american americans washington york seoul tokyo
    japan japanese china chinese beijing pyongyang peninsula pacific asia asian europe
    european russia russian moscow iran iraq syria israel mexico canada california texas
    florida ohio pennsylvania virginia carolina michigan wisconsin iowa nevada arizona
    colorado georgia jersey hampshire city county street avenue island islands kingdom
    britain london paris berlin brussels hanoi singapore stockholm africa middle east west
    north south eastern western northern southern ukraine taiwan india australia
    gymnasium stadium airport province
    d.c. d.c district columbia
    """
)

# Grammatical gender cues for he/she: honorifics, kinship and role nouns, common first names.
MALE_WORDS: Final = _words(
    """
    mr mr. sir lord king prince father husband son brother uncle nephew grandfather widower
    man boy businessman congressman councilman chairman spokesman dad
    """
)
FEMALE_WORDS: Final = _words(
    """
    mrs mrs. ms ms. miss madam lady dame queen princess mother wife daughter sister aunt niece
    grandmother widow woman girl businesswoman congresswoman councilwoman chairwoman
    spokeswoman mom
    """
)
MALE_FIRST_NAMES: Final = _words(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas peter zachary kyle walter harold jeremy ethan
    carl keith roger gerald christian terry sean arthur austin noah lawrence jesse joe bryan
    billy albert dylan bruce willie gabriel alan juan logan wayne ralph roy eugene
    randy vincent russell louis bobby philip johnny bill mike mitch chris jim tom ted tim
    barack bernie rudy newt mitt chuck harry jeb marco rand reince vladimir emmanuel boris
    """
)
FEMALE_FIRST_NAMES: Final = _words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
    betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda
    pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
    catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa
    ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber
    doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
    kayla alexis lori hillary chelsea melania ivanka kellyanne huma donna debbie elizabeth
    nikki sarah condoleezza madeleine nancy claire tammy marsha kamala theresa
    """
)


# Two-word places whose words alone are names: `Hong Kong` (Hong is a Korean family name).
PLACE_PHRASES: Final = frozenset({"hong kong", "new delhi", "los angeles", "san francisco"})

# Heads of appositives that make the named thing an organisation: `Tongil Sinbo, a weekly
# government mouthpiece of North Korea`.
ORG_APPOSITIVE_HEADS: Final = _words(
    """
    mouthpiece newspaper daily weekly agency broadcaster network outlet website paper
    magazine channel company firm group organization organisation party union ministry
    office committee council body association institute foundation
    """
)

# Heads of descriptions naming what was said or written, not who said it: `the statement`,
# `his comments`, `the article`. Their speaker is the author the text already named.
DOCUMENT_HEADS: Final = _words(
    """
    statement statements comment comments remark remarks article report commentary editorial
    letter message release announcement post tweet column essay speech address op-ed
    dispatch broadcast notice words
    """
)

# Heads that any unnamed source can be called on second mention: `a key person close to X`
# ... `the source added`.
GENERIC_SOURCE_HEADS: Final = _words("source official person insider aide")
