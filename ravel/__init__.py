"""ravel: compare the dated factual claims of several documents.

    from ravel import run
    report = run(["seeds/"])

The public names are imported lazily so that `ravel --version` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Document",
    "Event",
    "Finding",
    "Options",
    "RavelError",
    "Report",
    "__version__",
    "load",
    "read",
    "run",
]

_LAZY = {
    "Claim": "ravel.model",
    "Document": "ravel.model",
    "Event": "ravel.model",
    "Finding": "ravel.model",
    "Report": "ravel.model",
    "RavelError": "ravel.errors",
    "Options": "ravel.pipeline",
    "load": "ravel.pipeline",
    "read": "ravel.pipeline",
    "run": "ravel.pipeline",
}

if TYPE_CHECKING:
    from ravel.errors import RavelError
    from ravel.model import Claim, Document, Event, Finding, Report
    from ravel.pipeline import Options, load, read, run


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'ravel' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
