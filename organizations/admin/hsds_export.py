"""The back office's HSDS download: what export_hsds writes, as a file."""

import io
import tempfile
import zipfile
from pathlib import Path
from typing import cast

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.admin_site import DirectoryAdminSite
from organizations.hsds import export, tabular

CONTENT_TYPES = {"json": "application/json", "ndjson": "application/x-ndjson"}


def _stream(format: str):
    writer = export.write_ndjson if format == "ndjson" else export.write_json
    buffer = io.StringIO()
    # A few MB per thousand services: built in memory, sent as it is made.
    writer(buffer, export.service_records())
    yield buffer.getvalue().encode()


def hsds_download(request):
    if not request.user.has_perm("organizations.view_organization"):
        raise PermissionDenied
    format = request.GET.get("format", "")
    if format in CONTENT_TYPES:
        stream = StreamingHttpResponse(_stream(format), content_type=CONTENT_TYPES[format])
        stream["Content-Disposition"] = f'attachment; filename="cas-directory-hsds.{format}"'
        return stream
    if format == "csv":
        with tempfile.TemporaryDirectory() as folder:
            tabular.write_tables(Path(folder), export.service_records())
            archive = io.BytesIO()
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
                for path in sorted(Path(folder).iterdir()):
                    zipped.write(path, path.name)
        response = HttpResponse(archive.getvalue(), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="cas-directory-hsds-csv.zip"'
        return response
    context = {**admin.site.each_context(request), "title": _("Download the directory as HSDS")}
    return render(request, "admin/organizations/hsds/download.html", context)


cast(DirectoryAdminSite, admin.site).add_view("hsds/download/", hsds_download, "hsds_download")
