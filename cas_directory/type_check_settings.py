"""The settings django-stubs' mypy plugin loads (pyproject.toml, [tool.django-stubs]).

The site's own settings, without modeltranslation's registrations: those swap
each model's manager for a class made at run time, which the plugin cannot
find in the source, and so it loses every manager and related manager. The
per-language fields are plain columns, which the checked code names as strings.
The admin is the plain one that imports no admin module at start-up, since the
translation admins need the registrations.
"""

from cas_directory.settings import *  # noqa: F403
from cas_directory.settings import INSTALLED_APPS

MODELTRANSLATION_ENABLE_REGISTRATIONS = False
INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig" if app == "core.apps.CoreAdminConfig" else app
    for app in INSTALLED_APPS
]
