from django.urls import path

from . import views

app_name = "priorities"
urlpatterns = [
    path("<int:pk>/readings/<int:period_pk>/", views.edit_reading, name="edit_reading"),
]
