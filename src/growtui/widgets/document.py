"""Textual's Markdown with bullet lists drawn as one widget each: the same screen, an eighth of the widgets.

Textual draws every list item as four widgets (a row, its bullet, a column,
a paragraph), and a list inside an item as four more per item. A coachee's
arc of 23 sessions became 2,100 widgets, which took 5-7 seconds to mount
and lay out, with Esc waiting meanwhile. Here a bullet list whose items hold
only paragraphs and bullet lists is drawn by one widget that wraps each
paragraph to the width beside its bullet, exactly as Textual's row and
column would: the same characters in the same styles, cell for cell (a test
compares the screens). Any other list is left to Textual.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Markdown
from textual.widgets._markdown import MarkdownBlock, MarkdownBulletList, MarkdownListItem, MarkdownParagraph

__all__ = ["DocumentMarkdown"]


def _plain(items: list[MarkdownBlock]) -> bool:
    """Only bullet items of paragraphs and bullet lists, all the way down."""
    return all(
        isinstance(item, MarkdownListItem)
        and all(
            type(block) is MarkdownParagraph or (type(block) is _PlainBulletList and _plain(block._blocks))
            for block in item._blocks
        )
        for item in items
    )


def _lines(items: list[MarkdownBlock], width: int, bullet_style: str) -> list[Content]:
    """The lines of a list at ``width``: each item's bullet, then its paragraphs and lists beside it."""
    out: list[Content] = []
    for item in items:
        bullet = Content.styled(item.bullet, bullet_style)  # type: ignore[attr-defined]
        room = max(1, width - bullet.cell_length)
        inner: list[Content] = []
        for block in item._blocks:
            if type(block) is MarkdownParagraph:
                inner += block._content.wrap(room)
            else:  # a list in the item (see _plain)
                inner += _lines(block._blocks, room, bullet_style)
        blank = Content.styled(" " * bullet.cell_length, bullet_style)
        out += [(bullet if n == 0 else blank) + line for n, line in enumerate(inner or [Content("")])]
    return out


class ListLines(MarkdownBlock):
    """A whole bullet list, drawn as lines."""

    DEFAULT_CSS = "ListLines { width: 1fr; height: auto; }"

    def __init__(self, markdown: Markdown, owner: MarkdownBlock, items: list[MarkdownBlock]) -> None:
        super().__init__(markdown, owner._token)
        self._items = items
        self._drawn: tuple[tuple[int, str], list[Content]] | None = None

    def _bullet_style(self) -> str:
        return "$text-primary" if self.app.current_theme.dark else "$text-secondary"  # as MarkdownBullet's CSS

    def lines(self, width: int) -> list[Content]:
        key = (width, self._bullet_style())
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = (key, _lines(self._items, width, key[1]))
        return self._drawn[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))


class _PlainBulletList(MarkdownBulletList):
    def compose(self) -> ComposeResult:
        if not _plain(self._blocks):
            yield from super().compose()
            return
        items = list(self._blocks)
        self._blocks.clear()
        yield ListLines(self._markdown, self, items)


class DocumentMarkdown(Markdown):
    """Markdown for growtui's documents (a session, a coachee's arc)."""

    BLOCKS = {**Markdown.BLOCKS, "bullet_list_open": _PlainBulletList}
