"""Read error codes from Go source: const blocks, iota, and registries of error values.

What is read (tree-sitter-go):

- ``const`` blocks whose type, names or heading comment say they hold errors:
  explicit values and ``iota`` (the expression of the previous spec repeats,
  as the compiler does); the comment above or beside a constant is its
  description (``ErrX - 404: Message.`` gives status and message);
- registries of error values: ``var ErrX = CustomError{prefix: P, code: c}``
  (the code is the prefix joined to the number, ``AUTH-ERR-4``, and the name
  the constant used), and calls such as ``NewCode("AUTH-ERR", 4, "name")``;
- ``register(ErrX, 404, "message")``-style calls naming a constant already
  read: they add its HTTP status and message;
- a ``const`` block whose names say nothing is still an error listing when its
  constants are registered as codes: passed first to a code constructor
  (``errors.NewCode(DeviceExist, "设备已被添加")`` in an ``init``), or the keys of
  a ``map[int]string`` of messages (``var codeMap = map[int]string{OK: "成功"}``).

Constants that are not error listings are reported, not imported.
"""

from __future__ import annotations

import re
from typing import Any

from errdex.convert.importers.source.comments import read_comment
from errdex.convert.importers.source.evaluate import Value, evaluate
from errdex.convert.importers.source.found import Findings, Found, Skipped, errorish, http_of
from errdex.convert.importers.source.treesit import comments_above, doc_of, line, parse, text, walk

_CODE_KEYS = frozenset({"code", "Code", "errcode", "ErrCode", "errCode", "number"})
_PREFIX_KEYS = frozenset({"prefix", "Prefix", "namespace", "Namespace"})
_MESSAGE_KEYS = frozenset({"message", "Message", "msg", "Msg", "text"})
_STATUS_KEYS = frozenset({"status", "Status", "httpStatus", "HTTPStatus", "http", "HTTP"})


class _Const:
    def __init__(self, name: str, value: Value, node: Any, group: str, block: Any) -> None:
        self.name = name
        self.value = value
        self.node = node
        self.group = group
        self.block = block


def read_go(source: str, path: str, force: bool = False) -> Findings:
    """The error codes defined in the Go file ``source`` (shown as ``path``)."""
    root = parse(source, "go")
    out = Findings()
    env: dict[str, Value] = {}
    consts: dict[str, _Const] = {}
    blocks: list[tuple[Any, str, list[_Const]]] = []
    for decl in walk(root, frozenset({"const_declaration"})):
        members = _const_block(decl, env)
        for member in members:
            consts[member.name] = member
        blocks.append((decl, comments_above(decl), members))
    used: set[str] = set()
    registered = _registered(root, consts)
    registry = _registries(root, env, consts, path, used, out.dropped)
    registry += _rest_of_blocks(registry, blocks, used, path)
    for decl, heading, members in blocks:
        members = [m for m in members if m.name not in used and m.name != "_"]
        if not members:
            continue
        names = [m.name for m in members]
        type_name = next((m.group for m in members if m.group), "")
        listed = sum(1 for n in names if n in registered) * 2 >= len(names)
        if not (
            force or listed or (errorish(type_name, *names) and _error_names(names, type_name))
        ):
            if len(members) > 1 or errorish(*names):
                out.skipped.append(
                    Skipped(
                        path,
                        line(decl),
                        1,
                        f"const block {names[0]}…",
                        "its names do not say it holds errors",
                        "go",
                    )
                )
            continue
        group = _heading_group(heading) or type_name or "consts"
        for member in members:
            found = Found(member.value, path, line(member.node), group, name=member.name)
            _take_comment(found, doc_of(member.node), member.name, out.dropped)
            out.found.append(found)
    out.found += registry
    out.found.sort(key=lambda f: f.line)
    _augment(root, env, consts, out, path)
    _messages_of_maps(root, env, out)
    return out


_REGISTRAR = re.compile(r"code|err", re.IGNORECASE)
"""A function whose name says it registers codes or errors: ``NewCode``, ``RegisterErr``."""

_MESSAGE_MAP = re.compile(r"code|err|msg|message|reason|text", re.IGNORECASE)
"""A map variable whose name says it holds code messages: ``codeMap``, ``errMsg``."""


def _registered(root: Any, consts: dict[str, _Const]) -> set[str]:
    """Constants that the file registers as codes: by a code constructor or a message map."""
    names: set[str] = set()
    for call in walk(root, frozenset({"call_expression"})):
        function = call.child_by_field_name("function")
        args = call.child_by_field_name("arguments")
        if function is None or args is None or len(args.named_children) < 2:
            continue
        callee = text(function).rsplit(".", 1)[-1]
        first = args.named_children[0]
        strings = [a for a in args.named_children[1:] if a.type in _STRING_LITERALS]
        if (
            _REGISTRAR.search(callee)
            and first.type == "identifier"
            and text(first) in consts
            and strings
        ):
            names.add(text(first))
    for _spec, literal in _message_maps(root):
        for key, value in _fields(literal):
            if key in consts and value.type in _STRING_LITERALS:
                names.add(key)
    return names


_CODED = re.compile(r"err|(?<!en)(?<!de)(?<!uni)(?<!op)(?<!bar)(?<!zip)code", re.IGNORECASE)
"""A type or constructor that builds error codes: ``localCode``, ``gcode.New``, ``NewErr``
(not ``Encode``, ``Decode``, ``unicode``, ``Opcode``...)."""


def _coded(name: str) -> bool:
    """Whether a constructor or type name says it builds error codes."""
    return bool(_CODED.search(name))


_STRING_LITERALS = frozenset({"interpreted_string_literal", "raw_string_literal"})


def _message_maps(root: Any) -> list[tuple[Any, Any]]:
    """``var codeMap = map[K]string{...}`` specs and their literals (names say messages)."""
    maps: list[tuple[Any, Any]] = []
    for spec in walk(root, frozenset({"var_spec", "short_var_declaration"})):
        name_node = spec.child_by_field_name("name") or spec.child_by_field_name("left")
        value = spec.child_by_field_name("value") or spec.child_by_field_name("right")
        if name_node is None or value is None or not value.named_children:
            continue
        literal = value.named_children[0]
        kind = literal.child_by_field_name("type") if literal.type == "composite_literal" else None
        if kind is None or kind.type != "map_type" or not _MESSAGE_MAP.search(text(name_node)):
            continue
        element = kind.child_by_field_name("value")
        if element is not None and text(element) == "string":
            maps.append((spec, literal))
    return maps


def _messages_of_maps(root: Any, env: dict[str, Value], out: Findings) -> None:
    """``codeMap[OK] = "成功"``-style literals: the message of each constant read before."""
    by_name = {f.name: f for f in out.found if f.name}
    for _spec, literal in _message_maps(root):
        for key, node in _fields(literal):
            target = by_name.get(key) if key else None
            message = evaluate(node, env)
            if target is not None and target.message is None and isinstance(message, str):
                target.message = message


def _rest_of_blocks(
    registry: list[Found], blocks: list[tuple[Any, str, list[_Const]]], used: set[str], path: str
) -> list[Found]:
    """Constants of a block whose other members a registry joins to one prefix: same prefix.

    (CSGHub lists every constant of the block as ``PREFIX-N`` in its docs, registered
    as an error value or not.)
    """
    prefixes = {f.name: f.group for f in registry if f.name and isinstance(f.code, str)}
    extra: list[Found] = []
    for _decl, _heading, members in blocks:
        groups = {prefixes[m.name] for m in members if m.name in prefixes}
        if len(groups) != 1:
            continue
        prefix = groups.pop()
        for member in members:
            if member.name in used or member.name == "_" or not isinstance(member.value, int):
                continue
            used.add(member.name)
            item = Found(
                f"{prefix}-{member.value}", path, line(member.node), prefix, name=member.name
            )
            item.update(read_comment(doc_of(member.node), member.name))
            extra.append(item)
    return extra


def _take_comment(item: Found, comment: str, name: str, dropped: list[Skipped]) -> None:
    """Set the fields a doc comment states; report (once per file) a free note beside labels."""
    fields = read_comment(comment, name)
    note = fields.pop("comment", None)
    item.update(fields)
    if note and not any(d.what == "doc-comment notes" for d in dropped):
        dropped.append(
            Skipped(
                item.path,
                item.line,
                1,
                "doc-comment notes",
                f"a paragraph beside labelled ones ({note[:40]!r}…) has no catalog field",
            )
        )


def _error_names(names: list[str], type_name: str) -> bool:
    """A block is an error listing when its type says so or most names do."""
    if errorish(type_name):
        return True
    hits = sum(1 for n in names if errorish(n))
    return hits * 2 >= len(names)


def _heading_group(heading: str) -> str:
    first = heading.split("\n", 1)[0].strip().rstrip(".")
    return first[:60]


def _const_block(decl: Any, env: dict[str, Value]) -> list[_Const]:
    members: list[_Const] = []
    last_expr: list[Any] = []
    last_type = ""
    iota = 0
    for spec in decl.named_children:
        if spec.type != "const_spec":
            continue
        names = [c for c in spec.children_by_field_name("name")]
        type_node = spec.child_by_field_name("type")
        value = spec.child_by_field_name("value")
        if value is not None:
            last_expr = list(value.named_children)
            last_type = text(type_node) if type_node is not None else ""
        elif type_node is not None:
            last_type = text(type_node)
        scope = dict(env)
        scope["iota"] = iota
        for i, name_node in enumerate(names):
            name = text(name_node)
            if i < len(last_expr):
                result = evaluate(last_expr[i], scope)
                if result is not None:
                    if name != "_":
                        env[name] = result
                    members.append(_Const(name, result, spec, last_type, decl))
        iota += 1
    return members


def _fields(node: Any) -> list[tuple[str | None, Any]]:
    """The (key, value node) pairs of a composite literal or the arguments of a call."""
    body = node.child_by_field_name("body") or node.child_by_field_name("arguments")
    if body is None:
        return []
    pairs: list[tuple[str | None, Any]] = []
    for child in body.named_children:
        if child.type == "keyed_element":
            parts = child.named_children
            if len(parts) == 2:
                key = parts[0].named_children[0] if parts[0].named_children else parts[0]
                val = parts[1].named_children[0] if parts[1].named_children else parts[1]
                pairs.append((text(key), val))
        elif child.type == "literal_element":
            pairs.append((None, child.named_children[0] if child.named_children else child))
        elif child.type != "comment":
            pairs.append((None, child))
    return pairs


def _registries(
    root: Any,
    env: dict[str, Value],
    consts: dict[str, _Const],
    path: str,
    used: set[str],
    dropped: list[Skipped],
) -> list[Found]:
    """Error values built from a prefix and a number, or by a constructor call."""
    found: list[Found] = []
    for spec in walk(root, frozenset({"var_spec"})):
        name_node = spec.child_by_field_name("name")
        value = spec.child_by_field_name("value")
        if name_node is None or value is None or not value.named_children:
            continue
        expr = value.named_children[0]
        if expr.type == "unary_expression" and expr.named_children:
            expr = expr.named_children[-1]
        if expr.type not in ("composite_literal", "call_expression"):
            continue
        var = text(name_node)
        pairs = _fields(expr)
        idents: set[str] = set()
        code, name, prefix, message, status = _registry_values(pairs, env, consts, idents)
        if code is None:
            continue
        used |= idents
        if prefix is not None and isinstance(code, int):
            code = f"{prefix}-{code}"
        elif not errorish(var) and not _coded(
            text(expr.child_by_field_name("type") or expr.child_by_field_name("function") or expr)
        ):
            continue
        if name is not None:
            used.add(name)
        item = Found(
            code,
            path,
            line(spec),
            _group(prefix, path),
            name=name or var,
            message=message,
            http_status=status,
        )
        _take_comment(item, doc_of(spec), var, dropped)
        found.append(item)
    return found


def _registry_values(
    pairs: list[tuple[str | None, Any]],
    env: dict[str, Value],
    consts: dict[str, _Const],
    used_idents: set[str],
) -> tuple[Value | None, str | None, str | None, str | None, int | None]:
    code: Value | None = None
    name = prefix = message = None
    status: int | None = None
    positional: list[tuple[Any, Value]] = []
    for key, node in pairs:
        value = evaluate(node, env)
        if value is None:
            continue
        if node.type == "identifier" and text(node) in consts:
            used_idents.add(text(node))
        if key in _CODE_KEYS:
            code = value
            if node.type == "identifier" and text(node) in consts:
                name = text(node)
        elif key in _PREFIX_KEYS and isinstance(value, str):
            prefix = value
        elif key in _MESSAGE_KEYS and isinstance(value, str):
            message = value
        elif key in _STATUS_KEYS and isinstance(value, int):
            status = http_of(value)
        elif key is None:
            positional.append((node, value))
    if code is None and positional:
        strings = [(n, v) for n, v in positional if isinstance(v, str)]
        ints = [(n, v) for n, v in positional if isinstance(v, int)]
        if ints and strings and positional[0][1] == strings[0][1] and len(ints) == 1:
            # NewCode("AUTH-ERR", 4, "invalidJWT"): a prefix, a number, then the name
            prefix, code = str(strings[0][1]), ints[0][1]
            for _node, value in strings[1:]:
                if isinstance(value, str) and " " not in value and name is None:
                    name = value
                elif isinstance(value, str):
                    message = value
        elif ints and strings and positional[0][1] == ints[0][1] and len(ints) == 1:
            # localCode{50, "Internal Error", nil}, gcode.New(10001, "message", nil)
            code = ints[0][1]
            message = next((str(v) for _n, v in strings if v), None)
        elif ints and not strings:
            code = ints[0][1]
    return code, name, prefix, message, status


def _group(prefix: str | None, path: str) -> str:
    if prefix:
        return prefix
    stem = path.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".go")
    return stem


def _augment(
    root: Any, env: dict[str, Value], consts: dict[str, _Const], out: Findings, path: str
) -> None:
    """``register(ErrX, 404, "message")``: status and message of a constant read before."""
    by_name = {f.name: f for f in out.found if f.name}
    for call in walk(root, frozenset({"call_expression"})):
        args = call.child_by_field_name("arguments")
        if args is None or not args.named_children:
            continue
        first = args.named_children[0]
        target = by_name.get(text(first)) if first.type == "identifier" else None
        if target is None:
            continue
        rest = [evaluate(a, env) for a in args.named_children[1:]]
        ints = [v for v in rest if isinstance(v, int)]
        strings = [v for v in rest if isinstance(v, str)]
        if len(ints) == 1 and http_of(ints[0]) is not None:
            target.http_status = ints[0]
        if len(strings) == 1:
            target.message = strings[0]
