"""Rebuild the SQLite FTS5 search table with the Porter stemmer, so that "flooding" finds
"floods". Wagtail creates the table with FTS5's default tokenizer, which does not stem.
Nothing happens on other databases (PostgreSQL stems with its own configurations)."""

from django.db import migrations

FTS_COLUMNS = "autocomplete, body, title"
TOKENIZER = "porter unicode61 remove_diacritics 2"


def _fts_table_names(schema_editor):
    from wagtail.search.models import IndexEntry

    table = IndexEntry._meta.db_table
    return table, f"{table}_fts"


def _rebuild(schema_editor, tokenizer):
    if schema_editor.connection.vendor != "sqlite":
        return
    entries, fts = _fts_table_names(schema_editor)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE name = %s", [fts])
        if cursor.fetchone() is None:
            return  # SQLite without FTS5: Wagtail uses its fallback backend
        cursor.execute(f"DROP TABLE {fts}")
        options = f", tokenize = '{tokenizer}'" if tokenizer else ""
        cursor.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({FTS_COLUMNS}{options})")
        cursor.execute(
            f"INSERT INTO {fts} (rowid, autocomplete, body, title) "  # noqa: S608
            f"SELECT id, autocomplete, body, title FROM {entries}"
        )


def use_porter(apps, schema_editor):
    _rebuild(schema_editor, TOKENIZER)


def use_default_tokenizer(apps, schema_editor):
    _rebuild(schema_editor, None)


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(use_porter, use_default_tokenizer, elidable=False)]
