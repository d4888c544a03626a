from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class DirectoryAdminSite(admin.AdminSite):
    site_header = _("CAS Directory back office")
    site_title = _("CAS Directory back office")
    index_title = _("Listings and resources")
