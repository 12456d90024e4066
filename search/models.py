import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
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
    title = models.TextField(default="")  # for the autocomplete (search.autocomplete)
    # PostgreSQL only (its GIN index is created by migration 0002 there); NULL elsewhere.
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = "search document"

    def __str__(self):
        return f"search document of page {self.page_id}"


class SearchTerm(models.Model):
    """A word of the search index's vocabulary, in one language: the words that spelling
    correction (search.spelling) may suggest, with the number of pages that use each.

    Written with the search documents (search.vocabulary): a page's words are added when
    it is indexed; `manage.py update_search_vocabulary` recounts from the index. On
    PostgreSQL a trigram index (pg_trgm, migration 0003) finds the words near a typo."""

    language = models.CharField(max_length=12)
    word = models.CharField(max_length=60)
    stem = models.CharField(max_length=60)  # its Snowball stem in `language`
    documents = models.PositiveIntegerField(default=0)  # pages that use it (approximate)

    class Meta:
        verbose_name = "search term"
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="search_term_unique")
        ]
        indexes = [models.Index(fields=["language", "stem"], name="search_term_stem")]

    def __str__(self):
        return f"{self.word} ({self.language})"


class SynonymSet(models.Model):
    """Words and phrases that a search treats as the same (weeding = deselection), kept by
    editors as a snippet; applied to every search at query time (search.synonyms)."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words or phrases that mean the same, separated by commas or one per line, "
            "for example: makerspace, maker space, fab lab"
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=12,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Only for searches in this language; leave empty for every language."),
    )

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["terms"]

    def __str__(self):
        return ", ".join(" ".join(words) for words in self.parsed_terms()) or "—"

    def parsed_terms(self):
        """The terms as tuples of words, as search.query reads a query (lower case, no
        punctuation), duplicates removed, in the order written."""
        from .synonyms import parse_terms

        return parse_terms(self.terms)

    def clean(self):
        if len(self.parsed_terms()) < 2:
            raise ValidationError({"terms": _("Give at least two different words or phrases.")})


class SearchEvent(models.Model):
    """One search of the search page (its first page, unfiltered), for the report of
    searches that found nothing or that visitors abandoned (search.searchlog). It holds
    no personal data: no user, no address, no cookie; queries that look like an e-mail
    address or a member's name are never stored. `id` is a random token that the result
    links carry, so that opening a result marks the search as not abandoned."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    query = models.CharField(max_length=255)  # normalised (Wagtail's normalise_query_string)
    language = models.CharField(max_length=12)
    date = models.DateField(db_index=True)
    results = models.PositiveIntegerField()
    opened = models.BooleanField(default=False)  # a result was opened from it

    class Meta:
        verbose_name = "search event"
        indexes = [models.Index(fields=["query", "date"], name="search_event_query_date")]

    def __str__(self):
        return f"{self.query} ({self.date})"
