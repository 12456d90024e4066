"""What a query also matches: the other spellings of its words (search.variants) and the
editors' synonyms (search.synonyms), as alternatives of its terms and phrases
(ParsedQuery.alternatives), which every engine turns into "this OR that".

Synonyms are matched by stem in the search's language, so a set with "weeding" applies to
a search for "weed" too. A synonym of more than one word ("maker space") matches those
words typed next to each other or quoted; they are then searched as a phrase, or any of
the set's other terms."""

from dataclasses import replace

from . import synonyms
from .snippets import stem
from .variants import variants

MAX_ALTERNATIVES = 8


def _stems(words, language):
    return tuple(stem(word, language) for word in words)


def expand(query, language):
    """The ParsedQuery with the alternatives of its terms and phrases."""
    if not query:
        return query
    sets = synonyms.sets_for(language)
    terms = list(query.terms)
    phrases = list(query.phrases)
    found = {}  # term or phrase (words) -> alternatives

    if sets:
        term_stems = _stems(terms, language)
        for terms_of_set in sorted(sets, key=lambda s: -max(len(t) for t in s)):
            for member in sorted(terms_of_set, key=len, reverse=True):
                others = tuple(t for t in terms_of_set if t != member)
                member_stems = _stems(member, language)
                for phrase in phrases:
                    if _stems(phrase, language) == member_stems and phrase not in found:
                        found[phrase] = others
                if len(member) == 1:
                    for term, term_stem in zip(terms, term_stems, strict=True):
                        if term_stem == member_stems[0] and (term,) not in found:
                            found[(term,)] = others
                    continue
                # Several words: the same words next to each other among the terms.
                for start in range(len(terms) - len(member) + 1):
                    run = tuple(terms[start : start + len(member)])
                    if term_stems[start : start + len(member)] == member_stems:
                        if any((term,) in found for term in run) or run in phrases:
                            continue
                        del terms[start : start + len(member)]
                        term_stems = _stems(terms, language)
                        phrases.append(run)
                        found[run] = others
                        break

    for term in terms:
        spelled = tuple((variant,) for variant in variants(term, language))
        if spelled:
            found[(term,)] = tuple(dict.fromkeys(found.get((term,), ()) + spelled))

    if not found:
        return query
    alternatives = tuple((words, same[:MAX_ALTERNATIVES]) for words, same in found.items() if same)
    return replace(query, terms=tuple(terms), phrases=tuple(phrases), alternatives=alternatives)
