from django.db import migrations, models


class Migration(migrations.Migration):
    """Indexes for the actions list's filters: deadline ranges and status within a plan."""

    dependencies = [
        ("actions", "0002_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="action",
            index=models.Index(fields=["plan", "deadline"], name="action_plan_deadline_idx"),
        ),
        migrations.AddIndex(
            model_name="action",
            index=models.Index(fields=["plan", "status"], name="action_plan_status_idx"),
        ),
    ]
