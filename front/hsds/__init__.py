"""Open Referral HSDS 3.0 read API at /api/hsds/: published, public content as HSDS organizations, services,
service_at_locations, taxonomies and taxonomy terms.

- `ids`: the stable UUIDs (uuid5 of region, kind and slug), and the taxonomies that are fixed in code.
- `queries`: the querysets, a fixed number of queries per page whatever the data size.
- `serialize`: model rows to HSDS objects (absent rather than null, Dutch language).
- `params`: the documented query parameters and their Dutch errors.
- `views`, `urls`: the endpoints.
"""
