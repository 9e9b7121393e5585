"""Debian's nginx on loopback as a sticky load balancer in front of Streamlit replicas.

Two ways, both with the design of ``deploy/nginx.conf`` (the production example):

* :func:`start_site` runs ``deploy/nginx.conf`` itself (two replicas), with only the listen
  ports, the replica ports and the TLS lines swapped, each swap checked to match, so an edit
  of the file cannot leave the tests running something else (``tests/ops``).
* :func:`start_nginx` writes the same directives for any number of replicas, plus an
  ``X-Upstream`` response header so a test can see which replica answered
  (``bench/load.py --replicas N``, ``tests/ops/test_two_replicas.py``); ``backup=True``
  gives a primary/backup pair instead.

Affinity: a cookie that names the replica. Open-source nginx has no ``sticky cookie`` (NGINX
Plus only). Hashing a cookie (the first design) sent a browser back to a failed replica once
it returned, while the browser's session lived on in the survivor, so ``/media`` downloads
answered 404 (issue 18). Streamlit's own ``_streamlit_xsrf`` cookie is no key either: every
``/_stcore/health`` response sets it again with a new random mask. So nginx sets ``stlb`` to
the name of the replica that answered (``r1``, ``r2``…, one ``upstream`` each, the others as
``backup``) and rewrites it when another replica had to answer. A browser without the cookie
(first visit, or a websocket client like bench/load.py) goes to the replica with the fewest
connections (``least_conn``).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import OnLoopback, stop_process

PACKAGE = "nginx-light"  # Debian; the "nginx" package works too
SITE = Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf"


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


def _sticky_http_block(upstreams: Sequence[int]) -> str:
    """The maps and upstreams of deploy/nginx.conf, for any number of loopback replicas."""
    names = [f"r{i}" for i in range(1, len(upstreams) + 1)]
    to_upstream = "\n        ".join(f"{n} deficiency_{n};" for n in names)
    served = "\n        ".join(
        f'"~127\\.0\\.0\\.1:{port}$" {n};' for n, port in zip(names, upstreams, strict=True)
    )
    any_servers = "\n        ".join(
        f"server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in upstreams
    )
    bound = []
    for name, port in zip(names, upstreams, strict=True):
        others = "".join(f"\n        server 127.0.0.1:{p} backup;" for p in upstreams if p != port)
        bound.append(
            f"upstream deficiency_{name} {{\n"
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;{others}\n    }}"
        )
    bound_text = "\n    ".join(bound)
    return f"""
    map $cookie_stlb $stlb_upstream {{
        default deficiency_any;
        {to_upstream}
    }}
    map $upstream_addr $stlb_served {{
        default "";
        {served}
    }}
    map "$cookie_stlb:$stlb_served" $stlb_set_cookie {{
        "~^([^:]*):\\1$" "";
        "~:$" "";
        default "stlb=$stlb_served; Path=/; HttpOnly; SameSite=Lax";
    }}
    upstream deficiency_any {{
        least_conn;
        {any_servers}
    }}
    {bound_text}
"""


def loopback_config(
    listen: int, upstreams: Sequence[int], workdir: Path, *, backup: bool = False
) -> str:
    """An nginx.conf for loopback: sticky by a cookie naming the replica, or primary/backup."""
    if backup:
        servers = [f"server 127.0.0.1:{upstreams[0]} max_fails=1 fail_timeout=30s;"]
        servers += [f"server 127.0.0.1:{p} backup;" for p in upstreams[1:]]
        servers_text = "\n        ".join(servers)
        balance = f"""
    map $cookie_stlb $stlb_set_cookie {{ default ""; }}
    upstream deficiency_any {{
        # primary/backup: deterministic, the first replica serves while it is up
        {servers_text}
    }}"""
        target = "deficiency_any"
    else:
        balance = _sticky_http_block(upstreams)
        target = "$stlb_upstream"
    return f"""
{_main_context(workdir)}
http {{
{_http_context(workdir)}
    {balance}

    server {{
        listen 127.0.0.1:{listen};
        add_header Set-Cookie $stlb_set_cookie always;
        add_header X-Upstream $upstream_addr always;

        location / {{
            proxy_pass http://{target};
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


def _main_context(workdir: Path) -> str:
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""{user}
worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 4096; }}"""


def _http_context(workdir: Path) -> str:
    """Logs and temporary files in ``workdir``; the websocket ``map`` the site needs."""
    temp = "\n    ".join(
        f"{kind}_temp_path {workdir}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""    log_format upstream '$remote_addr "$request" $status upstream=$upstream_addr '
                        'stlb=$cookie_stlb rt=$request_time';
    access_log {workdir}/access.log upstream;
    {temp}
    client_max_body_size 2m;
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}"""


def _site_swaps(listen: int, redirect: int, upstreams: Sequence[int]) -> list[tuple[str, str, int]]:
    """(pattern, replacement, expected count) turning deploy/nginx.conf into a loopback site."""
    first, second = upstreams
    return [
        (r"^(\s*)listen 80;$", rf"\g<1>listen 127.0.0.1:{redirect};", 1),
        (r"^(\s*)listen 443 ssl;$", rf"\g<1>listen 127.0.0.1:{listen};", 1),
        (r"^\s*listen \[::\]:(80|443 ssl);\n", "", 2),
        (r"^\s*ssl_\w+ .*\n", "", 3),
        # Plain HTTP on loopback: a browser keeps a Secure cookie only from HTTPS.
        (r"; Secure;", ";", 1),
        # The replicas: in the `served` map, the any-replica upstream and both bound ones.
        (r":8501\b", f":{first}", 4),
        (r":8502\b", f":{second}", 4),
    ]


def site_config(
    listen: int, upstreams: Sequence[int], workdir: Path, redirect: int, source: Path = SITE
) -> str:
    """``deploy/nginx.conf`` (two replicas) as a loopback site inside a full nginx.conf."""
    if len(upstreams) != 2:
        raise ValueError("deploy/nginx.conf is written for two replicas")
    site = source.read_text()
    for pattern, replacement, count in _site_swaps(listen, redirect, upstreams):
        site, found = re.subn(pattern, replacement, site, flags=re.MULTILINE)
        if found != count:
            raise AssertionError(
                f"deploy/nginx.conf: {found} matches of {pattern!r}, expected {count}"
            )
    # deploy/nginx.conf brings its own websocket map; only logs and temp paths are added.
    http = _http_context(workdir).split("    map $http_upgrade", 1)[0]
    return f"{_main_context(workdir)}\nhttp {{\n{http}\n{site}\n}}\n"


@dataclass
class Nginx(OnLoopback):
    proc: subprocess.Popen[bytes]
    port: int
    workdir: Path

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
        stop_process(self.proc)  # SIGTERM: a fast shutdown
        if not os.environ.get("BENCH_KEEP_LOGS"):
            shutil.rmtree(self.workdir, ignore_errors=True)


def start_nginx(
    listen: int, upstreams: Sequence[int], workdir: Path, *, backup: bool = False
) -> Nginx:
    """Write the config to ``workdir`` and run nginx in the foreground; wait for the port."""
    workdir.mkdir(parents=True, exist_ok=True)
    return _run(loopback_config(listen, upstreams, workdir, backup=backup), listen, workdir)


def _run(config: str, listen: int, workdir: Path) -> Nginx:
    """Check (``nginx -t``) and run ``config`` in the foreground; wait for the port."""
    binary = require_nginx()
    conf = workdir / "nginx.conf"
    conf.write_text(config)
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


def start_site(listen: int, upstreams: Sequence[int], workdir: Path) -> Nginx:
    """Run ``deploy/nginx.conf`` on loopback in front of two replicas (see :func:`site_config`)."""
    from bench.common import free_port

    workdir.mkdir(parents=True, exist_ok=True)
    text = site_config(listen, upstreams, workdir, free_port())
    return _run(text, listen, workdir)
