"""One module per area of the web application; phakhi/web/urls.py routes to them."""
