"""One live server per test process, over the demo that django_db_setup loaded once.

pytest-django's `live_server` needs `transactional_db`: the database is emptied after each test, so
the next one loads the demo again (3-6 s each). This server answers on the test's own database
connection instead, as Django's LiveServerTestCase does for an in-memory SQLite database: each
request runs inside the transaction pytest-django's `db` rolls back after the test, so whatever a
request writes (a session, a last sign-in, a security-log row, a failed sign-in counting towards a
lockout) is gone before the next test, and no test can see another's.

One connection is safe to share between threads only one at a time, so the server answers one
request at a time (each on its own thread, so that a browser's idle keep-alive connection holds up
nobody), and never closes the connection: Django closes it after each request, which inside a
transaction would end the test's. Between tests it answers 503 without touching the database, so a
request the browser sends as its test ends cannot reach the next test's transaction.
"""

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.testcases import LiveServerThread

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class OneRequestAtATimeServer(ThreadedWSGIServer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        self.in_a_test = False

    def set_app(self, application: WSGIApp) -> None:
        def one_at_a_time(environ: dict, start_response: Callable) -> list[bytes]:
            # The body is read under the lock too: a streamed download queries as it goes.
            with self.lock:
                if not self.in_a_test:
                    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                    return [b"Between tests"]
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(one_at_a_time)

    def _close_connections(self) -> None:
        """The connection is the test's, inside its transaction: it stays open."""


class SharedLiveServerThread(LiveServerThread):
    server_class = OneRequestAtATimeServer


class SharedLiveServer:
    def __init__(self, host: str = "localhost") -> None:
        self.connections = {connection.alias: connection for connection in connections.all()}
        self.thread = SharedLiveServerThread(host, StaticFilesHandler, connections_override=self.connections)
        self.thread.daemon = True
        for connection in self.connections.values():
            connection.inc_thread_sharing()
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            self.stop()
            raise self.thread.error

    @property
    def url(self) -> str:
        return f"http://{self.thread.host}:{self.thread.port}"

    @contextmanager
    def serving_one_test(self) -> Iterator["SharedLiveServer"]:
        """Requests while the test runs share its transaction; none is left running when it ends."""
        httpd = self.thread.httpd
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        httpd.in_a_test = True
        try:
            yield self
        finally:
            with httpd.lock:  # a request still being answered finishes first
                httpd.in_a_test = False
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)

    def stop(self) -> None:
        self.thread.terminate()
        for connection in self.connections.values():
            connection.dec_thread_sharing()
