"""Users with the back office's roles, and a helper to resubmit admin change forms."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    # A request to /es/ leaves Spanish active in the test thread, and reverse()
    # in the next test would then build /es/ URLs.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def roles(db):
    call_command("setup_roles", stdout=StringIO())


def _staff(username: str, group: str | None) -> User:
    user = User.objects.create_user(username, f"{username}@example.org", "a long passphrase 1")
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def curator(roles):
    return _staff("carmen", "Curator")


@pytest.fixture
def editor(roles):
    return _staff("eddie", "Editor-in-chief")


@pytest.fixture
def curator_client(client, curator):
    # force_login: django-axes needs the request that the admin's login form passes.
    client.force_login(curator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def change_form_data(response) -> dict:
    """The POST data a browser would send back for an unchanged admin change page."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    # History's revert page has the form alone, without inlines.
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
