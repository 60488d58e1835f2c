"""Small widgets of the session screen."""
