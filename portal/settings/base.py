"""Settings shared by every environment. Values come from environment variables with
safe development defaults; production.py tightens what must not be defaulted."""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

from portal.csp import PUBLIC_DIRECTIVES as PUBLIC_CSP_DIRECTIVES

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")

# The project's apps, lowest layer first (the order import-linter enforces, see
# docs/architecture.md); Wagtail imports their wagtail_hooks in this order.
INSTALLED_APPS = [
    "core",
    "countries",
    "topics",
    "members",
    "stories",
    "programme",
    "home",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_countries",
    "allauth",
    "allauth.account",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (portal/csp.py: public and admin policies).
    "portal.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware: links keep the /fr/, /es/, /ar/ prefix of the request.
    "core.visitor_language.VisitorLanguageMiddleware",
    # Early, once the language is known: anonymous pages from the shared cache (X-Cache).
    "core.page_cache.PageCacheMiddleware",
    # The database unreachable: a 503 page (templates/503.html), not an error.
    "core.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Members' pages and responses to logged-in users: Cache-Control private, no-store.
    "members.middleware.PrivateResponsesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite file in the project by default; DATABASE_URL switches (PostgreSQL in CI/production).
# A connection kept open is checked before a request reuses it (CONN_HEALTH_CHECKS), so
# once a database that went away is back, requests find it without an error; production.py
# keeps connections open between requests (CONN_MAX_AGE) unless DATABASE_CONN_MAX_AGE is set.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# SQLite with several server processes: WAL lets readers go on while one process writes;
# a writer waits up to `timeout` seconds for another's lock (the busy timeout) instead of
# failing with "database is locked"; and transactions take the write lock when they begin
# (BEGIN IMMEDIATE), since a transaction that read first cannot wait for it later.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    "transaction_mode": "IMMEDIATE",
    "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
}
# PostgreSQL unreachable: give up connecting after a few seconds (the site answers 503,
# core.unavailable) rather than hanging a worker.
POSTGRES_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT
    # PostgreSQL's JIT compiles a plan whose estimated cost is high, such as a search's
    # facet counts over tens of thousands of matches: ~25 ms of compiling for a query that
    # runs once. Short web queries never gain from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# Redis when REDIS_URL is set (shared by every server process: production), else a cache
# in each process. Redis going away never breaks a page: errors are logged, not raised
# (IGNORE_EXCEPTIONS), a dead server costs at most the short timeouts below, and the cache
# is used again as soon as Redis answers.
def redis_caches(url):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (core/page_cache.py): anonymous page views, for this many seconds at most
# (content changes end them sooner); 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Never cached (in any language): the admin, documents (privacy by collection), members'
# profiles and photos (a member may make hers private at any moment), accounts.
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/members/", "/accounts/"]
# Besides pages, settings, site texts, images, documents, tags and privacy: models whose
# change may show on any page (the call to apply follows the current round).
PAGE_CACHE_CONTENT_MODELS = ["programme.Round", "programme.RoundTopic"]
# Models behind the figures (home page, country pages, open figures): a change ends only
# the pages that show figures.
PAGE_CACHE_FIGURE_MODELS = [
    "members.MemberProfile",
    "programme.Application",
    "programme.Partnership",
    "programme.PartnershipMember",
    "programme.Feedback",
    "programme.CheckIn",
    "programme.RematchRequest",
]

# Accounts (django-allauth): members sign up and log in with their e-mail address.
# Wagtail's admin keeps its own log-in (username) through ModelBackend.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
# Login-restricted Wagtail pages send visitors to the members' log-in too (not Wagtail's own).
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Content-Security-Policy (django-csp): the public policy; the admin's is in portal/csp.py.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_CSP_DIRECTIVES}

# The admin's log-in admits only accounts with admin access, rate-limited like the public one.
WAGTAILADMIN_USER_LOGIN_FORM = "members.admin_login.AdminLoginForm"
# Editors reset a forgotten password at /accounts/password/reset/ (allauth, rate-limited
# per address and per e-mail); the admin's own reset form has no rate limit and would mail
# any member on request.
WAGTAIL_PASSWORD_RESET_ENABLED = False
LOGIN_REDIRECT_URL = "members:me"
ACCOUNT_ADAPTER = "members.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# "mandatory" in production (production.py); optional here so dev sign-ups work offline.
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True  # password reset answers the same for unknown e-mails
ACCOUNT_SIGNUP_REDIRECT_URL = "members:edit"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[ILN Portal] "
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}

# Passwords (OWASP ASVS 5.0, V6.2): length, not composition. At least 12 characters:
# ASVS asks for 8 at the least and recommends 15 where the password is the only factor, as
# it is here. We take 12: members log in from shared library computers and phones, often
# typing in a second language, and 12 with the common-password check, the log-in rate
# limits (per address and per account) and a slow hash keeps guessing out of reach while
# a pass phrase stays easy to type; raise it to 15 if members get a second factor or
# never do. No maximum below 64: Django and allauth set no maximum at all (PBKDF2 hashes
# any length), so pass phrases and password managers' long passwords work. No composition
# rules (no "a digit and a capital"; Django's NumericPasswordValidator is one, so it is
# left out); the 20,000 most common passwords are refused, and ones close to the member's
# own e-mail address or name.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Internationalisation. The one list of content locales: add a language here and in
# locale/ and it exists everywhere (URLs, Wagtail locales, switcher, sitemap).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ar", "العربية"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Members' photos: outside MEDIA_ROOT (no URL serves this folder); members.views.photo serves
# them after checking the profile's visibility.
MEMBER_PHOTOS_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: console in development unless EMAIL_URL says otherwise (smtp://…).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    vars().update(dj_email_url.parse(EMAIL_URL))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ILN Portal <noreply@iln.example.org>")

# Wagtail
WAGTAIL_SITE_NAME = "ILN Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: editors' e-mail hashes stay private, and no third-party requests (CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Tags (taggit): "Community Outreach" is the existing tag "community outreach", not a
# near-duplicate, for member interests and page tags alike.
TAGGIT_CASE_INSENSITIVE = True

# Search: the database backend (SQLite FTS5 / PostgreSQL full text) unless SEARCH_URL
# names an OpenSearch/Elasticsearch cluster.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
# How long a search's counts and result ids stay cached; any content change ends them
# sooner (search/results_cache.py). 0 turns the cache off.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch8"),
            "URLS": [SEARCH_URL],
            "INDEX": os.environ.get("SEARCH_INDEX", "iln_portal"),
            "TIMEOUT": 5,
        }
    }
else:
    # search.backends: Wagtail's database backend with a stemming, title/tag-weighted SQLite
    # FTS5 index and a PostgreSQL text search configuration per locale.
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends",
            "SEARCH_CONFIG": "english",
            "LANGUAGE_CONFIGS": {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"},
        }
    }

# wagtail-localize: translations start as drafts and go through moderation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation only with a DeepL key; without one, translators are offered none
# (dev.py offers wagtail-localize's dummy translator, which only reverses the words).
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
