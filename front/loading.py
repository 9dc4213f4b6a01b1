"""Which sections the content files hold, in the order they load: everything a section points at loads before it."""

from directory.loaders import SECTIONS as DIRECTORY
from parents.loaders import SECTIONS as PARENTS
from regions.loaders import SECTIONS as REGIONS
from regions.loading import Section
from routes.loaders import SECTIONS as ROUTES

SECTIONS: list[Section] = [*REGIONS, *DIRECTORY, *ROUTES, *PARENTS]
