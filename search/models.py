from django.contrib.postgres.search import SearchVectorField
from django.db import models
from wagtail.models import Locale, Page


class SearchDocument(models.Model):
    """What the search page needs to know about one searchable page, in one narrow row.

    Written by the database search backends (search.backends) whenever they index a page,
    so that scope, filters, facet counts and the date sort read one table instead of five
    (pages, posts, tags, partners, countries). On PostgreSQL the row also holds the page's
    weighted text vector: the match, ranking and facets then run on this table alone.
    See search/documents.py."""

    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="search_document"
    )
    content_type_id = models.PositiveIntegerField()
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    live = models.BooleanField()
    date = models.DateField(null=True)  # the result's date, for the date sort
    year = models.PositiveSmallIntegerField(null=True)  # the year facet and filter
    topic_id = models.PositiveIntegerField(null=True)  # a discussion's topic
    tags = models.JSONField(default=list)  # tag slugs
    countries = models.JSONField(default=list)  # ISO codes: posts, partners, the profile
    # PostgreSQL only (its GIN index is created by migration 0002 there); NULL elsewhere.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "search document"

    def __str__(self):
        return f"search document of page {self.page_id}"
