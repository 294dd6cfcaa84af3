"""Virtuoso Open Source 7 (Debian ``virtuoso-opensource-7-bin``) with a private ini
(``virtuoso.ini.template``): its files in one temporary directory (the only one its
SQL may read files from), its SQL and HTTP ports on 127.0.0.1, small buffers, and a
fresh ``dba`` password set over isql, which also runs SQL such as the bulk loader."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from string import Template

from tests.servers import Server, find_program, free_port, stop, wait_until_up

__all__ = ["VIRTUOSO", "Virtuoso", "isql", "start_virtuoso"]

VIRTUOSO = "virtuoso-t"
ISQL = "isql-vt"
TEMPLATE = Path(__file__).with_name("virtuoso.ini.template")
#: the password of a new Virtuoso database's ``dba`` account
DEFAULT_DBA_PASSWORD = "dba"
#: what isql says when it asks for the password it was not given (after trying
#: one of its own, which a new password refuses)
PASSWORD_PROMPT = "Enter password for dba :"


@dataclass
class Virtuoso(Server):
    """A running Virtuoso: a server with an SQL port (for isql) too."""

    sql_port: int = 0


def start_virtuoso(directory: Path, dba_password: str) -> Virtuoso:
    """Create a database in ``directory``, start Virtuoso on it, wait until its
    HTTP server answers, and change the ``dba`` password to ``dba_password``.
    Its SQL may read files in ``directory`` only (``DirsAllowed``).

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
    server = Virtuoso(process, f"http://127.0.0.1:{http_port}", log, sql_port)
    wait_until_up(server, f"{server.base}/sparql?query=ASK%7B%7D")
    try:
        _set_password(isql, sql_port, dba_password)
    except (subprocess.SubprocessError, RuntimeError):
        stop(server)
        raise
    return server


def _set_password(exe: str, port: int, password: str) -> None:
    """Give ``dba`` a new password. The commands go in on standard input, so the
    new password never shows in the process list; the old one is the well-known
    default of a new database."""
    if "'" in password or ";" in password:
        raise ValueError("keep the test password free of quotes and semicolons")
    change = f"USER_CHANGE_PASSWORD('dba', '{DEFAULT_DBA_PASSWORD}', '{password}');"
    code, out, err = _run(
        [exe, f"127.0.0.1:{port}", "dba", DEFAULT_DBA_PASSWORD], change
    )
    if code != 0 or "Error" in out + err:
        raise RuntimeError(f"isql could not set the dba password:\n{out}{err}")


def isql(server: Virtuoso, password: str, sql: str) -> str:
    """Run ``sql`` in isql as ``dba`` and return what it printed. The password goes
    in on standard input too, where isql asks for it once its own guess is refused,
    so it never shows in the process list.

    :raises RuntimeError: when isql fails or any statement gives an error.
    """
    exe = find_program(ISQL)
    if exe is None:
        raise FileNotFoundError(ISQL)
    code, out, err = _run(
        [exe, f"127.0.0.1:{server.sql_port}", "dba"], f"{password}\n{sql}"
    )
    _, prompted, after = err.partition(PASSWORD_PROMPT)
    if code != 0 or not prompted or "Error" in after:
        raise RuntimeError(f"isql failed:\n{out}\n{err}")
    return out


def _run(command: list[str], sql: str) -> tuple[int, str, str]:
    """isql's exit code, standard output and standard error for ``sql``."""
    done = subprocess.run(
        command,
        input=f"{sql}\nexit;\n".encode(),
        capture_output=True,
        timeout=300,
        check=False,
    )
    out, err = (s.decode(errors="replace") for s in (done.stdout, done.stderr))
    return done.returncode, out, err
