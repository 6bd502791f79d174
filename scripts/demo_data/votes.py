"""Writes datasets/demo/votes.jsonl: SIMULATED human pairwise votes on the demo responses.

Usage: python3 -B votes.py <dataset folder>
Reads the folder's manifest.jsonl and truth.json (so run it after generate.py has written them).
Deterministic: one fixed seed, and the items are visited in file order.

Six careful raters mostly follow truth.json's tiers; one careless rater answers uniformly at random,
so that rater screening and agreement statistics have something to find.
"""
import itertools
import json
import random
import sys
from pathlib import Path

SEED = 20240611
CAREFUL = [f"sim-careful-{n}" for n in range(1, 7)]
CARELESS = "sim-careless-1"
RATERS_PER_ITEM = 3
CARELESS_SHARE = 0.25  # of the items, where the careless rater takes one careful rater's place
FOLLOWS_TRUTH = 0.85  # a careful rater prefers the system of the better tier
MUCH_SHARE = 0.30  # of those right preferences, said strongly
TIE_IN_SAME_TIER = 0.60
BOTH_BAD_IN_LOWER_TIER = 0.05
VERDICTS = ["a_much_better", "a_better", "tie", "b_better", "b_much_better", "both_bad"]


def tier_of(order, dimension, system):
    return next(index for index, tier in enumerate(order[dimension]) if system in tier)


def preference(winner_is_a, much):
    side = "a" if winner_is_a else "b"
    return f"{side}_much_better" if much else f"{side}_better"


def careful_verdict(rng, order, dimension, a, b):
    tier_a, tier_b = tier_of(order, dimension, a), tier_of(order, dimension, b)
    if tier_a > 0 and tier_b > 0 and rng.random() < BOTH_BAD_IN_LOWER_TIER:
        return "both_bad"
    if tier_a == tier_b:
        return "tie" if rng.random() < TIE_IN_SAME_TIER else preference(rng.random() < 0.5, False)
    a_is_better = tier_a < tier_b
    if rng.random() < FOLLOWS_TRUTH:
        return preference(a_is_better, rng.random() < MUCH_SHARE)
    return preference(not a_is_better, False)


def item_raters(rng, item_number):
    """Three careful raters in rotation; about one item in four gets the careless rater instead of one."""
    raters = [CAREFUL[(RATERS_PER_ITEM * item_number + k) % len(CAREFUL)] for k in range(RATERS_PER_ITEM)]
    if rng.random() < CARELESS_SHARE:
        raters[rng.randrange(RATERS_PER_ITEM)] = CARELESS
    return raters


def votes(prompts, systems, order):
    rng = random.Random(SEED)
    lines = []
    items = ((prompt, pair, dimension)
             for prompt in prompts
             for pair in itertools.combinations(systems, 2)
             for dimension in prompt.get("expectations", {}).get("dimensions", []) + ["overall"])
    for item_number, (prompt, pair, dimension) in enumerate(items):
        for rater in item_raters(rng, item_number):
            a, b = pair if rng.random() < 0.5 else pair[::-1]  # the order the rater heard them in
            verdict = (rng.choice(VERDICTS) if rater == CARELESS
                       else careful_verdict(rng, order, dimension, a, b))
            lines.append({"rater": rater, "prompt": prompt["id"], "a": a, "b": b, "dimension": dimension,
                          "verdict": verdict, "simulated": True})
    return lines


def write_votes(dataset):
    with open(dataset / "manifest.jsonl", encoding="utf-8") as manifest:
        prompts = [json.loads(line) for line in manifest if line.strip()]
    truth = json.loads((dataset / "truth.json").read_text(encoding="utf-8"))
    lines = votes(prompts, list(truth["systems"]), truth["order"])
    with open(dataset / "votes.jsonl", "w", encoding="utf-8", newline="\n") as target:
        target.write("".join(json.dumps(line) + "\n" for line in lines))


if __name__ == "__main__":
    write_votes(Path(sys.argv[1]))
