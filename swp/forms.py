"""The one GOV.UK form base: each form says its page title and button text; crispy-forms-gds draws it."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Submit
from django import forms


class GovUKFormMixin:
    """Mix into a Form or ModelForm. Templates then need only {% error_summary form %}{% crispy form %}."""

    page_title: str = ""
    submit_label: str = "Continue"
    label_size: str = "s"
    legend_size: str = "s"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.label_size = self.label_size
        self.helper.legend_size = self.legend_size
        # Our GOV.UK error messages, not the browser's own pop-ups for email and number fields.
        self.helper.attrs = {"novalidate": True}
        self.helper.add_input(Submit("submit", self.submit_label))


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):
    pass


class GovUKDateField(DateInputField):
    """The GOV.UK date input (day, month, year), with its error messages in plain English."""

    def __init__(self, *, what: str = "the date", **kwargs):
        super().__init__(**kwargs)
        self.error_messages["required"] = f"Enter {what}"
        self.error_messages["incomplete"] = f"{what.capitalize()} must include a day, month and year"
        self.what = what

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except forms.ValidationError as error:
            raise forms.ValidationError(f"{self.what.capitalize()} must be a real date") from error
