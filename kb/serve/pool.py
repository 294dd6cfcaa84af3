"""Store workers for ``kb serve``: child processes that each hold the store open
read-only. A request that runs past its timeout kills its worker, which is replaced,
so a runaway query really stops instead of running on after the response."""

from __future__ import annotations

import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

from kb.errors import StoreError
from kb.serve.messages import Reply, Request, write_message

__all__ = ["QueryTimeout", "ServerBusy", "WorkerPool"]

#: How long a new worker may take to import its libraries and open the store.
STARTUP_TIMEOUT = 60.0
_LENGTH = struct.Struct(">Q")


class QueryTimeout(StoreError):
    """A request took longer than the timeout; its worker was stopped."""


class ServerBusy(StoreError):
    """No worker became free within the timeout."""


class WorkerFailed(StoreError):
    """A worker died or could not open the store."""


class _Worker:
    """One child process and its pipes."""

    def __init__(self, store: Path) -> None:
        self.ready = False
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kb.serve.worker", str(store)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            # its own process group: Ctrl-C reaches the server, which stops workers
            start_new_session=True,
        )
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._in = self.proc.stdin
        self._out = self.proc.stdout.fileno()

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT) -> None:
        """Wait for the worker's greeting. :raises WorkerFailed: when it fails."""
        if self.ready:
            return
        try:
            reply = self.receive(time.monotonic() + timeout)
        except QueryTimeout as exc:
            raise WorkerFailed(
                f"a store worker did not start in {timeout:g} s"
            ) from exc
        if reply.status != 200:
            raise WorkerFailed(reply.message)
        self.ready = True

    def send(self, request: Request) -> None:
        try:
            write_message(self._in, request)
        except (BrokenPipeError, OSError) as exc:
            raise WorkerFailed(f"a store worker stopped ({exc})") from exc

    def receive(self, deadline: float) -> Reply:
        (length,) = _LENGTH.unpack(self._read(_LENGTH.size, deadline))
        reply = pickle.loads(self._read(length, deadline))
        assert isinstance(reply, Reply)
        return reply

    def _read(self, size: int, deadline: float) -> bytes:
        data = bytearray()
        poller = select.poll()
        poller.register(self._out, select.POLLIN)
        while len(data) < size:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not poller.poll(remaining * 1000):
                raise QueryTimeout("timed out")
            chunk = os.read(self._out, size - len(data))
            if not chunk:
                code = self.proc.poll()
                raise WorkerFailed(f"a store worker stopped (exit code {code})")
            data += chunk
        return bytes(data)

    def stop(self, grace: float = 2.0) -> None:
        """End the worker: politely (end of input) with ``grace``, else kill it."""
        try:
            self._in.close()
        except OSError:
            pass
        try:
            self.proc.wait(grace)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()

    def kill(self) -> None:
        self.proc.kill()
        self.stop(0)


class WorkerPool:
    """``size`` workers over one store; :meth:`ask` hands a request to a free one.

    :raises WorkerFailed: at start, when the store cannot be opened.
    """

    def __init__(self, store: Path, size: int = 2) -> None:
        self._store = store
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        workers = [self._start() for _ in range(max(1, size))]
        try:
            for worker in workers:
                worker.wait_ready()
        except WorkerFailed:
            self.close()
            raise
        for worker in workers:
            self._idle.put(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self._store)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)

    def ask(self, request: Request, timeout: float) -> Reply:
        """Send ``request`` to a free worker and wait at most ``timeout`` seconds
        for its reply (a new worker's start-up is not counted).

        :raises ServerBusy: when no worker is free within ``timeout``.
        :raises QueryTimeout: when the answer takes longer; the worker is replaced.
        :raises WorkerFailed: when the worker died; it is replaced.
        """
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty as exc:
            raise ServerBusy(
                f"every store worker is busy; no answer within {timeout:g} s"
            ) from exc
        if worker.proc.poll() is not None:  # died while idle (OOM killer, kill -9)
            self._retire(worker)
            worker = self._start()
        try:
            worker.wait_ready()
            worker.send(request)
            return worker.receive(time.monotonic() + timeout)
        except (QueryTimeout, WorkerFailed):
            self._retire(worker)
            worker = self._start()
            raise
        finally:
            if self._closed:
                self._retire(worker)
            else:
                self._idle.put(worker)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
