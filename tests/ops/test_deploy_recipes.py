"""Every hosting recipe in deploy/ is checked as far as this machine allows (no Docker, no cluster).

* ``deploy/Dockerfile``: hadolint (the PyPI wheel bundles the binary) at its strictest
  threshold, and a mutated copy must fail (the lint is live); the facts the README promises
  (non-root, health check, the settings baked in). The image's files and ENV are exercised
  for real by tests/ops/test_outbound.py.
* ``.dockerignore``: lets in the app and nothing else (Docker's matching rules,
  tests/ops/image_tree.py).
* ``deploy/compose.yaml``: parsed after Compose's own interpolation and YAML merges, then
  validated by the ``compose-spec`` parser (a strict implementation of the Compose
  specification: unknown keys and wrong types fail), and its references checked.
* ``deploy/k8s/``: every resource the kustomization lists validates against the bundled
  Kubernetes JSON schemas (``kubernetes-validate``, strict, offline) for the newest and an
  older release, and the resources agree with each other and with the image.
* ``deploy/haproxy.cfg`` and ``deploy/nginx.conf`` pass ``haproxy -c`` / ``nginx -t`` and run on
  loopback in front of two plain ``app.py`` replicas (so every header must come from the
  proxy): anti-framing headers once on every response, foreign-origin websocket handshakes
  refused by the proxy (the replicas run under the outbound audit: had a handshake reached
  Streamlit, it would have tried its external-address lookup), same-origin ones upgraded.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.common import ROOT, free_port
from tests.ops.image_tree import context_files, dockerfile_env, dockerfile_instructions, in_context
from tests.ops.outbound_audit import Audited, start_audited

DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent
K8S_VERSIONS = ("1.37.0", "1.30.0")  # the newest the validator bundles, and an older one


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: `make test` installs requirements-dev.txt")
    return found


# -- the Dockerfile ------------------------------------------------------------------------
def _hadolint(dockerfile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_tool("hadolint"), "--no-color", "--failure-threshold", "style", str(dockerfile)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_dockerfile_passes_hadolint(tmp_path: Path) -> None:
    result = _hadolint(DEPLOY / "Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr
    # The lint is live: the same file without the apt hygiene fails it.
    worse = (DEPLOY / "Dockerfile").read_text()
    worse = worse.replace(" --no-install-recommends", "").replace("# hadolint ignore=DL3008", "")
    (tmp_path / "Dockerfile").write_text(worse)
    result = _hadolint(tmp_path / "Dockerfile")
    assert result.returncode != 0 and "DL3015" in result.stdout and "DL3008" in result.stdout


def test_dockerfile_runs_serve_py_as_a_non_root_user_with_a_health_check() -> None:
    steps = dockerfile_instructions()
    kinds = [kind for kind, _ in steps]
    base = next(args for kind, args in steps if kind == "FROM")
    assert re.fullmatch(r"python:3\.11-slim-\w+", base), base  # small, official, the app's Python
    user = [args for kind, args in steps if kind == "USER"]
    assert user and not user[-1].startswith(("root", "0")), user
    assert kinds.index("USER") > max(i for i, k in enumerate(kinds) if k in ("RUN", "COPY"))
    health = next(args for kind, args in steps if kind == "HEALTHCHECK")
    assert "/_stcore/health" in health
    cmd = json.loads(next(args for kind, args in steps if kind == "CMD"))
    assert cmd == ["python", "-m", "streamlit", "run", "serve.py"]
    runs = " ".join(args for kind, args in steps if kind == "RUN")
    assert "-r requirements.txt" in runs and "pybabel compile" in runs
    env = dockerfile_env()
    assert env["STREAMLIT_BROWSER_SERVER_ADDRESS"]  # set: no start-up lookup (UPSTREAM.md)
    assert env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"
    assert env["STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION"] == "true"
    assert env["STREAMLIT_SERVER_ENABLE_CORS"] == "true"
    assert "STREAMLIT_SERVER_COOKIE_SECRET" not in env  # never baked into an image
    assert f"EXPOSE {env['STREAMLIT_SERVER_PORT']}" in [f"{k} {a}" for k, a in steps]


def test_dockerignore_lets_in_the_app_and_nothing_else() -> None:
    files = set(context_files())
    for needed in ("app.py", "serve.py", "requirements.txt", ".streamlit/config.toml"):
        assert needed in files
    for folder in ("pages", "ui", "deficiency"):
        py = {str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py")}
        assert py <= files, sorted(py - files)
    assert {str(p.relative_to(ROOT)) for p in (ROOT / "deficiency").rglob("*.csv")} <= files
    assert {str(p.relative_to(ROOT)) for p in (ROOT / "locales").glob("*/*/*.po")} <= files
    leaked = sorted(
        f
        for f in files
        if f.startswith(("tests/", "bench/", "deploy/", "artifacts/", ".ci/"))
        or f.endswith((".mo", ".pyc"))
    )
    assert leaked == []
    for never in (".streamlit/secrets.toml", ".env", "deploy/.env", ".git/config", ".venv/x"):
        assert not in_context(never), never


# -- Compose -------------------------------------------------------------------------------
_VARIABLE = re.compile(r"\$\{(\w+)(?::([?-])([^}]*))?\}")


def _interpolate(value: Any, env: dict[str, str]) -> Any:
    """Compose's interpolation: ``${VAR}``, ``${VAR:-default}``, ``${VAR:?error}``."""
    if isinstance(value, dict):
        return {k: _interpolate(v, env) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, env) for v in value]
    if not isinstance(value, str):
        return value

    def one(match: re.Match[str]) -> str:
        name, kind, arg = match.groups()
        if env.get(name):
            return env[name]
        if kind == "?":
            raise ValueError(f"required variable {name} is missing: {arg}")
        return arg if kind == "-" else ""

    return _VARIABLE.sub(one, value)


def _compose(env: dict[str, str]) -> dict[str, Any]:
    """deploy/compose.yaml as Compose reads it: YAML anchors and merges, then interpolation."""
    from compose_spec import PyCompose

    data = _interpolate(yaml.safe_load((DEPLOY / "compose.yaml").read_text()), env)
    parsed = PyCompose.from_json(json.dumps(data))  # strict: ValueError on any deviation
    parsed.validate()  # networks, volumes, secrets referenced are defined
    parsed.to_spec()  # and the pydantic model of the Compose JSON schema accepts it
    return data


def test_compose_file_is_valid_and_hardened() -> None:
    compose = _compose({"COOKIE_SECRET": "s" * 64})
    app, balancer = compose["services"]["app"], compose["services"]["balancer"]
    assert (DEPLOY / app["build"]["context"] / app["build"]["dockerfile"]).resolve() == (
        DEPLOY / "Dockerfile"
    )
    assert app["environment"]["STREAMLIT_SERVER_COOKIE_SECRET"] == "s" * 64
    assert app["deploy"]["replicas"] >= 2
    assert balancer["depends_on"]["app"]["condition"] == "service_healthy"
    source, _, mode = balancer["volumes"][0].split(":")
    assert (DEPLOY / source).resolve() == DEPLOY / "haproxy.cfg" and mode == "ro"
    assert all(p.startswith("127.0.0.1:") for p in balancer["ports"])  # nothing public by default
    for name, service in compose["services"].items():
        assert service["read_only"] is True, name
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name
    # HAProxy finds the replicas by the service's name, on the image's port.
    template = re.search(
        r"server-template \S+ \S+ (\S+):(\d+)", (DEPLOY / "haproxy.cfg").read_text()
    )
    assert template and template.group(1) == "app"
    assert template.group(2) == dockerfile_env()["STREAMLIT_SERVER_PORT"]
    with pytest.raises(ValueError, match="COOKIE_SECRET"):
        _compose({})  # no secret, no start: Compose stops with the same message


def test_compose_validation_is_live() -> None:
    from compose_spec import PyCompose

    data = _interpolate(
        yaml.safe_load((DEPLOY / "compose.yaml").read_text()), {"COOKIE_SECRET": "s"}
    )
    data["services"]["app"]["readonly"] = True  # a typo Compose would reject
    with pytest.raises(ValueError, match="readonly"):
        PyCompose.from_json(json.dumps(data))


# -- Kubernetes ----------------------------------------------------------------------------
def _kustomization() -> dict[str, Any]:
    return yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())


def _resources() -> dict[str, dict[str, Any]]:
    """kind -> resource, for every file the kustomization lists (one resource each)."""
    found = {}
    for name in _kustomization()["resources"]:
        docs = list(yaml.safe_load_all((DEPLOY / "k8s" / name).read_text()))
        assert len(docs) == 1, name
        found[docs[0]["kind"]] = docs[0]
    return found


def test_kubernetes_manifests_validate_against_the_schemas() -> None:
    import kubernetes_validate

    listed = set(_kustomization()["resources"])
    on_disk = {p.name for p in (DEPLOY / "k8s").glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == on_disk, "a manifest is not in kustomization.yaml (or the reverse)"
    for resource in _resources().values():
        for version in K8S_VERSIONS:
            kubernetes_validate.validate(resource, version, strict=True)  # raises if invalid
    broken = _resources()["Deployment"]
    broken["spec"]["template"]["spec"]["containers"][0]["readinessprobe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSIONS[0], strict=True)


def test_kubernetes_resources_fit_together_and_are_hardened() -> None:
    r = _resources()
    kustomization = _kustomization()
    deployment, service, ingress = r["Deployment"], r["Service"], r["Ingress"]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    (container,) = pod["spec"]["containers"]
    port = container["ports"][0]
    env = dockerfile_env()

    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert port["containerPort"] == int(env["STREAMLIT_SERVER_PORT"])
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": port["name"]}
    assert container["resources"]["requests"]["cpu"] and container["resources"]["limits"]["memory"]
    # Non-root, read-only root filesystem (the outbound test shows nothing is written outside
    # /tmp), no capabilities: the namespace enforces the "restricted" Pod Security Standard.
    spc, sc = pod["spec"]["securityContext"], container["securityContext"]
    assert spc["runAsNonRoot"] is True and spc["runAsUser"] != 0
    assert spc["seccompProfile"]["type"] == "RuntimeDefault"
    assert sc["readOnlyRootFilesystem"] is True and sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
    assert "/tmp" in mounts and any(v["name"] == mounts["/tmp"] for v in pod["spec"]["volumes"])
    assert (
        r["Namespace"]["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    )
    assert r["Namespace"]["metadata"]["name"] == kustomization["namespace"]

    # The cookie secret: from the Secret the kustomization generates, never inline.
    (secret_env,) = [e for e in container["env"] if e["name"] == "STREAMLIT_SERVER_COOKIE_SECRET"]
    ref = secret_env["valueFrom"]["secretKeyRef"]
    (generator,) = kustomization["secretGenerator"]
    assert ref["name"] == generator["name"]
    assert f"{ref['key']}=" in (DEPLOY / "k8s" / "kustomization.yaml").read_text()
    hosts = {e["name"]: e.get("value") for e in container["env"]}
    assert hosts["STREAMLIT_SERVER_ALLOWED_HOSTS"] == ingress["spec"]["rules"][0]["host"]
    assert hosts["STREAMLIT_BROWSER_SERVER_ADDRESS"]  # no start-up lookup
    assert container["image"] == kustomization["images"][0]["name"]

    # Service -> pods -> port; Ingress -> Service; PDB and NetworkPolicy -> the pods.
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == port["name"]
    backend = ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend == {"name": service["metadata"]["name"], "port": {"name": "http"}}
    for kind in ("PodDisruptionBudget",):
        assert r[kind]["spec"]["selector"]["matchLabels"].items() <= labels.items()
    policy = r["NetworkPolicy"]["spec"]
    assert policy["podSelector"]["matchLabels"].items() <= labels.items()
    assert policy["egress"] == [] and "Egress" in policy["policyTypes"]  # nothing leaves

    # Sticky by a cookie naming the pod, rewritten on failure; websocket-long timeouts.
    notes = ingress["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    assert notes[prefix + "affinity-mode"] == "persistent"
    assert notes[prefix + "session-cookie-change-on-failure"] == "true"
    assert int(notes[prefix + "proxy-read-timeout"]) >= 3600
    assert int(notes[prefix + "proxy-send-timeout"]) >= 3600


# -- the proxies, for real on loopback -----------------------------------------------------
def test_haproxy_cfg_as_shipped_passes_haproxy_check() -> None:
    from bench.haproxy import require_haproxy

    check = subprocess.run(
        [require_haproxy(), "-c", "-f", str(DEPLOY / "haproxy.cfg")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.fixture(scope="module")
def audited_replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Audited]]:
    """Two plain ``streamlit run app.py`` replicas (no serve.py guard) under the audit."""
    env = {"STREAMLIT_SERVER_ADDRESS": "127.0.0.1", "STREAMLIT_SERVER_ALLOWED_HOSTS": "127.0.0.1"}
    replicas: list[Audited] = []
    try:
        for i in range(2):
            replicas.append(
                start_audited(ROOT, ["app.py"], env, tmp_path_factory.mktemp(f"replica{i}"))
            )
        yield replicas
    finally:
        for replica in replicas:
            replica.stop()


def _start_proxy(kind: str, ports: list[int]) -> Any:
    workdir = Path(tempfile.mkdtemp(prefix=f"ops-{kind}-"))
    if kind == "haproxy":
        from bench.haproxy import start_haproxy

        return start_haproxy(free_port(), ports, workdir)
    from bench.nginx import start_site

    return start_site(free_port(), ports, workdir)


def _handshake(port: int, origins: tuple[str, ...]) -> int:
    """Status of a websocket handshake to /_stcore/stream with these Origin headers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", "/_stcore/stream", skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", f"127.0.0.1:{port}")
        for origin in origins:
            conn.putheader("Origin", origin)
        conn.putheader("Upgrade", "websocket")
        conn.putheader("Connection", "Upgrade")
        conn.putheader("Sec-WebSocket-Version", "13")
        conn.putheader("Sec-WebSocket-Key", base64.b64encode(os.urandom(16)).decode())
        conn.putheader("Sec-WebSocket-Protocol", "streamlit")
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.mark.parametrize("kind", ["haproxy", "nginx"])
def test_proxy_sends_anti_framing_headers_and_refuses_foreign_origins(
    kind: str, audited_replicas: list[Audited]
) -> None:
    proxy = _start_proxy(kind, [r.port for r in audited_replicas])
    try:
        for path in ("/", "/_stcore/health", "/media/no-such-file.csv"):
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            conn.close()
            assert response.getheaders(), path
            headers = [(k.lower(), v) for k, v in response.getheaders()]
            assert headers.count(("x-frame-options", "SAMEORIGIN")) == 1, (path, headers)
            csp = [v for k, v in headers if k == "content-security-policy"]
            assert csp == ["frame-ancestors 'self'"], (path, headers)
            assert [k for k, _ in headers].count("x-frame-options") == 1

        own = f"http://127.0.0.1:{proxy.port}"
        assert _handshake(proxy.port, (own,)) == 101  # the app's own page
        assert _handshake(proxy.port, ()) == 101  # no Origin: not a browser page
        for origins in (
            ("http://evil.example",),
            ("null",),
            (f"http://127.0.0.1.evil.example:{proxy.port}",),
            (f"http://127.0.0.1:{proxy.port}.evil.example",),  # malformed: refused here too
            (f"https://evil.example/{own}",),
            ("http://evil.example", own),  # Streamlit reads the first
        ):
            assert _handshake(proxy.port, origins) in (400, 403), origins
        # Had any refused handshake reached a replica, Streamlit would have looked up its
        # external address (the control in test_outbound.py shows it does).
        for replica in audited_replicas:
            assert replica.refused() == [], replica.refused()
            assert replica.written_outside() == []
    finally:
        proxy.stop()
