package provider_test

import (
	"fmt"
	"strings"
)

// hookSource is a valid hook source with one attribute line replaced.
func hookSource(lines string) string {
	return fmt.Sprintf(`
resource "continuity_astra_hook_source" "bad" {
%s
}
`, lines)
}

func executionHook(override string) string {
	return fmt.Sprintf(`
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = %q
  hook_source_id = %q
  action         = "snapshot"
  stage          = "pre"
  %s
}
`, uuidA, uuidB, override)
}

func schedule(lines string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_schedule" "bad" {
  app_id             = %q
  name               = "nightly"
  snapshot_retention = 7
  backup_retention   = 7
%s
}
`, uuidA, lines)
}

func mirror(lines string) string {
	return fmt.Sprintf(`
resource "continuity_astra_app_mirror" "bad" {
%s
}
`, lines)
}

var astraBadInputs = []badInput{
	{name: "hook source: empty name", attr: "name", config: hookSource(`name = ""
content = "echo"`)},
	{name: "hook source: name of 64 characters", attr: "name", config: hookSource(`name = "` + long("n", 64) + `"
content = "echo"`)},
	{name: "hook source: description of 512 characters", attr: "description", config: hookSource(`name = "h"
content = "echo"
description = "` + long("d", 512) + `"`)},
	{name: "hook source: source and content of different scripts", attr: "source", config: hookSource(`name = "h"
content = "echo"
source = "ZXhpdCAx"`)},
	{name: "hook source: neither source nor content", attr: "content", config: hookSource(`name = "h"`)},
	{name: "hook source: source not base64", attr: "source", config: hookSource(`name = "h"
source = "not base64!"`)},
	{name: "hook source: content with a carriage return", attr: "content", config: hookSource(`name = "h"
content = "echo\r\n"`)},
	{name: "hook source: content with binary data", attr: "content", config: hookSource(`name = "h"
content = "\u0001\u0002"`)},

	{name: "execution hook: empty name", attr: "name", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = ""
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "snapshot"
  stage          = "pre"
}`},
	{name: "execution hook: app_id not an ID", attr: "app_id", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "wordpress"
  hook_source_id = "` + uuidB + `"
  action         = "snapshot"
  stage          = "pre"
}`},
	{name: "execution hook: hook_source_id not an ID", attr: "hook_source_id", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "freeze"
  action         = "snapshot"
  stage          = "pre"
}`},
	{name: "execution hook: unknown action", attr: "action", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "clone"
  stage          = "pre"
}`},
	{name: "execution hook: unknown stage", attr: "stage", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "snapshot"
  stage          = "during"
}`},
	{name: "execution hook: pre stage of a failover", attr: "stage", want: "post", config: `
resource "continuity_astra_execution_hook" "bad" {
  name           = "hook"
  app_id         = "` + uuidA + `"
  hook_source_id = "` + uuidB + `"
  action         = "failover"
  stage          = "pre"
}`},
	{name: "execution hook: 17 arguments", attr: "arguments", config: executionHook(`arguments = [` + long(`"a",`, 16) + `"b"]`)},
	{name: "execution hook: argument of 128 characters", attr: "arguments", config: executionHook(`arguments = ["` + long("a", 128) + `"]`)},
	{name: "execution hook: unknown criterion type", attr: "matching_criteria", config: executionHook(`matching_criteria = [{ type = "podColour", value = "x" }]`)},
	{name: "execution hook: criterion not RE2", attr: "matching_criteria", config: executionHook(`matching_criteria = [{ type = "containerName", value = "(" }]`)},
	{name: "execution hook: 11 criteria", attr: "matching_criteria", config: executionHook(`matching_criteria = [` +
		func() string {
			s := ""
			for i := range 11 {
				s += fmt.Sprintf(`{ type = "podName", value = "p%d" },`, i)
			}
			return s
		}() + `]`)},
	{name: "execution hook: description of 512 characters", attr: "description", config: executionHook(`description = "` + long("d", 512) + `"`)},

	{name: "schedule: app_id not an ID", attr: "app_id", config: `
resource "continuity_astra_app_schedule" "bad" {
  app_id             = "wordpress"
  name               = "nightly"
  granularity        = "daily"
  hour               = 2
  minute             = 30
  snapshot_retention = 7
  backup_retention   = 7
}`},
	{name: "schedule: unknown granularity", attr: "granularity", config: schedule(`granularity = "yearly"`)},
	{name: "schedule: minute 60", attr: "minute", config: schedule(`granularity = "hourly"
minute = 60`)},
	{name: "schedule: hour 24", attr: "hour", config: schedule(`granularity = "daily"
hour = 24
minute = 0`)},
	{name: "schedule: day of week 8", attr: "day_of_week", config: schedule(`granularity = "weekly"
day_of_week = 8
hour = 1
minute = 0`)},
	{name: "schedule: day of month 0", attr: "day_of_month", config: schedule(`granularity = "monthly"
day_of_month = 0
hour = 1
minute = 0`)},
	{name: "schedule: daily without hour", attr: "hour", config: schedule(`granularity = "daily"
minute = 0`)},
	{name: "schedule: hourly with a day of week", attr: "day_of_week", config: schedule(`granularity = "hourly"
minute = 5
day_of_week = 1`)},
	{name: "schedule: invalid recurrence rule", attr: "recurrence_rule", config: schedule(`granularity = "custom"
recurrence_rule = "FREQ=SOMETIMES"`)},
	{name: "schedule: negative retention", attr: "snapshot_retention", config: `
resource "continuity_astra_app_schedule" "bad" {
  app_id             = "` + uuidA + `"
  name               = "nightly"
  granularity        = "hourly"
  minute             = 0
  snapshot_retention = -1
  backup_retention   = 7
}`},

	{name: "app mirror: source_app_id not an ID", attr: "source_app_id", config: mirror(`source_app_id = "wordpress"
destination_cluster_id = "` + uuidB + `"`)},
	{name: "app mirror: destination_cluster_id not an ID", attr: "destination_cluster_id", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "cluster-west"`)},
	{name: "app mirror: unknown state_desired", attr: "state_desired", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "` + uuidB + `"
state_desired = "paused"`)},
	{name: "app mirror: created failed over", attr: "state_desired", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "` + uuidB + `"
state_desired = "failedOver"`)},
	{name: "app mirror: created reversed", attr: "reversed", config: mirror(`source_app_id = "` + uuidA + `"
destination_cluster_id = "` + uuidB + `"
reversed = true`)},

	{name: "data app: neither id nor name", attr: "name", config: `data "continuity_astra_app" "bad" {}`},
	{name: "data app: cluster_id not an ID", attr: "cluster_id", config: `
data "continuity_astra_app" "bad" {
  name       = "wordpress"
  cluster_id = "east"
}`},
	{name: "data managed cluster: both id and name", attr: "name", config: `
data "continuity_astra_managed_cluster" "bad" {
  id   = "` + uuidA + `"
  name = "cluster-east"
}`},
	{name: "data storage classes: cluster_id not an ID", attr: "cluster_id", config: `
data "continuity_astra_storage_classes" "bad" {
  cluster_id = "cluster-east"
}`},
	{name: "data app mirror: id not an ID", attr: "id", config: `
data "continuity_astra_app_mirror" "bad" {
  id = "mirror-1"
}`},
	{name: "data hook source: neither id nor name", attr: "name", config: `data "continuity_astra_hook_source" "bad" {}`},
	{name: "data hook sources: filter of unknown syntax", attr: "filter", config: `
data "continuity_astra_hook_sources" "bad" {
  filter = "name is freeze"
}`},
	{name: "data packages: limit 0", attr: "limit", config: `
data "continuity_astra_packages" "bad" {
  limit = 0
}`},
	{name: "data packages: order_by of an unknown field", attr: "order_by", want: "no field", config: `
data "continuity_astra_packages" "bad" {
  order_by = "colour"
}`},
	{name: "data packages: order_by of a field that is no text", attr: "order_by", want: "not a text field", config: `
data "continuity_astra_packages" "bad" {
  order_by = "images desc"
}`},
	{name: "data packages: include of an unknown field", attr: "include", config: `
data "continuity_astra_packages" "bad" {
  include = ["id", "colour"]
}`},
	{name: "data hook source: name of 64 characters", attr: "name", config: `
data "continuity_astra_hook_source" "bad" {
  name = "` + long("n", 64) + `"
}`},
	{name: "data apps: unknown state", attr: "state", config: `
data "continuity_astra_apps" "bad" {
  state = "running"
}`},
	{name: "data apps: namespace not a DNS-1123 label", attr: "namespace", config: `
data "continuity_astra_apps" "bad" {
  namespace = "Prod_DB"
}`},
	{name: "data app: namespace not a DNS-1123 label", attr: "namespace", config: `
data "continuity_astra_app" "bad" {
  name      = "wordpress"
  namespace = "Prod_DB"
}`},
	{name: "data package: id not an ID", attr: "id", config: `
data "continuity_astra_package" "bad" {
  id = "acc-23.10"
}`},

	// Data protection: credentials, buckets, apps, snapshots, backups.
	{name: "cloud credential: empty name", attr: "name", config: credential(`name = ""`)},
	{name: "cloud credential: name of 128 characters", attr: "name", config: credential(`name = "` + long("n", 128) + `"`)},
	{name: "cloud credential: unknown key type", attr: "key_type", config: credential(`key_type = "kubeconfig"`)},
	{name: "cloud credential: s3 without its secret", attr: "key_store_wo", config: credential(`key_store_wo = { accessKey = "AKIA" }`)},
	{name: "cloud credential: no key store to create", attr: "key_store_wo", config: `
resource "continuity_astra_cloud_credential" "bad" {
  name     = "c"
  key_type = "s3"
}`},
	{name: "cloud credential: empty secret", attr: "key_store_wo", config: credential(`key_store_wo = { accessKey = "AKIA", accessSecret = "" }`)},
	{name: "cloud credential: negative version", attr: "key_store_wo_version", config: credential(`key_store_wo_version = -1`)},
	{name: "bucket: unknown object store", attr: "object_store", config: bucket(`object_store = "minio"`)},
	{name: "bucket: S3 without server", attr: "server_url", config: bucket(`object_store = "ontap-s3"`)},
	{name: "bucket: storage account on S3", attr: "storage_account", config: bucket(`object_store = "generic-s3"
server_url = "s3.example.com"
storage_account = "acct"`)},
	{name: "bucket: azure without storage account", attr: "storage_account", config: bucket(`object_store = "azure"`)},
	{name: "bucket: credential_id not an ID", attr: "credential_id", config: bucket(`object_store = "gcp"
credential_id = "backups"`)},
	{name: "bucket: bucket name of 64 characters", attr: "bucket_name", config: bucket(`object_store = "gcp"
bucket_name = "` + long("b", 64) + `"`)},
	{name: "bucket: name of 257 characters", attr: "name", config: bucket(`object_store = "gcp"
name = "` + long("n", 257) + `"`)},
	{name: "app: nothing to manage", attr: "namespace_scoped_resources", config: app(``)},
	{name: "app: name not a DNS-1123 label", attr: "name", config: app(`name = "Payments"
namespace_scoped_resources = [{ namespace = "payments" }]`)},
	{name: "app: cluster_id not an ID", attr: "cluster_id", config: app(`cluster_id = "cluster-east"
namespace_scoped_resources = [{ namespace = "payments" }]`)},
	{name: "app: namespace not a DNS-1123 label", attr: "namespace_scoped_resources", config: app(`namespace_scoped_resources = [{ namespace = "Payments" }]`)},
	{name: "app: bad label selector", attr: "label_selectors", config: app(`namespace_scoped_resources = [{ namespace = "payments", label_selectors = ["tier in (db"] }]`)},
	{name: "app: two sources", attr: "snapshot_id", config: app(`snapshot_id = "` + uuidA + `"
backup_id = "` + uuidB + `"`)},
	{name: "app: namespace mapping of a managed app", attr: "namespace_mapping", config: app(`namespace_scoped_resources = [{ namespace = "payments" }]
namespace_mapping = [{ source = "payments", destination = "payments-2" }]`)},
	{name: "app: filter on a live clone", attr: "restore_filter", config: app(`source_app_id = "` + uuidA + `"
restore_filter = { resource_selection_criteria = "include", resources = [{ kind = "Secret" }] }`)},
	{name: "app: empty restore filter entry", attr: "restore_filter", config: app(`backup_id = "` + uuidA + `"
restore_filter = { resource_selection_criteria = "include", resources = [{}] }`)},
	{name: "app: restore filter criteria", attr: "restore_filter", config: app(`backup_id = "` + uuidA + `"
restore_filter = { resource_selection_criteria = "only", resources = [{ kind = "Secret" }] }`)},
	{name: "app: storage class mapping to a bad name", attr: "storage_class_mapping", config: app(`backup_id = "` + uuidA + `"
storage_class_mapping = [{ source = "*", destination = "Gold" }]`)},
	{name: "app: definition of a restored app", attr: "namespace_scoped_resources", config: app(`backup_id = "` + uuidA + `"
namespace_scoped_resources = [{ namespace = "payments" }]`)},
	{name: "app: in-place restore of a new app", attr: "in_place_restore", config: app(`namespace_scoped_resources = [{ namespace = "payments" }]
in_place_restore = { backup_name = "before-change" }`)},
	{name: "app: in-place restore from two sources", attr: "in_place_restore", config: app(`namespace_scoped_resources = [{ namespace = "payments" }]
in_place_restore = { backup_name = "a", snapshot_name = "b" }`)},
	{name: "app: in-place restore from a bad name", attr: "in_place_restore", config: app(`namespace_scoped_resources = [{ namespace = "payments" }]
in_place_restore = { backup_name = "Before Change" }`)},
	{name: "snapshot: name not a DNS-1123 label", attr: "name", config: protection("snapshot", `name = "Before_Upgrade"`)},
	{name: "snapshot: app_id not an ID", attr: "app_id", config: protection("snapshot", `app_id = "payments"`)},
	{name: "snapshot: bucket_id not an ID", attr: "bucket_id", config: protection("snapshot", `bucket_id = "default"`)},
	{name: "backup: name of 64 characters", attr: "name", config: protection("backup", `name = "`+long("b", 64)+`"`)},
	{name: "backup: snapshot_id not an ID", attr: "snapshot_id", config: protection("backup", `snapshot_id = "latest"`)},
	{name: "backup: bucket_id not an ID", attr: "bucket_id", config: protection("backup", `bucket_id = "default"`)},
	{name: "data snapshots: unknown order", attr: "order_by", config: `
data "continuity_astra_snapshots" "bad" {
  app_id   = "` + uuidA + `"
  order_by = "size desc"
}`},
	{name: "data snapshots: name regex not RE2", attr: "name_regex", config: `
data "continuity_astra_snapshots" "bad" {
  app_id     = "` + uuidA + `"
  name_regex = "(?<=x)"
}`},
	{name: "data backups: unknown state", attr: "state", config: `
data "continuity_astra_backups" "bad" {
  app_id = "` + uuidA + `"
  state  = "done"
}`},
	{name: "data backups: limit 0", attr: "limit", config: `
data "continuity_astra_backups" "bad" {
  app_id = "` + uuidA + `"
  limit  = 0
}`},
}

// credential is a valid S3 cloud credential with attribute lines
// replacing or adding to its own.
func credential(lines string) string {
	return withLines(`resource "continuity_astra_cloud_credential" "bad" {
  name                 = "c"
  key_type             = "s3"
  key_store_wo         = { accessKey = "AKIA", accessSecret = "secret" }
  key_store_wo_version = 1
}`, lines)
}

// bucket is a bucket with the attribute lines given; credential_id, name
// and bucket_name have valid values unless given.
func bucket(lines string) string {
	return withLines(`resource "continuity_astra_bucket" "bad" {
  name          = "b"
  credential_id = "`+uuidA+`"
  bucket_name   = "b"
}`, lines)
}

// app is an app on a cluster with the attribute lines given.
func app(lines string) string {
	return withLines(`resource "continuity_astra_app" "bad" {
  name       = "payments"
  cluster_id = "`+uuidA+`"
}`, lines)
}

// protection is a snapshot or a backup ("snapshot", "backup") of an app
// with the attribute lines given.
func protection(kind, lines string) string {
	return withLines(`resource "continuity_astra_`+kind+`" "bad" {
  app_id = "`+uuidA+`"
  name   = "before-upgrade"
}`, lines)
}

// withLines replaces the attributes of block that lines set, and adds the
// others.
func withLines(block, lines string) string {
	set := map[string]string{}
	var order []string
	for _, line := range strings.Split(lines, "\n") {
		if name, _, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, " ") {
			name = strings.TrimSpace(name)
			set[name] = line
			order = append(order, name)
		}
	}
	var out []string
	for _, line := range strings.Split(block, "\n") {
		name, _, ok := strings.Cut(strings.TrimSpace(line), "=")
		name = strings.TrimSpace(name)
		if ok {
			if repl, given := set[name]; given {
				out = append(out, "  "+repl)
				delete(set, name)
				continue
			}
		}
		if line == "}" {
			for _, n := range order {
				if l, left := set[n]; left {
					out = append(out, "  "+l)
				}
			}
		}
		out = append(out, line)
	}
	return "\n" + strings.Join(out, "\n") + "\n"
}
