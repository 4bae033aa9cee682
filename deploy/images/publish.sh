#!/usr/bin/env bash
# Copies the images built by build.sh (and the shared base) from the local store to the registry
# the ops team names, with skopeo (no Docker engine), each under two tags: the version and
# version-revision (the git commit, 12 hex digits) — the manifests name the version tag, a
# release pins the digest printed here (docs/operations.md, "Publishing the images").
#
#   SZCG_REGISTRY=registry.example.gov.cn/szcg deploy/images/publish.sh [skopeo copy options]
#   e.g. --dest-creds user:token, --dest-cert-dir DIR, or --dest-tls-verify=false for a local test
#   registry (deploy/images/registry.sh start: 127.0.0.1:5000)
source "$(dirname "$0")/env.sh"
ensure_image_tools
: "${SZCG_REGISTRY:?name the registry and its path, e.g. SZCG_REGISTRY=registry.example.gov.cn/szcg}"
: >"$REPO/.local/images/published.txt" 2>/dev/null || mkdir -p "$REPO/.local/images"
for m in "${MODULES[@]}"; do
  src="${STORE}localhost/$IMAGE_PREFIX/$m:$VERSION"
  # the revision the image was built from (its label), not the checkout's
  rev="$(podman image inspect -f '{{index .Labels "org.opencontainers.image.revision"}}' "$IMAGE_PREFIX/$m:$VERSION")"
  short="${rev:0:12}${rev#????????????????????????????????????????}"
  for tag in "$VERSION" "$VERSION-$short"; do
    ilog "skopeo copy $IMAGE_PREFIX/$m:$VERSION -> $SZCG_REGISTRY/$m:$tag"
    skopeo copy --quiet "$@" "$src" "docker://$SZCG_REGISTRY/$m:$tag"
  done
  tls=(); for o in "$@"; do [ "$o" = --dest-tls-verify=false ] && tls=(--tls-verify=false); done
  digest="$(skopeo inspect ${tls[@]+"${tls[@]}"} --format '{{.Digest}}' "docker://$SZCG_REGISTRY/$m:$VERSION-$short")"
  echo "$SZCG_REGISTRY/$m:$VERSION-$short@$digest" | tee -a "$REPO/.local/images/published.txt"
done
