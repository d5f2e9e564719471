; Inno Setup 6 script: a per-user installer for the packaged AuditDesk (no administrator
; rights; installs in %LOCALAPPDATA%\Programs\AuditDesk). NOT YET TESTED: written on Linux,
; where no Windows build can be made. Steps and checks: docs/packaging.md, "Windows".
;
;   iscc packaging\windows\auditdesk.iss      (after pyinstaller build.spec)
;
; The version comes from AuditDesk.exe's version resource, which build.spec writes from
; the package metadata, so there is one version number in one place (pyproject.toml).

#define AppExe "..\..\dist\AuditDesk\AuditDesk.exe"
#define AppVersion GetVersionNumbersString(AppExe)

[Setup]
AppId={{6C7E0D1E-3B1B-4E0B-9C1A-A0D17DE5C0DE}
AppName=AuditDesk
AppVersion={#AppVersion}
AppPublisher=AuditDesk
VersionInfoVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\AuditDesk
DefaultGroupName=AuditDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=AuditDesk-{#AppVersion}-setup
SetupIconFile=..\..\auditdesk\resources\icon.ico
UninstallDisplayIcon={app}\AuditDesk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Sign the installer and its uninstaller too (see docs/packaging.md, "Code signing"):
; SignTool=councilsign $f

[Files]
Source: "..\..\dist\AuditDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\AuditDesk"; Filename: "{app}\AuditDesk.exe"
Name: "{userdesktop}\AuditDesk"; Filename: "{app}\AuditDesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put AuditDesk on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\AuditDesk.exe"; Description: "Open AuditDesk"; Flags: nowait postinstall skipifsilent
