# Shared helpers for the project's scripts. Sourced, not run.

# Runs a command as root (directly, or through sudo when available).
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "Cần quyền root để cài gói hệ thống: $*" >&2; return 1; fi
}

# Installs the Debian/Ubuntu packages given that are not installed yet.
apt_install() {
    local missing=()
    for p in "$@"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "==> apt-get install ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Cargo must be there (rustup's toolchain); say so plainly when it is not.
need_cargo() {
    if ! command -v cargo >/dev/null; then
        [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
    fi
    command -v cargo >/dev/null || { echo "Không tìm thấy cargo: hãy cài Rust (rustup) trước." >&2; exit 1; }
}

# The command line for Linux as shipped: linked statically and not position-independent,
# so that a run neither loads shared libraries nor relocates itself — the fixed cost of
# every short run (about 0.8 ms of a 4 ms `banthao diff` on the build machines). Built
# for the explicit target, so the window's release build (GTK, linked dynamically) keeps
# its own artefacts. Glibc's static libraries come with build-essential (libc6-dev).
# Nothing it runs needs glibc's run-time loading (no user or host name lookups; SQLite's
# extension loading, which would call dlopen, stays off).
CLI_TARGET=x86_64-unknown-linux-gnu
CLI_LINUX=target/$CLI_TARGET/release/banthao
build_cli_linux() {
    RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static -C relocation-model=static" \
        cargo build --release --locked --target "$CLI_TARGET" --bin banthao "$@"
}

# What the window needs to build (Tauri 2 on WebKitGTK 4.1), a Vietnamese-complete
# interface font, and Liberation 2 (Times New Roman's metrics with every Vietnamese
# letter; Liberation 1 lacks them, so capitals such as Ả came from another font).
APP_PACKAGES=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev
    libayatana-appindicator3-dev libssl-dev libxdo-dev fonts-noto-core fonts-liberation fonts-liberation2)

# Node and npm must be there; the UI's packages are installed into ui/node_modules.
build_ui() {
    command -v npm >/dev/null || apt_install nodejs npm
    (cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run --silent build)
}

# tauri-driver (the WebDriver server for Tauri windows) on PATH.
need_tauri_driver() {
    export PATH="$HOME/.cargo/bin:$PATH"
    command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version 2.1.0
}
