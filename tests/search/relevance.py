"""The search's relevance set: queries a Danish professional would type, and what
they must find in the fixed test corpus (tests/search/corpus.yaml).

Each pair names its expected result by the unit's title as the search shows it:
a document by its title, a section as "<number>. <title>", a recommendation as
"<code> <title>", a case, meeting or other page by its title.

- `within`: the expected unit must be among the first `within` results.
- `above`: a unit that must rank below the expected one (ranking pairs).
- `absent`: a unit that must not be found at all.
- `filters`: facet -> values, as the search page passes them (type, dokument,
  region, maalgruppe, tema).
- `why`: what the pair tests; test_relevance.py checks every category stays covered.

Most queries pair the word under test with a word found in one unit only, so the
answer is unambiguous: the expected unit contains the word under test only in
the form being tested (inflected, inside a compound, as a synonym, with æ/ø/å).
"""

from dataclasses import dataclass, field


@dataclass
class Pair:
    query: str
    expect: str
    why: str
    within: int = 1
    above: str = ""
    absent: str = ""
    filters: dict = field(default_factory=dict)
    note: str = ""  # what makes the pair a test, for the reader


# Every category the set must cover, with the least number of pairs for each.
CATEGORIES = {
    "inflection": 6,
    "compound head": 4,
    "compound tail": 4,
    "folding": 5,
    "synonym": 4,
    "phrase": 3,
    "ranking": 4,
    "code": 1,
    "facet": 3,
    "and": 4,
    "statement": 1,
}

# Titles used more than once below.
TOVHOLDEREN = "3. Tovholderen"
PAAROERENDE = "4. Pårørende"
UDSKRIVNING = "5. Udskrivning fra sygehusafsnit"
INDSATSPLAN = "6. Koordinerende indsatsplan"
FAELLES_VISITATION = "2.1 Fælles visitation"
VENTETID = "2.2 Ingen ventetid mellem tilbud"
OPFOELGNING = "5.2 Opfølgning efter udskrivning"
TIDLIG_OPSPORING = "1. Tidlig opsporing"
TEAM_VIBORG = "Fælles team for borgere med dobbeltdiagnose i Viborg"
SKIVE = "Integreret behandling i Skive"
GADETEAM = "Gadeteam for hjemløse med stofmisbrug i Aalborg"
ERHVERVSSKOLER = "Rådgivning om rusmidler på erhvervsskoler i Herning"
HJOERRING = "Forløbskoordinatorer i Hjørring"
BOERN = "Samtalegrupper for børn som pårørende"
BROBYGGER = "Brobygger fra sygehus til hjem i Frederikshavn"
LAERINGSNETVAERK = "Læringsnetværk om indsatsplaner i Aarhus"
NATCAFE = "Natcafé for unge i Randers"
JOB = "Job med støtte i Aalborg"
MOEDE_VIBORG = "Informationsmøde om sammenhængende forløb i Viborg"
MOEDE_AALBORG = "Informationsmøde om unge og rusmidler i Aalborg"

PAIRS = [
    # --- Inflection: the query's form is not the one in the text -------------
    Pair("tovholdere", TOVHOLDEREN, "inflection", within=2),
    Pair("tovholderen jobcentret", JOB, "inflection", note="the case says 'tovholder'"),
    Pair("misbrugets omfang", "1.2 Vurder omfanget af misbruget", "inflection"),
    Pair("indsatsplanerne", INDSATSPLAN, "inflection", within=3),
    Pair(
        "indsatsplanerne skabelon",
        LAERINGSNETVAERK,
        "inflection",
        note="the case says 'indsatsplaner' and 'indsatsplanen'",
    ),
    Pair("kommunerne ungeindsats", MOEDE_AALBORG, "inflection", note="text: 'kommunernes'"),
    Pair("misbruget Skive", SKIVE, "inflection", note="text: 'misbrug'"),
    Pair("pårørendes", PAAROERENDE, "inflection", within=2),
    Pair("udskrivningen", UDSKRIVNING, "inflection", within=2),
    Pair("hjemløs", GADETEAM, "inflection", note="text: 'hjemløse'"),
    Pair("arbejdsplads", JOB, "inflection", note="text: 'arbejdspladsen'"),
    # --- Compounds: a word finds compounds it begins (head) or ends (tail) ---
    Pair("misbrug ventetid", VENTETID, "compound head", note="text: 'misbrugsbehandlingen'"),
    Pair("misbrug fælles visitation", FAELLES_VISITATION, "compound head"),
    Pair(
        "rusmiddel sundhedsplejersker",
        TIDLIG_OPSPORING,
        "compound head",
        note="text: 'rusmiddelproblematik'",
    ),
    Pair(
        "behandling ambulatoriet", OPFOELGNING, "compound head", note="text: 'behandlingsforløbet'"
    ),
    Pair(
        "alkohol ungdomsklub",
        "2.1 Behandling tæt på de unge",
        "compound head",
        note="text: 'alkoholbehandling'",
    ),
    Pair("sygehus udskrivningsdato", UDSKRIVNING, "compound head", note="text: 'sygehusafsnit'"),
    Pair("misbrug gadeteam", GADETEAM, "compound tail", note="text: 'stofmisbrug'"),
    Pair(
        "behandling erhvervsskoler",
        ERHVERVSSKOLER,
        "compound tail",
        note="text: 'rusmiddelbehandling'",
    ),
    Pair("koordinator Hjørring", HJOERRING, "compound tail", note="text: 'forløbskoordinator'"),
    Pair("plan skabelon", LAERINGSNETVAERK, "compound tail", note="text: 'indsatsplanen'"),
    Pair(
        "stofmisbrug unge",
        NATCAFE,
        "compound query",
        note="a compound typed, its parts in the text: 'misbrug af stoffer'",
    ),
    # --- Danish letters typed as ae/oe/aa --------------------------------------
    Pair("paaroerende", PAAROERENDE, "folding", within=2),
    Pair("forloebskoordinator", HJOERRING, "folding", within=2),
    Pair("udskrivning paa sygehus", "5.1 Udskrivningsmøde på sygehuset", "folding", within=2),
    Pair("oekonomi", BROBYGGER, "folding"),
    Pair("behandlingsforloeb", OPFOELGNING, "folding", within=2),
    Pair(
        "boern som paaroerende",
        BOERN,
        "folding",
        within=2,
        note="'4. Pårørende' (on relatives, children included) is a fair first answer too",
    ),
    Pair("job med stoette", JOB, "folding"),
    # --- Synonyms (search/wordlists/da_synonyms.txt) ---------------------------
    Pair(
        "dobbeltdiagnose Skive",
        SKIVE,
        "synonym",
        note="text: 'psykisk lidelse og samtidigt misbrug'",
    ),
    Pair(
        "psykisk lidelse og samtidigt misbrug Viborg",
        TEAM_VIBORG,
        "synonym",
        note="text: 'dobbeltdiagnose'",
    ),
    Pair("dobbeltdiagnose", SKIVE, "synonym", within=3),
    Pair("tovholder Hjørring", HJOERRING, "synonym", note="text: 'forløbskoordinator'"),
    Pair("forløbskoordinator", TOVHOLDEREN, "synonym", within=3),
    Pair(
        "misbrugsproblemer lærere",
        TIDLIG_OPSPORING,
        "synonym",
        note="text: 'rusmiddelproblematik'",
    ),
    Pair("egen læge indsatsplan", INDSATSPLAN, "synonym", note="text: 'almen praksis'"),
    Pair("udskrivning brobygger", BROBYGGER, "synonym", note="text: 'udskrivelsen'"),
    Pair("handleplan", INDSATSPLAN, "synonym", within=3),
    Pair("familie samtalegrupper", BOERN, "synonym", note="text: 'pårørende'"),
    # --- Phrases in quotes ------------------------------------------------------
    Pair(
        '"koordinerende indsatsplan"',
        INDSATSPLAN,
        "phrase",
        within=2,
        absent=LAERINGSNETVAERK,
        note="the case has both words, not next to each other",
    ),
    Pair(
        '"fælles visitation"',
        FAELLES_VISITATION,
        "phrase",
        absent=TEAM_VIBORG,
        note="the case has both words, not next to each other",
    ),
    Pair('"ingen ventetid"', VENTETID, "phrase"),
    Pair('"ambulant alkoholbehandling"', "2. Behandlingstilbud", "phrase"),
    Pair('"job med støtte"', JOB, "phrase"),
    # --- Ranking: a unit about the subject above one that mentions it ---------
    Pair("pårørende", PAAROERENDE, "ranking", within=3, above=UDSKRIVNING),
    Pair("tovholder", TOVHOLDEREN, "ranking", within=3, above=JOB),
    Pair("indsatsplan", INDSATSPLAN, "ranking", within=3, above="3.1 Udpeg én tovholder"),
    Pair("udskrivning", UDSKRIVNING, "ranking", within=3, above="3. Overgangen til voksenområdet"),
    Pair("visitation", "2. Visitation og behandling", "ranking", within=3, above=TEAM_VIBORG),
    Pair("forældre", "4. Samarbejde med forældre", "ranking", within=2, above=BOERN),
    # --- Recommendation codes ---------------------------------------------------
    Pair("2.2", VENTETID, "code"),
    Pair("1.2", "1.2 Vurder omfanget af misbruget", "code"),
    Pair("6.1", "6.1 Planen følger borgeren", "code"),
    # --- A distinctive word in a recommendation's statement -------------------
    Pair("flytning kommune", "6.1 Planen følger borgeren", "statement"),
    Pair("fødselsdag", "3.1 Overgangsmøde før myndighedsalderen", "statement"),
    Pair("foedselsdag", "3.1 Overgangsmøde før myndighedsalderen", "folding"),
    # --- Facets -----------------------------------------------------------------
    Pair(
        "2.1",
        "2.1 Behandling tæt på de unge",
        "facet",
        filters={"dokument": ["unge-og-rusmidler"]},
        absent=FAELLES_VISITATION,
    ),
    Pair(
        "2.1",
        FAELLES_VISITATION,
        "facet",
        filters={"dokument": ["sammenhaengende-forloeb"]},
        absent="2.1 Behandling tæt på de unge",
    ),
    Pair("pårørende", BOERN, "facet", filters={"maalgruppe": ["boern"]}),
    Pair(
        "informationsmøde",
        MOEDE_AALBORG,
        "facet",
        filters={"region": ["nordjylland"]},
        absent=MOEDE_VIBORG,
    ),
    Pair("sundhedsaftale", MOEDE_VIBORG, "facet", filters={"type": ["moede"]}),
    Pair("pårørende", "4.1 Inddrag de pårørende", "facet", filters={"type": ["anbefaling"]}),
    Pair("behandling", SKIVE, "facet", filters={"type": ["case"], "tema": ["overgange"]}),
    Pair("samtalegrupper", BOERN, "facet", filters={"region": ["national"]}),
    Pair("cookies", "Privatlivspolitik", "facet", filters={"type": ["side"]}),
    Pair(
        "rusmidler",
        "Vejledning om unge og rusmidler",
        "facet",
        filters={"type": ["dokument"]},
        absent="Vejledning om sammenhængende forløb for voksne",
    ),
    # --- Several words: every word must match (AND) ----------------------------
    Pair("børn psykolog", BOERN, "and"),
    Pair("gaden sygeplejersker", GADETEAM, "and"),
    Pair("hash alkohol anonymt", ERHVERVSSKOLER, "and"),
    Pair("fredag lørdag unge", NATCAFE, "and"),
    Pair("informationsmøde Viborg", MOEDE_VIBORG, "and"),
]
