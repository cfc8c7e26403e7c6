"""A synthetic archive of N records in both languages, valid under the real schema, for the
benchmark. Proportions follow the real archive: mostly projects, then milestones and accounts."""
from __future__ import annotations

import random
from pathlib import Path

SOURCES = ["000_8690be5daf756306.txt", "001_a2282d97453cfedc.txt", "002_65b2f7de334f4f62.txt",
           "003_d0d6c7d8a962a571.txt", "004_68cbcf0a421c36e5.txt"]
SECTORS = ["industry", "consumption", "employment", "education", "health", "infrastructure", "governance"]
KINDS = ["agreement", "launch", "visit", "meeting", "completion", "sales"]
ZH_WORDS = "产业 帮扶 合作 项目 村民 增收 基地 技术 培训 医疗 教育 消费 就业 资金 乡村 振兴 草原 蔬菜 肉牛 草莓".split()
EN_WORDS = ("industry aid cooperation project villagers income base technology training health education "
            "consumption jobs funds rural revitalisation grassland vegetables cattle strawberry").split()


# Place names: two syllables from these, then 旗 / Banner, so that each county has a name of
# its own, as real ones do (林西县, 扎赉特旗), and a query for one name fetches the index
# parts of its own words, not those of a word that every county shares.
SYLLABLES = [("岚", "lan"), ("嵩", "song"), ("翎", "ling"), ("珂", "ke"), ("沅", "yuan"), ("桦", "hua"),
             ("苒", "ran"), ("璟", "jing"), ("岫", "xiu"), ("昀", "yun"), ("濮", "pu"), ("邈", "miao"),
             ("琨", "kun"), ("瑶", "yao"), ("骞", "qian"), ("溟", "ming"), ("栎", "li"), ("霁", "ji"),
             ("澍", "shu"), ("楠", "nan"), ("沣", "feng"), ("赭", "zhe"), ("皋", "gao"), ("鹳", "guan")]


def county_name(index: int) -> tuple[str, str]:
    """The Chinese and English name of county `index`; distinct for up to 552 counties."""
    count = len(SYLLABLES)
    pairs = [(a, b) for a in range(count) for b in range(count) if a != b]
    first, second = (SYLLABLES[i] for i in pairs[index * 101 % len(pairs)])
    return f"{first[0]}{second[0]}旗", f"{(first[1] + second[1]).capitalize()} Banner"


def _zh(rng: random.Random, words: int) -> str:
    return "".join(rng.choice(ZH_WORDS) for _ in range(words)) + "。"


def _en(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(EN_WORDS) for _ in range(words)).capitalize() + "."


def _text(rng, zh_words, en_words, indent="  ") -> str:
    return f"\n{indent}zh: {_zh(rng, zh_words)}\n{indent}en: {_en(rng, en_words)}"


def proportions(records: int) -> dict[str, int]:
    counties = max(3, records // 100)
    testimonies = max(2, records // 10)
    milestones = max(3, records * 3 // 10)
    return {"counties": counties, "testimonies": testimonies, "milestones": milestones,
            "projects": max(3, records - counties - testimonies - milestones - len(SOURCES))}


def write_archive(root: Path, records: int, seed: int = 7) -> dict[str, int]:
    """Write data/ and content/testimonies/ under `root`; return the count of each kind."""
    rng = random.Random(seed)
    counts = proportions(records)
    data, testimonies = Path(root) / "data", Path(root) / "content" / "testimonies"
    for kind in ("counties", "projects", "milestones", "sources"):
        (data / kind).mkdir(parents=True, exist_ok=True)
    testimonies.mkdir(parents=True, exist_ok=True)
    for number, source in enumerate(SOURCES):
        short = f"short: {{zh: 《报道{'甲乙丙丁戊'[number]}》, en: Report {'ABCDE'[number]}}}\n"
        (data / "sources" / f"{source[:-4]}.yaml").write_text(
            f"file: {source}\n{short}about:{_text(rng, 20, 30)}\n", encoding="utf-8")
    counties = [f"county-{i}" for i in range(counts["counties"])]
    for index, county in enumerate(counties):
        zh_name, en_name = county_name(index)
        (data / "counties" / f"{county}.yaml").write_text(
            f"id: {county}\nname: {{zh: {zh_name}, en: {en_name}}}\n"
            f"pairings:\n  - district: {{zh: 丰台区, en: Fengtai District}}\n    since: 2018\n    source: {SOURCES[0]}\n"
            f"summary:{_text(rng, 30, 45)}\nsources: [{SOURCES[0]}]\n", encoding="utf-8")
    projects = [f"project-{i}" for i in range(counts["projects"])]
    for index, project in enumerate(projects):
        source = rng.choice(SOURCES)
        (data / "projects" / f"{project}.yaml").write_text(
            f"id: {project}\ncounty: {counties[index % len(counties)]}\ntitle:{_text(rng, 4, 6)}\n"
            f"sector: {rng.choice(SECTORS)}\nyears: [{rng.randint(2011, 2023)}]\n"
            f"funding:\n  - value: {rng.randint(1, 5000) * 10000}\n    source: {source}\n"
            f"beneficiaries:\n  - value: {rng.randint(10, 9000)}\n    source: {source}\n"
            f"summary:{_text(rng, 40, 60)}\nsources: [{source}]\n", encoding="utf-8")
    for index in range(counts["milestones"]):
        day = f"{rng.randint(2011, 2023)}-{rng.randint(1, 12):02d}"
        (data / "milestones" / f"milestone-{index}.yaml").write_text(
            f"id: milestone-{index}\ndate: {day}\ncounty: {counties[index % len(counties)]}\n"
            f"kind: {rng.choice(KINDS)}\ntitle:{_text(rng, 5, 8)}\ntext:{_text(rng, 20, 30)}\n"
            f"projects: [{projects[index % len(projects)]}]\nsources: [{SOURCES[1]}]\n", encoding="utf-8")
    for index in range(counts["testimonies"]):
        for lang, body in (("zh", lambda: _zh(rng, 120)), ("en", lambda: _en(rng, 180))):
            (testimonies / f"person-{index}.{lang}.md").write_text(
                f"---\nnarrator: {'讲述人' if lang == 'zh' else 'Narrator'} {index}\n"
                f"role: {'干部' if lang == 'zh' else 'Cadre'}\ncounty: {counties[index % len(counties)]}\n"
                f"projects: [{projects[index % len(projects)]}]\nsource: {SOURCES[2]}\n---\n\n"
                + "\n\n".join(body() for _ in range(3)) + "\n", encoding="utf-8")
    return counts
