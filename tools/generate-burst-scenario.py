#!/usr/bin/env python3
"""Writes src/main/resources/scenarios/burst.json: 5 customers, then 200 orders within 2 seconds.

Run from the repository root: python3 tools/generate-burst-scenario.py
The output is committed; the seed keeps it the same on every run.
"""
import json
import random

CUSTOMERS = [("c-1", "Ada Lovelace"), ("c-2", "Grace Hopper"), ("c-3", "Alan Turing"),
             ("c-4", "Katherine Johnson"), ("c-5", "Edsger Dijkstra")]
CATALOG = [("BOOK-1", "12.50"), ("BOOK-2", "24.00"), ("PEN-3", "3.20"), ("MUG-2", "9.90"),
           ("LAMP-7", "34.00"), ("NOTE-5", "4.75"), ("BAG-9", "45.00")]
ORDERS = 200
FIRST_ORDER_MS = 100
ORDER_EVERY_MS = 10  # 200 orders from 100 ms to 2090 ms


def line(step):
    return "    " + json.dumps(step, ensure_ascii=False)


def main():
    rng = random.Random(2024)
    steps = [{"atMs": 0, "note": "A burst: 200 orders from 5 customers in 2 seconds. order-detail applies each "
                                 "event at once; order-list waits 1.5 s after each. Watch both lag counters and "
                                 "the lag chart."}]
    for i, (customer_id, name) in enumerate(CUSTOMERS):
        steps.append({"atMs": i * 10, "command": {"type": "RegisterCustomer", "customerId": customer_id,
                                                  "name": name}})
    for n in range(1, ORDERS + 1):
        customer_id = CUSTOMERS[(n - 1) % len(CUSTOMERS)][0]
        items = []
        for sku, price in rng.sample(CATALOG, rng.randint(1, 3)):
            items.append({"sku": sku, "quantity": rng.randint(1, 3), "unitPrice": price})
        steps.append({"atMs": FIRST_ORDER_MS + (n - 1) * ORDER_EVERY_MS,
                      "command": {"type": "PlaceOrder", "orderId": f"o-{n}", "customerId": customer_id,
                                  "items": items}})
        if n == 100:
            at = steps[-1]["atMs"]
            steps.append({"atMs": at, "expect": {"projector": "order-list", "eventsBehindAtLeast": 10}})
            steps.append({"atMs": at, "note": "Halfway. Events arrive every 10 ms. order-detail applies each one "
                          "as soon as it can; order-list is dozens of events behind, but only about 1.5 s behind "
                          "in time: it applies each event 1.5 s after it was recorded."})
    last_ms = FIRST_ORDER_MS + (ORDERS - 1) * ORDER_EVERY_MS
    # Paused so that the comparison stays on screen while the note is read, on any machine.
    steps.append({"atMs": last_ms + 500, "pause": "order-list"})
    steps.append({"atMs": last_ms + 500, "expect": {"readModel": "order-list", "row": f"o-{ORDERS}", "absent": True}})
    steps.append({"atMs": last_ms + 500, "expect": {"projector": "order-list", "eventsBehindAtLeast": 1}})
    steps.append({"atMs": last_ms + 1500, "query": {"type": "GetOrderById", "orderId": f"o-{ORDERS}",
                                                   "from": "read-model"}})
    steps.append({"atMs": last_ms + 1500, "expect": {"readModel": "order-detail", "row": f"o-{ORDERS}",
                                                    "field": "status", "is": "pending"}})
    steps.append({"atMs": last_ms + 1500, "note": f"The burst is over. order-detail has the last order, o-{ORDERS}; "
                  "order-list does not yet: half a second after the last order it was still behind, and we paused "
                  "it there so you can compare. Time behind stayed near the delay while events behind grew with "
                  "the rate of events."})
    steps.append({"atMs": last_ms + 1600, "resume": "order-list"})
    steps.append({"atMs": last_ms + 7000, "query": {"type": "GetOrdersForCustomer", "customerId": "c-1",
                                                   "from": "read-model"}})
    steps.append({"atMs": last_ms + 7000, "expect": {"projector": "order-list", "eventsBehind": 0}})
    steps.append({"atMs": last_ms + 7000, "expect": {"projector": "order-detail", "eventsBehind": 0}})
    steps.append({"atMs": last_ms + 7000, "expect": {"readModel": "order-list", "row": f"o-{ORDERS}",
                                                    "field": "status", "is": "pending"}})
    steps.append({"atMs": last_ms + 7100, "note": "Resumed, order-list caught up: all 40 of c-1's orders, and "
                  "both checkpoints at the head of the store. No event was lost or applied twice."})

    name = "Burst: 200 orders in 2 seconds"
    description = ("Five customers place 200 orders in about two seconds, far faster than you can read "
                   "them. The order detail projector applies every event at once and keeps up; the order "
                   "list projector waits 1.5 seconds after each event, so it falls about 150 events "
                   "behind while staying only about 1.5 seconds behind in time. Watch the two kinds of lag "
                   "diverge in the lag chart, then watch the list catch up without losing or repeating a "
                   "single event.")
    projectors = {"order-list": {"delayMs": 1500}, "order-detail": {"delayMs": 0}}
    text = ("{\n"
            f'  "name": {json.dumps(name)},\n'
            f'  "description": {json.dumps(description, ensure_ascii=False)},\n'
            f'  "projectors": {json.dumps(projectors)},\n'
            '  "steps": [\n' + ",\n".join(line(step) for step in steps) + "\n  ]\n}\n")
    with open("src/main/resources/scenarios/burst.json", "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()
