"""Short texts translated in the admin beside the object that holds them.

Pages are translated as whole page trees (Wagtail's internationalisation, with
wagtail-localize's editor). The short texts around them are not pages: the name of a
resource type or a topic, a navigation label, the footer's lines. Each keeps one row
for every language, so that the library's `type` and `topic` slugs, its counts and its
queries are the same in every language, and carries its other languages' wording in a
`TranslationsField`: the admin shows one box per language in settings.LANGUAGES, so a
new language needs no code.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import translation


def other_languages():
    """(code, name) of every language but the default one."""
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationsWidget(forms.MultiWidget):
    template_name = "base/widgets/translations.html"

    def __init__(self, attrs=None):
        self.languages = other_languages()
        super().__init__(
            [forms.TextInput(attrs={"lang": code}) for code, _ in self.languages], attrs
        )

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code, _ in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (_, language) in zip(
            context["widget"]["subwidgets"], self.languages, strict=True
        ):
            subwidget["language"] = language
        return context


class TranslationsFormField(forms.MultiValueField):
    widget = TranslationsWidget

    def __init__(self, *, max_length=None, **kwargs):
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        self.languages = other_languages()
        fields = [forms.CharField(max_length=max_length, required=False) for _ in self.languages]
        super().__init__(fields, require_all_fields=False, required=False, **kwargs)

    def compress(self, values):
        values = values or [""] * len(self.languages)
        return {
            code: " ".join(text.split()) if "\n" not in text else text.strip()
            for (code, _), text in zip(self.languages, values, strict=True)
            if text and text.strip()
        }


class TranslationsField(models.JSONField):
    """{language code: text} for every language but the default, which is the field it
    translates."""

    def __init__(self, *args, max_length=None, **kwargs):
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.text_max_length is not None:
            kwargs["max_length"] = self.text_max_length
        if kwargs.get("default") is dict:
            del kwargs["default"]
        kwargs.pop("blank", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return TranslationsFormField(
            max_length=self.text_max_length,
            label=self.verbose_name,
            help_text=self.help_text,
        )


def in_language(text, translations, language=None):
    """`text` in the active language (or `language`): its translation, else the text."""
    language = language or translation.get_language()
    return (translations or {}).get(language) or text
