"""Finding the line of a key takes time in proportion to the file (issue 15, item 2).

The key-line finder runs whenever a file parses as TOML but fails
validation. Its old patterns backtracked over a long run of spaces inside a
multi-line string in an array: 2,000 spaces took 3 s, 4,000 took 24 s, a
100 KB session 20 s. Linearity is shown by comparing sizes, not against a
clock: eight times the text may cost at most a small multiple of eight
times the time (the old finder: hundreds of times). Figures: ``bench/key_lines.py``.
"""

from __future__ import annotations

import time

from growtui.storage import toml_read


def spaces_in_an_array(n: int, *, before: str = "") -> str:
    return f'{before}tags = [\n"""\n{" " * n}\n""",\n]\nunknown_key = 1\n'


def cost(text: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        toml_read.key_lines(text)
        best = min(best, time.perf_counter() - started)
    return best


def grows_linearly(make, small: int) -> tuple[float, float]:
    """The cost of ``make(8 * small)`` against ``make(small)``, and the limit a linear finder stays under."""
    a, b = cost(make(small)), cost(make(8 * small))
    return b / max(a, 1e-6), 8 * 4


def test_a_long_run_of_spaces_in_a_multi_line_string_costs_linear_time():
    # Small first: the old finder fails here in seconds instead of hanging on the larger sizes.
    for small in (250, 50_000):
        ratio, limit = grows_linearly(spaces_in_an_array, small)
        assert ratio < limit, f"8x the spaces cost {ratio:.0f}x the time at {small}"


def test_other_lines_that_look_like_keys_cost_linear_time():
    makers = [
        lambda n: "[" + " " * n + "\n",  # an unclosed header
        lambda n: "a" + " " * n + "\n",  # a key without '='
        lambda n: "[[" + "a ." * n + "\n",  # a dotted header that never ends
        lambda n: '"' + " " * n + "\n",  # an unclosed quoted key
        lambda n: ("x = 1\n" + " " * 20 + "\n") * (n // 26),  # many lines
    ]
    for make in makers:
        for small in (200, 20_000):
            ratio, limit = grows_linearly(make, small)
            assert ratio < limit, (make(10), small, ratio)


def test_the_lines_are_still_found():
    text = spaces_in_an_array(100, before='schema_version = 2\nid = "x"\n')
    lines = toml_read.key_lines(text)
    assert lines[("tags",)] == 3 and lines[("unknown_key",)] == 8
    assert ("",) not in lines and len(lines) == 4


def test_keys_inside_a_multi_line_string_anywhere_are_notes_not_keys():
    text = "tags = [\n  \"\"\"\nnot_a_key = 1\n[not.a.table]\n  \"\"\",\n]\n[goal]\nnotes = '''\nx = 2\n'''\nreal = 3\n"
    lines = toml_read.key_lines(text)
    assert ("not_a_key",) not in lines and ("not",) not in lines and ("x",) not in lines
    assert lines[("goal", "real")] == 11 and lines[("goal", "notes")] == 8


def test_lines_are_counted_at_line_feeds_only_as_tomllib_counts_them():
    text = 'notes = "a\u2028b\x0cc"\r\n[goal]\r\nsession_gaol = "x"\r\n'
    assert toml_read.key_lines(text)[("goal", "session_gaol")] == 3


def test_quoted_and_dotted_keys():
    text = '[ "a.b" . c ]\n"d e".f = 1\n[[questions]]\n[[questions]]\ntext.nl = "x"\n'
    lines = toml_read.key_lines(text)
    assert lines[("a.b", "c", "d e", "f")] == 2
    assert lines[("questions", 1, "text", "nl")] == 5
