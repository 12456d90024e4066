from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)

# Serve static files straight from the app folders while developing.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
