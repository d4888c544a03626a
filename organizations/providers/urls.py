from django.urls import path

from organizations.providers import views

app_name = "providers"

urlpatterns = [
    path("thanks/", views.thanks, name="thanks"),
    path("<str:token>/", views.listing, name="listing"),
]
