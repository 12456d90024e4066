"""The body's image block is Wagtail's ImageBlock with a caption: its alt text is the
editor's, the image's description by default, or empty when the image is decorative."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail_factories import ImageFactory

from core.blocks import BodyStreamBlock, ImageWithCaptionBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return ImageFactory(title="IMG_0042.jpg", description="Two librarians at a reading club")


def render(image_value, **extra):
    block = ImageWithCaptionBlock()
    return block.render(block.to_python({"image": image_value, **extra}))


def test_alt_text_given_in_the_block(image):
    html = render(
        {"image": image.pk, "alt_text": "Partners in Accra", "decorative": False},
        caption="At the conference",
        attribution="ILN",
    )
    assert 'alt="Partners in Accra"' in html
    assert "<figcaption>At the conference" in html
    assert '<span class="attribution">ILN</span>' in html
    assert 'loading="lazy"' in html


def test_alt_text_defaults_to_the_image_description(image):
    block = ImageWithCaptionBlock()
    # A bare image id (as an ImageChooserBlock stored it) takes the description as alt text.
    value = block.to_python({"image": image.pk})
    assert value["image"].contextual_alt_text == "Two librarians at a reading club"
    assert 'alt="Two librarians at a reading club"' in block.render(value)


def test_decorative_image_has_empty_alt(image):
    html = render({"image": image.pk, "alt_text": "", "decorative": True})
    assert 'alt=""' in html


def test_an_image_needs_alt_text_or_to_be_marked_decorative(image):
    block = ImageWithCaptionBlock()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_stream_round_trip_keeps_alt_text_and_caption(image):
    stream = BodyStreamBlock()
    value = stream.to_python(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Partners", "decorative": False},
                    "caption": "Caption",
                    "attribution": "",
                },
            }
        ]
    )
    prep = stream.get_prep_value(value)
    assert prep[0]["value"]["image"] == {
        "image": image.pk,
        "alt_text": "Partners",
        "decorative": False,
    }
    assert prep[0]["value"]["caption"] == "Caption"


def test_empty_preview_renders_nothing():
    block = ImageWithCaptionBlock()
    assert block.render(block.get_preview_value()).strip() == ""


def test_alt_text_and_caption_are_translated_with_the_page(
    site_tree, image, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from demo.translations import translate_page
    from home.factories import GuidancePageFactory

    Locale.objects.get_or_create(language_code="fr")
    page = GuidancePageFactory(
        parent=site_tree.guidance,
        body=[
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "alt_text": "Partners", "decorative": False},
                    "caption": "At the conference",
                    "attribution": "",
                },
            }
        ],
    )
    page = type(page).objects.get(pk=page.pk)
    with django_capture_on_commit_callbacks(execute=True):
        french = translate_page(
            page, "fr", {"Partners": "Partenaires", "At the conference": "À la conférence"}
        )
    block = french.specific.body[0].value
    assert block["image"].pk == image.pk
    assert block["image"].contextual_alt_text == "Partenaires"
    assert block["caption"] == "À la conférence"
