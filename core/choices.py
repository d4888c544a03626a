"""Form fields choosing among a watched reference table without querying it.

The choices and the check of a submitted value both read
`page_cache.rows_until_change()`, so a search form costs no query for its
counties, types, populations and languages, however many of them are ticked;
`read_rows()` fetches a whole form's in one cache read.
"""

from django import forms
from django.core.exceptions import ValidationError

from core.page_cache import many_rows_until_change, rows_until_change


class _CachedIterator(forms.models.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.cached_rows():  # type: ignore[attr-defined]  # CachedChoicesMixin
            yield self.choice(obj)

    def __len__(self):
        rows = self.field.cached_rows()  # type: ignore[attr-defined]  # CachedChoicesMixin
        return len(rows) + (self.field.empty_label is not None)


class CachedChoicesMixin:
    """For a ModelChoiceField or ModelMultipleChoiceField over a watched table's `.all()`."""

    def cached_rows(self) -> list:
        # Once a form: its fields are copied for each form, so each request asks the cache once.
        if not hasattr(self, "_rows"):
            self._rows = rows_until_change(self.queryset)  # type: ignore[attr-defined]
        return self._rows

    def _key(self, obj) -> str:
        return str(getattr(obj, self.to_field_name or "pk"))  # type: ignore[attr-defined]

    def _lookup(self, value) -> object | None:
        wanted = str(value)
        return next((obj for obj in self.cached_rows() if self._key(obj) == wanted), None)


def read_rows(fields) -> None:
    """Give each of a form's cached-choice `fields` its rows, in one cache read for them all."""
    unread = [field for field in fields if isinstance(field, CachedChoicesMixin)]
    unread = [field for field in unread if not hasattr(field, "_rows")]
    querysets = [field.queryset for field in unread]  # type: ignore[attr-defined]  # CachedChoicesMixin
    for field, rows in zip(unread, many_rows_until_change(querysets), strict=True):
        field._rows = rows


class CachedModelChoiceField(CachedChoicesMixin, forms.ModelChoiceField):
    iterator = _CachedIterator

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found = self._lookup(value)
        if found is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found


class CachedModelMultipleChoiceField(CachedChoicesMixin, forms.ModelMultipleChoiceField):
    iterator = _CachedIterator

    def _check_values(self, value):
        """The chosen rows, as a list (filters take a list or a queryset alike)."""
        chosen = []
        for item in value:
            found = self._lookup(item)
            if found is None:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
            if found not in chosen:
                chosen.append(found)
        return chosen
