"""`alianza serve`: the alliance map in a browser, every edge one click from its evidence.

`app.create_app(db)` builds the FastAPI app over a store opened read-only; `data.Reader` is the one
module that reads the store; `params` checks every request value; `layout` and `charts` compute
positions, colours and SVG on the server. All JavaScript is vendored under `static/vendor/`.
"""
