from diplograph.cli import app

app()
