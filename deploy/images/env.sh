# Sourced by the image scripts: points buildah, podman and skopeo at the repository's container
# configuration (containers.conf, storage.conf.in) and at a storage root under the checkout's
# .local/ (override with SZCG_CONTAINERS_HOME), overlay or vfs (storage.conf.in says why). Installs the tools from Debian's packages if missing.
set -euo pipefail
IMG_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$IMG_DIR/../.." && pwd)"
SZCG_CONTAINERS_HOME="${SZCG_CONTAINERS_HOME:-$REPO/.local/containers}"
mkdir -p "$SZCG_CONTAINERS_HOME/tmp"
overlay_works() {
  local d; d="$(mktemp -d "$SZCG_CONTAINERS_HOME/tmp/ovl.XXXXXX")"
  mkdir -p "$d/l" "$d/u" "$d/w" "$d/m"
  if mount -t overlay overlay -o "lowerdir=$d/l,upperdir=$d/u,workdir=$d/w" "$d/m" 2>/dev/null; then
    umount "$d/m"; rm -rf "$d"; return 0
  fi
  rm -rf "$d"; return 1
}
if [ -z "${SZCG_STORAGE_DRIVER:-}" ]; then
  if overlay_works; then SZCG_STORAGE_DRIVER=overlay; else SZCG_STORAGE_DRIVER=vfs; fi
fi
sed -e "s#@ROOT@#$SZCG_CONTAINERS_HOME#g" -e "s#@DRIVER@#$SZCG_STORAGE_DRIVER#g" \
  "$IMG_DIR/storage.conf.in" >"$SZCG_CONTAINERS_HOME/storage.conf"
export CONTAINERS_CONF="$IMG_DIR/containers.conf"
export CONTAINERS_STORAGE_CONF="$SZCG_CONTAINERS_HOME/storage.conf"
export TMPDIR="$SZCG_CONTAINERS_HOME/tmp"
export BUILDAH_ISOLATION=chroot
# skopeo/podman address of the local store (skopeo does not read CONTAINERS_STORAGE_CONF paths
# for the transport's default driver on every version: name it explicitly)
STORE="containers-storage:[$SZCG_STORAGE_DRIVER@$SZCG_CONTAINERS_HOME/storage-$SZCG_STORAGE_DRIVER+$SZCG_CONTAINERS_HOME/run-$SZCG_STORAGE_DRIVER]"

# The images' names, version and revision.
IMAGE_PREFIX="${SZCG_IMAGE_PREFIX:-szcg}"
SERVICES=(gis-service intake-service dispatch-service sla-service assessment-service)
MODULES=("${SERVICES[@]}" console)
VERSION="$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$REPO/pom.xml" | head -1)"
REVISION="$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo unknown)"
# an image built from uncommitted changes says so (tag and label); CI builds a clean clone
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then REVISION="$REVISION-dirty"; fi

ilog() { printf '\033[1m[images]\033[0m %s\n' "$*" >&2; }

ensure_image_tools() {
  local missing=()
  for p in buildah podman runc skopeo umoci debootstrap; do
    command -v "$p" >/dev/null || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    ilog "installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq buildah podman runc skopeo umoci debootstrap >/dev/null
  fi
}

# Size of each image and of the shared base (uncompressed, as stored).
sizes() {
  podman image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -v '<none>' | sort
}

# The layer digests of an image, bottom first (compare two builds: which layers did change).
layers() { # image
  skopeo inspect --format '{{range .Layers}}{{println .}}{{end}}' "${STORE}localhost/$1"
}
