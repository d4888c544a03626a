from django.urls import path, register_converter

from resources import views
from resources.choices import CategorySlug


class CategoryConverter:
    """Matches the six category slugs only, so that every other slug is a resource's."""

    regex = "|".join(CategorySlug.values)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CategoryConverter, "resource_category")

app_name = "resources"

urlpatterns = [
    path("", views.LibraryView.as_view(), name="index"),
    path("search/", views.ResourceListView.as_view(), name="search"),
    path("<resource_category:category>/", views.CategoryView.as_view(), name="category"),
    path("<slug:slug>/", views.ResourceDetailView.as_view(), name="detail"),
    path("<slug:slug>/download/", views.download, name="download"),
]
