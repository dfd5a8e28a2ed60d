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
modern_pid=""
started=$SECONDS
current=""

: >"$log"

cleanup() {
  local status=$?
  for pid in "$sandbox_pid" "$modern_pid"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
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

# launch NAME PIDVAR ARGS...: start a sandbox whose output goes to
# $work/NAME.out, its env file to $work/NAME.env, and wait until it serves.
launch() {
  local name=$1 pidvar=$2
  shift 2
  "$work/continuity-sandbox" -addr 127.0.0.1:0 -env-file "$work/$name.env" -transition "${DEMO_TRANSITION:-1s}" "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  printf -v "$pidvar" '%s' "$!"
  for _ in $(seq 1 200); do
    grep -q 'listening on' "$work/$name.out" 2>/dev/null && break
    if ! kill -0 "${!pidvar}" 2>/dev/null; then
      cat "$work/$name.err"
      return 1
    fi
    sleep 0.05
  done
  grep 'listening on' "$work/$name.out"
}
start_sandbox() { launch sandbox sandbox_pid; }
step "Start the sandbox" start_sandbox
# Consistency groups (Newton) and share groups (Ocata and later) never exist
# on one Manila: a second sandbox plays a modern one, for the share group.
start_modern_sandbox() { launch modern modern_pid -manila-modern; }
step "Start a second sandbox: a Manila of Ocata or later" start_modern_sandbox
# shellcheck disable=SC1091
source "$work/sandbox.env"
# Fixture IDs the demo's variables take, and the (write-only) secret of its
# backup bucket.
export TF_VAR_sdrs_vpc_id="$CONTINUITY_SANDBOX_SDRS_VPC_ID" TF_VAR_sdrs_volume_ids="$CONTINUITY_SANDBOX_SDRS_VOLUME_IDS"
TF_VAR_astra_backup_secret="demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
export TF_VAR_astra_backup_secret
# The modern Manila's Keystone, for the share group (manila_share_groups.tf).
modern_env() { (
  # shellcheck disable=SC1091
  source "$work/modern.env"
  printf '%s' "${!1}"
); }
TF_VAR_manila_modern_auth_url=$(modern_env OS_AUTH_URL)
TF_VAR_manila_modern_user_name=$(modern_env OS_USERNAME)
TF_VAR_manila_modern_password=$(modern_env OS_PASSWORD)
TF_VAR_manila_modern_project_name=$(modern_env OS_PROJECT_NAME)
export TF_VAR_manila_modern_auth_url TF_VAR_manila_modern_user_name TF_VAR_manila_modern_password TF_VAR_manila_modern_project_name
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
restored=$(tf output -json ledger_protection 2>/dev/null | tr -d ' \n' | sed -n 's/.*"backup_state":"\([^"]*\)".*/\1/p')
group_members=$(tf output -json share_group 2>/dev/null | tr -d ' \n' | sed -n 's/.*"members":\([0-9]*\).*/\1/p')
step "terraform destroy" tf destroy -auto-approve -input=false

stop_sandbox() {
  kill -TERM "$sandbox_pid" "$modern_pid"
  wait "$sandbox_pid" "$modern_pid"
  sandbox_pid="" modern_pid=""
}
step "Stop the sandboxes" stop_sandbox

cat <<SUMMARY

demo: OK in $((SECONDS - started)) s
  objects managed      $objects resources
  wordpress            replicated to cluster-west, then failed over${failover:+ (state: $failover)}
  ledger               managed, backed up to a bucket${restored:+ (backup: $restored)}, the backup restored into ledger-restored
  SDRS                 protection group with two replication pairs and a protected server, protection enabled
  Manila (Newton)      consistency group and its snapshot
  Manila (modern)      share group with two shares, snapshotted together${group_members:+ ($group_members members)}
  destroyed            every object; the sandboxes are stopped
  full output          $log
SUMMARY
