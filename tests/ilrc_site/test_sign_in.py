"""Signing in to the admin: lockout after repeated guesses, strong passwords,
cookies that scripts cannot read, sessions that end."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory, TestCase, override_settings

from base.clients import client_ip

PASSWORD = "a-long-and-unusual-passphrase"  # noqa: S105


@override_settings(AXES_ENABLED=True)
class SignInLockoutTests(TestCase):
    def setUp(self):
        self.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.org", PASSWORD
        )

    def sign_in(self, password, username="editor", address="203.0.113.7"):
        return self.client.post(
            "/admin/login/",
            {"username": username, "password": password},
            REMOTE_ADDR=address,
        )

    def test_the_right_password_signs_in(self):
        response = self.sign_in(PASSWORD)

        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.editor.pk)

    def test_a_wrong_password_is_refused_with_the_form_again(self):
        response = self.sign_in("guess")

        self.assertEqual(response.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_five_wrong_passwords_lock_the_account_even_with_the_right_one(self):
        for _ in range(5):
            self.sign_in("guess")

        response = self.sign_in(PASSWORD)

        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many sign-in attempts", status_code=429)
        self.assertContains(response, "15 minutes", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_guessing_from_several_addresses_still_locks_the_account(self):
        for number in range(5):
            self.sign_in("guess", address=f"198.51.100.{number}")

        self.assertEqual(self.sign_in(PASSWORD, address="192.0.2.1").status_code, 429)

    def test_guessing_many_accounts_from_one_address_locks_that_address(self):
        for number in range(5):
            self.sign_in("guess", username=f"staff{number}")

        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)
        # Someone elsewhere still signs in.
        response = self.sign_in(PASSWORD, address="192.0.2.1")
        self.assertEqual(response.status_code, 302)


class ClientAddressTests(TestCase):
    def request(self, forwarded=None):
        headers = {"REMOTE_ADDR": "10.0.0.2"}
        if forwarded is not None:
            headers["HTTP_X_FORWARDED_FOR"] = forwarded
        return RequestFactory().get("/", **headers)

    @override_settings(TRUSTED_PROXY_COUNT=0)
    def test_without_a_proxy_the_connection_address_counts_and_forwarding_is_ignored(self):
        self.assertEqual(client_ip(self.request("203.0.113.9")), "10.0.0.2")

    @override_settings(TRUSTED_PROXY_COUNT=1)
    def test_behind_one_proxy_the_address_it_saw_counts_not_what_the_visitor_claims(self):
        # A visitor forges the first entry; the proxy appends the real address.
        self.assertEqual(client_ip(self.request("1.2.3.4, 203.0.113.9")), "203.0.113.9")
        self.assertEqual(client_ip(self.request()), "10.0.0.2")


class PasswordAndSessionTests(TestCase):
    def test_weak_passwords_are_refused(self):
        user = get_user_model()(username="ana.ruiz", email="ana@example.org")
        for weak in ["short1!", "password1234", "123456789012", "ana.ruiz.2024"]:
            with self.subTest(password=weak), self.assertRaises(ValidationError):
                validate_password(weak, user)

        validate_password(PASSWORD, user)

    def test_cookies_are_http_only_and_same_site(self):
        get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
        self.client.get("/admin/login/")
        response = self.client.post("/admin/login/", {"username": "editor", "password": PASSWORD})

        session = response.cookies["sessionid"]
        self.assertTrue(session["httponly"])
        self.assertEqual(session["samesite"], "Lax")
        csrf = self.client.cookies["csrftoken"]
        self.assertTrue(csrf["httponly"])
        self.assertEqual(csrf["samesite"], "Lax")

    def test_a_session_ends_with_the_browser_unless_remembered_and_then_within_a_day(self):
        get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)
        self.client.post("/admin/login/", {"username": "editor", "password": PASSWORD})
        self.assertTrue(self.client.session.get_expire_at_browser_close())

        self.client.logout()
        self.client.post(
            "/admin/login/", {"username": "editor", "password": PASSWORD, "remember": "on"}
        )
        self.assertEqual(self.client.session.get_expiry_age(), 8 * 60 * 60)

    @override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
    def test_https_responses_carry_hsts(self):
        response = self.client.get("/admin/login/", secure=True)

        self.assertEqual(
            response["Strict-Transport-Security"], "max-age=31536000; includeSubDomains"
        )
