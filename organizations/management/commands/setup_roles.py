"""Create or update the back office's two groups. Safe to run again at any time.

Curator: keeps listings and resources accurate. Edits organizations and
everything on their pages (removing an outdated phone, service, location or
opening hours is part of editing, and history keeps what was removed), works
through suggested corrections, imports and exports spreadsheets. Cannot publish,
archive or delete an organization or a resource, and cannot manage users.

Editor-in-chief: everything a curator does, plus publishing, archiving and
deleting organizations and resources, deleting suggestions and editing the
vocabularies (service types, populations, languages, audiences, categories).
Counties are fixed reference data for everyone. Nobody here manages users:
that stays with superusers.
"""

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

CURATOR = "Curator"
EDITOR_IN_CHIEF = "Editor-in-chief"

# (app label, model, actions). An action is view/add/change/delete or publish.
CURATOR_PERMISSIONS = [
    ("organizations", "organization", ["view", "add", "change"]),
    ("organizations", "service", ["view", "add", "change", "delete"]),
    ("organizations", "location", ["view", "add", "change", "delete"]),
    ("organizations", "phone", ["view", "add", "change", "delete"]),
    ("organizations", "schedule", ["view", "add", "change", "delete"]),
    ("organizations", "suggestion", ["view", "change"]),
    ("organizations", "proposal", ["view", "change"]),
    ("organizations", "verificationrequest", ["view"]),
    # HSDS imports: curators map partners' terms and sort out possible duplicates.
    ("organizations", "taxonomymapping", ["view", "add", "change", "delete"]),
    ("organizations", "possibleduplicate", ["view", "change"]),
    ("core", "county", ["view"]),
    ("organizations", "servicetype", ["view"]),
    ("organizations", "population", ["view"]),
    ("core", "language", ["view"]),
    ("resources", "resource", ["view", "add", "change"]),
    ("resources", "category", ["view"]),
    ("resources", "audience", ["view"]),
]
EDITOR_PERMISSIONS = [
    *CURATOR_PERMISSIONS,
    ("organizations", "organization", ["publish", "delete"]),
    ("organizations", "suggestion", ["delete"]),
    ("organizations", "servicetype", ["add", "change"]),
    ("organizations", "population", ["add", "change"]),
    ("core", "language", ["add", "change"]),
    ("resources", "resource", ["publish", "delete"]),
    ("resources", "category", ["change"]),
    ("resources", "audience", ["add", "change"]),
]
ROLES = {CURATOR: CURATOR_PERMISSIONS, EDITOR_IN_CHIEF: EDITOR_PERMISSIONS}


def permissions_for(spec) -> list[Permission]:
    wanted = {
        (app_label, f"{action}_{model}") for app_label, model, actions in spec for action in actions
    }
    found = {
        (permission.content_type.app_label, permission.codename): permission
        for permission in Permission.objects.select_related("content_type").filter(
            codename__in={codename for _, codename in wanted}
        )
    }
    missing = sorted(f"{app}.{codename}" for app, codename in wanted - found.keys())
    if missing:
        raise CommandError(
            "These permissions do not exist yet; run `manage.py migrate` first: "
            + ", ".join(missing)
        )
    return [found[key] for key in sorted(wanted)]


class Command(BaseCommand):
    help = "Create or update the Curator and Editor-in-chief groups and their permissions."

    @transaction.atomic
    def handle(self, *args, **options):
        for name, spec in ROLES.items():
            group, created = Group.objects.get_or_create(name=name)
            # set(), not add(): a permission dropped from the spec is taken away.
            group.permissions.set(permissions_for(spec))
            self.stdout.write(
                f"{'Created' if created else 'Updated'} {name}: "
                f"{group.permissions.count()} permissions."
            )
