"""Pick any question of a phase: filter by words or ``#tag`` and by depth, see why a coach asks it.

The list is what this conversation's type offers in the phase. Dismisses
with the chosen Question, or None. Typing stays in the filter; up and down
move the highlight in the list, Enter picks it, F2 cycles the depth (all,
facts, exploring, beliefs: the question ladder from what happened to what
someone believes).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from growtui.conversation import LiveSession
from growtui.i18n import phase_name, t
from growtui.index import fold
from growtui.library import Library
from growtui.model import Depth, Kind, Question
from growtui.widgets.translated import Translated


def matches(question: Question, query: str, lang: str) -> bool:
    """Every plain word must occur in the text; every ``#tag`` must start one of the tags."""
    text = fold(question.text.in_(lang))
    tags = [fold(tag) for tag in question.tags]
    for token in fold(query).split():
        if token.startswith("#"):
            wanted = token.lstrip("#")
            if wanted and not any(tag.startswith(wanted) for tag in tags):
                return False
        elif token not in text:
            return False
    return True


class QuestionPicker(Translated, ModalScreen[Question | None]):
    DEFAULT_CSS = """
    QuestionPicker {

        #picker-dialog {
            width: 90%;
            max-width: 100;
            height: 85%;
            border: thick $primary 50%;
            padding: 0 1;
        }
        #picker-title {
            text-style: bold;
            margin: 1 0 0 1;
        }
        #questions {
            height: 1fr;
        }
        #depth {
            color: $text-muted;
            margin: 0 1;
        }
        #purpose {
            height: auto;
            min-height: 2;
            color: $text-muted;
            padding: 0 1;
            margin-bottom: 1;
        }
    }
    """
    DEFAULT_CLASSES = "dialog-screen"
    AUTO_FOCUS = "#filter"
    BINDINGS = [
        Binding("escape", "close", "key.close", tooltip="tip.picker.close", id="picker.close"),
        Binding("up", "move(-1)", "key.up", tooltip="tip.picker.move", id="picker.up", show=False),
        Binding("down", "move(1)", "key.down", tooltip="tip.picker.move", id="picker.down", show=False),
        Binding("f2", "cycle_depth", "key.depth", tooltip="tip.picker.depth", id="picker.depth", key_display="F2"),
    ]
    DEPTHS: tuple[Depth | None, ...] = (None, Depth.facts, Depth.exploring, Depth.beliefs)

    @classmethod
    def language(cls, live: LiveSession, *args, **kwargs) -> str:
        return live.lang

    def __init__(self, live: LiveSession, phase: str) -> None:
        super().__init__()
        self.lang = live.lang
        self.library = live.library
        self.phase = phase
        self.heading = self.t("picker.title", phase=phase_name(phase, live.lang, live.library))
        self.questions = live.library.for_phase(phase, live.session.type)
        self.marked = live.asked_keys()  # ticked in the list
        self.shown: list[Question] = []
        self.depth: Depth | None = None

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker-dialog", classes="dialog"):
            yield Label(self.heading, id="picker-title")
            yield Input(id="filter", placeholder=self.t("picker.filter"))
            yield Label(self._depth_text(), id="depth")
            yield OptionList(id="questions")
            yield Static(id="purpose")

    def on_mount(self) -> None:
        self.show_matches("")

    def _line(self, question: Question, asked: bool) -> Content:
        parts: list[str | tuple[str, str]] = [
            ("✓ ", "$text-success") if asked else "  ",
            (question.text.in_(self.lang), "$foreground-muted" if asked else ""),
        ]
        if question.kind is Kind.scale:
            parts.append(("  (1-10)", "$foreground-muted"))
        if question.depth is Depth.beliefs:
            parts.append(("  · " + self.t("depth.beliefs"), "$text-warning"))
        if question.tags:
            parts.append(("  " + " ".join(f"#{tag}" for tag in question.tags), "$foreground-muted italic"))
        return Content.assemble(*parts)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    def show_matches(self, query: str) -> None:
        asked = self.marked
        self.shown = [
            q for q in self.questions if (self.depth is None or q.depth is self.depth) and matches(q, query, self.lang)
        ]
        option_list = self.query_one("#questions", OptionList)
        option_list.set_options(Option(self._line(q, q.id in asked), id=q.id) for q in self.shown)
        if self.shown:
            option_list.highlighted = 0
        self._show_purpose(option_list.highlighted)

    @on(OptionList.OptionHighlighted, "#questions")
    def highlight_changed(self, event: OptionList.OptionHighlighted) -> None:
        self._show_purpose(event.option_index)

    def _show_purpose(self, index: int | None) -> None:
        purpose = self.query_one("#purpose", Static)
        if index is None or not self.shown:
            purpose.update(self.t("picker.none"))
        else:
            purpose.update(Content(self.shown[index].purpose.in_(self.lang)))

    @property
    def highlighted(self) -> Question | None:
        index = self.query_one("#questions", OptionList).highlighted
        return self.shown[index] if index is not None and self.shown else None

    def action_move(self, delta: int) -> None:
        option_list = self.query_one("#questions", OptionList)
        if delta < 0:
            option_list.action_cursor_up()
        else:
            option_list.action_cursor_down()

    @on(Input.Submitted, "#filter")
    def pick_highlighted(self) -> None:
        if (question := self.highlighted) is not None:
            self.dismiss(question)

    @on(OptionList.OptionSelected, "#questions")
    def pick_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def _depth_text(self) -> str:
        depth = self.t(f"depth.{self.depth.value}") if self.depth is not None else self.t("depth.all")
        return self.t("picker.depth", depth=depth)

    def action_cycle_depth(self) -> None:
        self.depth = self.DEPTHS[(self.DEPTHS.index(self.depth) + 1) % len(self.DEPTHS)]
        self.query_one("#depth", Label).update(self._depth_text())
        self.show_matches(self.query_one("#filter", Input).value)

    def action_close(self) -> None:
        self.dismiss(None)


class PreparationPicker(QuestionPicker):
    """Picking a question in advance, before the conversation: every phase of the kind, in its order.

    Those already picked are ticked; picking one of them again takes it back out.
    """

    @classmethod
    def language(cls, *args, **kwargs) -> str:  # (library, type_id, lang, picked)
        return str(args[2] if len(args) > 2 else kwargs["lang"])

    def __init__(self, library: Library, type_id: str, lang: str, picked: list[str]) -> None:
        ModalScreen.__init__(self)
        self.lang, self.library, self.phase = lang, library, ""
        kind = library.type_of(type_id)
        phases = kind.phase_ids() if kind is not None else library.known_phases()
        offered = {q.id: q for p in phases for q in library.for_phase(p, type_id)}
        self.questions = list(offered.values())
        self.marked = set(picked)
        self.heading = self.t("prep.questions", n=len(picked))
        self.shown = []
        self.depth = None
