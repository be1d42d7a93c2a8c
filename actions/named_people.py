"""The people a plan names, turned into invitations in one step (issue 15, item 2).

A plan workbook names people as the plan writes them ("Insp. Jo Bloggs"): each priority's lead officer
and lead support officer, each action's responsible officer. They need not have accounts. On the plan's
page after an import the partnership admin types an email beside each name, and one submit invites
them all, as partner officers, or nobody if any address is wrong. Accepting links the person to what
the plan named them for, where nobody is linked yet: lead officer of those priorities, owner of those
actions (`assign_named_roles`, the receiver of governance's `invitation_accepted`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.urls import reverse

from governance import invitations
from governance.models import Invitation, Organisation, Role, User
from priorities.models import Plan, Priority
from swp.forms import GovUKForm
from swp.history import save_as

from .models import Action

REASON = "Named in the plan; linked when they accepted their invitation"


@dataclass
class NamedPerson:
    name: str
    named_for: list[str] = field(default_factory=list)
    organisation: Organisation | None = None
    invitation: Invitation | None = None  # an open one, already sent

    @property
    def key(self) -> str:
        return self.name.casefold()


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def named_people(plan: Plan) -> list[NamedPerson]:
    """Everyone the plan names without an account linked, in the plan's order (three queries)."""
    found: dict[str, NamedPerson] = {}

    def add(name: str, what: str, organisation: Organisation | None) -> None:
        name = " ".join(name.split())
        if not name:
            return
        person = found.setdefault(_key(name), NamedPerson(name))
        person.named_for.append(what)
        person.organisation = person.organisation or organisation

    priorities = plan.priorities.select_related("lead_organisation").order_by("order")
    for priority in priorities:
        if priority.lead_officer_id is None:
            add(
                priority.lead_officer_name,
                f"lead officer, priority {priority.number}",
                priority.lead_organisation,
            )
        if priority.lead_support_officer_id is None:
            add(priority.lead_support_officer_name, f"lead support officer, priority {priority.number}", None)
    actions = plan.actions.filter(owner__isnull=True).prefetch_related("responsible_organisations")
    for action in actions.order_by("priority__order", "order"):
        organisations = list(action.responsible_organisations.all())
        add(
            action.responsible_officer,
            f"responsible officer, {action.reference}",
            next(iter(organisations), None),
        )
    open_invitations = (
        Invitation.objects.open().filter(partnership_id=plan.partnership_id).exclude(named_as="")
    )
    for invitation in open_invitations:
        if person := found.get(_key(invitation.named_as)):
            person.invitation = invitation
    return list(found.values())


class NamedPeopleForm(GovUKForm):
    """An email box for each named person not yet invited; blank boxes are left alone."""

    submit_label = "Invite these people"

    def __init__(self, *args, people: list[NamedPerson], plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = plan.partnership
        self.helper.form_action = reverse("plan_workbook:invite_named_people", args=[plan.pk])
        self.waiting = [person for person in people if person.invitation is None]
        for number, person in enumerate(self.waiting):
            self.fields[f"email_{number}"] = forms.EmailField(
                label=f"Work email for {person.name}",
                help_text=f"Named as {'; '.join(person.named_for)}",
                required=False,
                max_length=254,
                error_messages={
                    "invalid": f"Enter {person.name}'s work email in the right format, like name@example.org",
                    "max_length": "A work email must be 254 characters or fewer",
                },
                widget=forms.EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            )

    def chosen(self) -> Iterable[tuple[NamedPerson, str]]:
        for number, person in enumerate(self.waiting):
            if email := (self.cleaned_data.get(f"email_{number}") or "").strip().lower():
                yield person, email

    def clean(self):
        cleaned = super().clean()
        seen: dict[str, str] = {}
        for number, person in enumerate(self.waiting):
            email = (cleaned.get(f"email_{number}") or "").strip().lower()
            if not email:
                continue
            if email in seen:
                self.add_error(
                    f"email_{number}", f"{email} is also typed for {seen[email]}: give each person their own"
                )
                continue
            seen[email] = person.name
            try:
                invitations.check_may_invite(self.partnership, email)
            except invitations.InvitationRefused as refused:
                self.add_error(f"email_{number}", str(refused))
        if not seen and not self.errors:
            raise forms.ValidationError("Type the work email of at least one person to invite")
        return cleaned


@transaction.atomic
def invite_named_people(form: NamedPeopleForm, *, by: User, request=None) -> list[Invitation]:
    return [
        invitations.invite(
            partnership=form.partnership,
            email=email,
            full_name=person.name,
            role=Role.CONTRIBUTOR,
            organisation=person.organisation,
            named_as=person.name,
            by=by,
            request=request,
        )
        for person, email in form.chosen()
    ]


def assign_named_roles(sender, invitation: Invitation, user: User, **kwargs) -> None:
    """Receives governance's invitation_accepted (connected in actions/apps.py): what the plan named
    the person for becomes theirs, where nobody is linked yet. Saved one by one, with history."""
    if not invitation.named_as:
        return
    name = _key(invitation.named_as)
    priorities = Priority.objects.filter(plan__partnership_id=invitation.partnership_id)
    for priority in priorities.filter(lead_officer__isnull=True).exclude(lead_officer_name=""):
        if _key(priority.lead_officer_name) == name:
            priority.lead_officer = user
            save_as(priority, by=user, reason=REASON)
    for priority in priorities.filter(lead_support_officer__isnull=True).exclude(
        lead_support_officer_name=""
    ):
        if _key(priority.lead_support_officer_name) == name:
            priority.lead_support_officer = user
            save_as(priority, by=user, reason=REASON)
    actions = Action.objects.filter(plan__partnership_id=invitation.partnership_id, owner__isnull=True)
    for action in actions.exclude(responsible_officer=""):
        if _key(action.responsible_officer) == name:
            action.owner = user
            action.version += 1  # a form opened before this must not overwrite it
            save_as(action, by=user, reason=REASON)
