#!/usr/bin/env bash
# Seeds corpus/schema_loader/ with the project's own schemas, in the input
# format of that target (see src/split.rs): a flags byte, the main file,
# then NUL, a file name, LF and the file, for each file it may include.
# Only the project's schemas are used; the shared corpus may not be copied.
set -euo pipefail
cd "$(dirname "$0")"
schemas=../schemas
out=corpus/schema_loader
mkdir -p "$out"

# seed <name> <flags> <main file> [<extra file>...]
seed() {
  local name=$1 flags=$2 main=$3
  shift 3
  {
    printf '%s' "$flags"
    cat "$main"
    for extra in "$@"; do
      printf '\0%s\n' "$(basename "$extra")"
      cat "$extra"
    done
  } > "$out/$name"
}

seed um.wsdl y "$schemas/um.wsdl" "$schemas/um-messages.xsd" "$schemas/um-types.xsd"
seed um.wsdl.all '{' "$schemas/um.wsdl" "$schemas/um-messages.xsd" "$schemas/um-types.xsd"
seed um-messages.xsd x "$schemas/um-messages.xsd" "$schemas/um-types.xsd"
seed um-types.xsd z "$schemas/um-types.xsd"

for dir in "$schemas"/cases/*/; do
  case=$(basename "$dir")
  [ "$case" = broken ] && continue
  # The case's schema is schema.xsd or schema.wsdl; the others are its parts.
  main=
  for candidate in "$dir"schema.xsd "$dir"schema.wsdl; do
    [ -e "$candidate" ] && main=$candidate && break
  done
  [ -n "$main" ] || continue
  flags=x all=z
  case $main in *.wsdl) flags=y all='{' ;; esac
  extras=()
  for f in "$dir"*.xsd "$dir"*.wsdl; do
    [ -e "$f" ] && [ "$f" != "$main" ] && extras+=("$f")
  done
  seed "case-$case" "$flags" "$main" ${extras[@]+"${extras[@]}"}
  seed "case-$case.all" "$all" "$main" ${extras[@]+"${extras[@]}"}
done

broken=$schemas/cases/broken
for f in "$broken"/*.xsd "$broken"/*.wsdl; do
  name=$(basename "$f")
  case $name in *.inc.*) continue ;; esac
  flags=x
  case $name in *.wsdl) flags=y ;; esac
  stem=${name%.*}
  extras=()
  for inc in "$broken/$stem".*.inc.xsd; do
    [ -e "$inc" ] && extras+=("$inc")
  done
  seed "broken-$name" "$flags" "$f" ${extras[@]+"${extras[@]}"}
done

echo "seeded $(ls "$out" | wc -l) inputs into fuzz/$out"
