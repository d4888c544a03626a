"""/api/hsds/: the paths of the HSDS 3.0 OpenAPI, answered with and without a
trailing slash (a redirect would lose clients that do not follow one, and
cross-origin browsers); `reverse()` gives the spec's form, without."""

from django.urls import re_path

from organizations.hsds import views

app_name = "hsds"
ID = r"(?P<id>[^/]+)"


def _both(pattern: str, view, name: str):
    return re_path(rf"^{pattern}/?$", view.as_view(), name=name)


urlpatterns = [
    re_path(r"^$", views.RootView.as_view(), name="root"),
    _both("organizations", views.OrganizationList, "organizations"),
    _both(f"organizations/{ID}", views.OrganizationDetail, "organization"),
    _both("services", views.ServiceList, "services"),
    _both(f"services/{ID}", views.ServiceDetail, "service"),
    _both("service_at_locations", views.ServiceAtLocationList, "service_at_locations"),
    _both(f"service_at_locations/{ID}", views.ServiceAtLocationDetail, "service_at_location"),
    _both("taxonomies", views.TaxonomyList, "taxonomies"),
    _both(f"taxonomies/{ID}", views.TaxonomyDetail, "taxonomy"),
    _both("taxonomy_terms", views.TaxonomyTermList, "taxonomy_terms"),
    _both(f"taxonomy_terms/{ID}", views.TaxonomyTermDetail, "taxonomy_term"),
]
