"""The one GOV.UK form base: each form says its page title and button text; crispy-forms-gds draws it."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Div, Field, Layout, Submit
from django import forms

from .text_limits import clean_free_text, too_long


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

    def full_clean(self):
        super().full_clean()
        # A hidden field has nowhere on the page to show its error, and the error summary lists only
        # visible fields': its errors become the form's own, which the summary lists first.
        for name, field in self.fields.items():
            if field.widget.is_hidden and name in self._errors:
                self.add_error(None, list(self._errors.pop(name)))


class GovUKForm(GovUKFormMixin, forms.Form):
    pass


class GovUKModelForm(GovUKFormMixin, forms.ModelForm):
    pass


class GovUKSearchForm(GovUKForm):
    """Filters or a search sent by GET, so every result has its own address, ending in a date range.

    A subclass names the form's id, its two buttons' words, its two date fields and what to say when
    the range ends before it starts; its __init__ passes the fields above the date range to lay_out().
    """

    form_id: str = ""
    apply_label: str = ""
    clear_label: str = ""
    date_range: tuple[str, str] = ("", "")
    date_range_error: str = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.form_method = "get"
        self.helper.form_id = self.form_id
        self.helper.inputs = []  # a named submit button would add itself to every result's address

    def lay_out(self, *above) -> None:
        start, end = self.date_range
        self.helper.layout = Layout(
            *above,
            Div(
                Div(Field(start), css_class="govuk-grid-column-one-half"),
                Div(Field(end), css_class="govuk-grid-column-one-half"),
                css_class="govuk-grid-row",
            ),
            HTML(
                '<div class="govuk-button-group">'
                '<button type="submit" class="govuk-button" data-module="govuk-button">'
                f'{self.apply_label}</button><a class="govuk-link" href="?">{self.clear_label}</a></div>'
            ),
        )

    def clean(self):
        data = super().clean()
        start, end = (data.get(name) for name in self.date_range)
        if start and end and end < start:
            self.add_error(self.date_range[1], self.date_range_error)
        return data


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


def check_file_name(name: str) -> None:
    """Refuse an uploaded file's name that Django's upload parser could not read.

    A browser sends the name as UTF-8; bytes that are not, the parser replaces with U+FFFD, so a name
    with one in it is not the name the person gave the file.
    """
    if "\ufffd" in name:
        raise forms.ValidationError(
            f"The file name “{name}” has characters that could not be read. "
            "Rename the file and upload it again"
        )


class GovUKFileField(forms.FileField):
    """A file upload, with its error messages in plain English, refused if its name cannot be read."""

    def __init__(self, *, what: str, **kwargs):
        super().__init__(**kwargs)
        self.error_messages.update(
            required=f"Select {what}",
            empty="The selected file is empty",
            invalid="The selected file could not be uploaded – try again",
            missing="The selected file could not be uploaded – try again",
        )

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is not None:
            check_file_name(upload.name)
        return upload


class VersionField(forms.IntegerField):
    """The hidden version of the record an edit form was drawn from, checked by its service under a row lock.

    Only a tampered page sends one that is missing or not a whole number: like an out-of-date page, it is
    told to reload.
    """

    OUT_OF_DATE = "This page is out of date. Reload it and make your changes again"

    def __init__(self, **kwargs):
        super().__init__(
            widget=forms.HiddenInput,
            min_value=0,
            error_messages={
                code: self.OUT_OF_DATE for code in ("required", "invalid", "min_value", "max_value")
            },
            **kwargs,
        )


class FreeTextField(forms.CharField):
    """Typed text in a textarea, up to `max_length` characters, without invisible characters.

    Line endings are made plain first, so a line break counts once, as GOV.UK's character count counts
    it in the browser. The textarea gets no maxlength attribute: the browser would cut pasted text off
    without a word, where the character count shows how far over it is and the error says so.
    """

    widget = forms.Textarea

    def __init__(self, *, max_length: int, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length

    def to_python(self, value):
        return clean_free_text(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_length:
            what = (self.label or "This").rstrip(" ?")
            raise forms.ValidationError(too_long(self.max_length, len(value), what=what), code="max_length")


def character_count(name: str, form: forms.BaseForm, **kwargs) -> Field:
    """A FreeTextField drawn with GOV.UK's character count, counting down to the limit it enforces."""
    # crispy-forms-gds 2.0.1 adds the count's message to aria-describedby, and fails with a KeyError
    # when a field without a hint has no aria-describedby to add it to.
    kwargs.setdefault("aria_describedby", "")
    return Field.textarea(name, max_characters=form.fields[name].max_length, **kwargs)
