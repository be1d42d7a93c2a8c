"""Board pack pages: /packs/."""

urlpatterns = []
