"""Search documents (see search/models.py). On PostgreSQL, a GIN index on their vectors.

Existing sites fill the new table with `manage.py update_index`: the database backends
write a page's document whenever they index it."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

VECTOR_INDEX = "search_searchdocument_vector_gin"


def create_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {VECTOR_INDEX} ON search_searchdocument USING gin (vector)"
        )


def drop_vector_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_sqlite_porter_stemming"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                ("content_type_id", models.PositiveIntegerField()),
                ("translation_key", models.UUIDField()),
                ("live", models.BooleanField()),
                ("date", models.DateField(null=True)),
                ("year", models.PositiveSmallIntegerField(null=True)),
                ("topic_id", models.PositiveIntegerField(null=True)),
                ("tags", models.JSONField(default=list)),
                ("countries", models.JSONField(default=list)),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "search document",
            },
        ),
        migrations.RunPython(create_vector_index, drop_vector_index),
    ]
