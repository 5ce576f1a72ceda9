import pytest
from django.contrib.auth.models import Group

from integration_site.editors import EDITOR_GROUP


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", password="x", is_staff=True,
                                                 first_name="Erika", last_name="Muster")
    user.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def stored_files(settings):
    """Every file under MEDIA_ROOT, relative: what a test can compare before and after."""

    def listing():
        root = settings.MEDIA_ROOT
        return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) \
            if root.exists() else []

    return listing
