"""nrmt's exceptions: one line each, as the CLI's `nrmt: error: <what>, got <value>`."""


class NrmtError(RuntimeError):
    """A failure inside nrmt (its own bug, or a missing jar)."""


class InputError(NrmtError, ValueError):
    """Bad input: the message says what and ends in ', got <value>'."""


class UncertifiedError(NrmtError):
    """Points where the law cannot certify its branch: refused, never guessed."""
