"""Demo data of the self-assessment, added when ``seed_demo`` runs (see monev.devdata.demo_seeded)."""


def connect() -> None:
    from monev.devdata import demo_seeded

    demo_seeded.connect(seed, dispatch_uid="assessment-demo")


def seed(sender, today, **kwargs) -> str | None:
    return None
