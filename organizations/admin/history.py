"""One history page for a whole listing: its services, locations, phones and hours.

Each model keeps its own history (django-simple-history); a curator looking
at an organization wants them together, newest first, each linking to the
version page where it can be reverted.
"""

from itertools import pairwise

from django.urls import reverse

from organizations.models import Location, Phone, Schedule, Service
from organizations.validators import format_phone

# Enough for a year of ordinary edits to one listing; older ones stay on each
# record's own history page.
SHOWN_PER_KIND = 100
# Bookkeeping that changes on every save and says nothing to a curator.
IGNORED_FIELDS = ["updated_at", "created_at"]


def _label(model, record) -> str:
    if model is Phone:
        return format_phone(record.number)
    if model is Schedule:
        return f"{record.get_weekday_display()} {record.opens_at:%H:%M}-{record.closes_at:%H:%M}"
    if model is Location:
        return record.name or record.city
    return record.name


def _changes(model, newer, older) -> list[dict]:
    delta = newer.diff_against(older, excluded_fields=IGNORED_FIELDS, foreign_keys_are_objs=False)
    return [
        {
            "field": model._meta.get_field(change.field).verbose_name,
            "old": change.old,
            "new": change.new,
        }
        for change in delta.changes
    ]


def related_changes(organization_pk) -> list[dict]:
    location_ids = Location.history.filter(organization_id=organization_pk).values("id").distinct()
    sources = [
        (Service, Service.history.filter(organization_id=organization_pk)),
        (Location, Location.history.filter(organization_id=organization_pk)),
        (Phone, Phone.history.filter(organization_id=organization_pk)),
        (Schedule, Schedule.history.filter(location_id__in=location_ids)),
    ]
    entries = []
    for model, history in sources:
        records = list(
            history.select_related("history_user").order_by("-history_date")[:SHOWN_PER_KIND]
        )
        by_object: dict[int, list] = {}
        for record in records:
            by_object.setdefault(record.id, []).append(record)
        for versions in by_object.values():
            diffs = {
                newer.history_id: _changes(model, newer, older)
                for newer, older in pairwise(versions)
            }
            for record in versions:
                entries.append(
                    {
                        "date": record.history_date,
                        "kind": model._meta.verbose_name,
                        "label": _label(model, record),
                        "action": record.get_history_type_display(),
                        "user": record.history_user,
                        "reason": record.history_change_reason,
                        "changes": diffs.get(record.history_id, []),
                        "url": reverse(
                            f"admin:organizations_{model._meta.model_name}_simple_history",
                            args=[record.id, record.history_id],
                        ),
                    }
                )
    entries.sort(key=lambda entry: entry["date"], reverse=True)
    return entries[:SHOWN_PER_KIND]
