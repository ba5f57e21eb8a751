"""Who does what, for pre-filling the worksheet: the parties and the coordinator.

The source is a responsibility matrix (guidelines' ResponsibilityMatrixBlock): the
region's own division of work where its directory page has one, else the first
published national matrix that names the coordinator's task. Each matrix actor
is matched to a kind of offer in the directory, so that choosing a municipality
can fill in who that actor is there.
"""

from dataclasses import dataclass, field

from django.db.models import TextField
from django.db.models.functions import Cast

from directory.kinds import kind_for_actor
from directory.lookup import regional_directory
from guidelines.blocks import ResponsibilityRole
from guidelines.models import GuidanceSectionPage

#: The coordinator's task in a matrix, in the languages the site has.
COORDINATOR_WORDS = ("tovholder", "coordinator", "care coordinator")
#: The citizen is a column of the matrix but not a party with a row of its own.
CITIZEN_WORDS = ("borger", "citizen")


@dataclass
class Party:
    label: str
    kind: str | None
    #: The tasks it leads, then those it takes part in.
    tasks: list[str] = field(default_factory=list)


@dataclass
class Division:
    caption: str = ""
    parties: list[Party] = field(default_factory=list)
    coordinator: str = ""
    coordinator_kind: str | None = None
    #: "region" when the region's own division of work is used, else "national".
    source: str = "national"


def matrix_sections(locale):
    """Published, public sections in `locale` whose body holds a responsibility matrix."""
    return (
        GuidanceSectionPage.objects.live()
        .public()
        .filter(locale=locale)
        .annotate(body_text=Cast("body", TextField()))
        .filter(body_text__contains='"responsibility_matrix"')
        .order_by("path")
    )


def national_matrix(locale):
    """The first national matrix that names the coordinator's task, else the first one."""
    matrices = [
        block.value
        for section in matrix_sections(locale)
        for block in section.body
        if block.block_type == "responsibility_matrix"
    ]
    for matrix in matrices:
        if coordinator_row(matrix) is not None:
            return matrix
    return matrices[0] if matrices else None


def coordinator_row(matrix):
    for row in matrix["rows"]:
        if any(word in row["task"].lower() for word in COORDINATOR_WORDS):
            return row
    return None


def division_from(matrix, source):
    if matrix is None:
        return Division(source=source)
    actors = list(matrix["actors"])
    parties = []
    for index, label in enumerate(actors):
        if any(word in label.lower() for word in CITIZEN_WORDS):
            continue
        kind = kind_for_actor(label)
        roles = [(row["task"], row["roles"][index]) for row in matrix["rows"]]
        tasks = [task for task, role in roles if role == ResponsibilityRole.LEAD]
        tasks += [task for task, role in roles if role == ResponsibilityRole.CONTRIBUTES]
        parties.append(Party(label=label, kind=kind, tasks=tasks))
    division = Division(caption=matrix["caption"], parties=parties, source=source)
    row = coordinator_row(matrix)
    if row is not None:
        leads = [a for a, role in zip(actors, row["roles"], strict=False) if role == "A"]
        if leads:
            division.coordinator = leads[0]
            division.coordinator_kind = kind_for_actor(leads[0])
    return division


def division_of_work(locale, region=None, request=None):
    """The division of work the worksheet starts from, in `region` when given."""
    directory = regional_directory(region, request) if region is not None else None
    if directory is not None:
        matrices = [
            block.value
            for block in directory.division_of_work
            if block.block_type == "responsibility_matrix"
        ]
        division = division_from(matrices[0], "region") if matrices else None
        if division is None or not division.parties:
            division = division_from(national_matrix(locale), "national")
        if directory.coordinator:
            division.coordinator = directory.coordinator
            division.coordinator_kind = kind_for_actor(directory.coordinator)
        return division
    return division_from(national_matrix(locale), "national")
