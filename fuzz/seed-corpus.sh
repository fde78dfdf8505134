#!/usr/bin/env bash
# Seeds the fuzzers' working corpora, which are not committed:
#
#   corpus/schema_loader/  the project's own schemas and every real schema
#                          set of ../shared/corpus (gpx11, maven-pom400,
#                          hpxml, bpmn20, ubl21, nfe, ews), in the input
#                          format of that target (see src/split.rs): a flags
#                          byte, the main file, then NUL, a file name, LF and
#                          the file, for each file it may include or import.
#   corpus/xml_reader/     schemas/examples/ (the UM envelopes and faults)
#                          and every instance document of ../shared/corpus.
#
# The shared corpus is read where it lies (beside the checkout, as CI has
# it); it is copied only into corpus/, which git ignores. Without it, only
# the project's own files are seeded. The committed regression inputs of
# regressions/ are seeded too, so that a run starts from what once broke.
set -euo pipefail
cd "$(dirname "$0")"
schemas=../schemas
shared=${XSDGEN_SHARED_CORPUS:-../../shared/corpus}
out=corpus/schema_loader
docs=corpus/xml_reader
mkdir -p "$out" "$docs"

# seed <name> <flags> <main file> [<extra file>...]
# Each extra file is named by its path relative to the main file's folder,
# so that relative schemaLocations (`../common/x.xsd`) find it.
seed() {
  local name=$1 flags=$2 main=$3
  shift 3
  local dir
  dir=$(dirname "$main")
  {
    printf '%s' "$flags"
    cat "$main"
    for extra in "$@"; do
      printf '\0%s\n' "$(realpath -m --relative-to="$dir" "$extra")"
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

# shared_set <set> <folder of its schema files> <entry point>...
# Every schema file under the folder goes along with each entry point;
# each entry point is seeded for what its roots reach and for everything.
shared_set() {
  local set=$1 root=$shared/$1/$2
  shift 2
  local files=()
  while IFS= read -r f; do files+=("$f"); done \
    < <(find "$root" -type f \( -name '*.xsd' -o -name '*.wsdl' \) | LC_ALL=C sort)
  for entry in "$@"; do
    local main flags=x all=z
    main=$shared/$set/$entry
    case $main in *.wsdl) flags=y all='{' ;; esac
    local extras=() f
    for f in "${files[@]}"; do [ "$f" != "$main" ] && extras+=("$f"); done
    local name
    name=$set-$(basename "$(dirname "$entry")")-$(basename "$entry")
    seed "$name" "$flags" "$main" ${extras[@]+"${extras[@]}"}
    seed "$name.all" "$all" "$main" ${extras[@]+"${extras[@]}"}
  done
}

if [ -d "$shared" ]; then
  shared_set gpx11 schema schema/gpx.xsd
  shared_set maven-pom400 schema schema/content/resources/xsd/maven-4.0.0.xsd
  shared_set hpxml schema/schemas schema/schemas/HPXML.xsd
  shared_set hpxml schema/merged_schema schema/merged_schema/HPXMLMerged.xsd
  shared_set bpmn20 schema schema/resources/bpmn/xsd/BPMN20.xsd
  shared_set ubl21 schema schema/xsd/maindoc/UBL-Invoice-2.1.xsd \
    schema/xsd/maindoc/UBL-CreditNote-2.1.xsd
  nfe=schema/nfelib/nfe
  shared_set nfe "$nfe/wsdl" $(cd "$shared/nfe" && ls "$nfe"/wsdl/v4_0/*.wsdl)
  # The payload documents; leiaute*, tipos* and xmldsig* are their parts.
  shared_set nfe "$nfe/schemas" $(cd "$shared/nfe" && ls "$nfe"/schemas/v4_0/*.xsd \
    | grep -v -e /leiaute -e /tiposBasico -e /DFeTiposBasicos -e /xmldsig)
  shared_set nfe schema/soap-envelope-1.2 schema/soap-envelope-1.2/wsdl/soap-envelope.xsd
  shared_set ews Exchange2016 Exchange2016/services.wsdl Exchange2016/messages.xsd
  shared_set ews Exchange2010_SP2 Exchange2010_SP2/services.wsdl
else
  echo "no shared corpus at $shared: seeding the project's own schemas only" >&2
fi

# Documents, named by their path so that names do not collide.
doc() {
  cp "$1" "$docs/$(printf '%s' "$2" | tr '/' '_')"
}
for f in "$schemas"/examples/*.xml "$schemas"/examples/faults/*.xml; do
  doc "$f" "${f#"$schemas"/}"
done
if [ -d "$shared" ]; then
  while IFS= read -r f; do
    doc "$f" "${f#"$shared"/}"
  done < <(find "$shared"/*/instances -type f | LC_ALL=C sort)
fi

for target in schema_loader xml_reader; do
  if [ -d "regressions/$target" ]; then
    cp regressions/"$target"/* "corpus/$target/" 2>/dev/null || true
  fi
done

echo "seeded $(ls "$out" | wc -l) inputs into fuzz/$out ($(du -sh "$out" | cut -f1))"
echo "seeded $(ls "$docs" | wc -l) inputs into fuzz/$docs ($(du -sh "$docs" | cut -f1))"
