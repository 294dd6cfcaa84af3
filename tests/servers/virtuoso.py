"""Virtuoso Open Source 7 (Debian ``virtuoso-opensource-7-bin``) with a private ini
(``virtuoso.ini.template``): its files in one temporary directory, its SQL and HTTP
ports on 127.0.0.1, small buffers, and a fresh ``dba`` password set over isql."""

from __future__ import annotations

import subprocess
from pathlib import Path
from string import Template

from tests.servers import Server, find_program, free_port, stop, wait_until_up

__all__ = ["VIRTUOSO", "start_virtuoso"]

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
TEMPLATE = Path(__file__).with_name("virtuoso.ini.template")
#: the password of a new Virtuoso database's ``dba`` account
DEFAULT_DBA_PASSWORD = "dba"


def start_virtuoso(directory: Path, dba_password: str) -> Server:
    """Create a database in ``directory``, start Virtuoso on it, wait until its
    HTTP server answers, and change the ``dba`` password to ``dba_password``.

    :raises FileNotFoundError: when ``virtuoso-t`` or ``isql-vt`` is missing.
    """
    exe, isql = find_program(VIRTUOSO), find_program(ISQL)
    if exe is None or isql is None:
        raise FileNotFoundError(VIRTUOSO if exe is None else ISQL)
    sql_port, http_port = free_port(), free_port()
    (directory / "www").mkdir(parents=True, exist_ok=True)
    ini = directory / "virtuoso.ini"
    ini.write_text(
        Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
            dir=str(directory), sql_port=sql_port, http_port=http_port
        ),
        encoding="utf-8",
    )
    log = directory / "virtuoso.log"
    with (directory / "stdout.log").open("ab") as out:
        process = subprocess.Popen(
            [exe, "+foreground", "+configfile", str(ini)],
            cwd=directory,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, f"http://127.0.0.1:{http_port}", log)
    wait_until_up(server, f"{server.base}/sparql?query=ASK%7B%7D")
    try:
        _set_password(isql, sql_port, dba_password)
    except (subprocess.SubprocessError, RuntimeError):
        stop(server)
        raise
    return server


def _set_password(isql: str, port: int, password: str) -> None:
    """Give ``dba`` a new password. The commands go in on standard input, so the
    new password never shows in the process list; the old one is the well-known
    default of a new database."""
    if "'" in password or ";" in password:
        raise ValueError("keep the test password free of quotes and semicolons")
    commands = (
        f"USER_CHANGE_PASSWORD('dba', '{DEFAULT_DBA_PASSWORD}', '{password}');\nexit;\n"
    )
    done = subprocess.run(
        [isql, f"127.0.0.1:{port}", "dba", DEFAULT_DBA_PASSWORD],
        input=commands.encode(),
        capture_output=True,
        timeout=60,
        check=False,
    )
    output = (done.stdout + done.stderr).decode(errors="replace")
    if done.returncode != 0 or "Error" in output:
        raise RuntimeError(f"isql could not set the dba password:\n{output}")
