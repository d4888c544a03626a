import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.publishing import Status
from organizations.hours import DaySpan, day_span
from organizations.validators import format_phone, tel_uri, validate_phone_number

if TYPE_CHECKING:
    from simple_history.manager import HistoryManager

# California's bounding box, with a little margin for offshore islands.
CA_LATITUDE = (Decimal("32.4"), Decimal("42.1"))
CA_LONGITUDE = (Decimal("-124.6"), Decimal("-114.0"))


class LocationQuerySet(models.QuerySet):
    def published(self):
        """Locations of published organizations, confidential ones included."""
        return self.filter(organization__status=Status.PUBLISHED)

    def public(self):
        """Locations whose address may be shown: not shelters or safe houses."""
        return self.filter(is_confidential=False)

    def with_coordinates(self):
        return self.filter(latitude__isnull=False)

    def in_counties(self, counties):
        """Locations in any of `counties` (a list or queryset of them)."""
        return self.filter(county__in=counties)

    def within(self, latitude: float, longitude: float, miles: float):
        """Public locations within `miles` of a point. Confidential ones never
        match, so no distance search can close in on a shelter."""
        from organizations.geo import miles_from

        return (
            self.public()
            .with_coordinates()
            .annotate(miles=miles_from(latitude, longitude))
            .filter(miles__lte=miles)
        )


class Location(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="locations",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    address_1 = models.CharField(_("street address"), max_length=200, blank=True)
    address_2 = models.CharField(_("address line 2"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    zip_code = models.CharField(
        _("ZIP code"),
        max_length=10,
        validators=[RegexValidator(r"^9\d{4}(-\d{4})?$", _("Enter a California ZIP code."))],
    )
    county = models.ForeignKey(
        "core.County",
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        related_name="locations",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(CA_LATITUDE[0]), MaxValueValidator(CA_LATITUDE[1])],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(CA_LONGITUDE[0]), MaxValueValidator(CA_LONGITUDE[1])],
    )
    is_confidential = models.BooleanField(
        _("confidential location"),
        default=False,
        help_text=_(
            "Shelters and safe houses: the street address and coordinates never leave the "
            "database; the public sees the city and 'call for location'."
        ),
    )
    accessibility = models.TextField(_("accessibility"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Registered in organizations/translation.py, after the translated fields exist.
    # What a location's own record sets, for the spreadsheet and HSDS imports alike.
    WRITABLE_FIELDS = (
        "name",
        "address_1",
        "address_2",
        "city",
        "zip_code",
        "county",
        "latitude",
        "longitude",
        "is_confidential",
        "accessibility",
    )

    history: "HistoryManager"
    objects = LocationQuerySet.as_manager()

    # Filled by Prefetch(to_attr=...), only on locations the HSDS API's queries load.
    own_phones: list["Phone"]

    class Meta:
        ordering = ["organization", "name", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        indexes = [
            # The nearest public location of each result, for distance order.
            models.Index(
                fields=["organization", "latitude", "longitude"],
                condition=models.Q(is_confidential=False, latitude__isnull=False),
                name="location_public_coordinates",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(latitude__isnull=True) & models.Q(longitude__isnull=True))
                | (models.Q(latitude__isnull=False) & models.Q(longitude__isnull=False)),
                name="location_lat_lng_together",
            )
        ]

    def __str__(self) -> str:
        return self.name or f"{self.city} ({self.organization_id})"

    @property
    def public_street(self) -> str:
        """The street address, or nothing for a confidential location."""
        if self.is_confidential:
            return ""
        return ", ".join(part for part in (self.address_1, self.address_2) if part)

    @property
    def public_coordinates(self) -> tuple[float, float] | None:
        if self.is_confidential or self.latitude is None or self.longitude is None:
            return None
        return float(self.latitude), float(self.longitude)


class PhoneQuerySet(models.QuerySet):
    def organization_level(self):
        """Numbers for the organization as a whole: of no service and no location
        (`Phone.is_organization_level` on one row)."""
        return self.filter(service__isnull=True, location__isnull=True)

    def outside_services(self):
        """Numbers of the organization or of a location, not of one service."""
        return self.filter(service__isnull=True)


class Phone(models.Model):
    class Kind(models.TextChoices):
        VOICE = "voice", _("Phone")
        HOTLINE = "hotline", _("Hotline")
        TEXT = "text", _("Text")
        TTY = "tty", _("TTY")
        FAX = "fax", _("Fax")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="phones",
    )
    service = models.ForeignKey(
        "organizations.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="phones",
        null=True,
        blank=True,
    )
    location = models.ForeignKey(
        "organizations.Location",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="phones",
        null=True,
        blank=True,
    )
    number = models.CharField(_("number"), max_length=30)
    extension = models.CharField(_("extension"), max_length=10, blank=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.VOICE)
    description = models.CharField(_("description"), max_length=200, blank=True)
    languages = models.ManyToManyField(
        "core.Language", verbose_name=_("languages"), related_name="+", blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    # Registered in organizations/translation.py, after the translated fields exist.
    history: "HistoryManager"
    objects = PhoneQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("phone")
        verbose_name_plural = _("phones")

    def __str__(self) -> str:
        return self.display_number

    def clean(self) -> None:
        # Checked here rather than as a field validator, so that migrations
        # never import this module's code.
        try:
            validate_phone_number(self.number)
        except ValidationError as error:
            raise ValidationError({"number": error}) from None

    @property
    def is_organization_level(self) -> bool:
        """The row's side of `PhoneQuerySet.organization_level()`."""
        return self.service_id is None and self.location_id is None

    @property
    def display_number(self) -> str:
        return format_phone(self.number)

    @property
    def uri(self) -> str:
        """A tel: or sms: link, by the kind of line."""
        scheme = "sms" if self.kind == self.Kind.TEXT else "tel"
        return f"{scheme}:{tel_uri(self.number)}"


class Schedule(models.Model):
    """Opening hours for one weekday.

    A closing time at or before the opening time runs past midnight into the
    next day; equal times mean open around the clock that day.
    """

    class Weekday(models.IntegerChoices):
        MONDAY = 1, _("Monday")
        TUESDAY = 2, _("Tuesday")
        WEDNESDAY = 3, _("Wednesday")
        THURSDAY = 4, _("Thursday")
        FRIDAY = 5, _("Friday")
        SATURDAY = 6, _("Saturday")
        SUNDAY = 7, _("Sunday")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        "organizations.Location",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"))
    closes_at = models.TimeField(_("closes at"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    # Registered in organizations/translation.py, after the translated fields exist.
    history: "HistoryManager"

    class Meta:
        ordering = ["weekday", "opens_at"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"

    @property
    def is_all_day(self) -> bool:
        return day_span(self.opens_at, self.closes_at) is DaySpan.ALL_DAY

    @property
    def runs_past_midnight(self) -> bool:
        return day_span(self.opens_at, self.closes_at) is DaySpan.PAST_MIDNIGHT
