"""PostgreSQL indexes for speed:
- the search documents newest first, for the searches that match most of the archive
  (search.engines.postgres.DocumentsEngine.run_broad reads their newest matches) and the
  date sort of such searches;
- the vocabulary's words by trigrams in a GiST index instead of GIN (migration 0003): the
  spelling correction asks for the words nearest to a typo (`ORDER BY word <-> typo`),
  which only GiST answers without a similarity threshold."""

from django.db import migrations

NEWEST = "search_document_newest"
TRIGRAMS_GIN = "search_term_word_trgm"
TRIGRAMS_GIST = "search_term_word_trgm_gist"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {NEWEST} ON search_searchdocument (date DESC NULLS LAST, page_id DESC)"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAMS_GIN}")
        schema_editor.execute(
            f"CREATE INDEX {TRIGRAMS_GIST} ON search_searchterm USING gist (word gist_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NEWEST}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAMS_GIST}")
        schema_editor.execute(
            f"CREATE INDEX {TRIGRAMS_GIN} ON search_searchterm USING gin (word gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_editors_keep_synonyms")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
