"""Walking an ANTLR parse tree of the Cypher 5 grammar: children, tokens, names, descendants."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from antlr4.tree.Tree import TerminalNode


def children(ctx: Any) -> list[Any]:
    return list(ctx.children or [])


def terminals(ctx: Any) -> Iterator[Any]:
    """The tokens under `ctx`, in order."""
    for child in children(ctx):
        if isinstance(child, TerminalNode):
            yield child.symbol
        else:
            yield from terminals(child)


def descend(ctx: Any) -> Iterator[Any]:
    """`ctx` and every rule context under it (tokens left out), depth first."""
    if ctx is None or isinstance(ctx, TerminalNode):
        return
    yield ctx
    for child in children(ctx):
        yield from descend(child)


def name_of(ctx: Any) -> str:
    """A symbolic name as Cypher means it: backticks removed, doubled backticks single."""
    text = "".join(t.text for t in terminals(ctx))
    if text.startswith("`") and text.endswith("`") and len(text) >= 2:
        return text[1:-1].replace("``", "`")
    return text
