"""Before finishing: a short summary of what was agreed, to read out together.

Dismisses with True to finish, False to go back to the conversation. It only
reads the session; finishing itself is the session screen's work.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from growtui.conversation import LiveSession
from growtui.i18n import phase_name, short_date, t, tn
from growtui.model import Action, FollowUpItem, Phase, RecordKind, Source
from growtui.safetext import shorten
from growtui.widgets.translated import Translated


class FinishScreen(Translated, ModalScreen[bool]):
    DEFAULT_CSS = """
    FinishScreen {
        #finish-dialog {
            width: 90%;
            max-width: 90;
            height: 90%;
            max-height: 40;
            border: thick $primary 50%;
            padding: 0 2;
        }
        #summary {
            height: 1fr;
        }
        .heading {
            color: $text-accent;
            text-style: bold;
            margin-top: 1;
            &.-first {
                margin-top: 0;
            }
        }
        .item {
            padding-left: 2;
        }
        .-muted {
            color: $text-muted;
        }
        .-warning {
            color: $text-warning;
            padding-left: 2;
        }
        #finish-buttons {
            height: auto;
            align-horizontal: right;
            margin-top: 1;
        }
        #confirm {
            margin-left: 2;
        }
    }
    """
    DEFAULT_CLASSES = "dialog-screen"
    AUTO_FOCUS = "#confirm"
    BINDINGS = [
        Binding("escape", "cancel", "key.back", tooltip="tip.back", id="finish.cancel"),
        Binding("f10", "confirm", "key.finish", tooltip="tip.finish", id="finish.confirm"),
        Binding("ctrl+y", "copy_recap", "key.copy_recap", tooltip="tip.copy_recap", id="finish.copy_recap"),
        Binding("ctrl+s", "save_recap", "key.save_recap", tooltip="tip.save_recap", id="finish.save_recap"),
    ]

    @classmethod
    def language(cls, live: LiveSession, *args, **kwargs) -> str:
        return live.lang

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live

    def t(self, key: str, **values: object) -> str:
        return t(key, self.live.lang, **values)

    def compose(self) -> ComposeResult:
        session = self.live.session
        title = " · ".join(part for part in (self.t("finish.title"), session.coachee, session.topic) if part)
        with Vertical(id="finish-dialog", classes="dialog") as dialog:
            dialog.border_title = Content(title)
            with VerticalScroll(id="summary"):
                yield from self._summary()
            with Horizontal(id="finish-buttons"):
                yield Button(self.t("finish.cancel"), id="cancel")
                yield Button(self.t("finish.confirm"), id="confirm", variant="primary")

    def _heading(self, key: str, first: bool = False) -> Static:
        return Static(self.t(key), classes="heading -first" if first else "heading")

    def _item(self, text: str | Content, muted: bool = False) -> Static:
        return Static(Content(text) if isinstance(text, str) else text, classes="item -muted" if muted else "item")

    def _action_line(self, action: Action) -> Content:
        when = f"{action.when:%Y-%m-%d}" if action.when else self.t("finish.no_date")
        parts: list[str | tuple[str, str]] = [
            "• ",
            self.t("options.mine.mark") if action.owner is Source.coach else "",
            action.what,
            " · ",
            (when, "" if action.when else "$foreground-muted"),
        ]
        if action.success_criterion:
            parts += [" · ", action.success_criterion]
        return Content.assemble(*parts)

    def _records(self) -> ComposeResult:
        """What the kind records, phase by phase, as it was filled in (the empty ones muted)."""
        live, lang = self.live, self.live.lang
        for phase in live.phases():
            fields = live.record_fields(phase)
            if not fields:
                continue
            yield Static(phase_name(phase, lang, live.library), classes="heading")
            for field in fields:
                value = live.session.record.get(field.id)
                if field.kind is RecordKind.choice:
                    value = next((c.label.in_(lang) for c in field.choices if c.id == value), value)
                text = f"{value}/10" if isinstance(value, int) else (value or self.t("finish.none"))
                yield self._item(
                    Content.assemble((f"{field.label.in_(lang)}: ", "$foreground-muted"), shorten(text, 200)),
                    muted=not value,
                )

    def _direction(self) -> ComposeResult:
        d = self.live.session.direction
        if Phase.direction not in self.live.phases() and not d.stated():
            return
        yield Static(phase_name(Phase.direction, self.live.lang), classes="heading")
        for key, value in (
            ("direction.what", d.what),
            ("direction.quality", d.quality),
            ("direction.in_their_words", d.in_their_words),
        ):
            yield self._item(
                Content.assemble((f"{self.t(key)}: ", "$foreground-muted"), value or self.t("finish.none")),
                muted=not value,
            )

    def _summary(self) -> ComposeResult:
        session = self.live.session
        goal, will = session.goal, session.will
        phases = self.live.phases()
        yield from self._direction()
        if Phase.goal in phases or goal.session_goal:
            yield self._heading("finish.goal", first=True)
            yield self._item(goal.session_goal or self.t("finish.none"), muted=not goal.session_goal)
        yield from self._records()
        if goal.long_term_goal:
            yield self._item(
                Content.assemble((f"{self.t('finish.long_term')}: ", "$foreground-muted"), goal.long_term_goal)
            )
        if goal.success_measure:
            yield self._item(
                Content.assemble((f"{self.t('finish.measure')}: ", "$foreground-muted"), goal.success_measure)
            )

        reviewed = [i for i in session.follow_up.items if i.outcome or i.decision]
        if session.follow_up.items:
            yield self._heading("finish.follow_up")
            for item in session.follow_up.items:
                yield self._item(self._review_line(item), muted=item not in reviewed)

        chosen = session.chosen_options()
        if Phase.options in phases or chosen:
            yield self._heading("finish.chosen")
            for option in chosen:
                mine = self.t("options.mine.mark") if option.source is Source.coach else ""
                yield self._item(f"• {mine}{option.text}")
            if not chosen:
                yield self._item(self.t("finish.none"), muted=True)

        yield self._heading("finish.actions")
        for action in will.actions:
            yield self._item(self._action_line(action))
        if not will.actions:
            yield Static(self.t("finish.no_actions"), id="no-actions", classes="-warning")
        unsettled = [a for a in will.actions if a.when is None or not a.success_criterion.strip()]
        if unsettled:
            names = ", ".join(f"'{shorten(a.what, 30)}'" for a in unsettled)
            yield Static(
                Content(tn("finish.unsettled", len(unsettled), self.live.lang, actions=names)),
                id="unsettled",
                classes="-warning",
            )

        yield self._heading("finish.motivation")
        if will.motivation is not None:
            yield self._item(f"{will.motivation}/10")
            if will.motivation_to_ten:
                yield self._item(
                    Content.assemble((f"{self.t('finish.to_ten')}: ", "$foreground-muted"), will.motivation_to_ten)
                )
        else:
            yield Static(self.t("finish.no_motivation"), id="no-motivation", classes="-warning")

        if session.next_meeting is not None:
            yield self._heading("finish.next_meeting")
            yield self._item(short_date(session.next_meeting, self.live.lang))

    def _review_line(self, item: FollowUpItem) -> Content:
        outcome = self.t(f"outcome.{item.outcome.value}") if item.outcome else self.t("outcome.unset")
        parts: list[str | tuple[str, str]] = ["• ", item.what, " · ", (outcome, "$foreground-muted")]
        if item.decision:
            parts += [" · ", (self.t(f"decision.{item.decision.value}"), "$foreground-muted")]
        return Content.assemble(*parts)

    def _recap(self) -> str:
        from growtui.render import recap_text

        return recap_text(self.live.session, self.live.session.language, self.live.library)

    def action_copy_recap(self) -> None:
        """What the coachee takes away (no notes, nothing you typed for yourself) on the clipboard, to paste."""
        self.app.copy_to_clipboard(self._recap())
        self.notify(self.t("finish.recap_copied"), timeout=6)

    def action_save_recap(self) -> None:
        """The same recap as a text file, readable by you only, beside your other growtui data."""
        from growtui import paths
        from growtui.errors import StoreWriteError
        from growtui.storage import slugify, write_atomic

        s = self.live.session
        folder = paths.ensure_private_dir(paths.data_dir() / "recaps")
        target = folder / f"{s.started_at:%Y-%m-%d}_{slugify(s.coachee)}_{s.id}.txt"
        try:
            write_atomic(target, self._recap().encode("utf-8"))
        except StoreWriteError as exc:
            self.notify(str(exc), severity="error", timeout=10, markup=False)
            return
        self.notify(self.t("finish.recap_saved", path=str(target)), timeout=10, markup=False)

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
