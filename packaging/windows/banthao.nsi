; The Windows installer of Bản thảo (NSIS 3, Unicode). Built by scripts/package.sh:
;   makensis -DVERSION=0.1.0 -DDIST=target/dist/windows -DOUTFILE=... banthao.nsi
;
; Per user, no administrator rights: the program goes to
; %LOCALAPPDATA%\Programs\Bản thảo, the Start-menu shortcut and the entry in the
; installed-programs list to the user's own profile and registry (HKCU). The user's
; data (library, drafts, backups) lives elsewhere, in %APPDATA%\vn.banthao.app (the
; window) and %APPDATA%\banthao (the command line), so installing over an older
; version keeps it, and uninstalling keeps it unless the user asks.
;
; Silent use for IT departments:
;   Bản-thảo-0.1.0-cai-dat.exe /S [/PATH] [/D=C:\folder]   install (/PATH: banthao on PATH)
;   "%LOCALAPPDATA%\Programs\Bản thảo\Gỡ cài đặt.exe" /S [/XOADULIEU]   uninstall
;                                              (/XOADULIEU: also delete the user's data)

; A 64-bit installer for the 64-bit program (every Windows 10/11 office PC is x64).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION is required (-DVERSION=0.1.0)"
!endif
!ifndef DIST
  !error "DIST is required (-DDIST=folder holding the executables)"
!endif
!ifndef OUTFILE
  !define OUTFILE "Bản-thảo-${VERSION}-cai-dat.exe"
!endif

!define PRODUCT "Bản thảo"
!define APP_EXE "Bản thảo.exe"
!define CLI_EXE "banthao.exe"
!define UNINSTALLER "Gỡ cài đặt.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\vn.banthao.app"
!define DATA_APP "$APPDATA\vn.banthao.app"
!define DATA_CLI "$APPDATA\banthao"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1066 "CompanyName" "${PRODUCT}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${PRODUCT}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "MIT"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"
!include "StrFunc.nsh"
!include "Sections.nsh"
${StrStr}
${UnStrRep}

!define MUI_ICON "${DIST}\icon.ico"
!define MUI_UNICON "${DIST}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${PRODUCT}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Section "${PRODUCT} (cửa sổ và lệnh banthao)" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program's files only; the data folders are not touched.
  File "${DIST}\${APP_EXE}"
  File "${DIST}\${CLI_EXE}"
  File "${DIST}\WebView2Loader.dll"
  File "${DIST}\icon.ico"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\icon.ico" 0
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "Dùng lệnh banthao ở mọi thư mục (thêm vào PATH)" SecPath
  ReadRegStr $0 HKCU "Environment" "Path"
  StrLen $1 $0
  ; NSIS strings have a fixed length: a PATH near it would come back cut short, so it
  ; is left alone rather than risk damaging it.
  ${If} $1 > 7000
    DetailPrint "PATH quá dài, không sửa; hãy thêm $INSTDIR vào PATH bằng tay."
    Return
  ${EndIf}
  ${StrStr} $2 ";$0;" ";$INSTDIR;"
  ${If} $2 == ""
    ${If} $0 == ""
      StrCpy $0 "$INSTDIR"
    ${Else}
      StrCpy $0 "$0;$INSTDIR"
    ${EndIf}
    WriteRegExpandStr HKCU "Environment" "Path" $0
    WriteRegDWORD HKCU "${UNINST_KEY}" "AddedToPath" 1
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
  ${EndIf}
SectionEnd

LangString DESC_Main ${LANG_VIETNAMESE} "Chương trình Bản thảo (cửa sổ soạn thảo) và lệnh banthao.exe."
LangString DESC_Path ${LANG_VIETNAMESE} "Gõ banthao trong cửa sổ lệnh ở bất kỳ thư mục nào."
!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} $(DESC_Main)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecPath} $(DESC_Path)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Function .onInit
  ; /PATH on the command line (silent installs) selects the PATH option.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/PATH" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecPath}
  ${EndIf}
FunctionEnd

Section "un.${PRODUCT}" UnSecMain
  SectionIn RO
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  ReadRegDWORD $0 HKCU "${UNINST_KEY}" "AddedToPath"
  ${If} $0 == 1
    ReadRegStr $1 HKCU "Environment" "Path"
    ${UnStrRep} $1 ";$1;" ";$INSTDIR;" ";"
    ; Drop the separators added around it.
    StrCpy $1 $1 "" 1
    StrCpy $1 $1 -1
    WriteRegExpandStr HKCU "Environment" "Path" $1
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=2000
  ${EndIf}
  DeleteRegKey HKCU "${UNINST_KEY}"
SectionEnd

Section /o "un.Xóa cả dữ liệu (thư viện, dự thảo, bản sao lưu)" UnSecData
  RMDir /r "${DATA_APP}"
  RMDir /r "${DATA_CLI}"
SectionEnd

LangString DESC_UnData ${LANG_VIETNAMESE} "Không chọn: thư viện, các dự thảo và bản sao lưu được giữ lại để dùng khi cài lại."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnSecData} $(DESC_UnData)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END

Function un.onInit
  ; /XOADULIEU on the command line (silent uninstalls) also deletes the user's data.
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/XOADULIEU" $1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${UnSecData}
  ${EndIf}
FunctionEnd
