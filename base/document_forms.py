"""The editor's mark of a document's accessibility, on Wagtail's document forms."""

from django import forms

from .documents import NOT_CHECKED, DocumentAccessibility, accessibility_of

ACCESSIBILITY_CHOICES = [
    ("", NOT_CHECKED),
    (
        DocumentAccessibility.Status.ACCESSIBLE,
        "Accessible: tagged, with reading order and alt text",
    ),
    (DocumentAccessibility.Status.NOT_ACCESSIBLE, "Not accessible"),
]


class DocumentAccessibilityFormMixin(forms.ModelForm):
    """Adds "Accessibility" to a document form: read from and saved to the document's
    DocumentAccessibility row (none while not yet checked)."""

    accessibility = forms.ChoiceField(
        label="Accessibility",
        choices=ACCESSIBILITY_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text=(
            "Accessible means a screen reader can follow it: a tagged PDF with real "
            "headings, alt text for its images and a logical reading order. A scan is not "
            "accessible, however clear it looks. On the site, readers may ask for another "
            "format of any document not marked accessible."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark = accessibility_of(self.instance) if self.instance.pk else None
        self.initial.setdefault("accessibility", mark.status if mark else "")

    def _save_m2m(self):
        # Django runs this once the document is saved: from save(), or from save_m2m()
        # after save(commit=False), when the document has its id.
        super()._save_m2m()
        name = "accessibility"
        omitted = self.fields[name].widget.value_omitted_from_data(
            self.data, self.files, self.add_prefix(name)
        )
        # As Django does for model fields, data without the field (a partial update made
        # by code) leaves the mark as it was; an unchanged mark keeps its date.
        if omitted or name not in self.changed_data:
            return
        status = self.cleaned_data[name]
        if status:
            DocumentAccessibility.objects.update_or_create(
                document=self.instance, defaults={"status": status}
            )
        else:
            DocumentAccessibility.objects.filter(document=self.instance).delete()
