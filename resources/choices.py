"""The library's fixed vocabularies, in code because URLs and filters depend on them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CategorySlug(models.TextChoices):
    """Exactly the six kinds of material California Against Slavery directs people to."""

    AWARENESS_MATERIALS = "awareness-materials", _("Awareness Materials")
    TRAININGS = "trainings", _("Trainings")
    LEGISLATION = "legislation", _("Legislation")
    PREVENTION_EDUCATION = "prevention-education", _("Prevention Education")
    RESEARCH = "research", _("Research")
    LEGISLATIVE_MODELS = "legislative-models", _("Legislative Models")


class TraffickingType(models.TextChoices):
    SEX = "sex", _("Sex trafficking")
    LABOR = "labor", _("Labor trafficking")
    BOTH = "both", _("Sex and labor trafficking")
