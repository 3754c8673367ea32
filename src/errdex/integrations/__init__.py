"""Integrations: errdex inside web frameworks, JSON-RPC servers, HTTP clients, retries and traces.

Each module imports its third-party library itself, so ``import errdex`` (and
``import errdex.integrations``) never loads a framework. Install the extra
you need (``pip install 'errdex[starlette]'``) and import the module::

    errdex.integrations.starlette   exception handlers, a JSON-RPC endpoint (Starlette, FastAPI)
    errdex.integrations.fastapi     OpenAPI response objects per route
    errdex.integrations.flask       error handlers for an app or a blueprint
    errdex.integrations.django      middleware and a DRF exception handler
    errdex.integrations.grpc        a gRPC server interceptor: catalog errors as google.rpc.Status
    errdex.integrations.grpc_client failed RPCs decoded into catalog errors; client interceptors
    errdex.integrations.framework   a framework's own errors (404, 405, 422…) as catalog errors
    errdex.integrations.jsonrpc     a JSON-RPC 2.0 method table whose errors are catalog errors
    errdex.integrations.httpx       error responses decoded into errdex errors (hooks, raise)
    errdex.integrations.tenacity    retry predicate and wait strategy by the retry decision
    errdex.integrations.stamina     stamina's on= hook by the retry decision
    errdex.integrations.retrying    the retry decision for a decoded error and its request
    errdex.integrations.otel        error.type on spans and metrics; client spans

Shared by the web ones: :mod:`errdex.integrations.common` (exception → rendered response).
"""
