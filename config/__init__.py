"""Project configuration: settings, root URLs and WSGI."""
