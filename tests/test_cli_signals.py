"""The command restores SIGPIPE's default only as the `phakhi` program: a process that calls
``main`` (the test suite, a live server beside it) must keep Python's own handling, where a write
to a closed connection raises BrokenPipeError instead of killing the process without a word."""

import signal
import subprocess
import sys

from phakhi import cli


def test_calling_main_in_process_leaves_sigpipe_as_python_set_it(db, capsys):
    before = signal.getsignal(signal.SIGPIPE)
    cli.main(["--lang", "en", "workspace", "list"])
    assert signal.getsignal(signal.SIGPIPE) == before == signal.SIG_IGN


def test_after_main_a_write_to_a_closed_connection_raises_instead_of_killing(tmp_path):
    script = (
        "import socket\n"
        "from phakhi import cli\n"
        "try:\n"
        "    cli.main(['--lang', 'en', 'import', 'prune'])\n"
        "except Exception:\n"
        "    pass\n"
        "a, b = socket.socketpair()\n"
        "b.close()\n"
        "try:\n"
        "    a.send(b'x')\n"
        "except BrokenPipeError:\n"
        "    print('survived')\n"
    )
    env = {"PHAKHI_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "survived" in done.stdout
