"""Run one piece of heavy work in a child process that is killed at a time or memory limit (LOAD-04).

A board pack's PDF is made by WeasyPrint, whose time and memory grow with the plan: the 50 × 20
synthetic pack takes about a minute and 870 MB, and a 10,000-action plan would take many minutes
and gigabytes. On the worker, such a render must not take the machine's memory or hold the worker
for ever, and when it is stopped the worker must go on to the next job. So the render runs in a
forked child: the parent watches the clock and the child's resident memory, kills the child when
either limit is passed, and raises LimitExceeded with a message the secretary can act on.

Forked, not spawned: the child starts at once with Django, WeasyPrint and the fonts already
loaded, and needs no database (the HTML is made before the fork), so it never touches the
connections it inherits. It leaves through os._exit, as multiprocessing's children do, so
nothing of the parent's (database connections, open files) is closed or flushed by it.
"""

import ctypes
import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

# How often the parent looks at the child's memory: WeasyPrint grows by tens of MB a second at
# most, so the child can pass its limit by a few MB before it is killed.
POLL_SECONDS = 0.1
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class LimitExceeded(Exception):
    """The work was stopped at its time or memory limit. `kind` is "time" or "memory"."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


class ChildFailed(Exception):
    """The work raised an error in the child, or the child died without answering."""


def resident_megabytes(pid: int) -> float:
    """The process's resident set size (VmRSS), in MB; 0 once it has gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0.0


def _die_with_parent() -> None:
    """Linux's PR_SET_PDEATHSIG: SIGKILL this process when its parent dies. Elsewhere, nothing."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _child(send: Connection, parent: int, function: Callable[..., Any], args: tuple) -> None:
    # Stopping is the parent's decision: db_worker finishes its task on the first SIGTERM or Ctrl-C
    # (which reach the whole process group) and kills the child on the second, or when it leaves.
    # If the parent is killed outright, the kernel kills the child too, so no render outlives it.
    for name in ("SIGINT", "SIGTERM", "SIGQUIT"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)
    try:
        answer = ("ok", function(*args))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent as text
        answer = ("error", f"{type(error).__name__}: {error}")
    send.send(answer)
    send.close()


def run_within_limits(function: Callable[..., Any], *args: Any, seconds: float, megabytes: int) -> Any:
    """function(*args) in a forked child; its result, or LimitExceeded, or ChildFailed.

    The result must be picklable: it comes back through a pipe. The memory limit is the child's
    resident size, shared pages inherited from the parent included, as `ps` shows it.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, os.getpid(), function, args), daemon=True)
    started = time.monotonic()
    child.start()
    send.close()  # the parent keeps only its reading end, so a dead child shows as end of file
    try:
        while True:
            if receive.poll(POLL_SECONDS):
                try:
                    status, value = receive.recv()
                except EOFError:
                    child.join()
                    raise ChildFailed(
                        f"The child process stopped (exit code {child.exitcode}) without answering."
                    ) from None
                if status == "error":
                    raise ChildFailed(value)
                return value
            if time.monotonic() - started > seconds:
                raise LimitExceeded("time", f"It was stopped after {seconds:g} seconds, its time limit.")
            if resident_megabytes(child.pid) > megabytes:
                raise LimitExceeded(
                    "memory",
                    f"It was stopped when it needed more than {megabytes:,} MB of memory, its limit.",
                )
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
