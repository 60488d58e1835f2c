"""growtui: a calm terminal companion for GROW coaching conversations.

The subpackages own their public names (each ``__init__`` lists them in
``__all__``) and load the module behind a name only when it is first used
(PEP 562, see :func:`lazy_exports`), so ``growtui list`` never pays for
pydantic or Textual it does not need.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from typing import Any

# No pydantic plugin is loaded: one installed beside growtui would be handed every value a model validates,
# a session's notes included, and may send them anywhere. Looking for them also cost start-up time (the
# entry points of every installed package are read). pydantic reads this when it builds each model.
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for a package whose names live in its modules.

    ``exports`` maps each public name to the module (inside the package) that
    defines it; the module is imported on first use and the name cached in
    the package.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__


def __getattr__(name: str) -> str:
    """``growtui.__version__``, looked up on first use: importlib.metadata costs start-up time."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("growtui")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.0+source"
