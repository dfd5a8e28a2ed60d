package provider_test

import "fmt"

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
}
