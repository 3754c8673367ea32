"""The OpenAPI 3.1 description of the web directory's JSON API (served at ``/api/openapi.json``)."""

from __future__ import annotations

from typing import Any

from errdex._version import __version__
from errdex.directory.web.limits import MAX_LIMIT, MAX_OFFSET, MAX_QUERY

_PROBLEM = {"$ref": "#/components/responses/Problem"}


def _param(
    name: str,
    schema: dict[str, Any],
    description: str,
    *,
    where: str = "query",
    required: bool = False,
) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": required or where == "path",
        "schema": schema,
        "description": description,
    }


_Q = _param(
    "q",
    {"type": "string", "maxLength": MAX_QUERY},
    "The query: a code (decimal, hex, any case), a name, or words.",
    required=True,
)
_LANG = _param(
    "lang", {"type": "string", "maxLength": 35}, "Preferred locale (BCP 47); else Accept-Language."
)


def spec() -> dict[str, Any]:
    """The OpenAPI document as plain data."""
    brief = {
        "type": "object",
        "required": ["catalog", "space", "code", "url", "api", "state"],
        "properties": {
            "catalog": {"type": "string"},
            "space": {"type": "string"},
            "module": {"type": ["string", "null"]},
            "code": {"type": ["integer", "string"]},
            "name": {"type": ["string", "null"]},
            "title": {"type": ["string", "null"]},
            "message": {"type": ["string", "null"]},
            "status": {"type": "string", "enum": ["active", "deprecated", "removed"]},
            "state": {
                "type": "string",
                "enum": ["active", "deprecated", "removed", "undocumented"],
            },
            "http_status": {"type": ["integer", "null"]},
            "jsonrpc_code": {"type": ["integer", "null"]},
            "retryable": {"type": ["boolean", "null"]},
            "retryable_for_messages": {
                "type": "array",
                "items": {"type": "boolean"},
                "description": "Other retry answers some of the entry's messages (variants) "
                "give; `retryable=` matches them too",
            },
            "url": {"type": "string", "description": "Path of the entry's permalink page."},
            "api": {"type": "string", "description": "Path of the entry in this API."},
        },
    }

    def json_of(ref: str) -> dict[str, Any]:
        return {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "errdex directory API",
            "version": __version__,
            "description": "Browse, look up and search the error codes of every catalog of "
            "an errdex registry. Every page of the HTML directory also answers with JSON "
            "to `Accept: application/json`.",
        },
        "paths": {
            "/api/catalogs": {
                "get": {
                    "operationId": "listCatalogs",
                    "summary": "Every catalog of the registry",
                    "responses": {
                        "200": {"description": "The catalogs", "content": json_of("CatalogList")}
                    },
                }
            },
            "/api/catalogs/{catalog}": {
                "get": {
                    "operationId": "getCatalog",
                    "summary": "One catalog with its spaces, modules and a page of its errors",
                    "parameters": [
                        _param("catalog", {"type": "string"}, "Catalog id", where="path"),
                        _param(
                            "limit",
                            {"type": "integer", "minimum": 1, "maximum": 1000},
                            "Errors per page (default 1000)",
                        ),
                        _param("offset", {"type": "integer", "minimum": 0}, "Errors to skip"),
                    ],
                    "responses": {
                        "200": {"description": "The catalog", "content": json_of("Catalog")},
                        "400": _PROBLEM,
                        "404": _PROBLEM,
                    },
                }
            },
            "/api/lookup": {
                "get": {
                    "operationId": "lookup",
                    "summary": "Every error whose code or name is q, in every catalog and space",
                    "parameters": [
                        _Q,
                        _param("catalog", {"type": "string"}, "Only this catalog"),
                        _param("space", {"type": "string"}, "Only this code space"),
                    ],
                    "responses": {
                        "200": {"description": "The matches", "content": json_of("Lookup")},
                        "400": _PROBLEM,
                        "414": _PROBLEM,
                    },
                }
            },
            "/api/search": {
                "get": {
                    "operationId": "search",
                    "summary": "Ranked full-text search over codes, names and all texts",
                    "parameters": [
                        _Q,
                        _param("catalog", {"type": "string"}, "Only this catalog"),
                        _param("module", {"type": "string"}, "Only this module"),
                        _param("space", {"type": "string"}, "Only this code space"),
                        _param(
                            "http_status",
                            {"type": "integer", "minimum": 100, "maximum": 599},
                            "Only this HTTP status",
                        ),
                        _param(
                            "retryable",
                            {"type": "boolean"},
                            "Only retryable (true) or non-retryable (false) errors; an error "
                            "one of whose messages answers so is included",
                        ),
                        _param(
                            "locale",
                            {"type": "string", "maxLength": 35},
                            "Only errors with text in this locale",
                        ),
                        _param(
                            "limit",
                            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                            "Hits per page (default 20)",
                        ),
                        _param(
                            "offset",
                            {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
                            "Hits to skip",
                        ),
                        _LANG,
                    ],
                    "responses": {
                        "200": {"description": "A page of hits", "content": json_of("Search")},
                        "400": _PROBLEM,
                        "414": _PROBLEM,
                    },
                }
            },
            "/api/entries/{catalog}/{space}/{code}": {
                "get": {
                    "operationId": "getEntry",
                    "summary": "One error in full (the canonical export form)",
                    "parameters": [
                        _param("catalog", {"type": "string"}, "Catalog id", where="path"),
                        _param("space", {"type": "string"}, "Code space", where="path"),
                        _param(
                            "code",
                            {"type": "string"},
                            "The code (decimal, hex or string, any case)",
                            where="path",
                        ),
                    ],
                    "responses": {
                        "200": {"description": "The error", "content": json_of("Entry")},
                        "404": _PROBLEM,
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness: the registry is loaded",
                    "responses": {"200": {"description": "Healthy", "content": json_of("Health")}},
                }
            },
        },
        "components": {
            "schemas": {
                "Brief": brief,
                "CatalogSummary": {
                    "type": "object",
                    "required": ["id", "entries", "url", "api"],
                    "properties": {
                        "id": {"type": "string"},
                        "title": {"type": ["string", "null"]},
                        "version": {"type": ["string", "null"]},
                        "description": {"type": ["string", "null"]},
                        "default_locale": {"type": "string"},
                        "locales": {"type": "array", "items": {"type": "string"}},
                        "entries": {"type": "integer"},
                        "modules": {"type": "integer"},
                        "spaces": {"type": "array", "items": {"type": "string"}},
                        "url": {"type": "string"},
                        "api": {"type": "string"},
                    },
                },
                "CatalogList": {
                    "type": "object",
                    "required": ["catalogs"],
                    "properties": {
                        "catalogs": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/CatalogSummary"},
                        }
                    },
                },
                "Catalog": {
                    "type": "object",
                    "required": ["id", "errors", "total"],
                    "properties": {
                        "id": {"type": "string"},
                        "spaces": {"type": "array", "items": {"type": "object"}},
                        "modules": {"type": "array", "items": {"type": "object"}},
                        "total": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "errors": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Brief"},
                        },
                    },
                },
                "Lookup": {
                    "type": "object",
                    "required": ["query", "total", "matches"],
                    "properties": {
                        "query": {"type": "string"},
                        "total": {"type": "integer"},
                        "matches": {
                            "type": "array",
                            "items": {
                                "allOf": [
                                    {"$ref": "#/components/schemas/Brief"},
                                    {"type": "object", "properties": {"how": {"type": "string"}}},
                                ]
                            },
                        },
                    },
                },
                "Snippet": {
                    "type": "object",
                    "properties": {
                        "text": {"type": "string"},
                        "marks": {
                            "type": "array",
                            "items": {
                                "type": "array",
                                "items": {"type": "integer"},
                                "minItems": 2,
                                "maxItems": 2,
                            },
                        },
                        "field": {"type": "string"},
                        "locale": {"type": ["string", "null"]},
                    },
                },
                "Search": {
                    "type": "object",
                    "required": ["query", "total", "hits"],
                    "properties": {
                        "query": {"type": "string"},
                        "total": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "truncated": {"type": "boolean"},
                        "total_exact": {
                            "type": "boolean",
                            "description": "false when more entries matched than are ranked: "
                            "total is then a lower bound",
                        },
                        "suggestions": {
                            "type": "array",
                            "items": {"type": "string"},
                            "description": "when nothing matched: the query with its misspelt "
                            "words corrected (each finds something)",
                        },
                        "hits": {
                            "type": "array",
                            "items": {
                                "allOf": [
                                    {"$ref": "#/components/schemas/Brief"},
                                    {
                                        "type": "object",
                                        "properties": {
                                            "score": {"type": "number"},
                                            "fields": {
                                                "type": "array",
                                                "items": {"type": "string"},
                                            },
                                            "snippet": {
                                                "oneOf": [
                                                    {"$ref": "#/components/schemas/Snippet"},
                                                    {"type": "null"},
                                                ]
                                            },
                                        },
                                    },
                                ]
                            },
                        },
                    },
                },
                "Entry": {
                    "type": "object",
                    "description": "An entry as `errdex export` writes it, with links",
                    "required": [
                        "catalog",
                        "code",
                        "space",
                        "url",
                        "api",
                        "retry",
                        "retryable",
                        "retryable_source",
                        "catalog_retry",
                        "catalog_retryable",
                    ],
                    "properties": {
                        "catalog": {"type": "string"},
                        "code": {"type": ["integer", "string"]},
                        "space": {"type": "string"},
                        "type": {
                            "type": ["string", "null"],
                            "description": "The problem+json type URL",
                        },
                        "url": {"type": "string"},
                        "api": {"type": "string"},
                        "retry": {
                            "type": "string",
                            "enum": ["safe", "idempotent-only", "outcome-unknown", "never"],
                            "description": "The effective retry class, as lookup, search "
                            "and `errdex explain` give it",
                        },
                        "retryable": {
                            "type": ["boolean", "null"],
                            "description": "The effective retry answer (from the catalog, "
                            "else the HTTP status; null when nothing says), as lookup, "
                            "search and `errdex explain` give it",
                        },
                        "retryable_source": {
                            "type": ["string", "null"],
                            "enum": ["catalog", "http-status", None],
                            "description": "What `retryable` comes from",
                        },
                        "retryable_for_messages": {
                            "type": "array",
                            "items": {"type": "boolean"},
                            "description": "Other retry answers some of its messages give",
                        },
                        "catalog_retry": {
                            "type": ["string", "null"],
                            "description": "The retry class the catalog itself states",
                        },
                        "catalog_retryable": {
                            "type": ["boolean", "null"],
                            "description": "The retry answer the catalog itself states",
                        },
                    },
                    "additionalProperties": True,
                },
                "Health": {
                    "type": "object",
                    "required": ["status", "catalogs", "entries"],
                    "properties": {
                        "status": {"type": "string"},
                        "catalogs": {"type": "integer"},
                        "entries": {"type": "integer"},
                    },
                },
                "Problem": {
                    "type": "object",
                    "description": "RFC 9457 problem details",
                    "required": ["type", "title", "status"],
                    "properties": {
                        "type": {"type": "string"},
                        "title": {"type": "string"},
                        "status": {"type": "integer"},
                        "detail": {"type": "string"},
                    },
                },
            },
            "responses": {
                "Problem": {
                    "description": "The request could not be served",
                    "content": {
                        "application/problem+json": {
                            "schema": {"$ref": "#/components/schemas/Problem"}
                        }
                    },
                }
            },
        },
    }
