"""The rows of tests/data/main-001d01d.json that sample data does not make.

Run at commit 001d01d after setup_roles, as tests/test_migration_keeps_data.py
says: manage.py shell < tests/data/main-001d01d-extras.py. Edits go through
save() so that simple_history records them; the deleted phone leaves a "-"
history row whose object is gone.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.utils import timezone

from organizations.models import County, Language, Organization, Phone, Suggestion
from resources.models import Audience, Category, Resource

curator = User.objects.create_user("curator", "curator@example.org", is_staff=True)
curator.groups.add(Group.objects.get(name="Curator"))
curator.user_permissions.add(Permission.objects.get(codename="add_language"))
editor = User.objects.create_user("editor", "editor@example.org", is_staff=True)
editor.groups.add(Group.objects.get(name="Editor-in-chief"))
org = Organization.objects.order_by("pk").first()
org.description += " Walk-ins welcome."
org.verified_by, org.last_verified_on = curator, timezone.localdate()
org._history_user = curator
org.save()
location = org.locations.order_by("pk").first()
location.county, location.accessibility = County.objects.get(slug="alameda"), "Step-free entrance."
location._history_user = curator
location.save()
Suggestion.objects.create(organization=org, message="The hotline number changed.", ip_hash="0" * 64)
Suggestion.objects.create(
    organization=org,
    message="Closed on Fridays now.",
    status="accepted",
    reviewed_by=curator,
    reviewed_at=timezone.now(),
    curator_notes="Called them.",
)
resource = Resource(
    title="Local outreach toolkit",
    slug="local-outreach-toolkit",
    summary="Flyers.",
    body="Print these.",
    category=Category.objects.get(slug="awareness-materials"),
    status="published",
)
resource._history_user = editor
resource.save()
resource.counties.set(County.objects.filter(slug__in=["alameda", "fresno"]))
resource.languages.set(Language.objects.filter(code__in=["es", "vi"]))
resource.audiences.set(Audience.objects.filter(slug="survivors"))
resource.organizations.add(org)
LogEntry.objects.log_actions(editor.pk, County.objects.filter(slug="alameda"), CHANGE, "Checked.")
LogEntry.objects.log_actions(curator.pk, [org], CHANGE, [{"changed": {"fields": ["Description"]}}])
service = org.services.order_by("pk").first()
service.fees, service._history_user = "None.", curator
service.save()
schedule = location.schedules.order_by("pk").first()
schedule.note, schedule._history_user = "Closed on holidays.", curator
schedule.save()
phone = org.phones.order_by("pk").last()
phone._history_user = curator
phone.delete()
Phone.objects.order_by("pk").first().languages.add(Language.objects.get(code="es"))
