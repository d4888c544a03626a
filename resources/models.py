import uuid
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import connections, models
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.models import Term, TermQuerySet
from core.publishing import PublishableQuerySet, Status
from core.search import keyword_search
from core.translation import in_every_language, in_language
from resources.choices import CategorySlug, TraffickingType
from resources.markdown import render_markdown
from resources.validators import validate_not_reserved

if TYPE_CHECKING:
    from simple_history.manager import HistoryManager

# The directory's search over the library's own text: field -> weight.
# The translated fields are named per language (resources/translation.py).
SEARCH_FIELDS = {
    **dict.fromkeys(in_every_language("title"), "A"),
    **dict.fromkeys(in_every_language("summary"), "B"),
    "publisher": "C",
    "category__name": "C",
    **dict.fromkeys(in_every_language("body"), "D"),
}
# Short fields where a misspelt word should still find the resource.
FUZZY_FIELDS = [*in_every_language("title"), "publisher"]

MARKDOWN_HELP = _(
    "Markdown: **bold**, *italic*, [link text](https://example.org), lists with “-”. "
    "Scripts, images and raw HTML are removed when the page is shown."
)


class CategoryQuerySet(TermQuerySet):
    def with_published_counts(self):
        published = Q(resources__status=Status.PUBLISHED)
        # Meta.ordering does not apply to aggregating queries: order explicitly.
        return self.annotate(published_count=Count("resources", filter=published)).order_by(
            *self.model._meta.ordering
        )


class Category(Term):
    """One of the six fixed kinds of material; curators edit only the wording."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True, choices=CategorySlug.choices)
    description = models.TextField(_("introduction"), blank=True, help_text=MARKDOWN_HELP)
    description_es = models.TextField(
        _("Spanish introduction"), blank=True, help_text=_("Shown on Spanish pages when present.")
    )

    # The plugin types as_manager() with a class no annotation can name (django-stubs#1713).
    objects = CategoryQuerySet.as_manager()  # type: ignore[misc]

    class Meta(Term.Meta):
        verbose_name = _("resource category")
        verbose_name_plural = _("resource categories")

    def get_absolute_url(self) -> str:
        return reverse("resources:category", kwargs={"category": self.slug})

    @property
    def introduction_html(self) -> str:
        html = render_markdown(in_language(self.description, self.description_es))
        return mark_safe(html)  # noqa: S308 (nh3 has sanitised it)


class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class ResourceQuerySet(PublishableQuerySet):
    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)

    def in_category(self, category):
        return self.filter(category=category)

    def about(self, trafficking_type: str):
        """Material on sex or labor trafficking, counting material on both."""
        if trafficking_type == TraffickingType.BOTH:
            return self.filter(trafficking_type=TraffickingType.BOTH)
        return self.filter(trafficking_type__in=[trafficking_type, TraffickingType.BOTH])

    def offered_by(self, organization):
        return self.filter(organizations=organization)

    def related_to(self, resource):
        """Same category, sharing at least one audience, without `resource` itself."""
        shared = Resource.audiences.through.objects.filter(
            resource=OuterRef("pk"), audience__in=[a.pk for a in resource.audiences.all()]
        )
        return (
            self.filter(category_id=resource.category_id)
            .exclude(pk=resource.pk)
            .filter(Exists(shared))
        )

    def matching_keyword(self, query: str):
        """Resources matching `query`, best first, by the directory's own search function."""
        stored = connections[self.db].vendor == "postgresql"
        found = keyword_search(
            self,
            query,
            fields=SEARCH_FIELDS,
            fuzzy=FUZZY_FIELDS,
            document="search_document" if stored else None,
        )
        return found.order_by("-relevance", *self.model._meta.ordering)

    def recently_added(self):
        return self.order_by("-created_at", "-pk")

    def for_listing(self):
        """What a resource card shows, in a fixed number of queries."""
        return self.select_related("category").prefetch_related("audiences")

    def for_detail(self):
        """What the resource page shows; only published organizations are linked."""
        organizations = self.model._meta.get_field("organizations").related_model
        return self.for_listing().prefetch_related(
            "languages",
            "counties",
            Prefetch(
                "organizations",
                queryset=organizations.objects.published().order_by("name"),
                to_attr="published_organizations",
            ),
        )


class Resource(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("The page address: /resources/<slug>/."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="resources",
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("One or two sentences shown in lists.")
    )
    body = models.TextField(_("body"), blank=True, help_text=MARKDOWN_HELP)
    url = models.URLField(
        _("external link"), max_length=500, blank=True, help_text=_("The official source.")
    )
    document = models.FileField(
        _("PDF document"),
        upload_to="resources/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"])],
        help_text=_("A PDF of at most 20 MB. It is stored under a new, random name."),
    )
    publisher = models.CharField(_("publisher or author"), max_length=200, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("audiences"), related_name="resources", blank=True
    )
    trafficking_type = models.CharField(
        _("trafficking type"),
        max_length=5,
        choices=TraffickingType.choices,
        default=TraffickingType.BOTH,
    )
    languages = models.ManyToManyField(
        "core.Language", verbose_name=_("languages"), related_name="resources", blank=True
    )
    counties = models.ManyToManyField(
        "core.County",
        verbose_name=_("counties"),
        related_name="resources",
        blank=True,
        help_text=_("Only for local material; leave empty for statewide or national material."),
    )
    organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("offered by"),
        related_name="resources",
        blank=True,
        help_text=_("Listed organizations that offer this (a training, for example)."),
    )
    is_featured = models.BooleanField(_("featured"), default=False)
    is_sample = models.BooleanField(
        _("sample resource"),
        default=False,
        help_text=_("Fictional material for demonstration; labelled as such on every page."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Stored search text, refreshed by resources.search_index (PostgreSQL only).
    search_document = SearchVectorField(null=True, editable=False)

    # Registered in resources/translation.py, after the translated fields exist.
    history: "HistoryManager"
    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-is_featured", F("published_on").desc(nulls_last=True), "title"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        # Checked by the admin's publishing workflow (core/admin_workflow.py).
        permissions = [("publish_resource", _("Can publish and archive resources"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="", document="", body=""),
                name="resource_has_something_to_read",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.document and not self.document._committed:
            # A fresh random name: what the curator's file was called is never
            # kept or shown.
            self.document.name = f"{uuid.uuid4().hex}.pdf"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("resources:detail", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def clean(self) -> None:
        # Checked here rather than as a field validator, so that migrations
        # never import this module's code.
        try:
            validate_not_reserved(self.slug)
        except ValidationError as error:
            raise ValidationError({"slug": error}) from None
        if not (self.url or self.document or self.body.strip()):
            raise ValidationError(
                _("Give an external link, a PDF or a body text: there is nothing to read yet."),
                code="nothing_to_read",
            )

    def get_download_url(self) -> str:
        return reverse("resources:download", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def body_html(self) -> str:
        # modeltranslation reads the page's language, falling back to English.
        html = render_markdown(self.body)
        return mark_safe(html)  # noqa: S308 (nh3 has sanitised it)

    @property
    def download_filename(self) -> str:
        """The name a visitor's browser saves: the slug, never the uploaded name."""
        return f"{self.slug}.pdf"

    @cached_property
    def document_size(self) -> int | None:
        if not self.document:
            return None
        try:
            return self.document.size
        except OSError:
            return None
