import pytest

from ilrc_site.demo.home import load_home
from tests.factories import PublicationIndexPageFactory


@pytest.fixture
def home(db):
    return load_home()


@pytest.fixture
def index(home):
    return PublicationIndexPageFactory(parent=home)
