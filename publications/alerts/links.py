"""The signed links of the alert emails, and reading their tokens back.

Nothing is stored to check a link: each token signs what it names (an alert, an
address) with the site's SECRET_KEY and the time it was made, so a forged token fails
its signature and an old one its age (`signing.BadSignature`, of which
`signing.SignatureExpired` is a kind). Links are absolute, on the default site, in the
alert's language, since they are read in a mail client.
"""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

# Each kind of token has its own salt: an address's token is not an alert's.
CONFIRM_SALT = "publications.alerts.confirm"
CONFIRM_MAX_AGE = datetime.timedelta(days=3)
# Managing and unsubscribing prove the same thing, that the reader holds the address,
# and stay valid for a year so that the links in old emails keep working.
ADDRESS_SALT = "publications.alerts.address"
ADDRESS_MAX_AGE = datetime.timedelta(days=365)


def _absolute(name, token, language, root_url=None):
    with translation.override(language):
        path = reverse(f"alerts:{name}", args=[token])
    return (root_url or Site.objects.get(is_default_site=True).root_url) + path


def _address_token(email):
    return signing.dumps(email, salt=ADDRESS_SALT)


def confirm_url(alert, frequency=None):
    """The link of the confirmation email: following it within three days confirms the
    alert, at `frequency` (the alert's own by default). The frequency travels in the
    link, so that a sign-up cannot change a confirmed alert until its reader confirms."""
    token = signing.dumps([alert.pk, frequency or alert.frequency], salt=CONFIRM_SALT)
    return _absolute("confirm", token, alert.language)


def manage_url(email, language, root_url=None):
    """The page where `email` sees and removes its alerts (`root_url`: the default
    site's, when the caller has read it already)."""
    return _absolute("manage", _address_token(email), language, root_url)


def unsubscribe_url(email, language, root_url=None):
    """The page that deletes `email` with all its alerts (and takes RFC 8058's POST)."""
    return _absolute("unsubscribe", _address_token(email), language, root_url)


def list_unsubscribe_headers(unsubscribe):
    """The headers that let mail clients offer one-click unsubscribing (RFC 8058), for
    the address's `unsubscribe` link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def confirmation_of(token):
    """(alert primary key, frequency) that a confirmation token names; BadSignature if
    forged or expired."""
    pk, frequency = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    return pk, frequency


def email_of(token):
    """The address a manage or unsubscribe token names; BadSignature if forged or expired."""
    return signing.loads(token, salt=ADDRESS_SALT, max_age=ADDRESS_MAX_AGE)
