"""Start and stop the real triplestores the tests push to (Oxigraph server and
Virtuoso), each private to a temporary directory and bound to 127.0.0.1 only."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

__all__ = ["Server", "free_port", "find_program", "stop", "wait_until_up"]

STARTUP_SECONDS = 60.0


@dataclass
class Server:
    """A running server: its process, its base URL and where it logs."""

    process: subprocess.Popen[bytes]
    base: str
    log: Path

    def tail(self, lines: int = 20) -> str:
        """The end of its log, for a failing test's message."""
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def find_program(name: str) -> str | None:
    """``name`` on $PATH, or beside this Python (the venv's bin/, where pip puts
    the ``oxigraph`` command)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def wait_until_up(server: Server, probe: str, seconds: float = STARTUP_SECONDS) -> None:
    """Wait until GET ``probe`` answers with any HTTP status below 500.

    :raises RuntimeError: when the process exits or time runs out first.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited at startup:\n{server.tail()}")
        try:
            if httpx.get(probe, timeout=2.0).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop(server)
    raise RuntimeError(f"the server did not answer in {seconds} s:\n{server.tail()}")


def stop(server: Server) -> None:
    """Terminate the server and wait for it; kill it if it lingers."""
    if server.process.poll() is not None:
        return
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(timeout=15)
