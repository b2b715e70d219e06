"""Real RQ and Celery producers for perfdash's Redis tests: python3 producers.py PORT.

RQ (queue "default"): 4 jobs queued, 1 scheduled 5 minutes ahead, 1 deferred behind an unfinished job.
Celery (queue "hi", priority_steps 0..9, sep ":"): 2 tasks at priority 0, 1 at 3, 4 at 9.
"""
import sys
from datetime import timedelta

from redis import Redis
from rq import Queue
from celery import Celery

port = int(sys.argv[1])
queue = Queue("default", connection=Redis(host="127.0.0.1", port=port))
for _ in range(3):
    queue.enqueue("os.getcwd")
queue.enqueue_in(timedelta(minutes=5), "os.getcwd")
parent = queue.enqueue("os.getcwd")
queue.enqueue("os.getcwd", depends_on=parent)

app = Celery(broker=f"redis://127.0.0.1:{port}/0")
app.conf.broker_transport_options = {"priority_steps": list(range(10)), "sep": ":",
                                     "queue_order_strategy": "priority"}
for priority, count in [(0, 2), (3, 1), (9, 4)]:
    for _ in range(count):
        app.send_task("tasks.add", args=(1, 2), queue="hi", priority=priority)
print("ok")
