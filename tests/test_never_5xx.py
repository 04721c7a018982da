"""Whatever a visitor sends (query strings, paths, headers, methods), every public
URL answers without a 5xx and without a traceback."""

from urllib.parse import quote, urlencode

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from tests.demo import DemoSiteTestCase
from tests.public_urls import public_urls

ADVERSARIAL = [
    "",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "%",
    "%zz",
    "-1",
    "0",
    "9" * 40,
    "1e309",
    "NaN",
    "2024-13-45",
    "0000-00-00",
    "9999-12-31",
    "2020-02-30",
    "\u202e\u0000\ud7ff",
    "😀" * 50,
    "x" * 5000,
    "[]",
    "{}",
    "__proto__",
]
PARAMETER_NAMES = ["q", "page", "type", "topic", "date_from", "date_to", "sort", "order", "format"]
# Header values travel as ISO-8859-1 over HTTP.
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=300)
value = st.sampled_from(ADVERSARIAL) | st.text(max_size=200)
query_dict = st.dictionaries(
    st.sampled_from(PARAMETER_NAMES) | st.text(min_size=1, max_size=20), value, max_size=6
)
raw_query = st.text(
    st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#"), max_size=300
)
path_suffix = st.lists(
    st.sampled_from(["..", "%2e%2e", "%00", "//", "..;", "%ff", "a b", "<svg>", "💥", "9" * 30])
    | st.text(min_size=1, max_size=30),
    max_size=4,
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT": header_text,
        "HTTP_ACCEPT_LANGUAGE": header_text,
        "HTTP_ACCEPT_ENCODING": header_text,
        "HTTP_USER_AGENT": header_text,
        "HTTP_REFERER": header_text,
        "HTTP_COOKIE": header_text,
        "HTTP_IF_MODIFIED_SINCE": header_text,
        "HTTP_IF_NONE_MATCH": header_text,
        "HTTP_RANGE": header_text,
        "HTTP_X_FORWARDED_FOR": header_text,
        "HTTP_X_FORWARDED_PROTO": header_text,
        "HTTP_HOST": st.sampled_from(["testserver", "evil.example", "", "testserver:99999"])
        | header_text,
    },
)
EXAMPLES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class NeverA5xxTests(HypothesisTestCase, DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.urls = public_urls()

    def setUp(self):
        # A crash in a view raises here, failing the example with its traceback.
        self.client = Client()

    def assertAnswered(self, response):
        self.assertLess(response.status_code, 500)
        content = b"" if response.streaming else response.content
        self.assertNotIn(b"Traceback", content)

    def path_of(self, data):
        return self.urls[data.draw(st.sampled_from(sorted(self.urls)))]

    @EXAMPLES
    @given(st.data(), query_dict)
    def test_any_query_parameters(self, data, query):
        path = self.path_of(data)
        self.assertAnswered(self.client.get(path + "?" + urlencode(query)))

    @EXAMPLES
    @given(st.data(), raw_query)
    def test_any_raw_query_string(self, data, query):
        self.assertAnswered(self.client.get(self.path_of(data) + "?" + query))

    @EXAMPLES
    @given(st.data(), path_suffix)
    def test_any_path_below_a_public_url(self, data, segments):
        path = self.path_of(data) + "/".join(quote(s, safe="%/;") for s in segments)
        self.assertAnswered(self.client.get(path))

    @EXAMPLES
    @given(st.data(), headers, st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]))
    def test_any_headers_and_method(self, data, extra, method):
        path = self.path_of(data)
        self.assertAnswered(self.client.generic(method, path, **extra))
