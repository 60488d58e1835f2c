"""The question library: the shipped content, and the checker on bad files."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from growtui import library, paths
from growtui.errors import LibraryError
from growtui.model import Kind, Phase

GOOD = (Path(__file__).parent / "data" / "good_questions.toml").read_text(encoding="utf-8")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems_for(path: Path) -> list[str]:
    _, problems, _ = library.check([path])
    return [str(p) for p in problems]


# --- the shipped library ------------------------------------------------------


def test_shipped_library_is_valid():
    _lib, problems, nfiles = library.check([])
    assert problems == []
    assert nfiles >= 7


@pytest.mark.parametrize("phase", Phase.grow())
def test_each_grow_phase_has_at_least_15_questions_in_both_languages(phase):
    questions = library.load_library().for_phase(phase)
    assert len(questions) >= 15
    for q in questions:
        assert q.text.nl.strip() and q.text.en.strip() and q.text.nl != q.text.en
        assert q.purpose.nl.strip() and q.purpose.en.strip()


@pytest.mark.parametrize("phase", [Phase.opening, Phase.follow_up, Phase.closing])
def test_the_sets_around_grow_are_there(phase):
    assert len(library.load_library().for_phase(phase)) >= 5


def test_every_phase_has_coaching_hints():
    lib = library.load_library()
    for phase in Phase.grow():
        assert len(lib.hints_for(phase)) >= 3, phase


def test_scale_questions_have_follow_ups_for_low_scores():
    lib = library.load_library()
    scales = [q for q in lib.questions.values() if q.kind is Kind.scale]
    assert len(scales) >= 5
    assert any(q.phase == Phase.will for q in scales), "Will needs its motivation scale"
    with_low = [q for q in scales if any(f.below for f in q.follow_ups)]
    assert len(with_low) >= len(scales) // 2
    question = with_low[0]
    threshold = min(f.below for f in question.follow_ups if f.below)
    assert question.follow_ups_for(threshold - 1)
    assert all(f.below is None for f in question.follow_ups_for(10))


def test_ids_are_prefixed_by_their_phase():
    for q in library.load_library().questions.values():
        assert q.id.split(".")[0] == q.phase, q.id


def test_tags_are_a_small_shared_vocabulary():
    tags = library.load_library().tags()
    assert {"junior", "senior"} <= set(tags)
    assert 5 <= len(tags) <= 40


# --- loading user files ------------------------------------------------------


def test_user_questions_are_loaded_from_the_config_folder():
    write(paths.user_questions_dir(), "mine.toml", GOOD)
    lib = library.load_library()
    mine = lib.get("mine.first")
    assert mine is not None and mine.text.en.startswith("How satisfied")
    assert any(h.text.en == "Let silences be." for h in lib.hints_for(Phase.goal))


def test_questions_dir_is_loaded_after_the_user_folder(tmp_path):
    extra = write(tmp_path / "extra", "x.toml", GOOD).parent
    lib = library.load_library([extra])
    assert "mine.first" in lib.questions


def test_duplicate_id_across_files_is_refused_with_both_places(tmp_path):
    shipped_id = next(iter(library.load_library().questions))
    path = write(tmp_path, "dup.toml", GOOD.replace("mine.first", shipped_id))
    [message] = problems_for(path)
    assert message.startswith(f"{path}:4: question '{shipped_id}': duplicate id (already defined in ")
    assert "override = true" in message


def test_duplicate_id_within_one_file(tmp_path):
    twice = GOOD + GOOD.split("\n", 2)[2].split("[[hints]]")[0]
    path = write(tmp_path, "twice.toml", twice)
    [message] = problems_for(path)
    assert "duplicate id (also at line 4)" in message


def test_override_replaces_a_loaded_question(tmp_path):
    shipped_id = next(iter(library.load_library().questions))
    text = GOOD.replace("mine.first", shipped_id).replace('kind = "scale"', 'kind = "scale"\noverride = true')
    write(paths.user_questions_dir(), "over.toml", text)
    lib = library.load_library()
    overridden = lib.get(shipped_id)
    assert overridden is not None and overridden.text.en == "How satisfied are you, from 1 to 10?"


def test_override_without_anything_to_override_is_reported(tmp_path):
    path = write(tmp_path, "o.toml", GOOD.replace('kind = "scale"', 'kind = "scale"\noverride = true'))
    [message] = problems_for(path)
    assert "override = true, but no question with this id is loaded" in message


def test_a_broken_user_file_stops_loading_with_its_name():
    bad = write(paths.user_questions_dir(), "bad.toml", "[[questions]\n")
    with pytest.raises(LibraryError) as info:
        library.load_library()
    assert str(bad) in str(info.value)


def test_checking_a_shipped_file_by_path_does_not_clash_with_itself():
    path = next(paths.shipped_questions_dir().glob("goal.toml"))
    assert problems_for(path) == []


# --- the checker on bad input --------------------------------------------------


def test_syntax_error_names_the_line(tmp_path):
    path = write(tmp_path, "s.toml", GOOD.replace('kind = "scale"', "kind = scale"))
    [message] = problems_for(path)
    assert re.match(rf"{re.escape(str(path))}:6: TOML syntax error: ", message)


def test_misspelled_key_gets_did_you_mean_and_line(tmp_path):
    path = write(tmp_path, "typo.toml", GOOD.replace('tags = ["reflection"]', 'tag = ["reflection"]'))
    assert problems_for(path) == [f"{path}:7: question 'mine.first': unknown key 'tag' (did you mean 'tags'?)"]

    path = write(tmp_path, "t.toml", GOOD.replace("purpose.en", "purpse.en"))
    messages = problems_for(path)
    assert f"{path}:10: question 'mine.first', field 'purpose.en': missing (required)" in messages
    assert messages[-1] == f"{path}:11: question 'mine.first': unknown key 'purpse' (did you mean 'purpose'?)"


def test_missing_translation_names_question_and_field(tmp_path):
    path = write(tmp_path, "m.toml", GOOD.replace('text.en = "How satisfied are you, from 1 to 10?"\n', ""))
    [message] = problems_for(path)
    assert message == f"{path}:8: question 'mine.first', field 'text.en': missing (required)"


def test_wrong_phase_names_the_allowed_values(tmp_path):
    path = write(tmp_path, "p.toml", GOOD.replace('phase = "goal"\nkind', 'phase = "goals"\nkind'))
    [message] = problems_for(path)
    assert f"{path}:5: question 'mine.first': unknown phase 'goals'" in message
    assert "goal," in message and "feedforward" in message, "the known phases, a type's own included"


def test_follow_up_threshold_on_an_open_question_is_explained(tmp_path):
    path = write(tmp_path, "k.toml", GOOD.replace('kind = "scale"', 'kind = "open"'))
    [message] = problems_for(path)
    assert message == f"{path}:3: question 'mine.first': 'below' in follow_ups only makes sense for kind = \"scale\""


def test_future_schema_version_asks_for_an_update(tmp_path):
    path = write(tmp_path, "v.toml", GOOD.replace("schema_version = 1", "schema_version = 3"))
    [message] = problems_for(path)
    assert message == f"{path}:1: schema_version 3 is newer than this growtui understands (1); update growtui"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "holds no questions, hints, phases, checklist or types"),
        (GOOD.encode("utf-16"), "UTF-16; save it as UTF-8"),
        (GOOD.replace("Laat", "Läat").encode("latin-1"), "not valid UTF-8"),
        (GOOD.encode() + b"\x00\x01binary", "NUL byte"),
        (b"x = " + b"[" * 50_000 + b"]" * 50_000, "too deeply"),
        (b'x = "' + b"a" * (2 * 1024 * 1024) + b'"', "larger than 1 MB"),
        (bytes(range(1, 256)) * 20, "not valid UTF-8"),
        (b"questions = 3", "field 'questions'"),
        (b"[[questions]]\nid = 'Bad Id!'\n", "string should match pattern"),
    ],
    ids=["empty", "utf16", "latin1", "nul", "nesting", "huge", "garbage", "wrong-type", "bad-id"],
)
def test_bad_files_give_one_clear_line(tmp_path, content, expected):
    path = write(tmp_path, "bad.toml", content)
    found = problems_for(path)
    assert found and all(line.startswith(f"{path}") for line in found)
    assert any(expected.lower() in line.lower() for line in found), found
    assert "Traceback" not in "".join(found)


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = write(tmp_path, "bom.toml", b"\xef\xbb\xbf" + GOOD.encode())
    assert problems_for(path) == []


def test_a_folder_named_toml_is_reported(tmp_path):
    folder = tmp_path / "q"
    (folder / "odd.toml").mkdir(parents=True)
    _, problems, _ = library.check([folder])
    assert [p.message for p in problems] == ["this is a folder, not a file"]


def test_missing_path_is_reported(tmp_path):
    _, problems, _ = library.check([tmp_path / "nope.toml"])
    assert [p.message for p in problems] == ["no such file or folder"]


def test_hidden_files_in_folders_are_skipped(tmp_path):
    write(tmp_path / "q", ".draft.toml", "[[[")
    write(tmp_path / "q", "ok.toml", GOOD)
    assert problems_for(tmp_path / "q") == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_no_input_makes_the_checker_raise(tmp_path, data):
    path = tmp_path / "fuzz.toml"
    path.write_bytes(data)
    _, problems, _ = library.check([path])
    for problem in problems:
        assert problem.path == path and problem.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mangled_valid_files_never_make_the_checker_raise(tmp_path, data):
    text = GOOD
    position = data.draw(st.integers(0, len(text) - 1))
    junk = data.draw(st.text(max_size=5))
    path = tmp_path / "mangled.toml"
    path.write_bytes((text[:position] + junk + text[position + 1 :]).encode("utf-8", "surrogatepass"))
    _, problems, _ = library.check([path])
    assert all(p.path == path for p in problems)


def test_counts_are_reported():
    lib = library.load_library()
    counts = Counter(q.phase for q in lib.questions.values())
    assert all(counts[p] >= 15 for p in Phase.grow())


# --- the validated cache (issue 18: start-up) -------------------------------------------------


def test_a_second_load_comes_from_the_cache_and_equals_the_first(tmp_path, monkeypatch):
    extra = write(tmp_path / "extra", "x.toml", GOOD).parent
    first = library.load_library([extra])
    monkeypatch.setattr(library, "check", lambda *a, **k: pytest.fail("parsed again"))
    again = library.load_library([extra])
    assert again.questions == first.questions and again.types == first.types and again.hints == first.hints
    assert again.checklist == first.checklist and again.phases == first.phases
    [kept] = (paths.cache_dir() / "library").iterdir()
    assert kept.stat().st_mode & 0o077 == 0  # the owner's only, like every other file growtui writes


def test_an_edit_of_the_same_size_within_the_same_instant_is_seen(tmp_path):
    path = write(tmp_path / "extra", "x.toml", GOOD)
    stamp = path.stat().st_mtime_ns
    assert library.load_library([path.parent]).questions["mine.first"].text.en.startswith("How satisfied")
    path.write_text(GOOD.replace("How satisfied", "How contented"[:13]), encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))  # same size, same mtime: only the bytes differ
    assert library.load_library([path.parent]).questions["mine.first"].text.en.startswith("How contented")


def test_a_broken_cache_file_is_replaced_and_a_library_with_problems_is_never_kept(tmp_path):
    first = library.load_library()
    [kept] = (paths.cache_dir() / "library").iterdir()
    kept.write_bytes(b"\x80\x05not a pickle")
    assert library.load_library().questions == first.questions
    assert kept.read_bytes() != b"\x80\x05not a pickle"
    bad = write(tmp_path / "bad", "bad.toml", GOOD.replace('kind = "scale"', 'kind = "nonsense"'))
    for _ in range(2):
        with pytest.raises(LibraryError):
            library.load_library([bad.parent])
    assert len(list((paths.cache_dir() / "library").iterdir())) == 1
