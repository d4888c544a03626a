"""The back office's HSDS import: upload, preview what would be created,
changed and refused, then confirm in one step.

The preview is a dry run of the very import the confirmation runs (same
file, same options), so what it shows is what happens. The upload waits in
a private temporary folder named by a random token kept in the curator's
session; confirming imports it and removes it.
"""

import secrets
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import cast

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from core.admin_site import DirectoryAdminSite
from core.admin_workflow import publish_permission
from organizations.hsds.imports.read import MAX_BYTES, UnreadableFile, read_records
from organizations.hsds.imports.write import Importer
from organizations.models import Organization

SESSION_KEY = "hsds-import"
UPLOADS = Path(tempfile.gettempdir()) / "cas-hsds-imports"


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("HSDS file"),
        help_text=_(
            "A JSON array of HSDS 3.0 records, ndjson, one record, or a zip file of the "
            "tabular CSV files."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish new listings at once"), required=False, initial=False
    )
    skip_invalid = forms.BooleanField(
        label=_("Import the valid records even if some are invalid"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return upload


def _save(upload) -> tuple[str, Path]:
    token = secrets.token_hex(16)
    folder = UPLOADS / token
    folder.mkdir(parents=True, mode=0o700)
    name = Path(upload.name).name or "upload.json"
    target = folder / name
    with target.open("wb") as stream:
        for chunk in upload.chunks():
            stream.write(chunk)
    if zipfile.is_zipfile(target):
        tables = folder / "tables"
        with zipfile.ZipFile(target) as archive:
            for member in archive.infolist():
                member_name = Path(member.filename).name
                if member_name.endswith(".csv") and not member.is_dir():
                    (tables / member_name).parent.mkdir(exist_ok=True)
                    (tables / member_name).write_bytes(archive.read(member))
        target = tables
    return token, target


def _stored(request) -> tuple[Path, dict] | None:
    pending = request.session.get(SESSION_KEY)
    if not pending or pending.get("token") != request.POST.get("token"):
        return None
    path = Path(pending["path"])
    if not path.exists() or UPLOADS not in path.parents:
        return None
    return path, pending


def _forget(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        shutil.rmtree(UPLOADS / pending["token"], ignore_errors=True)


def _run(path: Path, options: dict, *, dry_run: bool):
    importer = Importer(
        publish=options["publish"],
        skip_invalid=options["skip_invalid"],
        dry_run=dry_run,
        source=path.name,
    )
    return importer.run(read_records(path))


def hsds_import(request):
    if not request.user.has_perm("organizations.add_organization"):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": _("Import HSDS records")}
    if request.method == "POST" and "confirm" in request.POST:
        stored = _stored(request)
        if stored is None:
            messages.error(request, _("That preview has expired: upload the file again."))
            return redirect("admin:hsds_import")
        path, options = stored
        try:
            report = _run(path, options, dry_run=False)
        except UnreadableFile as error:
            messages.error(request, str(error))
            return redirect("admin:hsds_import")
        finally:
            _forget(request)
        level = messages.SUCCESS if report.written else messages.ERROR
        messages.add_message(request, level, report.summary())
        return redirect("admin:organizations_organization_changelist")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        options = {
            "publish": form.cleaned_data["publish"],
            "skip_invalid": form.cleaned_data["skip_invalid"],
        }
        if options["publish"] and not request.user.has_perm(publish_permission(Organization)):
            form.add_error("publish", _("You may not publish listings."))
        else:
            _forget(request)
            token, path = _save(form.cleaned_data["file"])
            request.session[SESSION_KEY] = {"token": token, "path": str(path), **options}
            try:
                report = _run(path, options, dry_run=True)
            except UnreadableFile as error:
                _forget(request)
                form.add_error("file", str(error))
            else:
                context.update(
                    report=report, token=token, can_confirm=report.ok or options["skip_invalid"]
                )
                return render(request, "admin/organizations/hsds/preview.html", context)
    context["form"] = form
    return render(request, "admin/organizations/hsds/import.html", context)


cast(DirectoryAdminSite, admin.site).add_view("hsds/import/", hsds_import, "hsds_import")
