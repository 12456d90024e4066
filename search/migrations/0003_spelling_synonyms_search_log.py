"""Spelling correction, synonyms and the report of unsuccessful searches (issue #15).

- SearchTerm: the index's vocabulary; on PostgreSQL a trigram index (pg_trgm) on its words,
  for the words near a typo. The words of existing pages are counted after migrating
  (search.documents.fill_if_empty), or with `manage.py update_search_vocabulary`.
- SynonymSet: editors' synonym sets.
- SearchEvent: searches, without personal data, for the report.
- SearchDocument.title, copied from the pages here; on PostgreSQL a GIN index on its
  words ('simple' configuration: no stemming) answers the autocomplete.
"""

import uuid

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

TERM_TRIGRAMS = "search_term_word_trgm"
TITLE_WORDS = "search_document_title_words"


def copy_titles(apps, schema_editor):
    schema_editor.execute(
        "UPDATE search_searchdocument SET title = "
        "(SELECT title FROM wagtailcore_page WHERE wagtailcore_page.id = page_id)"
    )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {TERM_TRIGRAMS} ON search_searchterm USING gin (word gin_trgm_ops)"
        )
        schema_editor.execute(
            f"CREATE INDEX {TITLE_WORDS} ON search_searchdocument "
            "USING gin (to_tsvector('simple'::regconfig, title))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TERM_TRIGRAMS}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_WORDS}")


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0002_search_documents'),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name='SynonymSet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('terms', models.TextField(help_text='Words or phrases that mean the same, separated by commas or one per line, for example: makerspace, maker space, fab lab', verbose_name='terms')),
                ('language', models.CharField(blank=True, choices=[('en', 'English'), ('fr', 'Français'), ('es', 'Español'), ('ar', 'العربية')], help_text='Only for searches in this language; leave empty for every language.', max_length=12, verbose_name='language')),
            ],
            options={
                'verbose_name': 'synonym set',
                'verbose_name_plural': 'synonym sets',
                'ordering': ['terms'],
            },
        ),
        migrations.AddField(
            model_name='searchdocument',
            name='title',
            field=models.TextField(default=''),
        ),
        migrations.CreateModel(
            name='SearchEvent',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('query', models.CharField(max_length=255)),
                ('language', models.CharField(max_length=12)),
                ('date', models.DateField(db_index=True)),
                ('results', models.PositiveIntegerField()),
                ('opened', models.BooleanField(default=False)),
            ],
            options={
                'verbose_name': 'search event',
                'indexes': [models.Index(fields=['query', 'date'], name='search_event_query_date')],
            },
        ),
        migrations.CreateModel(
            name='SearchTerm',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=12)),
                ('word', models.CharField(max_length=60)),
                ('stem', models.CharField(max_length=60)),
                ('documents', models.PositiveIntegerField(default=0)),
            ],
            options={
                'verbose_name': 'search term',
                'indexes': [models.Index(fields=['language', 'stem'], name='search_term_stem')],
                'constraints': [models.UniqueConstraint(fields=('language', 'word'), name='search_term_unique')],
            },
        ),
        migrations.RunPython(copy_titles, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
