#!/usr/bin/env python3
"""Run one of ConferenceScheduler's ways to plan on one instance; write what it found.

    peer.py INSTANCE VARIANT OUT.json [--seed N] [--iterations N]
            [--existing RESULT.json --unavailable EVENT]

VARIANT is one of
  ilp            scheduler.solution(events, slots): the ILP with no objective (CBC)
  ilp-capacity   the same with objective_function=efficiency_capacity_demand_difference
  ilp-fit        the ILP with no objective, each event unavailable in the slots too small
                 for its demand: capacity as a rule, as fora has it
  hill-climber   scheduler.heuristic(..., algorithm=hill_climber), then the capacity objective
  annealing      the same with simulated_annealing
  replan         the ILP with objective_function=number_of_changes from --existing, after
                 --unavailable EVENT is made unavailable in every slot at its time there;
                 capacity a rule as in ilp-fit, since fora's replan keeps it as a rule too

The seconds are those of the scheduler's call alone (building the model and solving it).
run.py starts this in a process group of its own and ends it at its time limit.
"""

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import plan_instances  # noqa: E402


def solve(instance, args):
    import numpy as np
    import pulp
    from conference_scheduler import scheduler
    from conference_scheduler.heuristics import hill_climber, simulated_annealing
    from conference_scheduler.lp_problem import objective_functions as of
    from conference_scheduler.resources import ScheduledItem

    events, slots = plan_instances.peer_problem(instance, args.variant in ("ilp-fit", "replan"))
    cbc = pulp.PULP_CBC_CMD(msg=False)
    variant = args.variant
    if variant in ("hill-climber", "annealing"):
        np.random.seed(args.seed)
        algorithm = hill_climber if variant == "hill-climber" else simulated_annealing
        limit = {"max_iterations": args.iterations}
        warnings.simplefilter("ignore")  # "Lower bound 0 not achieved": counted below
        start = time.perf_counter()
        found = scheduler.heuristic(
            events,
            slots,
            algorithm=algorithm,
            objective_function=of.efficiency_capacity_demand_difference,
            initial_solution_algorithm_kwargs=limit,
            objective_function_algorithm_kwargs=limit,
        )
        return found, time.perf_counter() - start, {}
    if variant == "replan":
        ids = [e["id"] for e in instance["events"]]
        existing = json.loads(Path(args.existing).read_text())["solution"]
        was = slots[existing[args.unavailable]]
        events[ids.index(args.unavailable)].add_unavailability(
            *[s for s in slots if s.starts_at == was.starts_at]
        )
        original = [ScheduledItem(events[ids.index(e)], slots[j]) for e, j in existing.items()]
        start = time.perf_counter()
        found = scheduler.solution(
            events,
            slots,
            objective_function=of.number_of_changes,
            original_schedule=original,
            solver=cbc,
        )
        return found, time.perf_counter() - start, {}
    objective = of.efficiency_capacity_demand_difference if variant == "ilp-capacity" else None
    start = time.perf_counter()
    found = scheduler.solution(events, slots, objective_function=objective, solver=cbc)
    return found, time.perf_counter() - start, {}


def main(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("instance")
    parser.add_argument(
        "variant", choices=["ilp", "ilp-capacity", "ilp-fit", "hill-climber", "annealing", "replan"]
    )
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--existing")
    parser.add_argument("--unavailable")
    args = parser.parse_args(argv)
    instance = json.loads(Path(args.instance).read_text())
    result = {"variant": args.variant}
    try:
        found, seconds, extra = solve(instance, args)
    except ValueError as error:  # "No valid solution found"
        result.update(status="no solution", detail=str(error))
    else:
        ids = [e["id"] for e in instance["events"]]
        # A heuristic's array may hold an event in no slot or in two; keep the first.
        solution = {}
        for event, slot in found:
            solution.setdefault(ids[int(event)], int(slot))
        result.update(status="ok", seconds=seconds, solution=solution, **extra)
    Path(args.out).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
