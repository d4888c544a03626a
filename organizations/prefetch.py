"""Filling what `prefetch_related()` would, with fewer queries.

A result card or an organization page shows each service's types,
populations, languages and counties: four reference tables of a few dozen
rows that change a few times a year. Their rows come from the page cache
(`many_rows_until_change()`: one cache read for the four), and the links of
every service shown from one UNION ALL over the four link tables: one query
where prefetching takes four.
"""

from collections.abc import Iterable, Sequence
from typing import cast

from django.db import models
from django.db.models import Value

from core.page_cache import many_rows_until_change


def as_prefetched(instance: models.Model, name: str, rows: list) -> None:
    """Keep `rows` as `prefetch_related(name)` would, so that `instance.<name>.all()` reads them."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def attach_terms(services: Sequence[models.Model], names: Iterable[str]) -> None:
    """Fill the many-to-many reference fields `names` of `services` (one model's rows)."""
    if not services:
        return
    model = type(services[0])
    ids = [service.pk for service in services]
    fields = [model._meta.get_field(name) for name in names]
    links = []
    for position, field in enumerate(fields):
        through = field.remote_field.through  # type: ignore[union-attr]
        own, target = field.m2m_field_name(), field.m2m_reverse_field_name()  # type: ignore[union-attr]
        links.append(
            through.objects.filter(**{f"{own}__in": ids})
            .annotate(field=Value(position))
            .values_list("field", f"{own}_id", f"{target}_id")
            .order_by()
        )
    found: dict[tuple[int, object], list[int]] = {}
    for position, service_id, term_id in links[0].union(*links[1:], all=True):
        found.setdefault((position, service_id), []).append(term_id)
    every_terms = many_rows_until_change(
        [cast(type[models.Model], field.related_model)._default_manager.all() for field in fields]
    )
    for position, (field, terms) in enumerate(zip(fields, every_terms, strict=True)):
        order = {term.pk: index for index, term in enumerate(terms)}
        by_pk = {term.pk: term for term in terms}
        for service in services:
            chosen = sorted(found.get((position, service.pk), []), key=order.__getitem__)
            as_prefetched(service, field.name, [by_pk[pk] for pk in chosen])
