"""Snippets mark the words that share a stem with a query word, in the page's language."""

from search.snippets import snippet


def marked(html):
    return [piece.split("</mark>")[0] for piece in str(html).split("<mark>")[1:]]


def test_english_words_are_marked_by_stem_not_by_prefix():
    html = snippet("The news about new floods and flooded newsrooms.", ["news", "flooding"], "en")

    assert marked(html) == ["news", "floods", "flooded"]


def test_french_and_arabic_use_their_own_stemmers():
    french = snippet("Les bibliothèques publiques et la bibliothèque.", ["bibliothèque"], "fr")
    arabic = snippet("زرنا المكتبات العامة", ["مكتبة"], "ar")

    assert marked(french) == ["bibliothèques", "bibliothèque"]
    assert marked(arabic) == ["المكتبات"]


def test_a_language_without_a_stemmer_marks_the_same_word_only():
    assert marked(snippet("Floods, flood and flooding.", ["flood"], "xx")) == ["flood"]


def test_the_window_starts_near_the_first_match_and_text_is_escaped():
    text = "filler " * 100 + "<b>flood</b> & more"

    html = snippet(text, ["flood"], "en", length=60)

    assert html.startswith("… ") and not html.endswith(" …")
    assert "&lt;b&gt;<mark>flood</mark>&lt;/b&gt; &amp; more" in html
    assert len(html) < 140
