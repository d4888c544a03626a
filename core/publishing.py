"""The publication workflow shared by listings and resources."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The only records a public page, sitemap, API or export may show."""
        return self.filter(status=Status.PUBLISHED)
