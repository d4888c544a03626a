"""Keep each service's stored search text in step with the records it is made of."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from organizations import search_index
from organizations.models import Organization, Service, ServiceType


@receiver(post_save, sender=Service)
def service_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index.refresh(Service.objects.filter(pk=instance.pk))


@receiver(post_save, sender=Organization)
def organization_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index.refresh(Service.objects.filter(organization=instance))


@receiver(post_save, sender=ServiceType)
def service_type_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index.refresh(Service.objects.filter(service_types=instance))


@receiver(m2m_changed, sender=Service.service_types.through)
def service_types_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            search_index.refresh(Service.objects.filter(pk=instance.pk))
    elif action == "pre_clear":
        # After the clear nothing says which services had this type.
        instance._cleared_service_ids = list(instance.services.values_list("pk", flat=True))
    elif action == "post_clear":
        search_index.refresh(Service.objects.filter(pk__in=instance._cleared_service_ids))
    elif action in ("post_add", "post_remove"):
        search_index.refresh(Service.objects.filter(pk__in=pk_set))
