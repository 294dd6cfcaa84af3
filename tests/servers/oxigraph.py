"""Oxigraph server (``pip install oxigraph``, the ``dev`` extra) on a private
directory: ``/store`` takes Graph Store Protocol PUTs, ``/query`` answers SPARQL."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.servers import Server, find_program, free_port, wait_until_up

__all__ = ["start_oxigraph"]


def start_oxigraph(location: Path, port: int | None = None) -> Server:
    """Serve the store at ``location`` on ``127.0.0.1:port`` (a free port when
    None) and wait until it answers.

    :raises FileNotFoundError: when the ``oxigraph`` command is not installed.
    """
    exe = find_program("oxigraph")
    if exe is None:
        raise FileNotFoundError("oxigraph")
    port = port or free_port()
    location.mkdir(parents=True, exist_ok=True)
    log = location.parent / f"{location.name}.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    wait_until_up(server, f"{server.base}/query?query=ASK%7B%7D")
    return server
