"""The one-way layers of docs/architecture.md: the import contracts in pyproject.toml cover
every app of the project, in the order of INSTALLED_APPS, and they hold. `make lint` runs
lint-imports too; these tests keep a new app from slipping past the contract."""

import subprocess
import sys
import tomllib
from pathlib import Path

from django.conf import settings

PROJECT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _importlinter():
    return tomllib.loads((PROJECT / "pyproject.toml").read_text())["tool"]["importlinter"]


def _contract(contract_id):
    return next(c for c in _importlinter()["contracts"] if c["id"] == contract_id)


def _layers():
    return [layer.strip("()") for layer in _contract("layers")["layers"]]


def _project_apps():
    """INSTALLED_APPS that are packages of this project, in their order."""
    return [app for app in settings.INSTALLED_APPS if (PROJECT / app / "apps.py").exists()]


def _lint_imports(cwd):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_every_app_is_a_layer_in_installed_apps_order():
    assert _layers() == list(reversed(_project_apps()))


def test_every_app_and_portal_are_analysed():
    assert sorted(_importlinter()["root_packages"]) == sorted([*_layers(), "portal"])
    wiring = _contract("portal-is-the-wiring")
    assert sorted(wiring["source_modules"]) == sorted(_layers())


def test_the_import_contracts_hold():
    result = _lint_imports(PROJECT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    """The real configuration on stand-in packages: a function-level import from core up
    to home, and one from programme.matching to Django, are both reported."""
    (tmp_path / "pyproject.toml").write_text((PROJECT / "pyproject.toml").read_text())
    for package in _importlinter()["root_packages"]:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "home" / "models.py").write_text("")
    (tmp_path / "core" / "probe.py").write_text(
        "def probe():\n    from home import models\n\n    return models\n"
    )
    (tmp_path / "programme" / "matching.py").write_text(
        "def probe():\n    import django\n\n    return django\n"
    )
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "core.probe -> home.models (l.2)" in result.stdout
    assert "programme.matching -> django (l.2)" in result.stdout
