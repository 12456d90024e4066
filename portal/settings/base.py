"""Settings shared by every environment. Values come from environment variables with
safe development defaults; production.py tightens what must not be defaulted."""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

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
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
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
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles a plan whose estimated cost is high, such as a search's
    # facet counts over tens of thousands of matches: ~25 ms of compiling for a query that
    # runs once. Short web queries never gain from it.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Accounts (django-allauth): members sign up and log in with their e-mail address.
# Wagtail's admin keeps its own log-in (username) through ModelBackend.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
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
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
