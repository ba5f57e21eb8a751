"""What the worksheet fills in for the reader: the parties and their tasks, the
coordinator, and, once a municipality is chosen, who each party is there.

Pre-filling never overwrites: a cell the reader has written in is left alone.
"""

from directory.kinds import kind_for_actor
from directory.lookup import offers_for
from guidelines.blocks import PrefillChoices

from .forms import cell_name
from .sketch import FIRST_ROWS, MAX_ROWS

#: Offers per party written into a contact cell (the directory page has them all).
OFFERS_PER_CELL = 2


def initial_for(sketch, division):
    """(initial values, rows per list part) of a fresh worksheet."""
    initial, rows = {}, {}
    for part in sketch.parts:
        if not part.is_list:
            continue
        rows[part.number] = FIRST_ROWS
        if part.prefill == PrefillChoices.ACTORS and division.parties:
            parties = division.parties[:MAX_ROWS]
            rows[part.number] = len(parties)
            for row, party in enumerate(parties, start=1):
                initial[cell_name(part, row, 1)] = party.label
                if len(part.columns) > 1:
                    initial[cell_name(part, row, 2)] = "\n".join(party.tasks)
        elif part.prefill == PrefillChoices.COORDINATOR and division.coordinator:
            rows[part.number] = 1
            initial[cell_name(part, 1, 1)] = division.coordinator
    return initial, rows


def offer_line(offer):
    return ", ".join(
        text for text in (offer.title, offer.contact_role, offer.phone, offer.opening_hours) if text
    )


def contacts(municipality, request=None):
    """Kind of offer -> the contact text for it in `municipality`."""
    found = {}
    for group in offers_for(municipality, request):
        if group.offers:
            found[group.kind] = "\n".join(
                offer_line(offer) for offer in group.offers[:OFFERS_PER_CELL]
            )
    return found


def fill_contacts(data, form, municipality, request=None):
    """`data` (a mutable copy of the posted form) with the contact cells of the
    parties' and the coordinator's rows filled in where they are empty; returns
    how many cells it filled."""
    by_kind = contacts(municipality, request)
    filled = 0
    for part in form.sketch.parts:
        column = {PrefillChoices.ACTORS: 3, PrefillChoices.COORDINATOR: 2}.get(part.prefill)
        if not part.is_list or column is None or column > len(part.columns):
            continue
        for row in range(1, form.rows[part.number] + 1):
            target = cell_name(part, row, column)
            if data.get(target, "").strip():
                continue
            kind = kind_for_actor(data.get(cell_name(part, row, 1), ""))
            if kind in by_kind:
                data[target] = by_kind[kind]
                filled += 1
    return filled
