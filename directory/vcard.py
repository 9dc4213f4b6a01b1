"""vCard 3.0 export of a school's contacts, so a professional can add them to a phone in one tap."""

from __future__ import annotations

import re

from directory.models import Assignment, School

# Every control character except the line feed, which is escaped instead (a CR or CRLF becomes one line feed).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _escape(value: str) -> str:
    """A property value as RFC 6350 (3.4) and RFC 2426 write it: backslash, comma and semicolon escaped, line
    breaks as \\n, other control characters dropped, so a value can never start a property line of its own."""
    value = CONTROL_CHARACTERS.sub("", (value or "").replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _card(*, name: str, org: str, title: str, phones: list[str], emails: list[str], note: str = "") -> list[str]:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_escape(name)}", f"N:{_escape(name)};;;;", f"ORG:{_escape(org)}"]
    if title:
        lines.append(f"TITLE:{_escape(title)}")
    lines += [f"TEL;TYPE=WORK,VOICE:{_escape(p)}" for p in phones if p]
    lines += [f"EMAIL;TYPE=INTERNET:{_escape(e)}" for e in emails if e]
    if note:
        lines.append(f"NOTE:{_escape(note)}")
    return [*lines, "END:VCARD"]


def school_vcards(school: School, assignments: list[Assignment], *, viewer) -> str:
    """One card per contact, as the school page shows it: the person's own details when they are `visible_to` the
    viewer, otherwise their organisation with the channels the viewer may see."""
    lines: list[str] = []
    for assignment in assignments:
        role = assignment.role
        organisation = assignment.organisation or role.organisation
        if assignment.visible_to(viewer):
            lines += _card(
                name=assignment.person_name,
                org=school.name,
                title=role.name,
                phones=[assignment.phone],
                emails=[assignment.email],
                note="Voorbeeldgegevens" if assignment.is_demo else "",
            )
        elif organisation:
            channels = [c for c in organisation.channels.all() if c.visible_to(viewer)]
            lines += _card(
                name=f"{role.name} – {organisation.name}",
                org=organisation.name,
                title=role.name,
                phones=[c.value for c in channels if c.kind == "phone"],
                emails=[c.value for c in channels if c.kind == "email"],
            )
    return "\r\n".join(lines) + "\r\n"
