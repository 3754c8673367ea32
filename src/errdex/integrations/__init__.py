"""Integrations: errdex inside web frameworks, JSON-RPC servers, HTTP clients, retries and traces.

Each module imports its third-party library itself, so ``import errdex`` (and
``import errdex.integrations``) never loads a framework. Install the extra
you need (``pip install 'errdex[starlette]'``) and import the module::

    errdex.integrations.starlette   exception handlers, a JSON-RPC endpoint (Starlette, FastAPI)
    errdex.integrations.fastapi     OpenAPI response objects per route
    errdex.integrations.flask       error handlers for an app or a blueprint
    errdex.integrations.jsonrpc     a JSON-RPC 2.0 method table whose errors are catalog errors
    errdex.integrations.httpx       error responses decoded into errdex errors (hooks, raise)
    errdex.integrations.tenacity    retry predicate and wait strategy from retry hints
    errdex.integrations.otel        span attributes, exception events and a counter per code

Shared by the web ones: :mod:`errdex.integrations.common` (exception → rendered response).
"""
