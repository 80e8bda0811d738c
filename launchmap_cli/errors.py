"""How a ``launchmap`` command ends: exit codes and one-line error messages, never a traceback.

Exit codes:

- 0: done (an empty selection listed by ``events`` is an answer, not an error);
- 2: bad usage or an invalid argument value: argparse's own errors, and any ``ValueError`` or
  ``KeyError`` (which includes :class:`~geodata.errors.InvalidRange`, ``InvalidCoordinate``,
  ``UnknownPlace``...) raised while the arguments are checked inside :func:`usage_errors`;
- 1: a failed operation: any other :class:`~geodata.errors.LaunchmapError` (a refused import, a
  store that cannot be opened) and I/O errors.

Every error is one line on stderr, ``launchmap: error: ...``. A failure nobody planned for is
reported the same way with exit 1; set ``LAUNCHMAP_TRACEBACK=1`` to see the traceback.

    with usage_errors():
        radius_km = parse_length_km(args.range)  # InvalidRange -> exit 2
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from geodata.errors import InvalidFile, LaunchmapError

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PREFIX = "launchmap: error: "


class UsageError(LaunchmapError, ValueError):
    """An argument value the command cannot use: a name nobody knows, a date that does not exist."""


@contextmanager
def usage_errors() -> Iterator[None]:
    """Turn ``ValueError``/``KeyError`` raised while checking arguments into :class:`UsageError` (exit 2).

    A file that cannot be read (:class:`~geodata.errors.InvalidFile`) stays a failed operation.
    """
    try:
        yield
    except (UsageError, InvalidFile):
        raise
    except (ValueError, KeyError) as error:
        raise UsageError(message(error)) from error


def message(error: BaseException) -> str:
    """The error's text on one line (a KeyError's is otherwise quoted)."""
    text = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    return " ".join(text.split()) or type(error).__name__


def fail(text: str, code: int = EXIT_FAILED) -> int:
    """Print ``launchmap: error: text`` on stderr and return ``code``."""
    print(PREFIX + text, file=sys.stderr)
    return code


class ArgumentParser(argparse.ArgumentParser):
    """argparse with a one-line error: ``launchmap: error: <what> (see 'launchmap ring --help')``."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{PREFIX}{message} (see '{self.prog} --help')\n")


def run(handler: Callable[[argparse.Namespace, Any], Any], args: argparse.Namespace, context: Any) -> int:
    """Run one subcommand handler and map what it raises to an exit code and one line on stderr."""
    try:
        return int(handler(args, context) or 0)
    except BrokenPipeError:  # `launchmap ... | head`: the reader left; not an error worth a traceback
        _silence_stdout()
        return EXIT_OK
    except UsageError as error:
        return fail(message(error), EXIT_USAGE)
    except LaunchmapError as error:
        return fail(message(error))
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        return fail(f"{error.strerror or message(error)}{where}")
    except KeyboardInterrupt:
        print("launchmap: interrupted", file=sys.stderr)
        return 130
    except Exception as error:
        if os.environ.get("LAUNCHMAP_TRACEBACK"):
            raise
        return fail(
            f"unexpected {type(error).__name__}: {message(error)} "
            "(a bug: please report it; LAUNCHMAP_TRACEBACK=1 shows where it happened)"
        )


def _silence_stdout() -> None:
    """Point stdout at devnull so Python's exit flush does not raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pytest's capture has no real file descriptor
        pass
