"""Bounds on what one request to the web directory may ask for."""

# The search page bounds are the command line's too: one of each, kept in paging.
from errdex.directory.paging import MAX_LIMIT as MAX_LIMIT
from errdex.directory.paging import MAX_OFFSET as MAX_OFFSET

MAX_QUERY = 200
"""Longest ``q`` accepted, in characters; longer is a 414 problem."""
MAX_TARGET = 4096
"""Longest request target (path plus query string), in bytes; longer is a 414 problem."""
MAX_PARAM = 100
"""Longest value of any other query parameter (catalog, space, module, lang…)."""
MAX_BODY = 1024
"""Largest request body accepted (the directory reads none); larger is a 413 problem."""
MAX_HEAD = 16 * 1024
"""Largest request head (request line plus headers) ``errdex serve`` reads, in bytes;
larger is a 431 problem (:mod:`errdex.directory.web.protocol`)."""
HEAD_TIMEOUT = 10.0
"""Seconds a client has to send a request head; slower is a 408 problem, and the connection
closes."""
KEEP_ALIVE = 5
"""Seconds an idle kept-alive connection stays open."""
MAX_CONNECTIONS = 1000
"""Connections served at once; more are answered 503."""
