"""A test case class whose tests share one load of the demo content."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from ilrc_site.models import HomePage


class DemoSiteTestCase(TestCase):
    """Loads the demo site once per class; each test runs in a transaction rolled back after it."""

    # The English site alone, unless a class needs the other languages' too.
    with_translations = False

    @classmethod
    def setUpTestData(cls):
        options = {} if cls.with_translations else {"without_translations": True}
        call_command("load_demo_content", stdout=StringIO(), **options)
        cls.home = HomePage.objects.in_language("en").get()
