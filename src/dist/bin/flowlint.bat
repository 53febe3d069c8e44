@echo off
rem flowlint ${project.version} for Windows, from the release archive: needs only a Java 17+ runtime
rem (JAVA_HOME or java on PATH). Untested on Windows by the project's CI; bin/flowlint is the tested launcher.
setlocal
set "FLOWLINT_HOME=%~dp0.."
if defined JAVA_HOME (
  set "FLOWLINT_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "FLOWLINT_JAVA=java"
)
"%FLOWLINT_JAVA%" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dflowlint.launcher="%FLOWLINT_HOME%\bin\flowlint.bat" -jar "%FLOWLINT_HOME%\lib\flowlint.jar" %*
exit /b %ERRORLEVEL%
