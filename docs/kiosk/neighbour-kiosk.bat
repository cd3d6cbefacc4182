@echo off
rem Neighbour museum kiosk for Windows: runs the game and starts it again if it stops with an error.
rem A staff exit (the held key combination) ends with status 0 and leaves this window.
rem Put a shortcut to this file in shell:startup, or register it with Task Scheduler (docs/kiosk.md).
cd /d "%~dp0"
:again
"%USERPROFILE%\neighbour\.venv\Scripts\neighbour.exe" --kiosk --kiosk-config "%USERPROFILE%\neighbour\kiosk.json"
if %ERRORLEVEL%==0 goto done
timeout /t 2 /nobreak >nul
goto again
:done
