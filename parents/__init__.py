"""The parents' pages "Waar kan ik terecht?": guided flows of plain questions that end at the right door."""
