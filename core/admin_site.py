"""The back office's site: its dashboard and extra views come from the apps."""

from collections.abc import Callable
from functools import wraps

from django.contrib import admin
from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext_lazy as _

from core.contributions import Section

DashboardPanel = Callable[..., Section | None]


def same_origin_referrer(view):
    """Let the browser say where a form was posted from.

    The site's policy is "no-referrer", under which browsers send `Origin: null`
    with every POST, and Django's CSRF check (rightly) refuses it. "same-origin"
    still tells no other site where a curator came from.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    return wrapper


class DirectoryAdminSite(admin.AdminSite):
    site_header = _("CAS Directory back office")
    site_title = _("CAS Directory back office")
    index_title = _("Listings and resources")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._panels: dict[str, DashboardPanel] = {}
        self._views: list[tuple[str, Callable, str]] = []

    def add_dashboard_panel(self, name: str, panel: DashboardPanel) -> None:
        """Show `panel(request)` on the index page, above the list of models.

        The panel returns None for staff who may not act on what it shows.
        """
        self._panels[name] = panel

    def add_view(self, route: str, view: Callable, name: str) -> None:
        """Serve `view` at /admin/<route>, for signed-in staff only."""
        self._views.append((route, view, name))

    def admin_view(self, view, cacheable=False):
        return super().admin_view(same_origin_referrer(view), cacheable)

    def login(self, request, extra_context=None):
        return same_origin_referrer(super().login)(request, extra_context)

    def get_urls(self) -> list[URLResolver | URLPattern]:
        extra = [path(route, self.admin_view(view), name=name) for route, view, name in self._views]
        return [*extra, *super().get_urls()]

    def index(self, request, extra_context=None):
        found = (panel(request) for panel in self._panels.values())
        panels = [section for section in found if section is not None]
        # Each panel's figures stay in the page's context under their own
        # names, as if the index view had computed them itself.
        context = {"dashboard_panels": panels}
        for section in panels:
            context.update(section.context)
        return super().index(request, {**context, **(extra_context or {})})
