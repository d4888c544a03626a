"""Reference vocabularies, loaded from fixtures/ and rarely edited."""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cas_directory.translation import in_language


class Term(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_es = models.CharField(_("Spanish name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_es = models.TextField(_("Spanish description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_es)


class ServiceType(Term):
    class Meta(Term.Meta):
        verbose_name = _("service type")
        verbose_name_plural = _("service types")


class Population(Term):
    class Meta(Term.Meta):
        verbose_name = _("population")
        verbose_name_plural = _("populations")


class Language(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("BCP 47 code"))
    name = models.CharField(_("name"), max_length=60, unique=True)
    name_es = models.CharField(_("Spanish name"), max_length=60)
    native_name = models.CharField(_("native name"), max_length=60, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return in_language(self.name, self.name_es)


class County(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    fips = models.CharField(
        _("FIPS code"), max_length=5, unique=True, help_text=_("Five digits, 06001 to 06115")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)

    class Meta:
        ordering = ["name"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:county", kwargs={"slug": self.slug})

    @property
    def display_name(self) -> str:
        return _("%(name)s County") % {"name": self.name}
