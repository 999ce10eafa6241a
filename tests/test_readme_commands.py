"""Every command and code example of the README runs as written, in the environment the README
says provides it (issue 13 item 13).

`make run` installs the project alone (its `dependencies`); an example that needs more names
the extra that brings it (`.venv/bin/pip install -e '.[readers]'`) in the paragraph that leads
into it. A program installed by pip is given as `.venv/bin/<program>`: nothing puts the venv
on PATH. So, for each example:

- `make X`: X is a target of the Makefile;
- `.venv/bin/X`: X is the venv's python or pip, or a console script of a distribution that
  the project, with the extras the lead-in names, installs (its requirements followed
  through the installed distributions' metadata);
- a bare program (`sha256sum`, `ssh`) is no console script of any installed distribution;
- Python and SQL examples: every module they use comes with the project and those extras.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
PROJECT = canonicalize_name(PYPROJECT["project"]["name"])
# Sections that describe other machines, not this checkout (the README says "not tested here").
ELSEWHERE = ("Deploying on a cluster",)
# Names the examples give modules by, and the distributions they come from.
ALIASES = {"pd": "pandas", "pl": "polars", "spark": "pyspark"}
VENV_OWN = {"python", "python3", "pip"}


@dataclass(frozen=True)
class Example:
    kind: str  # "shell", "python", "sql" or "inline" (a command in a code span)
    text: str
    lead: str  # the paragraph just before it
    line: int

    def __str__(self) -> str:
        return f"README line {self.line}: {self.text.strip()[:100]}"


def _console_scripts() -> dict[str, str]:
    """Console script name → the (canonical) name of the distribution that installs it."""
    scripts = {}
    for dist in metadata.distributions():
        for entry in dist.entry_points:
            if entry.group == "console_scripts":
                scripts[entry.name] = canonicalize_name(dist.metadata["Name"])
    return scripts


SCRIPTS = _console_scripts()


def examples() -> list[Example]:
    """The README's code blocks (indented or fenced) and its inline commands, each with the
    paragraph that leads into it, outside the sections about other machines."""
    found, lines = [], README.splitlines()
    section, paragraph, block, fence, start = "", [], [], None, 0

    def flush_block():
        nonlocal block
        text = "\n".join(block)
        if text.strip() and not section.startswith(ELSEWHERE):
            found.append(Example(_kind(fence or "", text), text, " ".join(paragraph), start + 1))
        block = []

    for number, line in enumerate(lines):
        if fence is not None:
            if line.startswith("```"):
                flush_block()
                fence = None
            else:
                block.append(line)
            continue
        if line.startswith("```"):
            fence, start = line[3:].strip() or "text", number
            continue
        indented = line.startswith("    ") and (block or not lines[number - 1].strip())
        if indented and not line.lstrip().startswith(("|", "-")):
            if not block:
                start = number
            block.append(line[4:])
            continue
        if block:
            flush_block()
        if line.startswith("#"):
            section, paragraph = line.lstrip("#").strip(), []
        elif not line.strip():
            pass
        else:
            if not lines[number - 1].strip():
                paragraph = []
            paragraph.append(line)
            if not section.startswith(ELSEWHERE):
                for span in re.findall(r"`([^`]+)`", line):
                    if _inline_command(span):
                        found.append(Example("inline", span, " ".join(paragraph), number + 1))
    if block:
        flush_block()
    return found


def _kind(fence: str, text: str) -> str:
    if fence == "sql":
        return "sql"
    if fence == "python" or re.search(r"^\s*(from \w|import \w|\w+ = )|\w+\.\w+\(", text, re.M):
        return "python" if not re.match(r"\s*(\.venv/|make |[A-Z_]+=)", text) else "shell"
    return "shell"


def _program(command: str) -> str | None:
    """The program a shell command runs, past `NAME=value` settings; None for a layout line."""
    words = [w for w in command.split() if not re.fullmatch(r"[A-Z_][A-Z0-9_]*=\S*", w)]
    return words[0] if words else None


def _inline_command(span: str) -> bool:
    """A code span that is a command: a program that pip installs (or python, pip, make), and
    at least one argument."""
    program = _program(span)
    if program is None or len(span.split()) < 2:
        return False
    name = program.removeprefix(".venv/bin/")
    return name in SCRIPTS or name in VENV_OWN or name == "make"


def _commands(example: Example) -> list[str]:
    """The shell lines of an example that run something (not a folder layout)."""
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in example.text.splitlines()]
    return [
        line
        for line in lines
        if line and not line.endswith("/") and not re.match(r"^[\w.*/<>…-]+/\s", line) and _program(line)
    ]


def _extras_named(lead: str) -> set[str]:
    """The extras a lead-in installs: `'.[readers]'`, `'.[distributed,readers]'`."""
    return {extra for group in re.findall(r"\.\[([\w,-]+)\]", lead) for extra in group.split(",")}


def _installed_by(extras: set[str]) -> set[str]:
    """Canonical names of every distribution that installing the project with these extras
    brings: its requirements, followed through the installed distributions' own metadata."""
    wanted = [Requirement(r) for r in PYPROJECT["project"]["dependencies"]]
    optional = PYPROJECT["project"].get("optional-dependencies", {})
    seen_extras: set[str] = set()
    todo = list(extras)
    while todo:
        extra = todo.pop()
        if extra in seen_extras:
            continue
        assert extra in optional, f"the README names the extra {extra!r}, which pyproject.toml lacks"
        seen_extras.add(extra)
        for text in optional[extra]:
            requirement = Requirement(text)
            if canonicalize_name(requirement.name) == PROJECT:
                todo += list(requirement.extras)
            else:
                wanted.append(requirement)
    closure: set[str] = set()
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        if name in closure:
            continue
        closure.add(name)
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            continue
        for text in dist.requires or []:
            sub = Requirement(text)
            environments = [{"extra": e} for e in requirement.extras] or [{"extra": ""}]
            if sub.marker is None or any(sub.marker.evaluate(env) for env in environments):
                wanted.append(sub)
    return closure


def _pip_installed_in_lead(lead: str) -> set[str]:
    """Distributions the lead-in installs by name (`.venv/bin/pip install pyspark`)."""
    names = set()
    for command in re.findall(r"pip install ([^`]+)", lead):
        names |= {canonicalize_name(re.split(r"[=<>\[]", w)[0]) for w in command.split() if w[0].isalpha()}
    return names


def _modules(example: Example) -> set[str]:
    """The top-level modules a Python or SQL example uses."""
    if example.kind == "sql":
        return {"duckdb"} if "duckdb" in example.text.lower() else set()
    text = example.text
    used = set(re.findall(r"^\s*(?:from|import) (\w+)", text, re.M))
    used |= {
        name
        for name in re.findall(r"\b(\w+)\.\w+\(", text)
        if name in ALIASES or name in ("duckdb", "polars")
    }
    return used


def _distribution_of(module: str) -> str | None:
    if module in ALIASES:
        return ALIASES[module]
    names = metadata.packages_distributions().get(module)
    if names:
        return canonicalize_name(names[0])
    return PROJECT if (REPO / module).is_dir() else None


EXAMPLES = examples()


def test_the_readme_has_the_examples_this_test_reads():
    kinds = {example.kind for example in EXAMPLES}
    assert {"shell", "python", "sql", "inline"} <= kinds
    programs = {_program(c) for e in EXAMPLES if e.kind in ("shell", "inline") for c in _commands(e)}
    assert {"make", ".venv/bin/frictionless", ".venv/bin/python"} <= programs, programs


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind in ("shell", "inline")], ids=str)
def test_each_shell_example_s_program_is_there(example):
    makefile = (REPO / "Makefile").read_text("utf-8")
    installed = _installed_by(_extras_named(example.lead)) | _pip_installed_in_lead(example.lead)
    for command in _commands(example):
        program = _program(command)
        if program == "make":
            words = command.split()
            target = next(
                w for w in words[words.index("make") + 1 :] if not w.startswith("-") and "=" not in w
            )
            assert re.search(rf"^{re.escape(target)}:", makefile, re.M), f"{example}: no make target {target}"
        elif program.startswith(".venv/bin/"):
            name = program.removeprefix(".venv/bin/")
            if name in VENV_OWN:
                continue
            assert name in SCRIPTS, f"{example}: no installed distribution has the program {name}"
            assert SCRIPTS[name] in installed, (
                f"{example}: {name} comes with {SCRIPTS[name]}, which the project with the extras "
                f"its lead-in names ({sorted(_extras_named(example.lead)) or 'none'}) does not install"
            )
        else:
            assert program not in SCRIPTS and program not in VENV_OWN, (
                f"{example}: {program} is installed into the venv, not on PATH: write .venv/bin/{program}"
            )


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.kind in ("python", "sql")], ids=str)
def test_each_python_example_s_modules_come_with_what_its_lead_in_names(example):
    installed = _installed_by(_extras_named(example.lead)) | _pip_installed_in_lead(example.lead) | {PROJECT}
    for module in _modules(example):
        dist = _distribution_of(module)
        assert dist is not None, f"{example}: no installed distribution provides {module}"
        assert dist in installed, (
            f"{example}: {module} comes with {dist}, which the project with the extras its "
            f"lead-in names ({sorted(_extras_named(example.lead)) or 'none'}) does not install"
        )
    if example.kind == "python":
        assert ".venv/bin/python" in example.lead or "make run" in example.lead, (
            f"{example}: its lead-in says not which Python runs it (.venv/bin/python)"
        )
