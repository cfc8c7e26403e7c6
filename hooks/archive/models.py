"""The declared schema of every record kind and of a testimony's front matter.

Each model forbids unknown fields, so a misspelled key is an error, not a silently
ignored line. Messages for editors are produced from these models' errors in `validation_messages.py`.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, ClassVar, Literal, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator

from .dates import PartialDate
from .messages import MessageError
from .strict_yaml import OddNumber
from .typography import chinese_text

LANGS = ("zh", "en")

SECTORS = (
    "overall", "industry", "consumption", "employment", "education", "health",
    "housing_resettlement", "infrastructure", "governance", "talent_exchange",
    "social_mobilisation", "finance", "rural_revitalisation", "culture_tourism",
)
MILESTONE_KINDS = (
    "agreement", "poverty_exit", "award", "launch", "visit", "meeting", "posting",
    "completion", "sales", "other",
)
AREA_KINDS = ("county", "programme", "area")
QUALIFIERS = ("exact", "more_than", "at_least", "about", "nearly", "up_to")
FUNDING_COVERS = (
    "total", "municipal", "district", "municipal_and_district", "cooperation", "social",
    "enterprise", "other",
)
COUNT_UNITS = ("people", "households", "person_times")
FACT_UNITS = (
    "count", "people", "households", "person_times", "yuan", "tonnes", "mu", "jin",
    "head", "square_m", "square_km", "km", "cubic_m", "percent",
)


def _number(value: object) -> Decimal:
    # Strings are refused on purpose: "2.93亿" or "1,000" must be written as a plain number.
    # The YAML reader gives Decimal for decimals, so no digit is lost on the way.
    _refuse_odd(value)
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise MessageError("number.plain")
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise MessageError("number.not_a_number", found=str(value))
    if number < 0:
        raise MessageError("number.negative")
    return number


def _whole(value: object) -> object:
    _refuse_odd(value)
    return value


def _refuse_odd(value: object) -> None:
    if isinstance(value, OddNumber):
        key, params = odd_number(value)
        raise MessageError(key, **params)


def odd_number(text: str) -> tuple:
    """What a number YAML 1.1 would misread is, and what to write instead: (key, params)."""
    plain = text.lstrip("+-")
    lowered = plain.lower()
    if lowered.lstrip(".") in ("nan", "inf"):
        return "number.not_a_number", {"found": text}
    if lowered.startswith(("0x", "0o", "0b")):
        return "number.base", {"found": text}
    if ":" in plain:
        return "number.sexagesimal", {"found": text}
    if "_" in plain:
        return "number.separator", {"found": text, "written": text.replace("_", "")}
    if "e" in lowered:
        return "number.exponent", {"found": text}
    if plain[:1] == "0" and plain[1:2].isdigit():
        return "number.leading_zero", {"found": text, "written": text.lstrip("0") or "0"}
    return "number.decimal_form", {"found": text}


def _partial_date(value: object) -> PartialDate:
    return value if isinstance(value, PartialDate) else PartialDate.parse(value)


def _list(value: object) -> object:
    # Editors may write a single year or id without list brackets.
    return value if isinstance(value, list) or value is None else [value]


# The JSON Schema of each (hooks/archive/json_schemas.py) says what an editor may type; the
# validators above say it again with messages. Month and day ranges are in the pattern so a
# text editor underlines 2018-13; a 30 February is left to `make check`.
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
Number = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema({"type": "number", "minimum": 0})]
Date = Annotated[PartialDate, BeforeValidator(_partial_date), WithJsonSchema({
    "anyOf": [{"type": "integer", "minimum": 1000, "maximum": 9999}, {"type": "string", "pattern": DATE_PATTERN}],
    "description": "YYYY, YYYY-MM or YYYY-MM-DD"})]
# One rule for record ids and testimony slugs: they become file names and URLs.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX = 80
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=SLUG_MAX)]
SourceFile = Annotated[str, Field(pattern=r"^\d{3}_[0-9a-f]+\.txt$")]
Year = Annotated[int, Field(ge=1949, le=2100)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


class Text(Model):
    """A text in both languages. One may be missing: that is a translation gap,
    reported as a warning (an error in strict builds), never silently hidden."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1})

    zh: Optional[Annotated[str, Field(min_length=1), AfterValidator(chinese_text)]] = None
    en: Optional[Annotated[str, Field(min_length=1)]] = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> "Text":
        if not (self.zh or self.en):
            raise MessageError("schema.text_in_neither_language")
        return self

    def missing(self) -> list[str]:
        return [lang for lang in LANGS if not getattr(self, lang)]

    def get(self, lang: str) -> str:
        """The text in `lang`, or in the other language when it is not translated yet."""
        return getattr(self, lang) or getattr(self, "en" if lang == "zh" else "zh")


class Figure(Model):
    """A number as one article prints it. Two figures for the same thing from different
    articles are both kept: the pages show the disagreement."""

    value: Number
    qualifier: Literal[QUALIFIERS] = "exact"
    source: SourceFile
    note: Optional[Text] = None


class Amount(Figure):
    """Money, always in yuan."""

    covers: Literal[FUNDING_COVERS] = "total"


class Count(Figure):
    unit: Literal[COUNT_UNITS] = "people"
    what: Optional[Text] = None


class Fact(Figure):
    unit: Literal[FACT_UNITS] = "count"
    label: Text


class SourcedDate(Model):
    date: Date
    source: SourceFile


class Pairing(Model):
    district: Text
    since: Optional[Date] = None  # None where no article says when the pairing began
    until: Optional[Date] = None
    source: SourceFile


class County(Model):
    id: Slug
    kind: Literal[AREA_KINDS] = "county"
    name: Text
    prefecture: Optional[Text] = None
    province: Optional[Text] = None
    area_km2: list[Figure] = []
    population: list[Count] = []
    pairings: list[Pairing] = []
    poverty_exit: list[SourcedDate] = []
    people_lifted: list[Count] = []
    facts: list[Fact] = []
    summary: Text
    sources: Annotated[list[SourceFile], Field(min_length=1)]


class Project(Model):
    id: Slug
    county: Slug
    title: Text
    sector: Literal[SECTORS]
    years: Annotated[list[Annotated[Year, BeforeValidator(_whole)]], BeforeValidator(_list, json_schema_input_type=Year | list[Year])] = []
    aggregate: bool = False  # sums up other aid: shown as reported, never added to totals
    funding: list[Amount] = []
    beneficiaries: list[Count] = []
    facts: list[Fact] = []
    partners: list[Text] = []
    summary: Text
    sources: Annotated[list[SourceFile], Field(min_length=1)]


class Milestone(Model):
    id: Slug
    date: Date
    county: Slug
    kind: Literal[MILESTONE_KINDS]
    title: Text
    text: Optional[Text] = None
    projects: Annotated[list[Slug], BeforeValidator(_list, json_schema_input_type=Slug | list[Slug])] = []
    sources: Annotated[list[SourceFile], Field(min_length=1)]


class Source(Model):
    """One article. Title, publication and date are None where the text does not give them.
    `short` is how every citation names it for readers (its headline, shortened, or a
    description where it has none): file names and numbers are for editors only."""

    file: SourceFile
    short: Text
    title: Optional[Text] = None
    publication: Optional[Text] = None
    published: Optional[Date] = None
    authors: Optional[Text] = None
    about: Text


class Period(Model):
    start: Date
    end: Optional[Date] = None


class Gender(Model):
    """A person's gender, only where an article states it (a pronoun or a word such as 妻子),
    with the article that does. Without it, texts about the person use no pronoun."""

    value: Literal["female", "male"]
    source: SourceFile


class TestimonyMeta(Model):
    """Front matter of one language file of a testimony; the body is the account."""

    narrator: Annotated[str, Field(min_length=1)]
    role: Annotated[str, Field(min_length=1)]
    home_unit: Optional[str] = None
    posting: Optional[str] = None  # only for people sent there; local residents have `place`
    place: Optional[str] = None  # where a local resident lives or works
    gender: Optional[Gender] = None
    county: Slug
    period: Optional[Period] = None
    projects: Annotated[list[Slug], BeforeValidator(_list, json_schema_input_type=Slug | list[Slug])] = []
    source: SourceFile
    summary: Optional[str] = None
    featured: bool = False  # shown on the home page (editors choose a few)

    # Fields that describe the person's facts, not their wording: both languages must agree.
    SHARED: ClassVar[tuple] = ("county", "period", "projects", "source", "gender", "featured")


GLOSSARY_SECTIONS = ("policy", "cooperation", "people", "economy", "places", "units")


class Rendering(Model):
    """How the site writes one Chinese form of a glossary term in English."""

    zh: Annotated[str, Field(min_length=1)]  # as Chinese texts write it
    en: Annotated[str, Field(min_length=1)]  # the preferred English
    variants: list[str] = []  # other English the site allows for it (inflections, short forms)
    avoid: list[str] = []  # English the site once used for it and no longer does


class GlossaryTerm(Model):
    """One entry of the glossary page, and the rule that holds the site's English to it:
    where a Chinese text uses one of its `renderings`, the English twin says it that way."""

    # The rule of _one_rule_per_form, for text editors (hooks/archive/json_schemas.py).
    model_config = ConfigDict(json_schema_extra={
        "if": {"properties": {"zh": {"pattern": "、"}}, "required": ["zh"]}, "then": {"required": ["renderings"]}})

    id: Slug  # also the anchor on the glossary page
    section: Literal[GLOSSARY_SECTIONS]
    zh: Annotated[str, Field(min_length=1)]
    pinyin: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]
    note: Text
    sources: list[SourceFile] = []
    # None: the term itself, with `en`. Empty: not checked, its English depends on context.
    renderings: Optional[list[Rendering]] = None
    variants: list[str] = []
    avoid: list[str] = []

    @model_validator(mode="after")
    def _one_rule_per_form(self) -> "GlossaryTerm":
        if self.renderings is None and "、" in self.zh:
            raise MessageError("schema.glossary_forms")
        return self

    def rules(self) -> list[Rendering]:
        if self.renderings is None:
            return [Rendering(zh=self.zh, en=self.en, variants=self.variants, avoid=self.avoid)]
        return self.renderings


class Passage(Model):
    passage: Annotated[str, Field(min_length=1)]  # a short quote that finds the passage
    records: list[Slug] = []  # record ids or testimony slugs holding it
    note: Optional[str] = None  # why a passage holds no record (framing, no figure, text cut off)

    @model_validator(mode="after")
    def _placed_or_explained(self) -> "Passage":
        if not self.records and not self.note:
            raise MessageError("schema.passage_unplaced")
        return self


class Coverage(Model):
    """An audit list: each figure-bearing passage of an article and where it went."""

    article: SourceFile
    passages: list[Passage]


RECORD_KINDS = {
    "counties": County,
    "projects": Project,
    "milestones": Milestone,
    "sources": Source,
    "glossary": GlossaryTerm,
}


def key_field(kind: str) -> str:
    """The field a record of `kind` is known by: a source by its article's file, others by id."""
    return "file" if kind == "sources" else "id"


# Folders of data/ that hold checked files but make no pages.
AUDIT_KINDS = {"coverage": Coverage}
