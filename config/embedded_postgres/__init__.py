"""A database backend for the embedded PostgreSQL of the `pgserver` package.

Used when DATABASE_URL is unset. The server is started on the first connection (not at
import, so tools that only read settings start nothing) and shared by every process of the
checkout: the runserver reloader, management commands and tests all attach to the same
server in PGDATA. pgserver counts the processes attached to it and the last one to exit stops
it. PostgreSQL's own write-ahead log keeps the data safe from Ctrl-C or `kill -9`.
"""
