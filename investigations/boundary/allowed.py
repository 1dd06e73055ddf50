"""What analyst Cypher may contain: grammar rules, functions and procedures (default deny).

Anything of Neo4j's Cypher 5 grammar that is not named here is refused: writing clauses,
LOAD CSV, USE, administration commands, CALL { } IN TRANSACTIONS, dynamic labels and properties.
Functions and procedures are refused unless listed: none may write, load, call out, run other
Cypher, administer, or read every property of a node at once (`properties`, `keys`,
`apoc.convert.toJson`, `apoc.map.*`).
"""

from __future__ import annotations

# Grammar rules (Cypher5Parser) an analysis needs: reading clauses, patterns, expressions.
RULES = frozenset({
    "statements", "statement", "regularQuery", "singleQuery", "clause", "endOfFile",
    "matchClause", "matchMode", "hint", "nonEmptyNameList", "labelOrRelType",
    "withClause", "returnClause", "returnBody", "returnItems", "returnItem", "whereClause",
    "orderBy", "orderItem", "ascToken", "descToken", "skip", "limit", "orderBySkipLimitClause",
    "unwindClause", "callClause", "procedureName", "procedureArgument", "procedureResultItem",
    "subqueryClause", "subqueryScope",
    "patternList", "pattern", "anonymousPattern", "patternElement", "selector", "groupToken",
    "pathToken", "quantifier", "shortestPathPattern", "pathPatternNonEmpty", "nodePattern",
    "parenthesizedPath", "properties", "relationshipPattern", "leftArrow", "arrowLine",
    "rightArrow", "pathLength",
    "labelExpression", "labelExpression4", "labelExpression4Is", "labelExpression3",
    "labelExpression3Is", "labelExpression2", "labelExpression2Is", "labelExpression1",
    "labelExpression1Is",
    "expression", "expression11", "expression10", "expression9", "expression8", "expression7",
    "comparisonExpression6", "normalForm", "expression6", "expression5", "expression4",
    "expression3", "expression2", "postFix", "property", "expression1", "literal",
    "caseExpression", "caseAlternative", "extendedCaseExpression", "extendedCaseAlternative",
    "extendedWhen", "listComprehension", "patternComprehension", "reduceExpression",
    "listItemsPredicate", "normalizeFunction", "trimFunction", "patternExpression",
    "shortestPathExpression", "parenthesizedExpression", "mapProjection", "mapProjectionElement",
    "countStar", "existsExpression", "countExpression", "collectExpression", "numberLiteral",
    "signedIntegerLiteral", "listLiteral", "propertyKeyName", "parameter", "parameterName",
    "functionInvocation", "functionArgument", "functionName", "namespace", "variable",
    "type", "typePart", "typeName", "typeNullability", "typeListSuffix", "stringLiteral", "map",
    "symbolicVariableNameString", "escapedSymbolicVariableNameString",
    "unescapedSymbolicVariableNameString", "symbolicNameString", "escapedSymbolicNameString",
    "unescapedSymbolicNameString", "symbolicLabelNameString", "unescapedLabelSymbolicNameString",
    "unescapedLabelSymbolicNameString_",
})

# Why a rule is refused, where a plain "not allowed" would not say enough.
REASONS = {
    "createClause": "CREATE changes the graph; investigations only read",
    "insertClause": "INSERT changes the graph; investigations only read",
    "mergeClause": "MERGE changes the graph; investigations only read",
    "setClause": "SET changes the graph; investigations only read",
    "removeClause": "REMOVE changes the graph; investigations only read",
    "deleteClause": "DELETE changes the graph; investigations only read",
    "foreachClause": "FOREACH exists to change the graph; investigations only read",
    "loadCSVClause": "LOAD CSV reads files or web addresses from the database host",
    "useClause": "USE switches to another database",
    "finishClause": "FINISH returns nothing; end with RETURN",
    "command": "administration commands (SHOW, TERMINATE, CREATE INDEX, users, databases) "
               "are not investigations",
    "periodicCommitQueryHintFailure": "USING PERIODIC COMMIT commits on its own",
    "subqueryInTransactionsParameters": "CALL { } IN TRANSACTIONS commits on its own",
    "dynamicExpression": "a dynamic label or type ($(...)) can name any label",
    "dynamicAnyAllExpression": "a dynamic label or type ($(...)) can name any label",
    "dynamicLabelType": "a dynamic label or type ($(...)) can name any label",
    "dynamicProperty": "dynamic property access can read any property",
    "dynamicPropertyExpression": "dynamic property access can read any property",
}

# Functions by lower-case name (Cypher's function names ignore case).
FUNCTIONS = frozenset(name.lower() for name in (
    # aggregation
    "avg", "collect", "count", "max", "min", "percentileCont", "percentileDisc", "stDev",
    "stDevP", "sum",
    # lists, paths and graph values (nodes and relationships are masked on the way out)
    "head", "last", "tail", "size", "length", "range", "reverse", "isEmpty", "coalesce",
    "labels", "type", "nodes", "relationships", "startNode", "endNode", "id", "elementId",
    "toBooleanList", "toFloatList", "toIntegerList", "toStringList", "nullIf", "valueType",
    # scalars and conversion
    "toBoolean", "toBooleanOrNull", "toFloat", "toFloatOrNull", "toInteger", "toIntegerOrNull",
    "toString", "toStringOrNull", "timestamp", "randomUUID",
    # mathematics
    "abs", "ceil", "floor", "round", "sign", "rand", "isNaN", "e", "exp", "log", "log10",
    "sqrt", "pi", "acos", "asin", "atan", "atan2", "cos", "cot", "degrees", "haversin",
    "radians", "sin", "tan",
    # strings
    "btrim", "left", "lower", "ltrim", "replace", "right", "rtrim", "split", "substring",
    "toLower", "toUpper", "trim", "upper", "char_length", "character_length",
    # temporal and spatial
    "date", "datetime", "localdatetime", "localtime", "time", "duration", "point",
    "date.truncate", "datetime.truncate", "localdatetime.truncate", "localtime.truncate",
    "time.truncate", "date.statement", "date.transaction", "date.realtime",
    "datetime.statement", "datetime.transaction", "datetime.realtime", "datetime.fromEpoch",
    "datetime.fromEpochMillis", "localdatetime.statement", "localdatetime.transaction",
    "localdatetime.realtime", "localtime.statement", "localtime.transaction",
    "localtime.realtime", "time.statement", "time.transaction", "time.realtime",
    "duration.between", "duration.inDays", "duration.inMonths", "duration.inSeconds",
    "point.distance", "point.withinBBox",
))
# APOC namespaces of pure value functions (lists, text, numbers, dates, aggregations).
FUNCTION_NAMESPACES = ("apoc.coll.", "apoc.text.", "apoc.math.", "apoc.number.", "apoc.date.",
                       "apoc.temporal.", "apoc.agg.")
# Known to be unsafe although their namespace is listed: none today; kept to make it explicit.
FUNCTION_EXCEPTIONS: frozenset[str] = frozenset()

# Procedures: only the full-text search of the model's own indexes (graph.model.FULLTEXT).
# apoc.path.* and apoc.neighbors.* are left out: they walk the graph past the label checks
# (through application records); a variable-length or quantified pattern does the same work.
FULLTEXT_PROCEDURE = "db.index.fulltext.querynodes"
PROCEDURES = frozenset({FULLTEXT_PROCEDURE})


def function_allowed(name: str) -> bool:
    lowered = name.lower()
    if lowered in FUNCTION_EXCEPTIONS:
        return False
    return lowered in FUNCTIONS or lowered.startswith(FUNCTION_NAMESPACES)
