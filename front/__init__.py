"""Pages that combine the apps: home, region overview, search, the JSON API and HSDS export, error pages, loading."""
