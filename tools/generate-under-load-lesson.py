#!/usr/bin/env python3
"""Writes src/main/resources/scenarios/under-load.json: 5 customers, then 200 orders within 2 seconds.

Run from the repository root: python3 tools/generate-under-load-lesson.py
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
    steps = [{"atMs": 0, "note": "Under load: five customers will place 200 orders in two seconds, far faster than "
                                 "anyone can read them. order-detail applies each event at once; order-list waits "
                                 "1.5 s after each. Watch both lanes' 'behind' counters and the lag chart."}]
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
            # No note in the middle of the burst: the player would hold on it and split the burst in two.
            steps.append({"atMs": steps[-1]["atMs"], "expect": {"projector": "order-list",
                                                                "eventsBehindAtLeast": 10}})
    last_ms = FIRST_ORDER_MS + (ORDERS - 1) * ORDER_EVERY_MS
    last = f"o-{ORDERS}"
    # Paused so that the comparison stays on screen while it is read and asked about, on any machine.
    steps.append({"atMs": last_ms + 500, "pause": "order-list"})
    steps.append({"atMs": last_ms + 500, "expect": {"readModel": "order-list", "row": last, "absent": True}})
    steps.append({"atMs": last_ms + 500, "expect": {"projector": "order-list", "eventsBehindAtLeast": 20}})
    steps.append({"atMs": last_ms + 1500, "query": {"type": "GetOrderById", "orderId": last, "from": "read-model"}})
    steps.append({"atMs": last_ms + 1500, "expect": {"readModel": "order-detail", "row": last,
                                                    "field": "status", "is": "pending"}})
    steps.append({"atMs": last_ms + 1500, "expect": {"projector": "order-detail", "eventsBehind": 0}})
    steps.append({"atMs": last_ms + 1500, "question": {
        "ask": f"The burst is over, and order-detail has the last order, {last}. We paused order-list half a second "
               f"after it. What does order-list say about {last}?",
        "choices": [
            {"answer": f"nothing yet: {last} is not in the list", "right": True,
             "expect": {"readModel": "order-list", "row": last, "absent": True}},
            {"answer": "pending, like the order detail",
             "expect": {"readModel": "order-list", "row": last, "field": "status", "is": "pending"}}],
        "why": f"order-list applies each event 1.5 s after it was recorded; {last} was placed only half a second "
               "before we paused it."}})
    steps.append({"atMs": last_ms + 1500, "question": {
        "ask": "And how many events is order-list behind?",
        "choices": [
            {"answer": "dozens or more", "right": True,
             "expect": {"projector": "order-list", "eventsBehindAtLeast": 20}},
            {"answer": "none: it kept up", "expect": {"projector": "order-list", "eventsBehind": 0}}],
        "why": "Every event recorded in the last 1.5 s is still waiting for it: under load, that is a lot of events."}})
    steps.append({"atMs": last_ms + 1600, "note": f"The burst is over. order-detail has the last order, {last}; "
                  "order-list does not yet, and is dozens of events behind. We paused it half a second after the "
                  "last order, so you can compare."})
    steps.append({"atMs": last_ms + 1700, "note": "Two kinds of lag. In time, order-list is never much more than "
                  "its 1.5 s delay behind. In events, it is as far behind as the number of events recorded in those "
                  "1.5 s: under load, that grows with the rate of orders. The lag chart draws both."})
    steps.append({"atMs": last_ms + 2600, "resume": "order-list"})
    steps.append({"atMs": last_ms + 2700, "note": "Resumed: watch order-list work through its backlog. It applies "
                  "the events in order, in batches, and its 'behind' counter falls to 0."})
    steps.append({"atMs": last_ms + 8000, "query": {"type": "GetOrdersForCustomer", "customerId": "c-1",
                                                   "from": "read-model"}})
    steps.append({"atMs": last_ms + 8000, "expect": {"projector": "order-list", "eventsBehind": 0}})
    steps.append({"atMs": last_ms + 8000, "expect": {"projector": "order-detail", "eventsBehind": 0}})
    steps.append({"atMs": last_ms + 8000, "expect": {"readModel": "order-list", "row": last,
                                                    "field": "status", "is": "pending"}})
    steps.append({"atMs": last_ms + 8100, "note": f"order-list caught up: {last} is in the list, and both "
                  "checkpoints are at the head of the store. No event was lost or applied twice; under load a read "
                  "model falls behind in events, and catches up when the load is over."})
    steps.append({"atMs": last_ms + 8200, "note": "What to watch for in a real system: a projector that applies "
                  "events more slowly than they arrive never catches up, and its backlog grows for as long as the "
                  "load lasts. Measure how many events behind each read model is, not only how many seconds."})

    name = "Under load: 200 orders in 2 seconds"
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
    with open("src/main/resources/scenarios/under-load.json", "w", encoding="utf-8") as out:
        out.write(text)


if __name__ == "__main__":
    main()
