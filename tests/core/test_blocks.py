"""The shared block library: every block has a template and a preview value, and renders."""

import pytest
from django.template.loader import get_template

from core.blocks import BodyStreamBlock

pytestmark = pytest.mark.django_db

# Blocks whose preview needs objects from the database (an image, an oEmbed response).
NEEDS_OBJECTS = {"image", "embed"}


@pytest.mark.parametrize("name", list(BodyStreamBlock.base_blocks))
def test_every_block_has_a_template_and_a_preview_value(name):
    block = BodyStreamBlock().child_blocks[name]
    assert block.meta.template, name
    get_template(block.meta.template)  # raises if missing
    assert block.get_preview_value(), name


@pytest.mark.parametrize(
    "name", [name for name in BodyStreamBlock.base_blocks if name not in NEEDS_OBJECTS]
)
def test_preview_values_render(name):
    block = BodyStreamBlock().child_blocks[name]
    html = block.render(block.get_preview_value())
    assert html.strip().startswith("<")
    text = str(block.meta.preview_value)
    first_words = [w for w in text.replace("<p>", " ").split() if w.isalpha()][:1]
    assert all(word in html for word in first_words), name


def test_link_block_requires_a_page_or_a_url():
    from wagtail.blocks import StructBlockValidationError

    from core.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Nowhere"}))
    assert block.clean(block.to_python({"title": "IFLA", "url": "https://www.ifla.org/"}))
