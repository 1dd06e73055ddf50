"""Start, stop and inspect the project's own Neo4j server (jars resolved by Maven).

The server runs as a background `java` process with its home under `<SPEURNET_HOME>/neo4j`;
a pid file there lets `stop` and `status` find it again from another shell. It requires a
password: the first start of a home generates one into `<SPEURNET_HOME>/neo4j-password` (0600)
and gives it to user `neo4j` with Neo4j's own `neo4j-admin dbms set-initial-password`.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, replace
from pathlib import Path

from graph.homefiles import create_secret, private_folder
from graph.settings import ROOT, Settings, get_settings

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
# `neo4j-admin` without its launcher script (which would start this same class in a new JVM).
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
# A direct java launch ignores server.jvm.additional, so the flags Neo4j's own script adds are here.
JVM_FLAGS = [
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-XX:+UseG1GC",
    "-Dfile.encoding=UTF-8",
]


class ServerError(RuntimeError):
    """A problem starting or stopping the server, phrased with its fix."""


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    uri: str
    home: Path


def home(settings: Settings) -> Path:
    return settings.home / "neo4j"


def _pid_file(settings: Settings) -> Path:
    return home(settings) / "run" / "speurnet-neo4j.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not reaped) still answers kill(0): check its state.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def _read_pid(settings: Settings) -> int | None:
    path = _pid_file(settings)
    try:
        pid = int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    return pid if _alive(pid) else None


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    """True when something accepts TCP connections on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def java_version() -> int:
    """The major version of `java` on PATH; ServerError when there is none."""
    java = shutil.which("java")
    if not java:
        raise ServerError("Java is not installed: install OpenJDK 17 (apt-get install openjdk-17-jre-headless)")
    out = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', out)
    major = int(match.group(1)) if match else 0
    if major < 17:
        raise ServerError(f"Neo4j 5.26 needs Java 17 or newer; `java` here is {major or 'unknown'}")
    return major


def jars_present(settings: Settings) -> bool:
    lib, plugins = settings.runtime / "lib", settings.runtime / "plugins"
    return any(lib.glob("neo4j-kernel-*.jar")) and any(plugins.glob("proc-*.jar"))


def install(settings: Settings | None = None, quiet: bool = True) -> None:
    """Resolve Neo4j, GDS and APOC with Maven into server/target (no-op when present)."""
    settings = settings or get_settings()
    if jars_present(settings):
        return
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("Maven is not installed: install it (apt-get install maven) to fetch Neo4j")
    cmd = [mvn, "-B", "-f", str(ROOT / "server" / "pom.xml"), "package"]
    if quiet:
        cmd.insert(2, "-q")
    result = subprocess.run(cmd, check=False, capture_output=quiet, text=True)
    if result.returncode != 0 or not jars_present(settings):
        tail = (result.stdout or "")[-2000:] if quiet else ""
        raise ServerError(f"Maven could not resolve the Neo4j jars (mvn exit {result.returncode})\n{tail}")


def write_conf(settings: Settings, auth: bool = True) -> Path:
    """Write neo4j.conf for the managed server and make its folders."""
    base = home(settings)
    private_folder(settings.home)
    for sub in ("conf", "data", "logs", "run", "import"):
        (base / sub).mkdir(parents=True, exist_ok=True)
    conf = {
        "server.directories.data": str(base / "data"),
        "server.directories.logs": str(base / "logs"),
        "server.directories.run": str(base / "run"),
        "server.directories.import": str(base / "import"),
        "server.directories.plugins": str(settings.runtime / "plugins"),
        "server.bolt.listen_address": f"127.0.0.1:{settings.bolt_port}",
        "server.bolt.advertised_address": f"127.0.0.1:{settings.bolt_port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true" if auth else "false",
        "server.memory.pagecache.size": settings.pagecache,
        "dbms.usage_report.enabled": "false",
        "dbms.security.procedures.unrestricted": "gds.*,apoc.*",
        "dbms.security.procedures.allowlist": "gds.*,apoc.*",
        # Investigations are cut off rather than left to exhaust the heap.
        "db.transaction.timeout": "300s",
        "db.memory.transaction.total.max": "0",
    }
    path = base / "conf" / "neo4j.conf"
    path.write_text("".join(f"{k}={v}\n" for k, v in conf.items()), encoding="utf-8")
    return path


def status(settings: Settings | None = None) -> Status:
    settings = settings or get_settings()
    pid = _read_pid(settings)
    return Status(pid is not None, pid, settings.uri, home(settings))


def _console_log(settings: Settings) -> Path:
    return home(settings) / "logs" / "console.log"


def _explain_exit(settings: Settings, code: int | None) -> str:
    log = _console_log(settings).read_text(errors="replace") if _console_log(settings).exists() else ""
    if "lock" in log.lower() and ("store" in log.lower() or "database" in log.lower()):
        return (f"the store in {home(settings) / 'data'} is locked by another Neo4j process: "
                "stop it (speurnet db stop, or kill the other java process) and start again")
    if "Address already in use" in log or "BindException" in log:
        return f"port {settings.bolt_port} is already in use: free it or set SPEURNET_BOLT_PORT"
    last = "\n".join(log.strip().splitlines()[-15:])
    return f"Neo4j exited with code {code}; the end of {_console_log(settings)}:\n{last}"


def _wait_for_bolt(settings: Settings, proc: subprocess.Popen[bytes]) -> None:
    # Imported here so that `status` and `stop` work even when the driver is broken.
    from graph.db import Graph, GraphRefused, GraphUnavailable

    deadline = time.monotonic() + settings.start_timeout
    while time.monotonic() < deadline:
        code = proc.poll()
        if code is not None:
            raise ServerError(_explain_exit(settings, code))
        if port_open(settings.bolt_port):
            try:
                Graph.connect(settings).close()
                return
            except GraphRefused as exc:
                raise ServerError(str(exc)) from exc
            except GraphUnavailable:
                pass
        time.sleep(0.5)
    raise ServerError(
        f"Neo4j did not answer on {settings.uri} within {settings.start_timeout:.0f}s; "
        f"see {_console_log(settings)}"
    )


def _classpath(settings: Settings) -> str:
    return f"{settings.runtime / 'plugins'}/*:{settings.runtime / 'lib'}/*"


def _system_created(settings: Settings) -> bool:
    """True once the server has started on this home (the system database holds the users)."""
    return (home(settings) / "data" / "databases" / "system").exists()


def _set_initial_password(settings: Settings, conf: Path, password: str) -> None:
    """`neo4j-admin dbms set-initial-password`, before the system database exists."""
    env = dict(os.environ, NEO4J_HOME=str(home(settings)), NEO4J_CONF=str(conf.parent))
    cmd = ["java", "-Xmx256m", *JVM_FLAGS, "-cp", _classpath(settings), ADMIN_TOOL,
           "dbms", "set-initial-password", password]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL, cwd=home(settings))
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-10:])
        raise ServerError(f"neo4j-admin could not set the initial password (exit "
                          f"{done.returncode}):\n{tail}")


def _reset_password(settings: Settings, password: str) -> None:
    """A home whose database was made without a password (before auth was on): start it once
    more without auth, on loopback as it always ran, and give `neo4j` the new password (Neo4j's
    documented recovery of the admin password)."""
    from graph.db import Graph

    _launch(settings, auth=False)
    try:
        with Graph.connect(replace(settings, database="system")) as system:
            system.write("admin/set_password", password=password)
    finally:
        stop(settings)


def ensure_password(settings: Settings) -> None:
    """Give user `neo4j` the home's password file, creating both on a home's first start."""
    if settings.password_file.exists():
        return
    password = secrets.token_hex(24)  # hex: never a leading "-" that neo4j-admin reads as an option
    if _system_created(settings):
        _reset_password(settings, password)
    else:
        _set_initial_password(settings, write_conf(settings), password)
    create_secret(settings.password_file, password.encode)


def _launch(settings: Settings, auth: bool) -> None:
    conf = write_conf(settings, auth)
    cmd = ["java", f"-Xms{settings.heap}", f"-Xmx{settings.heap}", *JVM_FLAGS,
           "-cp", _classpath(settings), ENTRY_POINT, f"--home-dir={home(settings)}",
           f"--config-dir={conf.parent}", "--console-mode"]
    log = _console_log(settings).open("wb")
    # A session of its own: Ctrl-C in the shell that started it does not stop the database.
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, cwd=home(settings))
    log.close()
    _pid_file(settings).write_text(str(proc.pid))
    try:
        _wait_for_bolt(settings, proc)
    except BaseException:
        _terminate(proc.pid)
        _pid_file(settings).unlink(missing_ok=True)
        raise


def start(settings: Settings | None = None) -> Status:
    """Start the managed server unless it runs already; wait until Bolt answers."""
    settings = settings or get_settings()
    if not settings.managed:
        raise ServerError(f"NEO4J_URI is set ({settings.neo4j_uri}): Speurnet starts no server of its own")
    current = status(settings)
    if current.running:
        return current
    java_version()
    if port_open(settings.bolt_port):
        raise ServerError(
            f"port {settings.bolt_port} is already in use by another program: stop it, "
            "or set SPEURNET_BOLT_PORT to a free port (or NEO4J_URI to use that server)"
        )
    install(settings)
    ensure_password(settings)
    _launch(settings, auth=True)
    return status(settings)


def _gone(pid: int) -> bool:
    """True when the process has exited; reaps it when it is our own child (no zombie left).

    For our child only waitpid is trusted: while the JVM shuts down its main thread can already
    show as a zombie in /proc although other threads still run.
    """
    try:
        return os.waitpid(pid, os.WNOHANG)[0] == pid
    except ChildProcessError:
        return not _alive(pid)  # not our child: its parent reaps it


def _terminate(pid: int, timeout: float = 60.0) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if _gone(pid):
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)
    while not _gone(pid):
        time.sleep(0.1)


def stop(settings: Settings | None = None) -> bool:
    """Stop the managed server; True when one was running."""
    settings = settings or get_settings()
    pid = _read_pid(settings)
    _pid_file(settings).unlink(missing_ok=True)
    if pid is None:
        return False
    _terminate(pid)
    return True


def import_full(settings: Settings, nodes: list[tuple[str, Path]],
                relationships: list[tuple[str, Path]], *, array_delimiter: str = ";",
                multiline: list[Path] | None = None, threads: int | None = None,
                report_file: Path | None = None) -> str:
    """`neo4j-admin database import full` of header-typed CSV files into the managed server's
    database, replacing it (`--overwrite-destination`); the server must be stopped. `nodes` and
    `relationships` are (label or type, file) pairs; `multiline` names the files with a line break
    inside a field (any: all are read as such). Returns the importer's summary lines."""
    if not settings.managed:
        raise ServerError("the bulk import writes the database files of the project's own server; "
                          f"NEO4J_URI is set ({settings.neo4j_uri})")
    if status(settings).running:
        raise ServerError("the server still runs: stop it before a full import (speurnet db stop)")
    conf = write_conf(settings)
    env = dict(os.environ, NEO4J_HOME=str(home(settings)), NEO4J_CONF=str(conf.parent))
    cmd = ["java", f"-Xmx{settings.heap}", *JVM_FLAGS, "-cp", _classpath(settings), ADMIN_TOOL,
           # The database first: --nodes and --relationships take any number of files after them.
           "database", "import", "full", settings.database, "--overwrite-destination=true",
           "--id-type=string",
           f"--array-delimiter={array_delimiter}", "--bad-tolerance=0",
           f"--threads={threads or os.cpu_count() or 1}", "--high-parallel-io=auto",
           f"--report-file={report_file or home(settings) / 'logs' / 'import.report'}",
           *(f"--nodes={label}={path}" for label, path in nodes),
           *(f"--relationships={kind}={path}" for kind, path in relationships)]
    if multiline:
        # The v1 reader, for every file: the v2 one (multi-line fields in named files only)
        # breaks on a quoted field that crosses its 4 MiB read buffer ("found CR outside a text
        # cell"), which a signal file of a million persons' town does.
        cmd += ["--multiline-fields-format=v1", "--multiline-fields=true"]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False,
                          stdin=subprocess.DEVNULL, cwd=home(settings))
    if done.returncode != 0:
        # The cause, without the Java stack trace under it: the importer's own "original
        # error" (file and position) when it names one, else its last lines.
        lines = [line for line in (done.stderr + done.stdout).strip().splitlines()
                 if not line.lstrip().startswith("at ")]
        causes = list(dict.fromkeys(line.split("original error:", 1)[1].strip()
                                    for line in lines if "original error:" in line))
        tail = "\n".join(causes[:3] or lines[-15:])
        raise ServerError(f"neo4j-admin database import failed (exit {done.returncode}):\n{tail}")
    return done.stdout
