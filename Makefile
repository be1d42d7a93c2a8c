# The two commands the README promises. The work is done by the scripts in script/.
#
#   make run                     set up, load the demo, serve http://127.0.0.1:8000
#   make test                    ruff, then the whole suite on a throwaway PostgreSQL, browser
#                                tests too, in one pytest-xdist worker per core
#   make test ARGS="-k deadline" pass arguments to pytest (ARGS="-n 0 -k deadline": one process)
#   make test-fast               ruff, then SQLite without the browser tests: quick feedback
#   make loadtest                quarter-end load on gunicorn + PostgreSQL (SWP_LOAD_* to size it)

.PHONY: run test test-fast loadtest bootstrap clean

run:
	script/server

test:
	script/test $(ARGS)

test-fast:
	script/test --fast $(ARGS)

loadtest:
	script/loadtest

bootstrap:
	script/bootstrap

# Leaves .venv alone: it is slow to rebuild and make bootstrap keeps it current.
clean:
	rm -rf var static/build
