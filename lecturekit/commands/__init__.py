"""The CLI commands, one thin click module per stage; cli.py assembles them."""
