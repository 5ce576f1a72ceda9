"""The packages keep one job each: who may import whom, read from the code itself."""

import ast
from pathlib import Path

from django.conf import settings

PROJECT = "integration_site"
APPS = (
    "core",
    "translations",
    "pages",
    "contacts",
    "documents",
    "microprojects",
    "search",
    "demo",
)
# The shared kernel and the translation machinery serve the feature apps, never the reverse.
KERNEL_MAY_IMPORT = {"core": set(), "translations": {"core"}}
# Settings derive LANGUAGES from the language table, a module that loads no models.
# core.prose: django-prose-editor reads our editor extensions from the settings, and its
# processors must be callables there (a dotted path is not resolved by version 0.28).
# core.media_storage: the S3 options from the environment, a plain function.
SETTINGS_MAY_IMPORT = {"core.languages", "core.prose", "core.media_storage"}


def _imports(path):
    """Top-level package names (with the full module) each import in a file names."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def _modules(package):
    return sorted((Path(settings.BASE_DIR) / package).rglob("*.py"))


def _app_imports(package):
    """{other app: [files]} for every import of another app by this package."""
    found = {}
    for path in _modules(package):
        for module in _imports(path):
            top = module.split(".")[0]
            if top != package and top in (*APPS, PROJECT):
                found.setdefault(top, []).append(f"{path.relative_to(settings.BASE_DIR)}: {module}")
    return found


def test_no_app_imports_the_project_package():
    offenders = {app: _app_imports(app).get(PROJECT) for app in APPS}
    assert {app: files for app, files in offenders.items() if files} == {}


def test_the_project_package_imports_apps_only_in_its_urlconf():
    offenders = []
    for path in _modules(PROJECT):
        relative = path.relative_to(settings.BASE_DIR).as_posix()
        for module in _imports(path):
            if module.split(".")[0] not in APPS or relative == f"{PROJECT}/urls.py":
                continue
            if relative.startswith(f"{PROJECT}/settings/") and module in SETTINGS_MAY_IMPORT:
                continue
            offenders.append(f"{relative}: {module}")
    assert offenders == []


def test_kernel_packages_import_no_feature_app():
    for kernel, allowed in KERNEL_MAY_IMPORT.items():
        imported = set(_app_imports(kernel)) - allowed
        assert imported == set(), f"{kernel} imports {sorted(imported)}"


def test_no_import_runs_in_a_circle_between_apps():
    graph = {app: set(_app_imports(app)) - {PROJECT} for app in APPS}

    def cycle_from(start, node, seen):
        for following in graph[node]:
            if following == start:
                return [*seen, following]
            if following not in seen:
                found = cycle_from(start, following, [*seen, following])
                if found:
                    return found
        return None

    cycles = [cycle for app in APPS if (cycle := cycle_from(app, app, [app]))]
    assert cycles == []


def test_feature_apps_use_only_the_public_surface_of_translations():
    # The mixin, the admin base, the fallback helpers and the feed base; status and XLIFF
    # are internals.
    public = {
        "translations.models",
        "translations.admin",
        "translations.fallback",
        "translations.feeds",
    }
    used = {
        module
        for app in ("pages", "contacts", "documents", "microprojects")
        for imports in _app_imports(app).get("translations", [])
        for module in [imports.split(": ")[1]]
    }
    assert used <= public, sorted(used - public)
