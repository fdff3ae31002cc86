"""Fail when a module that answers requests reaches a model's rows without its queries.

Tenancy lives in each app's queries: pages and API endpoints call those functions, so no
page or endpoint can forget to scope a read to the organisation. A module answers
requests when it holds a function taking a ``request`` parameter, or one decorated by a
ninja router (``@router.get(...)``), whatever the module is called. In such a module
``Model.objects``, ``…._default_manager`` and ``get_object_or_404`` are refused.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "powerwith"
ROUTES = {"get", "post", "put", "patch", "delete", "api_operation"}
REFUSED_NAMES = {"get_object_or_404"}


def _is_route(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (
        isinstance(target, ast.Attribute)
        and target.attr in ROUTES
        and isinstance(target.value, ast.Name)
        and target.value.id in {"router", "api"}
    )


def _answers_requests(node: ast.AST) -> bool:
    if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return False
    arguments = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
    return any(a.arg == "request" for a in arguments) or any(
        _is_route(d) for d in node.decorator_list
    )


def answers_requests(tree: ast.Module) -> bool:
    return any(_answers_requests(node) for node in ast.walk(tree))


def _refused(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        if node.attr == "_default_manager":
            return "_default_manager"
        owner = node.value
        if node.attr == "objects" and isinstance(owner, ast.Name) and owner.id[:1].isupper():
            return f"{owner.id}.objects"
        if node.attr in REFUSED_NAMES:
            return node.attr
    if isinstance(node, ast.Name) and node.id in REFUSED_NAMES:
        return node.id
    if isinstance(node, ast.ImportFrom):
        names = REFUSED_NAMES.intersection(alias.name for alias in node.names)
        return f"import of {', '.join(sorted(names))}" if names else None
    return None


def problems_in(source: str) -> list[tuple[int, str]]:
    """(line, what) for each refused reach, or none when the module answers no requests."""
    tree = ast.parse(source)
    if not answers_requests(tree):
        return []
    found = {(getattr(node, "lineno", 0), _refused(node)) for node in ast.walk(tree)}
    return sorted((line, what) for line, what in found if what is not None)


def request_modules() -> list[Path]:
    return sorted(
        path
        for path in SOURCE.rglob("*.py")
        if "migrations" not in path.parts and answers_requests(ast.parse(path.read_text()))
    )


def main() -> int:
    modules = request_modules()
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in modules
        for line, what in problems_in(path.read_text())
    ]
    if problems:
        print(
            "Modules that answer requests read through queries, never Model.objects, "
            "_default_manager or get_object_or_404:"
        )
        print("\n".join(problems))
        return 1
    print(f"tenancy check: {len(modules)} modules answering requests read through queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
