"""Run ``kb serve``: the application on waitress (threads, request-size limits),
one log line per request on stderr, and a clean stop on Ctrl-C or SIGTERM."""

from __future__ import annotations

import errno
import logging
import signal
import sys
from types import FrameType
from urllib.parse import urlsplit

from waitress.server import create_server  # type: ignore[import-untyped]

from kb.errors import UsageError
from kb.serve import ServeOptions
from kb.serve.app import KbApp

__all__ = ["run"]

log = logging.getLogger("kb.serve")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _log_to_stderr() -> logging.Handler:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    return handler


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)  # waitress's loop stops on SystemExit, as on Ctrl-C


def run(options: ServeOptions) -> None:
    """Serve ``options.store`` until interrupted.

    :raises UsageError: when the address cannot be bound.
    :raises StoreError: when the store cannot be opened.
    """
    handler = _log_to_stderr()
    try:
        _serve(options)
    finally:
        log.removeHandler(handler)


def _served_at(address: str, base: str) -> str:
    """Where this server answers for IRIs under ``base`` when that is not where
    they point (the default base is a w3id.org address): at the base's path."""
    if base.startswith(address + "/"):
        return ""
    return f" at {address}{urlsplit(base).path}"


def _bind_error(options: ServeOptions, exc: Exception) -> str:
    """Why the address cannot be bound, and which option to change: a port in use
    or not allowed, or a host that is no address of this machine."""
    where = f"cannot listen on {options.host}:{options.port}"
    if isinstance(exc, OSError) and exc.errno in (errno.EADDRINUSE, errno.EACCES):
        return f"{where} ({exc.strerror}); choose another --port"
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
    return (
        f"{where} ({reason}); --host must be an address of this machine: "
        "127.0.0.1 (the default), ::1, or 0.0.0.0 for every interface"
    )


def _serve(options: ServeOptions) -> None:
    app = KbApp(options)
    try:
        server = create_server(
            app,
            host=options.host,
            port=options.port,
            threads=options.threads,
            ident="kb",
            # waitress refuses bodies past twice the app's own limit before reading
            # them; between the two, the app answers 413 with its own headers
            max_request_body_size=2 * options.max_request_bytes,
            clear_untrusted_proxy_headers=True,
        )
    except (OSError, ValueError) as exc:  # waitress: ValueError for an unknown host
        app.close()
        raise UsageError(_bind_error(options, exc)) from exc
    port = getattr(server, "effective_port", options.port)
    address = f"http://{options.host}:{port}"
    log.info(
        "kb serve: %s on %s/ (SPARQL at /sparql, instances under %s%s); Ctrl-C stops",
        options.store,
        address,
        options.base,
        _served_at(address, options.base),
    )
    stray = app.stray_articles()
    if stray is not None:
        log.warning("%s", stray)
    if options.host not in _LOOPBACK:
        log.warning(
            "kb serve: listening on %s, reachable from other machines", options.host
        )
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.close()
        app.close()
        log.info("kb serve: stopped")
