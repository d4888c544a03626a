"""{% until_change %}: a part of a template rendered once per language and change."""

import pytest
from django.apps import apps
from django.db.models.signals import post_migrate
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from core import page_cache
from core.apps import _on_migrate

pytestmark = pytest.mark.django_db

FRAGMENT = Template(
    '{% load site_tags %}[{% until_change "test" %}{{ value }}{% enduntil_change %}]{{ value }}'
)


def render(value: str) -> str:
    return FRAGMENT.render(Context({"value": value}))


def test_the_part_is_kept_until_the_next_change_and_the_rest_is_not():
    assert render("<one>") == "[&lt;one&gt;]&lt;one&gt;"
    assert render("two") == "[&lt;one&gt;]two"
    page_cache.bump_version()
    assert render("three") == "[three]three"


def test_each_language_has_its_own_copy():
    assert render("english") == "[english]english"
    with translation.override("es"):
        assert render("spanish") == "[spanish]spanish"
        assert render("other") == "[spanish]other"
    assert render("other") == "[english]other"


def migrated() -> None:
    core = apps.get_app_config("core")
    post_migrate.send(
        sender=core,
        app_config=core,
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )


def test_a_release_migrate_empties_the_kept_parts():
    render("before")
    migrated()
    assert render("after") == "[after]after"


def test_a_migrate_without_the_cache_table_still_ends(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        }
    }
    _on_migrate()


@pytest.mark.parametrize("arguments", ["", "test", '"a" "b"', "'a\""])
def test_the_tag_takes_one_quoted_name(arguments):
    with pytest.raises(TemplateSyntaxError):
        Template(f"{{% load site_tags %}}{{% until_change {arguments} %}}{{% enduntil_change %}}")
