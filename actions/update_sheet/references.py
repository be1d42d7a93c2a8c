"""Which action a Ref cell means, including a reference a spreadsheet has turned into a number."""

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from swp.sheets.reading import Value
from swp.sheets.values import parse_reference, reference_was_number

from ..models import Action


class References:
    """The plan's actions by reference as typed, and by the number Excel may have made of it."""

    def __init__(self, actions: Iterable[Action]):
        self.by_text: dict[str, Action] = {}
        self.by_number: dict[Decimal, list[Action]] = {}
        for action in actions:
            key = action.reference.strip().rstrip(".").lower()
            self.by_text[key] = action
            try:
                number = Decimal(key)
            except InvalidOperation:
                continue
            if number.is_finite():
                self.by_number.setdefault(number.normalize(), []).append(action)

    def find(self, value: Value) -> tuple[Action | None, str, str]:
        """(action, the reference as written, a problem) for a Ref cell."""
        reference = parse_reference(value)
        if reference_was_number(value):
            candidates = self.by_number.get(Decimal(reference).normalize(), [])
            if len(candidates) > 1:
                listed = " or ".join(sorted(a.reference for a in candidates))
                return (
                    None,
                    reference,
                    (
                        f"“{reference}” could be item {listed}: the spreadsheet has turned the item number "
                        "into a number. Format the Ref column as text, type the item number again and upload "
                        "it again"
                    ),
                )
            if candidates:
                return candidates[0], candidates[0].reference, ""
        action = self.by_text.get(reference.lower())
        if action is None:
            return None, reference, ""
        return action, action.reference, ""
