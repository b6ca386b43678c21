#!/usr/bin/env bash
# Checks the Salesforce metadata in force-app with the real Salesforce CLI:
#   1. every XML file (and Visualforce page, Aura component and design file) under force-app is well-formed;
#   2. every element and enumerated value is known to the Metadata API types shipped with the CLI;
#   3. `sf project convert source` turns the source format into Metadata API format.
# Steps 2 and 3 need no org and no network once the CLI is installed. The CLI is installed on first use
# with npm into a cache directory outside the repository (never committed), pinned to a version
# that runs on Node 20.
#
# Usage: check-metadata.sh [OUTPUT_DIR]      (default: ../target/salesforce-mdapi)
# Environment:
#   JBP_SF_CLI_VERSION  @salesforce/cli version to install (default below)
#   JBP_SFCLI_HOME      where to install it (default: ~/.cache/jbp/sfcli-<version>)
#   JBP_SF              an existing `sf` executable to use instead of installing one
#   JBP_SF_MODULES      the node_modules directory of that CLI (for step 2)
#   JBP_XML_CHECKER     xmllint | python3 | java, to force one well-formedness checker
# Exits non-zero on the first failure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../target/salesforce-mdapi}"
sf_version="${JBP_SF_CLI_VERSION:-2.146.3}"
sf_home="${JBP_SFCLI_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/jbp/sfcli-$sf_version}"

cd "$here"
say() { echo "[check-metadata] $*"; }

# --- 1. well-formed XML -------------------------------------------------------------------------
checker="${JBP_XML_CHECKER:-}"
if [[ -z "$checker" ]]; then
    if command -v xmllint >/dev/null 2>&1; then checker=xmllint
    elif command -v python3 >/dev/null 2>&1 && python3 -c 'import xml.dom.minidom' 2>/dev/null; then checker=python3
    else checker=java
    fi
fi
mapfile -t xml_files < <(find force-app -type f \( -name '*.xml' -o -name '*.page' -o -name '*.component' \
    -o -name '*.cmp' -o -name '*.design' \) | sort)
if [[ ${#xml_files[@]} -eq 0 ]]; then
    say "no XML files under force-app"; exit 1
fi
say "checking ${#xml_files[@]} XML files with $checker"
case "$checker" in
    xmllint)
        for f in "${xml_files[@]}"; do
            if [[ "$f" == *.xml ]]; then
                xmllint --noout --nonet "$f"
            else # Visualforce and Aura markup use the apex:, aura:, force: ... prefixes without declaring them
                { echo '<vf xmlns:apex="urn:vf:apex" xmlns:c="urn:vf:c" xmlns:aura="urn:aura" xmlns:force="urn:force" xmlns:design="urn:design" xmlns:forceCommunity="urn:fc">'; cat "$f"; echo '</vf>'; } \
                    | xmllint --noout --nonet - || { echo "not well-formed: $f" >&2; exit 1; }
            fi
        done ;;
    python3) python3 - "${xml_files[@]}" <<'PY'
import sys
import xml.dom.minidom
from xml.parsers import expat
bad = 0
for name in sys.argv[1:]:
    try:
        if name.endswith(".xml"):
            xml.dom.minidom.parse(name)
        else:  # Visualforce and Aura markup use undeclared prefixes (apex:, aura:, force:)
            with open(name, "rb") as f:
                expat.ParserCreate().ParseFile(f)
    except expat.ExpatError as e:
        bad += 1
        print(f"not well-formed: {name}:{e.lineno}:{e.offset}: {e}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
        ;;
    java) java tools/XmlWellFormed.java force-app ;;
    *) say "unknown JBP_XML_CHECKER '$checker'"; exit 2 ;;
esac

# The CLI cannot convert a decomposed file (a CustomField, for one) with a comment before its
# root element, so comments in metadata files are refused here; explanations go in README.md.
commented=$(grep -l -- '<!--' $(find force-app -name '*-meta.xml') || true)
if [[ -n "$commented" ]]; then
    say "XML comments in metadata files (put the explanation in README.md or <description>):"
    echo "$commented"; exit 1
fi

# --- 2. the Salesforce CLI ------------------------------------------------------------------------
export SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_SKIP_NEW_VERSION_CHECK=true \
       SF_DISABLE_AUTOUPDATE=true SF_HIDE_RELEASE_NOTES=true NODE_NO_WARNINGS=1
sf="${JBP_SF:-$sf_home/node_modules/.bin/sf}"
if [[ ! -x "$sf" ]]; then
    command -v npm >/dev/null 2>&1 || { say "npm is needed to install @salesforce/cli"; exit 1; }
    say "installing @salesforce/cli@$sf_version into $sf_home (first run only)"
    mkdir -p "$sf_home"
    # @salesforce/cli 2.146.3 is the last release that declares Node 18/20 support, but its
    # dependency @jsforce/jsforce-node now resolves to undici 8, which needs Node 22 and fails to
    # load on Node 20. undici 7 runs on Node 20; pin it where jsforce uses it.
    cat > "$sf_home/package.json" <<'JSON'
{"name":"jbp-sfcli","private":true,"overrides":{"@jsforce/jsforce-node":{"undici":"7.28.0"}}}
JSON
    start=$SECONDS
    npm install --prefix "$sf_home" --no-audit --no-fund --loglevel=error "@salesforce/cli@$sf_version"
    say "installed in $((SECONDS - start)) s"
fi
say "using $("$sf" --version)"

# --- 3. element names and enumerated values, against the CLI's metadata type definitions -----------
modules="${JBP_SF_MODULES:-$sf_home/node_modules}"
if [[ -d "$modules" ]]; then
    mapfile -t meta_files < <(find force-app -type f -name '*-meta.xml' | sort)
    node tools/check-element-names.js "$modules" "${meta_files[@]}"
else
    say "skipping the element-name check: no CLI node_modules at $modules (set JBP_SF_MODULES)"
fi

# --- 4. convert source format to Metadata API format (offline) --------------------------------------
rm -rf "$out"
mkdir -p "$(dirname "$out")"
"$sf" project convert source --root-dir force-app --output-dir "$out" >"$out.log" 2>&1 || {
    cat "$out.log"; say "sf project convert source failed"; exit 1; }
cat "$out.log"

# The converted package must hold every kind of component this project ships.
manifest="$out/package.xml"
[[ -f "$manifest" ]] || { say "no package.xml in $out"; exit 1; }
for type in ApexPage AuraDefinitionBundle ConnectedApp CustomField CustomObject CustomTab FlexiPage PermissionSet; do
    grep -q "<name>$type</name>" "$manifest" || { say "package.xml lacks $type"; exit 1; }
done
for member in JBP_Joint_Business_Plans JBP_Plan_Tab JBP_Portfolio JBP_Account_Record_Page \
              Partner_Certification__c Activity.JBP_External_Id__c PartnerFundRequest.JBP_External_Id__c \
              Account.Partner_Tier__c Opportunity.Deal_Registration__c Opportunity.Co_Sell__c \
              Campaign.Partner_Account__c JBP_Plan_User JBP_Integration JBP_Partner_User JBP_Partner_Plans; do
    grep -q "<members>$member</members>" "$manifest" || { say "package.xml lacks $member"; exit 1; }
done
say "OK: $(find "$out" -type f | wc -l) files in Metadata API format under $out"
