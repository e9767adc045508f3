"""Output on consoles that cannot show every character: a Chinese Windows console (GBK) and a plain ``ascii`` one.

Text for people is written in the console's encoding with what it cannot show replaced; JSON and SARIF are UTF-8
bytes whatever the console. In every case: no traceback, and the exit status is the one a UTF-8 console gets.
Each run is a real process with ``PYTHONIOENCODING`` set, as a user's console or pipe would set it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT

FORMATS = ("text", "concise", "json", "github", "sarif", "html", "csv")


def run(encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "checks", *args], cwd=ROOT, env=env, capture_output=True, check=False)


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
@pytest.mark.parametrize("output_format", FORMATS)
def test_every_format_survives_the_console_encoding(encoding: str, output_format: str) -> None:
    faulty = str(EXAMPLES / "faulty.txt")
    done = run(encoding, "check", "--format", output_format, faulty)
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert done.returncode == run("utf-8", "check", "--format", output_format, faulty).returncode == 1
    if output_format in ("json", "sarif"):
        document = json.loads(done.stdout.decode("utf-8"))  # UTF-8 bytes, not the console's encoding
        text = json.dumps(document, ensure_ascii=False)
        assert "表三" in text
    elif output_format in ("html", "csv"):
        assert "公开" in done.stdout.decode("utf-8")  # UTF-8 with its charset said, whatever the console
    else:
        shown = done.stdout.decode(encoding)  # what the console shows decodes in its own encoding
        assert "A001" in shown
        if encoding == "gbk":
            assert "表三" in shown  # Chinese survives on a Chinese console …
        if output_format == "text":
            assert "⇥" not in shown  # … and what it cannot show (the tab mark) is replaced, not fatal


@pytest.mark.parametrize("encoding", ["gbk", "ascii"])
def test_usage_errors_and_help_survive_the_console_encoding(encoding: str) -> None:
    for args in (["check"], ["--help"], ["check", "--selct", "A", "x.txt"], ["rule", "--all"]):
        done = run(encoding, *args)
        assert b"Traceback" not in done.stderr, (args, done.stderr.decode(errors="replace"))
        assert done.returncode in (0, 2), args


def test_output_file_is_utf8_whatever_the_console(tmp_path: Path) -> None:
    out = tmp_path / "result.txt"
    done = run("ascii", "check", "--output-file", str(out), str(EXAMPLES / "faulty.txt"))
    assert done.returncode == 1 and done.stdout == b""
    written = out.read_text(encoding="utf-8")
    assert "⇥" in written and "表三" in written
