"""The layers of docs/architecture.md, enforced from the import graph; the error hierarchy, from the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("geodata", "dashboard", "launchmap_cli")

# Rank of each part: a module may import parts of its own rank or lower, never higher.
RANKS = {
    "geodata.errors": 0,
    "geodata.units": 0,
    "geodata.limits": 0,
    "geodata.geo": 1,
    "geodata.schema": 2,
    "geodata.style": 2,
    "geodata.events": 2,
    "geodata.tracks": 2,
    "geodata.seeds": 2,
    "geodata.store": 2,
    "geodata.formats": 3,
    "geodata.reports": 3,
    "geodata.render": 4,
    "dashboard": 5,
    "launchmap_cli": 5,
}
# Parts of one rank that must stay apart.
APART = [{"geodata.formats", "geodata.reports"}, {"dashboard", "launchmap_cli"}]


def _part(module: str) -> str:
    names = module.split(".")
    if names[0] != "geodata":
        return names[0]
    return ".".join(names[:2]) if len(names) > 1 else "geodata"


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            if "static" in path.parts:
                continue
            module = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            found[module] = path
    return found


def _imports(path: Path) -> set[str]:
    targets = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets.add(node.module)
            targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
    return {t for t in targets if t.split(".")[0] in PACKAGES or t.split(".")[0] == "streamlit"}


def _arrows() -> list[tuple[str, str]]:
    modules = _modules()
    arrows = []
    for module, path in modules.items():
        for target in _imports(path):
            # `from geodata.geo import rings` names a module: judge the deepest name that exists
            while target not in modules and "." in target and target.split(".")[0] in PACKAGES:
                if target.rsplit(".", 1)[0] in modules or target.count(".") == 1:
                    break
                target = target.rsplit(".", 1)[0]
            arrows.append((module, target))
    return arrows


def test_layers__every_import_points_down_or_sideways_within_a_layer() -> None:
    wrong = []
    for source, target in _arrows():
        if target.split(".")[0] == "streamlit":
            continue
        a, b = _part(source), _part(target)
        if a == b or b == "geodata":
            continue
        assert a in RANKS and b in RANKS, f"{source} -> {target}: add the part to RANKS and the board"
        if RANKS[b] > RANKS[a] or any({a, b} == pair for pair in APART):
            wrong.append(f"{source} -> {target}")
    assert wrong == []


def test_layers__the_library_never_imports_streamlit_or_an_application() -> None:
    wrong = [
        f"{s} -> {t}"
        for s, t in _arrows()
        if s.startswith("geodata") and t.split(".")[0] in ("streamlit", "dashboard", "launchmap_cli")
    ]
    assert wrong == []


def test_layers__the_board_names_every_part() -> None:
    parts = {_part(m) for m in _modules()} - {"geodata"}
    assert parts <= set(RANKS), parts - set(RANKS)
    board = (REPO / "docs" / "architecture.md").read_text()
    for part in RANKS:
        assert part.replace("geodata.", "") in board, part


# Builtin exceptions the library may still raise on purpose: a schema lookup by column name
# (a programming error, like dict's).
ALLOWED_BUILTIN_RAISES = {("geodata/schema.py", "KeyError")}
BUILTIN_ERRORS = {"Exception", "ValueError", "TypeError", "KeyError", "RuntimeError", "OSError", "IndexError"}


@pytest.mark.parametrize(
    "path", sorted((REPO / "geodata").rglob("*.py")), ids=lambda p: str(p.relative_to(REPO))
)
def test_errors__deliberate_raises_use_the_launchmap_hierarchy(path: Path) -> None:
    relative = str(path.relative_to(REPO))
    bare = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Raise) and node.exc is not None:
            call = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = call.id if isinstance(call, ast.Name) else None
            if name in BUILTIN_ERRORS and (relative, name) not in ALLOWED_BUILTIN_RAISES:
                bare.append(f"line {node.lineno}: raise {name}")
        if (
            isinstance(node, ast.ExceptHandler)
            and isinstance(node.type, ast.Name)
            and node.type.id == "Exception"
        ):
            body = node.body
            if not any(isinstance(stmt, ast.Raise) for stmt in body):
                bare.append(f"line {node.lineno}: except Exception swallowed")
    assert bare == []


def test_errors__every_launchmap_error_is_also_a_builtin() -> None:
    from geodata import errors

    kinds = [
        value
        for value in vars(errors).values()
        if isinstance(value, type)
        and issubclass(value, errors.LaunchmapError)
        and value is not errors.LaunchmapError
    ]
    assert len(kinds) >= 7
    for kind in kinds:
        assert any(base.__module__ == "builtins" and base is not Exception for base in kind.__mro__[1:]), kind
