"""/api/hsds/: the paths of the HSDS 3.0 OpenAPI, each with a trailing slash."""

from django.urls import path

from organizations.hsds import views

app_name = "hsds"

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("organizations/", views.OrganizationList.as_view(), name="organizations"),
    path("organizations/<str:id>/", views.OrganizationDetail.as_view(), name="organization"),
    path("services/", views.ServiceList.as_view(), name="services"),
    path("services/<str:id>/", views.ServiceDetail.as_view(), name="service"),
    path(
        "service_at_locations/",
        views.ServiceAtLocationList.as_view(),
        name="service_at_locations",
    ),
    path(
        "service_at_locations/<str:id>/",
        views.ServiceAtLocationDetail.as_view(),
        name="service_at_location",
    ),
    path("taxonomies/", views.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomies/<str:id>/", views.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms/", views.TaxonomyTermList.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>/", views.TaxonomyTermDetail.as_view(), name="taxonomy_term"),
]
