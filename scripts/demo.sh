#!/usr/bin/env bash
# make demo: build the provider and the sandbox, start the sandbox on a free
# loopback port, point Terraform at the fresh provider through a dev_overrides
# CLI config in a temporary directory, apply examples/demo, print the outputs,
# destroy, stop the sandbox. Exits non-zero if any step fails; leaves no
# process or file behind.
set -euo pipefail

TERRAFORM=${TERRAFORM:-terraform}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/continuity-demo.XXXXXX")
sandbox_pid=""

cleanup() {
  local status=$?
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill -TERM "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  if [[ $status -ne 0 ]]; then
    echo "demo: FAILED (exit $status)" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step() { printf '\n==> %s\n' "$*"; }

command -v "$TERRAFORM" >/dev/null 2>&1 || {
  echo "demo: no terraform binary ($TERRAFORM): install Terraform 1.11 or later and put it on PATH" >&2
  exit 1
}

step "Building the provider and the sandbox"
(cd "$root" && go build -ldflags "-X main.version=demo" -o "$work/bin/terraform-provider-continuity" .)
(cd "$root" && go build -o "$work/continuity-sandbox" ./cmd/sandbox)
# terraform init resolves providers even under dev_overrides: offer the fresh
# binary in a filesystem mirror too, so that init needs no registry.
platform="$(go env GOOS)_$(go env GOARCH)"
mirror="$work/mirror/registry.terraform.io/continuity-dr/continuity/0.0.1/$platform"
mkdir -p "$mirror"
cp "$work/bin/terraform-provider-continuity" "$mirror/terraform-provider-continuity_v0.0.1"

step "Starting the sandbox"
"$work/continuity-sandbox" -addr 127.0.0.1:0 -env-file "$work/sandbox.env" -transition "${DEMO_TRANSITION:-1s}" \
  >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 1 200); do
  grep -q 'listening on' "$work/sandbox.out" 2>/dev/null && break
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    echo "demo: the sandbox exited early:" >&2
    cat "$work/sandbox.err" >&2
    exit 1
  fi
  sleep 0.05
done
grep -q 'listening on' "$work/sandbox.out" || { echo "demo: the sandbox did not start" >&2; exit 1; }
cat "$work/sandbox.out"
# shellcheck disable=SC1091
source "$work/sandbox.env"
# Fixture IDs the demo's variables take.
export TF_VAR_sdrs_vpc_id="$CONTINUITY_SANDBOX_SDRS_VPC_ID" TF_VAR_sdrs_volume_ids="$CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"

cat >"$work/terraformrc" <<CONFIG
provider_installation {
  dev_overrides {
    "registry.terraform.io/continuity-dr/continuity" = "$work/bin"
  }
  filesystem_mirror {
    path    = "$work/mirror"
    include = ["registry.terraform.io/continuity-dr/continuity"]
  }
  direct {
    exclude = ["registry.terraform.io/continuity-dr/continuity"]
  }
}
CONFIG
export TF_CLI_CONFIG_FILE="$work/terraformrc"
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1

cp -R "$root/examples/demo" "$work/demo"
tf() { "$TERRAFORM" -chdir="$work/demo" "$@"; }

step "terraform init"
tf init -input=false -no-color

step "terraform apply"
tf apply -auto-approve -input=false -no-color

step "terraform apply: enable SDRS protection, now that the replication pairs exist"
tf apply -auto-approve -input=false -no-color -var sdrs_protection_enabled=true

step "Outputs"
tf output -no-color

step "terraform apply -var mirror_state=failedOver (fail wordpress over to cluster-west)"
tf apply -auto-approve -input=false -no-color -var sdrs_protection_enabled=true -var mirror_state=failedOver
tf output -no-color wordpress_replication

step "terraform destroy"
tf destroy -auto-approve -input=false -no-color

step "Stopping the sandbox"
kill -TERM "$sandbox_pid"
wait "$sandbox_pid"
sandbox_pid=""
echo "demo: OK"
