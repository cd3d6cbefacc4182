"""The browser edition: `python main.py web build OUT` writes a static folder that plays the game on
Pyodide (bridge.py runs game.core in the page; static/ holds the page's HTML, CSS and JavaScript)."""
