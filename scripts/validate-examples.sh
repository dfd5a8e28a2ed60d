#!/usr/bin/env bash
# Validates every example directory with `terraform validate` against the
# provider built from this checkout (dev_overrides in a temporary CLI config;
# no registry is contacted). Examples that lack a required_providers block get
# one in their temporary copy.
set -euo pipefail

TERRAFORM=${TERRAFORM:-terraform}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/continuity-examples.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$root" && go build -o "$work/bin/terraform-provider-continuity" .)
cat >"$work/terraformrc" <<CONFIG
provider_installation {
  dev_overrides {
    "registry.terraform.io/continuity-dr/continuity" = "$work/bin"
  }
  direct {}
}
CONFIG
export TF_CLI_CONFIG_FILE="$work/terraformrc" CHECKPOINT_DISABLE=1

failed=0
while IFS= read -r dir; do
  rel=${dir#"$root"/}
  copy="$work/examples/$rel"
  mkdir -p "$copy"
  cp -R "$dir"/. "$copy"/
  if ! grep -qs 'required_providers' "$copy"/*.tf; then
    cat >"$copy/zz_required_providers.tf" <<'HCL'
terraform {
  required_providers {
    continuity = {
      source = "continuity-dr/continuity"
    }
  }
}
HCL
  fi
  if out=$("$TERRAFORM" -chdir="$copy" validate -no-color 2>&1); then
    echo "ok    $rel"
  else
    echo "FAIL  $rel"
    echo "$out" | sed 's/^/      /'
    failed=1
  fi
done < <(find "$root/examples" -name '*.tf' -not -path '*/.terraform/*' -exec dirname {} \; | sort -u)
exit "$failed"
