"""A minimal Language Server Protocol client, enough to ask a real YAML language server what an editor would show.

tests/test_editor.py uses it to start ``yaml-language-server --stdio`` (the server behind VS Code's YAML extension
and most other editors' YAML support), open report files and read the diagnostics the server publishes for them.

Only the standard library: LSP is JSON-RPC 2.0, each message preceded by a ``Content-Length: N`` header and a blank
line. One thread reads the server's stdout and handles every message as it arrives: responses are filed under their
request id, ``textDocument/publishDiagnostics`` notifications under their document's URI, and requests *from* the
server (``workspace/configuration``, ``client/registerCapability``, …) are answered at once, so the server never
waits on us. A second thread drains stderr, so a chatty server can never block on a full pipe. Every wait has a
deadline: a broken or missing server fails the test, it never hangs it.

:class:`ProxyTrap` is a local HTTP proxy that records each connection and refuses it. The client passes it to the
server as its ``http.proxy`` setting, so any attempt to fetch a schema over the network is both recorded (a test can
assert there was none) and fails at once, the same on every machine, instead of waiting on DNS.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# Whole-session budget: a test that waits longer than this has found a bug (or a hung server), not a slow machine.
DEFAULT_TIMEOUT = 30.0

Json = Any  # a decoded JSON value; LSP payloads are deeply nested and loosely typed


class LspError(RuntimeError):
    """The server answered a request with an error, exited, or did not answer in time."""


class ProxyTrap:
    """A loopback HTTP proxy that records the first line of every request (``CONNECT host:443 HTTP/1.1``) and
    answers ``502``. Use as a context manager; ``url`` is what to give the server as ``http.proxy``."""

    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="proxy-trap", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> ProxyTrap:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._server.close()

    def seen(self) -> list[str]:
        with self._lock:
            return list(self.requests)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                data = b""
                with contextlib.suppress(OSError):
                    while b"\r\n" not in data and len(data) < 8192:
                        chunk = conn.recv(4096)
                        if not chunk:
                            break
                        data += chunk
                with self._lock:
                    self.requests.append(data.split(b"\r\n", 1)[0].decode("latin-1"))
                with contextlib.suppress(OSError):
                    conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def default_settings(proxy: str = "") -> dict[str, Json]:
    """The settings an editor would give the YAML server, by configuration section: validate with the schema the
    file names, but never look anything up online (no SchemaStore catalogue, no Kubernetes schemas)."""
    return {
        "yaml": {
            "validate": True,
            "hover": True,
            "completion": True,
            "format": {"enable": False},
            "schemaStore": {"enable": False, "url": ""},
            "kubernetesCRDStore": {"enable": False},
            "schemas": {},
        },
        "http": {"proxy": proxy, "proxyStrictSSL": False},
        "[yaml]": {},
        "editor": {"detectIndentation": True},
    }


class LspClient:
    """One language server process. Use as a context manager: it initializes on entry and shuts down on exit."""

    def __init__(
        self,
        command: list[str],
        root: Path,
        settings: dict[str, Json] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.command = command
        self.root = root
        self.settings = settings if settings is not None else default_settings()
        self.timeout = timeout
        self.deadline = 0.0  # set on start: one budget for the whole session
        self._proc: subprocess.Popen[bytes] | None = None
        self._next_id = 0
        self._write_lock = threading.Lock()
        # Everything below is shared with the reader thread and guarded by _changed's lock.
        self._changed = threading.Condition()
        self._responses: dict[int, dict[str, Json]] = {}
        # uri -> every diagnostics list published for it, oldest first, with the monotonic time it arrived
        self._diagnostics: dict[str, list[tuple[float, list[dict[str, Json]]]]] = {}
        self._closed = False
        self.server_requests: list[str] = []  # methods of the requests the server sent us, for failure messages
        self.log: list[str] = []  # window/logMessage and window/showMessage texts
        self.stderr: list[str] = []

    # -- lifecycle --------------------------------------------------------------------------------------------

    def __enter__(self) -> LspClient:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self.deadline = time.monotonic() + self.timeout
        env = dict(os.environ)
        # The proxy must be the one in the settings (or none): an inherited one would send fetches elsewhere.
        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
            env.pop(name, None)
        self._proc = subprocess.Popen(
            self.command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=self.root,
            env=env,
        )
        threading.Thread(target=self._read_stdout, name="lsp-stdout", daemon=True).start()
        threading.Thread(target=self._read_stderr, name="lsp-stderr", daemon=True).start()
        root_uri = self.root.resolve().as_uri()
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "clientInfo": {"name": "zfxxgk-lint tests"},
                "rootUri": root_uri,
                "workspaceFolders": [{"uri": root_uri, "name": self.root.name}],
                "capabilities": {
                    # Ask the server to pull its settings from us (workspace/configuration), as VS Code does.
                    "workspace": {
                        "configuration": True,
                        "workspaceFolders": True,
                        "didChangeConfiguration": {"dynamicRegistration": True},
                    },
                    "textDocument": {
                        "publishDiagnostics": {"relatedInformation": True},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"documentationFormat": ["markdown", "plaintext"]}},
                        "synchronization": {"dynamicRegistration": True},
                    },
                },
                "initializationOptions": {},
            },
        )
        self.notify("initialized", {})
        # Some servers only read their settings when told they changed; the payload is for push-style servers.
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def stop(self) -> None:
        """``shutdown`` then ``exit``, as an editor closes; kill the process if it does not go in a few seconds."""
        proc = self._proc
        if proc is None:
            return
        try:
            if proc.poll() is None:
                with contextlib.suppress(LspError, OSError):
                    self.request("shutdown", None, timeout=5)
                with contextlib.suppress(OSError):
                    self.notify("exit", None)
                with contextlib.suppress(OSError):
                    proc.stdin.close()  # type: ignore[union-attr]
                proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=5)
            for stream in (proc.stdout, proc.stderr):
                with contextlib.suppress(OSError):
                    stream.close()  # type: ignore[union-attr]
            self._proc = None

    # -- sending ----------------------------------------------------------------------------------------------

    def _send(self, message: dict[str, Json]) -> None:
        proc = self._proc
        if proc is None or proc.stdin is None:
            raise LspError("the server is not running")
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        with self._write_lock:
            proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            proc.stdin.flush()

    def notify(self, method: str, params: Json) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: Json, timeout: float | None = None) -> Json:
        """Send a request and wait for its result (raising :class:`LspError` on an error or the deadline)."""
        with self._changed:
            self._next_id += 1
            request_id = self._next_id
        self._send({"id": request_id, "method": method, "params": params})
        deadline = self._deadline(timeout)
        with self._changed:
            while request_id not in self._responses:
                remaining = deadline - time.monotonic()
                if self._closed or remaining <= 0:
                    raise LspError(f"no response to {method} ({self._why()})")
                self._changed.wait(remaining)
            response = self._responses.pop(request_id)
        if "error" in response:
            raise LspError(f"{method} failed: {response['error']}")
        return response.get("result")

    # -- documents --------------------------------------------------------------------------------------------

    def open(self, path: Path, language_id: str = "yaml") -> str:
        """Open a file as an editor does (its text sent with ``didOpen``); returns its URI."""
        uri = path.resolve().as_uri()
        text = path.read_text(encoding="utf-8")
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}},
        )
        return uri

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a 0-based position, flattened to one string ('' when the server has nothing)."""
        result = self.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
        )
        if not result:
            return ""
        return _flatten_markup(result.get("contents"))

    def change(self, uri: str, text: str, version: int) -> int:
        """Replace an open document's whole text, as an editor does on an edit; returns how many diagnostics
        publications there were before it, for ``diagnostics(uri, after=…)``."""
        before = len(self.publications(uri))
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
        return before

    def diagnostics(
        self, uri: str, quiet: float = 1.0, timeout: float | None = None, after: int = 0
    ) -> list[dict[str, Json]]:
        """The diagnostics the server settles on for ``uri`` (ignoring its first ``after`` publications).

        The server may publish more than once for a document (say, once when it is opened and again when its
        settings arrive), and an early publication can be empty only because the schema was not loaded yet. So this
        waits for the first publication and then until none has come for ``quiet`` seconds, and returns the last.
        That alone cannot prove an empty list is final, which is why the tests also check, by hover, that the
        schema was applied, and that a faulty file does get flagged by the same wait. After an edit, pass the count
        :meth:`change` returned as ``after``, so the answer is about the edited text, not the old one.
        """
        deadline = self._deadline(timeout)
        with self._changed:
            while True:
                now = time.monotonic()
                published = self._diagnostics.get(uri, [])[after:]
                if published and now - published[-1][0] >= quiet:
                    return published[-1][1]
                if self._closed or now >= deadline:
                    raise LspError(f"no settled diagnostics for {uri} ({self._why()}); published: {published}")
                wake = published[-1][0] + quiet if published else deadline
                self._changed.wait(max(0.01, min(wake, deadline) - now))

    def publications(self, uri: str) -> list[list[dict[str, Json]]]:
        """Every diagnostics list published for ``uri`` so far, oldest first."""
        with self._changed:
            return [diagnostics for _, diagnostics in self._diagnostics.get(uri, [])]

    # -- receiving (reader threads) ---------------------------------------------------------------------------

    def _read_stdout(self) -> None:
        assert self._proc is not None and self._proc.stdout is not None
        stream = self._proc.stdout
        try:
            while True:
                # Header lines up to a blank line; only Content-Length matters (Content-Type is always utf-8 JSON).
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length is None:
                    continue
                body = stream.read(length)
                if len(body) < length:
                    return
                self._dispatch(json.loads(body))
        except (OSError, ValueError):
            return
        finally:
            with self._changed:
                self._closed = True
                self._changed.notify_all()

    def _read_stderr(self) -> None:
        assert self._proc is not None and self._proc.stderr is not None
        with contextlib.suppress(OSError, ValueError):
            for line in self._proc.stderr:
                self.stderr.append(line.decode("utf-8", "replace").rstrip())

    def _dispatch(self, message: dict[str, Json]) -> None:
        method = message.get("method")
        if method is None:  # a response to one of our requests
            with self._changed:
                self._responses[message["id"]] = message
                self._changed.notify_all()
        elif "id" in message:  # a request from the server: always answer, or it may wait forever
            self.server_requests.append(method)
            handler = self._server_request_handlers().get(method)
            result = handler(message.get("params")) if handler else None
            with contextlib.suppress(OSError, LspError):
                self._send({"id": message["id"], "result": result})
        elif method == "textDocument/publishDiagnostics":
            params = message["params"]
            with self._changed:
                self._diagnostics.setdefault(params["uri"], []).append((time.monotonic(), params["diagnostics"]))
                self._changed.notify_all()
        elif method in ("window/logMessage", "window/showMessage"):
            self.log.append(str(message["params"].get("message")))

    def _server_request_handlers(self) -> dict[str, Callable[[Json], Json]]:
        return {
            # One answer per item asked for, by section ("yaml", "http", "[yaml]", "editor"); null for others.
            "workspace/configuration": lambda params: [
                self.settings.get(item.get("section", "")) for item in (params or {}).get("items", [])
            ],
            "workspace/workspaceFolders": lambda _: [{"uri": self.root.resolve().as_uri(), "name": self.root.name}],
            # client/registerCapability, window/workDoneProgress/create, …: a null result means "done".
        }

    # -- helpers ----------------------------------------------------------------------------------------------

    def _deadline(self, timeout: float | None) -> float:
        return min(self.deadline, time.monotonic() + timeout) if timeout is not None else self.deadline

    def _why(self) -> str:
        proc = self._proc
        state = "exited" if self._closed or (proc is not None and proc.poll() is not None) else "timed out"
        tail = " | ".join(self.stderr[-5:])
        return f"{state}; stderr: {tail or '(none)'}"


def _flatten_markup(contents: Json) -> str:
    """Hover contents come as MarkupContent, a MarkedString, or a list of them."""
    if isinstance(contents, str):
        return contents
    if isinstance(contents, list):
        return "\n".join(_flatten_markup(item) for item in contents)
    if isinstance(contents, dict):
        return str(contents.get("value", ""))
    return ""
