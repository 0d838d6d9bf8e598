from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests run a fixed, derandomized budget; on a loaded machine generating their
# examples may be slow, which is no failure of ravel's.
settings.register_profile("ravel", suppress_health_check=[HealthCheck.too_slow], deadline=None)
settings.load_profile("ravel")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite fixtures/*/expected.* from output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
