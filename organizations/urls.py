from django.urls import path

from organizations import coverage_page, suggestions, views

app_name = "organizations"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("coverage/", coverage_page.CoverageView.as_view(), name="coverage"),
    path("counties/<slug:slug>/", views.CountyView.as_view(), name="county"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="detail"),
    path("organizations/<slug:slug>/suggest/", suggestions.suggest, name="suggest"),
    path(
        "organizations/<slug:slug>/suggest/thanks/",
        suggestions.suggest_thanks,
        name="suggest_thanks",
    ),
]
