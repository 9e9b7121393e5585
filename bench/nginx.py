"""Debian's nginx on loopback as a sticky load balancer in front of Streamlit replicas.

Used by ``bench/load.py --replicas N`` and ``tests/ops/test_two_replicas.py``. The
directives are those of ``deploy/nginx.conf`` (the production example), with loopback
ports, every path in a temporary directory, and an ``X-Upstream`` response header so a
test can see which replica answered.

Affinity: open-source nginx has no ``sticky cookie`` (NGINX Plus only), and hashing
Streamlit's own ``_streamlit_xsrf`` cookie does not work: every ``/_stcore/health``
response sets it again with a new random mask (same token, different cookie value), and the
browser polls health before each websocket (re)connection. So nginx sets its own cookie:
``stlb`` = the first request's ``$request_id``, and ``hash $stlb_key consistent`` sends
every later request of that browser (page, websocket, ``/media``, uploads) to one replica.
A browser without the cookie (first visit, or a websocket client like bench/load.py) hashes
on a fresh random id: new visitors spread over the replicas. When a replica is down, nginx
passes the request to the next one (``proxy_next_upstream``) and the cookie keeps pointing
there while the hash ring is unchanged.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "nginx-light"  # Debian; the "nginx" package works too


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if Path(p).exists()), None
    )


def require_nginx() -> str:
    binary = nginx_binary()
    if binary is None:
        raise RuntimeError(
            f"nginx is not installed: `apt-get install -y {PACKAGE}` (Debian package "
            f"{PACKAGE!r}, or 'nginx'); `make test` should install it"
        )
    return binary


def loopback_config(
    listen: int, upstreams: Sequence[int], workdir: Path, *, backup: bool = False
) -> str:
    """An nginx.conf for loopback: sticky by nginx's own cookie, or primary/backup."""
    if backup:
        servers = [f"server 127.0.0.1:{upstreams[0]} max_fails=1 fail_timeout=30s;"]
        servers += [f"server 127.0.0.1:{p} backup;" for p in upstreams[1:]]
        balance = "# primary/backup: deterministic, the first replica serves while it is up"
    else:
        servers = [f"server 127.0.0.1:{p} max_fails=1 fail_timeout=30s;" for p in upstreams]
        balance = "hash $stlb_key consistent;"
    user = "user root;" if os.geteuid() == 0 else ""
    servers_text = "\n        ".join(servers)
    return f"""
{user}
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr '
                        'stlb=$cookie_stlb rt=$request_time';
    access_log {workdir}/access.log upstream;
    client_body_temp_path {workdir}/client_body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    client_max_body_size 2m;

    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}
    map $cookie_stlb $stlb_key {{
        ""      $request_id;
        default $cookie_stlb;
    }}
    map $cookie_stlb $stlb_set_cookie {{
        ""      "stlb=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}

    upstream streamlit {{
        {balance}
        {servers_text}
    }}

    server {{
        listen 127.0.0.1:{listen};
        add_header Set-Cookie $stlb_set_cookie always;
        add_header X-Upstream $upstream_addr always;

        location / {{
            proxy_pass http://streamlit;
            proxy_http_version 1.1;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_connect_timeout 2s;
            proxy_read_timeout 3600s;
            proxy_send_timeout 3600s;
            proxy_buffering off;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 3;
        }}
    }}
}}
"""


@dataclass
class Nginx:
    proc: subprocess.Popen[bytes]
    port: int
    workdir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def access_log(self) -> str:
        try:
            return (self.workdir / "access.log").read_text(errors="replace")
        except OSError:
            return ""

    def error_log(self) -> str:
        try:
            return (self.workdir / "error.log").read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop nginx and remove its directory (set BENCH_KEEP_LOGS=1 to keep the logs)."""
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: fast shutdown
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if not os.environ.get("BENCH_KEEP_LOGS"):
            shutil.rmtree(self.workdir, ignore_errors=True)


def start_nginx(
    listen: int, upstreams: Sequence[int], workdir: Path, *, backup: bool = False
) -> Nginx:
    """Write the config to ``workdir`` and run nginx in the foreground; wait for the port."""
    binary = require_nginx()
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(loopback_config(listen, upstreams, workdir, backup=backup))
    check = subprocess.run(
        [binary, "-t", "-q", "-p", str(workdir), "-e", "stderr", "-c", str(conf)],
        capture_output=True,
        text=True,
    )
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
    with open(workdir / "stderr.log", "wb") as out:
        proc = subprocess.Popen(
            [binary, "-p", str(workdir), "-e", "stderr", "-c", str(conf)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    nginx = Nginx(proc, listen, workdir)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited: {(workdir / 'stderr.log').read_text()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", listen)) == 0:
                return nginx
        time.sleep(0.05)
    nginx.stop()
    raise RuntimeError("nginx did not listen in 10 s")
