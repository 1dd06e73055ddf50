"""What a Cypher statement writes: labels, relationship types and properties, read from its
parse tree (Neo4j's Cypher 5 grammar, through the boundary's parser), for the model test.

A write is a node or relationship pattern of CREATE or MERGE (its labels or type and the keys of
its property map), a SET item (`x.p = …`, `x = {…}`, `x += {…}`, `x:Label`, in ON CREATE and ON
MATCH too) or a REMOVE item. A variable's labels are the union of those its node patterns name
anywhere in the statement; a map written with `+=` or `=` may be a literal or a variable bound
to a literal (`WITH {name: row.name} AS props`). What cannot be read statically (a dynamic label,
`SET x += row.props`, apoc.merge.*) is reported as `dynamic`, never silently passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from antlr4.tree.Tree import TerminalNode

from investigations.boundary.parse import Parsed, parse
from investigations.boundary.tree import children as _children
from investigations.boundary.tree import descend as _walk
from investigations.boundary.tree import name_of

# Procedures that write whatever their arguments say.
WRITING_PROCEDURES = ("apoc.create.", "apoc.merge.", "apoc.refactor.", "apoc.nodes.",
                      "apoc.periodic.")


@dataclass(frozen=True)
class Write:
    """One thing a statement writes: on `element` (a label or type; None when the variable's
    labels are unknown) the property `prop` (None for a label or type alone)."""

    element: str | None
    prop: str | None
    relationship: bool
    clause: str  # CREATE, MERGE, SET or REMOVE, for the message
    line: int
    # Labels of the other nodes of the relationship pattern (start, end), when it is one.
    ends: tuple[frozenset[str], frozenset[str]] | None = None


@dataclass
class Writes:
    writes: list[Write] = field(default_factory=list)
    dynamic: list[str] = field(default_factory=list)  # what could not be read, with its line


def _each(names: set[str]) -> list[str | None]:
    """The names, or None alone when there are none (the element is not known)."""
    return [*sorted(names)] or [None]


class _Reader:
    def __init__(self, parsed: Parsed) -> None:
        self.p = parsed
        self.out = Writes()
        # variable -> where it is bound (token index), as a relationship or not, with which
        # labels or types; a WHERE's label conditions (`n:A OR n:B`) make one binding.
        self.bound: dict[str, dict[int, tuple[bool, set[str]]]] = {}
        # variable -> where it is bound to a literal map, and the map's keys
        self.maps: dict[str, dict[int, list[str]]] = {}

    def rule(self, ctx: Any) -> str:
        return self.p.rule(ctx)

    def child(self, ctx: Any, rule: str) -> Any:
        return next((c for c in _children(ctx)
                     if not isinstance(c, TerminalNode) and self.rule(c) == rule), None)

    def names(self, label_expr: Any) -> set[str]:
        """The label or type names of a label expression (any of them may be meant)."""
        if label_expr is None:
            return set()
        return {name_of(c) for c in _walk(label_expr)
                if type(c).__name__ in ("LabelNameContext", "LabelNameIsContext")}

    def map_keys(self, ctx: Any) -> list[str] | None:
        """The keys of a map literal `ctx` is (through single-child expression rules), or of the
        variable bound to one; None when it is neither."""
        while ctx is not None and not isinstance(ctx, TerminalNode):
            rule = self.rule(ctx)
            if rule == "map":
                return [name_of(c) for c in _children(ctx)
                        if not isinstance(c, TerminalNode) and self.rule(c) == "propertyKeyName"]
            if rule == "variable":
                return self.latest(self.maps.get(name_of(ctx), {}), ctx)
            kids = [c for c in _children(ctx) if not isinstance(c, TerminalNode)]
            ctx = kids[0] if len(kids) == 1 and len(_children(ctx)) == 1 else None
        return None

    @staticmethod
    def latest(bindings: dict[int, Any], ctx: Any) -> Any:
        """The binding nearest before `ctx` (a name may be bound anew in a later part)."""
        before = [i for i in bindings if i <= ctx.start.tokenIndex]
        return bindings[max(before)] if before else None

    def bind(self, var: Any, at: int, relationship: bool, names: set[str]) -> None:
        binding = self.bound.setdefault(name_of(var), {}).setdefault(at, (relationship, set()))
        binding[1].update(names)

    def survey(self) -> None:
        for ctx in _walk(self.p.tree):
            rule = self.rule(ctx)
            var = self.child(ctx, "variable")
            if rule in ("nodePattern", "relationshipPattern") and var is not None:
                self.bind(var, ctx.start.tokenIndex, rule == "relationshipPattern",
                          self.names(self.child(ctx, "labelExpression")))
            elif rule == "expression2" and type(_children(ctx)[-1]).__name__ == "LabelPostfixContext":
                base = _children(ctx)[0]
                if name_of(base) and self.child(base, "variable") is not None:
                    where = ctx
                    while where is not None and self.rule(where) != "whereClause":
                        where = where.parentCtx
                    at = (where or ctx).start.tokenIndex
                    self.bind(self.child(base, "variable"), at, False,
                              self.names(_children(_children(ctx)[-1])[0]))
            elif rule == "returnItem" and var is not None:
                keys = self.map_keys(self.child(ctx, "expression"))
                if keys is not None:
                    self.maps.setdefault(name_of(var), {})[ctx.start.tokenIndex] = keys

    def add(self, element: str | None, prop: str | None, relationship: bool, clause: str,
            ctx: Any, ends: tuple[frozenset[str], frozenset[str]] | None = None) -> None:
        self.out.writes.append(Write(element, prop, relationship, clause, ctx.start.line, ends))

    def pattern(self, ctx: Any, clause: str) -> None:
        """Every node and relationship of a CREATE or MERGE pattern."""
        for part in _walk(ctx):
            rule = self.rule(part)
            if rule == "nodePattern":
                self.element(part, clause, relationship=False)
            elif rule == "patternElement":
                kids = [c for c in _children(part) if not isinstance(c, TerminalNode)]
                for i, kid in enumerate(kids):
                    if self.rule(kid) == "relationshipPattern":
                        ends = (self.node_labels(kids[i - 1]), self.node_labels(kids[i + 1]))
                        if self.child(kid, "leftArrow") is not None:
                            ends = (ends[1], ends[0])
                        self.element(kid, clause, relationship=True, ends=ends)

    def node_labels(self, node: Any) -> frozenset[str]:
        own = self.names(self.child(node, "labelExpression"))
        var = self.child(node, "variable")
        if var is None:
            return frozenset(own)
        every = self.bound.get(name_of(var), {}).values()
        return frozenset(own.union(*(names for rel, names in every if not rel)))

    def element(self, ctx: Any, clause: str, relationship: bool,
                ends: tuple[frozenset[str], frozenset[str]] | None = None) -> None:
        names = self.names(self.child(ctx, "labelExpression"))
        var = self.child(ctx, "variable")
        if not names and var is not None:
            names = self.target(var)[0]
        for name in _each(names):
            if self.child(ctx, "labelExpression") is not None or relationship:
                self.add(name, None, relationship, clause, ctx, ends)
        props = self.child(ctx, "properties")
        if props is None:
            return
        keys = self.map_keys(_children(props)[0])
        if keys is None:
            self.out.dynamic.append(f"line {ctx.start.line}: {clause} with a parameter map")
            return
        for key in keys:
            self.prop(names, key, relationship, clause, ctx)

    def prop(self, names: set[str], key: str, relationship: bool, clause: str, ctx: Any) -> None:
        for name in _each(names):
            self.add(name, key, relationship, clause, ctx)

    def target(self, var: Any) -> tuple[set[str], bool]:
        """The labels (or types) a variable has where `var` uses it, and whether it is a
        relationship: its nearest binding before that names some."""
        bindings = self.bound.get(name_of(var), {})
        named = {at: b for at, b in bindings.items() if b[1]}
        found = self.latest(named, var) or self.latest(bindings, var)
        return (set(found[1]), found[0]) if found else (set(), False)

    def set_item(self, item: Any, clause: str) -> None:
        kind = type(item).__name__
        line = item.start.line
        if kind in ("SetPropContext", "RemovePropContext"):
            expr = self.child(item, "propertyExpression")
            base, props = _children(expr)[0], _children(expr)[1:]
            var = next((c for c in _walk(base) if self.rule(c) == "variable"), None)
            if var is None or name_of(var) != name_of(base) or len(props) != 1:
                self.out.dynamic.append(f"line {line}: {clause} {name_of(expr)}")
                return
            names, rel = self.target(var)
            self.prop(names, name_of(self.child(props[0], "propertyKeyName")), rel, clause, item)
        elif kind in ("SetPropsContext", "AddPropContext"):
            names, rel = self.target(self.child(item, "variable"))
            keys = self.map_keys(self.child(item, "expression"))
            if keys is None:
                self.out.dynamic.append(f"line {line}: {clause} {name_of(item)}")
                return
            for key in keys:
                self.prop(names, key, rel, clause, item)
        elif kind in ("SetLabelsContext", "RemoveLabelsContext"):
            labels = self.child(item, "nodeLabels")
            for part in _children(labels):
                if self.rule(part) == "labelType":
                    self.add(name_of(self.child(part, "symbolicNameString")), None, False, clause,
                             item)
                else:
                    self.out.dynamic.append(f"line {line}: {clause} {name_of(part)}")
        else:
            self.out.dynamic.append(f"line {line}: {clause} {name_of(item)}")

    def run(self) -> Writes:
        self.survey()
        for ctx in _walk(self.p.tree):
            rule = self.rule(ctx)
            if rule == "createClause":
                self.pattern(ctx, "CREATE")
            elif rule == "mergeClause":
                self.pattern(self.child(ctx, "pattern"), "MERGE")
            elif rule in ("setClause", "removeClause"):
                for item in _children(ctx):
                    if not isinstance(item, TerminalNode):
                        self.set_item(item, "SET" if rule == "setClause" else "REMOVE")
            elif rule == "insertClause":
                self.out.dynamic.append(f"line {ctx.start.line}: INSERT")
            elif rule == "callClause":
                name = name_of(self.child(ctx, "procedureName"))
                if name.lower().startswith(WRITING_PROCEDURES):
                    self.out.dynamic.append(f"line {ctx.start.line}: CALL {name}")
        return self.out


def writes(text: str) -> Writes:
    """Everything `text` writes, as far as its text says."""
    return _Reader(parse(text)).run()
