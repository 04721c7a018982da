"""What a visitor fills in to get alerts for a view: an address and a frequency."""

from django import forms
from django.utils.translation import gettext_lazy as _

from publications.models import Alert


class AlertSignupForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Alert.Frequency.choices,
        initial=Alert.Frequency.AS_PUBLISHED,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how often to get the emails.")},
    )
    # Hidden from people by the stylesheet and from screen readers (the template): a
    # robot filling in every field gives itself away. No third-party CAPTCHA.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200, strip=False
    )

    def clean_email(self):
        # One address, however it is capitalised: one set of alerts, one rate limit.
        return self.cleaned_data["email"].lower()

    @property
    def is_robot(self):
        return bool(self.cleaned_data.get("website"))


class RemoveAlertForm(forms.Form):
    """Which of the address's alerts to remove, from the manage page."""

    alert = forms.ModelChoiceField(queryset=Alert.objects.none())

    def __init__(self, data, *, email):
        super().__init__(data)
        # Only the address's own alerts: any other number is not a choice.
        self.fields["alert"].queryset = Alert.objects.filter(email=email)
