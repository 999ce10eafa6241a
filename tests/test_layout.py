"""Knowledge as data: every Chinese word of the extraction library is in `lexicon.py` (or a
data file it reads) and every regex in `patterns.py`, so one grep finds every rule that uses
a word."""

import ast
import re
from pathlib import Path

import pipelines.extraction as extraction

PACKAGE = Path(extraction.__file__).resolve().parent
WORD_MODULES = {"lexicon.py", "patterns.py"}
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _code_modules():
    return [p for p in sorted(PACKAGE.rglob("*.py")) if p.name not in WORD_MODULES]


def test_no_chinese_string_constant_outside_the_lexicon_and_patterns():
    hits = []
    for path in _code_modules():
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                if CJK.search(node.value):
                    hits.append(f"{path.name}:{node.lineno} {node.value!r}")
    assert not hits, "move these words to lexicon.py (or their regex to patterns.py):\n" + "\n".join(hits)


def test_no_regex_compiled_outside_patterns():
    hits = []
    for path in _code_modules():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if re.search(r"\bre\.(compile|match|search|fullmatch|split|sub|finditer|findall)\(", line):
                hits.append(f"{path.name}:{number} {line.strip()}")
    assert not hits, "build these regexes in patterns.py:\n" + "\n".join(hits)


def test_the_check_itself_sees_a_chinese_constant():
    tree = ast.parse('"""doc 文"""\nx = "万亿"\n')
    constants = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in _docstrings(tree)]
    assert [n.value for n in constants if CJK.search(n.value)] == ["万亿"]
