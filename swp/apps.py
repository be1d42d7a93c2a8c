from django.contrib.admin.apps import AdminConfig


class PlanManagerAdminConfig(AdminConfig):
    default_site = "swp.admin.PlanManagerAdminSite"
