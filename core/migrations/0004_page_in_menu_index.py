from django.db import migrations

# The menus (main_menu in portal_tags, localized_menu in i18n_tags) run on every page:
#   page.get_children().live().in_menu()
#   -> WHERE depth = 3 AND path BETWEEN '000100010000' AND '00010001ZZZZ'
#      AND live AND show_in_menus ORDER BY path
# The path range covers every descendant of the home page, so with 100,000 discussion
# pages the path index does not help and PostgreSQL scans the whole table (~15 ms).
# Wagtail owns wagtailcore_page (no Meta.indexes to add there), so the index is created
# here with raw SQL: a partial index on the few pages shown in menus, (depth, path) in
# the menu query's order. A bare boolean column as predicate works on PostgreSQL and
# SQLite alike (SQLite stores booleans as 0/1 and has no TRUE before 3.23).
INDEX_NAME = "core_page_in_menu_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_translators_group"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {INDEX_NAME} ON wagtailcore_page (depth, path) WHERE show_in_menus",
            reverse_sql=f"DROP INDEX IF EXISTS {INDEX_NAME}",
        ),
    ]
