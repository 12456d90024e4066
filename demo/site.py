"""Demo content: the site, its section index pages, guidance and an admin account.

Every builder is idempotent: it looks pages up by slug under their parent and only creates
what is missing, so running load_demo twice changes nothing."""

import datetime
import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail.search import index

from core.factories import paragraphs
from home.factories import GuidanceIndexPageFactory, GuidancePageFactory, HomePageFactory
from home.models import HomePage

from . import site_content
from .images import get_or_create_illustration

DEMO_PUBLISHED_AT = timezone.make_aware(datetime.datetime(2016, 1, 1, 9, 0))


class DemoContext:
    """What the builders share: the home page, scale, and where to report progress."""

    def __init__(self, scale=1, stdout=None):
        self.scale = max(1, int(scale))
        self.stdout = stdout
        self.created = {}
        self.home = None

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def count(self, kind, n=1):
        self.created[kind] = self.created.get(kind, 0) + n


def get_or_create_child(ctx, parent, factory, slug, **fields):
    """The child page of `parent` with `slug`, created with the factory when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    fields.setdefault("first_published_at", DEMO_PUBLISHED_AT)
    fields.setdefault("last_published_at", fields["first_published_at"])
    page = factory.create(parent=parent, slug=slug, **fields)
    ctx.count(factory._meta.model.__name__)
    return page, True


def save_with_relations(page):
    """Save a page whose tags or inline children were just added, then index it again:
    Wagtail indexes on post_save, before modelcluster has written the child relations."""
    page.save()
    index.insert_or_update_object(page)


def ensure_locales(ctx):
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def build_site(ctx):
    """The English home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if home is None:
        # Wagtail's initial "Welcome" page holds the slug "home": remove it and its site.
        for welcome in root.get_children().filter(content_type__model="page"):
            Site.objects.filter(root_page=welcome).delete()
            welcome.delete()
        data = site_content.HOME
        home = HomePageFactory.create(
            parent=root,
            title=data["title"],
            slug="home",
            hero_title=data["hero_title"],
            hero_text=data["hero_text"],
            introduction=data["introduction"],
            first_published_at=DEMO_PUBLISHED_AT,
            last_published_at=DEMO_PUBLISHED_AT,
        )
        ctx.count("HomePage")
    if home.hero_image_id is None:
        home.hero_image, _ = get_or_create_illustration("Partners across the network", "hero")
        home.save()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="ILN Portal",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # The call's texts are translatable SiteTexts (demo/translations.py); its dates come
    # from the current round (demo/programme.py).
    ctx.home = home


def build_guidance(ctx):
    index, _ = get_or_create_child(
        ctx,
        ctx.home,
        GuidanceIndexPageFactory,
        "guidance",
        title="Guidance",
        introduction=site_content.GUIDANCE_INTRO,
    )
    for item in site_content.GUIDANCE:
        get_or_create_child(
            ctx,
            index,
            GuidancePageFactory,
            item["slug"],
            title=item["title"],
            summary=item["summary"],
            about_partnerships=item.get("about_partnerships", True),
            body=stream_from_spec(item["body"]),
        )


def stream_from_spec(spec):
    """StreamField value from the demo data's compact spec: a list of (kind, value) where
    kind is heading, paragraph, callout, quote or faq."""
    blocks = []
    for kind, value in spec:
        if kind == "heading":
            blocks.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            blocks.extend(paragraphs([value]))
        elif kind == "callout":
            blocks.append(
                (
                    "callout",
                    {"style": "tip", "title": value[0], "text": RichText(f"<p>{value[1]}</p>")},
                )
            )
        elif kind == "quote":
            blocks.append(("quote", {"text": value[0], "attribution": value[1]}))
        elif kind == "faq":
            blocks.append(
                (
                    "faq",
                    {
                        "title": "",
                        "items": [
                            {"question": q, "answer": RichText(f"<p>{a}</p>")} for q, a in value
                        ],
                    },
                )
            )
        else:
            raise ValueError(f"unknown demo block kind {kind!r}")
    return blocks


def build_admin(ctx):
    """A superuser for /admin/. The password comes from DEMO_ADMIN_PASSWORD, or is generated
    and printed once, when the account is created."""
    User = get_user_model()
    username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
    if User.objects.filter(username=username).exists():
        ctx.log(f"Admin account '{username}' already exists (password unchanged).")
        return
    password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    User.objects.create_superuser(username, "admin@iln.example.org", password)
    ctx.count("admin account")
    ctx.log(f"Created admin account: username '{username}', password '{password}'")
