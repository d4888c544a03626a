from django.urls import path

from organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("counties/<slug:slug>/", views.CountyView.as_view(), name="county"),
    path("organizations/<slug:slug>/", views.OrganizationDetailView.as_view(), name="detail"),
]
