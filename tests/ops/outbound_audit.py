"""Run ``streamlit`` under a Python audit hook that refuses anything leaving the machine.

``python tests/ops/outbound_audit.py LOG streamlit-args…`` (cwd = the app) installs
:func:`sys.addaudithook` before Streamlit is imported, then runs Streamlit's own command
line. Why an audit hook: it sees every name lookup (``socket.getaddrinfo``,
``gethostbyname`` …) and every ``connect``/``sendto`` of every thread, whatever library makes
it (``requests``, ``urllib``, asyncio, Streamlit's own UDP trick), before the packet exists.
A lookup of any name but ``localhost``, or a connection to any address outside loopback,
is written to LOG and refused with ``PermissionError`` (an ``OSError``, which network code
handles as "no network"), so the test fails and nothing leaves this machine even when the
code under test tries.

Each file opened for writing is written to LOG too (``write <path>``): the container runs
with a read-only root filesystem and only ``/tmp`` writable, and the test checks that the
server writes nowhere else.
"""

from __future__ import annotations

import ipaddress
import os
import runpy
import socket
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Names that never leave the machine. Any other name needs a DNS query.
LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}
#: ``open`` flags meaning "this file may be written".
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def is_local(host: Any) -> bool:
    """True for a loopback or wildcard address, or a name that resolves without DNS."""
    if host is None:  # getaddrinfo(None, port): the wildcard, for bind()
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].lower().rstrip(".")
    if name in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False  # a host name: resolving it is a lookup off the machine
    return address.is_loopback or address.is_unspecified


def _writes(args: tuple[Any, ...]) -> bool:
    path, mode, flags = [*args, None, None, None][:3]
    if isinstance(path, int) or path is None:
        return False  # an already open descriptor
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & WRITE_FLAGS)


def install(log_path: str) -> None:
    """Add the hook; every refusal and every file written goes to ``log_path``."""
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    busy = False

    def record(line: str) -> None:
        os.write(fd, (line.replace("\n", " | ") + "\n").encode("utf-8", "replace"))

    def hook(event: str, args: tuple[Any, ...]) -> None:
        nonlocal busy
        if busy:
            return
        host: Any = "localhost"
        if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"):
            host = args[0]
        elif event in ("socket.connect", "socket.sendto"):
            sock, address = args[0], args[-1]
            if getattr(sock, "family", None) == socket.AF_UNIX or not isinstance(address, tuple):
                return
            host = address[0]
        elif event == "socket.getnameinfo":
            host = args[0][0] if args and isinstance(args[0], tuple) else None
        elif event == "open":
            if _writes(args):
                busy = True
                try:
                    record(f"write {args[0]!s}")
                finally:
                    busy = False
            return
        else:
            return
        if is_local(host):
            return
        busy = True
        try:
            frames = traceback.extract_stack()[-12:-1]  # innermost first below the hook
            where = " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))
            record(f"refused {event} {args!r:.200} at {where}")
        finally:
            busy = False
        raise PermissionError(f"outbound_audit: {event} to {host!r} refused")

    sys.addaudithook(hook)


# -- starting a server under the audit, for the tests ---------------------------------------
@dataclass
class Audited:
    """A Streamlit server running under the audit, and what the audit logged."""

    proc: subprocess.Popen[bytes]
    port: int
    log: Path
    writable: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)

    def audit(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def refused(self) -> list[str]:
        return [line for line in self.audit() if line.startswith("refused ")]

    def written_outside(self) -> list[str]:
        """Files opened for writing anywhere but the writable directory (and /dev)."""
        allowed = (str(self.writable), "/dev/")
        return [
            line
            for line in self.audit()
            if line.startswith("write ") and not line[6:].startswith(allowed)
        ]


def start_audited(cwd: Path, args: list[str], env: dict[str, str], tmp: Path) -> Audited:
    """The audited server in ``cwd``; HOME and TMPDIR in ``tmp``/rw, the only writable place."""
    writable = tmp / "rw"
    writable.mkdir()
    log = tmp / "audit.log"
    port = _free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")},
        "STREAMLIT_SERVER_COOKIE_SECRET": "one-secret-shared-by-every-replica",
        **env,
        "STREAMLIT_SERVER_PORT": str(port),
        "HOME": str(writable),
        "TMPDIR": str(writable),
    }
    with open(tmp / "server.log", "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, __file__, str(log), "run", *args],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    from bench.common import health_ok

    deadline = time.monotonic() + 60
    while not health_ok(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError((tmp / "server.log").read_text(errors="replace")[-3000:])
        time.sleep(0.1)
    return Audited(proc, port, log, writable)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    """``outbound_audit.py LOG ARGS…`` behaves as ``python -m streamlit ARGS…`` (the image's
    command): the working directory first on ``sys.path``, this file's folder not on it."""
    log_path, *streamlit_args = sys.argv[1:]
    install(log_path)
    sys.path[0] = os.getcwd()
    sys.argv = ["streamlit", *streamlit_args]
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
