"""The regions and school sectors the app cannot run without."""

from django.db import migrations

REGIONS = [
    {
        "slug": "amsterdam-diemen",
        "name": "Amsterdam-Diemen",
        "short_name": "Amsterdam",
        "order": 1,
        "description": "Gemeente Amsterdam, de samenwerkingsverbanden PO en VO Amsterdam-Diemen, de Ouder- en "
        "Kindteams en de GGD: rollen rond iedere school en de HGW-piramide.",
        "maintainer": "Gemeente Amsterdam en de samenwerkingsverbanden PO en VO Amsterdam-Diemen",
    },
    {
        "slug": "amersfoort",
        "name": "Amersfoort (Eemland)",
        "short_name": "Amersfoort",
        "order": 2,
        "description": "Aansluiting Onderwijs en Jeugdteams (AOJ-teams) in het voortgezet (speciaal) onderwijs "
        "in Amersfoort, met de Professionele Momenten PM0-PM5 en de basisroutekaart.",
        "maintainer": "Samenwerkingsverband Eemland en gemeente Amersfoort",
    },
    {
        "slug": "maassluis-vlaardingen-schiedam",
        "name": "Maassluis, Vlaardingen en Schiedam",
        "short_name": "MVS",
        "order": 3,
        "description": "Samenwerkingsverband Onderwijs dat Past: de ondersteuningsroute in het primair onderwijs "
        "en het onderwijs-zorgaanbod (OZA), met Team Nooit Opgeven bij stagnatie.",
        "maintainer": "Samenwerkingsverband Onderwijs dat Past",
    },
    {
        "slug": "landelijk",
        "name": "Landelijk",
        "short_name": "Landelijk",
        "order": 9,
        "is_national": True,
        "description": "Materiaal dat in iedere regio geldt: begrippen, de fasen van samenwerking en de quickscan.",
        "maintainer": "Redactie Wie doet wat",
    },
]

SECTORS = [
    ("po", "Primair onderwijs", 1),
    ("sbo", "Speciaal basisonderwijs", 2),
    ("so", "Speciaal onderwijs", 3),
    ("vo", "Voortgezet onderwijs", 4),
    ("vso", "Voortgezet speciaal onderwijs", 5),
    ("pro", "Praktijkonderwijs", 6),
]


def create(apps, schema_editor):
    Region = apps.get_model("regions", "Region")
    Sector = apps.get_model("regions", "Sector")
    for data in REGIONS:
        data = dict(data)
        Region.objects.update_or_create(slug=data.pop("slug"), defaults=data)
    for code, name, order in SECTORS:
        Sector.objects.update_or_create(code=code, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
