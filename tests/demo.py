"""A test case class whose tests share one load of the demo content."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from ilrc_site.models import HomePage


class DemoSiteTestCase(TestCase):
    """Loads the demo site once per class; each test runs in a transaction rolled back after it."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())
        cls.home = HomePage.objects.in_language("en").get()
