"""Key descriptions and tooltips in the interface language, with public Textual API only.

Textual reads ``BINDINGS`` per class when a class is made, and has no hook to
translate them per instance. So each language gets a subclass of the same
name (CSS, queries by type and ``isinstance`` keep working) whose bindings
are translated. A class either offers ``bindings_for(lang)``, or declares its
bindings with i18n keys (``"key.new"``, ``"tip.new"``) as description and
tooltip, which are translated here.

Classes that inherit ``Translated`` and say how to find the language in their
constructor arguments (``language``) get their language's subclass
automatically: ``HomeScreen(store, config, "nl")`` is Dutch.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar, TypeVar

from textual.binding import Binding

from growtui.i18n import t

T = TypeVar("T")


def translate_bindings(bindings: list[Any], lang: str) -> list[Any]:
    def tr(text: str) -> str:
        return t(text, lang) if text else text  # a key; a missing one is a KeyError, caught by the tests

    return [
        replace(b, description=tr(b.description), tooltip=tr(b.tooltip)) if isinstance(b, Binding) else b
        for b in bindings
    ]


_MADE: dict[tuple[type, str], type] = {}


def translated(cls: type[T], lang: str) -> type[T]:
    """``cls`` with its key descriptions and tooltips in ``lang``; made once per class and language."""
    if getattr(cls, "_lang", None) == lang:
        return cls
    if (cls, lang) not in _MADE:
        _MADE[cls, lang] = _subclass(cls, lang)
    made: type[T] = _MADE[cls, lang]
    return made


def _subclass(cls: type, lang: str) -> type:
    bindings_for = getattr(cls, "bindings_for", None)
    bindings = bindings_for(lang) if bindings_for else translate_bindings(cls.__dict__.get("BINDINGS", []), lang)
    namespace = {"BINDINGS": bindings, "_lang": lang, "__module__": cls.__module__, "__doc__": cls.__doc__}
    help_for = getattr(cls, "help_for", None)
    if help_for is not None:  # the help panel's text, in the same language as the keys
        namespace["HELP"] = help_for(lang)
    return type(cls.__name__, (cls,), namespace)


class Translated:
    """Mixin: an instance is made from the subclass for its language."""

    _lang: ClassVar[str | None] = None

    @classmethod
    def language(cls, *args: Any, **kwargs: Any) -> str | None:
        """The language for an instance made with these arguments (None: as declared)."""
        return None

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        lang = cls.language(*args, **kwargs)
        made = translated(cls, str(lang)) if lang is not None and cls._lang != lang else cls
        return super().__new__(made)
