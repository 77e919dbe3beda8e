"""Compiled regular expressions kept between processes, so `coach review` starts fast.

The review's few hundred phrase patterns take most of a short command's start-up to compile (about 0.2 s of
pure-Python parsing). Like a ``.pyc`` beside its module, the compiled form of each pattern is written once to
``__pycache__/patterns.<python>.marshal`` beside this file and read back on later starts (about 5 ms).

The compiled form is the interpreter's own (``re._compiler`` output fed to ``_sre.compile``, which validates
it), tied to the exact Python build that wrote it and checked against a CRC of the file. Anything unexpected
— another build, a damaged or unwritable file, a Python whose internals moved — falls back to plain
:func:`re.compile`: damage can make start-up slow again, never a match different. (Like a ``.pyc``, the file is
trusted as written: whoever can write the package's ``__pycache__`` can change its code anyway.) It is for
patterns compiled at import; entries only accumulate between builds (``build`` writes a fresh file).
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from array import array
from contextlib import suppress
from importlib import import_module
from pathlib import Path
from typing import Any

MAX_ENTRIES = 4096  # the review and the drafter compile about 250
MAX_PATTERN = 50_000  # characters; the longest phrase list is about 7,500
_CompiledForm = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_Build = tuple[str, str | None, int, int]

try:  # the interpreter's own pattern compiler; absent or changed on another Python, the cache stays off
    _sre: Any = import_module("_sre")  # CPython's private regex engine and compiler: untyped, hence Any
    _compiler: Any = import_module("re._compiler")
    _parser: Any = import_module("re._parser")

    _BUILD: _Build | None = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)
except (ImportError, AttributeError):  # pragma: no cover - other interpreters
    _BUILD = None

_CODE_TYPE = "I" if _BUILD is not None and _BUILD[3] == 4 else "H"


def _compiled_form(pattern: str, flags: int) -> _CompiledForm:
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, array(_CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def _rebuild(pattern: str, form: _CompiledForm) -> re.Pattern[str]:
    flags, code, groups, groupindex, indexgroup = form
    compiled: re.Pattern[str] = _sre.compile(pattern, flags, array(_CODE_TYPE, code).tolist(), groups,
                                             groupindex, indexgroup)
    return compiled


class PatternCache:
    """Patterns compiled once per Python build and stored in ``path``; new ones are written back by :meth:`save`."""

    def __init__(self, path: Path, *, load: bool = True) -> None:
        self.path = path
        self._forms: dict[tuple[str, int], _CompiledForm] = self._load() if load and _BUILD is not None else {}
        self._added = False

    def _load(self) -> dict[tuple[str, int], _CompiledForm]:
        try:
            build, checksum, payload = marshal.loads(self.path.read_bytes())
            if build != _BUILD or checksum != zlib.crc32(payload):
                return {}
            forms = marshal.loads(payload)
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        return forms if isinstance(forms, dict) else {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """`re.compile(pattern, flags)`, from the stored compiled form when there is one."""
        if _BUILD is None:
            return re.compile(pattern, flags)
        key = (pattern, int(flags))
        form = self._forms.get(key)
        if form is not None:
            try:
                return _rebuild(pattern, form)
            except Exception:  # a damaged entry: compile afresh and replace it
                del self._forms[key]
        try:
            form = _compiled_form(pattern, key[1])
            compiled = _rebuild(pattern, form)
        except re.error:
            raise
        except Exception:  # internals not as expected: plain compile, nothing stored
            return re.compile(pattern, flags)
        if len(self._forms) < MAX_ENTRIES and len(pattern) <= MAX_PATTERN:
            self._forms[key] = form  # module-level patterns only: a pattern built from text at run time is no
            self._added = True       # caller of this module, and the caps keep a mistake from growing the file
        return compiled

    def save(self, *, asked: bool = False) -> None:
        """Write the patterns compiled this run, atomically, as Python writes a ``.pyc``.

        Like a ``.pyc``, nothing is written under PYTHONDONTWRITEBYTECODE unless ``asked`` (the install step
        builds the file on purpose, as ``compileall`` does); an unwritable place is left alone."""
        if not self._added or (sys.dont_write_bytecode and not asked) or _BUILD is None:
            return
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            with os.fdopen(handle, "wb") as out:
                payload = marshal.dumps(self._forms)
                out.write(marshal.dumps((_BUILD, zlib.crc32(payload), payload)))
            os.replace(temporary, self.path)
        except OSError:
            with suppress(OSError):
                temporary.unlink(missing_ok=True)
            return
        self._added = False


def _default_path() -> Path:
    """Beside this module's ``.pyc``: ``__pycache__/``, or under PYTHONPYCACHEPREFIX when that is set."""
    tag: Any = sys.implementation.cache_tag or "python"
    here = Path(__file__).resolve().parent
    folder = Path(sys.pycache_prefix) / here.relative_to(here.anchor) if sys.pycache_prefix else here / "__pycache__"
    return folder / f"patterns.{tag}.marshal"


_DEFAULT = PatternCache(_default_path())
atexit.register(lambda: _DEFAULT.save())


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile` through the process-wide cache."""
    return _DEFAULT.compile(pattern, flags)


_USERS = ("bot.review.engine", "bot.review.drafts")


def build(path: Path | None = None) -> PatternCache:
    """Compile every pattern the review and the drafter use, and store them (the install step runs this).

    Run it in a fresh interpreter (``python -m bot.review.pattern_cache``): modules already imported add none."""
    global _DEFAULT
    _DEFAULT = fresh = PatternCache(path or _default_path(), load=False)  # no entries the code has dropped
    for module in _USERS:
        import_module(module)
    fresh.save(asked=True)
    return fresh


def stored_patterns(path: Path) -> list[tuple[str, int]]:
    """The (pattern, flags) pairs a file holds, for checks."""
    return list(PatternCache(path)._forms)


if __name__ == "__main__":
    from bot.review import pattern_cache as imported  # the module the review imports, not this __main__ copy

    cache = imported.build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"stored {len(cache._forms)} compiled patterns of the review and the drafter in {cache.path}")
