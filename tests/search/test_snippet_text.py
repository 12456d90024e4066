"""Result snippets never run tag names or authors' names into the text (issue #12)."""

import re

import pytest

from search.snippets import snippet_text

pytestmark = pytest.mark.django_db


def test_snippets_leave_out_tags_and_author_names(client, make_discussion):
    page = make_discussion(
        "Flood recovery",
        summary="How libraries reopened after the flood",
        posts=[{"text": "We dried the books in the sun.", "author_name": "Rosa Quispe"}],
        tags=["disaster response", "preservation"],
    )
    text = snippet_text(page)
    assert "disaster response" not in text and "preservation" not in text
    assert "Rosa Quispe" not in text
    assert text == "How libraries reopened after the flood … We dried the books in the sun."

    html = client.get("/search/", {"q": "flood"}).content.decode()
    snippet = re.search(r'class="search-result__snippet"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "disaster response" not in snippet
    assert "<mark>flood</mark> … We dried" in snippet
