"""Plain-language "what happens next", by loan type, path and the lender's action.

These are general consumer-protection points, not legal advice: what a lender may do with
a deficiency and what a borrower can do about it. Sources: CFPB, "What is a deficiency
balance?" (consumerfinance.gov/ask-cfpb), FTC "Vehicle Repossession" (consumer.ftc.gov),
UCC §9-616 (explanation of the deficiency), IRS Pub 4681 (cancelled debt).
"""

from __future__ import annotations

from deficiency.core.scenario import Scenario
from deficiency.text.markers import N_, Message

PATH_NOTES: dict[str, str] = {
    "short_sale": N_(
        "In a short sale the lender agrees to release its lien for less than what is owed. "
        "Unless the approval letter says the rest is waived, the lender may still pursue it."
    ),
    "foreclosure": N_(
        "After a foreclosure sale the lender may ask a court for a deficiency judgment, "
        "where your state allows it, or try to collect the rest later."
    ),
    "deed_in_lieu": N_(
        "With a deed in lieu of foreclosure you hand the home to the lender. Ask for the "
        "agreement to say the deed settles the whole debt."
    ),
    "repossession": N_(
        "After a repossession the lender must sell the vehicle in a commercially reasonable "
        "way, tell you before the sale, and explain how it calculated what you still owe."
    ),
    "voluntary_surrender": N_(
        "Giving the vehicle back yourself saves repossession fees, but it is still a "
        "repossession for the loan: the sale rules and the deficiency work the same way."
    ),
}

ACTION_NOTES: dict[str, str] = {
    "collect": N_(
        "The lender may pursue the deficiency: send it to collection, sue for a deficiency "
        "judgment, or offer a settlement. Keep every letter and check the figures."
    ),
    "forgive": N_(
        "The lender writes off the deficiency. Get the waiver in writing: a charge-off alone "
        "does not mean the debt is forgiven, and forgiven debt may count as income."
    ),
    "settle": N_(
        "You pay the agreed amount and the lender cancels the rest. Get the settlement in "
        "writing before you pay, saying the balance is settled in full."
    ),
}

SURPLUS_NOTE = N_(
    "The sale brought more than was owed. A surplus belongs first to junior lienholders "
    "(a second mortgage, for example) and then to you: ask the lender or the court for it."
)
NO_DEFICIENCY_NOTE = N_("Nothing is left to pay on this loan after the sale.")
#: The lender pursues a deficiency the state's law leaves nothing of (a bar, a presumption):
#: "the lender may sue you" beside "Collectible deficiency $0" read as a contradiction.
NOTHING_COLLECTIBLE_NOTE = N_(
    "Your state's law leaves nothing of this deficiency for the lender to collect (see “Can "
    "the lender collect it?”). If it still asks you to pay, sues you or reports a balance, "
    "answer in writing and get free legal help."
)


def next_steps(
    scenario: Scenario,
    deficiency_cents: int,
    surplus_cents: int,
    collectible_cents: int | None = None,
) -> list[Message]:
    """The short list of what happens next for this scenario, most specific first.

    ``collectible_cents``: what the state's law lets the lender collect (``None``: not known);
    when the lender pursues or settles a deficiency of which nothing is collectible, that
    is said instead of what a lender may do to collect it or what a settlement pays.
    """
    notes = [Message(PATH_NOTES[scenario.path])]
    if surplus_cents > 0:
        notes.append(Message(SURPLUS_NOTE))
    elif deficiency_cents == 0:
        notes.append(Message(NO_DEFICIENCY_NOTE))
    elif scenario.action in ("collect", "settle") and collectible_cents == 0:
        # "You pay the agreed amount" would advise paying what the law says is not owed.
        notes.append(Message(NOTHING_COLLECTIBLE_NOTE))
    else:
        notes.append(Message(ACTION_NOTES[scenario.action]))
    return notes
