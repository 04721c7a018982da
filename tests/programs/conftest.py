import pytest

from ilrc_site.demo.home import load_home
from tests.factories import ProgramIndexPageFactory, PublicationIndexPageFactory


@pytest.fixture
def home(db):
    return load_home()


@pytest.fixture
def library(home):
    return PublicationIndexPageFactory(parent=home)


@pytest.fixture
def programs(home):
    return ProgramIndexPageFactory(parent=home)
