#!/usr/bin/env bash
# Builds the shared base image of every szcg image from Debian's packages, without a Docker
# engine: a minimal bookworm root filesystem (debootstrap --variant=minbase) with the headless
# JRE 17, CA certificates and tzdata (Asia/Shanghai), a non-root user 185 (the manifests'
# runAsUser), no apt lists, caches or logs; imported with buildah as
#   szcg/base-jre17:bookworm-<YYYYMMDD>   (and szcg/base-jre17:bookworm, which the Containerfiles use)
# and its package list written to deploy/images/base-packages.txt.
#
#   deploy/images/base.sh            # the base of the five services and the console
#   deploy/images/base.sh --cjk      # szcg/base-jre17-cjk: the same plus fonts-noto-cjk, for a
#                                    # service that renders Chinese text (PDF reports; none yet)
# Mirror: the machine's Debian mirror (first URIs of /etc/apt/sources.list.d/debian.sources),
# or SZCG_DEBIAN_MIRROR. Packages are verified with debian-archive-keyring.
source "$(dirname "$0")/env.sh"
ensure_image_tools

name=base-jre17
extra=()
if [ "${1:-}" = --cjk ]; then name=base-jre17-cjk; extra=(fonts-noto-cjk fontconfig); fi
suite=bookworm
mirror="${SZCG_DEBIAN_MIRROR:-$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)}"
mirror="${mirror:-http://deb.debian.org/debian}"
security="${mirror%/debian}/debian-security"
stamp="$(date -u +%Y%m%d)"
work="$SZCG_CONTAINERS_HOME/rootfs-$name"
rootfs="$work/rootfs"

# a finished debootstrap of today is kept for a retry of the steps after it (the slow part)
if [ "$(cat "$work/debootstrap.done" 2>/dev/null)" != "$stamp $mirror" ]; then
  umount "$rootfs/proc" 2>/dev/null || true
  rm -rf "$work"; mkdir -p "$work"
  ilog "debootstrap $suite (minbase) from $mirror into $rootfs"
  debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 ||
    { tail -30 "$work/debootstrap.log"; exit 1; }
  echo "$stamp $mirror" >"$work/debootstrap.done"
fi

# the point-release and security updates, then the packages (no recommends)
cat >"$rootfs/etc/apt/sources.list" <<SOURCES
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
SOURCES
mount -t proc proc "$rootfs/proc"
trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
# a clean environment inside (the host's TMPDIR, set by env.sh, does not exist there)
in_root() { chroot "$rootfs" env -i DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 TMPDIR=/tmp HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
ilog "apt-get upgrade + openjdk-17-jre-headless ca-certificates tzdata ${extra[*]}"
{
  in_root dpkg --configure -a
  in_root apt-get update -q
  in_root apt-get -y -q upgrade
  in_root apt-get -y -q install --no-install-recommends openjdk-17-jre-headless ca-certificates \
    ca-certificates-java tzdata ${extra[@]+"${extra[@]}"}
} >"$work/apt.log" 2>&1 || { tail -30 "$work/apt.log"; exit 1; }

# Asia/Shanghai as the default zone (TZ in the manifests says the same)
ln -sf /usr/share/zoneinfo/Asia/Shanghai "$rootfs/etc/localtime"
echo Asia/Shanghai >"$rootfs/etc/timezone"
# the non-root user of every image: uid/gid 185 = the Deployments' runAsUser/runAsGroup/fsGroup
in_root getent group szcg >/dev/null || in_root groupadd --system --gid 185 szcg
in_root getent passwd szcg >/dev/null || in_root useradd --system --uid 185 --gid 185 --home-dir /deployments --no-create-home \
  --shell /usr/sbin/nologin szcg
mkdir -p "$rootfs/deployments"

in_root dpkg-query -W -f '${Package}\t${Version}\t${Architecture}\n' | sort >"$work/packages.txt"
umount "$rootfs/proc"; trap - EXIT

# no apt lists, caches or logs; no docs or man pages (copyright files stay: the licences)
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/cache/debconf/*-old \
  "$rootfs"/var/log/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/tmp/* \
  "$rootfs"/var/tmp/* "$rootfs"/dev/* "$rootfs"/proc/* "$rootfs"/sys/* \
  "$rootfs"/var/lib/dpkg/*-old "$rootfs"/var/cache/ldconfig/aux-cache
find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
find "$rootfs/usr/share/doc" -mindepth 1 -type d -empty -delete

# import: one layer, timestamps clamped to the build day (same packages = same layer digest)
epoch="$(date -u -d "$stamp" +%s)"
tar --sort=name --mtime="@$epoch" --numeric-owner -C "$rootfs" -cf "$work/rootfs.tar" .
c=$(buildah from scratch)
buildah add --quiet "$c" "$work/rootfs.tar" / >/dev/null
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env LANG=C.UTF-8 --env TZ=Asia/Shanghai \
  --env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  --user 185:185 --workingdir /deployments \
  --label org.opencontainers.image.title="szcg $name" \
  --label org.opencontainers.image.description="Debian $suite minbase, OpenJDK 17 JRE headless, CA certificates, tzdata; user 185" \
  --label org.opencontainers.image.base.name="debian:$suite (debootstrap $mirror)" \
  --label org.opencontainers.image.version="$suite-$stamp" \
  --label org.opencontainers.image.source="deploy/images/base.sh" \
  --label org.opencontainers.image.revision="$REVISION" \
  --label org.opencontainers.image.licenses="GPL-2.0-only WITH Classpath-exception-2.0 AND LicenseRef-Debian-copyright" \
  "$c"
buildah commit --quiet --timestamp "$epoch" --rm "$c" "$IMAGE_PREFIX/$name:$suite-$stamp" >/dev/null
buildah tag "$IMAGE_PREFIX/$name:$suite-$stamp" "$IMAGE_PREFIX/$name:$suite"
rm -rf "$rootfs" "$work/rootfs.tar"

out="$IMG_DIR/$name-packages.txt"
{
  echo "# dpkg-query of $IMAGE_PREFIX/$name:$suite-$stamp (written by deploy/images/base.sh; commit it)"
  cat "$work/packages.txt"
} >"$out"
ilog "built $IMAGE_PREFIX/$name:$suite-$stamp ($(wc -l <"$work/packages.txt") packages, list in ${out#$REPO/})"
podman image ls "$IMAGE_PREFIX/$name"
