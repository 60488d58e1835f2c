"""growtui: a calm terminal companion for GROW coaching conversations."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("growtui")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"
