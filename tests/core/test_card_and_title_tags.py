"""portal_tags: the <title> with the site's name once, and the cards' generated
illustrations (initials and a pattern chosen by id)."""

from django.template import Context, Template

from core.templatetags.portal_tags import ART_VARIANTS, art_variant, initials, with_site_name


def render(source, **context):
    return Template("{% load portal_tags %}" + source).render(Context(context))


def test_the_site_name_is_added_once():
    assert with_site_name("Topics", "ILN Portal") == "Topics | ILN Portal"
    assert with_site_name("ILN Portal", "ILN Portal") == "ILN Portal"
    assert with_site_name("  ", "ILN Portal") == "ILN Portal"
    # Rendered titles are escaped once, not twice; so is the site's name.
    title = "{% filter with_site_name:site %}{{ title }}{% endfilter %}"
    assert render(title, title="Tom & Jerry", site="A<B") == "Tom &amp; Jerry | A&lt;B"


def test_initials_skip_short_words():
    assert initials("Stories in our own languages") == "SL"
    assert initials("Ana Eze") == "AE"
    assert initials("Joseph de la Cruz") == "JC"
    assert initials("مكتبات المدارس") == "ما"
    assert initials("") == ""


def test_a_page_keeps_its_illustration():
    assert art_variant(7) == art_variant(7 + ART_VARIANTS) == 7 % ART_VARIANTS
    assert art_variant(None) == 0
    assert art_variant("x") == 0
