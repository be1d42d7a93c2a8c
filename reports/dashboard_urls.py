"""Dashboard, partner and theme pages."""

urlpatterns = []
