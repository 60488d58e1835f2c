"""The current question, large and readable, and a line to note the answer against it.

The answer line is reached with Ctrl+L only, never with Tab: Tab moves between
the notes and the phase's own fields, so nothing typed there can become an
answer by accident. What is typed in the line is a draft (see
:mod:`growtui.conversation.asking`); Enter confirms it as the answer.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from growtui.conversation import LiveSession, ScoreNeeded
from growtui.i18n import t
from growtui.model import Asked, Depth, Kind, Prompt
from growtui.widgets.base import SessionEdited


class AnswerLine(Input):
    """The answer line: focusable only while the manager means to type an answer (Ctrl+L)."""

    can_focus = False
    typing_label = ""

    def open(self) -> None:
        self.can_focus = True
        self.focus()

    def _on_blur(self, event) -> None:
        self.can_focus = False  # Tab and Shift+Tab never land here
        super()._on_blur(event)


class QuestionPanel(Vertical):
    """Shows ``live.current()``; Enter in the answer line logs the answer."""

    DEFAULT_CSS = """
    QuestionPanel {
        height: auto;
        padding: 0 1;
        border-left: thick $primary;
        margin: 1 0 0 0;
        #question-text { text-style: bold; color: $text; }
        #question-meta { color: $text-muted; height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
        #answer {
            border: none;
            height: 1;
            padding: 0;
            background: $surface;
            &:focus { background: $boost; text-style: bold; }
        }
        &.-error #question-meta { color: $error; }
    }
    """

    class AnswerLogged(Message):
        def __init__(self, asked: Asked) -> None:
            super().__init__()
            self.asked = asked

    def __init__(self, live: LiveSession, **kwargs) -> None:
        super().__init__(**kwargs)
        self.live = live

    def compose(self) -> ComposeResult:
        yield Static(id="question-text")
        yield Static(id="question-meta")
        answer = AnswerLine(id="answer", compact=True, select_on_focus=False)
        answer.typing_label = t("typing.answer", self.live.lang)
        yield answer

    def on_mount(self) -> None:
        self.show()
        self.clear_answer()  # a resumed conversation shows the answer that was being typed

    @property
    def prompt(self) -> Prompt | None:
        return self.live.current()

    @property
    def answer_line(self) -> AnswerLine:
        return self.query_one("#answer", AnswerLine)

    def show(self, error: str | None = None) -> None:
        text, meta, placeholder = question_texts(self.live, error)
        self.set_class(error is not None, "-error")
        self.query_one("#question-text", Static).update(text)
        self.query_one("#question-meta", Static).update(Text(meta, no_wrap=True, overflow="ellipsis"))
        self.answer_line.placeholder = placeholder

    @on(Input.Changed, "#answer")
    def draft(self, event: Input.Changed) -> None:
        """Every keystroke is in the session as a draft (autosaved like notes); clearing the line clears it."""
        event.stop()
        prompt = self.prompt
        if prompt is not None:
            self.live.draft_answer(prompt, event.value)
            self.post_message(SessionEdited())

    def pull_draft(self) -> None:
        """What the answer line holds into the session's draft, before its Changed message comes (a flush)."""
        prompt = self.prompt
        if prompt is not None and self.answer_line.value != self.live.draft_for(prompt):
            self.live.draft_answer(prompt, self.answer_line.value)

    def clear_answer(self) -> None:
        """The question changed: the line shows what is being typed for this one, if anything."""
        answer = self.answer_line
        text = self.live.draft_for(self.prompt)
        if answer.value != text:
            with answer.prevent(Input.Changed):
                answer.value = text

    @on(Input.Submitted, "#answer")
    def log_answer(self, event: Input.Submitted) -> None:
        event.stop()
        prompt = self.prompt
        if prompt is None or not event.value.strip():
            return
        try:
            asked = self.live.log_answer(prompt, event.value)
        except ScoreNeeded:
            self.show(error=t("answer.needs_score", self.live.lang))
            return
        self.clear_answer()
        self.show()
        self.post_message(self.AnswerLogged(asked))


def question_texts(live: LiveSession, error: str | None = None) -> tuple[str, str, str]:
    """The current question, the line under it (or ``error``), and the answer line's placeholder."""
    lang = live.lang
    prompt = live.current()
    if prompt is None:
        return t("question.none", lang), "", ""
    if error:
        meta = error
    else:
        n, total = live.position()
        parts = [t("question.count", lang, n=n, total=total)]
        if prompt.question is not None and prompt.question.depth is Depth.beliefs:
            parts.insert(0, t("question.wait", lang))  # a question that goes deep needs room for the answer
        if prompt.kind is Kind.scale:
            parts.append(t("question.scale", lang))
        if prompt.follow_up_of:
            parts.append(t("question.followup", lang))
        if prompt.question is not None:
            parts.append(prompt.question.purpose.in_(lang))
        meta = " · ".join(parts)
    key = "answer.placeholder.scale" if prompt.kind is Kind.scale else "answer.placeholder"
    return prompt.text.in_(lang), meta, t(key, lang)
