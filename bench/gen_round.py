#!/usr/bin/env python3
"""Generate a synthetic "sur candidature" round for bench/allocate.sh.

Usage: gen_round.py APPLICANTS OUTPUT [--cycles 500] [--collectivites 20000]
                    [--choices 3] [--seed 20240601]

Deterministic for a given seed. Cycles have 12 to 18 seats and default
balance minimums; some cycles are more wanted than others, applicants of one
collectivité share its priority, arrivals are ISO 8601 dates over 30 days.
"""
import argparse
import bisect
import datetime
import itertools
import json
import random


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("applicants", type=int)
    p.add_argument("output")
    p.add_argument("--cycles", type=int, default=500)
    p.add_argument("--collectivites", type=int, default=20000)
    p.add_argument("--choices", type=int, default=3)
    p.add_argument("--seed", type=int, default=20240601)
    args = p.parse_args()
    rng = random.Random(args.seed)

    cycles = [{"id": f"c{k}", "capacity": rng.randint(12, 18)} for k in range(args.cycles)]
    # Popularity falls off with the cycle index: a few cycles draw most wishes.
    weights = [1.0 / (1 + k / 50) for k in range(args.cycles)]
    cumulative = list(itertools.accumulate(weights))
    priority = [rng.choice((0, 0, 1, 2)) for _ in range(args.collectivites)]
    start = datetime.datetime(2025, 3, 1, 9, 0, tzinfo=datetime.timezone.utc)

    applicants = []
    for i in range(args.applicants):
        coll = rng.randrange(args.collectivites)
        wanted = []
        while len(wanted) < min(args.choices, args.cycles):
            k = bisect.bisect_left(cumulative, rng.random() * cumulative[-1])
            if k not in wanted:
                wanted.append(k)
        arrival = start + datetime.timedelta(seconds=rng.randrange(30 * 24 * 3600))
        applicants.append({
            "id": f"a{i}",
            "collectivite": f"coll{coll}",
            "role": "elu" if rng.random() < 0.45 else "agent",
            "priority": priority[coll],
            "choices": [f"c{k}" for k in wanted],
            "arrival": arrival.strftime("%Y-%m-%dT%H:%M:%SZ"),
        })

    with open(args.output, "w", encoding="utf-8") as f:
        json.dump({"cycles": cycles, "applicants": applicants}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
