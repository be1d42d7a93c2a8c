"""/favicon.ico, which browsers ask for whatever a page links to, leads to the service's icon."""

from django.contrib.staticfiles import finders


def test_favicon_ico_redirects_to_the_icon_every_page_links_to(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("/images/favicon.svg")
    assert finders.find("images/favicon.svg")  # the icon is there to be served
    assert response["Location"] in client.get("/accessibility/").content.decode()
