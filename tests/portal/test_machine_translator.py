"""wagtail-localize's dummy machine translator (it reverses the words) is offered in
development only; production and the tests offer machine translation only with a DeepL key."""

from django.conf import settings


def _settings_of(module, **env):
    import os
    import runpy
    import warnings
    from unittest import mock

    environ = {k: v for k, v in os.environ.items() if k != "DEEPL_AUTH_KEY"}
    environ.update(env)
    with mock.patch.dict(os.environ, environ, clear=True), warnings.catch_warnings():
        # The module runs afresh beside its imported copy, which stays as it was.
        warnings.simplefilter("ignore", RuntimeWarning)
        return runpy.run_module(module)


def test_the_dummy_machine_translator_is_offered_in_development_only():
    from tests.production_settings import production_values

    dummy = "wagtail_localize.machine_translators.dummy.DummyTranslator"
    assert (
        _settings_of("portal.settings.dev")["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]["CLASS"] == dummy
    )
    assert "WAGTAILLOCALIZE_MACHINE_TRANSLATOR" not in production_values()
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None  # tests

    # With a DeepL key every settings module offers DeepL (base.py, read afresh).
    deepl = _settings_of("portal.settings.base", DEEPL_AUTH_KEY="k")
    assert deepl["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"] == {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "k"},
    }
