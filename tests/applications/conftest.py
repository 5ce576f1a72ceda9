import pytest

from tests.microprojects.factories import FundingProgrammeFactory, MunicipalityFactory


@pytest.fixture
def town():
    """An open programme and the town a project takes place in."""
    FundingProgrammeFactory()
    return MunicipalityFactory(name="Borna")
