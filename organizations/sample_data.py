"""Fictional organizations for demonstrations, development and benchmarks.

Every record made here is marked `is_sample`, labelled "Sample listing" on
the site, and uses the fictional 555-01xx telephone range. Generation is
seeded, so the same arguments always give the same directory.
"""

import random
from datetime import date, time, timedelta
from typing import NamedTuple

from django.db import transaction
from django.utils.text import slugify

from core import page_cache
from core.bulk import analyze
from core.models import County, Language
from core.publishing import Status
from organizations import search_index
from organizations.models import (
    Location,
    Organization,
    Phone,
    Population,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceType,
)
from organizations.sample_copy import (
    lift_statement_timeout,
    remove_samples,
    write_instances,
    write_rows,
)
from organizations.zip_codes import zip_codes_in_county

FIRST_WORDS = [
    "Lantern",
    "Poppy",
    "Juniper",
    "Harborlight",
    "Tule",
    "Manzanita",
    "Condor",
    "Quail",
    "Sagebrush",
    "Driftwood",
    "Granite",
    "Willow",
    "Larkspur",
    "Cypress",
    "Sequoia",
    "Yucca",
    "Bluebird",
    "Foxglove",
    "Kestrel",
    "Lupine",
    "Meadowlark",
    "Tidepool",
    "Buckeye",
    "Sunflower",
]
SECOND_WORDS = [
    "& Oak",
    "Bridge",
    "Crossing",
    "Compass",
    "Harbor",
    "Path",
    "Commons",
    "Circle",
    "Gate",
    "House",
    "Light",
    "Grove",
    "Trail",
    "Haven",
    "Way",
    "Table",
]
KINDS = [
    "Survivor Services",
    "Legal Collective",
    "Family Center",
    "Youth Network",
    "Health Clinic",
    "Housing Alliance",
    "Workers' Center",
    "Advocacy Project",
    "Community Partners",
    "Recovery Center",
    "Anti-Trafficking Coalition",
    "Immigrant Rights Project",
]
STREETS = [
    "Alder",
    "Birch",
    "Canyon",
    "Delta",
    "Elm",
    "Fairview",
    "Garnet",
    "Hillcrest",
    "Iris",
    "Jasper",
    "Kern",
    "Laurel",
    "Mission",
    "Nopal",
    "Orchard",
    "Palisade",
    "Quarry",
    "Ridge",
]
STREET_KINDS = ["St", "Ave", "Blvd", "Way", "Rd", "Ct"]
AREA_CODES = [
    "209",
    "213",
    "310",
    "408",
    "415",
    "510",
    "530",
    "559",
    "619",
    "661",
    "707",
    "714",
    "760",
    "805",
    "818",
    "831",
    "909",
    "916",
    "925",
    "951",
]
# Service type slug -> (service name, offered 24/7, usually remote, confidential site)
SERVICE_SHAPES = {
    "case-management": ("Survivor case management", False, False, False),
    "24-7-crisis-hotline": ("24-hour crisis line", True, True, False),
    "emergency-shelter": ("Emergency shelter", True, False, True),
    "transitional-and-long-term-housing": ("Transitional housing program", False, False, True),
    "legal-services": ("Legal advocacy", False, True, False),
    "immigration-legal-services-t-u-visas": ("T and U visa legal help", False, True, False),
    "medical-care": ("Medical clinic", False, False, False),
    "mental-health": ("Trauma counseling", False, False, False),
    "substance-use-treatment": ("Recovery support", False, False, False),
    "interpretation-and-translation": ("Interpretation line", False, True, False),
    "transportation": ("Rides to appointments", False, False, False),
    "basic-needs": ("Food, clothing and phones", False, False, False),
    "employment-and-education": ("Job training", False, False, False),
    "life-skills": ("Life skills classes", False, False, False),
    "victim-compensation": ("Victim compensation help", False, True, False),
    "family-reunification": ("Family reunification help", False, True, False),
    "law-enforcement": ("Human trafficking investigations unit", False, False, False),
    "task-forces-and-coalitions": ("Regional anti-trafficking task force", False, False, False),
    "training-for-professionals": ("Training for service providers", False, True, False),
}
# Service name -> its Spanish name.
SPANISH_NAMES = {
    "Survivor case management": "Gestión de casos para sobrevivientes",
    "24-hour crisis line": "Línea de crisis de 24 horas",
    "Emergency shelter": "Refugio de emergencia",
    "Transitional housing program": "Programa de vivienda de transición",
    "Legal advocacy": "Defensa legal",
    "T and U visa legal help": "Ayuda legal con visas T y U",
    "Medical clinic": "Clínica médica",
    "Trauma counseling": "Consejería sobre trauma",
    "Recovery support": "Apoyo para la recuperación",
    "Interpretation line": "Línea de interpretación",
    "Rides to appointments": "Transporte a citas",
    "Food, clothing and phones": "Comida, ropa y teléfonos",
    "Job training": "Capacitación laboral",
    "Life skills classes": "Clases de habilidades para la vida",
    "Victim compensation help": "Ayuda con la compensación a víctimas",
    "Family reunification help": "Ayuda para reunificar a la familia",
    "Human trafficking investigations unit": "Unidad de investigación de la trata de personas",
    "Regional anti-trafficking task force": "Grupo de trabajo regional contra la trata",
    "Training for service providers": "Capacitación para proveedores de servicios",
}
# Population slug -> what the eligibility says, in English and Spanish. A
# service's eligibility names the groups it serves, so the two never disagree.
ELIGIBILITY = {
    "adults": ("adults 18 and over", "personas adultas de 18 años o más"),
    "minors": ("minors under 18", "menores de 18 años"),
    "transition-age-youth": ("young people aged 16 to 24", "jóvenes de 16 a 24 años"),
    "women": ("women", "mujeres"),
    "men": ("men", "hombres"),
    "transgender-and-non-binary-people": (
        "transgender and non-binary people",
        "personas transgénero y no binarias",
    ),
    "lgbtq-plus": ("LGBTQ+ people", "personas LGBTQ+"),
    "foreign-nationals": ("foreign nationals", "personas extranjeras"),
    "u-s-citizens-and-residents": (
        "U.S. citizens and residents",
        "ciudadanos y residentes de EE. UU.",
    ),
    "sex-trafficking-survivors": (
        "survivors of sex trafficking",
        "sobrevivientes de la trata sexual",
    ),
    "labor-trafficking-survivors": (
        "survivors of labor trafficking",
        "sobrevivientes de la trata laboral",
    ),
    "families": ("families", "familias"),
    "people-with-disabilities": ("people with disabilities", "personas con discapacidad"),
}
HOW_TO_GET_HELP = [
    ("Call or text any time.", "Llame o envíe un mensaje de texto a cualquier hora."),
    ("Call to make an appointment.", "Llame para hacer una cita."),
    (
        "Walk in during open hours or call first.",
        "Venga durante el horario de atención o llame antes.",
    ),
    ("Ask any advocate for a referral.", "Pida una remisión a cualquier intercesor."),
]
ACCESSIBILITY = [
    ("", ""),
    (
        "Step-free entrance and accessible restroom.",
        "Entrada sin escalones y baño accesible.",
    ),
    (
        "Ground floor; ASL interpreters on request.",
        "Planta baja; intérpretes de lengua de señas a pedido.",
    ),
]
DEFAULT_COUNT = 48
SCHEDULE_COLUMNS = ("location_id", "weekday", "opens_at", "closes_at", "note_en", "note_es", "note")
LATE_DROP_IN = ("Late drop-in", "Horario nocturno sin cita")


def in_both(field: str, english: str, spanish: str) -> dict[str, str]:
    """A translated field's English and Spanish columns (organizations/translation.py)."""
    return {f"{field}_en": english, f"{field}_es": spanish}


def eligibility_for(populations: list[Population]) -> tuple[str, str]:
    english = [ELIGIBILITY[p.slug][0] for p in populations if p.slug in ELIGIBILITY]
    spanish = [ELIGIBILITY[p.slug][1] for p in populations if p.slug in ELIGIBILITY]
    if not english:
        return "", ""
    return sentence(f"Open to {', '.join(english)}"), sentence(f"Para {', '.join(spanish)}")


def sentence(text: str) -> str:
    """Ended with one full stop, also after an abbreviation ("EE. UU.")."""
    return text if text.endswith(".") else f"{text}."


def sample_phone(rng: random.Random) -> str:
    return f"{rng.choice(AREA_CODES)}-555-01{rng.randrange(100):02d}"


class _PlannedService(NamedTuple):
    """An unsaved service with what linking it needs, kept beside it rather than on it."""

    service: Service
    type_slug: str
    home: County
    populations: list[Population]


class SampleDirectory:
    """Builds `count` fictional organizations with bulk inserts."""

    def __init__(self, count: int = DEFAULT_COUNT, seed: int = 2012, today: date | None = None):
        self.count = count
        self.rng = random.Random(seed)
        self.today = today or date.today()
        self.counties = list(County.objects.order_by("pk"))
        self.types = {t.slug: t for t in ServiceType.objects.all()}
        self.populations = list(Population.objects.all())
        self.languages = {lang.code: lang for lang in Language.objects.all()}
        if not (self.counties and self.types and self.populations and self.languages):
            raise RuntimeError("Load the reference data first: manage.py load_reference_data.")
        self.zips = {c.pk: zip_codes_in_county(c.name) for c in self.counties}

    @transaction.atomic
    def build(self) -> int:
        lift_statement_timeout()
        remove_samples()
        with_homes = [self._organization(i) for i in range(self.count)]
        organizations = [organization for organization, _home in with_homes]
        write_instances(organizations)
        planned: list[_PlannedService] = []
        service_links = []
        locations, location_links = [], []
        phones, schedules = [], []
        for organization, home in with_homes:
            planned.extend(self._services(organization, home))
            for location in self._locations(organization, home):
                locations.append(location)
            phones.append(
                Phone(
                    organization=organization, number=sample_phone(self.rng), kind=Phone.Kind.VOICE
                )
            )
        services = [plan.service for plan in planned]
        write_instances(services)
        write_instances(locations)
        by_org: dict[int, list[Location]] = {}
        for location in locations:
            by_org.setdefault(location.organization_id, []).append(location)
        for service in services:
            service_links.append(service)
            for location in by_org.get(service.organization_id, []):
                if not service.is_remote or self.rng.random() < 0.3:
                    location_links.append((location, service))
            if service.is_24_7 and service.is_remote:
                phones.append(
                    Phone(
                        organization_id=service.organization_id,
                        service=service,
                        number=sample_phone(self.rng),
                        kind=Phone.Kind.HOTLINE,
                        **in_both(
                            "description", "Answered around the clock", "Atendida a toda hora"
                        ),
                    )
                )
                phones.append(
                    Phone(
                        organization_id=service.organization_id,
                        service=service,
                        number=sample_phone(self.rng),
                        kind=Phone.Kind.TEXT,
                    )
                )
        for location in locations:
            schedules.extend(self._schedules(location))
        write_instances(phones)
        write_rows(Schedule, SCHEDULE_COLUMNS, schedules)
        self._link_services(planned)
        write_rows(
            ServiceAtLocation,
            ("location_id", "service_id"),
            [(loc.pk, svc.pk) for loc, svc in location_links],
        )
        # Without fresh statistics the planner reads the new rows as an empty
        # table, and the search text's UPDATE below turns into nested scans.
        analyze(Organization, Service, Location, Phone, Schedule, ServiceAtLocation)
        # Bulk inserts send no signals: fill the stored search text in one go.
        search_index.refresh(Service.objects.filter(organization__is_sample=True))
        # The UPDATE rewrote every sample service: its statistics too.
        analyze(Service)
        # Bulk inserts send no signals: say so to the page cache ourselves.
        page_cache.bump_version()
        return len(organizations)

    def _organization(self, index: int) -> tuple[Organization, County]:
        """An unsaved organization and its home county."""
        rng = self.rng
        name = f"{rng.choice(FIRST_WORDS)} {rng.choice(SECOND_WORDS)} {rng.choice(KINDS)}"
        home_index = (
            index % len(self.counties)
            if index < 2 * len(self.counties)
            else rng.randrange(len(self.counties))
        )
        verified = None if rng.random() < 0.1 else self.today - timedelta(days=rng.randrange(540))
        status = Status.PUBLISHED
        if index % 25 == 24:
            status = Status.DRAFT if index % 50 == 24 else Status.ARCHIVED
        organization = Organization(
            name=name,
            slug=f"{slugify(name)}-{index + 1}",
            # Most listings have a Spanish description; the rest show how English
            # text is marked on Spanish pages.
            **in_both(
                "description",
                f"{name} is a fictional organization created to show how the directory works. "
                "It offers free, confidential help to survivors of human trafficking.",
                f"{name} es una organización ficticia creada para mostrar cómo funciona el "
                "directorio. Ofrece ayuda gratuita y confidencial a sobrevivientes de la trata."
                if rng.random() < 0.9
                else "",
            ),
            website=f"https://example.org/{slugify(name)}-{index + 1}",
            email=f"help{index + 1}@example.org",
            status=status,
            last_verified_on=verified,
            is_sample=True,
        )
        return organization, self.counties[home_index]

    def _services(self, organization: Organization, home: County) -> list[_PlannedService]:
        rng = self.rng
        chosen = rng.sample(sorted(self.types), k=rng.randint(1, 4))
        planned = []
        for slug in chosen:
            label, is_24_7, is_remote, _confidential = SERVICE_SHAPES.get(
                slug, (self.types[slug].name, False, False, False)
            )
            statewide = is_remote and rng.random() < 0.35
            populations = rng.sample(self.populations, k=rng.randint(1, 4))
            eligibility = eligibility_for(populations)
            sliding_scale = rng.random() >= 0.85
            spanish_label = SPANISH_NAMES.get(label, self.types[slug].name_es)
            service = Service(
                organization=organization,
                **in_both("name", label, spanish_label),
                **in_both(
                    "description",
                    f"{label} for survivors of sex and labor trafficking.",
                    f"{spanish_label} para sobrevivientes de la trata sexual y laboral.",
                ),
                is_statewide=statewide,
                is_remote=is_remote,
                **in_both("eligibility", *eligibility),
                is_free=not sliding_scale,
                **in_both(
                    "fees",
                    *(
                        (
                            "Sliding scale; no one turned away.",
                            "Tarifa según ingresos; se atiende a todos.",
                        )
                        if sliding_scale
                        else ("", "")
                    ),
                ),
                **in_both("how_to_get_help", *rng.choice(HOW_TO_GET_HELP)),
                accepts_referrals=rng.random() < 0.6,
                is_24_7=is_24_7,
            )
            planned.append(_PlannedService(service, slug, home, populations))
        return planned

    def _link_services(self, planned: list[_PlannedService]) -> None:
        rng = self.rng
        types: list[tuple[int, int]] = []
        pops: list[tuple[int, int]] = []
        langs: list[tuple[int, int]] = []
        counties: list[tuple[int, int]] = []
        english, spanish = self.languages["en"], self.languages["es"]
        others = [lang for code, lang in self.languages.items() if code not in ("en", "es")]
        for service, type_slug, home, populations in planned:
            types.append((service.pk, self.types[type_slug].pk))
            pops.extend((service.pk, population.pk) for population in populations)
            chosen = [english] + ([spanish] if rng.random() < 0.7 else [])
            if rng.random() < 0.4:
                chosen.append(rng.choice(others))
            langs.extend((service.pk, language.pk) for language in chosen)
            if not service.is_statewide:
                served = {home.pk} | {
                    rng.choice(self.counties).pk for _ in range(rng.randint(0, 2))
                }
                counties.extend((service.pk, county_id) for county_id in served)
        for name, rows in (
            ("service_types", types),
            ("populations", pops),
            ("languages", langs),
            ("counties", counties),
        ):
            field = Service._meta.get_field(name)
            write_rows(
                field.remote_field.through,  # type: ignore[union-attr]
                (f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"),  # type: ignore[union-attr]
                rows,
            )

    def _locations(self, organization: Organization, home: County) -> list[Location]:
        rng = self.rng
        zips = self.zips[home.pk]
        locations = []
        for number in range(rng.randint(1, 2)):
            place = rng.choice(zips) if zips else None
            confidential = number == 1 or rng.random() < 0.15
            latitude = place.latitude if place else home.latitude
            longitude = place.longitude if place else home.longitude
            locations.append(
                Location(
                    organization=organization,
                    **in_both("name", *self._location_name(number, confidential)),
                    address_1=f"{rng.randint(100, 9899)} {rng.choice(STREETS)} "
                    f"{rng.choice(STREET_KINDS)}",
                    city=place.city if place else home.name,
                    zip_code=place.code if place else "95814",
                    county=home,
                    latitude=latitude,
                    longitude=longitude,
                    is_confidential=confidential,
                    **in_both("accessibility", *rng.choice(ACCESSIBILITY)),
                )
            )
        return locations

    @staticmethod
    def _location_name(number: int, confidential: bool) -> tuple[str, str]:
        """Each of an organization's sites is named apart: the second is always the
        shelter, so a first site kept confidential is an office, never a second shelter
        listed twice."""
        if number == 1:
            return "Confidential shelter", "Refugio confidencial"
        if confidential:
            return "Confidential office", "Oficina confidencial"
        return "Main office", "Oficina principal"

    def _schedules(self, location: Location) -> list[tuple]:
        """Rows of SCHEDULE_COLUMNS: a location's weekday hours."""
        rng = self.rng
        if location.is_confidential:
            return []
        opens = time(rng.choice([8, 9, 10]))
        closes = time(rng.choice([16, 17, 18]))
        rows = [(location.pk, day, opens, closes, "", "", "") for day in range(1, 6)]
        if rng.random() < 0.3:
            # A late Friday drop-in that runs past midnight.
            rows.append((location.pk, 5, time(20), time(2), *LATE_DROP_IN, LATE_DROP_IN[0]))
        return rows
