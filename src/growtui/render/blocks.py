"""Documents as blocks (headings, labelled fields, paragraphs, tables, items), and their two renderers.

Plain text for a terminal and Markdown for a file, from the same blocks, so
``show`` and ``export`` always tell the same record. Every piece of session
text passes through ``clean``; Markdown also escapes it, so nothing typed in
a session can become structure or HTML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from growtui.i18n import t
from growtui.model import Lang
from growtui.safetext import clean

_MD_PUNCT = re.compile(r"[\\`*_\[\]<>#|~]|&(?=#?\w+;)")
_MD_BLOCK_START = re.compile(r"^([-+=])|^(\d+)([.)])")


# --- blocks ------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Fields:
    """Labelled values, one per line."""

    pairs: list[tuple[str, str]]


@dataclass(frozen=True)
class Paragraph:
    """Free text, line breaks kept; a blank line starts a new paragraph."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Table:
    """Rows of cells. As plain text the first ``narrow`` columns line up and the rest follow the row."""

    header: list[str]
    rows: list[list[str]]
    narrow: int


@dataclass(frozen=True)
class Item:
    title: str
    fields: list[tuple[str, str]]


@dataclass(frozen=True)
class Items:
    items: list[Item]


Block = Heading | Fields | Paragraph | Table | Items


def labelled(*pairs: tuple[str, str]) -> list[Block]:
    """A Fields block of the pairs that have a value, or nothing."""
    kept = [(label, value) for label, value in pairs if value.strip()]
    return [Fields(kept)] if kept else []


def notes_block(text: str, lang: Lang | str) -> list[Block]:
    return [Paragraph(text, t("doc.notes", lang))] if text.strip() else []


def part(title: str, blocks: list[Block], level: int = 2) -> list[Block]:
    """A heading over the blocks, or nothing at all when there are none."""
    return [Heading(title, level), *blocks] if blocks else []


def title_of(text: str, lang: Lang | str) -> str:
    """An item's title; a blank one still gets a visible placeholder."""
    return text if text.strip() else t("doc.untitled", lang)


def score_text(value: int | None) -> str:
    return "" if value is None else f"{value}/10"


# --- plain text --------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in clean(text).strip("\n").split("\n")]


def _hanging(first: str, rest: list[str], indent: str) -> str:
    """The first line as is, the rest indented (blank lines stay empty)."""
    return "\n".join([first, *(f"{indent}{line}" if line else "" for line in rest)])


def _labelled(label: str, value: str, indent: str) -> str:
    colon = "" if label.endswith("?") else ":"
    first, *rest = _lines(value)
    return _hanging(f"{indent}{label}{colon} {first}", rest, indent + "  ")


def _text_heading(block: Heading) -> str:
    text = " ".join(clean(block.text).split("\n"))
    underline = {1: "=", 2: "-"}.get(block.level, "·")
    return f"{text}\n{underline * len(text)}"


def _text_table(block: Table) -> str:
    narrow = block.narrow
    cells = [[" ".join(clean(cell).split("\n")) for cell in row] for row in [block.header, *block.rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(narrow)]
    pad = " " * (sum(widths) + 2 * narrow)
    lines = []
    for index, row in enumerate(cells):
        left = "".join(cell.ljust(width + 2) for cell, width in zip(row, widths, strict=False))  # the narrow ones
        lines.append((left + row[narrow]).rstrip())
        if index:
            details = zip(block.header[narrow + 1 :], row[narrow + 1 :], strict=True)
            lines += [f"{pad}{label}: {cell}" for label, cell in details if cell]
    return "\n".join(lines)


def _text_block(block: Block) -> str:
    match block:
        case Heading():
            return _text_heading(block)
        case Fields():
            return "\n".join(_labelled(label, value, "") for label, value in block.pairs)
        case Paragraph():
            lines = _lines(block.text)
            return _hanging(f"{block.label}:", lines, "  ") if block.label else "\n".join(lines)
        case Table():
            return _text_table(block)
        case Items():
            return "\n".join(
                "\n".join([f"• {clean(item.title)}", *(_labelled(k, v, "    ") for k, v in item.fields)])
                for item in block.items
            )


def to_text(blocks: list[Block]) -> str:
    return "\n\n".join(_text_block(block) for block in blocks) + "\n"


# --- Markdown ----------------------------------------------------------------


def _md_line(line: str) -> str:
    """One line of typed text, escaped so it stays literal text wherever it lands."""
    escaped = _MD_PUNCT.sub(lambda m: "\\" + m.group(), clean(line).strip())
    return _MD_BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def _md_cell(text: str) -> str:
    return _md_line(" ".join(clean(text).split("\n")))


def _md_lines(text: str, indent: str = "") -> str:
    """Typed lines joined by hard line breaks (a trailing backslash); blank lines dropped."""
    lines = [_md_line(line) for line in clean(text).split("\n")]
    return f"\\\n{indent}".join(line for line in lines if line)


def _md_paragraphs(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", clean(text).strip())
    return "\n\n".join(_md_lines(p) for p in paragraphs if p.strip())


def _md_label(label: str) -> str:
    return label if label.endswith("?") else f"{label}:"


def _md_block(block: Block, shift: int) -> str:
    match block:
        case Heading():
            return "#" * (block.level + shift) + " " + _md_cell(block.text)
        case Fields():
            return "\\\n".join(f"**{_md_label(label)}** {_md_lines(value)}" for label, value in block.pairs)
        case Paragraph():
            body = _md_paragraphs(block.text)
            return f"**{block.label}**\n\n{body}" if block.label else body
        case Table():
            rows = [[_md_cell(cell) for cell in row] for row in [block.header, *block.rows]]
            rows.insert(1, ["---"] * len(block.header))
            return "\n".join("| " + " | ".join(row) + " |" for row in rows)
        case Items():
            return "\n".join(
                "\n".join(
                    [
                        f"- **{_md_cell(item.title)}**",
                        *(f"  - {_md_label(k)} {_md_lines(v, '    ')}" for k, v in item.fields),
                    ]
                )
                for item in block.items
            )


def to_markdown(blocks: list[Block], shift: int = 0) -> str:
    return "\n\n".join(_md_block(block, shift) for block in blocks) + "\n"


def item_list(items: list[Item]) -> list[Block]:
    kept = [Item(item.title, [(k, v) for k, v in item.fields if v.strip()]) for item in items]
    return [Items(kept)] if kept else []
