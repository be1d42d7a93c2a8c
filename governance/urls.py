from django.urls import path

from . import views

app_name = "governance"
urlpatterns = [
    path("choose/", views.choose, name="choose"),
]
