"""FastAPI's OpenAPI document as the wire is: every route's errors, one schema, examples per code.

    from errdex.integrations.fastapi import responses
    from errdex.integrations.starlette import install

    app = FastAPI()
    install(app, cat)                   # handlers, and document(app, cat): see below

    @app.get("/repos/{id}", responses=responses(cat, codes=["AUTH-ERR-4", "REPO-ERR-1"]))
    def get_repo(id: str): ...

:func:`document` (which :func:`errdex.integrations.starlette.install` calls for a
FastAPI app) wraps ``app.openapi`` so that ``/openapi.json``:

- has the catalog's schemas once, in ``components.schemas``
  (:mod:`errdex.model.openapi`): ``Problem``, a ``Code_<module>`` enum and a
  ``Problem_<module>`` per module, ``Problem_errdex.framework`` for the built-in
  problem types of the framework's own errors, ``JsonRpcError``, ``GoogleStatus``
  and each plain profile's full schema;
- gives **every route** the default responses ``4XX`` and ``5XX``
  (``components.responses["errdex.4XX"]``/``["errdex.5XX"]``): every error the app
  may send with such a status — the catalog's entries and the built-in types — as
  a ``oneOf`` over the groups' problems with one named example per code, so a route
  that declares nothing still documents its errors;
- replaces FastAPI's own 422 (``HTTPValidationError``, a shape the app never
  sends: errdex answers validation errors) with ``errdex.validation``: the
  problem with one sub-error per field.

:func:`responses` gives a route's own ``responses=``: the codes it declares,
grouped by the HTTP status they are sent with, each status with the profile's
media type, a ``$ref`` to the schema (``oneOf`` for several groups) and one
example per code, rendered as the app sends it (parameters left as
``{placeholders}``). Every example validates against the schema it sits under.

This module does not import FastAPI: what it builds is plain data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import orjson

from errdex.integrations.common import check_profile
from errdex.integrations.framework import BUILTIN, FieldError, FrameworkErrors
from errdex.model import Catalog
from errdex.model.envelopes import GOOGLE_SCHEMA, JSONRPC_SCHEMA, PROBLEM_SCHEMA
from errdex.model.openapi import (
    RESPONSES_REF,
    choice,
    code_name,
    envelope_schemas,
    group_of,
    groups,
    live,
    problem_name,
    problem_schemas,
    profile_name,
    ref,
)
from errdex.runtime import Error, errors_of, render

FRAMEWORK = "errdex.framework"
"""The group of the built-in problem types (``not-found``, ``validation-failed``…)."""
CLIENT_ERRORS = "errdex.4XX"
SERVER_ERRORS = "errdex.5XX"
VALIDATION_ERROR = "errdex.validation"
"""The ``components.responses`` keys :func:`document` adds."""

_FASTAPI_VALIDATION = ("HTTPValidationError", "ValidationError")


def _error_class(catalog: Catalog, code: Any) -> type[Error]:
    if isinstance(code, type) and issubclass(code, Error) and code.entry is not None:
        return code
    try:
        return errors_of(catalog)[code]
    except LookupError as exc:
        raise LookupError(f"responses(): {exc}") from None


def _schema_name(catalog: Catalog, profile: Any) -> str | None:
    """The component schema of a non-problem profile's bodies (None: a profile function)."""
    if type(profile) is not str:
        return None
    if profile in catalog.profiles:
        return profile_name(catalog.profiles[profile])
    return {"jsonrpc": "JsonRpcError", "google": "GoogleStatus"}.get(profile)


def _group(error: Error, value: Any) -> str | None:
    """The schema group of an error: its entry's; the built-in types'; None for a bare
    internal error (no code: only ``Problem`` itself describes it)."""
    entry = error.entry
    if entry is not None and entry.space:
        return group_of(entry)
    return FRAMEWORK if error.code is not None else None


def _label(catalog: Catalog, error: Error) -> str:
    code = str(error.code)
    entry = error.entry
    if entry is not None and len(catalog.find(entry.code)) > 1:
        return f"{entry.space}:{code}"
    return code


class _Member:
    """One error a response documents: its rendered example and its schema group."""

    def __init__(self, catalog: Catalog, error: Error, profile: Any, locale: str | None) -> None:
        rendered = render(error, profile, locale=locale, catalog=catalog)
        self.status = rendered.status
        self.media_type = rendered.media_type
        self.value = orjson.loads(rendered.body)
        self.group = _group(error, self.value)
        self.label = _label(catalog, error)
        self.summary = str(getattr(error, "title", None) or error.code)
        self.names = f"{error.code}" + (f" {error.name}" if error.name else "")


def _content(
    catalog: Catalog, members: list[_Member], profile: Any, codes: Mapping[str, list[Any]]
) -> dict[str, Any]:
    content: dict[str, Any] = {}
    for media_type in dict.fromkeys(m.media_type for m in members):
        mine = [m for m in members if m.media_type == media_type]
        if profile == "problem":
            schema = choice([problem_name(m.group) for m in mine if m.group is not None], codes)
            if any(m.group is None for m in mine):  # a bare internal error has no code
                refs = schema.get("oneOf") or schema.get("anyOf") or [schema]
                schema = {"anyOf": [*refs, ref("Problem")]} if refs else ref("Problem")
        else:
            name = _schema_name(catalog, profile)
            schema = ref(name) if name is not None else {"type": "object"}
        examples = {m.label: {"summary": m.summary, "value": m.value} for m in mine}
        content[media_type] = {"schema": schema, "examples": examples}
    return content


def _codes(catalog: Catalog) -> dict[str, list[Any]]:
    found = {problem_name(g): c for g, c in groups(catalog).items()}
    found[problem_name(FRAMEWORK)] = sorted(set(BUILTIN.values()) | {"validation-failed"})
    return found


def responses(
    catalog: Catalog,
    codes: Iterable[Any],
    *,
    profile: Any = "problem",
    locale: str | None = None,
) -> dict[int, dict[str, Any]]:
    """Return FastAPI ``responses=`` for ``codes``: ``{status: response object}``.

    A code is anything ``cat.errors[...]`` takes (``"AUTH-ERR-4"``, ``1051``, a
    name, ``("jsonrpc", -32003)``) or an entry class. ``profile`` must match the
    one the handlers were installed with; ``locale`` picks the examples' language.
    The schemas are ``$ref``s into ``components.schemas``, which :func:`document`
    (or :func:`components`, for a document built by hand) provides.
    Raises LookupError for a code the catalog does not have.
    """
    check_profile(catalog, profile)
    by_status: dict[int, list[_Member]] = {}
    for code in codes:
        member = _Member(catalog, _error_class(catalog, code)(), profile, locale)
        by_status.setdefault(member.status, []).append(member)
    known = _codes(catalog)
    return {
        status: {
            "description": f"Catalog {catalog.meta.id} errors: "
            + ", ".join(m.names for m in by_status[status]),
            "content": _content(catalog, by_status[status], profile, known),
        }
        for status in sorted(by_status)
    }


def components(catalog: Catalog) -> dict[str, Any]:
    """The ``components.schemas`` the responses refer to (see the module docstring)."""
    schemas = problem_schemas(catalog, {FRAMEWORK: _codes(catalog)[problem_name(FRAMEWORK)]})
    schemas[code_name(FRAMEWORK)] = {
        "anyOf": [
            {"enum": _codes(catalog)[problem_name(FRAMEWORK)]},
            {"type": "string", "pattern": "^http-[1-5][0-9]{2}$"},
        ],
        "description": "Codes of the built-in problem types (docs/integrations.md).",
    }
    schemas.update(envelope_schemas(catalog))
    return schemas


def _app_errors(
    catalog: Catalog, framework: FrameworkErrors, profile: Any, locale: str | None
) -> tuple[list[_Member], _Member]:
    """Every error the app may send (entries, built-in types) and its validation error."""
    members = [
        _Member(catalog, errors_of(catalog)[entry.space, entry.code](), profile, locale)
        for entry in live(catalog.entries)
    ]
    seen = {m.label for m in members}
    for status in sorted(BUILTIN):
        if framework.entry_class(status) is None and status != 422:
            member = _Member(catalog, framework.for_status(status), profile, locale)
            if member.label not in seen:
                members.append(member)
                seen.add(member.label)
    field = FieldError(("body", "qty"), "Input should be greater than 0", "greater_than")
    validation = _Member(catalog, framework.validation([field]), profile, locale)
    if validation.label not in seen:
        members.append(validation)
    return members, validation


def default_responses(
    catalog: Catalog,
    *,
    profile: Any = "problem",
    locale: str | None = None,
    framework: FrameworkErrors | None = None,
) -> dict[str, Any]:
    """``components.responses`` for every route: ``errdex.4XX``, ``errdex.5XX`` and
    ``errdex.validation`` (see the module docstring)."""
    framework = framework if framework is not None else FrameworkErrors(catalog)
    members, validation = _app_errors(catalog, framework, profile, locale)
    known = _codes(catalog)
    found: dict[str, Any] = {}
    for key, first, label in ((CLIENT_ERRORS, 4, "client"), (SERVER_ERRORS, 5, "server")):
        mine = [m for m in members if m.status // 100 == first]
        found[key] = {
            "description": f"A {label} error of catalog {catalog.meta.id}: "
            + ", ".join(m.names for m in mine),
            "content": _content(catalog, mine, profile, known),
        }
    found[VALIDATION_ERROR] = {
        "description": "The request failed validation: one sub-error per field in `errors`.",
        "content": _content(catalog, [validation], profile, known),
    }
    return found


def _validation_status(framework: FrameworkErrors, catalog: Catalog, profile: Any) -> str:
    error = framework.validation([])
    return str(render(error, profile, catalog=catalog).status)


def extend(
    doc: dict[str, Any],
    catalog: Catalog,
    *,
    profile: Any = "problem",
    locale: str | None = None,
    framework: FrameworkErrors | None = None,
    routes: Iterable[Any] = (),
) -> dict[str, Any]:
    """Add the catalog's components and every operation's default error responses to an
    OpenAPI document (FastAPI's ``app.openapi()``); returns ``doc``, changed in place.

    ``routes`` (the app's) puts back the ``responses=`` examples as :func:`responses`
    built them: FastAPI drops every ``null`` from the document (``"id": null``,
    ``"data": null``), which would make them fail their schemas."""
    framework = framework if framework is not None else FrameworkErrors(catalog)
    parts = doc.setdefault("components", {})
    schemas = parts.setdefault("schemas", {})
    schemas.update(components(catalog))
    parts.setdefault("responses", {}).update(
        default_responses(catalog, profile=profile, locale=locale, framework=framework)
    )
    validation_status = _validation_status(framework, catalog, profile)
    for route in routes:
        _restore(doc, route)
    for item in doc.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            answers = operation["responses"]
            fastapi_422 = answers.get("422")
            if fastapi_422 is not None and _is_fastapi_validation(fastapi_422):
                del answers["422"]
                answers.setdefault(validation_status, {"$ref": RESPONSES_REF + VALIDATION_ERROR})
            answers.setdefault("4XX", {"$ref": RESPONSES_REF + CLIENT_ERRORS})
            answers.setdefault("5XX", {"$ref": RESPONSES_REF + SERVER_ERRORS})
    text = orjson.dumps(doc["paths"]).decode()
    for name in _FASTAPI_VALIDATION:  # FastAPI's shapes, now referenced by nothing
        if f'"#/components/schemas/{name}"' not in text:
            schemas.pop(name, None)
    return doc


def _restore(doc: dict[str, Any], route: Any) -> None:
    """Put a route's own ``responses=`` content back as given (see :func:`extend`)."""
    given = getattr(route, "responses", None)
    path = getattr(route, "path_format", None)
    item = doc.get("paths", {}).get(path) if isinstance(path, str) else None
    if not isinstance(given, Mapping) or not isinstance(item, dict):
        return
    for method in getattr(route, "methods", None) or ():
        answers = item.get(str(method).lower(), {}).get("responses", {})
        for status, response in given.items():
            content = response.get("content") if isinstance(response, Mapping) else None
            found = answers.get(str(status))
            if not isinstance(content, Mapping) or not isinstance(found, dict):
                continue
            for media, ours in content.items():
                theirs = found.setdefault("content", {}).setdefault(media, {})
                merged = theirs.get("schema", {})
                schema = ours.get("schema", {})
                extra = {k: v for k, v in merged.items() if k not in schema}
                # a 2xx the route also succeeds with: FastAPI merged its model into ours
                theirs["schema"] = {"anyOf": [schema, extra]} if extra else schema
                if "examples" in ours:
                    theirs["examples"] = ours["examples"]


def _is_fastapi_validation(response: Any) -> bool:
    schema = (
        response.get("content", {}).get("application/json", {}).get("schema", {})
        if isinstance(response, dict)
        else {}
    )
    return schema == {"$ref": "#/components/schemas/HTTPValidationError"}


def document(
    app: Any,
    catalog: Catalog,
    *,
    profile: Any = "problem",
    locale: str | None = None,
    framework: FrameworkErrors | None = None,
) -> None:
    """Make a FastAPI app's ``/openapi.json`` document the catalog's errors on every route
    (:func:`extend` over FastAPI's own ``app.openapi``, built once and cached as FastAPI does)."""
    check_profile(catalog, profile)
    original: Callable[[], dict[str, Any]] = app.openapi
    built: list[dict[str, Any]] = []

    def openapi() -> dict[str, Any]:
        if built and app.openapi_schema is built[0]:
            done: dict[str, Any] = built[0]
            return done
        doc = extend(
            original(),
            catalog,
            profile=profile,
            locale=locale,
            framework=framework,
            routes=getattr(app, "routes", ()),
        )
        app.openapi_schema = doc
        built[:] = [doc]
        return doc

    app.openapi = openapi


__all__ = [
    "CLIENT_ERRORS",
    "FRAMEWORK",
    "GOOGLE_SCHEMA",
    "JSONRPC_SCHEMA",
    "PROBLEM_SCHEMA",
    "SERVER_ERRORS",
    "VALIDATION_ERROR",
    "components",
    "default_responses",
    "document",
    "extend",
    "responses",
]
