"""A client speaking Streamlit's browser protocol, for the load harness and the replica tests.

One :class:`Session` is one browser tab, without rendering: it loads the page
over HTTP (which is where a load balancer sets its affinity cookie), fetches
``/_stcore/health`` (where Streamlit sets its XSRF cookie), opens the websocket
``/_stcore/stream`` with those cookies and then speaks ``BackMsg`` /
``ForwardMsg`` as the frontend does:

- a run is requested with ``rerun_script`` (widget states, page, query string,
  the fragment of the changed widget, the hashes of the large messages it has
  cached) and is complete at ``script_finished`` (a full run or a fragment run);
- widgets are discovered from the ``new_element`` deltas, with their allowed
  values (slider and number bounds and step, select/radio/multiselect options,
  toggles), where they are (main area or sidebar) and their fragment;
- downloads (``st.download_button`` with deferred data) go through a
  ``backend_operation_request`` and a GET of the ``/media`` URL it returns;
- uploads go through a ``file_urls_request``, a PUT to ``/_stcore/upload_file``
  and a rerun carrying the uploader's state.

HTTP requests carry the session's cookies, so behind a balancer with cookie
affinity every request of a session reaches the replica that holds it. Only
the standard library, ``websockets`` and Streamlit's protobufs are used, so
``bench/`` scripts and ``tests/`` import the same code.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import math
import random
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Common_pb2 import FileUploaderState, UploadedFileInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState

#: The balancer's affinity cookie (deploy/haproxy*.cfg).
AFFINITY_COOKIE = "SERVERID"
XSRF_COOKIE = "_streamlit_xsrf"

#: Widget kinds the harness changes (others: buttons, forms, uploaders, text, are left alone).
CHANGEABLE = ("slider", "number_input", "selectbox", "radio", "checkbox", "multiselect")

# HTTP calls run in threads (urllib); a class opening the link at once needs many.
_HTTP = concurrent.futures.ThreadPoolExecutor(max_workers=64, thread_name_prefix="stclient-http")

#: Runs a cached message survives unused (the frontend's ForwardMsg cache; the server's
#: ``global.maxCachedMessageAge`` in its new_session message overrides it).
CACHE_RUNS = 2

_DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
         ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class ProtocolError(RuntimeError):
    """The server answered something a browser would not accept."""


@dataclass
class HTTPResult:
    status: int
    body: bytes
    headers: dict[str, str]


@dataclass
class Widget:
    """A widget seen in the last run, with what a user could set it to."""

    id: str
    kind: str
    proto: object
    sidebar: bool
    fragment_id: str

    def changeable(self) -> bool:
        p = self.proto
        if self.kind not in CHANGEABLE or p.disabled or p.form_id or getattr(p, "ignore_rerun", False):
            return False
        if self.kind == "slider":
            return bool(p.options) or p.data_type in (Slider.INT, Slider.FLOAT)
        if self.kind in ("selectbox", "radio"):
            return len(p.options) > 1
        if self.kind == "multiselect":
            return len(p.options) > 0
        return True

    def random_state(self, rng: random.Random, current=None) -> WidgetState:
        """A random allowed value, different from ``current`` where the widget allows another."""
        p = self.proto
        state = WidgetState(id=self.id)
        for _ in range(8):
            value = self._draw(rng)
            if value != current:
                break
        if self.kind == "slider" and p.options:
            state.string_array_value.data.extend(value)
        elif self.kind == "slider":
            state.double_array_value.data.extend(value)
        elif self.kind == "number_input":
            state.double_value = value
        elif self.kind in ("selectbox", "radio"):
            state.string_value = value
        elif self.kind == "checkbox":
            state.bool_value = value
        elif self.kind == "multiselect":
            state.string_array_value.data.extend(value)
        return state

    def _draw(self, rng: random.Random):
        p = self.proto
        if self.kind == "slider":
            count = max(1, len(p.default))
            if p.options:
                return sorted(rng.sample(list(p.options), k=min(count, len(p.options))), key=list(p.options).index)
            steps = max(0, math.floor((p.max - p.min) / p.step + 1e-9)) if p.step > 0 else 0
            values = sorted(p.min + rng.randint(0, steps) * p.step for _ in range(count))
            return [float(round(v)) if p.data_type == Slider.INT else round(v, 12) for v in values]
        if self.kind == "number_input":
            lo = p.min if p.has_min else p.default - 100 * (p.step or 1)
            hi = p.max if p.has_max else p.default + 100 * (p.step or 1)
            hi = min(hi, lo + 10_000 * (p.step or 1))  # a user types a number, not 2**32 of them
            step = p.step if p.step > 0 else (1 if p.data_type == p.INT else (hi - lo) / 100)
            value = lo + rng.randint(0, max(0, math.floor((hi - lo) / step + 1e-9))) * step
            return float(round(value)) if p.data_type == p.INT else round(value, 12)
        if self.kind in ("selectbox", "radio"):
            return rng.choice(list(p.options))
        if self.kind == "checkbox":
            return not p.value if p.set_value else rng.random() < 0.5
        if self.kind == "multiselect":
            top = p.max_selections or len(p.options)
            picked = rng.sample(list(p.options), k=rng.randint(1, min(top, len(p.options))))
            return sorted(picked, key=list(p.options).index)
        raise ValueError(self.kind)


@dataclass
class Download:
    """A download button seen in the last run: a deferred one (made on click) or a ready ``/media`` URL."""

    id: str
    file_id: str
    url: str
    fragment_id: str


@dataclass
class RunResult:
    """One request → ``script_finished``: latency, traffic, what went wrong."""

    ms: float
    status: int | None
    messages: int
    nbytes: int
    exceptions: list[str] = field(default_factory=list)
    fragment: bool = False


class Session:
    """One browser tab on ``base_url`` (an app server or a balancer in front of replicas)."""

    def __init__(self, base_url: str, page: str = "", *, query: str = "", timeout: float = 60.0,
                 cache_messages: bool = True) -> None:
        self.base_url = base_url.rstrip("/")
        self.page = page  # the page's URL path ("" for the entry page)
        self.query = query
        self.timeout = timeout
        self.cache_messages = cache_messages
        self.cookies: dict[str, str] = {}
        self.session_id: str | None = None
        self.widgets: dict[str, Widget] = {}
        self.downloads: list[Download] = []
        self.uploaders: list[Widget] = []
        self.values: dict[str, object] = {}  # what this client last set each widget to
        self._ws = None
        self._cache: dict[str, ForwardMsg] = {}  # large messages by hash, as the frontend caches them
        self._cache_used: dict[str, int] = {}  # hash → the run that last used it
        self._cache_fragment: dict[str, str] = {}  # hash → the fragment that sent it ("" for none)
        self._cache_runs = CACHE_RUNS
        self._run_fragments: set[str] = set()
        self._runs = 0
        self._pending: list[ForwardMsg] = []

    # -- HTTP ------------------------------------------------------------------
    @property
    def replica(self) -> str | None:
        """The balancer's affinity cookie value: which replica holds this session."""
        return self.cookies.get(AFFINITY_COOKIE)

    def _cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def _http_sync(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> HTTPResult:
        url = path if path.startswith("http") else f"{self.base_url}{path}"
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
        if self.cookies:
            request.add_header("Cookie", self._cookie_header())
        try:
            response = urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as err:
            response = err
        with response:
            data = response.read()
            for raw in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = raw.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0].strip()
            return HTTPResult(response.status, data, dict(response.headers.items()))

    async def http(self, method: str, path: str, body: bytes | None = None,
                   headers: dict[str, str] | None = None) -> HTTPResult:
        """An HTTP request with this session's cookies (Set-Cookie answers are kept)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(_HTTP, self._http_sync, method, path, body, headers or {})

    # -- websocket ---------------------------------------------------------------
    async def open(self, *, assets: bool = False) -> RunResult:
        """Load the page as a browser does and run it once; returns the first run (timed from the page GET).

        ``assets``: also fetch the scripts, styles and fonts the page's HTML
        lists (a first visit, nothing cached; chunks the frontend loads later,
        such as the chart library, are not fetched).
        """
        t0 = time.perf_counter()
        page = await self.http("GET", f"/{self.page}" + (f"?{self.query}" if self.query else ""))
        if page.status != 200:
            raise ProtocolError(f"GET /{self.page}: HTTP {page.status}")
        if assets:
            paths = sorted(set(re.findall(r'(?:src|href)="\./(static/[^"]+)"', page.body.decode("utf-8", "replace"))))
            for got in await asyncio.gather(*(self.http("GET", f"/{path}") for path in paths)):
                if got.status != 200:
                    raise ProtocolError(f"asset: HTTP {got.status}")
        await self.http("GET", "/_stcore/health")
        protocols = ["streamlit"] + ([self.cookies[XSRF_COOKIE]] if XSRF_COOKIE in self.cookies else [])
        stream = self.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
        headers = {"Origin": self.base_url}
        if self.cookies:
            headers["Cookie"] = self._cookie_header()
        self._ws = await websockets.connect(stream, subprotocols=protocols, additional_headers=headers,
                                            max_size=None, open_timeout=self.timeout, ping_interval=None)
        result = await self.rerun()
        result.ms = (time.perf_counter() - t0) * 1e3
        return result

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None

    async def __aenter__(self) -> Session:
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def _send(self, back: BackMsg) -> None:
        await self._ws.send(back.SerializeToString())

    async def _receive(self) -> tuple[ForwardMsg, int]:
        if self._pending:
            return self._pending.pop(0), 0
        raw = await asyncio.wait_for(self._ws.recv(), timeout=self.timeout)
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        if msg.WhichOneof("type") == "ref_hash":
            cached = self._cache.get(msg.ref_hash)
            self._cache_used[msg.ref_hash] = self._runs
            if cached is None:
                raise ProtocolError(f"reference to a message never received: {msg.ref_hash}")
            full = ForwardMsg()
            full.CopyFrom(cached)
            full.metadata.CopyFrom(msg.metadata)
            msg = full
        elif self.cache_messages and msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = msg
            self._cache_used[msg.hash] = self._runs
            self._cache_fragment[msg.hash] = msg.delta.fragment_id
        return msg, len(raw)

    async def rerun(self, widgets: list[WidgetState] | None = None, *, fragment_id: str = "",
                    page: str | None = None, query: str | None = None) -> RunResult:
        """Request a run (optionally of one fragment, or of another page) and wait for it to finish."""
        if page is not None:
            self.page = page
        if query is not None:
            self.query = query
        back = BackMsg()
        rerun = back.rerun_script
        rerun.page_name = self.page
        rerun.query_string = self.query
        rerun.fragment_id = fragment_id
        rerun.widget_states.widgets.extend(widgets or [])
        rerun.cached_message_hashes.extend(self._cache)
        t0 = time.perf_counter()
        await self._send(back)
        return await self._until_finished(t0)

    async def _until_finished(self, t0: float) -> RunResult:
        result = RunResult(ms=0.0, status=None, messages=0, nbytes=0)
        while True:
            msg, size = await self._receive()
            result.messages += 1
            result.nbytes += size
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self._start_run(msg, result)
            elif kind == "delta":
                self._delta(msg, result)
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "script_finished" and msg.script_finished in _DONE:
                self._age_cache()
                result.status = msg.script_finished
                result.ms = (time.perf_counter() - t0) * 1e3
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    result.exceptions.append("compile error")
                return result

    def _age_cache(self) -> None:
        """Forget cached messages unused for more than the server's ``maxCachedMessageAge`` runs.

        As the frontend does: a fragment run only ages the messages of its fragments.
        """
        self._runs += 1
        for key, used in list(self._cache_used.items()):
            if self._run_fragments and self._cache_fragment[key] not in self._run_fragments:
                continue
            if self._runs - used > self._cache_runs:
                del self._cache[key], self._cache_used[key], self._cache_fragment[key]

    def _start_run(self, msg: ForwardMsg, result: RunResult) -> None:
        new = msg.new_session
        if new.HasField("initialize") and new.initialize.session_id:
            self.session_id = new.initialize.session_id
        if new.HasField("config") and new.config.max_cached_message_age:
            self._cache_runs = new.config.max_cached_message_age
        fragments = set(msg.metadata.run.fragment_ids)
        self._run_fragments = fragments
        result.fragment = bool(fragments)
        if fragments:
            self.widgets = {k: w for k, w in self.widgets.items() if w.fragment_id not in fragments}
            self.uploaders = [w for w in self.uploaders if w.fragment_id not in fragments]
            self.downloads = [d for d in self.downloads if d.fragment_id not in fragments]
        else:
            self.widgets, self.uploaders, self.downloads = {}, [], []

    def _delta(self, msg: ForwardMsg, result: RunResult) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        which = element.WhichOneof("type")
        if which == "exception":
            result.exceptions.append(f"{element.exception.type}: {element.exception.message[:120]}")
            return
        proto = getattr(element, which, None) if which else None
        widget_id = getattr(proto, "id", "") if proto is not None else ""
        if which == "download_button":
            self.downloads.append(Download(proto.id, proto.deferred_file_id, proto.url, msg.delta.fragment_id))
            return
        if not widget_id:
            return
        widget = Widget(widget_id, which, proto, sidebar=msg.metadata.delta_path[:1] == [1],
                        fragment_id=msg.delta.fragment_id)
        if which == "file_uploader":
            self.uploaders.append(widget)
        else:
            self.widgets[widget_id] = widget

    # -- what users do -----------------------------------------------------------
    def main_widgets(self) -> list[Widget]:
        """Widgets a user can change in the page's main area (not the sidebar, not in forms)."""
        return [w for w in self.widgets.values() if not w.sidebar and w.changeable()]

    def seed_widget(self) -> Widget | None:
        return next((w for w in self.widgets.values() if w.kind == "number_input" and w.id.endswith("-seed")), None)

    async def change(self, widget: Widget, rng: random.Random) -> RunResult:
        """Set ``widget`` to a random allowed value (as its frontend would: rerun its fragment, if any)."""
        state = widget.random_state(rng, self.values.get(widget.id))
        self.values[widget.id] = _value_of(state)
        return await self.rerun([state], fragment_id=widget.fragment_id)

    async def set_seed(self, seed: int) -> RunResult:
        widget = self.seed_widget()
        if widget is None:
            raise ProtocolError(f"no seed widget on /{self.page}")
        self.values[widget.id] = float(seed)
        return await self.rerun([WidgetState(id=widget.id, double_value=float(seed))],
                                fragment_id=widget.fragment_id)

    async def switch_page(self, page: str, query: str = "") -> RunResult:
        """Follow a navigation link to ``page`` (its URL path) carrying ``query``."""
        self.values = {}
        return await self.rerun(page=page, query=query)

    async def media_url(self, file_id: str) -> str:
        """Click a deferred download button: the server makes the file and answers its ``/media`` URL."""
        request_id = str(uuid.uuid4())
        back = BackMsg()
        back.backend_operation_request.request_id = request_id
        back.backend_operation_request.session_id = self.session_id or ""
        back.backend_operation_request.deferred_file.file_id = file_id
        await self._send(back)
        msg = await self._wait_for(lambda m: m.WhichOneof("type") == "backend_operation_response"
                                   and m.backend_operation_response.request_id == request_id)
        response = msg.backend_operation_response
        if response.error_msg:
            raise ProtocolError(f"deferred download refused: {response.error_msg}")
        return response.deferred_file.url

    async def download(self, button: Download) -> HTTPResult:
        """Click a download button and GET the file, as the browser does."""
        return await self.http("GET", button.url or await self.media_url(button.file_id))

    async def press(self, button: Widget) -> RunResult:
        """Click an ``st.button`` (a trigger: true for one run of its fragment, or of the page)."""
        return await self.rerun([WidgetState(id=button.id, trigger_value=True)], fragment_id=button.fragment_id)

    async def upload(self, uploader: Widget, name: str, data: bytes, mime: str = "text/csv"
                     ) -> tuple[HTTPResult, RunResult | None]:
        """Upload a file as the browser does; rerun with it only if the PUT was accepted."""
        request_id = str(uuid.uuid4())
        back = BackMsg()
        back.file_urls_request.request_id = request_id
        back.file_urls_request.session_id = self.session_id or ""
        back.file_urls_request.file_names.append(name)
        await self._send(back)
        msg = await self._wait_for(lambda m: m.WhichOneof("type") == "file_urls_response"
                                   and m.file_urls_response.response_id == request_id)
        urls = msg.file_urls_response.file_urls[0]
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
                f"Content-Type: {mime}\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        if XSRF_COOKIE in self.cookies:
            headers["X-Xsrftoken"] = self.cookies[XSRF_COOKIE]
        put = await self.http("PUT", urls.upload_url, body, headers)
        if put.status not in (200, 204):
            return put, None
        state = WidgetState(id=uploader.id, file_uploader_state_value=FileUploaderState(uploaded_file_info=[
            UploadedFileInfo(name=name, size=len(data), file_id=urls.file_id, file_urls=urls)]))
        return put, await self.rerun([state], fragment_id=uploader.fragment_id)

    async def _wait_for(self, match) -> ForwardMsg:
        skipped = []
        try:
            while True:
                msg, _ = await self._receive()
                if match(msg):
                    return msg
                skipped.append(msg)
        finally:
            self._pending[:0] = skipped


def _value_of(state: WidgetState):
    which = state.WhichOneof("value")
    value = getattr(state, which)
    return list(value.data) if hasattr(value, "data") else value
