"""Errors a user can cause, each carrying a sentence that says what to do.

The CLI turns these into one line on stderr and the exit status named here;
tracebacks are shown only with ``--debug``.
"""


class FactdbError(Exception):
    """Base class; ``exit_code`` is the process status the CLI uses."""

    exit_code = 1


class DatabaseError(FactdbError):
    """The database cannot be reached or its schema is not usable."""

    exit_code = 2


class SchemaOutOfDate(DatabaseError):
    pass


class NotFound(FactdbError):
    pass


class InputError(FactdbError):
    """A document or data file that cannot be read; ``where`` is path[:line]."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ReviewConflict(FactdbError):
    """Someone else changed the claim since the reviewer read it."""

    exit_code = 3


class InvalidReview(FactdbError):
    pass


class InvalidFilter(FactdbError):
    """A filter value that names nothing or is not text."""
