#!/usr/bin/env bash
# Builds one image per service and the console with buildah (no Docker engine), from the
# packaged fast-jars (./mvnw package, target/quarkus-app) and each module's
# src/main/docker/Containerfile, on the base of base.sh (built first if missing). Each image gets
# its CycloneDX SBOM (org.cyclonedx:cyclonedx-maven-plugin from Maven Central) inside, at
# /deployments/sbom/<module>.cdx.json, and beside it in .local/images/. Tags:
#   szcg/<module>:<version>  and  szcg/<module>:<version>-<short revision>
#
#   deploy/images/build.sh [module...]     # default: the five services and the console
#   SZCG_SKIP_BUILD=1 ...                   # target/quarkus-app already packaged
source "$(dirname "$0")/env.sh"
ensure_image_tools
CYCLONEDX_PLUGIN=org.cyclonedx:cyclonedx-maven-plugin:2.9.1
BASE_TAG="${SZCG_BASE_IMAGE:-$IMAGE_PREFIX/base-jre17:bookworm}"
# assessment-service renders its periodic 通报 as PDF with Chinese text (docs/assessment.md): its
# base is the same plus fonts-noto-cjk (base.sh --cjk)
CJK_BASE_TAG="${SZCG_CJK_BASE_IMAGE:-$IMAGE_PREFIX/base-jre17-cjk:bookworm}"
CJK_MODULES=" assessment-service "
OUT="$REPO/.local/images"
mkdir -p "$OUT"
modules=("$@")
[ ${#modules[@]} -gt 0 ] || modules=("${MODULES[@]}")

if ! podman image exists "$BASE_TAG"; then
  ilog "no $BASE_TAG yet: building it (base.sh)"
  "$IMG_DIR/base.sh"
fi
for m in "${modules[@]}"; do
  if [[ "$CJK_MODULES" == *" $m "* ]] && ! podman image exists "$CJK_BASE_TAG"; then
    ilog "no $CJK_BASE_TAG yet: building it (base.sh --cjk)"
    "$IMG_DIR/base.sh" --cjk
    break
  fi
done

if [ -z "${SZCG_SKIP_BUILD:-}" ]; then
  ilog "packaging ${modules[*]} (./mvnw package -DskipTests)"
  (cd "$REPO" && ./mvnw -B -q package -DskipTests -pl "$(IFS=,; echo "${modules[*]}")")
fi
# (an SBOM newer than the packaged app is kept)
stale=()
for m in "${modules[@]}"; do
  [ "$REPO/$m/target/bom.json" -nt "$REPO/$m/target/quarkus-app/quarkus-run.jar" ] || stale+=("$m")
done
if [ ${#stale[@]} -gt 0 ]; then
  ilog "SBOMs of ${stale[*]} ($CYCLONEDX_PLUGIN makeBom, compile+runtime scope)"
  (cd "$REPO" && ./mvnw -B -q -pl "$(IFS=,; echo "${stale[*]}")" "$CYCLONEDX_PLUGIN:makeBom" \
    -DoutputFormat=json -DoutputName=bom -DincludeTestScope=false -DincludeProvidedScope=false \
    -DincludeSystemScope=false)
fi
# the console's browser code: its npm dependencies (production only, as shipped in the bundle)
# (install scripts off: an optional native XML validator would compile for minutes)
CYCLONEDX_NPM=@cyclonedx/cyclonedx-npm@6.0.1
if [[ " ${modules[*]} " == *" console "* ]] && ! [ "$REPO/console/target/bom-npm.json" -nt "$REPO/console/target/quarkus-app/quarkus-run.jar" ]; then
  ilog "SBOM of the console's web app ($CYCLONEDX_NPM, npm dependencies without dev)"
  (cd "$REPO/console/web" && { [ -d node_modules ] || npm ci --no-audit --no-fund --silent; } &&
    npm_config_ignore_scripts=true npx --yes "$CYCLONEDX_NPM" --omit dev --output-format JSON --output-file ../target/bom-npm.json >/dev/null)
fi

# Files in the layers and the image's creation time come from git, not the clock: the same
# libraries give the same layer digest on every build (the registry and the nodes keep them).
# The time is that of the last commit that changed a pom.xml (the dependencies): a commit that
# changes only code keeps the libraries' layers byte for byte.
epoch="$(git -C "$REPO" log -1 --format=%ct -- pom.xml '*/pom.xml' 2>/dev/null || true)"
epoch="${epoch:-$(date +%s)}"
short="${REVISION:0:12}${REVISION#????????????????????????????????????????}"
source_url="${SZCG_SOURCE_URL:-$(git -C "$REPO" remote get-url origin 2>/dev/null || echo "szcg repository (no git remote set)")}"
for m in "${modules[@]}"; do
  dir="$REPO/$m"
  [ -f "$dir/target/quarkus-app/quarkus-run.jar" ] || { echo "missing $m/target/quarkus-app: build first" >&2; exit 1; }
  # lib/main split in two layers: third-party jars, and the suite's own (cn.szcg.*: platform,
  # contracts), which are rebuilt with every release and so change more often
  rm -rf "$dir/target/image-layers"
  mkdir -p "$dir/target/image-layers/lib-third-party" "$dir/target/image-layers/lib-szcg"
  for j in "$dir"/target/quarkus-app/lib/main/*; do
    case "$(basename "$j")" in
      cn.szcg.*) cp -p "$j" "$dir/target/image-layers/lib-szcg/" ;;
      *) cp -p "$j" "$dir/target/image-layers/lib-third-party/" ;;
    esac
  done
  base="$BASE_TAG"
  [[ "$CJK_MODULES" != *" $m "* ]] || base="$CJK_BASE_TAG"
  ilog "building $IMAGE_PREFIX/$m:$VERSION ($short) on $base"
  buildah bud --quiet --layers --identity-label=false --timestamp "$epoch" \
    --build-arg BASE_IMAGE="$base" --build-arg VERSION="$VERSION" --build-arg REVISION="$REVISION" \
    --build-arg SOURCE="$source_url" \
    -f "$dir/src/main/docker/Containerfile" -t "$IMAGE_PREFIX/$m:$VERSION" -t "$IMAGE_PREFIX/$m:$VERSION-$short" \
    "$dir" >/dev/null
  cp "$dir/target/bom.json" "$OUT/$m-$VERSION.cdx.json"
  [ ! -f "$dir/target/bom-npm.json" ] || cp "$dir/target/bom-npm.json" "$OUT/$m-web-$VERSION.cdx.json"
done
sizes
