"""Reference data both apps use: the vocabulary base class, counties and languages."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.translation import in_language


class TermQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class Term(models.Model):
    """A curated vocabulary entry with an English and a Spanish name."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_es = models.CharField(_("Spanish name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_es = models.TextField(_("Spanish description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_es)

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_es)


class LanguageManager(models.Manager["Language"]):
    def get_by_natural_key(self, code: str) -> "Language":
        return self.get(code=code)


class Language(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("BCP 47 code"))
    name = models.CharField(_("name"), max_length=60, unique=True)
    name_es = models.CharField(_("Spanish name"), max_length=60)
    native_name = models.CharField(_("native name"), max_length=60, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = LanguageManager()

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_es)


class CountyManager(models.Manager["County"]):
    def get_by_natural_key(self, fips: str) -> "County":
        return self.get(fips=fips)


class County(models.Model):
    """One of California's 58 counties."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    fips = models.CharField(
        _("FIPS code"), max_length=5, unique=True, help_text=_("Five digits, 06001 to 06115")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)

    objects = CountyManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.fips,)

    @property
    def display_name(self) -> str:
        return _("%(name)s County") % {"name": self.name}
