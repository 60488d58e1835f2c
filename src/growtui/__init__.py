"""growtui: a calm terminal companion for GROW coaching conversations."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``growtui.__version__``, looked up on first use: importlib.metadata costs start-up time."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("growtui")
    except PackageNotFoundError:  # running from a source tree without installing
        return "0.0.0+source"
