"""What an import did, or would do: counts, refusals, errors and notes."""

from collections import Counter
from dataclasses import dataclass, field

from organizations.hsds.imports.validate import RecordError


@dataclass
class Report:
    created: Counter = field(default_factory=Counter)
    changed: Counter = field(default_factory=Counter)
    # Phones and hours a re-imported record no longer lists.
    removed: Counter = field(default_factory=Counter)
    errors: list[RecordError] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    records: int = 0
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        def counts(counter: Counter) -> str:
            shown = [f"{n} {kind}" for kind, n in sorted(counter.items()) if n]
            return ", ".join(shown) or "nothing"

        verb = "wrote" if self.written else "would write"
        return (
            f"{self.records} records: {verb} new {counts(self.created)}; "
            f"changed {counts(self.changed)}; removed {counts(self.removed)}; "
            f"{len(self.refused)} refused, "
            f"{len(self.duplicates)} held as possible duplicates, {len(self.errors)} invalid."
        )

    def lines(self) -> list[str]:
        return [
            *(f"invalid: {error}" for error in self.errors),
            *(f"refused: {line}" for line in self.refused),
            *(f"possible duplicate: {line}" for line in self.duplicates),
            *(f"note: {line}" for line in self.notes),
            self.summary(),
        ]
