"""British and American spellings of the same word: a search for either finds both.

"digitising" also finds "digitizing", "catalogue" finds "catalog", "licence" finds
"license", "programme" finds "program", "organisation" finds "organization", and the other
way round. Two sources:

- rules for the regular families: -ise/-ize (-ised, -ising, -isation, ...) and -yse/-yze;
- a list of the irregular pairs (catalogue/catalog, centre/center, colour/color, travelled/
  traveled, ...), each inflection written out, because stemmers stem the two spellings
  differently ("cataloguing" -> "catalogu", "cataloging" -> "catalog").

A rule may make a word that exists in neither spelling ("promise" -> "promize"); that only
adds an alternative that matches nothing, so the rules skip just the common words where
the -ize form is wrong. Variants are English: other languages get none.
"""

import re
from functools import lru_cache

# Irregular pairs, British first; a line per word, its inflections separated by ";".
_PAIRS = """
catalogue catalog; catalogues catalogs; catalogued cataloged; cataloguing cataloging;
cataloguer cataloger; cataloguers catalogers
dialogue dialog; dialogues dialogs
analogue analog; analogues analogs
programme program; programmes programs
licence license; licences licenses
defence defense; defences defenses
offence offense; offences offenses
practise practice; practised practiced; practising practicing
centre center; centres centers; centred centered; centring centering
theatre theater; theatres theaters
fibre fiber; fibres fibers
litre liter; litres liters
metre meter; metres meters
calibre caliber
colour color; colours colors; coloured colored; colouring coloring; colourful colorful
favour favor; favours favors; favoured favored; favourite favorite; favourites favorites
behaviour behavior; behaviours behaviors; behavioural behavioral
honour honor; honours honors; honoured honored
labour labor; labours labors; laboured labored
neighbour neighbor; neighbours neighbors; neighbourhood neighborhood;
neighbourhoods neighborhoods
harbour harbor; harbours harbors
humour humor; rumour rumor; rumours rumors
endeavour endeavor; endeavours endeavors
flavour flavor; flavours flavors
vapour vapor; odour odor; rigour rigor; vigour vigor; saviour savior; armour armor
travelled traveled; travelling traveling; traveller traveler; travellers travelers
cancelled canceled; cancelling canceling
labelled labeled; labelling labeling
modelled modeled; modelling modeling
counselling counseling; counsellor counselor; counsellors counselors
levelled leveled; levelling leveling
signalled signaled; signalling signaling
fuelled fueled; fuelling fueling
channelled channeled
totalled totaled
marvellous marvelous
jewellery jewelry
enrolment enrollment; enrolments enrollments
fulfil fulfill; fulfils fulfills; fulfilment fulfillment
instalment installment; instalments installments
skilful skillful
wilful willful
judgement judgment; judgements judgments
acknowledgement acknowledgment; acknowledgements acknowledgments
ageing aging
grey gray
manoeuvre maneuver; manoeuvres maneuvers
paediatric pediatric; encyclopaedia encyclopedia; encyclopaedias encyclopedias
archaeology archeology; archaeological archeological; archaeologist archeologist
mould mold; mouldy moldy
plough plow
aluminium aluminum
sceptical skeptical; sceptic skeptic
artefact artifact; artefacts artifacts
pyjamas pajamas
moustache mustache
"""

# Words whose -ise spelling is the only one (the -ize rule must not touch them).
_ISE_ONLY = frozenset(
    """advertise advise apprise arise chastise circumcise comprise compromise concise demise
    despise devise disguise enterprise excise exercise expertise franchise improvise
    incise merchandise noise otherwise premise precise promise raise reprise revise rise
    supervise surmise surprise televise treatise likewise clockwise praise poise cruise
    paradise""".split()
)
_ISE = re.compile(
    r"^(?P<stem>\w{3,}?)(?P<letter>[iy])(?P<z>[sz])"
    r"(?P<end>e|es|ed|ing|er|ers|ation|ations|ational)$"
)
_STEMS_ONLY = {word[:-1] for word in _ISE_ONLY}


def _pairs():
    pairs = {}
    for line in _PAIRS.replace("\n", " ").split(";"):
        words = line.split()
        for british, american in zip(words[::2], words[1::2], strict=True):
            pairs.setdefault(british, set()).add(american)
            pairs.setdefault(american, set()).add(british)
    return pairs


PAIRS = _pairs()


def _by_rule(word):
    """The other spelling of a regular -ise/-ize or -yse/-yze word, or None."""
    found = _ISE.match(word)
    if not found or len(word) < 6:
        return None
    stem, letter, z, end = found["stem"], found["letter"], found["z"], found["end"]
    if f"{stem}{letter}{z}" in _STEMS_ONLY or f"{stem}{letter}se" in _ISE_ONLY:
        return None
    if letter == "y" and end.startswith("ation"):  # "analysation" is not a word
        return None
    return f"{stem}{letter}{'z' if z == 's' else 's'}{end}"


@lru_cache(maxsize=4096)
def variants(word, language="en"):
    """The other spellings of a lowercase `word` (a tuple, empty for most words)."""
    if (language or "en").split("-")[0] != "en":
        return ()
    found = set(PAIRS.get(word, ()))
    other = _by_rule(word)
    if other:
        found.add(other)
    found.discard(word)
    return tuple(sorted(found))
