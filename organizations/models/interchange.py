"""What HSDS imports need curators for: term mappings and possible duplicates."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaxonomyMapping(models.Model):
    """A partner's taxonomy term and the directory term a curator says it means.

    Imports match a term by its taxonomy and code, else by its name; a term
    that matches no row here and none of ours is reported, never created.
    """

    taxonomy = models.CharField(_("partner taxonomy"), max_length=200, blank=True)
    code = models.CharField(_("partner term code"), max_length=200, blank=True)
    name = models.CharField(_("partner term name"), max_length=200, blank=True)
    service_type = models.ForeignKey(
        "organizations.ServiceType",
        verbose_name=_("service type"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    population = models.ForeignKey(
        "organizations.Population",
        verbose_name=_("population"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("taxonomy mapping")
        verbose_name_plural = _("taxonomy mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["taxonomy", "code", "name"], name="taxonomy_mapping_once"
            ),
            models.CheckConstraint(
                condition=models.Q(service_type__isnull=False) | models.Q(population__isnull=False),
                name="taxonomy_mapping_has_a_term",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.taxonomy} {self.code or self.name}".strip()

    @property
    def term(self):
        return self.service_type or self.population


class PossibleDuplicateQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=PossibleDuplicate.Status.PENDING)


class PossibleDuplicate(models.Model):
    """An imported record held back because it looks like a listing we have."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a curator")
        MERGED = "merged", _("Merged into the existing listing")
        KEPT_BOTH = "kept_both", _("Kept as a separate listing")

    existing = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("possible duplicate of"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    name = models.CharField(_("imported name"), max_length=200)
    reason = models.CharField(_("why"), max_length=200)
    record = models.JSONField(_("HSDS record"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = PossibleDuplicateQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")

    def __str__(self) -> str:
        return f"{self.name} ~ {self.existing}"
