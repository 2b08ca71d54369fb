; SPDX-License-Identifier: Apache-2.0
; The Windows installer: the console with what windeployqt gathered beside it (Qt libraries,
; QML modules, the TLS backend, multimedia plugins), the server and the simulator as command-line
; programs, a Start-menu entry and an uninstaller, in the console's four languages. Written by
; hand rather than through CPack's NSIS template, so that every page and registry key is plain to
; read and review. Not yet: the server as a Windows service (floorline-server has no Service
; Control Manager entry point, so `sc create` would register a service that cannot start).
;
;   makensis -DSTAGE=<dir> -DVERSION=0.1.0 -DOUTFILE=floorline-0.1.0-setup.exe floorline.nsi
;
; STAGE holds floorline.exe, floorline-server.exe, floorline-sim.exe and the files windeployqt
; put beside them (.github/workflows/windows.yml makes it).

Unicode true
SetCompressor /SOLID lzma

!ifndef STAGE
  !error "give -DSTAGE=<directory with floorline.exe and its Qt files>"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef OUTFILE
  !define OUTFILE "floorline-${VERSION}-setup.exe"
!endif

!define APP "Floorline"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Floorline"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP}"
InstallDirRegKey HKLM "Software\${APP}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${APP} ${VERSION}"

!include "MUI2.nsh"
!include "x64.nsh"

!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${STAGE}\LICENSE.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The console's languages, so the installer speaks the dispatcher's too.
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "Spanish"

LangString SecConsole ${LANG_ENGLISH} "Dispatch console"
LangString SecConsole ${LANG_GERMAN} "Leitstellenkonsole"
LangString SecConsole ${LANG_FRENCH} "Console de dispatching"
LangString SecConsole ${LANG_SPANISH} "Consola de despacho"
LangString DescConsole ${LANG_ENGLISH} "The Floorline console, its demo and the fleet simulator."
LangString DescConsole ${LANG_GERMAN} "Die Floorline-Konsole, ihre Demo und der Flottensimulator."
LangString DescConsole ${LANG_FRENCH} "La console Floorline, sa démo et le simulateur de flotte."
LangString DescConsole ${LANG_SPANISH} "La consola Floorline, su demostración y el simulador de flota."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP} needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!$(SecConsole)" SecConsoleId
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Everything windeployqt staged: the programs, Qt, QML modules and plugins.
  File /r "${STAGE}\*.*"
  WriteRegStr HKLM "Software\${APP}" "InstallDir" "$INSTDIR"
  CreateDirectory "$SMPROGRAMS\${APP}"
  CreateShortcut "$SMPROGRAMS\${APP}\${APP}.lnk" "$INSTDIR\floorline.exe"
  CreateShortcut "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk" "$INSTDIR\uninstall.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "The Floorline developers"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\floorline.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd


!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecConsoleId} $(DescConsole)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  SetRegView 64
  ; The programs go; each user's settings and any server data stay, as Windows applications
  ; leave them.
  RMDir /r "$INSTDIR"
  Delete "$SMPROGRAMS\${APP}\${APP}.lnk"
  Delete "$SMPROGRAMS\${APP}\Uninstall ${APP}.lnk"
  RMDir "$SMPROGRAMS\${APP}"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP}"
SectionEnd
