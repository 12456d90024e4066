"""Faults for the transaction tests: a real error raised from a signal receiver, so that a
multi-object write fails part way and the test can look for anything half saved."""

import contextlib


class SimulatedFailure(RuntimeError):
    """Raised by `failing` in place of a write (a crash, a full disk, a lost database)."""


@contextlib.contextmanager
def failing(signal, sender, *, after=0):
    """While in the block, the (after + 1)-th `signal` from `sender` raises
    SimulatedFailure: with after=0 the first such write fails, with after=1 the second."""
    seen = []

    def receiver(**kwargs):
        seen.append(kwargs)
        if len(seen) == after + 1:
            raise SimulatedFailure(f"{signal!r} from {sender.__name__} failed")

    signal.connect(receiver, sender=sender, weak=False)
    try:
        yield seen
    finally:
        signal.disconnect(receiver, sender=sender)
