#!/bin/sh
# Install the packaged AuditDesk for this user only: no root, nothing outside $HOME.
#
#     ./install-linux.sh              # from inside the unpacked AuditDesk folder
#     ./install-linux.sh --uninstall  # takes it away again (your audits are kept)
#
# Copies this folder to ~/.local/opt/AuditDesk, links ~/.local/bin/auditdesk to it, and
# adds the menu entry and its icons under ~/.local/share. Audits, logs and preferences
# live apart, in ~/.local/share/AuditDesk (or AUDITDESK_HOME), and are never touched here.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/AuditDesk
bin=$HOME/.local/bin
sizes="16 24 32 48 64 128 256 512"

remove() {
    rm -f "$bin/auditdesk" "$data/applications/auditdesk.desktop"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/auditdesk.png"
    done
    rm -f "$data/icons/hicolor/scalable/apps/auditdesk.svg"
    rm -rf "$target"
}

if [ "${1:-}" = "--uninstall" ]; then
    remove
    # Where AuditDesk keeps them: AUDITDESK_HOME when set, else the data folder.
    echo "AuditDesk removed. Your audits are kept in ${AUDITDESK_HOME:-$data/AuditDesk}."
    exit 0
fi

if [ ! -x "$here/AuditDesk" ]; then
    echo "Run this from the unpacked AuditDesk folder (no AuditDesk program beside it)." >&2
    exit 1
fi

if [ "$here" != "$target" ]; then
    remove
    mkdir -p "$(dirname "$target")"
    cp -R "$here" "$target"
fi
mkdir -p "$bin" "$data/applications"
ln -sf "$target/AuditDesk" "$bin/auditdesk"
icons=$target/_internal/auditdesk/resources
for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$icons/icon-$size.png" "$data/icons/hicolor/${size}x${size}/apps/auditdesk.png"
done
mkdir -p "$data/icons/hicolor/scalable/apps"
cp "$icons/icon.svg" "$data/icons/hicolor/scalable/apps/auditdesk.svg"
sed -e "s|^Exec=.*|Exec=$target/AuditDesk|" -e "s|^TryExec=.*|TryExec=$target/AuditDesk|" \
    "$target/auditdesk.desktop" > "$data/applications/auditdesk.desktop"
command -v update-desktop-database >/dev/null 2>&1 \
    && update-desktop-database "$data/applications" >/dev/null 2>&1 || true
command -v gtk-update-icon-cache >/dev/null 2>&1 \
    && gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true

"$target/AuditDesk" --version
echo "Installed in $target. Open AuditDesk from the applications menu, or run: auditdesk"
echo "Check it works on this computer with: auditdesk selftest"
