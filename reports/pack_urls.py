"""Board pack pages: /packs/."""

from django.urls import path

from . import pack_views

urlpatterns = [
    path("packs/", pack_views.packs, name="packs"),
    path("packs/<int:period_pk>/preview/", pack_views.preview, name="pack_preview"),
    path("packs/<int:period_pk>/issue/", pack_views.issue, name="pack_issue"),
    path("packs/issued/<int:pk>/", pack_views.status, name="pack_status"),
    path("packs/issued/<int:pk>/retry/", pack_views.retry, name="pack_retry"),
    path("packs/issued/<int:pk>/download/", pack_views.download, name="pack_download"),
]
