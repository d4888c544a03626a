"""The directory's own vocabularies, loaded from fixtures/ and rarely edited."""

from django.utils.translation import gettext_lazy as _

from core.models import Term


class ServiceType(Term):
    class Meta(Term.Meta):
        verbose_name = _("service type")
        verbose_name_plural = _("service types")


class Population(Term):
    class Meta(Term.Meta):
        verbose_name = _("population")
        verbose_name_plural = _("populations")
