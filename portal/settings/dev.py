from .base import *  # noqa: F401,F403
from .base import DEEPL_AUTH_KEY, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)

# Serve static files straight from the app folders while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The dummy machine translator (it reverses the words) in development only: production
# offers machine translation only with DEEPL_AUTH_KEY (base.py).
if not DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
