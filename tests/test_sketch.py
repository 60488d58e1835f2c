"""The first frame of ``growtui new`` drawn from plain data (issue 18): it draws what the session screen
draws, nothing pressed while it is up is lost, and a kept frame is used only while nothing it came from
changed.

No timings here (they are in bench/): these tests compare what is drawn and count what is loaded.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from factories import FrozenClock
from growtui import first_frame, paths, sketched
from growtui.app import GrowApp, Start
from growtui.config import Config
from growtui.errors import ConfigError, Problem
from growtui.first_frame import Sketch
from growtui.model import DEFAULT_TYPE
from growtui.screens.home import HomeScreen
from growtui.screens.session import SessionScreen
from growtui.screens.sketch import SketchScreen
from growtui.sketched import Deferred
from growtui.storage import Store
from growtui.widgets.fields import NotesArea
from terminal import Terminal
from ui_helpers import make_app, shipped_library, wait_until


def _kept(config: Config | None = None):
    first_frame.keep(first_frame.digests((), paths.config_file()), config or Config(), shipped_library())
    kept = first_frame.kept((), paths.config_file())
    assert kept is not None
    return kept


def _sketch(lang="en", type_id=None, coachee="Bench", topic="") -> Sketch:
    frame = _kept().frame(type_id, lang)
    assert frame is not None
    return Sketch(frame, lang, coachee, topic, frame.minutes or 45)


def _lines(app) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


def _cells(app) -> list[list[tuple]]:
    """Every cell of the screen as it looks: its character and background, and the colour and attributes
    of what is drawn in it (a space shows no colour or weight, so those are left out for spaces)."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        row = []
        for segment in strip:
            style = segment.style
            for char in segment.text:
                look: tuple = () if style is None else (str(style.bgcolor), style.reverse)
                if char != " " and style is not None:
                    look += (str(style.color), style.bold, style.dim, style.italic)
                row.append((char, look))
        rows.append(row)
    return rows


def deferred_app(sessions, sketch: Sketch, load=None, **app_kwargs) -> GrowApp:
    def loaded():
        return Store(sessions), shipped_library(), Config(language=sketch.lang), None

    start = Start(coachee=sketch.coachee, topic=sketch.topic, language=sketch.lang)
    deferred = Deferred(sketch, "textual-dark", load or loaded)
    lang = sketch.lang
    return GrowApp(store=None, library=None, config=None, lang=lang, start=start, deferred=deferred, **app_kwargs)


@pytest.mark.parametrize(
    ("lang", "type_id", "size"),
    [("en", None, (100, 30)), ("nl", None, (100, 30)), ("en", None, (80, 24)), ("nl", "feedback", (80, 24))],
)
async def test_the_first_frame_draws_what_the_session_screen_draws(tmp_path, monkeypatch, lang, type_id, size):
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 60.0)  # the frame stays up: nothing is loaded behind it
    drawn = deferred_app(tmp_path / "s", _sketch(lang, type_id, coachee="Noor Walk", topic="Quiet Mondays"))
    async with drawn.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: isinstance(drawn.screen, SketchScreen) and drawn.focused is not None)
        await wait_until(pilot, lambda: "palette" in _lines(drawn)[-1])
        first, first_cells = _lines(drawn), _cells(drawn)
        drawn.exit()
    real = make_app(
        tmp_path / "s", lang=lang, clock=lambda: 0.0, coachee="Noor Walk", topic="Quiet Mondays", type_id=type_id
    )
    async with real.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: isinstance(real.screen, SessionScreen) and real.focused is not None)
        await wait_until(pilot, lambda: "palette" in _lines(real)[-1])  # the key bar is drawn last
        for got, want in zip(first, _lines(real), strict=True):
            assert got == want
        for y, (got_row, want_row) in enumerate(zip(first_cells, _cells(real), strict=True)):
            assert got_row == want_row, f"row {y}: {first[y]}"


async def test_keys_pressed_while_the_first_frame_is_up_reach_the_notes_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 3.0)  # the frame stays up while the keys come
    app = deferred_app(tmp_path / "s", _sketch())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        await pilot.press("H", "i", "space", "t", "h", "e", "r", "e")
        app.post_message(events.Paste(" and pasted"))
        await pilot.pause(0.05)
        assert isinstance(app.screen, SketchScreen)  # still only the frame: nothing typed is drawn yet
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await wait_until(
            pilot, lambda: isinstance(app.focused, NotesArea) and app.focused.text == "Hi there and pasted"
        )
        await pilot.press("ctrl+q")
    [saved] = (tmp_path / "s").rglob("*.toml")
    assert 'notes = "Hi there and pasted"' in saved.read_text()


async def test_quitting_while_the_first_frame_is_up_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 0.3)
    app = deferred_app(tmp_path / "s", _sketch())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app._exit_renderables is not None or not app.is_running, timeout=5)
    assert app.return_code in (0, None)
    assert not list((tmp_path / "s").rglob("*.toml"))


async def test_a_config_broken_behind_the_first_frame_ends_with_its_problem(tmp_path):
    def load():
        raise ConfigError([Problem(tmp_path / "config.toml", "time_box_minutes: not a number", line=2)])

    app = deferred_app(tmp_path / "s", _sketch(), load=load)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: not app.is_running, timeout=5)
    assert app.return_code == 2
    assert isinstance(app.load_error, ConfigError)  # the command line reports it as a full start does
    assert not list((tmp_path / "s").rglob("*"))


def test_a_kept_frame_goes_stale_when_the_config_or_a_question_file_changes(tmp_path):
    config = paths.config_file()
    _kept()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('language = "nl"\n')
    assert first_frame.kept((), config) is None  # the config changed: the next start is the full one
    _kept(Config(language="nl"))
    kept = first_frame.kept((), config)
    assert kept is not None and kept.settings.language == "nl"
    extra = tmp_path / "mine.toml"
    extra.write_text("schema_version = 1\n")
    assert first_frame.kept((extra,), config) is None


def test_the_frames_kept_follow_the_library_and_say_nothing_about_a_person():
    kept = _kept()
    library = shipped_library()
    assert first_frame.DEFAULT_TYPE == DEFAULT_TYPE
    assert set(kept.types) == set(library.types)
    assert kept.frame(None, "nl") is not None and kept.frame(None, "en") is not None
    for name, frame in kept.frames.items():
        type_id, _lang = name.split("/")
        follow_up_later = [p for p in library.types[type_id].phase_ids() if p != "follow_up"]  # with open actions
        assert [phase for phase, _ in frame.phases] == follow_up_later
    text = (paths.cache_dir() / "first-frame.json").read_text()
    assert json.loads(text)["format"] == first_frame.FORMAT
    assert '"-"' not in text  # not even the stand-in coachee the frames were made with


def test_the_first_frame_needs_neither_pydantic_nor_the_models(env_for_subprocess, tmp_path):
    _kept()
    code = (
        "import sys\n"
        "from growtui import first_frame, paths\n"
        "from growtui.cli import Options\n"
        "from growtui.cli.tui import _deferred\n"
        "from growtui.screens.sketch import SketchScreen\n"
        "kept = first_frame.kept((), paths.config_file())\n"
        f"opts = Options(sessions_dir=__import__('pathlib').Path({str(tmp_path / 's')!r}), lang='en')\n"
        "start = {'coachee': 'Bench', 'topic': '', 'minutes': None, 'language': None, 'type_id': None}\n"
        "lang, deferred = _deferred(opts, start, kept)\n"
        "SketchScreen(deferred.sketch)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m.startswith(('growtui.model', "
        "'growtui.conversation', 'growtui.library', 'filelock'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env_for_subprocess, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


SEEN = """
import pathlib
import growtui.screens.sketch as sketch
drawn = sketch.SketchScreen.on_mount
def on_mount(self):
    pathlib.Path(os.environ["GROWTUI_TEST_SKETCH_SEEN"]).write_text(self.sketch.coachee)
    drawn(self)
sketch.SketchScreen.on_mount = on_mount
"""


def _type_at_once_then_more(term: Terminal, folder: Path) -> bytes:
    """Type before anything is drawn (held until the notes are there), then more once the screen is up,
    wait for it on disk, quit; what the terminal was sent."""
    term.send("typed at once")
    term.wait_for("Next question")
    term.send(", then more")
    deadline = time.monotonic() + 20
    while "then more" not in "".join(p.read_text() for p in folder.rglob("*.toml")) and time.monotonic() < deadline:
        time.sleep(0.05)
    term.send("\x11")
    assert term.wait_exit() == 0
    return bytes(term.output)


def test_a_real_second_start_draws_the_kept_frame_and_keeps_every_key(tmp_path, env_for_subprocess):
    folder, seen = tmp_path / "sessions", tmp_path / "seen"
    env = {**env_for_subprocess, "GROWTUI_TEST_SKETCH_SEEN": str(seen)}
    args = ["--sessions-dir", str(folder), "--lang", "en", "new", "--coachee"]
    kept = Path(env["XDG_CACHE_HOME"]) / "growtui" / "first-frame.json"
    with Terminal([*args, "First"], env, inject=SEEN) as term:
        term.wait_for("Next question")
        deadline = time.monotonic() + 20
        while not kept.exists() and time.monotonic() < deadline:  # kept in a thread after the first frame
            time.sleep(0.05)
        term.send("\x11")  # Ctrl+Q, nothing typed
        assert term.wait_exit() == 0
    assert kept.exists() and not seen.exists()  # the first start is the full one, and keeps the frame
    with Terminal([*args, "Second"], env, inject=SEEN) as term:
        _type_at_once_then_more(term, folder)
    assert seen.read_text() == "Second"  # this start drew the kept frame first
    [saved] = folder.rglob("*.toml")
    assert 'notes = "typed at once, then more"' in saved.read_text()
    assert not kept.read_text().count("Second")  # nothing about a person in the cache


async def test_a_key_still_queued_when_the_held_ones_are_replayed_comes_after_them(tmp_path, monkeypatch):
    """Seen in tmux: "Goed geslapen" typed at 8 keys a second became "gGoed eslapen"; the held keys were
    posted again behind a "g" that was already waiting in the app's queue."""
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 3.0)
    release = sketched.Sketched._release_keys
    monkeypatch.setattr(sketched.Sketched, "_release_keys", lambda self, tries=0: None)  # released by hand below
    app = deferred_app(tmp_path / "s", _sketch())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        await pilot.press("G", "o", "e", "d", "space")
        app._load_rest()
        await wait_until(pilot, lambda: isinstance(app.focused, NotesArea))
        app.post_message(events.Key("g", "g"))  # typed just now: waiting in the queue
        replayed = release(app)
        if inspect.isawaitable(replayed):
            await replayed
        await wait_until(pilot, lambda: isinstance(app.focused, NotesArea) and app.focused.text == "Goed g")


def test_snapshot_the_first_frame(snap_compare, tmp_path, monkeypatch):
    """The frame ``growtui new`` draws from plain data (in Dutch, with a topic), as the terminal shows it."""
    import types

    from growtui.screens import sketch as sketch_module

    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 60.0)  # nothing is loaded behind it
    monkeypatch.setattr(sketch_module, "time", types.SimpleNamespace(monotonic=lambda: 100.0))  # the clock at 0:00
    app = deferred_app(tmp_path / "s", _sketch("nl", coachee="Sanne de Vries", topic="Werkdruk"))

    async def drawn(pilot):
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen) and "palette" in _lines(app)[-1])

    assert snap_compare(app, terminal_size=(100, 30), run_before=drawn)


async def test_words_and_then_ctrl_q_on_the_first_frame_are_saved_then_it_quits(tmp_path, monkeypatch):
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 3.0)
    app = deferred_app(tmp_path / "s", _sketch())
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        await pilot.press("x", "y", "ctrl+l", "a", "ctrl+q")  # Ctrl+L: the answer line, as a manager might
        await wait_until(pilot, lambda: not app.is_running, timeout=15)
    [saved] = (tmp_path / "s").rglob("*.toml")
    text = saved.read_text()
    assert 'notes = "xy"' in text  # before Ctrl+L: the notes
    assert 'text = "a"' in text  # after it: a draft on the answer line, not an answer nobody confirmed
    assert "asked = []" in text


async def test_keys_on_a_first_frame_whose_conversation_cannot_open_go_nowhere_else(tmp_path, monkeypatch):
    """They are dropped with a word, never typed into the home screen's fields."""
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 3.0)
    monkeypatch.setattr(sketched, "RELEASE_TRIES", 5)
    app = deferred_app(tmp_path / "s", _sketch(coachee="Bad \udcff name"))  # bytes that are not UTF-8
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        await pilot.press("P", "i", "m", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        dropped = "The 4 keys you pressed while growtui was starting were not kept"
        await wait_until(pilot, lambda: any(dropped in str(n.message) for n in app._notifications))
        assert app.screen.query_one("#coachee", Input).value == ""
    assert not list((tmp_path / "s").rglob("*.toml"))


def test_a_name_that_is_not_text_gets_the_full_start_and_its_message():
    from growtui.cli import Options
    from growtui.cli.tui import _deferred

    kept = _kept()
    start = {"coachee": "Bad \udcff", "topic": "", "minutes": None, "language": None, "type_id": None}
    assert _deferred(Options(lang="en"), start, kept) is None
    assert _deferred(Options(lang="en"), {**start, "coachee": "Good"}, kept) is not None


@pytest.mark.parametrize("how", ["first start", "resume"])
def test_keys_typed_before_a_full_start_shows_its_screen_reach_the_notes(tmp_path, env_for_subprocess, how):
    """No kept frame (the very first start, ``resume``): the start is the full one, and what is typed while
    it loads is held all the same. Seen in tmux: "Moe maar " typed from 0.3 s after ``resume`` was gone."""
    folder = tmp_path / "sessions"
    args = ["--sessions-dir", str(folder), "--lang", "en"]
    if how == "resume":
        with Terminal([*args, "new", "--coachee", "Again"], env_for_subprocess) as term:
            term.wait_for("Next question")
            term.send("begun ")
            term.wait_for("begun")
            term.send("\x11")
            assert term.wait_exit() == 0
        [saved] = folder.rglob("*.toml")
        args += ["resume", str(saved)]
    else:
        args += ["new", "--coachee", "Once"]
    with Terminal(args, env_for_subprocess) as term:
        raw = _type_at_once_then_more(term, folder)
    [saved] = folder.rglob("*.toml")
    expected = "begun typed at once, then more" if how == "resume" else "typed at once, then more"
    assert f'notes = "{expected}"' in saved.read_text()
    # Nothing typed stays on the shell's own screen after growtui has gone (seen in tmux: " ge" of " geheim"
    # was left there): the terminal echoed the keys typed before the app took it. What the shell's screen
    # shows is what comes after the last erase of the line before the app's screen, and after the app's.
    before_app = raw.split(b"\x1b[?1049h", 1)[0].rsplit(b"\r\x1b[K", 1)[-1]
    shell_screen = before_app + raw.rsplit(b"\x1b[?1049l", 1)[-1]
    assert b"typed" not in shell_screen and b"at once" not in shell_screen


async def test_the_clock_goes_on_when_the_session_screen_takes_the_first_frames_place(tmp_path, monkeypatch):
    """The conversation began when its first frame showed: the session's clock does not start again at 0:00
    when the session has been loaded behind it, and the opening's time counts from the frame."""
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 3.0)
    clock = FrozenClock(100.0)
    app = deferred_app(tmp_path / "s", _sketch(), clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        clock.now += 4.0  # a slow disk: the frame was up for four seconds
        app._load_rest()
        await wait_until(pilot, lambda: isinstance(app.focused, NotesArea))
        assert app.active is not None
        assert app.active.live.elapsed() == 4
        assert "0:04" in str(app.screen.query_one("#clock").render())


async def test_a_ctrl_q_held_for_a_conversation_that_cannot_open_still_quits(tmp_path, monkeypatch):
    """The other keys are dropped; the wish to leave is not."""
    monkeypatch.setattr(sketched, "SKETCH_SHOWN", 3.0)
    app = deferred_app(tmp_path / "s", _sketch(coachee="Bad \udcff name"))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, SketchScreen))
        await pilot.press("P", "ctrl+q")
        app._load_rest()
        await wait_until(pilot, lambda: not app.is_running, timeout=5)
    assert app.return_code in (0, None)  # left as Ctrl+Q leaves, not as an error
    assert not list((tmp_path / "s").rglob("*.toml"))
