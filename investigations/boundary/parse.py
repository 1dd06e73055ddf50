"""Parse Cypher with the generated Cypher 5 parser; any syntax error is a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener

from investigations.boundary import grammar
from investigations.errors import BadParameter

MAX_LENGTH = 20_000  # characters: a saved investigation is a page of Cypher, not a program


class Refused(BadParameter):
    """The text may not run: names the clause and why."""

    def __init__(self, clause: str, reason: str) -> None:
        super().__init__("cypher", f"refused in {clause}: {reason}")
        self.clause, self.reason = clause, reason


class _Raise(ErrorListener):  # type: ignore[misc]
    def syntaxError(self, recognizer: Any, offending: Any, line: int, column: int, msg: str,
                    e: Any) -> None:
        short = msg if len(msg) <= 160 else msg[:msg.find(" expecting") + 1 or 160] + "…"
        raise Refused("syntax", f"line {line}, column {column + 1}: {short}")


@dataclass(frozen=True)
class Parsed:
    tree: Any  # the `statements` context
    tokens: list[Any]  # every token, hidden channel included, by index
    rule_names: list[str]
    symbolic_names: list[str]

    def rule(self, ctx: Any) -> str:
        return self.rule_names[int(ctx.getRuleIndex())]

    def token_name(self, token: Any) -> str:
        return self.symbolic_names[token.type] if 0 <= token.type < len(self.symbolic_names) else ""


def parse(text: str) -> Parsed:
    """The parse tree of `text`, or Refused naming the line and column of the first error."""
    if len(text) > MAX_LENGTH:
        raise Refused("text", f"longer than {MAX_LENGTH} characters")
    lexer_module, parser_module = grammar.modules()
    lexer = lexer_module.Cypher5Lexer(InputStream(text))
    lexer.removeErrorListeners()
    lexer.addErrorListener(_Raise())
    stream = CommonTokenStream(lexer)
    parser = parser_module.Cypher5Parser(stream)
    parser.removeErrorListeners()
    parser.addErrorListener(_Raise())
    try:
        tree = parser.statements()
    except RecursionError:
        raise Refused("text", "nested too deeply") from None
    return Parsed(tree, list(stream.tokens), list(parser.ruleNames), list(parser.symbolicNames))
