#!/usr/bin/env bash
# make demo: build the provider and the sandbox, start the sandbox on a free
# loopback port, point Terraform at the fresh provider through a dev_overrides
# CLI config in a temporary directory, apply examples/demo, change it, print
# the outputs, destroy, stop the sandbox.
#
# It prints one line per step and a summary; Terraform's whole output goes to
# a log file whose path it prints. On any error it exits non-zero and prints
# the log's tail. It leaves no process behind, and no file but the log.
set -euo pipefail

TERRAFORM=${TERRAFORM:-terraform}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/continuity-demo.XXXXXX")
log=${DEMO_LOG:-"${TMPDIR:-/tmp}/continuity-demo.log"}
sandbox_pid=""
started=$SECONDS
current=""

: >"$log"

cleanup() {
  local status=$?
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill -TERM "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
  if [[ $status -ne 0 ]]; then
    printf ' FAILED\n\ndemo: FAILED at "%s" (exit %d). The last lines of %s:\n\n' "$current" "$status" "$log" >&2
    tail -n 40 "$log" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME CMD...: one line, the command's output into the log.
step() {
  current=$1
  shift
  local t0=$SECONDS
  printf '%-62s' "$current"
  printf '\n==> %s\n' "$current" >>"$log"
  "$@" >>"$log" 2>&1
  printf ' ok (%ds)\n' $((SECONDS - t0))
}

command -v "$TERRAFORM" >/dev/null 2>&1 || {
  echo "demo: no terraform binary ($TERRAFORM): install Terraform 1.11 or later and put it on PATH" >&2
  exit 1
}

echo "continuity demo: the sandbox and examples/demo (full output: $log)"

build() {
  (cd "$root" && go build -ldflags "-X main.version=demo" -o "$work/bin/terraform-provider-continuity" .)
  (cd "$root" && go build -o "$work/continuity-sandbox" ./cmd/sandbox)
  # terraform init resolves providers even under dev_overrides: offer the
  # fresh binary in a filesystem mirror too, so that init needs no registry.
  local platform mirror
  platform="$(go env GOOS)_$(go env GOARCH)"
  mirror="$work/mirror/registry.terraform.io/continuity-dr/continuity/0.0.1/$platform"
  mkdir -p "$mirror"
  cp "$work/bin/terraform-provider-continuity" "$mirror/terraform-provider-continuity_v0.0.1"
}
step "Build the provider and the sandbox" build

start_sandbox() {
  "$work/continuity-sandbox" -addr 127.0.0.1:0 -env-file "$work/sandbox.env" -transition "${DEMO_TRANSITION:-1s}" \
    >"$work/sandbox.out" 2>"$work/sandbox.err" &
  sandbox_pid=$!
  for _ in $(seq 1 200); do
    grep -q 'listening on' "$work/sandbox.out" 2>/dev/null && break
    if ! kill -0 "$sandbox_pid" 2>/dev/null; then
      cat "$work/sandbox.err"
      return 1
    fi
    sleep 0.05
  done
  grep 'listening on' "$work/sandbox.out"
}
step "Start the sandbox" start_sandbox
# shellcheck disable=SC1091
source "$work/sandbox.env"
# Fixture IDs the demo's variables take.
export TF_VAR_sdrs_vpc_id="$CONTINUITY_SANDBOX_SDRS_VPC_ID" TF_VAR_sdrs_volume_ids="$CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"
export TF_VAR_sdrs_server_ids="$CONTINUITY_SANDBOX_SDRS_SERVER_IDS"

# dev_overrides for the provider; the mirror lets init work offline.
# Terraform warns about the overrides at every command: the warnings go to
# the log with the rest of its output, not to the terminal.
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
tf() { "$TERRAFORM" -chdir="$work/demo" "$@" -no-color; }

step "terraform init" tf init -input=false
step "terraform apply: create the DR set-up" tf apply -auto-approve -input=false
step "terraform apply: enable SDRS protection now that pairs exist" tf apply -auto-approve -input=false -var sdrs_protection_enabled=true
step "terraform apply: fail wordpress over to cluster-west" \
  tf apply -auto-approve -input=false -var sdrs_protection_enabled=true -var mirror_state=failedOver
outputs=$(tf output -json)
printf '\n==> terraform output -json\n%s\n' "$outputs" >>"$log"
objects=$(tf state list 2>/dev/null | grep -cv '^data\.' || true)
failover=$(tf output -json wordpress_replication 2>/dev/null | tr -d ' \n' | sed -n 's/.*"state":"\([^"]*\)".*/\1/p')
step "terraform destroy" tf destroy -auto-approve -input=false

stop_sandbox() {
  kill -TERM "$sandbox_pid"
  wait "$sandbox_pid"
  sandbox_pid=""
}
step "Stop the sandbox" stop_sandbox

cat <<SUMMARY

demo: OK in $((SECONDS - started)) s
  objects managed      $objects resources
  wordpress            replicated to cluster-west, then failed over${failover:+ (state: $failover)}
  SDRS                 protection group with two replication pairs and a protected server, protection enabled
  Manila               consistency group and its snapshot
  destroyed            every object; the sandbox is stopped
  full output          $log
SUMMARY
