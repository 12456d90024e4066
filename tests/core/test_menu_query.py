"""The menus' query (children of the home page shown in menus) has its own partial index on
Wagtail's page table (home/migrations/0006): without it PostgreSQL scans every page of the
site, ~15 ms per request at 100,000 discussion pages."""

import pytest
from django.db import connection

INDEX = "core_page_in_menu_idx"

pytestmark = pytest.mark.django_db


def index_sql():
    """The index's definition as the database stores it (CREATE INDEX ... WHERE ...)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [INDEX])
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [INDEX])
        row = cursor.fetchone()
    return row[0] if row else None


def test_menu_index_exists_after_migrations():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert INDEX in constraints
    index = constraints[INDEX]
    assert index["index"] is True
    assert index["unique"] is False
    assert index["columns"] == ["depth", "path"]


def test_menu_index_holds_only_pages_shown_in_menus():
    assert index_sql().endswith("WHERE show_in_menus")


def test_menu_query_can_use_the_index(site_tree):
    menu = site_tree.home.get_children().live().in_menu()
    assert len(menu) == 5
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test database is too small for the planner to prefer any index:
            # only check that this one matches the query's shape.
            cursor.execute("SET LOCAL enable_seqscan = off")
        plan = menu.explain()
    assert INDEX in plan
