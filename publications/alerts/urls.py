"""/alerts/ in each language (ilrc_site/urls.py puts these in its i18n_patterns)."""

from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    path("new/", views.new_alert, name="new"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
