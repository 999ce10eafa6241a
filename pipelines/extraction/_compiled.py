"""Which build of this package runs: the pure-Python modules (the default) or the optional
mypyc-compiled ones (`make compiled`, `python -m pipelines.compiled build`).

A compiled build is, beside each module's `.py`, its `.so` and its `<module>__mypyc` library
(mypyc's `separate` layout: with it mypyc gives every module its true `__file__`, which
finds the data files), and a stamp (`_native.sources`) naming the SHA-256 of every source
it was built from. Python
prefers an extension module to the `.py` of the same name, so the choice is made here,
before any other module of the package is imported:

- no compiled build: the `.py` files load, as always;
- `INDICATORS_PURE_PYTHON=1`: the `.py` files load although a build is present;
- a build whose stamp does not match the sources (a rule edited since `make compiled`):
  the `.py` files load, with a warning, so the rows always follow the sources that the
  extractor version hashes;
- a build that fails to import (another interpreter, a broken file): the `.py` files load,
  with a warning.

This module, `__init__` and `version` are never compiled (`NOT_COMPILED`).
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import warnings
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path

from pipelines.settings import PURE_PYTHON

PACKAGE = Path(__file__).resolve().parent
PACKAGE_NAME = "pipelines.extraction"
STAMP = PACKAGE / "_native.sources"
PURE_SWITCH = PURE_PYTHON.name
NOT_COMPILED = frozenset(("__init__", "_compiled", "version"))


def compiled_modules() -> list[str]:
    """The modules a compiled build holds: every module of the package but `NOT_COMPILED`."""
    return sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in NOT_COMPILED)


def extension_files() -> list[Path]:
    """The compiled files present (of any interpreter), libraries included."""
    return sorted(p for p in PACKAGE.iterdir() if p.suffix in (".so", ".pyd"))


def sources_stamp() -> str:
    """What a build's stamp says of the sources it was built from: one line per module."""
    lines = []
    for name in compiled_modules():
        digest = hashlib.sha256((PACKAGE / f"{name}.py").read_bytes()).hexdigest()
        lines.append(f"{digest}  {name}.py")
    return "\n".join(lines) + "\n"


def _built_here(name: str) -> bool:
    return any((PACKAGE / f"{name}{suffix}").is_file() for suffix in EXTENSION_SUFFIXES)


class _PureSource:
    """A finder that loads this package's modules from their `.py`, past any `.so`."""

    @staticmethod
    def find_spec(name: str, path=None, target=None) -> ModuleSpec | None:
        package, _, leaf = name.rpartition(".")
        source = PACKAGE / f"{leaf}.py"
        if package != PACKAGE_NAME or not source.is_file():
            return None
        return importlib.util.spec_from_file_location(name, source)


def _use_pure() -> None:
    if not any(isinstance(f, _PureSource) for f in sys.meta_path):
        sys.meta_path.insert(0, _PureSource())
    for name in [n for n in sys.modules if n.startswith(PACKAGE_NAME + ".") and n != __name__]:
        if not (getattr(sys.modules[name], "__file__", "") or "").endswith(".py"):
            del sys.modules[name]


def choose() -> tuple[bool, str]:
    """Whether the compiled modules are to be loaded, and why (or why not)."""
    if not all(_built_here(name) and _built_here(f"{name}__mypyc") for name in compiled_modules()):
        if any(_built_here(name) for name in compiled_modules()):
            _use_pure()
            reason = "the compiled build is incomplete: pure Python (`make compiled` rebuilds it)"
            warnings.warn(reason, RuntimeWarning, stacklevel=3)
            return False, reason
        return False, "no compiled build: pure Python"
    if (PURE_PYTHON.read() or "").strip().lower() in ("1", "true", "yes"):
        _use_pure()
        return False, f"{PURE_SWITCH} is set: pure Python although a compiled build is present"
    if not STAMP.is_file() or STAMP.read_text("utf-8") != sources_stamp():
        _use_pure()
        reason = "the compiled build is older than the sources: pure Python (`make compiled` rebuilds it, `make pure` removes it)"
        warnings.warn(reason, RuntimeWarning, stacklevel=3)
        return False, reason
    try:
        for name in compiled_modules():
            module = importlib.import_module(f"{PACKAGE_NAME}.{name}")
            where = Path(module.__file__ or "")
            if where.suffix == ".py" or where.parent != PACKAGE or not where.name.startswith(name + "."):
                raise ImportError(f"{module.__name__} loaded as {where}")
    except Exception as error:  # any failure to load the build leaves the pure one
        _use_pure()
        reason = f"the compiled build does not import ({error}): pure Python"
        warnings.warn(reason, RuntimeWarning, stacklevel=3)
        return False, reason
    return True, "compiled with mypyc"
