"""Small project-wide middleware."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreWhenSignedInMiddleware:
    """Pages for a signed-in person are never kept by browsers or proxies (SEC-02).

    A shared computer's back button or a proxy cache must not show someone's plan data after
    they sign out. Public pages (the published plans) stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response
