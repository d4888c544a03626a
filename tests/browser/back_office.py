"""Signed-in back-office users for the browser tests: a user in one of the roles
`setup_roles` makes, and the sign-in form filled as a curator fills it."""

from io import StringIO

from django.contrib.auth.models import Group, User
from django.core.management import call_command

PASSWORD = "a long passphrase for tests"


def staff_with_role(username: str, role: str) -> User:
    call_command("setup_roles", stdout=StringIO())
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def sign_in(page, user) -> None:
    page.goto("/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
