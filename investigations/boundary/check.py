"""Admit analyst Cypher, or refuse it naming the clause and why.

The text is parsed with Neo4j's Cypher 5 grammar, every part of the parse tree is checked, and
what runs is the text rebuilt from the checked tree, never the text as typed:

- comments are gone (whatever ends them), and every string literal becomes a parameter, so no
  comment, escape or quote can mean one thing to this check and another to Neo4j;
- only the grammar rules, functions and procedures of `allowed.py` pass;
- only the labels and relationship types of the investigation model (graph/model/), never
  application records; a node or relationship pattern that could match one gets a label
  condition that excludes them (`(n)` runs as `(n:!(User|ApiToken|...))`);
- for a reader without identities, a property the model marks `identifying` is refused wherever
  it appears; a person key only in a comparison with another key or a `key` parameter (which
  the runner resolves from a pseudonym);
- a label, type or property supplied only by sources the reader may not see is refused.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from antlr4.tree.Tree import TerminalNode

from graph import model, vocabulary
from investigations.boundary import allowed
from investigations.boundary.parse import Parsed, Refused, parse
from investigations.boundary.tree import children as _children
from investigations.boundary.tree import descend, name_of
from investigations.boundary.tree import terminals as _terminals

LITERAL = "__lit"  # prefix of the parameters string literals become
CLAUSES = {
    "matchClause": "MATCH", "withClause": "WITH", "returnClause": "RETURN",
    "unwindClause": "UNWIND", "callClause": "CALL", "subqueryClause": "CALL { }",
    "whereClause": "WHERE", "orderBy": "ORDER BY", "skip": "SKIP", "limit": "LIMIT",
    "orderBySkipLimitClause": "ORDER BY", "existsExpression": "EXISTS { }",
    "countExpression": "COUNT { }", "collectExpression": "COLLECT { }",
}
# Label conditions that keep application records out of an open pattern.
NODE_GUARD = "!(" + "|".join(model.APPLICATION_LABELS) + ")"
RELATIONSHIP_GUARD = "!(" + "|".join(model.APPLICATION_TYPES) + ")"
_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_SIMPLE = {"\\": "\\", "'": "'", '"': '"', "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


@dataclass(frozen=True)
class Reader:
    """What the person running the text may see."""

    identities: bool
    hidden_sources: frozenset[str] = frozenset()  # source stems (verbruik, brk_eigendom, ...)
    params: Mapping[str, str] = field(default_factory=dict)  # declared parameter -> type


@dataclass(frozen=True)
class Admitted:
    text: str  # what runs: rebuilt from the checked tree
    literals: Mapping[str, str]  # the string literals, now parameters (read-only: shared)


def admit(text: str, reader: Reader) -> Admitted:
    """The text as it will run, or Refused. Admissions are kept per text and reader: a saved
    investigation runs again and again, and parsing it costs tens of milliseconds."""
    return _admit(text, reader.identities, reader.hidden_sources,
                  tuple(sorted(reader.params.items())))


@lru_cache(maxsize=512)
def _admit(text: str, identities: bool, hidden: frozenset[str],
           params: tuple[tuple[str, str], ...]) -> Admitted:
    reader = Reader(identities, hidden, dict(params))
    if reserved := sorted(p for p in reader.params if p.startswith(LITERAL)):
        raise Refused("parameters", f"${reserved[0]}: names starting with {LITERAL} are reserved")
    parsed = parse(text)
    walk = _Walk(parsed, reader)
    rebuilt = walk.run()
    parse(rebuilt)  # the rebuilt text must parse as well (a wrong rewrite fails here, loudly)
    return Admitted(rebuilt, MappingProxyType(walk.literals))


def decode_string(token_text: str) -> str:
    """The value of a Cypher string literal (quotes removed, escapes applied)."""
    body = token_text[1:-1]

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "uU" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code in _SIMPLE:
            return _SIMPLE[code]
        raise Refused("string", f"unknown escape \\{code} in {token_text[:40]}")

    return _ESCAPE.sub(one, body)


class _Walk:
    def __init__(self, parsed: Parsed, reader: Reader) -> None:
        self.p = parsed
        self.reader = reader
        self.out: list[str] = []
        self.prev = -2  # token index of the last token written
        self.literals: dict[str, str] = {}
        self.clauses: list[str] = ["query"]
        self.safe: set[int] = set()  # property accesses allowed as person-key comparisons
        self.labels: dict[str, frozenset[str] | None] = {}
        self.rebound: set[str] = set()
        every = vocabulary.elements().values()
        self.data_labels = {e.name for e in every if not e.relationship and not e.application}
        self.data_types = {e.name for e in every if e.relationship and not e.application}
        self.pseudonyms = frozenset().union(*(e.pseudonyms() for e in every))

    # -- output ---------------------------------------------------------------------------
    def token(self, token: Any) -> None:
        if token.type == -1:  # EOF
            return
        space = bool(self.out) and token.tokenIndex != self.prev + 1
        self.out.append((" " if space else "") + token.text)
        self.prev = token.tokenIndex

    def insert(self, text: str) -> None:
        self.out.append(text)

    def run(self) -> str:
        self.survey(self.p.tree)
        self.visit(self.p.tree)
        return "".join(self.out).strip()

    # -- refusals -------------------------------------------------------------------------
    def refuse(self, ctx: Any, reason: str) -> Refused:
        start = getattr(ctx, "start", None) or getattr(ctx, "symbol", None)
        where = f" (line {start.line}, column {start.column + 1})" if start is not None else ""
        return Refused(self.clauses[-1] + where, reason)

    # -- what variables are -----------------------------------------------------------------
    def survey(self, ctx: Any) -> None:
        """Labels of node variables (from their patterns) and variables bound otherwise."""
        if isinstance(ctx, TerminalNode):
            return
        rule = self.p.rule(ctx)
        if rule == "nodePattern":
            var = self.child(ctx, "variable")
            if var is not None:
                names = self.positive(self.child(ctx, "labelExpression"))
                name = name_of(var)
                before = self.labels.get(name, frozenset())
                self.labels[name] = None if names is None or before is None else before | names
        elif rule in ("returnItem", "unwindClause", "procedureResultItem", "listComprehension",
                      "patternComprehension", "reduceExpression", "listItemsPredicate",
                      "relationshipPattern", "pattern"):
            for var in (c for c in _children(ctx) if self.is_rule(c, "variable")):
                self.rebound.add(name_of(var))
            if rule == "procedureResultItem" and self.child(ctx, "variable") is None:
                self.rebound.add(name_of(_children(ctx)[0]))
        for child in _children(ctx):
            self.survey(child)

    def labels_of(self, var: str | None) -> frozenset[str] | None:
        if var is None or var in self.rebound:
            return None
        return self.labels.get(var)

    def positive(self, label_expr: Any) -> frozenset[str] | None:
        """The names of a label expression that is plain names joined by `|`; else None."""
        if label_expr is None:
            return None
        names: set[str] = set()
        for term in _children(label_expr)[1:]:
            stack = [term]
            while stack:
                node = stack.pop()
                if isinstance(node, TerminalNode):
                    if node.symbol.text not in ("|",):
                        return None
                    continue
                rule = self.p.rule(node)
                if rule in ("labelExpression4", "labelExpression4Is", "labelExpression3",
                            "labelExpression3Is", "labelExpression2", "labelExpression2Is"):
                    stack.extend(_children(node))
                elif rule in ("labelExpression1", "labelExpression1Is") and \
                        type(node).__name__.startswith("LabelName"):
                    names.add(name_of(node))
                else:
                    return None
        return frozenset(names) or None

    # -- tree helpers ---------------------------------------------------------------------
    def is_rule(self, node: Any, rule: str) -> bool:
        return not isinstance(node, TerminalNode) and self.p.rule(node) == rule

    def child(self, ctx: Any, rule: str) -> Any:
        return next((c for c in _children(ctx) if self.is_rule(c, rule)), None)

    # -- the walk -------------------------------------------------------------------------
    def visit(self, node: Any) -> None:
        if isinstance(node, TerminalNode):
            self.token(node.symbol)
            return
        rule = self.p.rule(node)
        if rule not in allowed.RULES:
            raise self.refuse(node, allowed.REASONS.get(rule, f"{rule} is not allowed in an "
                                                               "investigation"))
        clause = CLAUSES.get(rule)
        if clause:
            if rule == "matchClause" and _children(node)[0].getText().upper() == "OPTIONAL":
                clause = "OPTIONAL MATCH"
            self.clauses.append(clause)
        try:
            handler = getattr(self, f"on_{rule}", None)
            if handler is not None:
                handler(node)
            else:
                self.visit_children(node)
        finally:
            if clause:
                self.clauses.pop()

    def visit_children(self, node: Any) -> None:
        for child in _children(node):
            self.visit(child)

    def on_statements(self, node: Any) -> None:
        if sum(1 for c in _children(node) if self.is_rule(c, "statement")) != 1:
            raise self.refuse(node, "one statement at a time (no `;` between statements)")
        self.visit_children(node)

    def on_stringLiteral(self, node: Any) -> None:
        token = _children(node)[0].symbol
        name = f"{LITERAL}{len(self.literals)}"
        self.literals[name] = decode_string(token.text)
        self.out.append(f" ${name} ")
        self.prev = token.tokenIndex

    def on_parameter(self, node: Any) -> None:
        name = name_of(self.child(node, "parameterName"))
        if name not in self.reader.params:
            declared = ", ".join(f"${p}" for p in self.reader.params) or "none"
            raise self.refuse(node, f"parameter ${name} is not declared (declared: {declared})")
        self.visit_children(node)

    def dotted(self, ctx: Any) -> str:
        """A function or procedure name as Cypher means it: `apoc`.`coll`.x is apoc.coll.x."""
        parts = [name_of(c) for c in _children(self.child(ctx, "namespace"))
                 if self.is_rule(c, "symbolicNameString")]
        return ".".join([*parts, name_of(self.child(ctx, "symbolicNameString"))])

    def on_functionInvocation(self, node: Any) -> None:
        name = self.dotted(self.child(node, "functionName"))
        if not allowed.function_allowed(name):
            raise self.refuse(node, f"function {name} is not on the list of read-only functions "
                                    "(none may write, load, call out, run Cypher or read every "
                                    "property at once)")
        self.visit_children(node)

    def on_callClause(self, node: Any) -> None:
        name = self.dotted(self.child(node, "procedureName"))
        if name.lower() not in allowed.PROCEDURES:
            raise self.refuse(node, f"procedure {name} is not on the list of read-only "
                                    "procedures (only db.index.fulltext.queryNodes)")
        args = [c for c in _children(node) if self.is_rule(c, "procedureArgument")]
        index = self.literal_text(args[0]) if args else None
        if index not in model.FULLTEXT:
            raise self.refuse(node, f"{name} needs the index name as its first argument, one "
                                    f"of {', '.join(model.FULLTEXT)}")
        label = model.FULLTEXT[index][0]
        if label == "Person" and not self.reader.identities:
            raise self.refuse(node, "searching person names needs identities; your role sees "
                                    "pseudonyms (re-identify with X-Reidentify, logged)")
        self.visit_children(node)

    def literal_text(self, ctx: Any) -> str | None:
        """The value of an expression that is one string literal, else None."""
        tokens = list(_terminals(ctx))
        if len(tokens) == 1 and self.p.token_name(tokens[0]).startswith("STRING_LITERAL"):
            return decode_string(tokens[0].text)
        return None

    # -- patterns ---------------------------------------------------------------------------
    def check_names(self, label_expr: Any, kinds: set[str], what: str) -> None:
        for node in descend(label_expr):
            rule = self.p.rule(node)
            if rule in ("labelExpression1", "labelExpression1Is") and \
                    type(node).__name__.startswith("LabelName"):
                self.check_name(node, name_of(node), kinds, what)
            if rule in ("labelExpression3", "labelExpression4") and any(
                    isinstance(c, TerminalNode) and c.symbol.text == ":" for c in _children(node)):
                    raise self.refuse(node, "write :A&B or :A|B instead of :A:B or :A|:B (the "
                                            "old label syntax cannot be combined with the "
                                            "label conditions the boundary adds)")

    def check_name(self, node: Any, name: str, kinds: set[str], what: str) -> None:
        if name not in kinds:
            if name in model.APPLICATION_LABELS or name in model.APPLICATION_TYPES:
                raise self.refuse(node, f"{name} is an application record (users, tokens, "
                                        "audit, notes, lists), not investigation data")
            raise self.refuse(node, f"{name} is not a {what} of the investigation model")
        sources = vocabulary.elements()[name].sources()
        if sources and all(s in self.reader.hidden_sources for s in sources):
            raise self.refuse(node, f"{name} comes from {', '.join(sources)}, a source your "
                                    "organisation may not see")

    def on_nodePattern(self, node: Any) -> None:
        label_expr = self.child(node, "labelExpression")
        self.check_names(label_expr, self.data_labels, "label")
        var = self.child(node, "variable")
        name = name_of(var) if var is not None else None
        # A variable every pattern of which names data labels needs no guard of its own.
        labels = self.labels_of(name) if label_expr is None else None
        known = bool(labels) and labels is not None and labels <= self.data_labels
        self.pattern(node, label_expr, None if known else NODE_GUARD, name)

    def on_relationshipPattern(self, node: Any) -> None:
        label_expr = self.child(node, "labelExpression")
        self.check_names(label_expr, self.data_types, "relationship type")
        if not any(isinstance(c, TerminalNode) and c.symbol.text == "[" for c in _children(node)):
            first_line = self.child(node, "arrowLine")
            for child in _children(node):
                self.visit(child)
                if child is first_line:
                    self.insert(f"[:{RELATIONSHIP_GUARD}]")
            return
        self.pattern(node, label_expr, RELATIONSHIP_GUARD, None)

    def pattern(self, node: Any, label_expr: Any, guard: str | None, var: str | None) -> None:
        """Write a node or relationship pattern, adding `guard` unless its label expression is
        plain names of the investigation model; check its property map."""
        needs_guard = guard is not None and self.positive(label_expr) is None
        kids = _children(node)
        # Without a label expression the guard goes after the variable, else after `(` or `[`.
        after = None
        if needs_guard and label_expr is None:
            var_ctx = self.child(node, "variable")
            after = var_ctx if var_ctx is not None else next(
                k for k in kids if isinstance(k, TerminalNode) and k.symbol.text in ("(", "["))
        for child in kids:
            if child is label_expr and needs_guard:
                colon, inner = _children(child)[0], _children(child)[1]
                self.visit(colon)
                self.insert("(")
                self.visit(inner)
                self.insert(f")&{guard}")
                continue
            if self.is_rule(child, "properties"):
                self.check_map(child, var)
            self.visit(child)
            if child is after:
                self.insert(f":{guard}")

    def check_map(self, props: Any, var: str | None) -> None:
        """A pattern's property map: each key is a property read of `var`."""
        literal = self.child(props, "map")
        if literal is None:
            raise self.refuse(props, "a property map must be written out ({key: $param}); a "
                                     "map parameter can test any property")
        kids = _children(literal)
        for i, kid in enumerate(kids):
            if self.is_rule(kid, "propertyKeyName"):
                value = kids[i + 2]
                if self.key_param(value):
                    self.safe.add(id(kid))
                self.check_property(kid, name_of(kid), var)

    # -- expressions ------------------------------------------------------------------------
    def key_param(self, expr: Any) -> bool:
        """True for an expression that is one parameter declared as a `key`."""
        tokens = list(_terminals(expr))
        return (len(tokens) == 2 and tokens[0].text == "$"
                and self.reader.params.get(tokens[1].text) == "key")

    def key_atom(self, expr: Any) -> Any:
        """For an expression that is `var.<person key property>`, its property context."""
        node = expr
        while not isinstance(node, TerminalNode) and self.p.rule(node) != "expression2":
            kids = _children(node)
            if len(kids) != 1:
                return None
            node = kids[0]
        if isinstance(node, TerminalNode):
            return None
        kids = _children(node)
        if len(kids) != 2 or not self.is_rule(_children(kids[0])[0], "variable"):
            return None
        prop = self.child(kids[1], "property")
        if prop is None or name_of(self.child(prop, "propertyKeyName")) not in self.pseudonyms:
            return None
        return self.child(prop, "propertyKeyName")

    def on_expression8(self, node: Any) -> None:
        kids = _children(node)
        if len(kids) == 3 and kids[1].getText() in ("=", "<>", "!="):
            atoms = [self.key_atom(kids[0]), self.key_atom(kids[2])]
            sides_ok = all(a is not None or self.key_param(k) for a, k in zip(atoms, kids[::2]))
            if sides_ok and any(a is not None for a in atoms):
                self.safe.update(id(a) for a in atoms if a is not None)
        self.visit_children(node)

    def on_expression7(self, node: Any) -> None:
        kids = _children(node)
        if len(kids) == 2 and type(kids[1]).__name__.startswith("NullComparison"):
            atom = self.key_atom(kids[0])
            if atom is not None:
                self.safe.add(id(atom))
        self.visit_children(node)

    def on_expression2(self, node: Any) -> None:
        kids = _children(node)
        first = _children(kids[0])[0] if kids and not isinstance(kids[0], TerminalNode) else None
        base = name_of(first) if first is not None and self.is_rule(first, "variable") else None
        for i, kid in enumerate(kids):
            if i and self.is_rule(kid, "postFix"):
                self.postfix(kid, base if i == 1 else None)
        self.visit_children(node)

    def postfix(self, node: Any, base: str | None) -> None:
        kind = type(node).__name__
        if kind.startswith("PropertyPostfix"):
            key = self.child(self.child(node, "property"), "propertyKeyName")
            self.check_property(key, name_of(key), base)
        elif kind.startswith("LabelPostfix"):
            self.check_names(self.child(node, "labelExpression"),
                             self.data_labels | self.data_types, "label or relationship type")
        elif kind.startswith(("IndexPostfix", "RangePostfix")):
            for expr in (c for c in _children(node) if self.is_rule(c, "expression")):
                texts = [self.p.token_name(t) for t in _terminals(expr)]
                if not texts or any(t not in ("MINUS", "UNSIGNED_DECIMAL_INTEGER") for t in texts):
                    raise self.refuse(node, "an index in [ ] must be a number: dynamic property "
                                            "access (x[$key], x[k]) can read any property")

    def on_mapProjection(self, node: Any) -> None:
        var = name_of(self.child(node, "variable"))
        for element in (c for c in _children(node) if self.is_rule(c, "mapProjectionElement")):
            kids = _children(element)
            if len(kids) == 2 and isinstance(kids[1], TerminalNode) and kids[1].symbol.text == "*":
                raise self.refuse(element, f"{var}{{.*}} reads every property; name the "
                                           "properties you need")
            prop = self.child(element, "property")
            if prop is not None:
                key = self.child(prop, "propertyKeyName")
                self.check_property(key, name_of(key), var)
        self.visit_children(node)

    def check_property(self, node: Any, name: str, var: str | None) -> None:
        holders = vocabulary.holders(name)
        data = [e for e in holders if not e.application]
        if holders and not data:
            raise self.refuse(node, f"{name} is a property of application records (users, "
                                    "tokens, audit, notes), not investigation data")
        labels = self.labels_of(var)
        candidates = [e for e in data if labels is None or e.name in labels]
        sources = [e.sources(name) for e in candidates]
        if candidates and all(s and all(x in self.reader.hidden_sources for x in s)
                              for s in sources):
            names = sorted({x for s in sources for x in s})
            raise self.refuse(node, f"{name} comes from {', '.join(names)}, a source your "
                                    "organisation may not see")
        if self.reader.hidden_sources and any(
                getattr(e.properties.get(name), "quotes_sources", False) for e in candidates):
            raise self.refuse(node, f"{name} quotes facts whose sources are recorded per flag or "
                                    "prediction, some of which your organisation may not see; "
                                    "return the flag or link itself (it is withheld when needed)")
        if self.reader.identities:
            return
        naming = [e for e in candidates if name in e.identifying()]
        if not naming:
            return
        if id(node) in self.safe and all(name in e.pseudonyms() for e in naming):
            return
        raise self.refuse(node, f"{name} identifies a person and your role sees pseudonyms "
                                "(re-identify with the X-Reidentify header, which is logged)")
