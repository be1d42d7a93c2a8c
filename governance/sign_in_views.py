"""The sign-in page: email and password as always, or, when any partner organisation signs in with
its own account (governance/oidc.py), the email first.

With no provider enabled (the default) this is Django's LoginView with our form, unchanged. With one:
the page asks for the work email; an address of a provider's domain goes to that provider, and
anyone else gets the password step with their email already filled in.
"""

from urllib.parse import urlencode, urlsplit

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property

from .forms import SignInForm
from .models import IdentityProvider
from .oidc import provider_for_email
from .oidc_views import LOGIN_HINT
from .sign_in_forms import WorkEmailForm


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    @cached_property
    def provider_origins(self) -> list[str]:
        """The enabled providers' origins, in one query: none means the page is as it always was.

        The email step's form ends, after our redirects, at the provider, and the Content-Security-
        Policy's form-action covers every redirect of a form's submission, so the page's policy must
        name them (a provider's authorization endpoint shares its issuer's origin, as Entra ID's and
        most others' do)."""
        issuers = IdentityProvider.objects.filter(enabled=True).values_list("issuer", flat=True)
        return sorted({f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, issuers)})

    def get(self, request, *args, **kwargs):
        if not self.provider_origins:
            return super().get(request, *args, **kwargs)
        return self.email_step(WorkEmailForm())

    def post(self, request, *args, **kwargs):
        if not self.provider_origins or "password" in request.POST:
            return super().post(request, *args, **kwargs)
        form = WorkEmailForm(request.POST)
        if not form.is_valid():
            return self.email_step(form)
        email = form.cleaned_data["email"].strip().lower()
        provider = provider_for_email(email)
        if provider is not None:
            request.session[LOGIN_HINT] = email
            start = reverse("oidc_start", args=[provider.slug])
            next_url = self.get_redirect_url()
            return redirect(f"{start}?{urlencode({'next': next_url})}" if next_url else start)
        password_step = self.get_form_class()(request=request, initial={"username": email})
        return self.render_to_response(self.get_context_data(form=password_step))

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.provider_origins:
            response._csp_update = {"form-action": self.provider_origins}
        return response

    def email_step(self, form: WorkEmailForm):
        self.template_name = "registration/sign_in_email.html"
        return self.render_to_response(self.get_context_data(form=form))
