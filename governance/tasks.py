"""Tasks the worker runs for governance: send an outbox message, and the minute tick."""

from django_tasks import task

from . import daily_jobs, email_sending


@task()
def send_outbox_message(message_id: int) -> str:
    return email_sending.send_message(message_id)


@task()
def tick() -> str:
    """Every minute: send what is due, run the daily jobs whose time has come, queue the next tick."""
    return daily_jobs.tick()
